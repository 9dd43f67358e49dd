/**
 * Two TCP endpoints and the network between them, as a discrete-event
 * simulation in logical milliseconds. The state machines decide; the world
 * only carries segments, runs timers and calls the apps. The result is a log
 * of what happened, one entry per event, from which scenarios build steps.
 */
import { createTcb, step, type Effect, type Signal, type Tcb, type TcbInit, type TcpEvent, type TimerName } from './machine';
import type { Segment } from './segment';
import type { TcpState } from './states';

export type HostId = 'client' | 'server';
export const OTHER: Record<HostId, HostId> = { client: 'server', server: 'client' };

/** What an app asks of its socket. */
export type AppCall =
  /** `iss`: a new incarnation on a CLOSED socket starts with this initial sequence number. */
  | { call: 'listen'; iss?: number }
  | { call: 'connect'; iss?: number }
  | { call: 'send'; data: string }
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
  /** Called after every entry: what should each app do next, and after how long (ms). */
  react(host: HostId, signal: Signal | 'data', world: { t: number; tcbs: Record<HostId, Tcb> }, data?: string): { after: number; call: AppCall }[];
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
  /** App calls scheduled up front, as (time, host, call). */
  script: { at: number; host: HostId; call: AppCall }[];
  app: App;
  /** Stop after this many entries, whatever happens (a guard, not a plan). */
  maxEntries?: number;
  /** Stop once both sides are CLOSED after having connected. */
  stopWhenClosed?: boolean;
  /** Stop after the entry for which this returns true. */
  stopWhen?: (entry: LogEntry, wires: ReadonlyMap<string, Wire>) => boolean;
}

type QueueItem =
  | { at: number; order: number; kind: 'app'; host: HostId; call: AppCall }
  | { at: number; order: number; kind: 'arrive'; wire: Wire }
  | { at: number; order: number; kind: 'lost'; wire: Wire }
  | { at: number; order: number; kind: 'timer'; host: HostId; timer: TimerName; gen: number };

export interface WorldResult {
  log: LogEntry[];
  wires: Wire[];
  /** true if the guard stopped the run. */
  truncated: boolean;
}

export function runWorld(cfg: WorldConfig): WorldResult {
  const tcbs: Record<HostId, Tcb> = { client: createTcb(cfg.client), server: createTcb(cfg.server) };
  const queue: QueueItem[] = [];
  let order = 0;
  type Unordered = QueueItem extends infer Q ? (Q extends QueueItem ? Omit<Q, 'order'> : never) : never;
  const push = (item: Unordered) => {
    queue.push({ ...item, order: order++ } as QueueItem);
  };
  const timerGen: Record<string, number> = {};
  const sends: Record<HostId, number> = { client: 0, server: 0 };
  const wires: Wire[] = [];
  const wireById = new Map<string, Wire>();
  const log: LogEntry[] = [];
  const max = cfg.maxEntries ?? 400;
  let connectedOnce = false;

  for (const s of cfg.script) push({ at: s.at, kind: 'app', host: s.host, call: s.call });
  log.push(blankEntry(0, { kind: 'start' }, tcbs));

  while (queue.length > 0 && log.length < max) {
    queue.sort((a, b) => a.at - b.at || a.order - b.order);
    const item = queue.shift()!;
    if (item.kind === 'timer' && timerGen[`${item.host}:${item.timer}`] !== item.gen) continue; // cancelled
    const t = item.at;
    let entry: LogEntry;
    const apply = (host: HostId, ev: TcpEvent) => {
      const r = step(tcbs[host], ev);
      tcbs[host] = r.tcb;
      applyEffects(host, r.effects, t, entry);
    };
    const applyEffects = (host: HostId, effects: Effect[], now: number, e: LogEntry) => {
      for (const fx of effects) {
        switch (fx.type) {
          case 'transition':
            e.transitions.push({ host, from: fx.from, to: fx.to });
            break;
          case 'send': {
            const n = sends[host]++;
            const lost = cfg.drop?.(fx.seg, host, n, fx.retransmission) ?? false;
            const delay = cfg.oneWay + (cfg.extraDelay?.(fx.seg, host, n) ?? 0);
            const wire: Wire = {
              id: `w${wires.length + 1}`,
              from: host,
              to: OTHER[host],
              seg: fx.seg,
              sentAt: now,
              endAt: lost ? now + Math.round(delay / 2) : now + delay,
              lost,
              retransmission: fx.retransmission,
            };
            wires.push(wire);
            wireById.set(wire.id, wire);
            e.sent.push(wire.id);
            push({ at: wire.endAt, kind: lost ? 'lost' : 'arrive', wire });
            break;
          }
          case 'start-timer': {
            const key = `${host}:${fx.timer}`;
            timerGen[key] = (timerGen[key] ?? 0) + 1;
            push({ at: now + fx.ms, kind: 'timer', host, timer: fx.timer, gen: timerGen[key] });
            e.timers.push({ host, timer: fx.timer, action: 'start', ms: fx.ms });
            break;
          }
          case 'stop-timer': {
            const key = `${host}:${fx.timer}`;
            if (timerGen[key] !== undefined) {
              timerGen[key]++;
              e.timers.push({ host, timer: fx.timer, action: 'stop' });
            }
            break;
          }
          case 'deliver':
            e.delivered.push({ host, data: fx.data });
            break;
          case 'signal':
            e.signals.push({ host, signal: fx.signal });
            if (fx.signal === 'connected') connectedOnce = true;
            break;
          case 'drop':
            e.drops.push({ host, why: fx.why });
            break;
          case 'hold':
            e.held.push({ host, seq: fx.seq });
            break;
        }
      }
    };
    switch (item.kind) {
      case 'app': {
        entry = blankEntry(t, { kind: 'app', host: item.host, call: item.call }, tcbs);
        // Opening again on a closed socket is a new incarnation of the connection.
        const reopen = (item.call.call === 'listen' || item.call.call === 'connect') && item.call.iss !== undefined && tcbs[item.host].state === 'CLOSED';
        if (reopen) tcbs[item.host] = createTcb({ ...cfg[item.host], iss: (item.call as { iss: number }).iss });
        const ev: TcpEvent =
          item.call.call === 'listen' ? { type: 'open', mode: 'passive' }
          : item.call.call === 'connect' ? { type: 'open', mode: 'active' }
          : item.call.call === 'send' ? { type: 'send', data: item.call.data }
          : { type: 'close' };
        apply(item.host, ev);
        break;
      }
      case 'arrive':
        entry = blankEntry(t, { kind: 'arrive', host: item.wire.to, wire: item.wire.id }, tcbs);
        apply(item.wire.to, { type: 'segment', seg: item.wire.seg });
        break;
      case 'lost':
        entry = blankEntry(t, { kind: 'lost', wire: item.wire.id }, tcbs);
        break;
      case 'timer': {
        const key = `${item.host}:${item.timer}`;
        timerGen[key]++; // a fired timer is no longer pending
        entry = blankEntry(t, { kind: 'timer', host: item.host, timer: item.timer }, tcbs);
        apply(item.host, { type: 'timeout', timer: item.timer });
        break;
      }
    }
    entry!.tcbs = { client: tcbs.client, server: tcbs.server };
    log.push(entry!);
    // Apps react to what their sockets told them.
    for (const host of ['client', 'server'] as HostId[]) {
      const reacts: { after: number; call: AppCall }[] = [];
      for (const s of entry!.signals) if (s.host === host) reacts.push(...cfg.app.react(host, s.signal, { t, tcbs }));
      for (const d of entry!.delivered) if (d.host === host) reacts.push(...cfg.app.react(host, 'data', { t, tcbs }, d.data));
      for (const r of reacts) push({ at: t + r.after, kind: 'app', host, call: r.call });
    }
    if (cfg.stopWhen?.(entry!, wireById)) break;
    if (cfg.stopWhenClosed && connectedOnce && tcbs.client.state === 'CLOSED' && tcbs.server.state === 'CLOSED') {
      // Anything still queued (stray timers) no longer matters.
      break;
    }
  }
  return { log, wires, truncated: log.length >= max };
}

function blankEntry(t: number, cause: Cause, tcbs: Record<HostId, Tcb>): LogEntry {
  return { t, cause, transitions: [], sent: [], delivered: [], signals: [], timers: [], drops: [], held: [], tcbs: { ...tcbs } };
}
