import { t } from '../core/text';
import type { FlowConfig } from './flow-types';
import type { ArqIssue } from './types';
import { ACK_LOSS_PARAM, BUFFER_PARAM, SEED_PARAM, limits } from './params';

/**
 * Defaults chosen so a zero window and a window probe both happen: the app
 * reads 2 segments every 500 ms, the buffer refills within ~120 ms of a window
 * update, and the persist timer (200 ms) fires before the next read.
 */
export const FLOW_DEFAULTS: FlowConfig = {
  packets: 16,
  bufferSize: 4,
  readRate: 2,
  readInterval: 500,
  sendInterval: 10,
  oneWayDelay: 50,
  persistTimeout: 200,
  ackLoss: 0,
  loseWindowUpdates: 0,
  seed: 1,
};

/** The buffer and seed are the page's params (`params.ts`); the rest accepts more than the page offers. */
export const FLOW_LIMITS = {
  packets: { min: 1, max: 60 },
  bufferSize: limits(BUFFER_PARAM),
  readRate: { min: 1, max: 16 },
  readInterval: { min: 1, max: 10000 },
  sendInterval: { min: 1, max: 1000 },
  oneWayDelay: { min: 0, max: 10000 },
  persistTimeout: { min: 1, max: 60000 },
  loseWindowUpdates: { min: 0, max: 100 },
  seed: limits(SEED_PARAM),
} as const;

const ACK_LOSS_MAX = ACK_LOSS_PARAM.max / 100;

export type FlowInput = Partial<FlowConfig>;

export function validateFlowConfig(input: FlowInput): { ok: true; config: FlowConfig } | { ok: false; issues: ArqIssue[] } {
  const c: FlowConfig = { ...FLOW_DEFAULTS, ...input };
  const issues: ArqIssue[] = [];
  for (const [field, { min, max }] of Object.entries(FLOW_LIMITS)) {
    const v = c[field as keyof typeof FLOW_LIMITS];
    if (!(Number.isInteger(v) && v >= min && v <= max)) {
      issues.push({
        field,
        message: t(`${field} 값은 ${min}–${max} 사이의 정수여야 합니다 (받은 값: ${v}).`, `${field} must be a whole number from ${min} to ${max} (got ${v}).`),
      });
    }
  }
  if (!(typeof c.ackLoss === 'number' && c.ackLoss >= 0 && c.ackLoss <= ACK_LOSS_MAX)) {
    issues.push({ field: 'ackLoss', message: t(`ACK 손실률은 0–${ACK_LOSS_MAX} 사이여야 합니다.`, `ackLoss must be between 0 and ${ACK_LOSS_MAX}.`) });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, config: c };
}
