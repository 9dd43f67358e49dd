/**
 * Shared pieces for both scenes of this topic: grouping an engine's event log
 * into moments (one step per logical time), placing messages and timers on
 * rows, and keeping each scene to what the viewer can see.
 */
import { round } from '../../core/round';
import type { CountersEntity, MarkEntity, MessageEntity, PacketRef, TimerEntity } from '../../core/timeline';
import type { Text } from '../../core/text';

/**
 * Messages and marks that ended more than this many rows above the current one
 * are left out of the scene: the sequence diagram shows about seven rows around
 * the current one, and a long lossy run would otherwise repeat hundreds of old
 * arrows in every step.
 */
export const HISTORY_ROWS = 12;

export interface Moment<E> {
  t: number;
  events: E[];
}

/** Events in time order, grouped by logical time: one moment per distinct time. */
export function moments<E extends { time: number }>(events: readonly E[]): Moment<E>[] {
  const out: Moment<E>[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && last.t === e.time) last.events.push(e);
    else out.push({ t: e.time, events: [e] });
  }
  return out;
}

/** A message whose start and end rows are known once the whole log is read. */
export interface Span {
  id: string;
  from: string;
  to: string;
  y0: number;
  /** Row where it arrives (or is dropped); `rows` if that never happened in the log. */
  y1: number;
  lost: boolean;
  label: string;
  retransmission: boolean;
  packet?: PacketRef;
}

export function messageAt(s: Span, i: number): MessageEntity | null {
  if (s.y0 > i) return null;
  if (s.y1 < i - HISTORY_ROWS) return null;
  const arrived = s.y1 <= i;
  const m: MessageEntity = {
    kind: 'message',
    id: s.id,
    from: s.from,
    to: s.to,
    y0: s.y0,
    y1: s.y1,
    progress: arrived ? 1 : round((i - s.y0) / Math.max(1, s.y1 - s.y0)),
    status: arrived ? (s.lost ? 'lost' : 'delivered') : 'flight',
    label: s.label,
    fresh: s.y0 === i,
  };
  if (s.retransmission) m.retransmission = true;
  if (s.packet) m.packet = s.packet;
  return m;
}

export function markAt(m: Omit<MarkEntity, 'fresh'>, i: number): MarkEntity | null {
  if (m.y > i || m.y < i - HISTORY_ROWS) return null;
  return { ...m, fresh: m.y === i };
}

/** A timer's life: started at row y0, ended at row y1 (fired or cancelled), or still running. */
export interface TimerSpan {
  id: string;
  on: string;
  y0: number;
  y1: number | null;
  end: 'fired' | 'cancelled' | null;
  ms: number;
  label: Text;
}

/**
 * Timers worth drawing at row i: the ones running now, one that stopped at this
 * very row (drawn cancelled, so the stop is visible), and ones that fired
 * recently (a fired timer is the event that explains a retransmission).
 */
export function timerAt(s: TimerSpan, i: number): TimerEntity | null {
  if (s.y0 > i) return null;
  const ended = s.y1 !== null && s.y1 <= i;
  if (ended) {
    if (s.end === 'cancelled' && s.y1 !== i) return null;
    if (s.end === 'fired' && s.y1! < i - HISTORY_ROWS) return null;
  }
  return {
    kind: 'timer',
    id: s.id,
    on: s.on,
    y0: s.y0,
    y1: ended ? s.y1! : i,
    label: s.label,
    status: ended ? (s.end ?? 'cancelled') : 'running',
    ms: s.ms,
  };
}

/**
 * Builds timer spans from a log of timer events. `start` opens a timer under its
 * id (closing a running one as cancelled: a restart), `stop` cancels, `fire` ends
 * it as fired. A timer whose expiry passed without any of these (the engine let
 * it lapse silently) is closed as cancelled at the first row at or after its expiry.
 */
export class TimerBook {
  private open = new Map<string, TimerSpan & { at: number }>();
  readonly spans: TimerSpan[] = [];
  private n = 0;

  constructor(private readonly on: string) {}

  /** Closes lapsed timers before row `row` at time `t` is processed. */
  lapse(row: number, t: number): void {
    for (const [k, o] of this.open) {
      if (o.at < t) {
        o.y1 = row;
        o.end = 'cancelled';
        this.open.delete(k);
      }
    }
  }
  start(key: string, row: number, ms: number, at: number, label: Text): void {
    this.close(key, row, 'cancelled');
    const span = { id: `timer-${this.n++}`, on: this.on, y0: row, y1: null, end: null, ms, label, at };
    this.open.set(key, span);
    this.spans.push(span);
  }
  close(key: string, row: number, end: 'fired' | 'cancelled'): void {
    const o = this.open.get(key);
    if (!o) return;
    o.y1 = row;
    o.end = end;
    this.open.delete(key);
  }
  isRunning(key: string): boolean {
    return this.open.has(key);
  }
}

/** Consecutive runs: [2,3,4,5,7] → "P2–P5, P7" (with the given prefix). */
export function runs(ns: readonly number[], prefix = 'P'): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    if (j - i >= 2) out.push(`${prefix}${sorted[i]}–${prefix}${sorted[j]}`);
    else for (let k = i; k <= j; k++) out.push(`${prefix}${sorted[k]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** Cells shown in a window strip: every packet, or a 20-cell stretch around `focus` for long runs. */
export const MAX_CELLS = 20;
export function cellRange(total: number, focus: number): [number, number] {
  if (total <= MAX_CELLS) return [0, total];
  const from = Math.max(0, Math.min(focus - 3, total - MAX_CELLS));
  return [from, from + MAX_CELLS];
}

/**
 * For each row 0..rows-1, the items that have started (y0 ≤ row) and that
 * `draw` turns into an entity. Once `draw` returns null for an item after it
 * started, it is never drawn again (true of messages, marks and timers above),
 * so each row only looks at the items still live: linear in rows + items.
 */
export function sweep<T, E>(items: readonly T[], y0: (x: T) => number, draw: (x: T, row: number) => E | null, rows: number): E[][] {
  const order = items.map((x, k) => ({ x, k, y: y0(x) })).sort((a, b) => a.y - b.y || a.k - b.k);
  const out: E[][] = [];
  let live: { x: T; k: number }[] = [];
  let next = 0;
  for (let row = 0; row < rows; row++) {
    while (next < order.length && order[next].y <= row) live.push(order[next++]);
    live.sort((a, b) => a.k - b.k);
    const drawn: E[] = [];
    const still: { x: T; k: number }[] = [];
    for (const item of live) {
      const e = draw(item.x, row);
      if (e !== null) {
        drawn.push(e);
        still.push(item);
      }
    }
    live = still;
    out.push(drawn);
  }
  return out;
}

/** The running counts panel both views show: one "count" column, one row per counter. */
export function tallyPanel(rows: readonly (readonly [Text, number])[]): CountersEntity {
  return {
    kind: 'counters',
    id: 'tally',
    title: { ko: '지금까지', en: 'So far' },
    columns: [{ ko: '개수', en: 'count' }],
    rows: rows.map(([label, n]) => ({ label, values: [String(n)] })),
  };
}
