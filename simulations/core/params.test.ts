import { describe, expect, it } from 'vitest';
import { encodeParams, parseParams, type ParamSpec } from './params';
import { createRandom } from './random';

const specs: ParamSpec[] = [
  { name: 'mode', kind: 'enum', label: { ko: '', en: '' }, default: 'a', options: [{ value: 'a', label: { ko: 'a', en: 'a' } }, { value: 'b', label: { ko: 'b', en: 'b' } }] },
  { name: 'n', kind: 'int', label: { ko: '', en: '' }, default: 3, min: 1, max: 16 },
  { name: 'on', kind: 'bool', label: { ko: '', en: '' }, default: false },
  { name: 'lose', kind: 'int-list', label: { ko: '', en: '' }, default: [], min: 0, max: 39, maxItems: 5 },
];

describe('param codec', () => {
  it('clamps, rejects and explains', () => {
    const { values, issues } = parseParams(specs, new URLSearchParams('mode=zzz&n=99&on=maybe&lose=3,x,3,100,1'));
    expect(values).toEqual({ mode: 'a', n: 16, on: false, lose: [1, 3] });
    expect(issues.map((i) => [i.param, i.given, i.used])).toEqual([
      ['mode', 'zzz', 'a'],
      ['n', '99', '16'],
      ['on', 'maybe', 'off'],
      ['lose', '3,x,3,100,1', '1,3'],
    ]);
    for (const i of issues) expect(i.reason.ko && i.reason.en).toBeTruthy();
  });
  it('round-trips and leaves defaults out of the URL', () => {
    const q = encodeParams(specs, { mode: 'b', n: 3, on: true, lose: [2, 5] });
    expect(q.toString()).toBe('mode=b&on=on&lose=2%2C5');
    expect(parseParams(specs, q)).toEqual({ values: { mode: 'b', n: 3, on: true, lose: [2, 5] }, issues: [] });
  });
  it('handles non-numeric and negative ints', () => {
    expect(parseParams(specs, new URLSearchParams('n=-5')).values.n).toBe(1);
    expect(parseParams(specs, new URLSearchParams('n=1e3')).values.n).toBe(3);
  });
});

describe('seeded random', () => {
  it('is reproducible and forks independently of order', () => {
    const a = createRandom(7), b = createRandom(7);
    expect(Array.from({ length: 5 }, () => a.u32())).toEqual(Array.from({ length: 5 }, () => b.u32()));
    expect(createRandom(7).fork('x').u32()).toBe(createRandom(7).fork('x').u32());
    expect(createRandom(7).fork('x').u32()).not.toBe(createRandom(7).fork('y').u32());
  });
  it('ints stay in range and chance respects its bounds', () => {
    const r = createRandom(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(3, 9);
      expect(n >= 3 && n <= 9 && Number.isInteger(n)).toBe(true);
    }
    expect(r.chance(0)).toBe(false);
    let hits = 0;
    for (let i = 0; i < 10000; i++) if (r.chance(0.3)) hits++;
    expect(hits).toBeGreaterThan(2700);
    expect(hits).toBeLessThan(3300);
  });
});
