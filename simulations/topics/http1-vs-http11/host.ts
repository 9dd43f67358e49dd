/**
 * A TCP host with several connections at once, as one kernel actor: a table of RFC 9293
 * machines (`tcp/machine.ts`) keyed by the client's port (unique per connection on both
 * sides), and an application that reacts to what its sockets report. A server host
 * accepts a SYN for an unknown connection by opening a fresh TCB passively (a listening
 * socket's accept queue); a client host opens TCBs when its app connects.
 */
import type { KernelEffect, KernelInput, Machine } from '../../core/kernel';
import { createTcb, step, type Effect, type Tcb, type TimerName } from '../../tcp/machine';
import type { Segment } from '../../tcp/segment';
import type { TcpState } from '../../tcp/states';

/** What the sockets tell the app. */
export type SocketEvent =
  | { type: 'start' }
  | { type: 'connected'; conn: number }
  | { type: 'data'; conn: number; data: string }
  | { type: 'eof'; conn: number }
  | { type: 'closed'; conn: number }
  /** A delayed app event the app scheduled itself (`later`). */
  | { type: 'wake'; data: Wake };

/** A delayed app event: server work finished for a request. */
export interface Wake {
  conn: number;
  idx: number;
}

export type AppAction =
  | { type: 'connect'; conn: number }
  | { type: 'send'; conn: number; data: string }
  | { type: 'close'; conn: number }
  | { type: 'later'; after: number; data: Wake };

export interface HostState<A> {
  tcbs: Readonly<Record<number, Tcb>>;
  app: A;
}

export type HostNote<AN> =
  | { type: 'tcp'; conn: number; from: TcpState; to: TcpState }
  | { type: 'app'; note: AN };

export type HostPost = { kind: 'start' } | { kind: 'wake'; data: Wake };

export interface HostApp<A, AN> {
  init: A;
  react(app: A, ev: SocketEvent, now: number): { app: A; actions: AppAction[]; notes: AN[] };
}

export interface HostConfig<A, AN> {
  /** This actor's own id (delayed app events are posts to itself). */
  self: string;
  /** The actor on the other end of every connection of this host. */
  peer: string;
  side: 'client' | 'server';
  /** 80 for a server; a client's connections are keyed by their own port. */
  port: number;
  /** Initial sequence number for a new connection (seeded by the caller). */
  iss(conn: number): number;
  app: HostApp<A, AN>;
}

type Fx<AN> = KernelEffect<Segment, HostPost, HostNote<AN>>;

/** One host as a kernel actor. */
export function hostActor<A, AN>(cfg: HostConfig<A, AN>): Machine<HostState<A>, Segment, HostPost, HostNote<AN>> {
  const init = (conn: number): Tcb =>
    createTcb(cfg.side === 'client' ? { localPort: conn, remotePort: cfg.port, iss: cfg.iss(conn) } : { localPort: cfg.port, remotePort: conn, iss: cfg.iss(conn) });
  return {
    init: { tcbs: {}, app: cfg.app.init },
    step(state, input: KernelInput<Segment, HostPost>, now) {
      const tcbs: Record<number, Tcb> = { ...state.tcbs };
      let app = state.app;
      const effects: Fx<AN>[] = [];
      const events: SocketEvent[] = [];

      const feed = (conn: number, ev: Parameters<typeof step>[1]) => {
        const r = step(tcbs[conn], ev);
        tcbs[conn] = r.tcb;
        for (const fx of r.effects) toKernel(conn, fx);
      };
      const toKernel = (conn: number, fx: Effect) => {
        switch (fx.type) {
          case 'send':
            effects.push({ type: 'send', to: cfg.peer, msg: fx.seg, retransmission: fx.retransmission });
            break;
          case 'start-timer':
            effects.push({ type: 'timer', name: `${fx.timer}:${conn}`, after: fx.ms });
            break;
          case 'stop-timer':
            effects.push({ type: 'cancel', name: `${fx.timer}:${conn}` });
            break;
          case 'transition':
            effects.push({ type: 'note', note: { type: 'tcp', conn, from: fx.from, to: fx.to } });
            break;
          case 'deliver':
            events.push({ type: 'data', conn, data: fx.data });
            break;
          case 'signal':
            if (fx.signal !== 'reset') events.push({ type: fx.signal, conn });
            break;
          default:
            break;
        }
      };

      if (input.type === 'msg') {
        const seg = input.msg;
        const conn = cfg.side === 'client' ? seg.dstPort : seg.srcPort;
        if (!tcbs[conn] && cfg.side === 'server' && seg.flags.syn && !seg.flags.ack) {
          // A SYN on the listening port: a new connection is accepted.
          tcbs[conn] = init(conn);
          feed(conn, { type: 'open', mode: 'passive' });
        }
        if (tcbs[conn]) feed(conn, { type: 'segment', seg });
      } else if (input.type === 'timer') {
        const [timer, conn] = input.name.split(':');
        feed(Number(conn), { type: 'timeout', timer: timer as TimerName });
      } else {
        events.push(input.data.kind === 'start' ? { type: 'start' } : { type: 'wake', data: input.data.data });
      }

      // The app reacts to each socket event; what it does may raise more events.
      for (let i = 0; i < events.length; i++) {
        const r = cfg.app.react(app, events[i], now);
        app = r.app;
        for (const note of r.notes) effects.push({ type: 'note', note: { type: 'app', note } });
        for (const a of r.actions) {
          if (a.type === 'later') effects.push({ type: 'post', to: cfg.self, data: { kind: 'wake', data: a.data }, after: a.after });
          else if (a.type === 'connect') {
            tcbs[a.conn] = init(a.conn);
            feed(a.conn, { type: 'open', mode: 'active' });
          } else if (a.type === 'send') feed(a.conn, { type: 'send', data: a.data });
          else feed(a.conn, { type: 'close' });
        }
      }
      return { state: { tcbs, app }, effects };
    },
  };
}
