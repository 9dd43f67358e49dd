/**
 * For any loss pattern — explicit drop lists for data and ACKs, any seed (random loss up
 * to 50 %), any window 1–16 and a sequence space as tight as the protocol allows —
 * Go-Back-N, Selective Repeat and TCP deliver every packet exactly once, in order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maxWindow, runArq, type ArqProtocol } from './index';

const arb = (protocol: ArqProtocol) =>
  fc
    .record({
      window: fc.integer({ min: 1, max: 16 }),
      packets: fc.integer({ min: 1, max: 40 }),
      lose: fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 12 }),
      loseAcks: fc.uniqueArray(fc.integer({ min: 0, max: 39 }), { maxLength: 12 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      loss: fc.constantFrom(0, 0.1, 0.3, 0.5),
      tight: fc.boolean(),
      timeout: fc.integer({ min: 40, max: 600 }),
    })
    .map((c) => {
      let seqSpace = c.tight ? (protocol === 'go-back-n' ? c.window + 1 : 2 * c.window) : 64;
      while (maxWindow(protocol, seqSpace) < c.window) seqSpace++;
      return { protocol, ...c, seqSpace };
    });

describe.each(['go-back-n', 'selective-repeat', 'tcp'] as const)('%s under any loss pattern', (protocol) => {
  it('delivers every packet exactly once and in order', () => {
    fc.assert(
      fc.property(arb(protocol), ({ tight: _tight, ...cfg }) => {
        const r = runArq(cfg, { text: false });
        if (!r.ok) return false;
        expect(r.capped).toBe(false);
        expect(r.complete).toBe(true);
        expect(r.delivered).toEqual(Array.from({ length: cfg.packets }, (_, n) => n));
        const delivers = r.events.filter((e) => e.kind === 'deliver').map((e) => e.packet);
        expect(delivers).toEqual(r.delivered);
        return true;
      }),
      { numRuns: 300, seed: 20260 },
    );
  });
});
