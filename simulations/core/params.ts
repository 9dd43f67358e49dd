import type { Text } from './text';

/**
 * Params are declared once, with type, default, range and validation.
 * The URL codec, the player's controls and the tests all read these specs.
 */
interface Base<V> {
  name: string;
  label: Text;
  help?: Text;
  default: V;
}
export interface EnumParam extends Base<string> {
  kind: 'enum';
  options: readonly { value: string; label: Text }[];
}
export interface IntParam extends Base<number> {
  kind: 'int';
  min: number;
  max: number;
  unit?: string;
}
export interface BoolParam extends Base<boolean> {
  kind: 'bool';
}
/** A list of non-negative integers, e.g. sequence numbers to drop: "2,5,7". */
export interface IntListParam extends Base<number[]> {
  kind: 'int-list';
  min: number;
  max: number;
  maxItems: number;
}
export interface StringParam extends Base<string> {
  kind: 'string';
  maxLength: number;
  /** Returns null when valid, or why not. */
  validate?: (value: string) => Text | null;
}
export type ParamSpec = EnumParam | IntParam | BoolParam | IntListParam | StringParam;
export type ParamValue = string | number | boolean | number[];
export type ParamValues = Record<string, ParamValue>;

/** The seed is a param of every scenario. */
export const SEED_PARAM = {
  name: 'seed' as const,
  kind: 'int' as const,
  label: { ko: '시드', en: 'Seed' },
  help: { ko: '같은 시드는 같은 실행을 재현합니다.', en: 'The same seed replays the same run.' },
  min: 0,
  max: 2 ** 31 - 1,
  default: 1,
} satisfies IntParam;

/** What the codec changed, said so the page can show it. */
export interface ParamIssue {
  param: string;
  given: string;
  used: string;
  reason: Text;
}

export function defaults(specs: readonly ParamSpec[]): ParamValues {
  const out: ParamValues = {};
  for (const s of specs) out[s.name] = Array.isArray(s.default) ? [...s.default] : s.default;
  return out;
}

export function formatValue(spec: ParamSpec, v: ParamValue): string {
  switch (spec.kind) {
    case 'bool':
      return v ? 'on' : 'off';
    case 'int-list':
      return (v as number[]).join(',');
    default:
      return String(v);
  }
}

const INT_RE = /^-?\d+$/;

/** Parses one raw value against its spec: the value to use, and an issue if it had to change. */
export function parseValue(spec: ParamSpec, raw: string): { value: ParamValue; issue?: ParamIssue } {
  const fallback = (reason: Text, value: ParamValue = spec.default) => ({
    value,
    issue: { param: spec.name, given: raw, used: formatValue(spec, value), reason },
  });
  switch (spec.kind) {
    case 'enum': {
      const hit = spec.options.find((o) => o.value === raw.trim().toLowerCase());
      if (hit) return { value: hit.value };
      const names = spec.options.map((o) => o.value).join(', ');
      return fallback({ ko: `허용되는 값은 ${names} 입니다.`, en: `allowed values are ${names}.` });
    }
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'on', 'yes', ''].includes(v)) return { value: true };
      if (['0', 'false', 'off', 'no'].includes(v)) return { value: false };
      return fallback({ ko: 'on 또는 off 여야 합니다.', en: 'must be on or off.' });
    }
    case 'int': {
      const v = raw.trim();
      if (!INT_RE.test(v)) {
        return fallback({ ko: `정수여야 합니다 (${spec.min}–${spec.max}).`, en: `must be a whole number (${spec.min}–${spec.max}).` });
      }
      const n = Number(v);
      if (n < spec.min || n > spec.max) {
        const c = Math.min(spec.max, Math.max(spec.min, n));
        return fallback({ ko: `범위 ${spec.min}–${spec.max} 로 맞췄습니다.`, en: `clamped to the range ${spec.min}–${spec.max}.` }, c);
      }
      return { value: n };
    }
    case 'int-list': {
      const v = raw.trim();
      if (v === '') return { value: [] };
      const parts = v.split(/[,\s]+/).filter(Boolean);
      const out: number[] = [];
      let changed = false;
      for (const p of parts) {
        if (!INT_RE.test(p)) { changed = true; continue; }
        const n = Number(p);
        if (n < spec.min || n > spec.max) { changed = true; continue; }
        if (!out.includes(n)) out.push(n); else changed = true;
      }
      out.sort((a, b) => a - b);
      if (out.length > spec.maxItems) { out.length = spec.maxItems; changed = true; }
      if (changed) {
        return fallback(
          { ko: `${spec.min}–${spec.max} 사이의 정수 목록(최대 ${spec.maxItems}개)만 사용합니다.`, en: `only whole numbers ${spec.min}–${spec.max} are kept (at most ${spec.maxItems}).` },
          out,
        );
      }
      return { value: out };
    }
    case 'string': {
      let v = raw;
      if (v.length > spec.maxLength) {
        return fallback({ ko: `최대 ${spec.maxLength}자입니다.`, en: `at most ${spec.maxLength} characters.` });
      }
      const why = spec.validate?.(v);
      if (why) return fallback(why);
      return { value: v };
    }
  }
}

/** Reads params from a query string: valid values, defaults for the rest, and what was changed. */
export function parseParams(
  specs: readonly ParamSpec[],
  query: URLSearchParams,
): { values: ParamValues; issues: ParamIssue[] } {
  const values = defaults(specs);
  const issues: ParamIssue[] = [];
  for (const spec of specs) {
    const raw = query.get(spec.name);
    if (raw === null) continue;
    const { value, issue } = parseValue(spec, raw);
    values[spec.name] = value;
    if (issue) issues.push(issue);
  }
  return { values, issues };
}

/** Writes params to a query, leaving out the ones at their default (short links). */
export function encodeParams(specs: readonly ParamSpec[], values: ParamValues, into = new URLSearchParams()): URLSearchParams {
  for (const spec of specs) {
    const v = values[spec.name];
    const d = spec.default;
    const same = Array.isArray(v) ? Array.isArray(d) && v.join(',') === d.join(',') : v === d;
    if (same || v === undefined) into.delete(spec.name);
    else into.set(spec.name, formatValue(spec, v));
  }
  return into;
}

/** Clamps any values object to valid ones (for code and tests that build params directly). */
export function normalize(specs: readonly ParamSpec[], values: Partial<ParamValues>): ParamValues {
  const q = new URLSearchParams();
  for (const spec of specs) {
    const v = values[spec.name];
    if (v !== undefined) q.set(spec.name, formatValue(spec, v as ParamValue));
  }
  return parseParams(specs, q).values;
}

/** The value type a spec declares: enum values as their literal union, ints as numbers… */
export type ValueOf<S extends ParamSpec> =
  S extends { kind: 'enum'; options: readonly { value: infer V }[] } ? V
  : S extends { kind: 'int' } ? number
  : S extends { kind: 'bool' } ? boolean
  : S extends { kind: 'int-list' } ? number[]
  : string;

/** The params object a list of specs declares, typed by name: `{ closer: 'client' | 'server'; seed: number }`. */
export type ParamsOf<P extends readonly ParamSpec[]> = { readonly [S in P[number] as S['name']]: ValueOf<S> };
