/**
 * A byte stream over one TCP connection, on the kernel: two RFC 9293 endpoints
 * (`tcp/machine.ts`) as actors, and optionally a passive eavesdropper on the path
 * that receives a copy of every segment (a shared Wi-Fi, a mirrored switch port).
 *
 * The caller gives the stream as units in wire order (TLS records, HTTP messages),
 * each from one side. A side sends its next units as soon as it has received every
 * unit of the peer that comes before them (so flights follow the protocol's own
 * causality), one `send` call, hence one segment, per unit. Bytes are real: every
 * segment carries its payload bytes on the wire, and the receiver reassembles what
 * TCP delivers from the bytes that actually arrived.
 *
 * The TCP machine counts a payload as UTF-8 text, so it is given a same-length
 * ASCII stand-in (bytes ≥ 0x80 become '.'); sequence numbers then count bytes exactly.
 */
import { run, type KernelEffect, type KernelInput, type Machine, type Trace } from '../core/kernel';
import { createTcb, step, type Effect, type Signal, type Tcb } from '../tcp/machine';
import { dataLength, type Segment } from '../tcp/segment';
import type { TcpState } from '../tcp/states';
import { completedUnits, deliverArrived, standIn } from './stream';
import { concat } from '../wire/bytes';

export type Side = 'client' | 'server';
export const PEER: Record<Side, Side> = { client: 'server', server: 'client' };

/** One piece of the stream (a TLS record, an HTTP message), sent with one `send` call. */
export interface StreamUnit {
  from: Side;
  label: string;
  bytes: Uint8Array;
}

/** What travels on a link: the segment as the machine sees it, and its real payload bytes. */
export interface WireMsg {
  seg: Segment;
  bytes: Uint8Array;
}

export interface HostState {
  kind: 'host';
  tcb: Tcb;
  /** Everything the app has written, in order. */
  out: Uint8Array;
  /** Payload pieces that arrived, by stream offset. */
  pieces: { off: number; bytes: Uint8Array }[];
  /** Bytes TCP has delivered in order to the app. */
  received: Uint8Array;
  /** Own units handed to TCP so far (indices into the unit list). */
  sent: number[];
  /** Peer units completely received. */
  got: number[];
  closed: boolean;
}

export interface Captured {
  wire: string;
  from: Side;
  seq: number;
  t: number;
  bytes: Uint8Array;
}

export interface TapState {
  kind: 'tap';
  captured: Captured[];
}

export type ActorState = HostState | TapState;

type Post = { call: 'listen' } | { call: 'connect' } | { call: 'unit'; i: number } | { call: 'close' };

export type Note =
  | { type: 'transition'; from: TcpState; to: TcpState }
  | { type: 'signal'; signal: Signal }
  | { type: 'unit-sent'; unit: number }
  | { type: 'unit-received'; unit: number }
  | { type: 'captured'; bytes: number };

type Fx = KernelEffect<WireMsg, Post, Note>;

export interface ConnectionOptions {
  units: readonly StreamUnit[];
  clientPort: number;
  serverPort: number;
  iss: Record<Side, number>;
  /** One-way delay client ↔ server, ms; the eavesdropper sits half way. */
  oneWay: number;
  eavesdropper: boolean;
  /** Who closes first once every unit is through (the other closes when it reads the FIN). */
  closer: Side;
  /** App reaction time before answering a flight, ms. */
  think?: number;
}

export interface ConnectionRun {
  trace: Trace<ActorState, WireMsg, Post, Note>;
  units: readonly StreamUnit[];
  /** Kernel wire ids between the two hosts (not the eavesdropper's copies), in send order. */
  hostWires: string[];
  /** Units each host wire carries (first transmissions; a unit is one segment). */
  unitsOfWire: Record<string, number[]>;
  /** The wire that carried each unit. */
  wireOfUnit: string[];
  /** What the eavesdropper captured, in arrival order (empty without one). */
  captured: Captured[];
  ports: Record<Side, number>;
}


/** Units of `side` that may go now: the next own units whose every earlier peer unit has arrived. */
function ready(side: Side, s: HostState, units: readonly StreamUnit[]): number[] {
  const out: number[] = [];
  const done = new Set([...s.sent, ...s.got]);
  for (let i = 0; i < units.length; i++) {
    if (done.has(i)) continue;
    if (units[i].from !== side) return out; // a peer unit still to come blocks what follows
    out.push(i);
    done.add(i);
  }
  return out;
}

function hostActor(side: Side, o: ConnectionOptions): Machine<ActorState, WireMsg, Post, Note> {
  const local = side === 'client' ? o.clientPort : o.serverPort;
  const remote = side === 'client' ? o.serverPort : o.clientPort;
  const mine = o.units.filter((u) => u.from === side).length;
  const theirs = o.units.length - mine;
  return {
    init: { kind: 'host', tcb: createTcb({ localPort: local, remotePort: remote, iss: o.iss[side], msl: 2000 }), out: new Uint8Array(0), pieces: [], received: new Uint8Array(0), sent: [], got: [], closed: false },
    step(state, input: KernelInput<WireMsg, Post>) {
      let s = state as HostState;
      const fx: Fx[] = [];
      const feed = (ev: Parameters<typeof step>[1]) => {
        const r = step(s.tcb, ev);
        s = { ...s, tcb: r.tcb };
        for (const e of r.effects) handle(e);
      };
      const schedule = () => {
        const next = ready(side, s, o.units);
        next.forEach((i, k) => fx.push({ type: 'post', to: side, data: { call: 'unit', i }, after: (k === 0 && i > 0 ? o.think ?? 1 : 0) + k }));
        if (next.length) s = { ...s, sent: [...s.sent, ...next] };
      };
      const maybeClose = (eof: boolean) => {
        if (s.closed || s.sent.length < mine) return;
        if (eof || (side === o.closer && s.got.length === theirs)) {
          s = { ...s, closed: true };
          fx.push({ type: 'post', to: side, data: { call: 'close' }, after: o.think ?? 1 });
        }
      };
      const handle = (e: Effect) => {
        switch (e.type) {
          case 'send': {
            const off = (e.seg.seq - s.tcb.iss - 1) >>> 0;
            const n = dataLength(e.seg.data);
            const bytes = n ? s.out.slice(off, off + n) : new Uint8Array(0);
            fx.push({ type: 'send', to: PEER[side], msg: { seg: e.seg, bytes }, retransmission: e.retransmission });
            if (o.eavesdropper) fx.push({ type: 'send', to: 'eve', msg: { seg: e.seg, bytes }, retransmission: e.retransmission });
            break;
          }
          case 'start-timer': fx.push({ type: 'timer', name: e.timer, after: e.ms }); break;
          case 'stop-timer': fx.push({ type: 'cancel', name: e.timer }); break;
          case 'transition': fx.push({ type: 'note', note: { type: 'transition', from: e.from, to: e.to } }); break;
          case 'signal':
            fx.push({ type: 'note', note: { type: 'signal', signal: e.signal } });
            if (e.signal === 'connected') schedule();
            if (e.signal === 'eof') maybeClose(true);
            break;
          case 'deliver': {
            s = { ...s, received: deliverArrived(s.received, s.pieces, dataLength(e.data), 'transport') };
            // Which peer units are now complete?
            const newly = completedUnits(o.units, side, s.received.length, s.got);
            for (const i of newly) fx.push({ type: 'note', note: { type: 'unit-received', unit: i } });
            s = { ...s, got: [...s.got, ...newly] };
            schedule();
            maybeClose(false);
            break;
          }
          default: break;
        }
      };

      if (input.type === 'post') {
        const p = input.data;
        if (p.call === 'listen') feed({ type: 'open', mode: 'passive' });
        else if (p.call === 'connect') feed({ type: 'open', mode: 'active' });
        else if (p.call === 'close') feed({ type: 'close' });
        else {
          const u = o.units[p.i];
          s = { ...s, out: concat(s.out, u.bytes) };
          fx.push({ type: 'note', note: { type: 'unit-sent', unit: p.i } });
          feed({ type: 'send', data: standIn(u.bytes) });
          maybeClose(false);
        }
      } else if (input.type === 'msg') {
        const { seg, bytes } = input.msg;
        if (bytes.length && s.tcb.irs !== undefined) {
          const off = (seg.seq - s.tcb.irs - 1) >>> 0;
          if (!s.pieces.some((p) => p.off === off)) s = { ...s, pieces: [...s.pieces, { off, bytes }] };
        }
        feed({ type: 'segment', seg });
      } else {
        feed({ type: 'timeout', timer: input.name as 'rtx' | 'time-wait' });
      }
      return { state: s, effects: fx };
    },
  };
}

const tapActor: Machine<ActorState, WireMsg, Post, Note> = {
  init: { kind: 'tap', captured: [] },
  step(state, input, now) {
    const s = state as TapState;
    if (input.type !== 'msg' || input.msg.bytes.length === 0) return { state: s, effects: [] };
    const c: Captured = { wire: input.id, from: input.from as Side, seq: input.msg.seg.seq, t: now, bytes: input.msg.bytes };
    return { state: { kind: 'tap', captured: [...s.captured, c] }, effects: [{ type: 'note', note: { type: 'captured', bytes: c.bytes.length } }] };
  },
};

/** Runs the connection: handshake at t = 0 (server listening), the units, then the close. */
export function runConnection(o: ConnectionOptions): ConnectionRun {
  const link = { delay: o.oneWay };
  const tap = { delay: Math.round(o.oneWay / 2) };
  const trace = run<ActorState, WireMsg, Post, Note>({
    actors: { client: hostActor('client', o), server: hostActor('server', o), ...(o.eavesdropper ? { eve: tapActor } : {}) },
    links: { 'client>server': link, 'server>client': link, ...(o.eavesdropper ? { 'client>eve': tap, 'server>eve': tap } : {}) },
    seed: 0,
    script: [
      { at: 0, to: 'server', data: { call: 'listen' } },
      { at: 1, to: 'client', data: { call: 'connect' } },
    ],
    maxEvents: 2000,
    until(e) {
      const c = e.states.client as HostState, sv = e.states.server as HostState;
      return sv.tcb.state === 'CLOSED' && sv.closed && (c.tcb.state === 'TIME-WAIT' || c.tcb.state === 'CLOSED');
    },
  });
  const hostWires = trace.wires.filter((w) => w.to !== 'eve').map((w) => w.id);
  const unitsOfWire: Record<string, number[]> = {};
  const wireOfUnit: string[] = [];
  // Units are sent one per segment, in order per side: match them to data segments in send order.
  for (const side of ['client', 'server'] as const) {
    const mine = o.units.map((u, i) => ({ u, i })).filter((x) => x.u.from === side);
    const data = trace.wires.filter((w) => w.from === side && w.to !== 'eve' && !w.retransmission && w.msg.bytes.length > 0);
    data.forEach((w, k) => {
      unitsOfWire[w.id] = [mine[k].i];
      wireOfUnit[mine[k].i] = w.id;
    });
  }
  const last = trace.entries[trace.entries.length - 1].states.eve as TapState | undefined;
  return { trace, units: o.units, hostWires, unitsOfWire, wireOfUnit, captured: last?.captured ?? [], ports: { client: o.clientPort, server: o.serverPort } };
}
