import { describe, expect, it } from 'vitest';
import { same, StoryBuilder } from './story';

// same() must agree with comparing JSON texts, which it replaced: keyframes record exactly
// the fields whose serialized value changed.
const json = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('StoryBuilder same()', () => {
  const shared = { x: [1, 2, { y: 'z' }] };
  const values: unknown[] = [
    undefined, null, 0, 1, -0, NaN, Infinity, '', '1', 'a', true, false,
    [], {}, [1], [undefined], [null], ['1'], [1, 2], [2, 1],
    { a: 1 }, { a: 1, b: undefined }, { b: undefined, a: 1 }, { a: 1, b: 2 }, { b: 2, a: 1 }, { a: '1' },
    { a: [1, { b: 2 }] }, { a: [1, { b: 3 }] }, { a: () => 1 }, { a: null },
    Uint8Array.of(1, 2), Uint8Array.of(1, 3), { 0: 1, 1: 2 }, shared, { x: [1, 2, { y: 'z' }] }, { x: [1, 2, { y: 'w' }] },
  ];
  it('agrees with JSON.stringify on every pair', () => {
    for (const a of values) for (const b of values) expect(same(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(json(a, b));
  });
  it('agrees on random nested values', () => {
    let s = 7;
    const rnd = (n: number) => ((s = (s * 1103515245 + 12345) % 2 ** 31), s % n);
    const gen = (d: number): unknown => {
      const k = rnd(d > 2 ? 4 : 7);
      if (k === 0) return rnd(3);
      if (k === 1) return ['a', 'b', undefined][rnd(3)];
      if (k === 2) return null;
      if (k === 3) return rnd(2) === 0;
      if (k === 4) return Array.from({ length: rnd(3) }, () => gen(d + 1));
      const o: Record<string, unknown> = {};
      for (const key of ['p', 'q', 'r']) if (rnd(2)) o[key] = gen(d + 1);
      return o;
    };
    let equal = 0;
    for (let i = 0; i < 3000; i++) {
      const a = gen(0), b = gen(0);
      expect(same(a, b)).toBe(json(a, b));
      if (json(a, b)) equal++;
      expect(same(a, structuredClone(a))).toBe(true);
    }
    expect(equal).toBeGreaterThan(10);
  });
});

describe('StoryBuilder show()', () => {
  it('refuses an entity whose id already names a thing of another kind', () => {
    const b = new StoryBuilder();
    b.beat({ t: 0, caption: { ko: 'a', en: 'a' }, narration: { ko: 'a', en: 'a' } });
    b.show({ kind: 'actor', id: 'server', label: { ko: '서버', en: 'Server' }, x: 80, role: 'server' });
    expect(() => b.show({ kind: 'counters', id: 'server', title: { ko: '표', en: 'Table' }, columns: [], rows: [] })).toThrow(/"server" is a actor, not a counters/);
    b.show({ kind: 'actor', id: 'server', label: { ko: '서버', en: 'Server' }, x: 70, role: 'server' });
  });
});
