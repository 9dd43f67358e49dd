/**
 * Connections on the kernel: per connection, two RFC 9293 endpoints (`tcp/machine.ts`) as
 * actors carrying a byte stream of records. A side writes its next records as soon as it
 * has received every peer record before them (the protocol's own causality), cut into
 * segments of at most one MSS, paced one millisecond apart (a ~12 Mbit/s path).
 *
 * Loss: a first transmission of a segment that carries response bytes is dropped with the
 * given probability, drawn from the seed per byte offset; TCP retransmits it on its RTO
 * (RFC 6298) and holds everything after it meanwhile (RFC 9293 §3.10.7.4): the app sees
 * nothing past the hole until it is filled. That is head-of-line blocking.
 *
 * The TCP machine counts payloads as text, so it is given a same-length ASCII stand-in;
 * the real bytes travel beside it and are reassembled from what actually arrived.
 */
import { run, type KernelEffect, type Machine, type Trace } from '../../core/kernel';
import { createRandom } from '../../core/random';
import { createTcb, step, type Effect, type Tcb } from '../../tcp/machine';
import { dataLength, type Segment } from '../../tcp/segment';
import type { Side } from './h2';
import type { WireUnit } from './secure';

export const MSS = 1460;
export const ONE_WAY = 50;

export interface WireMsg {
  conn: string;
  seg: Segment;
  bytes: Uint8Array;
  /** Stream offset of the first payload byte. */
  off: number;
}

export interface HostState {
  tcb: Tcb;
  /** Bytes this side has handed to TCP, and the offset where each own unit starts. */
  written: number;
  /** Own units handed over, peer units complete. */
  sent: number;
  got: number[];
  /** Bytes delivered in order to the app. */
  delivered: number;
  closed: boolean;
}

type Post = { call: 'listen' } | { call: 'connect' } | { call: 'write'; units: number[] } | { call: 'chunk'; unit: number; from: number; to: number } | { call: 'close' };

export type Note =
  | { type: 'unit-received'; unit: number }
  | { type: 'unit-sent'; unit: number }
  | { type: 'delivered'; bytes: number };

export interface ConnSpec {
  id: string;
  units: readonly WireUnit[];
  clientPort: number;
  serverPort: number;
  iss: Record<Side, number>;
}

export const actorOf = (conn: string, side: Side) => (conn === 'h2' ? side : `${conn}-${side}`);

/** Offsets of each unit in its sender's stream. */
export function unitOffsets(units: readonly WireUnit[]): { start: number; end: number }[] {
  const at = { client: 0, server: 0 };
  return units.map((u) => {
    const start = at[u.from];
    at[u.from] += u.bytes.length;
    return { start, end: at[u.from] };
  });
}

function host(c: ConnSpec, side: Side): Machine<HostState, WireMsg, Post, Note> {
  const peer: Side = side === 'client' ? 'server' : 'client';
  const me = actorOf(c.id, side), them = actorOf(c.id, peer);
  const offs = unitOffsets(c.units);
  const mine = c.units.map((u, i) => i).filter((i) => c.units[i].from === side);
  const theirs = c.units.map((u, i) => i).filter((i) => c.units[i].from === peer);
  const stream = new Uint8Array(offs.reduce((n, o, i) => (c.units[i].from === side ? Math.max(n, o.end) : n), 0));
  for (const i of mine) stream.set(c.units[i].bytes, offs[i].start);
  const ready = (s: HostState) => {
    const out: number[] = [];
    for (let i = 0; i < c.units.length; i++) {
      if (c.units[i].from === peer) { if (!s.got.includes(i)) break; continue; }
      if (mine.indexOf(i) >= s.sent) out.push(i);
    }
    return out;
  };
  return {
    init: { tcb: createTcb({ localPort: side === 'client' ? c.clientPort : c.serverPort, remotePort: side === 'client' ? c.serverPort : c.clientPort, iss: c.iss[side], msl: 2000 }), written: 0, sent: 0, got: [], delivered: 0, closed: false },
    step(state, input) {
      let s = state;
      const fx: KernelEffect<WireMsg, Post, Note>[] = [];
      const feed = (ev: Parameters<typeof step>[1]) => {
        const r = step(s.tcb, ev);
        s = { ...s, tcb: r.tcb };
        r.effects.forEach(handle);
      };
      const schedule = () => {
        const next = ready(s);
        if (!next.length) return;
        s = { ...s, sent: s.sent + next.length };
        fx.push({ type: 'post', to: me, data: { call: 'write', units: next }, after: 1 });
      };
      const maybeClose = (eof: boolean) => {
        if (s.closed || s.sent < mine.length) return;
        if (eof || (side === 'client' && s.got.length === theirs.length)) {
          s = { ...s, closed: true };
          fx.push({ type: 'post', to: me, data: { call: 'close' }, after: 1 + Math.ceil((stream.length - s.written) / MSS) });
        }
      };
      const handle = (e: Effect) => {
        if (e.type === 'send') {
          const off = (e.seg.seq - s.tcb.iss - 1) >>> 0;
          const n = dataLength(e.seg.data);
          fx.push({ type: 'send', to: them, msg: { conn: c.id, seg: e.seg, bytes: stream.slice(off, off + n), off }, retransmission: e.retransmission });
        } else if (e.type === 'start-timer') fx.push({ type: 'timer', name: e.timer, after: e.ms });
        else if (e.type === 'stop-timer') fx.push({ type: 'cancel', name: e.timer });
        else if (e.type === 'signal') {
          if (e.signal === 'connected') schedule();
          if (e.signal === 'eof') maybeClose(true);
        } else if (e.type === 'deliver') {
          s = { ...s, delivered: s.delivered + dataLength(e.data) };
          fx.push({ type: 'note', note: { type: 'delivered', bytes: s.delivered } });
          const got = [...s.got];
          for (const i of theirs) {
            if (!got.includes(i) && offs[i].end <= s.delivered) {
              got.push(i);
              fx.push({ type: 'note', note: { type: 'unit-received', unit: i } });
            }
          }
          s = { ...s, got };
          schedule();
          maybeClose(false);
        }
      };
      if (input.type === 'post') {
        const p = input.data;
        if (p.call === 'listen') feed({ type: 'open', mode: 'passive' });
        else if (p.call === 'connect') feed({ type: 'open', mode: 'active' });
        else if (p.call === 'close') feed({ type: 'close' });
        else if (p.call === 'write') {
          // Cut the records into MSS-sized segments, one per millisecond.
          let k = 0;
          const from = offs[p.units[0]].start, to = offs[p.units[p.units.length - 1]].end;
          for (let a = from; a < to; a += MSS, k++) fx.push({ type: 'post', to: me, data: { call: 'chunk', unit: -1, from: a, to: Math.min(to, a + MSS) }, after: k });
          for (const u of p.units) fx.push({ type: 'note', note: { type: 'unit-sent', unit: u } });
          maybeClose(false);
        } else {
          s = { ...s, written: p.to };
          feed({ type: 'send', data: 'x'.repeat(p.to - p.from) });
        }
      } else if (input.type === 'msg') feed({ type: 'segment', seg: input.msg.seg });
      else feed({ type: 'timeout', timer: input.name as 'rtx' | 'time-wait' });
      return { state: s, effects: fx };
    },
  };
}

export type ConnTrace = Trace<HostState, WireMsg, Post, Note>;

/** Segments the loss may hit: response bytes, first transmissions. */
function lossyAt(c: ConnSpec, off: number): boolean {
  const offs = unitOffsets(c.units);
  return c.units.some((u, i) => u.from === 'server' && u.lossy && off >= offs[i].start && off < offs[i].end);
}

export function runConns(conns: readonly ConnSpec[], loss: number, seed: number): ConnTrace {
  const actors: Record<string, Machine<HostState, WireMsg, Post, Note>> = {};
  const links: Record<string, { delay: number; drop?: (m: WireMsg, ctx: { retransmission: boolean }) => boolean }> = {};
  const script: { at: number; to: string; data: Post }[] = [];
  for (const c of conns) {
    const cl = actorOf(c.id, 'client'), sv = actorOf(c.id, 'server');
    actors[cl] = host(c, 'client');
    actors[sv] = host(c, 'server');
    links[`${cl}>${sv}`] = { delay: ONE_WAY };
    links[`${sv}>${cl}`] = {
      delay: ONE_WAY,
      drop: (m, ctx) => !ctx.retransmission && m.bytes.length > 0 && lossyAt(c, m.off) && createRandom(seed).fork(`loss:${c.id}:${m.off}`).next() < loss / 100,
    };
    script.push({ at: 0, to: sv, data: { call: 'listen' } }, { at: 1, to: cl, data: { call: 'connect' } });
  }
  const done = (st: Readonly<Record<string, HostState>>) => conns.every((c) => {
    const a = st[actorOf(c.id, 'client')].tcb.state, b = st[actorOf(c.id, 'server')].tcb.state;
    return b === 'CLOSED' && (a === 'TIME-WAIT' || a === 'CLOSED');
  });
  return run<HostState, WireMsg, Post, Note>({ actors, links, seed, script, maxEvents: 6000, until: (e) => done(e.states) });
}
