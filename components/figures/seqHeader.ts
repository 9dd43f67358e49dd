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
  /** The address: one line, or two or three split where it reads best when one would cut it (fitSub). */
  sub?: { text: string; full: string; y: number; lines: { text: string; y: number; space: boolean }[] };
  /** The state pill: `w` wide, its centre `dx` from the box's (it may be wider than the box). */
  state?: { text: string; full: string; font: Font; y: number; w: number; dx: number };
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

/**
 * Where an address may break onto a second line, best first: at a space ("a.root-servers.net
 * 198.41.0.4"), before a port's colon ("203.0.113.1" / ":443"), after a dot or a hyphen of a
 * name ("a.root-" / "servers.net"). Each is [first line, second line].
 */
function breaks(text: string): [string, string][][] {
  const at = (re: RegExp, keep: 'before' | 'after' | 'drop') => {
    const out: [string, string][] = [];
    for (const m of text.matchAll(re)) {
      const i = m.index!;
      if (i === 0 || i === text.length - 1) continue;
      if (keep === 'drop') out.push([text.slice(0, i), text.slice(i + 1)]);
      else if (keep === 'before') out.push([text.slice(0, i), text.slice(i)]);
      else out.push([text.slice(0, i + 1), text.slice(i + 1)]);
    }
    return out;
  };
  return [at(/ /g, 'drop'), at(/:/g, 'before'), at(/[.\-]/g, 'after')];
}

/**
 * An address in `room` units, as lines: whole on one line if it fits; else on two or three,
 * split at the best kind of break that fits (a space before a colon before a dot), the most
 * even split of that kind; else cut in the middle on one line (its box's title gives it whole).
 */
export function fitSub(text: string, room: number, measure: Measure): string[] {
  const w = (t: string) => measure(t, SUB).w;
  if (w(text) <= room) return [text];
  const fit = (cands: [string, string][]) => {
    const ok = cands.filter(([a, b]) => w(a) <= room && w(b) <= room);
    return ok.length ? ok.reduce((best, c) => (Math.max(w(c[0]), w(c[1])) < Math.max(w(best[0]), w(best[1])) ? c : best)) : undefined;
  };
  // One word ("203.0.113.1:443"): in two, at its best kind of break.
  const two = (t: string) => breaks(t).reduce<[string, string] | undefined>((got, kind) => got ?? fit(kind), undefined);
  if (!text.includes(' ')) return two(text) ?? [fitMiddle(text, room, SUB, measure)];
  // Several: split between words only ("a.root-servers.net" / "198.41.0.4"), never inside one
  // while another shares its line; a word too long for a line takes two ("a.gtld-" /
  // "servers.net" / "192.5.6.30"), up to three lines in all.
  const between = fit(breaks(text)[0]);
  if (between) return between;
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.length - 1;
    if (last >= 0 && w(`${lines[last]} ${word}`) <= room) lines[last] += ` ${word}`;
    else if (w(word) <= room) lines.push(word);
    else {
      const parts = two(word);
      if (!parts) return [fitMiddle(text, room, SUB, measure)];
      lines.push(...parts);
    }
  }
  return lines.length <= 3 ? lines : [fitMiddle(text, room, SUB, measure)];
}

/** An address's lines, each marked when the address has a space after it (taken at the break). */
function subLines(lines: string[], full: string): { text: string; space: boolean }[] {
  let at = 0;
  return lines.map((text) => {
    at += text.length;
    const space = full[at] === ' ';
    if (space) at += 1;
    return { text, space };
  });
}

export function layoutHead(actors: ActorEntity[], lifeline: (id: string) => number, W: number, lang: Lang, measure: Measure): Head {
  const n = Math.max(1, actors.length);
  const xs = actors.map((a) => lifeline(a.id));
  // As wide as the width shared out, and no wider than the closest two lifelines allow, so that
  // each box stays over its own line; lanes closer than 4/5 of the share push their boxes apart.
  const share = (W - 4 - (n - 1) * GAP) / n;
  const sorted = [...xs].sort((a, b) => a - b);
  const closest = sorted.slice(1).reduce((m, x, i) => Math.min(m, x - sorted[i]), Infinity);
  const w = Math.min(210, share, Math.max(share * 0.8, closest - GAP));
  const cx = centres(xs, w, W);
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
  const subs = actors.map((a) => (a.sublabel ? fitSub(a.sublabel, w - 12, measure) : []));
  const subCount = Math.max(1, ...subs.map((x) => x.length));
  const subH = sm.asc + sm.desc;
  const lineCount = Math.max(1, ...names.map((n) => n.lines.length));
  const lineH = lm.asc + lm.desc;
  const labelY = 5 + lm.asc;
  const subY = labelY + (lineCount - 1) * lineH + lm.desc + sm.asc;
  const boxH = (hasSub ? subY + (subCount - 1) * subH + sm.desc : labelY + (lineCount - 1) * lineH + lm.desc) + 4 - 3;
  // A state pill takes the width shared out even where lanes stand close and their boxes are
  // narrower: only pills sit on its row, so only they push each other apart.
  const pillW = Math.min(210, share) - 8;
  const withState = actors.map((a, i) => ({ a, i })).filter((o) => o.a.state !== undefined);
  const pillCx = centres(
    withState.map((o) => cx[o.i]),
    pillW + 8,
    W,
  );
  const pillAt = new Map(withState.map((o, k) => [o.i, pillCx[k] - cx[o.i]]));
  const stateFonts = actors.map((a) => {
    const s = a.state ?? '';
    const size = STATE_SIZES.find((z) => measure(s, { size: z, weight: 800, mono: true }).w <= pillW - 18) ?? 13;
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
      sub: a.sublabel
        ? {
            // On one line it may be cut; on several it is whole (they split it, nothing left out).
            text: subs[i].length === 1 ? subs[i][0] : a.sublabel,
            full: a.sublabel,
            y: subY,
            // One line sits in the middle of the lines its neighbours take.
            lines: subLines(subs[i], a.sublabel).map((l, k) => ({ ...l, y: subY + ((subCount - subs[i].length) * subH) / 2 + k * subH })),
          }
        : undefined,
      state: a.state
        ? { text: fitEnd(a.state, pillW - 18, stFont, measure), full: a.state, font: stFont, y: pillY + pillH / 2 + (measure('AG', stFont).asc - measure('AG', stFont).desc) / 2, w: pillW, dx: pillAt.get(i) ?? 0 }
        : undefined,
    };
  });
  return { boxes, boxH, pillY, pillH, height: Math.ceil(pillY + pillH + 8) };
}
