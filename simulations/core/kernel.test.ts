import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { run, type KernelEffect, type KernelInput, type Machine } from './kernel';

/**
 * A small protocol to exercise the kernel: a sender posts `count` numbered messages (one
 * per `gap` ms), resends each once after a timeout unless it was acknowledged, and a
 * receiver acknowledges everything. Effects cover send, timer, cancel, post and note.
 */
type Msg = { kind: 'data' | 'ack'; n: number };
type SenderState = { next: number; acked: number[] };
type Note = { got: number };

function sender(count: number, gap: number, rto: number): Machine<SenderState | null, Msg, 'tick', Note> {
  return {
    init: { next: 0, acked: [] },
    step(s, input: KernelInput<Msg, 'tick'>) {
      const st = s as SenderState;
      const fx: KernelEffect<Msg, 'tick', Note>[] = [];
      if (input.type === 'post' && st.next < count) {
        fx.push({ type: 'send', to: 'b', msg: { kind: 'data', n: st.next } }, { type: 'timer', name: `t${st.next}`, after: rto });
        if (st.next + 1 < count) fx.push({ type: 'post', to: 'a', data: 'tick', after: gap });
        return { state: { ...st, next: st.next + 1 }, effects: fx };
      }
      if (input.type === 'msg') {
        fx.push({ type: 'cancel', name: `t${input.msg.n}` }, { type: 'note', note: { got: input.msg.n } });
        return { state: { ...st, acked: [...st.acked, input.msg.n] }, effects: fx };
      }
      if (input.type === 'timer') {
        const n = Number(input.name.slice(1));
        fx.push({ type: 'send', to: 'b', msg: { kind: 'data', n }, retransmission: true });
      }
      return { state: st, effects: fx };
    },
  };
}

const receiver: Machine<SenderState | null, Msg, 'tick', Note> = {
  init: null,
  step(s, input) {
    if (input.type !== 'msg') return { state: s, effects: [] };
    return { state: s, effects: [{ type: 'send', to: 'a', msg: { kind: 'ack', n: input.msg.n } }] };
  },
};

const world = (seed: number, o: { count: number; loss: number; jitter: number; delay: number; gap: number; rto: number }) =>
  run({
    actors: { a: sender(o.count, o.gap, o.rto), b: receiver },
    links: {
      'a>b': { delay: o.delay, loss: o.loss, jitter: o.jitter },
      'b>a': { delay: o.delay, loss: o.loss, jitter: o.jitter },
    },
    seed,
    script: [{ at: 0, to: 'a', data: 'tick' }],
  });

const config = fc.record({
  count: fc.integer({ min: 1, max: 12 }),
  loss: fc.double({ min: 0, max: 0.9, noNaN: true }),
  jitter: fc.integer({ min: 0, max: 80 }),
  delay: fc.integer({ min: 1, max: 100 }),
  gap: fc.integer({ min: 0, max: 50 }),
  rto: fc.integer({ min: 1, max: 400 }),
});

describe('kernel', () => {
  test('is deterministic per seed: same world, same trace, byte for byte', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), config, (seed, o) => {
        const a = world(seed, o);
        const b = world(seed, o);
        expect(JSON.stringify({ e: a.entries, w: a.wires })).toBe(JSON.stringify({ e: b.entries, w: b.wires }));
      }),
      { numRuns: 150 },
    );
  });

  test('every message sent is delivered or dropped exactly once, at its end time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), config, (seed, o) => {
        const tr = world(seed, o);
        const ends = new Map<string, number>();
        for (const e of tr.entries) {
          if (e.cause.kind === 'msg' || e.cause.kind === 'lost') {
            const id = e.cause.wire;
            ends.set(id, (ends.get(id) ?? 0) + 1);
            const w = tr.wire(id);
            expect(e.t).toBe(w.endAt);
            expect(e.cause.kind === 'lost').toBe(w.lost);
          }
        }
        expect(tr.truncated).toBe(false);
        for (const w of tr.wires) expect(ends.get(w.id), w.id).toBe(1);
      }),
      { numRuns: 150 },
    );
  });

  test('time never runs backwards, and every wire arrives no earlier than it was sent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), config, (seed, o) => {
        const tr = world(seed, o);
        for (let i = 1; i < tr.entries.length; i++) expect(tr.entries[i].t).toBeGreaterThanOrEqual(tr.entries[i - 1].t);
        for (const w of tr.wires) expect(w.endAt).toBeGreaterThanOrEqual(w.sentAt);
        tr.entries.forEach((e, i) => expect(e.i).toBe(i));
      }),
      { numRuns: 150 },
    );
  });

  test('a cancelled or restarted timer never fires; a timer fires at most once per set', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), config, (seed, o) => {
        const tr = world(seed, o);
        const pending = new Map<string, number>();
        for (const e of tr.entries) {
          if (e.cause.kind === 'timer') {
            const key = e.cause.name;
            expect(pending.get(key), `${key} fired at ${e.t}`).toBe(e.t);
            pending.delete(key);
          }
          for (const tm of e.timers) {
            if (tm.action === 'set') pending.set(tm.name, tm.at!);
            else pending.delete(tm.name);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('with no loss, every message is acknowledged and no timer fires when the RTO exceeds the round trip', () => {
    const tr = world(7, { count: 8, loss: 0, jitter: 0, delay: 20, gap: 5, rto: 100 });
    expect(tr.wires.filter((w) => w.retransmission)).toEqual([]);
    const acked = (tr.entries[tr.entries.length - 1].states.a as SenderState).acked;
    expect(acked).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  test('explicit drops do not shift the random streams of a link', () => {
    const base = { count: 10, loss: 0.3, jitter: 30, delay: 20, gap: 5, rto: 200 };
    const plain = world(11, base);
    const dropped = run({
      actors: { a: sender(10, 5, 200), b: receiver },
      links: {
        'a>b': { delay: 20, loss: 0.3, jitter: 30, drop: (_m, c) => c.n === 2 },
        'b>a': { delay: 20, loss: 0.3, jitter: 30 },
      },
      seed: 11,
      script: [{ at: 0, to: 'a', data: 'tick' }],
    });
    // The first two transmissions and the third's delay are the same draws either way.
    expect(dropped.wires.slice(0, 2)).toEqual(plain.wires.slice(0, 2));
    expect(dropped.wires[2].lost).toBe(true);
  });

  test('the event guard stops a run that would never end, and says so', () => {
    const pinger: Machine<number, Msg> = {
      init: 0,
      step: (s, input) => ({ state: s + 1, effects: input.type === 'msg' || s === 0 ? [{ type: 'send', to: 'b', msg: { kind: 'data', n: s } }] : [] }),
    };
    const echo: Machine<number, Msg> = { init: 0, step: (s, input) => ({ state: s, effects: input.type === 'msg' ? [{ type: 'send', to: 'a', msg: input.msg }] : [] }) };
    const tr = run<number, Msg>({
      actors: { a: pinger, b: echo },
      links: { 'a>b': { delay: 1 }, 'b>a': { delay: 1 } },
      seed: 1,
      script: [{ at: 0, to: 'a', data: undefined as never }],
      maxEvents: 50,
    });
    expect(tr.entries.length).toBe(50);
    expect(tr.truncated).toBe(true);
  });
});
