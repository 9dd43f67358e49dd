import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as d3 from 'd3-array';
import { nice, ticks } from './ticks';

// d3-array is the reference: the figures' scales must not move by a pixel with the local copy.
// Domains as the figures meet them (ms, counts, ratios: thousandths from -1e6 to 1e6; a
// denormal span makes both throw on the tick array's length).
const num = fc.integer({ min: -1e9, max: 1e9 }).map((x) => x / 1000);
const count = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true }));

describe('ticks and nice, as d3-array', () => {
  it('ticks gives the same values for any domain and count', () => {
    fc.assert(fc.property(num, num, count, (a, b, n) => {
      expect(ticks(a, b, n)).toEqual(d3.ticks(a, b, n));
    }), { numRuns: 3000 });
  });

  it('nice gives the same ends for any domain and count', () => {
    fc.assert(fc.property(num, num, count, (a, b, n) => {
      expect(nice(a, b, n)).toEqual(d3.nice(a, b, n));
    }), { numRuns: 3000 });
  });

  it('the figures’ own calls: 0 to a maximum (ms, counts, ratios), 5 or 6 ticks', () => {
    for (const max of [1e-9, 0.003, 0.5, 1, 7, 12.5, 99, 100, 101, 387, 1000, 2449, 65535]) {
      for (const n of [5, 6]) {
        expect(nice(0, max, n)).toEqual(d3.nice(0, max, n));
        expect(ticks(0, nice(0, max, n)[1], n)).toEqual(d3.ticks(0, d3.nice(0, max, n)[1], n));
      }
    }
    // By hand: 387 / 6 = 64.5, whose leading digit 6.45 lies between √10 and √50: a step of 5 × 10 = 50.
    expect(nice(0, 387, 6)).toEqual([0, 400]);
    expect(ticks(0, 400, 6)).toEqual([0, 50, 100, 150, 200, 250, 300, 350, 400]);
  });
});
