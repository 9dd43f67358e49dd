/**
 * The browser and the web server as two TCP hosts on the kernel, each holding one RFC 9293
 * machine (`tcp/machine.ts`) per connection, carrying real byte streams: TLS records, HTTP/1.1
 * text, HTTP/2 frames. Each connection follows a plan: its units (a TLS record, a plain HTTP
 * message) in wire order. A side sends its next units once every earlier unit of the peer has
 * arrived (the protocol's own causality); the browser also holds a unit, or a whole new
 * connection, until a gate opens (the HTML is in and parsed, the redirect has arrived). The
 * server answers after a modelled processing time.
 *
 * The access link has a rate: segments queue behind each other at the sender (a FIFO per
 * direction), so a response takes time to download and parallel connections share the link.
 * Loss is seeded per direction; TCP retransmits what is lost.
 */
import { run, type KernelEffect, type KernelInput, type Machine, type Trace } from '../../core/kernel';
import { createTcb, step, type Effect, type Tcb, type TimerName } from '../../tcp/machine';
import { dataLength, type Segment } from '../../tcp/segment';
import type { TcpState } from '../../tcp/states';
import { completedUnits, deliverArrived, standIn } from '../../https/stream';
import { concat } from '../../wire/bytes';
import type { ConnPlan, Side } from './units';

export interface WireMsg {
  conn: number;
  seg: Segment;
  bytes: Uint8Array;
}

interface ConnState {
  tcb: Tcb;
  out: Uint8Array;
  pieces: { off: number; bytes: Uint8Array }[];
  received: Uint8Array;
  /** Own units scheduled or sent. */
  sent: number[];
  /** Peer units completely received. */
  got: number[];
  /** Gated own units whose gate has opened. */
  released: number[];
}

export interface HostState {
  side: Side;
  conns: Readonly<Record<number, ConnState>>;
}

type Post = { call: 'connect'; conn: number } | { call: 'unit'; conn: number; i: number } | { call: 'release'; conn: number; i: number };

export type Note =
  | { type: 'tcp'; conn: number; from: TcpState; to: TcpState }
  | { type: 'unit-sent'; conn: number; unit: number }
  | { type: 'unit-received'; conn: number; unit: number }
  | { type: 'connect'; conn: number };

export type WebTrace = Trace<HostState, WireMsg, Post, Note>;

type Fx = KernelEffect<WireMsg, Post, Note>;

const PEER: Record<Side, string> = { client: 'server', server: 'browser' };
const SELF: Record<Side, string> = { client: 'browser', server: 'server' };

function hostActor(side: Side, plans: readonly ConnPlan[]): Machine<HostState, WireMsg, Post, Note> {
  const byPort = new Map(plans.map((p, i) => [p.clientPort, i]));
  const fresh = (k: number): ConnState => {
    const p = plans[k];
    const tcb = createTcb(side === 'client' ? { localPort: p.clientPort, remotePort: p.serverPort, iss: p.iss.client } : { localPort: p.serverPort, remotePort: p.clientPort, iss: p.iss.server });
    return { tcb, out: new Uint8Array(0), pieces: [], received: new Uint8Array(0), sent: [], got: [], released: [] };
  };
  return {
    init: { side, conns: {} },
    step(state, input: KernelInput<WireMsg, Post>) {
      const conns: Record<number, ConnState> = { ...state.conns };
      const fx: Fx[] = [];
      const feed = (k: number, ev: Parameters<typeof step>[1]) => {
        const r = step(conns[k].tcb, ev);
        conns[k] = { ...conns[k], tcb: r.tcb };
        for (const e of r.effects) handle(k, e);
      };
      /** Posts the next own units that may go: in order, none past a peer unit still to come or a closed gate. */
      const next = (k: number) => {
        const c = conns[k];
        const units = plans[k].units;
        const done = new Set([...c.sent, ...c.got]);
        const go: number[] = [];
        for (let i = 0; i < units.length; i++) {
          if (done.has(i)) continue;
          if (units[i].from !== side || (units[i].gate && !c.released.includes(i))) break;
          go.push(i);
        }
        // A unit never overtakes the one before it: each waits for the longest think time so far.
        let wait = 0;
        for (const i of go) {
          wait = Math.max(wait, units[i].think ?? 0);
          fx.push({ type: 'post', to: SELF[side], data: { call: 'unit', conn: k, i }, after: wait });
        }
        if (go.length) conns[k] = { ...conns[k], sent: [...c.sent, ...go] };
      };
      /** The browser opens gates waiting on what just arrived. */
      const gates = (k: number, unit: number) => {
        plans.forEach((p, j) => {
          if (p.open && p.open.conn === k && p.open.unit === unit) fx.push({ type: 'post', to: SELF[side], data: { call: 'connect', conn: j }, after: p.open.delay });
          p.units.forEach((u, i) => {
            if (u.from === side && u.gate && u.gate.conn === k && u.gate.unit === unit) fx.push({ type: 'post', to: SELF[side], data: { call: 'release', conn: j, i }, after: u.gate.delay });
          });
        });
      };
      const handle = (k: number, e: Effect) => {
        switch (e.type) {
          case 'send': {
            const c = conns[k];
            const off = (e.seg.seq - c.tcb.iss - 1) >>> 0;
            const n = dataLength(e.seg.data);
            fx.push({ type: 'send', to: PEER[side], msg: { conn: k, seg: e.seg, bytes: n ? c.out.slice(off, off + n) : new Uint8Array(0) }, retransmission: e.retransmission });
            break;
          }
          case 'start-timer': fx.push({ type: 'timer', name: `${e.timer}:${k}`, after: e.ms }); break;
          case 'stop-timer': fx.push({ type: 'cancel', name: `${e.timer}:${k}` }); break;
          case 'transition': fx.push({ type: 'note', note: { type: 'tcp', conn: k, from: e.from, to: e.to } }); break;
          case 'signal': if (e.signal === 'connected') next(k); break;
          case 'deliver': {
            const c = conns[k];
            const received = deliverArrived(c.received, c.pieces, dataLength(e.data), 'what-happens-url');
            const newly = completedUnits(plans[k].units, side, received.length, c.got);
            conns[k] = { ...c, received, got: [...c.got, ...newly] };
            for (const i of newly) {
              fx.push({ type: 'note', note: { type: 'unit-received', conn: k, unit: i } });
              if (side === 'client') gates(k, i);
            }
            next(k);
            break;
          }
          default: break;
        }
      };

      if (input.type === 'post') {
        const p = input.data;
        if (p.call === 'connect') {
          conns[p.conn] = fresh(p.conn);
          fx.push({ type: 'note', note: { type: 'connect', conn: p.conn } });
          feed(p.conn, { type: 'open', mode: 'active' });
        } else if (p.call === 'release') {
          conns[p.conn] = { ...conns[p.conn], released: [...conns[p.conn].released, p.i] };
          if (conns[p.conn].tcb.state === 'ESTABLISHED') next(p.conn);
        } else {
          const u = plans[p.conn].units[p.i];
          conns[p.conn] = { ...conns[p.conn], out: concat(conns[p.conn].out, u.bytes) };
          fx.push({ type: 'note', note: { type: 'unit-sent', conn: p.conn, unit: p.i } });
          feed(p.conn, { type: 'send', data: standIn(u.bytes) });
        }
      } else if (input.type === 'msg') {
        const { seg, bytes } = input.msg;
        const k = byPort.get(side === 'client' ? seg.dstPort : seg.srcPort);
        if (k === undefined) return { state, effects: [] };
        if (!conns[k] && side === 'server' && seg.flags.syn && !seg.flags.ack) {
          // A SYN on a listening port (80 or 443): the listener accepts a new connection.
          conns[k] = fresh(k);
          feed(k, { type: 'open', mode: 'passive' });
        }
        if (conns[k]) {
          const c = conns[k];
          if (bytes.length && c.tcb.irs !== undefined) {
            const off = (seg.seq - c.tcb.irs - 1) >>> 0;
            if (!c.pieces.some((p) => p.off === off)) conns[k] = { ...c, pieces: [...c.pieces, { off, bytes }] };
          }
          feed(k, { type: 'segment', seg });
        }
      } else {
        const [timer, conn] = input.name.split(':');
        if (conns[Number(conn)]) feed(Number(conn), { type: 'timeout', timer: timer as TimerName });
      }
      return { state: { side, conns }, effects: fx };
    },
  };
}

export interface WebWorld {
  plans: readonly ConnPlan[];
  /** Round-trip propagation delay, ms (split into two integer one-way delays). */
  rtt: number;
  /** Access link rate, bytes per ms each way (1000 = 8 Mbit/s). */
  rate: number;
  /** 0..1 per transmission, both ways. */
  loss: number;
  seed: number;
}

/** Frame bytes on the wire for a segment: Ethernet 14 + IPv4 20 + TCP 20 (+ options) + payload. */
const frameBytes = (m: WireMsg) => 54 + (m.seg.options ? 12 : 0) + m.bytes.length;

export function runWeb(o: WebWorld): WebTrace {
  const link = (delay: number) => {
    // A FIFO at the sender's interface: a segment starts once the one before it has left.
    let busyUntil = 0;
    return {
      delay,
      loss: o.loss,
      extraDelay: (m: WireMsg, ctx: { now: number }) => {
        const start = Math.max(ctx.now, busyUntil);
        busyUntil = start + Math.max(1, Math.ceil(frameBytes(m) / o.rate));
        return busyUntil - ctx.now;
      },
    };
  };
  const total = (side: Side) => o.plans.reduce((n, p) => n + p.units.filter((u) => u.from !== side).length, 0);
  return run<HostState, WireMsg, Post, Note>({
    actors: { browser: hostActor('client', o.plans), server: hostActor('server', o.plans) },
    links: { 'browser>server': link(Math.floor(o.rtt / 2)), 'server>browser': link(o.rtt - Math.floor(o.rtt / 2)) },
    seed: o.seed,
    script: o.plans.flatMap((p, conn) => (p.open ? [] : [{ at: 0, to: 'browser', data: { call: 'connect' as const, conn } }])),
    maxEvents: 8000,
    // Done when each side holds every unit of its peer.
    until: (e) => {
      const got = (a: string) => Object.values(e.states[a].conns).reduce((n, c) => n + c.got.length, 0);
      return got('browser') === total('client') && got('server') === total('server');
    },
  });
}
