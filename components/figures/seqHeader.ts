/** The header of the sequence diagram: one box per actor (name, address) and its state pill, fitted to the width. */
import type { ActorEntity } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { fitEnd, fitMiddle, type Font, type Measure } from './measure';

export const GAP = 8;
export const SUB: Font = { size: 13, weight: 400, mono: true };
const STATE_SIZES = [19, 17, 15, 13];
const LABEL_SIZES = [20, 18, 16, 14, 13];

export interface HeadBox {
  id: string;
  cx: number;
  w: number;
  /** `lines`: one, or two for a name of several words that reads larger (or whole) on two. */
  label: { text: string; full: string; font: Font; y: number; lines: { text: string; y: number }[] };
  sub?: { text: string; full: string; y: number };
  state?: { text: string; full: string; font: Font; y: number };
}

export interface Head {
  boxes: HeadBox[];
  boxH: number;
  pillY: number;
  pillH: number;
  height: number;
}

/** Box centres near their lifelines, pushed apart so that boxes never overlap or leave the width. */
function centres(xs: number[], w: number, W: number): number[] {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => a.x - b.x);
  const c = order.map((o) => Math.min(W - 2 - w / 2, Math.max(2 + w / 2, o.x)));
  for (let i = 1; i < c.length; i++) c[i] = Math.max(c[i], c[i - 1] + w + GAP);
  for (let i = c.length - 1; i >= 0; i--) c[i] = Math.min(c[i], (i + 1 < c.length ? c[i + 1] - w - GAP : W - 2 - w / 2));
  const out: number[] = [];
  order.forEach((o, k) => (out[o.i] = c[k]));
  return out;
}

export function layoutHead(actors: ActorEntity[], lifeline: (id: string) => number, W: number, lang: Lang, measure: Measure): Head {
  const n = Math.max(1, actors.length);
  const w = Math.min(210, (W - 4 - (n - 1) * GAP) / n);
  const cx = centres(
    actors.map((a) => lifeline(a.id)),
    w,
    W,
  );
  const room = w - 14;
  const fits = (t: string, size: number) => measure(t, { size, weight: 800 }).w <= room;
  const names = actors.map((a) => {
    const full = a.label[lang];
    const one = LABEL_SIZES.find((s) => fits(full, s));
    // A name that would be cut or set small on one line goes on two, split at the space that
    // balances them best, when that lets it be whole and larger ("재귀 리졸버" → 재귀 / 리졸버).
    if (one === undefined || one < 16) {
      const words = full.split(' ');
      let best: { lines: [string, string]; size: number } | undefined;
      for (let i = 1; i < words.length; i++) {
        // A separator ("·", "/", "–") ends the first line rather than starting the second.
        if (/^[·/|+\-–—]+$/.test(words[i])) continue;
        const lines: [string, string] = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
        const size = LABEL_SIZES.find((s) => fits(lines[0], s) && fits(lines[1], s));
        if (size !== undefined && size > (best?.size ?? one ?? 0)) best = { lines, size };
      }
      if (best) return { lines: best.lines as string[], font: { size: best.size, weight: 800, mono: false } as Font };
    }
    const font = { size: one ?? 13, weight: 800, mono: false } as Font;
    return { lines: [fitEnd(full, room, font, measure)], font };
  });
  // One line height for all boxes (the largest font any label needs), and as many lines as the
  // longest name takes, so the boxes line up; a one-line name sits in the middle of two.
  const lf = names.reduce((a, n) => (n.font.size > a.size ? n.font : a), names[0]?.font ?? ({ size: 13, weight: 800 } as Font));
  const lm = measure('Ag가', lf);
  const sm = measure('Ag', SUB);
  const hasSub = actors.some((a) => a.sublabel);
  const lineCount = Math.max(1, ...names.map((n) => n.lines.length));
  const lineH = lm.asc + lm.desc;
  const labelY = 5 + lm.asc;
  const subY = labelY + (lineCount - 1) * lineH + lm.desc + sm.asc;
  const boxH = (hasSub ? subY + sm.desc : labelY + (lineCount - 1) * lineH + lm.desc) + 4 - 3;
  const stateFonts = actors.map((a) => {
    const s = a.state ?? '';
    const size = STATE_SIZES.find((z) => measure(s, { size: z, weight: 800, mono: true }).w <= w - 26) ?? 13;
    return { size, weight: 800, mono: true } as Font;
  });
  const stm = measure('AG', { size: 19, weight: 800, mono: true });
  const pillY = 3 + boxH + 5;
  const pillH = stm.asc + stm.desc + 4;
  const boxes = actors.map((a, i) => {
    const full = a.label[lang];
    const stFont = stateFonts[i];
    const { lines, font } = names[i];
    const y0 = labelY + ((lineCount - lines.length) * lineH) / 2;
    return {
      id: a.id,
      cx: cx[i],
      w,
      label: { text: lines.join(' '), full, font, y: y0, lines: lines.map((text, k) => ({ text, y: y0 + k * lineH })) },
      sub: a.sublabel ? { text: fitMiddle(a.sublabel, w - 12, SUB, measure), full: a.sublabel, y: subY } : undefined,
      state: a.state ? { text: fitEnd(a.state, w - 26, stFont, measure), full: a.state, font: stFont, y: pillY + pillH / 2 + (measure('AG', stFont).asc - measure('AG', stFont).desc) / 2 } : undefined,
    };
  });
  return { boxes, boxH, pillY, pillH, height: Math.ceil(pillY + pillH + 8) };
}
