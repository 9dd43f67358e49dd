import { describe, expect, test } from 'vitest';
import { createRandom } from '../core/random';
import { runFlowControl, type FlowConfig, type FlowInput, type FlowResult } from './index';

function run(input: FlowInput): FlowResult {
  const r = runFlowControl(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r;
}

/**
 * Re-derives, from the log alone, what the sender knew (the cumulative ACK and
 * window of the latest ACK it received) and checks every transmission against it.
 */
function violation(cfg: FlowConfig, r: FlowResult): string | null {
  if (r.capped) return 'hit the cap';
  if (!r.complete) return 'did not complete';
  const want = Array.from({ length: cfg.packets }, (_, n) => n);
  if (JSON.stringify(r.delivered) !== JSON.stringify(want)) return `delivered ${r.delivered.join(',')}`;
  let una = 0;
  let lastAdv = cfg.bufferSize; // as if advertised in the handshake
  const probed = new Set<number>();
  for (const e of r.events) {
    if (e.kind === 'ack-recv') {
      una = Math.max(una, e.ack!);
      lastAdv = e.wnd!;
    }
    if (e.kind === 'send') {
      const outstanding = e.unit! + 1 - una;
      if (outstanding > lastAdv) return `event ${e.i}: ${outstanding} outstanding after sending ${e.unit}, last advertised window ${lastAdv}`;
    }
    if (e.kind === 'probe') {
      if (lastAdv !== 0) return `event ${e.i}: probe while the window is ${lastAdv}`;
      probed.add(e.unit!);
    }
    if (e.sender.outstanding > Math.max(e.sender.rwnd, 1)) return `event ${e.i}: sender view has ${e.sender.outstanding} outstanding, rwnd ${e.sender.rwnd}`;
    if (e.receiver.buffered.length > cfg.bufferSize) return `event ${e.i}: buffer holds ${e.receiver.buffered.length}`;
    if (e.kind === 'discard' && e.reason === 'out-of-order') return `event ${e.i}: out-of-order segment ${e.unit}`;
    if (e.kind === 'discard' && e.reason === 'no-room' && !probed.has(e.unit!)) return `event ${e.i}: segment ${e.unit} overflowed the buffer without being a probe`;
  }
  return null;
}

function sample(seed: number): FlowConfig {
  const r = createRandom(seed).fork('flow-cfg');
  return {
    packets: r.int(1, 60),
    bufferSize: r.int(1, 16),
    readRate: r.int(1, 4),
    readInterval: r.int(20, 800),
    sendInterval: r.int(1, 20),
    oneWayDelay: r.int(0, 100),
    persistTimeout: r.int(50, 500),
    ackLoss: [0, 0, 0.1, 0.3, 0.5][r.int(0, 4)],
    loseWindowUpdates: r.int(0, 3),
    seed,
  };
}

describe('flow control over 500 seeds', () => {
  test('outstanding data never exceeds the last advertised window; all data read in order', () => {
    let zeroWindows = 0;
    let probes = 0;
    for (let seed = 1; seed <= 500; seed++) {
      const cfg = sample(seed);
      const r = run(cfg);
      expect(violation(cfg, r), `seed ${seed} ${JSON.stringify(cfg)}`).toBeNull();
      if (r.stats.zeroWindowAcks > 0) zeroWindows++;
      if (r.stats.probes > 0) probes++;
    }
    expect(zeroWindows).toBeGreaterThan(200);
    expect(probes).toBeGreaterThan(100);
  });
});

describe('default scenario: a slow reader', () => {
  const r = run({});
  test('the window reaches zero and the sender stops', () => {
    const zero = r.events.find((e) => e.kind === 'ack-send' && e.wnd === 0)!;
    expect(zero).toBeDefined();
    // Buffer of 4: segments 0..3 arrive at 60..90; the ACK for 3 says rwnd=0.
    expect([zero.time, zero.ack, zero.receiver.buffered]).toEqual([90, 4, [0, 1, 2, 3]]);
    const recv = r.events.find((e) => e.kind === 'ack-recv' && e.wnd === 0)!;
    expect(recv.time).toBe(140);
    expect(r.events.some((e) => e.kind === 'timer-start' && e.timer === 'persist' && e.time === 140)).toBe(true);
  });
  test('a probe is sent during the zero window, when the persist timer fires', () => {
    const probe = r.events.find((e) => e.kind === 'probe')!;
    expect([probe.time, probe.unit, probe.sender.rwnd]).toEqual([340, 4, 0]);
    const answer = r.events.find((e) => e.i > probe.i && e.kind === 'discard')!;
    expect([answer.time, answer.unit, answer.reason]).toEqual([400, 4, 'no-room']);
  });
  test('the application reading sends a window update that reopens the window', () => {
    const update = r.events.find((e) => e.kind === 'window-update')!;
    expect([update.time, update.wnd]).toEqual([500, 2]);
    const reopened = r.events.find((e) => e.kind === 'ack-recv' && e.time === 550)!;
    expect(reopened.reason).toBe('window-open');
    expect(r.events.find((e) => e.kind === 'send' && e.time === 550)!.unit).toBe(4);
  });
  test('everything is read, in order', () => {
    expect(r.complete).toBe(true);
    expect(r.delivered).toEqual(Array.from({ length: 16 }, (_, n) => n));
    expect(r.stats.stalledTime).toBeGreaterThan(0);
  });
});

describe('a lost window update', () => {
  /*
   * The update sent at 500 (rwnd=2) is lost; the sender still believes the
   * window is zero. Without probes both sides would wait forever. The persist
   * timer (400 ms after the first probe at 340) fires at 740: the probe carries
   * segment 4, there is room now, the receiver takes it and its ACK reopens the window.
   */
  const r = run({ loseWindowUpdates: 1 });
  test('the probe finds the window open', () => {
    const drop = r.events.find((e) => e.kind === 'drop')!;
    expect([drop.time, drop.reason, drop.wnd]).toEqual([550, 'window-update', 2]);
    const probe = r.events.find((e) => e.kind === 'probe' && e.i > drop.i)!;
    expect([probe.time, probe.unit]).toEqual([740, 4]);
    const taken = r.events.find((e) => e.i > probe.i && (e.kind === 'receive' || e.kind === 'discard'))!;
    expect([taken.kind, taken.unit]).toEqual(['receive', 4]);
    const ack = r.events.find((e) => e.i > taken.i && e.kind === 'ack-recv')!;
    expect([ack.ack, ack.wnd]).toEqual([5, 1]);
    expect(r.delivered).toEqual(Array.from({ length: 16 }, (_, n) => n));
  });
});

describe('a fast reader', () => {
  test('never sees a zero window or a probe', () => {
    const r = run({ bufferSize: 16, readRate: 16, readInterval: 10, packets: 40 });
    expect(r.stats.zeroWindowAcks).toBe(0);
    expect(r.stats.probes).toBe(0);
    expect(r.delivered).toHaveLength(40);
  });
});

describe('validation', () => {
  test('bad values are reported, not thrown', () => {
    const r = runFlowControl({ bufferSize: 0, ackLoss: 0.9 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['ackLoss', 'bufferSize']);
  });
});
