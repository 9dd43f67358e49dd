/** Axis-aligned boxes in SVG units, and a greedy placer that never lets two of them overlap. */
export interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

export const boxOf = (x: number, y: number, w: number, h: number): Box => ({ l: x, t: y, r: x + w, b: y + h });

/** The box of a text set at (x, baseline) with the given anchor. */
export function textBox(x: number, baseline: number, w: number, asc: number, desc: number, anchor: 'start' | 'middle' | 'end'): Box {
  const l = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { l, t: baseline - asc, r: l + w, b: baseline + desc };
}

export const hits = (a: Box, b: Box, gap = 0): boolean => a.l < b.r + gap && b.l < a.r + gap && a.t < b.b + gap && b.t < a.b + gap;
export const inside = (a: Box, frame: Box): boolean => a.l >= frame.l && a.r <= frame.r && a.t >= frame.t && a.b <= frame.b;

/** A straight line drawn on the figure (an arrow), from (x0, y0) to (x1, y1). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Whether a segment passes through a box grown by `gap` on every side (Liang–Barsky clipping). */
export function crosses(s: Segment, b: Box, gap = 0): boolean {
  const dx = s.x1 - s.x0;
  const dy = s.y1 - s.y0;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, s.x0 - b.l + gap],
    [dx, b.r + gap - s.x0],
    [-dy, s.y0 - b.t + gap],
    [dy, b.b + gap - s.y0],
  ]) {
    if (p) {
      if (p < 0) t0 = Math.max(t0, q / p);
      else t1 = Math.min(t1, q / p);
    } else if (q < 0) return false;
  }
  return t0 <= t1;
}

/** Boxes already taken inside a frame: `fits` says whether a new one may go there. */
export class Placer {
  private taken: Box[] = [];
  constructor(
    readonly frame: Box,
    readonly gap = 2,
  ) {}
  fits(b: Box): boolean {
    return inside(b, this.frame) && !this.taken.some((o) => hits(o, b, this.gap));
  }
  take(b: Box): void {
    this.taken.push(b);
  }
  /** The first candidate that fits, taken; undefined when none does. */
  first<T extends { box: Box }>(candidates: Iterable<T>): T | undefined {
    for (const c of candidates) {
      if (this.fits(c.box)) {
        this.take(c.box);
        return c;
      }
    }
    return undefined;
  }
}
