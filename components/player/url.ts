import { encodeParams, parseParams, type ParamIssue, type ParamSpec, type ParamValues } from '@/simulations/core/params';

export interface UrlState {
  values: ParamValues;
  issues: ParamIssue[];
  /** 1-based step from the URL, or null when absent. */
  step: string | null;
}

/** Params that sharing tools add to links (analytics, referral): ignored without a notice, dropped on rewrite. */
const TRACKING = new Set(['fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', 'igshid', 'ref', 'si', '_ga', '_gl']);
export const isTrackingParam = (name: string): boolean => name.startsWith('utm_') || TRACKING.has(name);

export function readUrl(specs: readonly ParamSpec[], search: string): UrlState {
  const q = new URLSearchParams(search);
  const { values, issues } = parseParams(specs, q);
  const known = new Set([...specs.map((s) => s.name), 'step']);
  for (const [k, v] of q) {
    if (!known.has(k) && !isTrackingParam(k)) {
      const names = specs.map((s) => s.name).join(', ');
      issues.push({ param: k, given: v, used: '—', reason: { ko: `이 주제에는 없는 설정이라 무시했습니다 (있는 설정: ${names}, step).`, en: `this topic has no such setting, so it was ignored (settings: ${names}, step).` } });
    }
  }
  return { values, issues, step: q.get('step') };
}

/** Why the URL's step could not be used as given. */
export type StepChange = 'range' | 'round' | 'invalid';

/**
 * Resolves the URL's step against a timeline's length: the index, and whether (and why) it
 * had to change. A fraction is rounded to the nearest step; anything else that is not a
 * number opens step 1; out of range is clamped.
 */
export function resolveStep(raw: string | null, count: number): { index: number; changed: boolean; reason?: StepChange } {
  if (raw === null) return { index: 0, changed: false };
  const s = raw.trim();
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN;
  if (!Number.isFinite(n)) return { index: 0, changed: true, reason: 'invalid' };
  const rounded = Math.round(n);
  const clamped = Math.min(count, Math.max(1, rounded));
  if (clamped !== rounded) return { index: clamped - 1, changed: true, reason: 'range' };
  if (rounded !== n) return { index: clamped - 1, changed: true, reason: 'round' };
  return { index: clamped - 1, changed: false };
}

/** The query for the current state: non-default params, then the step (1-based, left out at 1). */
export function writeQuery(specs: readonly ParamSpec[], values: ParamValues, index: number): string {
  const q = new URLSearchParams();
  encodeParams(specs, values, q);
  if (index > 0) q.set('step', String(index + 1));
  else q.delete('step');
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The pcap's file name: the topic, then every param that differs from its default, then the seed. */
export function runFileName(slug: string, specs: readonly ParamSpec[], values: ParamValues, ext: string): string {
  const q = encodeParams(specs, values, new URLSearchParams());
  q.delete('seed');
  const clean = (s: string) => s.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  const parts = [slug, ...[...q].map(([k, v]) => `${clean(k)}-${clean(v)}`)];
  if (values.seed !== undefined) parts.push(`seed-${clean(String(values.seed))}`);
  return `${parts.join('_')}.${ext}`;
}
