/**
 * The one discrete-event kernel every scenario runs on.
 *
 * - Actors are machines: `step(state, input, now) → { state, effects }`. They never see a
 *   clock, a queue or a network; effects say what they want, as data.
 * - Links between actors carry messages with a delay, and lose, delay or reorder them
 *   from the seed (one PRNG stream per direction, one draw per transmission, so an
 *   explicit drop list never shifts the random streams).
 * - One queue, ordered by (time, insertion order): two things scheduled for the same
 *   millisecond happen in the order they were scheduled.
 * - The result is a trace: one entry per event handled, with what it caused, and the
 *   state of every actor after it (states are immutable values, so entries share them;
 *   an entry that changed no actor's state shares the previous entry's `states` record).
 *
 * Logical time is in milliseconds. Nothing here reads a clock or draws unseeded randomness.
 */
import { createRandom, type Random } from './random';
import { createQueue } from './queue';

/** What a machine receives. `M` is the message type on the wire, `P` the type of local posts. */
export type KernelInput<M, P = never> =
  /** A message arrived over a link. */
  | { type: 'msg'; msg: M; from: string; id: string }
  /** A timer the actor set has fired. */
  | { type: 'timer'; name: string }
  /** A local event: from the scenario's script, another actor on the same host, or the actor itself. */
  | { type: 'post'; data: P; from: string | null };

/** What a machine asks for. `N` is the scenario's note type (transitions, deliveries, drops…). */
export type KernelEffect<M, P = never, N = never> =
  /** Put a message on the link to `to`. */
  | { type: 'send'; to: string; msg: M; retransmission?: boolean }
  /** Start (or restart) the named timer: it fires `after` ms from now unless cancelled or restarted. */
  | { type: 'timer'; name: string; after: number }
  | { type: 'cancel'; name: string }
  /** A local event to an actor (itself included), after `after` ms (default 0): no link, no loss. */
  | { type: 'post'; to: string; data: P; after?: number }
  /** Something the story wants to know about (a state change, data delivered, a segment dropped…). */
  | { type: 'note'; note: N }
  /** Ends the run after this event. */
  | { type: 'halt' };

export interface Machine<S, M, P = never, N = never> {
  init: S;
  step(state: S, input: KernelInput<M, P>, now: number): { state: S; effects: KernelEffect<M, P, N>[] };
}

/** Per direction: how a link treats what it carries. Every field may depend on the message. */
export interface LinkSpec<M> {
  /** One-way delay, ms (may depend on the message: e.g. serialisation time + propagation). */
  delay: number | ((msg: M) => number);
  /** Probability (0..1) that a transmission is lost. */
  loss?: number;
  /** Extra random delay, uniform in [0, jitter] ms: with jitter, messages can overtake each other. */
  jitter?: number;
  /** Explicit drops on top of `loss`: `n` counts transmissions on this direction from 0. */
  drop?: (msg: M, ctx: { n: number; retransmission: boolean; now: number }) => boolean;
  /** Explicit extra delay (a segment stuck in a queue). */
  extraDelay?: (msg: M, ctx: { n: number; retransmission: boolean; now: number }) => number;
  /** When a loss is handled: half way (default, where diagrams draw it) or when the message would have arrived. */
  lostAt?: 'midway' | 'arrival';
}

/** A message on the wire, from send to arrival (or loss). */
export interface WireRecord<M> {
  id: string;
  from: string;
  to: string;
  msg: M;
  sentAt: number;
  /** Arrival time, or the time the loss is drawn on the diagram (half way) when `lost`. */
  endAt: number;
  lost: boolean;
  retransmission: boolean;
  /** Index of this transmission on its direction. */
  n: number;
}

export type Cause<P> =
  | { kind: 'start' }
  | { kind: 'msg'; actor: string; wire: string }
  | { kind: 'lost'; wire: string }
  | { kind: 'timer'; actor: string; name: string }
  | { kind: 'post'; actor: string; from: string | null; data: P };

export interface TraceEntry<S, P, N> {
  i: number;
  t: number;
  cause: Cause<P>;
  /** Ids of the wires sent while handling this event. */
  sent: string[];
  notes: { actor: string; note: N }[];
  timers: { actor: string; name: string; action: 'set' | 'cancel'; at?: number }[];
  /** Every actor's state after this entry. */
  states: Readonly<Record<string, S>>;
}

export interface Trace<S, M, P, N> {
  entries: TraceEntry<S, P, N>[];
  wires: WireRecord<M>[];
  /** Wire by id. */
  wire(id: string): WireRecord<M>;
  /** true if the event cap stopped the run. */
  truncated: boolean;
  /** Time of the last entry. */
  end: number;
}

export interface WorldSpec<S, M, P, N> {
  actors: Record<string, Machine<S, M, P, N>>;
  /** Links by direction, `"a>b"`. A send with no link is a programming error and throws. */
  links: Record<string, LinkSpec<M>>;
  seed: number;
  /** Local events scheduled up front (app calls, a user's click…). */
  script?: { at: number; to: string; data: P }[];
  /** Guard, not a plan: no run handles more events than this. */
  maxEvents?: number;
  /** Ends the run after the entry for which this returns true. */
  until?: (entry: TraceEntry<S, P, N>, wire: (id: string) => WireRecord<M>) => boolean;
}

type Pending<M, P> =
  | { kind: 'arrive'; wire: WireRecord<M> }
  | { kind: 'lost'; wire: WireRecord<M> }
  | { kind: 'timer'; actor: string; name: string; gen: number }
  | { kind: 'post'; actor: string; from: string | null; data: P };

export const DEFAULT_MAX_EVENTS = 20_000;

/**
 * Runs a world to completion (empty queue, a halt, `until`, or the guard).
 * Actor states of different kinds share one trace: `S` is their union.
 */
export function run<S, M, P = never, N = never>(spec: WorldSpec<S, M, P, N>): Trace<S, M, P, N> {
  const states: Record<string, S> = {};
  for (const [id, a] of Object.entries(spec.actors)) states[id] = a.init;
  const queue = createQueue<Pending<M, P>>();
  const rng = createRandom(spec.seed);
  /** Per sender and receiver: the direction's link, its random stream (forked at its first send) and count. */
  const lanes = new Map<string, Map<string, { link: LinkSpec<M>; rng: Random | null; n: number; dir: string }>>();
  const laneOf = (from: string, to: string) => {
    let byTo = lanes.get(from);
    if (!byTo) lanes.set(from, (byTo = new Map()));
    let lane = byTo.get(to);
    if (!lane) {
      const dir = `${from}>${to}`;
      const link = spec.links[dir];
      if (!link) throw new Error(`no link ${dir}`);
      byTo.set(to, (lane = { link, rng: null, n: 0, dir }));
    }
    return lane;
  };
  /** Per actor, per timer name: the generation of the pending expiry, 0 when none is pending. */
  const timerGens = new Map<string, Map<string, number>>();
  const gensOf = (actor: string) => {
    let g = timerGens.get(actor);
    if (!g) timerGens.set(actor, (g = new Map()));
    return g;
  };
  let timerCounter = 0;
  const wires: WireRecord<M>[] = [];
  const byId = new Map<string, WireRecord<M>>();
  const entries: TraceEntry<S, P, N>[] = [];
  const max = spec.maxEvents ?? DEFAULT_MAX_EVENTS;
  let halted = false;

  for (const s of spec.script ?? []) queue.push(s.at, { kind: 'post', actor: s.to, from: null, data: s.data });
  let snapshot: Readonly<Record<string, S>> = { ...states };
  entries.push({ i: 0, t: 0, cause: { kind: 'start' }, sent: [], notes: [], timers: [], states: snapshot });

  const wireOf = (id: string): WireRecord<M> => {
    const w = byId.get(id);
    if (!w) throw new Error(`no wire ${id}`);
    return w;
  };

  const apply = (actor: string, effects: KernelEffect<M, P, N>[], now: number, e: TraceEntry<S, P, N>) => {
    for (const fx of effects) {
      switch (fx.type) {
        case 'send': {
          const lane = laneOf(actor, fx.to);
          const link = lane.link;
          const n = lane.n++;
          const r = (lane.rng ??= rng.fork(`link:${lane.dir}`));
          // Always two draws per transmission, whatever the config: streams never shift.
          const lossDraw = r.next();
          const jitterDraw = r.next();
          const ctx = { n, retransmission: fx.retransmission ?? false, now };
          const lost = lossDraw < (link.loss ?? 0) || (link.drop?.(fx.msg, ctx) ?? false);
          const base = typeof link.delay === 'function' ? link.delay(fx.msg) : link.delay;
          const delay = base + (link.extraDelay?.(fx.msg, ctx) ?? 0) + Math.round(jitterDraw * (link.jitter ?? 0));
          const wire: WireRecord<M> = {
            id: `m${wires.length + 1}`,
            from: actor,
            to: fx.to,
            msg: fx.msg,
            sentAt: now,
            endAt: lost && link.lostAt !== 'arrival' ? now + Math.round(delay / 2) : now + delay,
            lost,
            retransmission: ctx.retransmission,
            n,
          };
          wires.push(wire);
          byId.set(wire.id, wire);
          e.sent.push(wire.id);
          queue.push(wire.endAt, { kind: lost ? 'lost' : 'arrive', wire });
          break;
        }
        case 'timer': {
          const gen = ++timerCounter; // unique: an old expiry can never match a new timer
          gensOf(actor).set(fx.name, gen);
          queue.push(now + fx.after, { kind: 'timer', actor, name: fx.name, gen });
          e.timers.push({ actor, name: fx.name, action: 'set', at: now + fx.after });
          break;
        }
        case 'cancel': {
          const gens = gensOf(actor);
          if ((gens.get(fx.name) ?? 0) > 0) {
            gens.set(fx.name, 0); // no pending expiry matches 0
            e.timers.push({ actor, name: fx.name, action: 'cancel' });
          }
          break;
        }
        case 'post':
          queue.push(now + (fx.after ?? 0), { kind: 'post', actor: fx.to, from: actor, data: fx.data });
          break;
        case 'note':
          e.notes.push({ actor, note: fx.note });
          break;
        case 'halt':
          halted = true;
          break;
      }
    }
  };

  /** Whether an actor's state changed since the last snapshot (states are compared by reference). */
  let changed = false;
  const stepActor = (actor: string, input: KernelInput<M, P>, now: number, e: TraceEntry<S, P, N>) => {
    const m = spec.actors[actor];
    if (!m) throw new Error(`no actor ${actor}`);
    const r = m.step(states[actor], input, now);
    if (r.state !== states[actor]) {
      states[actor] = r.state;
      changed = true;
    }
    apply(actor, r.effects, now, e);
  };

  const fresh = (t: number, cause: Cause<P>): TraceEntry<S, P, N> => ({ i: entries.length, t, cause, sent: [], notes: [], timers: [], states: snapshot });
  while (!halted && entries.length < max) {
    const next = queue.pop();
    if (!next) break;
    const { time: t, item } = next;
    let e: TraceEntry<S, P, N>;
    switch (item.kind) {
      case 'timer': {
        const gens = gensOf(item.actor);
        if (gens.get(item.name) !== item.gen) continue; // restarted or cancelled
        gens.set(item.name, 0); // fired: no longer pending
        e = fresh(t, { kind: 'timer', actor: item.actor, name: item.name });
        stepActor(item.actor, { type: 'timer', name: item.name }, t, e);
        break;
      }
      case 'arrive':
        e = fresh(t, { kind: 'msg', actor: item.wire.to, wire: item.wire.id });
        stepActor(item.wire.to, { type: 'msg', msg: item.wire.msg, from: item.wire.from, id: item.wire.id }, t, e);
        break;
      case 'lost':
        e = fresh(t, { kind: 'lost', wire: item.wire.id });
        break;
      case 'post':
        e = fresh(t, { kind: 'post', actor: item.actor, from: item.from, data: item.data });
        stepActor(item.actor, { type: 'post', data: item.data, from: item.from }, t, e);
        break;
    }
    // A fresh record only when some actor's state changed: records are never mutated once taken.
    if (changed) {
      snapshot = { ...states };
      changed = false;
    }
    e.states = snapshot;
    entries.push(e);
    if (spec.until?.(e, wireOf)) break;
  }

  return {
    entries,
    wires,
    wire: wireOf,
    truncated: !halted && entries.length >= max && queue.size > 0,
    end: entries[entries.length - 1].t,
  };
}
