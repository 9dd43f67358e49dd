import { t } from '../core/text';
import type { ArqConfig, ArqIssue, ArqProtocol } from './types';
import { ARQ_PROTOCOLS } from './types';
import { LOSS_PARAM, PACKETS_PARAM, SEED_PARAM, WINDOW_PARAM, limits } from './params';

export const ARQ_DEFAULTS: ArqConfig = {
  protocol: 'go-back-n',
  window: 4,
  packets: 10,
  timeout: 300,
  oneWayDelay: 50,
  sendInterval: 10,
  loss: 0,
  lose: [],
  loseAcks: [],
  seed: 1,
  seqSpace: 32,
};

/**
 * What the engine accepts. Window, packets, loss and seed are the page's own params
 * (`params.ts`); timing and the sequence space accept more than the page offers, for
 * tests and other callers.
 */
export const ARQ_LIMITS = {
  window: limits(WINDOW_PARAM),
  packets: limits(PACKETS_PARAM),
  timeout: { min: 1, max: 60000 },
  oneWayDelay: { min: 0, max: 10000 },
  sendInterval: { min: 1, max: 1000 },
  /** A probability: the page's percent over 100. */
  loss: { min: LOSS_PARAM.min / 100, max: LOSS_PARAM.max / 100 },
  seqSpace: { min: 2, max: 1024 },
  seed: limits(SEED_PARAM),
} as const;

export type ArqInput = Partial<ArqConfig>;

/** The largest window the protocol can use safely with this many sequence numbers. */
export function maxWindow(protocol: ArqProtocol, seqSpace: number): number {
  switch (protocol) {
    case 'stop-and-wait':
      return 1;
    case 'go-back-n':
      return seqSpace - 1;
    case 'selective-repeat':
    case 'tcp':
      return Math.floor(seqSpace / 2);
  }
}

function intIssue(field: string, v: number, min: number, max: number): ArqIssue | null {
  if (Number.isInteger(v) && v >= min && v <= max) return null;
  return {
    field,
    message: t(`${field} 값은 ${min}–${max} 사이의 정수여야 합니다 (받은 값: ${v}).`, `${field} must be a whole number from ${min} to ${max} (got ${v}).`),
  };
}

function listIssue(field: string, v: unknown, max: number): ArqIssue | null {
  if (Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n <= max)) return null;
  return {
    field,
    message: t(`${field} 는 0–${max} 사이 정수의 목록이어야 합니다.`, `${field} must be a list of whole numbers from 0 to ${max}.`),
  };
}

/** Fills in defaults and checks every field. Never throws. */
export function validateArqConfig(input: ArqInput): { ok: true; config: ArqConfig } | { ok: false; issues: ArqIssue[] } {
  const c: ArqConfig = { ...ARQ_DEFAULTS, ...input, lose: [...(input.lose ?? [])], loseAcks: [...(input.loseAcks ?? [])] };
  const issues: ArqIssue[] = [];
  const push = (i: ArqIssue | null) => {
    if (i) issues.push(i);
  };
  if (!ARQ_PROTOCOLS.includes(c.protocol)) {
    issues.push({
      field: 'protocol',
      message: t(`프로토콜은 ${ARQ_PROTOCOLS.join(', ')} 중 하나여야 합니다.`, `protocol must be one of ${ARQ_PROTOCOLS.join(', ')}.`),
    });
  }
  const L = ARQ_LIMITS;
  push(intIssue('window', c.window, L.window.min, L.window.max));
  push(intIssue('packets', c.packets, L.packets.min, L.packets.max));
  push(intIssue('timeout', c.timeout, L.timeout.min, L.timeout.max));
  push(intIssue('oneWayDelay', c.oneWayDelay, L.oneWayDelay.min, L.oneWayDelay.max));
  push(intIssue('sendInterval', c.sendInterval, L.sendInterval.min, L.sendInterval.max));
  push(intIssue('seqSpace', c.seqSpace, L.seqSpace.min, L.seqSpace.max));
  push(intIssue('seed', c.seed, L.seed.min, L.seed.max));
  if (!(typeof c.loss === 'number' && c.loss >= L.loss.min && c.loss <= L.loss.max)) {
    issues.push({ field: 'loss', message: t(`손실률은 ${L.loss.min}–${L.loss.max} 사이여야 합니다.`, `loss must be between ${L.loss.min} and ${L.loss.max}.`) });
  }
  push(listIssue('lose', c.lose, L.packets.max));
  push(listIssue('loseAcks', c.loseAcks, L.packets.max));
  if (issues.length > 0) return { ok: false, issues };

  if (c.protocol === 'stop-and-wait') c.window = 1;
  const max = maxWindow(c.protocol, c.seqSpace);
  if (c.window > max) {
    const S = c.seqSpace;
    if (c.protocol === 'go-back-n') {
      issues.push({
        field: 'window',
        message: t(
          `Go-Back-N 의 윈도(${c.window})는 순서 번호 공간 크기 − 1 (= ${S} − 1 = ${max}) 이하여야 합니다. 더 크면 수신자가 윈도 전체를 받은 뒤 재전송된 옛 패킷을 같은 번호의 새 패킷으로 착각할 수 있습니다.`,
          `Go-Back-N needs window (${c.window}) ≤ seqSpace − 1 (= ${S} − 1 = ${max}). With a larger window, after a whole window arrives the receiver could take a retransmitted old packet for a new one with the same number.`,
        ),
      });
    } else {
      const name = c.protocol === 'tcp' ? t('TCP', 'TCP') : t('선택적 반복(Selective Repeat)', 'Selective Repeat');
      issues.push({
        field: 'window',
        message: t(
          `${name.ko} 의 윈도(${c.window})는 순서 번호 공간의 절반 (= ${S} / 2 = ${max}) 이하여야 합니다. 더 크면 송신 윈도와 수신 윈도가 같은 순서 번호를 공유하게 되어, 수신자가 재전송된 옛 패킷을 새 패킷으로 착각해 버퍼에 넣을 수 있습니다.`,
          `${name.en} needs window (${c.window}) ≤ seqSpace / 2 (= ${S} / 2 = ${max}). With a larger window the sender's and receiver's windows can share sequence numbers, and the receiver could buffer a retransmitted old packet as if it were a new one.`,
        ),
      });
    }
    return { ok: false, issues };
  }
  c.lose = [...new Set(c.lose)].sort((a, b) => a - b);
  c.loseAcks = [...new Set(c.loseAcks)].sort((a, b) => a - b);
  return { ok: true, config: c };
}
