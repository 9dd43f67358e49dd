import { describe, expect, it } from 'vitest';
import { assignKeys } from './stepkeys';
import scenario from './index';

describe('assignKeys', () => {
  it('gives a shared beat to the key with no later chance, and the recurring one to its next beat', () => {
    expect(assignKeys([['syn'], ['hol', 'page'], ['hol'], []])).toEqual(['syn', 'page', 'hol', undefined]);
  });
  it('keeps the first listed on a tie, and never gives a key twice', () => {
    expect(assignKeys([['page-loaded', 'page'], ['x', 'y']])).toEqual(['page-loaded', 'x']);
    expect(assignKeys([['page-loaded', 'page'], ['page-loaded']])).toEqual(['page', 'page-loaded']);
    expect(assignKeys([['a'], ['a'], ['a', 'b']])).toEqual(['a', undefined, 'b']);
  });
});

describe('http2 step keys under loss', () => {
  const keysOf = (p: object, seed: number) => scenario.simulate(p as never, seed).steps.map((s) => s.key).filter(Boolean);
  it('every run with two or more streams has the page and page-loaded steps, with and without HTTP/1.1 beside it', () => {
    for (const loss of [0, 10, 30]) for (const streams of [2, 3, 6]) for (const compare of ['none', 'http1']) for (let seed = 1; seed <= 12; seed++) {
      const keys = keysOf({ loss, streams, compare }, seed);
      expect(keys, `loss ${loss} streams ${streams} ${compare} seed ${seed}`).toEqual(expect.arrayContaining(['page', 'page-loaded']));
      expect(new Set(keys).size).toBe(keys.length);
    }
  });
  it('the hol step explains TCP head-of-line blocking, in Korean too, and the e2e run (loss 10, seed 3) has it', () => {
    for (const compare of ['none', 'http1']) for (let seed = 1; seed <= 20; seed++) {
      const tl = scenario.simulate({ loss: 10, compare } as never, seed);
      const hol = tl.steps.find((s) => s.key === 'hol');
      if (!hol) continue;
      expect(hol.narration.en).toContain('head-of-line blocking');
      expect(hol.narration.ko).toContain('HOL(Head-of-Line) 블로킹');
    }
    expect(keysOf({ loss: 10, compare: 'none' }, 3)).toContain('hol');
  });
  it('no caption lists nothing: a segment in the middle of a long response names the unit it continues', () => {
    for (const compare of ['none', 'http1']) for (let seed = 1; seed <= 15; seed++) {
      for (const s of scenario.simulate({ loss: 30, compare } as never, seed).steps) {
        expect(s.caption.en, `${compare} seed ${seed}`).not.toMatch(/: $|: ·|sends $|^ reaches|: [,·]|, reaches/);
      }
    }
  });
});
