/**
 * Two TCP endpoints and the network between them, run on the kernel
 * (`core/kernel.ts`): each host is an actor whose step feeds the RFC 9293 machine
 * and hands its effects to the kernel as data; the app's reactions are local posts.
 * The result is a log of what happened, one entry per event, from which scenarios
 * build their stories.
 */
import { run, type KernelEffect, type KernelInput, type Machine, type TraceEntry } from '../core/kernel';
import { createTcb, step, type Effect, type Signal, type Tcb, type TcbInit, type TcpEvent, type TimerName } from './machine';
import type { Segment } from './segment';
import { copyKey, matches, type Faults } from './faults';

export type { Faults, SegmentRule } from './faults';
import type { TcpState } from './states';

export type HostId = 'client' | 'server';
export const OTHER: Record<HostId, HostId> = { client: 'server', server: 'client' };

/** What an app asks of its socket. */
export type AppCall =
  /** `iss`: a new incarnation on a CLOSED socket starts with this initial sequence number. */
  | { call: 'listen'; iss?: number }
  | { call: 'connect'; iss?: number }
  | { call: 'send'; data: string }
  /**
   * shutdown(SHUT_WR): a half-close. TCP sends its FIN (RFC 9293 CLOSE) and the app keeps
   * reading until recv() returns 0 at the peer's FIN.
   */
  | { call: 'shutdown' }
  /**
   * close(): the app lets go of the socket. On a socket that is still open this is TCP's
   * CLOSE (a FIN); after shutdown() it sends nothing more.
   */
  | { call: 'close' };

export interface Wire {
  id: string;
  from: HostId;
  to: HostId;
  seg: Segment;
  sentAt: number;
  /** When it arrives, or when it is lost (then `lost` is true). */
  endAt: number;
  lost: boolean;
  retransmission: boolean;
}

/** Why an entry happened. */
export type Cause =
  | { kind: 'start' }
  | { kind: 'app'; host: HostId; call: AppCall }
  | { kind: 'arrive'; host: HostId; wire: string }
  | { kind: 'lost'; wire: string }
  | { kind: 'timer'; host: HostId; timer: TimerName };

export interface LogEntry {
  t: number;
  cause: Cause;
  transitions: { host: HostId; from: TcpState; to: TcpState }[];
  sent: string[];
  delivered: { host: HostId; data: string }[];
  signals: { host: HostId; signal: Signal }[];
  timers: { host: HostId; timer: TimerName; action: 'start' | 'stop'; ms?: number }[];
  drops: { host: HostId; why: string }[];
  held: { host: HostId; seq: number }[];
  /** Both endpoints after this entry. */
  tcbs: Record<HostId, Tcb>;
}

export interface App {
  /** Called for each signal and delivery: what should this host's app do next, and after how long (ms). */
  react(host: HostId, signal: Signal | 'data', world: { t: number; tcb: Tcb }, data?: string): { after: number; call: AppCall }[];
}

export interface WorldConfig {
  client: TcbInit;
  server: TcbInit;
  /** One-way delay of the path (ms). */
  oneWay: number;
  /** Decides, when a segment is sent, whether the network drops it. `n` counts sends from that host. */
  drop?: (seg: Segment, from: HostId, n: number, retransmission: boolean) => boolean;
  /** Extra delay for a segment (ms), e.g. a segment stuck in a queue. */
  extraDelay?: (seg: Segment, from: HostId, n: number) => number;
  /** Drops and delays as data (see `SegmentRule`), on top of `drop` and `extraDelay`. */
  faults?: Faults;
  /** App calls scheduled up front, as (time, host, call). */
  script: { at: number; host: HostId; call: AppCall }[];
  app: App;
  /** Stop after this many entries, whatever happens (a guard, not a plan). */
  maxEntries?: number;
  /** Stop once both sides are CLOSED after having connected. */
  stopWhenClosed?: boolean;
  /** Stop after the entry for which this returns true; `log` is every entry so far, this one last. */
  stopWhen?: (entry: LogEntry, wires: ReadonlyMap<string, Wire>, log: readonly LogEntry[]) => boolean;
}

export interface WorldResult {
  log: LogEntry[];
  wires: Wire[];
  /** true if the guard stopped the run. */
  truncated: boolean;
}

/** What a host's step tells the story, besides sends and timers. */
type Note =
  | { type: 'transition'; from: TcpState; to: TcpState }
  | { type: 'deliver'; data: string }
  | { type: 'signal'; signal: Signal }
  | { type: 'drop'; why: string }
  | { type: 'hold'; seq: number };

type HostEffect = KernelEffect<Segment, AppCall, Note>;

/** One endpoint as a kernel actor: app calls arrive as posts, segments as messages. */
function hostActor(host: HostId, cfg: WorldConfig): Machine<Tcb, Segment, AppCall, Note> {
  return {
    init: createTcb(cfg[host]),
    step(tcb, input: KernelInput<Segment, AppCall>, now) {
      let ev: TcpEvent;
      let cur = tcb;
      if (input.type === 'post') {
        const call = input.data;
        // Opening again on a closed socket is a new incarnation of the connection.
        const reopen = (call.call === 'listen' || call.call === 'connect') && call.iss !== undefined && tcb.state === 'CLOSED';
        if (reopen) cur = createTcb({ ...cfg[host], iss: (call as { iss: number }).iss });
        ev =
          call.call === 'listen' ? { type: 'open', mode: 'passive' }
          : call.call === 'connect' ? { type: 'open', mode: 'active' }
          : call.call === 'send' ? { type: 'send', data: call.data }
          : { type: 'close' }; // shutdown(SHUT_WR) and close() both are TCP's CLOSE
      } else if (input.type === 'msg') {
        ev = { type: 'segment', seg: input.msg };
      } else {
        ev = { type: 'timeout', timer: input.name as TimerName };
      }
      const r = step(cur, ev);
      const effects = r.effects.map((fx) => toKernel(host, fx));
      // The app reacts to what its socket told it, after the socket's own effects.
      const reacts: { after: number; call: AppCall }[] = [];
      for (const fx of r.effects) {
        if (fx.type === 'signal') reacts.push(...cfg.app.react(host, fx.signal, { t: now, tcb: r.tcb }));
        if (fx.type === 'deliver') reacts.push(...cfg.app.react(host, 'data', { t: now, tcb: r.tcb }, fx.data));
      }
      for (const x of reacts) effects.push({ type: 'post', to: host, data: x.call, after: x.after });
      return { state: r.tcb, effects };
    },
  };
}

function toKernel(host: HostId, fx: Effect): HostEffect {
  switch (fx.type) {
    case 'send':
      return { type: 'send', to: OTHER[host], msg: fx.seg, retransmission: fx.retransmission };
    case 'start-timer':
      return { type: 'timer', name: fx.timer, after: fx.ms };
    case 'stop-timer':
      return { type: 'cancel', name: fx.timer };
    case 'transition':
      return { type: 'note', note: { type: 'transition', from: fx.from, to: fx.to } };
    case 'deliver':
      return { type: 'note', note: { type: 'deliver', data: fx.data } };
    case 'signal':
      return { type: 'note', note: { type: 'signal', signal: fx.signal } };
    case 'drop':
      return { type: 'note', note: { type: 'drop', why: fx.why } };
    case 'hold':
      return { type: 'note', note: { type: 'hold', seq: fx.seq } };
  }
}

/** The kernel's entry in the shape the TCP stories read. */
function toLogEntry(e: TraceEntry<Tcb, AppCall, Note>, wires: Map<string, Wire>): LogEntry {
  const c = e.cause;
  const cause: Cause =
    c.kind === 'start' ? { kind: 'start' }
    : c.kind === 'msg' ? { kind: 'arrive', host: c.actor as HostId, wire: c.wire }
    : c.kind === 'lost' ? { kind: 'lost', wire: c.wire }
    : c.kind === 'timer' ? { kind: 'timer', host: c.actor as HostId, timer: c.name as TimerName }
    : { kind: 'app', host: c.actor as HostId, call: c.data };
  const out: LogEntry = {
    t: e.t, cause, transitions: [], sent: [...e.sent], delivered: [], signals: [], timers: [], drops: [], held: [],
    tcbs: { client: e.states.client, server: e.states.server },
  };
  for (const { actor, note } of e.notes) {
    const host = actor as HostId;
    if (note.type === 'transition') out.transitions.push({ host, from: note.from, to: note.to });
    else if (note.type === 'deliver') out.delivered.push({ host, data: note.data });
    else if (note.type === 'signal') out.signals.push({ host, signal: note.signal });
    else if (note.type === 'drop') out.drops.push({ host, why: note.why });
    else out.held.push({ host, seq: note.seq });
  }
  for (const tm of e.timers) {
    const host = tm.actor as HostId;
    const ms = tm.at !== undefined ? tm.at - e.t : undefined;
    out.timers.push(tm.action === 'set' ? { host, timer: tm.name as TimerName, action: 'start', ms } : { host, timer: tm.name as TimerName, action: 'stop' });
  }
  void wires;
  return out;
}

export function runWorld(cfg: WorldConfig): WorldResult {
  const wires = new Map<string, Wire>();
  const asWire = (w: { id: string; from: string; to: string; msg: Segment; sentAt: number; endAt: number; lost: boolean; retransmission: boolean }): Wire => {
    let x = wires.get(w.id);
    if (!x) wires.set(w.id, (x = { id: w.id, from: w.from as HostId, to: w.to as HostId, seg: w.msg, sentAt: w.sentAt, endAt: w.endAt, lost: w.lost, retransmission: w.retransmission }));
    return x;
  };
  // How many copies of a segment were sent before: read from the wires of earlier entries.
  const copies = new Map<string, number>();
  const copyOf = (seg: Segment, from: HostId) => copies.get(copyKey(seg, from)) ?? 0;
  const faults = cfg.faults ?? {};
  const link = (from: HostId) => ({
    delay: cfg.oneWay,
    drop: (seg: Segment, c: { n: number; retransmission: boolean }) =>
      Boolean(cfg.drop?.(seg, from, c.n, c.retransmission)) || (faults.drop ?? []).some((r) => matches(r, seg, from, copyOf(seg, from))),
    extraDelay: (seg: Segment, c: { n: number }) =>
      (cfg.extraDelay?.(seg, from, c.n) ?? 0) + (faults.delay ?? []).filter((r) => matches(r, seg, from, copyOf(seg, from))).reduce((a, r) => a + r.ms, 0),
  });
  const log: LogEntry[] = [];
  let connectedOnce = false;
  const trace = run<Tcb, Segment, AppCall, Note>({
    actors: { client: hostActor('client', cfg), server: hostActor('server', cfg) },
    links: { 'client>server': link('client'), 'server>client': link('server') },
    seed: 0,
    script: cfg.script.map((s) => ({ at: s.at, to: s.host, data: s.call })),
    maxEvents: cfg.maxEntries ?? 400,
    until(e, wireOf) {
      for (const id of e.sent) {
        const w = asWire(wireOf(id));
        const k = copyKey(w.seg, w.from);
        copies.set(k, (copies.get(k) ?? 0) + 1);
      }
      const entry = toLogEntry(e, wires);
      log.push(entry);
      if (entry.signals.some((s) => s.signal === 'connected')) connectedOnce = true;
      if (cfg.stopWhen?.(entry, wires, log)) return true;
      // Once both sides are CLOSED after having connected, stray timers no longer matter.
      return Boolean(cfg.stopWhenClosed && connectedOnce && entry.tcbs.client.state === 'CLOSED' && entry.tcbs.server.state === 'CLOSED');
    },
  });
  const start = toLogEntry(trace.entries[0], wires);
  return { log: [start, ...log], wires: trace.wires.map(asWire), truncated: trace.truncated || trace.entries.length >= (cfg.maxEntries ?? 400) };
}
