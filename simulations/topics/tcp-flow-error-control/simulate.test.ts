import { describe, expect, it } from 'vitest';
import { params, simulate as simulateStory } from '.';
import { compareRuns, errorConfig, utilPercent, type ErrorParams } from './error-config';
import { MSS, seqOf } from './wire';
import { beatsOf, rowFinder, runs as runList } from './kit';
import { capture } from '../../capture';
import { findField } from '../../wire/fields';
import { createRandom } from '../../core/random';
import { ARQ_PROTOCOLS, runArq, type ArqProtocol } from '../../arq';
import type { ChartEntity, CountersEntity, MessageEntity, Step, FullTimeline as Timeline, TimerEntity, WindowEntity } from '../../core/timeline';
import type { ParamValues } from '../../core/params';
import type { Segment } from '../../tcp/segment';
import { withScenes } from '../../core/timeline';
import type { ParamValues as SimParams } from '../../core/params';

const simulate = (p: Partial<SimParams>, seed: number) => withScenes(simulateStory(p as SimParams, seed));

const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 3);

/** Every message of the run: first sighting and the state at its arrival row (or the last one seen). */
function messages(tl: Timeline): { first: MessageEntity; end: MessageEntity; sentAt: number }[] {
  const out = new Map<string, { first: MessageEntity; end: MessageEntity; sentAt: number }>();
  tl.steps.forEach((s) => {
    for (const e of Object.values(s.scene.entities)) {
      if (e.kind !== 'message') continue;
      const o = out.get(e.id);
      if (!o) out.set(e.id, { first: e, end: e, sentAt: s.t });
      else o.end = e;
    }
  });
  return [...out.values()];
}
const freshAt = (tl: Timeline, m: MessageEntity) => tl.steps[m.y0].t;
const entity = <K extends string>(s: Step, id: string, kind: K) => {
  const e = s.scene.entities[id];
  expect(e?.kind).toBe(kind);
  return e as Extract<Step['scene']['entities'][string], { kind: K }>;
};

function errorParams(v: ParamValues, seed: number): ErrorParams {
  return {
    protocol: (v.protocol ?? 'go-back-n') as ArqProtocol,
    window: (v.window ?? 4) as number,
    loss: (v.loss ?? 0) as number,
    lose: (v.lose ?? [2]) as number[],
    timeout: (v.timeout ?? 300) as number,
    packets: (v.packets ?? 8) as number,
    seqbits: (v.seqbits ?? 5) as number,
    seed,
  };
}

describe('params', () => {
  it('declares every param of the topic, the enum first and the seed last', () => {
    expect(params.map((p) => p.name)).toEqual(['protocol', 'view', 'window', 'loss', 'lose', 'timeout', 'packets', 'seqbits', 'seed']);
    expect(params[0].kind).toBe('enum');
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(byName.protocol.default).toBe('go-back-n');
    expect(byName.window).toMatchObject({ min: 1, max: 16, default: 4 });
    expect(byName.loss).toMatchObject({ min: 0, max: 50, default: 0 });
    expect(byName.lose).toMatchObject({ min: 0, max: 39, maxItems: 10, default: [2] });
    expect(byName.packets).toMatchObject({ min: 1, max: 40, default: 8 });
    expect(byName.seqbits).toMatchObject({ min: 2, max: 6, default: 5 });
  });
});

describe('determinism', () => {
  it('same params and seed give the same timeline, byte for byte', () => {
    for (const protocol of ARQ_PROTOCOLS) {
      for (const view of ['error', 'flow']) {
        const v = { protocol, view, loss: 20, packets: 12 };
        expect(JSON.stringify(simulate(v, 42))).toBe(JSON.stringify(simulate(v, 42)));
      }
    }
    // With random loss the seed matters.
    expect(JSON.stringify(simulate({ loss: 30 }, 1))).not.toBe(JSON.stringify(simulate({ loss: 30 }, 2)));
    expect(JSON.stringify(simulate({ view: 'flow', loss: 30, packets: 20 }, 1))).not.toBe(JSON.stringify(simulate({ view: 'flow', loss: 30, packets: 20 }, 2)));
  });
});

describe('error view: invariants over many seeds', () => {
  for (const protocol of ARQ_PROTOCOLS) {
    const cfgs: ParamValues[] = [
      { window: 4, loss: 20, packets: 12, lose: [2] },
      { window: 8, loss: 35, packets: 10, lose: [0, 5], timeout: 150, seqbits: 3 },
    ];
    for (const cfg of cfgs) {
      it(`${protocol} ${JSON.stringify(cfg)}`, () => {
        for (const seed of SEEDS) {
          const ctx = `seed ${seed}`;
          const v = { protocol, ...cfg };
          const tl = simulate(v, seed);
          const ep = errorParams(v, seed);
          const run = runArq(errorConfig(ep).config);
          if (!run.ok) throw new Error(ctx);
          expect(tl.scenario, ctx).toBe('error');
          expect(tl.view.rows, ctx).toBe(tl.steps.length);
          expect(tl.view.ticks, ctx).toEqual(tl.steps.map((s, y) => ({ y, t: s.t })));
          // One step per distinct moment, in time order.
          for (let i = 1; i < tl.steps.length; i++) expect(tl.steps[i].t, ctx).toBeGreaterThan(tl.steps[i - 1].t);
          for (const s of tl.steps) {
            for (const lang of ['ko', 'en'] as const) {
              // A long run's later beats are brief ("전달 P5."), never empty.
              expect(s.narration[lang].length, ctx).toBeGreaterThan(4);
              expect(s.caption[lang].length, ctx).toBeGreaterThan(1);
              expect(s.narration[lang], ctx).not.toMatch(/undefined|NaN|null|\[object/);
            }
          }
          const keys = tl.steps.map((s) => s.key).filter(Boolean);
          expect(new Set(keys).size, ctx).toBe(keys.length);

          // Messages: the diagram shows exactly the engine's transmissions.
          const all = messages(tl);
          const data = all.filter((m) => m.first.from === 'sender');
          const acks = all.filter((m) => m.first.from === 'receiver');
          expect(data.length, ctx).toBe(run.stats.transmissions);
          expect(acks.length, ctx).toBe(run.stats.acksSent);
          expect(data.filter((m) => m.first.retransmission).length, ctx).toBe(run.stats.retransmissions);
          expect(data.filter((m) => m.end.status === 'lost').length, ctx).toBe(run.stats.dataLost);
          expect(acks.filter((m) => m.end.status === 'lost').length, ctx).toBe(run.stats.acksLost);
          for (const m of all) {
            expect(m.first.fresh, ctx).toBe(true);
            expect(m.first.y0, ctx).toBeLessThanOrEqual(m.first.y1);
            expect(['delivered', 'lost'], `${ctx} ${m.first.id}`).toContain(m.end.status);
            expect(m.first.label.length, ctx).toBeLessThan(protocol === 'tcp' ? 64 : 40);
            expect(m.first.tone, ctx).toBe(m.first.from === 'sender' ? 'data' : 'ack');
            expect(m.first.chip, ctx).toBeTruthy();
            // TCP's segments carry bytes; the textbook protocols have none, and the timeline says so.
            expect(Boolean(m.first.packet), ctx).toBe(protocol === 'tcp');
          }

          // Windows: the sender's bracket is [base, base + window), below it everything is acknowledged.
          const W = run.config.window;
          for (const s of tl.steps) {
            const sw = entity(s, 'sender-window', 'window') as WindowEntity;
            const base = sw.window.from;
            expect(sw.window.to, ctx).toBe(Math.min(run.config.packets, base + W));
            for (const c of sw.cells) if (c.n < base) expect(c.state, ctx).toBe('acked');
            const rw = entity(s, 'receiver-window', 'window') as WindowEntity;
            for (const c of rw.cells) if (c.n < rw.window.from) expect(c.state, ctx).toBe('delivered');
          }
          const last = tl.steps[tl.steps.length - 1];
          if (run.complete) {
            expect((entity(last, 'sender-window', 'window') as WindowEntity).window.from, ctx).toBe(run.config.packets);
            const tally = entity(last, 'tally', 'counters') as CountersEntity;
            expect(tally.rows[0].values[4], ctx).toBe(String(run.config.packets));
          }

          // The chart holds the engine's numbers for all four protocols, the current one highlighted.
          const chart = entity(last, 'compare', 'chart') as ChartEntity;
          expect(chart.highlight, ctx).toBe(protocol);
          const runs = compareRuns(ep);
          for (const q of ARQ_PROTOCOLS) {
            const g = chart.groups.find((x) => x.key === q)!;
            const st = runs[q]!.stats;
            expect(g.values, `${ctx} ${q}`).toEqual({ time: st.finishTime, retransmissions: st.retransmissions, utilization: utilPercent(st.utilization) });
          }
          expect(chart.groups.find((x) => x.key === protocol)!.values.retransmissions, ctx).toBe(data.filter((m) => m.first.retransmission).length);
        }
      });
    }
  }
});

describe('error view: hand-checked cases (window 4, packet 2 lost once, timeout 300 ms)', () => {
  /*
   * Timing: a packet put on the link at t arrives at t + 10 + 50, an ACK at t + 50.
   * Packets 0–3 leave at 0, 10, 20, 30; 2 is lost (its drop shows at 80).
   */
  const resent = (tl: Timeline) =>
    messages(tl)
      .filter((m) => m.first.retransmission)
      .map((m) => [m.first.label, freshAt(tl, m.first)]);

  it('Go-Back-N resends P2, P3, P4 and P5 after the timeout at 420 ms', () => {
    /*
     * GBN's receiver throws away 3 (at 90), 4 and 5 (sent at 110 and 120 after ACK 0 and
     * ACK 1 slid the window) and only repeats ACK 1. The timer, restarted for packet 2 at
     * 120 ms, fires at 420 ms and the sender goes back to 2: 2, 3, 4, 5 one per 10 ms.
     */
    const tl = simulate({ protocol: 'go-back-n' }, 1);
    expect(resent(tl)).toEqual([
      ['P2', 420],
      ['P3', 430],
      ['P4', 440],
      ['P5', 450],
    ]);
    expect(tl.steps.find((s) => s.key === 'timeout')!.t).toBe(420);
    expect(tl.steps.find((s) => s.key === 'discard')!.t).toBe(90);
    expect(tl.steps.find((s) => s.key === 'loss')!.t).toBe(80);
    expect(tl.steps.find((s) => s.key === 'done')!.t).toBe(650);
    // The timer that fired is drawn from 120 ms (restart for packet 2) to 420 ms.
    const atTimeout = tl.steps.find((s) => s.key === 'timeout')!;
    const fired = Object.values(atTimeout.scene.entities).filter((e): e is TimerEntity => e.kind === 'timer' && e.status === 'fired');
    expect(fired.map((f) => [tl.steps[f.y0].t, tl.steps[f.y1].t, f.ms])).toEqual([[120, 420, 300]]);
    // Every ACK GBN sends names the last in-order packet: 0, 1, then 1 three times (for 3, 4, 5).
    const acks = messages(tl).filter((m) => m.first.from === 'receiver').map((m) => m.first.label);
    expect(acks.slice(0, 5)).toEqual(['ACK 0', 'ACK 1', 'ACK 1', 'ACK 1', 'ACK 1']);
    expect(atTimeout.narration.en).toMatch(/resends every unacknowledged packet: 2, 3, 4, 5/);
  });

  it('Selective Repeat resends only P2, when its own timer fires at 320 ms', () => {
    /* Packet 2 left at 20 ms with its own 300 ms timer; 3, 4, 5 are buffered and ACKed one by one. */
    const tl = simulate({ protocol: 'selective-repeat' }, 1);
    expect(resent(tl)).toEqual([['P2', 320]]);
    const buffered = tl.steps.find((s) => s.key === 'buffer')!;
    expect(buffered.t).toBe(90);
    expect(buffered.narration.en).toMatch(/individual ACK/);
    // When P2 arrives (380 ms) the receiver delivers 2–5 at once.
    const rec = tl.steps.find((s) => s.key === 'recovered')!;
    expect(rec.t).toBe(380);
    expect(rec.narration.en).toMatch(/packets 2–5/);
  });

  it('TCP fast-retransmits P2 on the third duplicate ACK, at 230 ms, before its RTO (420 ms)', () => {
    /*
     * ACK 2 (cumulative: "2 is next") comes back for 3 (arrives 140), 4 (220) and 5 (230),
     * each with a SACK block: the third duplicate triggers fast retransmit at 230 ms; the
     * RTO for packet 2 (restarted at 120 ms) would only fire at 420 ms.
     */
    const tl = simulate({ protocol: 'tcp' }, 1);
    expect(resent(tl)).toEqual([['PSH, ACK seq=201 ack=1 len=100', 230]]);
    expect(tl.steps.find((s) => s.key === 'fast-retransmit')!.t).toBe(230);
    expect(tl.steps.some((s) => s.key === 'timeout')).toBe(false);
    const acks = messages(tl).filter((m) => m.first.from === 'receiver').map((m) => m.first.label);
    // Relative byte numbers (MSS 100): ACK 2 is byte 201; SACK blocks are [left, right) in bytes (RFC 2018).
    expect(acks.slice(0, 5)).toEqual(['ACK seq=1 ack=101', 'ACK seq=1 ack=201', 'ACK seq=1 ack=201 SACK 301-401', 'ACK seq=1 ack=201 SACK 301-501', 'ACK seq=1 ack=201 SACK 301-601']);
    const chips = messages(tl).filter((m) => m.first.from === 'receiver').map((m) => m.first.chip);
    expect(chips.slice(0, 5)).toEqual(['ACK 1', 'ACK 2', 'ACK 2 S3', 'ACK 2 S3–4', 'ACK 2 S3–5']);
    expect(tl.noPackets).toBeUndefined();
  });

  it('stop-and-wait sends one packet per round trip and says the window is not used', () => {
    const tl = simulate({ protocol: 'stop-and-wait', window: 4 }, 1);
    expect(tl.notices?.[0].en).toMatch(/window setting \(4\) is not used/);
    const data = messages(tl).filter((m) => m.first.from === 'sender');
    // P0 at 0, ACK back at 110 → P1 at 110, ACK at 220 → P2 at 220 (lost) → timeout at 520.
    expect(data.slice(0, 4).map((m) => [m.first.label, freshAt(tl, m.first)])).toEqual([
      ['P0', 0],
      ['P1', 110],
      ['P2', 220],
      ['P2', 520],
    ]);
  });
});

describe('error view: the window must fit the sequence space', () => {
  it('Selective Repeat with 3-bit numbers runs with window 4 and says why', () => {
    const tl = simulate({ protocol: 'selective-repeat', seqbits: 3, window: 6, packets: 12 }, 1);
    expect(tl.notices).toHaveLength(1);
    expect(tl.notices![0].en).toMatch(/half the sequence space \(8 \/ 2 = 4\)/);
    expect(tl.notices![0].ko).toMatch(/절반/);
    const sw = entity(tl.steps[0], 'sender-window', 'window') as WindowEntity;
    expect(sw.window).toEqual({ from: 0, to: 4 });
    // Packets 8 and up carry wrapped sequence numbers, in labels and cells.
    const labels = messages(tl).map((m) => m.first.label);
    expect(labels).toContain('P9 (seq 1)');
    expect(sw.cells.find((c) => c.n === 9)?.seq).toBe(1);
  });
  it('Go-Back-N with 2-bit numbers runs with window 3; TCP with 2 bits, window 2', () => {
    expect(simulate({ protocol: 'go-back-n', seqbits: 2, window: 6 }, 1).notices![0].en).toMatch(/sequence space − 1 \(4 − 1 = 3\)/);
    const tcp = simulate({ protocol: 'tcp', seqbits: 2, window: 3 }, 1);
    expect((entity(tcp.steps[0], 'sender-window', 'window') as WindowEntity).window.to).toBe(2);
  });
  it('no notice when the window fits, and lost packets beyond the last one are reported', () => {
    expect(simulate({}, 1).notices).toBeUndefined();
    const tl = simulate({ packets: 5, lose: [2, 30] }, 1);
    expect(tl.notices![0].en).toMatch(/30 in the loss list is not used/);
  });
});

describe('flow view', () => {
  /*
   * Buffer 4 segments, app reads 2 every 600 ms, persist/RTO 300 ms.
   * Segments 0–3 leave at 0–30 and arrive at 60–90; the ACKs advertise 3, 2, 1, 0
   * segments of room and reach the sender at 110–140. At 140 the window is zero: the
   * persist timer starts (fires at 440), the probe (segment 4) arrives at 500 to a full
   * buffer and is answered with rwnd=0. The app reads at 600; the window update
   * (rwnd=200 bytes) reaches the sender at 650 and sending resumes.
   */
  const tl = simulate({ view: 'flow' }, 1);
  const at = (key: string) => tl.steps.find((s) => s.key === key)!;

  it('plays out the zero window, the probe and the window update at the expected times', () => {
    expect(tl.scenario).toBe('flow');
    expect(at('zero-window').t).toBe(140);
    expect(at('probe').t).toBe(440);
    expect(at('app-read').t).toBe(600);
    expect(at('window-update').t).toBe(650);
    expect(at('rwnd-shrinks').t).toBe(110);
    expect(tl.steps.length).toBeGreaterThanOrEqual(10);
    expect(tl.steps.length).toBeLessThanOrEqual(60);
    const labels = messages(tl).map((m) => m.first.label);
    expect(labels.slice(0, 8)).toEqual([
      'PSH, ACK seq=1 ack=1 len=100',
      'PSH, ACK seq=101 ack=1 len=100',
      'PSH, ACK seq=201 ack=1 len=100',
      'PSH, ACK seq=301 ack=1 len=100',
      'ACK seq=1 ack=101 rwnd=300',
      'ACK seq=1 ack=201 rwnd=200',
      'ACK seq=1 ack=301 rwnd=100',
      'ACK seq=1 ack=401 rwnd=0',
    ]);
    expect(labels).toContain('PSH, ACK seq=401 ack=1 len=100 (probe)');
    expect(labels).toContain('ACK seq=1 ack=401 rwnd=200 (update)');
    // The receive buffer is full at the zero window, and the sender's window is empty.
    const zw = at('zero-window');
    const buf = entity(zw, 'receive-buffer', 'window') as WindowEntity;
    expect(buf.cells.filter((c) => c.state === 'buffered').map((c) => c.n)).toEqual([0, 1, 2, 3]);
    const sw = entity(zw, 'sender-window', 'window') as WindowEntity;
    expect(sw.window).toEqual({ from: 4, to: 4 });
    // The persist timer runs from 140 to 440 ms and is drawn as fired at the probe.
    const persist = Object.values(at('probe').scene.entities).filter((e): e is TimerEntity => e.kind === 'timer' && e.status === 'fired');
    expect(persist.map((p) => [tl.steps[p.y0].t, tl.steps[p.y1].t, p.ms])).toEqual([[140, 440, 300]]);
  });

  it('every segment and ACK encodes to bytes that say what the label says', () => {
    const variants: ParamValues[] = [{ view: 'flow' }, { view: 'flow', loss: 40, window: 2, packets: 20, timeout: 100 }];
    for (const v of variants) {
      for (const seed of [1, 2, 3]) {
        const t2 = simulate(v, seed);
        const msgs = messages(t2);
        const packets = capture(t2);
        expect(packets.length).toBe(msgs.length);
        for (const p of packets) {
          const m = msgs.find((x) => x.first.id === p.id)!.first;
          const seg = (m.packet!.fields as { seg: Segment }).seg;
          expect(findField(p.dissection.layers, 'tcp.seq_raw')!.value).toBe(String(seg.seq));
          expect(findField(p.dissection.layers, 'tcp.ack_raw')!.value).toBe(String(seg.ack));
          expect(p.label).toContain(`seq=${seg.seq}`);
          if (m.from === 'sender') expect((seg.seq - 1) % MSS).toBe(0);
          else expect(p.label).toContain(`rwnd=${seg.window}`);
        }
      }
    }
  });

  it('ACK numbers and windows are byte counts: ack = 1 + segments·MSS, window = free segments·MSS', () => {
    const acks = messages(tl).filter((m) => m.first.from === 'receiver').map((m) => (m.first.packet!.fields as { seg: Segment }).seg);
    expect(acks.slice(0, 4).map((s) => [s.ack, s.window])).toEqual([
      [seqOf(1), 3 * MSS],
      [seqOf(2), 2 * MSS],
      [seqOf(3), 1 * MSS],
      [seqOf(4), 0],
    ]);
  });

  it('holds its invariants over many seeds with lost ACKs', () => {
    for (const seed of SEEDS) {
      const ctx = `seed ${seed}`;
      const t2 = simulate({ view: 'flow', loss: 30, window: 3, packets: 12, timeout: 200 }, seed);
      for (let i = 1; i < t2.steps.length; i++) expect(t2.steps[i].t, ctx).toBeGreaterThan(t2.steps[i - 1].t);
      for (const s of t2.steps) {
        expect(s.narration.ko.length > 10 && s.narration.en.length > 10, ctx).toBe(true);
        expect(s.narration.en, ctx).not.toMatch(/undefined|NaN|null/);
        const buf = entity(s, 'receive-buffer', 'window') as WindowEntity;
        expect(buf.cells.filter((c) => c.state === 'buffered').length, ctx).toBeLessThanOrEqual(3);
        const sw = entity(s, 'sender-window', 'window') as WindowEntity;
        expect(sw.window.to - sw.window.from, ctx).toBeLessThanOrEqual(3);
      }
      for (const m of messages(t2)) expect(['delivered', 'lost'], ctx).toContain(m.end.status);
      expect(t2.steps.some((s) => s.key === 'flow-done'), ctx).toBe(true);
    }
  });
});

describe('every param combination', () => {
  it('simulates without throwing, with at least two steps narrated in both languages', () => {
    const r = createRandom(99);
    let n = 0;
    for (const protocol of ARQ_PROTOCOLS) {
      for (const view of ['error', 'flow']) {
        for (const window of [1, 16]) {
          for (const loss of [0, 50]) {
            for (const lose of [[], [0, 1, 2, 3, 4, 5, 6, 7, 8, 39]]) {
              for (const timeout of [100, 2000]) {
                for (const packets of [1, 40]) {
                  for (const seqbits of [2, 6]) {
                    // Ints beyond the edges are clamped by the codec, never thrown on.
                    const v = { protocol, view, window, loss, lose, timeout, packets, seqbits };
                    const seed = r.int(0, 1000);
                    const tl = simulate(v, seed);
                    const ctx = `${JSON.stringify(v)} seed ${seed}`;
                    expect(tl.steps.length, ctx).toBeGreaterThanOrEqual(2);
                    for (const s of tl.steps) expect(s.narration.ko.length > 0 && s.narration.en.length > 0, ctx).toBe(true);
                    n++;
                  }
                }
              }
            }
          }
        }
      }
    }
    expect(n).toBe(4 * 2 * 2 * 2 * 2 * 2 * 2 * 2);
    // Values outside the ranges are clamped, not thrown on.
    expect(simulate({ protocol: 'bogus', window: 99, loss: -3, packets: 0, seqbits: 9, timeout: 5 }, -1).steps.length).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe('story helpers', () => {
  it('beatsOf keeps one beat per moment for short runs and groups long runs into at most max beats', () => {
    const r = createRandom(5);
    let time = 0;
    const events = Array.from({ length: 2000 }, () => ({ time: (time += 10 * r.int(0, 3)) }));
    const distinct = new Set(events.map((e) => e.time)).size;
    expect(beatsOf(events, 10_000).length).toBe(distinct);
    for (const max of [20, 80, 300]) {
      const beats = beatsOf(events, max);
      expect(beats.length).toBeLessThanOrEqual(max);
      expect(beats.flatMap((b) => b.events)).toEqual(events);
      for (let i = 1; i < beats.length; i++) expect(beats[i].t).toBeGreaterThan(beats[i - 1].t);
      const row = rowFinder(beats, events[events.length - 1].time);
      beats.forEach((b, i) => b.events.forEach((e) => expect(row(e.time)).toBe(i)));
      expect(row(events[events.length - 1].time + 1)).toBe(beats.length);
    }
  });
  it('runs lists consecutive packets as ranges', () => {
    expect(runList([5, 2, 3, 4, 7, 9, 10])).toBe('P2–P5, P7, P9, P10');
  });
});
