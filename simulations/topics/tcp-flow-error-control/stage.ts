/**
 * A sequence diagram drawn beat by beat over `StoryBuilder`: each message, mark and
 * timer is declared once when it appears, with keyframes only when it changes
 * (arrival, a timer's end, leaving the view). Concurrent timers on a lifeline get lanes.
 */
import { round } from '../../core/round';
import type { StoryBuilder } from '../../core/story';
import type { Text } from '../../core/text';
import type { MarkEntity, MessageEntity, MessageTone, PacketRef, TimerEntity } from '../../core/timeline';

/** Messages, marks and fired timers stay drawn this many rows after they end (the diagram shows ~7 rows). */
export const HISTORY_ROWS = 12;

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
