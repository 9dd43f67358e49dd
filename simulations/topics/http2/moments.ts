/**
 * The trace cut into moments, one step each: the segments one side sends in one burst,
 * the segments that arrive at one side in one burst, a loss, a retransmission timeout.
 * Pure ACKs make no moment of their own (their arrows are drawn between moments).
 *
 * Rows are moments: a moment's events take fractional rows inside it, in time order, so
 * the segments of one burst are drawn as parallel arrows rather than on top of each other.
 */
import type { WireRecord } from '../../core/kernel';
import { dataLength, type Segment } from '../../tcp/segment';
import type { ConnTrace, WireMsg } from './conn';
import type { Side } from './h2';

export type MomentKind = 'send' | 'arrive' | 'lost' | 'rto';

export interface Moment {
  kind: MomentKind;
  side: Side;
  t: number;
  /** Wires sent, arrived or lost in this moment; trace entries it spans. */
  wires: string[];
  entries: number[];
}

export const sideOf = (actor: string): Side => (actor.endsWith('server') ? 'server' : 'client');
const pureAck = (seg: Segment) => !seg.flags.syn && !seg.flags.fin && !seg.flags.rst && dataLength(seg.data) === 0;

export interface Moments {
  moments: Moment[];
  /** Row of each wire's send and end (arrival or loss). */
  y0: Map<string, number>;
  y1: Map<string, number>;
}

export function momentsOf(trace: ConnTrace): Moments {
  const moments: Moment[] = [];
  const at = new Map<string, { m: number; t: number }>();
  const ends = new Map<string, { m: number; t: number }>();
  /** Last event time of each open moment, by kind and side: a burst joins the moment it continues. */
  const open = new Map<string, { m: number; t: number }>();
  const add = (kind: MomentKind, actor: string, t: number, entry: number, wire?: string) => {
    const key = `${kind}:${sideOf(actor)}`;
    const o = open.get(key);
    let k: number;
    if (o && t - o.t <= 2 && kind !== 'rto' && kind !== 'lost') k = o.m;
    else {
      moments.push({ kind, side: sideOf(actor), t, wires: [], entries: [] });
      k = moments.length - 1;
    }
    const m = moments[k];
    if (!m.entries.includes(entry)) m.entries.push(entry);
    if (wire) m.wires.push(wire);
    open.set(key, { m: k, t });
    return k;
  };
  for (const e of trace.entries) {
    const c = e.cause;
    if (c.kind === 'msg') {
      const w = trace.wire(c.wire);
      if (!pureAck(w.msg.seg)) ends.set(w.id, { m: add('arrive', w.to, e.t, e.i, w.id), t: e.t });
    } else if (c.kind === 'lost') {
      ends.set(c.wire, { m: add('lost', trace.wire(c.wire).from, e.t, e.i, c.wire), t: e.t });
    } else if (c.kind === 'timer' && c.name === 'rtx') add('rto', c.actor, e.t, e.i);
    for (const id of e.sent) {
      const w = trace.wire(id);
      if (!pureAck(w.msg.seg)) at.set(id, { m: add('send', w.from, e.t, e.i, id), t: e.t });
    }
  }
  // Fractional rows: inside moment m, an event at time t sits at m + 0.6 * (t - first) / (last - first).
  const span = moments.map((m) => ({ t0: m.t, t1: m.t }));
  for (const x of [...at.values(), ...ends.values()]) span[x.m].t1 = Math.max(span[x.m].t1, x.t);
  const rowOf = (x: { m: number; t: number }) => x.m + (span[x.m].t1 > span[x.m].t0 ? (0.6 * (x.t - span[x.m].t0)) / (span[x.m].t1 - span[x.m].t0) : 0);
  const y0 = new Map<string, number>(), y1 = new Map<string, number>();
  for (const [id, x] of at) y0.set(id, rowOf(x));
  for (const [id, x] of ends) y1.set(id, rowOf(x));
  // Pure ACKs: between the moments around their times.
  const anchors = [...at.values(), ...ends.values()].map((x) => ({ t: x.t, y: rowOf(x) })).sort((a, b) => a.t - b.t || a.y - b.y);
  const yAt = (t: number) => {
    let lo = anchors[0];
    for (const a of anchors) {
      if (a.t > t) return lo.t === a.t ? a.y : lo.y + ((a.y - lo.y) * (t - lo.t)) / (a.t - lo.t);
      lo = a;
    }
    return lo.y;
  };
  for (const w of trace.wires as WireRecord<WireMsg>[]) {
    if (!y0.has(w.id)) y0.set(w.id, yAt(w.sentAt));
    if (!y1.has(w.id)) y1.set(w.id, Math.max(y0.get(w.id)!, yAt(w.endAt)));
  }
  return { moments, y0, y1 };
}
