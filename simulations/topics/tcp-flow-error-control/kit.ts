/**
 * Story pieces both scenes share: grouping an engine's event log into beats, brief
 * narration for long runs, panels shown only when they change, and small formatters.
 * The sequence stage itself is in `stage.ts`.
 */
import type { StoryBuilder } from '../../core/story';
import type { Text } from '../../core/text';
import type { CountersEntity, Entity } from '../../core/timeline';
export { SeqStage, HISTORY_ROWS, type SendSpec } from './stage';
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
  const sorted: number[] = [];
  for (const n of [...ns].sort((a, b) => a - b)) if (sorted[sorted.length - 1] !== n) sorted.push(n);
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
