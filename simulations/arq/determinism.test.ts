import { describe, expect, test } from 'vitest';
import { runArq, runFlowControl, ARQ_PROTOCOLS } from './index';

describe('determinism: same config, same bytes', () => {
  test.each(ARQ_PROTOCOLS)('%s over 50 seeds', (protocol) => {
    const outputs = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const cfg = { protocol, window: protocol === 'stop-and-wait' ? 1 : 6, packets: 25, loss: 0.3, lose: [3], loseAcks: [7], seed, seqSpace: 16 };
      const a = JSON.stringify(runArq(cfg));
      const b = JSON.stringify(runArq({ ...cfg, lose: [...cfg.lose], loseAcks: [...cfg.loseAcks] }));
      expect(a === b, `seed ${seed}`).toBe(true);
      outputs.add(a);
    }
    // The seed matters: 50 seeds with 30% loss give (nearly) 50 different runs.
    expect(outputs.size).toBeGreaterThan(40);
  });
  test('flow control over 50 seeds', () => {
    const outputs = new Set<string>();
    for (let seed = 0; seed < 50; seed++) {
      const cfg = { ackLoss: 0.3, seed };
      const a = JSON.stringify(runFlowControl(cfg));
      expect(a === JSON.stringify(runFlowControl(cfg)), `seed ${seed}`).toBe(true);
      outputs.add(a);
    }
    expect(outputs.size).toBeGreaterThan(20);
  });
  test('explicit drops do not shift the random stream', () => {
    // The loss PRNG draws once per transmission either way, so the random drops
    // of packets sent before the explicit one are unchanged.
    const a = runArq({ protocol: 'selective-repeat', loss: 0.3, seed: 9, packets: 30, window: 8 });
    const b = runArq({ protocol: 'selective-repeat', loss: 0.3, seed: 9, packets: 30, window: 8, lose: [20] });
    if (!a.ok || !b.ok) throw new Error('refused');
    const before = (r: typeof a) => r.events.filter((e) => e.kind === 'drop' && e.time < 200).map((e) => [e.time, e.packet]);
    expect(before(a)).toEqual(before(b));
  });
});
