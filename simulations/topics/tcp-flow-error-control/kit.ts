/**
 * Story pieces both scenes share: grouping an engine's event log into beats,
 * and a sequence stage over `StoryBuilder` that declares each message, mark and
 * timer once when it appears and records keyframes only when it changes
 * (arrival, a timer's end, leaving the view).
 */
import { round } from '../../core/round';
import type { StoryBuilder } from '../../core/story';
import type { Text } from '../../core/text';
import type { CountersEntity, Entity, MarkEntity, MessageEntity, MessageTone, PacketRef, TimerEntity } from '../../core/timeline';

/** Messages, marks and fired timers stay drawn this many rows after they end (the diagram shows ~7 rows). */
export const HISTORY_ROWS = 12;
/** A run with more distinct moments than this is grouped into beats of a few moments each. */
export const MAX_BEATS = 80;

export interface Beat<E> {
  t: number;
  events: E[];
}

/**
 * Events grouped into beats: one per distinct time, or, when there are more than
 * `max` of those, one per stretch of `q` ms (q the smallest multiple of the time
 * grid that fits), so a long lossy run stays a walk of a few hundred steps.
 */
export function beatsOf<E extends { time: number }>(events: readonly E[], max = MAX_BEATS): Beat<E>[] {
  const count = (q: number) => {
    let n = 0;
    let start = -Infinity;
    for (const e of events) if (e.time >= start + q) (n++, (start = e.time));
    return n;
  };
  let q = 1;
  if (count(1) > max) {
    // The smallest multiple of 10 ms that fits (counts only shrink as q grows).
    let lo = 1;
    let hi = 1;
    while (count(10 * hi) > max) hi *= 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (count(10 * mid) > max) lo = mid + 1;
      else hi = mid;
    }
    q = 10 * lo;
  }
  const out: Beat<E>[] = [];
  for (const e of events) {
    const last = out[out.length - 1];
    if (last && e.time < last.t + q) last.events.push(e);
    else out.push({ t: e.time, events: [e] });
  }
  return out;
}

/** Row of the beat containing time `t` (binary search over beat starts); `rows` when after the last. */
export function rowFinder(beats: readonly { t: number }[], last: number) {
  return (t: number | null): number => {
    if (t === null || t > last) return beats.length;
    let lo = 0;
    let hi = beats.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (beats[mid].t <= t) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}

export interface SendSpec {
  id: string;
  from: string;
  to: string;
  y1: number;
  lost: boolean;
  label: string;
  chip: string;
  tone: MessageTone;
  retransmission?: boolean;
  packet?: PacketRef;
}

/** A sequence diagram drawn beat by beat. Call `row()` right after each `StoryBuilder.beat()` and `flush()` when the beat is done. */
export class SeqStage {
  private flying: { id: string; y0: number; y1: number; lost: boolean }[] = [];
  private expiring: { id: string; at: number }[] = [];
  private timers = new Map<string, { id: string; on: string; lane: number; at: number; entity: TimerEntity; shown: boolean }>();
  /** Timers ended this row before they were drawn (long runs draw a timer only if it outlives its row). */
  private unshownEnded: TimerEntity[] = [];
  /** Lanes of timers stopped at this row: drawn here as stopped, free from the next row. */
  private freeing: { on: string; lane: number }[] = [];
  private lanes = new Map<string, Set<number>>();
  private n = 0;
  private y = -1;
  /** Marks of the current row, one per lifeline and tone in a long run (texts joined with " · "). */
  private pending = new Map<string, { on: string; tone: MarkEntity['tone']; texts: Text[] }>();

  constructor(
    private readonly b: StoryBuilder,
    /** Update progress of messages in flight each beat (off for long grouped runs: only arrivals are keyframed). */
    private readonly smooth: boolean,
  ) {}

  /**
   * Moves to the next row (the beat starting at time `t`): lands arrivals, moves packets, hides what has
   * left the view, ends timers whose expiry passed without a word from the engine, stretches the others.
   */
  row(t: number): void {
    const y = (this.y = this.b.now);
    for (const f of this.freeing) this.lanes.get(f.on)?.delete(f.lane);
    this.freeing = [];
    for (const [key, tm] of this.timers) if (tm.at < t) this.timerEnd(key, 'cancelled');
    const still: typeof this.flying = [];
    for (const m of this.flying) {
      if (m.y1 <= y) {
        this.b.set(m.id, { progress: 1, status: m.lost ? 'lost' : 'delivered' });
        this.expiring.push({ id: m.id, at: m.y1 + HISTORY_ROWS + 1 });
      } else {
        if (this.smooth) this.b.set(m.id, { progress: round((y - m.y0) / (m.y1 - m.y0), 2) });
        still.push(m);
      }
    }
    this.flying = still;
    const keep: typeof this.expiring = [];
    for (const x of this.expiring) {
      if (x.at <= y) this.hide(x.id);
      else keep.push(x);
    }
    this.expiring = keep;
    for (const t of this.timers.values()) if (t.shown) this.b.set(t.id, { y1: y });
  }

  /** In a long run (not smooth) a message is drawn whole from the beat it leaves: no keyframe for its arrival. */
  send(s: SendSpec): void {
    const y = this.y;
    const arrived = s.y1 <= y || !this.smooth;
    const m: MessageEntity = {
      kind: 'message',
      id: s.id,
      from: s.from,
      to: s.to,
      y0: y,
      y1: s.y1,
      progress: arrived ? 1 : 0,
      status: arrived ? (s.lost ? 'lost' : 'delivered') : 'flight',
      label: s.label,
      chip: s.chip,
      tone: s.tone,
      fresh: true,
    };
    if (s.retransmission) m.retransmission = true;
    if (s.packet) m.packet = s.packet;
    this.b.show(m);
    if (arrived) this.expiring.push({ id: s.id, at: s.y1 + HISTORY_ROWS + 1 });
    else this.flying.push({ id: s.id, y0: y, y1: s.y1, lost: s.lost });
  }

  mark(on: string, tone: MarkEntity['tone'], text: Text): void {
    if (!this.smooth) {
      const k = `${on}\u0000${tone}`;
      const p = this.pending.get(k);
      if (p) p.texts.push(text);
      else this.pending.set(k, { on, tone, texts: [text] });
      return;
    }
    this.put(on, tone, text);
  }

  /** Draws the marks a long run gathered in this row: call at the end of every beat. */
  flush(): void {
    for (const t of this.timers.values()) {
      if (t.shown) continue;
      this.b.show(t.entity);
      t.shown = true;
    }
    for (const e of this.unshownEnded) {
      this.b.show(e);
      this.expiring.push({ id: e.id, at: this.y + HISTORY_ROWS + 1 });
    }
    this.unshownEnded = [];
    if (this.pending.size === 0) return;
    for (const p of this.pending.values()) this.put(p.on, p.tone, { ko: p.texts.map((x) => x.ko).join(' · '), en: p.texts.map((x) => x.en).join(' · ') });
    this.pending.clear();
  }

  private put(on: string, tone: MarkEntity['tone'], text: Text): void {
    const id = `k${this.n++}`;
    this.b.show({ kind: 'mark', id, on, y: this.y, tone, text, fresh: true });
    this.expiring.push({ id, at: this.y + HISTORY_ROWS + 1 });
  }

  /** Starts (or restarts: the running one ends as cancelled) the timer `key` on a lifeline, in the lowest free lane. */
  timerStart(key: string, on: string, ms: number, at: number, label: Text): void {
    const same = this.timers.get(key);
    if (same && same.entity.y0 === this.y) {
      // Restarted within the row it was started in: one timer, not a stub and a new one.
      same.entity = { ...same.entity, ms, label };
      if (same.shown) this.b.set(same.id, { ms, label });
      same.at = at;
      return;
    }
    const old = this.timers.get(key);
    if (old) {
      // A restart: the old run ends here unseen, and the new one takes its lane.
      this.timers.delete(key);
      if (old.shown) this.b.hide(old.id);
      this.lanes.get(old.on)?.delete(old.lane);
    }
    const used = this.lanes.get(on) ?? new Set<number>();
    this.lanes.set(on, used);
    let lane = 0;
    while (used.has(lane)) lane++;
    used.add(lane);
    const id = `t${this.n++}`;
    const entity: TimerEntity = { kind: 'timer', id, on, y0: this.y, y1: this.y, label, status: 'running', ms, lane };
    if (this.smooth) this.b.show(entity);
    this.timers.set(key, { id, on, lane, at, entity, shown: this.smooth });
  }

  /** A fired timer stays drawn a while (it explains a retransmission); a cancelled one only at this row. */
  timerEnd(key: string, end: 'fired' | 'cancelled'): void {
    const t = this.timers.get(key);
    if (!t) return;
    this.timers.delete(key);
    if (t.shown) this.b.set(t.id, { y1: this.y, status: end });
    else if (end === 'fired') this.unshownEnded.push({ ...t.entity, y1: this.y, status: end });
    // A stopped timer gives its lane back at the next row; a fired one keeps it while it is drawn.
    if (end === 'cancelled') this.freeing.push({ on: t.on, lane: t.lane });
    this.expiring.push({ id: t.id, at: this.y + (end === 'fired' ? HISTORY_ROWS + 1 : 1) });
  }

  running(key: string): boolean {
    return this.timers.has(key);
  }

  private hide(id: string): void {
    const e = this.b.get<TimerEntity>(id);
    if (e?.kind === 'timer' && e.status === 'fired' && e.lane !== undefined) this.lanes.get(e.on)?.delete(e.lane);
    this.b.hide(id);
  }
}

/**
 * Says each kind of thing in full the first time; in a long run, later ones go into
 * buckets that `summary()` turns into one short line per beat ("resent P10–P25; lost P11").
 */
export class Teller {
  private seen = new Set<string>();
  private buckets = new Map<string, { label: Text; items: string[]; packets: boolean }>();
  constructor(private readonly brief: boolean) {}

  /** The full text, or null when it was filed into `bucket` (a label) as `item`. */
  say(key: string, full: () => Text, label: Text, item: string | number): Text | null {
    if (!this.brief || !this.seen.has(key)) {
      this.seen.add(key);
      return full();
    }
    const k = label.en;
    let bk = this.buckets.get(k);
    if (!bk) this.buckets.set(k, (bk = { label, items: [], packets: typeof item === 'number' }));
    bk.items.push(String(item));
    return null;
  }

  /** The beat's buckets as one line, and empties them. */
  summary(): Text | null {
    if (this.buckets.size === 0) return null;
    const parts = [...this.buckets.values()].map((b) => {
      const list = b.packets ? runs(b.items.map(Number)) : counted(b.items);
      return { ko: `${b.label.ko} ${list}`, en: `${b.label.en} ${list}` };
    });
    this.buckets.clear();
    return { ko: `${parts.map((p) => p.ko).join('; ')}.`, en: `${parts.map((p) => p.en).join('; ')}.` };
  }
}

/** ["ACK 1", "ACK 1", "ACK 2"] → "ACK 1 ×2, ACK 2". */
function counted(items: readonly string[]): string {
  const n = new Map<string, number>();
  for (const x of items) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].map(([x, k]) => (k > 1 ? `${x} ×${k}` : x)).join(', ');
}

/** Shows an entity again only when its signature changed (building and diffing a panel costs more than a key). */
export class Panels {
  private sig = new Map<string, string>();
  constructor(private readonly b: StoryBuilder) {}
  show(id: string, sig: string, make: () => Entity): void {
    if (this.sig.get(id) === sig) return;
    this.sig.set(id, sig);
    this.b.show(make());
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

/** The running counts panel: counters as columns, one row of values (a change rewrites one short row). */
export function tallyPanel(cols: readonly (readonly [Text, number])[]): CountersEntity {
  return {
    kind: 'counters',
    id: 'tally',
    title: { ko: '지금까지', en: 'So far' },
    columns: cols.map(([label]) => label),
    rows: [{ label: { ko: '개수', en: 'count' }, values: cols.map(([, n]) => String(n)) }],
  };
}

/** Joins the first three caption parts with " · " (and "…" when there were more). */
export function caption(parts: readonly Text[]): Text {
  const more = parts.length > 3 ? ' …' : '';
  const shown = parts.slice(0, 3);
  return { ko: shown.map((p) => p.ko).join(' · ') + more, en: shown.map((p) => p.en).join(' · ') + more };
}

export const join = (parts: readonly Text[]): Text => ({ ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') });
