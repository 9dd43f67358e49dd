/**
 * Where every text of the sequence diagram's body goes for one step: time ticks, message
 * labels, in-flight chips and the notes beside lifelines. Texts are measured and placed one
 * by one (the current step's first), each at the first candidate spot that overlaps nothing
 * already placed and stays inside the visible rows; a text with no room is shortened with
 * "…" (its full text kept for a tooltip), and only dropped when even that cannot fit.
 */
import type { ActorEntity, MarkEntity, MessageEntity, TimerEntity } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { SEQ, lerp, rowY } from './geometry';
import { fitEnd, type Font, type Measure } from './measure';
import { Placer, crosses, textBox, type Box } from './place';

export const FONT = {
  tick: { size: 13, weight: 400, mono: true },
  tickNow: { size: 13, weight: 700, mono: true },
  label: { size: 14.5, weight: 400, mono: true },
  labelNow: { size: 14.5, weight: 700, mono: true },
  chip: { size: 14, weight: 800, mono: true },
  call: { size: 13.5, weight: 400 },
  callNow: { size: 13.5, weight: 700 },
  state: { size: 13, weight: 700, mono: true },
  timer: { size: 13.5, weight: 700 },
} satisfies Record<string, Font>;

export interface Line {
  text: string;
  cls: string;
  font: Font;
  dy: number;
}
export interface Block {
  key: string;
  x: number;
  y: number;
  anchor: 'start' | 'end';
  lines: Line[];
  full: string;
  fresh: boolean;
}
export interface Label {
  x: number;
  y: number;
  text: string;
  font: Font;
}
export interface Chip {
  x: number;
  y: number;
  w: number;
  text: string;
}

export interface BodyIn {
  actors: ActorEntity[];
  messages: MessageEntity[];
  marks: MarkEntity[];
  timers: TimerEntity[];
  ticks: { y: number; t: number }[];
  index: number;
  first: number;
  rows: number;
  W: number;
  lifeline: (id: string) => number;
  lang: Lang;
  measure: Measure;
}

export interface Body {
  ticks: { y: number; text: string; now: boolean }[];
  labels: Map<string, Label>;
  chips: Map<string, Chip>;
  blocks: Block[];
  /** Timer bar x by timer id. */
  timerX: Map<string, number>;
  /** Which side of its lifeline an actor's notes and timers go (-1 left, 1 right). */
  side: Map<string, -1 | 1>;
}

export const formatMs = (ms: number): string => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`);

/** Whether a message is part of the current step (drawn emphasised, placed first). */
export const isCurrent = (m: MessageEntity, index: number) => m.fresh || m.status === 'flight' || m.y1 === index;

/** The most a message label is moved off its sloped arrow beyond its 5-unit gap: a row. */
const LIFT = SEQ.row;

/** Where a message's arrow ends: a lost one stops half way, where the network dropped it. */
export function arrow(m: MessageEntity, lifeline: (id: string) => number) {
  const x0 = lifeline(m.from);
  const x1 = lifeline(m.to);
  return { x0, y0: rowY(m.y0), x1: m.status === 'lost' ? lerp(x0, x1, 0.5) : x1, y1: rowY(m.y1) };
}

/** Ids in code-unit order: a tie-break only (localeCompare builds a collation per call, a hot spot here). */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lanes for timers on one lifeline: the given `lane`, or the lowest lane free for the timer's rows. */
function lanes(timers: TimerEntity[]): Map<string, number> {
  const out = new Map<string, number>();
  const byActor = new Map<string, TimerEntity[]>();
  for (const t of timers) byActor.set(t.on, [...(byActor.get(t.on) ?? []), t]);
  for (const list of byActor.values()) {
    const ends: number[] = [];
    for (const t of [...list].sort((a, b) => a.y0 - b.y0 || byCode(a.id, b.id))) {
      let lane = t.lane ?? ends.findIndex((end) => end < t.y0);
      if (lane < 0) lane = ends.length;
      ends[lane] = Math.max(ends[lane] ?? -1, t.y1);
      out.set(t.id, lane);
    }
  }
  return out;
}

export function layoutBody(p: BodyIn): Body {
  const { measure, lifeline, W, index, first, rows } = p;
  const top = first * SEQ.row;
  const frame: Box = { l: SEQ.gutter - 2, t: top + 1, r: W - 2, b: top + rows * SEQ.row - 1 };
  const placer = new Placer(frame, 3);
  const xs = p.actors.map((a) => lifeline(a.id)).sort((a, b) => a - b);
  const room = (x: number, s: -1 | 1) => (s > 0 ? (xs.find((o) => o > x + 1) ?? W) - x : x - ([...xs].reverse().find((o) => o < x - 1) ?? SEQ.gutter));
  const side = new Map<string, -1 | 1>();
  for (const a of p.actors) {
    const x = lifeline(a.id);
    const pref: -1 | 1 = a.x < 50 ? -1 : 1;
    side.set(a.id, room(x, pref) >= 100 || room(x, pref) >= room(x, (-pref) as -1 | 1) ? pref : ((-pref) as -1 | 1));
  }
  const lane = lanes(p.timers);
  const timerX = new Map<string, number>();
  const laneCount = new Map<string, number>();
  for (const t of p.timers) {
    const l = lane.get(t.id) ?? 0;
    timerX.set(t.id, lifeline(t.on) + (side.get(t.on) ?? 1) * (9 + l * SEQ.lane));
    laneCount.set(t.on, Math.max(laneCount.get(t.on) ?? 0, l + 1));
  }
  const visible = (y: number) => y >= first && y < first + rows;

  // Lost crosses and fired-timer bursts are shapes: nothing may be written over them.
  // (Only those that can touch the visible rows: a long run has hundreds out of view.)
  const near = (y: number) => y >= first - 1 && y <= first + rows;
  for (const m of p.messages) {
    if (m.status !== 'lost' || !near(m.y1)) continue;
    const a = arrow(m, lifeline);
    placer.take({ l: a.x1 - 9, t: a.y1 - 9, r: a.x1 + 9, b: a.y1 + 9 });
  }
  for (const t of p.timers) if (t.status === 'fired' && near(t.y1)) placer.take({ l: timerX.get(t.id)! - 7, t: rowY(t.y1) - 7, r: timerX.get(t.id)! + 7, b: rowY(t.y1) + 7 });

  // In-flight chips sit where the packet is; when two would meet, the later one moves along its arrow.
  const chips = new Map<string, Chip>();
  const flying = p.messages.filter((m) => m.status === 'flight').sort((a, b) => Number(b.fresh) - Number(a.fresh));
  for (const m of flying) {
    const a = arrow(m, lifeline);
    const span = Math.abs(a.x1 - a.x0);
    const max = Math.min(130, Math.max(40, span * 0.45));
    const text = fitEnd(m.chip ?? m.label, max - 12, FONT.chip, measure);
    const mt = measure(text || '…', FONT.chip);
    const w = mt.w + 14;
    const h = mt.asc + mt.desc + 4;
    const k0 = Math.max(m.progress, 0.14);
    const ks = [0, 0.08, -0.08, 0.16, -0.16, 0.24, -0.24, 0.32].map((d) => k0 + d).filter((k) => k >= 0.08 && k <= 0.92);
    const spot = placer.first(
      ks.map((k) => {
        const x = lerp(a.x0, a.x1, k);
        const y = lerp(a.y0, a.y1, k);
        return { x, y, box: { l: x - w / 2, t: y - h / 2, r: x + w / 2, b: y + h / 2 } };
      }),
    );
    if (spot) chips.set(m.id, { x: spot.x, y: spot.y, w, text });
  }

  // Labels along delivered and lost arrows, and the notes beside lifelines, current step first.
  const labels = new Map<string, Label>();
  // The arrows drawn on the visible rows (an arrow in flight as far as it has come): a label
  // goes off the others where it can.
  const drawn = p.messages
    .filter((m) => near(m.y0) || near(m.y1) || (m.y0 < first && m.y1 >= first + rows))
    .map((m) => {
      const a = arrow(m, lifeline);
      const k = m.status === 'flight' ? Math.min(1, Math.max(m.progress, 0.14)) : 1; // as Message.tsx draws it
      return { id: m.id, seg: { x0: a.x0, y0: a.y0, x1: lerp(a.x0, a.x1, k), y1: lerp(a.y0, a.y1, k) } };
    });
  const offArrows = (id: string, box: Box) => !drawn.some((d) => d.id !== id && crosses(d.seg, box, 1));
  const placeLabel = (m: MessageEntity) => {
    const a = arrow(m, lifeline);
    const font = isCurrent(m, index) ? FONT.labelNow : FONT.label;
    const span = Math.abs(a.x1 - a.x0);
    const slope = span > 0 ? Math.abs(a.y1 - a.y0) / span : Infinity;
    const steep = slope > 0.5;
    const ts = steep ? [0.82, 0.65, 0.5, 0.35, 0.2] : [0.5, 0.35, 0.65, 0.22, 0.78];
    const full = measure(m.label, font);
    const room = Math.max(span - 16, 0);
    // The whole label, else its short form whole, each off every other arrow; then either
    // across one; else the short form cut, in less and less room (off the arrows, then across).
    // The cut forms are made one at a time: most labels take the first (a long run lays out
    // hundreds per step).
    const core = m.short || m.label;
    const whole = m.short ? [m.label, m.short] : [m.label];
    const place = (text: string, clear: boolean) => {
      const w = text === m.label ? full.w : measure(text, font).w;
      if (w > room) return false;
      // Above or below its arrow at the spot, raised or lowered by as much as the arrow climbs
      // over half the label's width, so the line clears both ends of a long label on a sloped
      // arrow (at most LIFT: a steep arrow's label stays beside its own arrow).
      const lift = Math.min(LIFT, (slope * w) / 2);
      const spots = ts.flatMap((t) => {
        const x = lerp(a.x0, a.x1, t);
        const y = lerp(a.y0, a.y1, t);
        return [y - 5 - lift - full.desc, y + 6 + lift + full.asc].map((base) => ({ x, base, box: textBox(x, base, w, full.asc, full.desc, 'middle') }));
      });
      const spot = placer.first(clear ? spots.filter((c) => offArrows(m.id, c.box)) : spots);
      if (spot) labels.set(m.id, { x: spot.x, y: spot.base, text, font });
      return !!spot;
    };
    for (const clear of [true, false]) for (const text of whole) if (place(text, clear)) return;
    for (const k of [1, 0.7, 0.45]) {
      const text = fitEnd(core, room * k, font, measure);
      // A cut label keeps at least a word of three letters ("ACK…"), else none is drawn.
      if (!text || ([...text].length < 4 && text !== core)) return;
      if (whole.includes(text)) continue;
      if (place(text, true) || place(text, false)) return;
    }
  };

  const blocks: Block[] = [];
  const groups = new Map<string, { on: string; y: number; parts: { text: string; cls: string; font: Font }[]; fresh: boolean }>();
  const group = (on: string, y: number) => {
    const k = `${on}@${y}`;
    if (!groups.has(k)) groups.set(k, { on, y, parts: [], fresh: false });
    return groups.get(k)!;
  };
  for (const mk of p.marks.filter((x) => x.tone !== 'state')) {
    const g = group(mk.on, mk.y);
    g.fresh ||= mk.fresh;
    for (const part of mk.text[p.lang].split(' · ')) g.parts.push({ text: part, cls: 'mark-call', font: FONT.call });
  }
  for (const mk of p.marks.filter((x) => x.tone === 'state')) {
    const g = group(mk.on, mk.y);
    g.fresh ||= mk.fresh;
    g.parts.push({ text: `→ ${mk.text[p.lang]}`, cls: 'mark-state', font: FONT.state });
  }
  for (const tm of p.timers) group(tm.on, tm.y0).parts.push({ text: tm.label[p.lang], cls: 'mark-timer', font: FONT.timer });

  const placeBlock = (g: { on: string; y: number; parts: { text: string; cls: string; font: Font }[]; fresh: boolean }) => {
    const parts = g.parts.map((q) => (g.fresh && q.cls === 'mark-call' ? { ...q, font: FONT.callNow } : q));
    const full = parts.map((q) => q.text).join(' · ');
    const s0 = side.get(g.on) ?? 1;
    for (const s of [s0, -s0 as -1 | 1]) {
      const x = lifeline(g.on) + s * (14 + (laneCount.get(g.on) ?? 0) * SEQ.lane);
      const max = room(lifeline(g.on), s) - 14 - (laneCount.get(g.on) ?? 0) * SEQ.lane - 10;
      if (max < 30) continue;
      // Calls share a line while it fits; a long list wraps at its dots; one line per state or timer.
      const lines: { text: string; cls: string; font: Font }[] = [];
      for (const q of parts) {
        const prev = lines[lines.length - 1];
        if (prev && prev.cls === 'mark-call' && q.cls === 'mark-call' && measure(`${prev.text} · ${q.text}`, q.font).w <= Math.min(max, 190)) prev.text += ` · ${q.text}`;
        else lines.push({ ...q });
      }
      const variants = [lines, [{ ...lines[0], text: lines.map((l) => l.text).join(' · ') }], lines.slice(0, 1)];
      for (const v of variants) {
        const set = v.map((l) => ({ ...l, text: fitEnd(l.text, max, l.font, measure) }));
        if (set.some((l) => !l.text)) continue;
        const ms = set.map((l) => measure(l.text, l.font));
        const h = ms.reduce((sum, m) => sum + m.asc + m.desc, 0);
        const w = Math.max(...ms.map((m) => m.w));
        for (const dy of [0, -SEQ.row / 2, SEQ.row / 2, -SEQ.row, SEQ.row]) {
          const t = rowY(g.y) + dy - h / 2;
          const box = s > 0 ? { l: x, t, r: x + w, b: t + h } : { l: x - w, t, r: x, b: t + h };
          if (!placer.fits(box)) continue;
          placer.take(box);
          let yy = t;
          const out: Line[] = set.map((l, i) => {
            const dyLine = (i === 0 ? ms[0].asc : ms[i - 1].desc + ms[i].asc);
            yy += dyLine;
            return { ...l, dy: dyLine };
          });
          blocks.push({ key: `${g.on}@${g.y}`, x, y: t, anchor: s > 0 ? 'start' : 'end', lines: out, full, fresh: g.fresh });
          return;
        }
      }
    }
  };

  const dist = (y: number) => Math.abs(y - index);
  const msgs = p.messages.filter((m) => m.status !== 'flight' && (visible(m.y0) || visible(m.y1) || (m.y0 < first && m.y1 >= first + rows)));
  const now = msgs.filter((m) => isCurrent(m, index)).sort((a, b) => b.y1 - a.y1);
  const rest = msgs.filter((m) => !isCurrent(m, index)).sort((a, b) => b.y1 - a.y1);
  const gs = [...groups.values()].filter((g) => visible(g.y)).sort((a, b) => dist(a.y) - dist(b.y) || byCode(a.on, b.on));
  now.forEach(placeLabel);
  gs.filter((g) => g.y === index).forEach(placeBlock);
  gs.filter((g) => g.y !== index).forEach(placeBlock);
  rest.forEach(placeLabel);

  // Time ticks in the gutter: a time shown once, not again on the rows that repeat it.
  const ticks: Body['ticks'] = [];
  let last = '';
  for (const tk of [...p.ticks].sort((a, b) => a.y - b.y)) {
    const raw = formatMs(tk.t);
    const repeat = raw === last;
    last = raw;
    if (!visible(tk.y) || (repeat && tk.y !== first)) continue;
    // Measured only when drawn (a long run has a tick on every row).
    const text = fitEnd(raw, SEQ.gutter - 10, tk.y === index ? FONT.tickNow : FONT.tick, measure);
    if (text) ticks.push({ y: tk.y, text, now: tk.y === index });
  }
  return { ticks, labels, chips, blocks, timerX, side };
}
