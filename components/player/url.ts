import { encodeParams, parseParams, type ParamIssue, type ParamSpec, type ParamValues } from '@/simulations/core/params';

export interface UrlState {
  values: ParamValues;
  issues: ParamIssue[];
  /** 1-based step from the URL, or null when absent. */
  step: string | null;
}

export function readUrl(specs: readonly ParamSpec[], search: string): UrlState {
  const q = new URLSearchParams(search);
  const { values, issues } = parseParams(specs, q);
  const known = new Set([...specs.map((s) => s.name), 'step']);
  for (const [k, v] of q) {
    if (!known.has(k)) {
      const names = specs.map((s) => s.name).join(', ');
      issues.push({ param: k, given: v, used: '—', reason: { ko: `이 주제에는 없는 설정이라 무시했습니다 (있는 설정: ${names}, step).`, en: `this topic has no such setting, so it was ignored (settings: ${names}, step).` } });
    }
  }
  return { values, issues, step: q.get('step') };
}

/** Resolves the URL's step against a timeline's length: the index, and whether it had to change. */
export function resolveStep(raw: string | null, count: number): { index: number; changed: boolean } {
  if (raw === null) return { index: 0, changed: false };
  const n = /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return { index: 0, changed: true };
  const clamped = Math.min(count, Math.max(1, n));
  return { index: clamped - 1, changed: clamped !== n };
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
