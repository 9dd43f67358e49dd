'use client';

import { startTransition, useEffect, useState, type RefObject } from 'react';

/** How a piece of diagram text is set: size in SVG units, weight, sans or mono. */
export interface Font {
  size: number;
  weight: 400 | 700 | 800;
  mono?: boolean;
}

/** A text's advance width and the ascent/descent of its line box, in SVG units. */
export interface Metrics {
  w: number;
  asc: number;
  desc: number;
}

export type Measure = (text: string, font: Font) => Metrics;

const caches = new Map<string, Map<string, Map<string, Metrics>>>();

const wide = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/** A generous estimate (used before the page can measure, e.g. in the static HTML). */
export const estimate: Measure = (text, f) => {
  let w = 0;
  for (const ch of text) w += wide.test(ch) ? 1 : f.mono ? 0.62 : f.weight > 400 ? 0.64 : 0.6;
  return { w: w * f.size, asc: f.size * 1.16, desc: f.size * 0.3 };
};

/**
 * Measures text with the fonts the diagram really uses (a canvas set to the computed font
 * families of `ref`), so that labels are placed by their true widths; falls back to the
 * estimate until mounted, and measures again once web fonts have loaded.
 */
export function useMeasure(ref: RefObject<Element | null>): Measure {
  const [measure, setMeasure] = useState<Measure>(() => estimate);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof document === 'undefined') return;
    const make = (): Measure => {
      const cs = getComputedStyle(el);
      const sans = cs.getPropertyValue('--font').trim() || cs.fontFamily;
      const mono = cs.getPropertyValue('--mono').trim() || 'monospace';
      // One cache per font set and font state, shared by every drawing on the page (a new
      // run or another figure measures only the texts not seen before): by font, then text.
      const set = `${sans}|${mono}|${document.fonts?.status ?? ''}`;
      let byFont = caches.get(set);
      if (!byFont) caches.set(set, (byFont = new Map()));
      const fonts = byFont;
      let count = 0;
      // One canvas per font: setting a canvas's font parses it and resolves its faces, so a
      // layout that alternates fonts (a label, a state, a tick) would pay that at every call.
      const contexts = new Map<string, CanvasRenderingContext2D | null>();
      const contextFor = (css: string) => {
        let c = contexts.get(css);
        if (c === undefined) {
          c = document.createElement('canvas').getContext('2d');
          if (c) c.font = css;
          contexts.set(css, c);
        }
        return c;
      };
      const measure: Measure = (text, f) => {
        const fk = `${f.size}|${f.weight}|${f.mono ? 1 : 0}`;
        let known = fonts.get(fk);
        if (!known) fonts.set(fk, (known = new Map()));
        let m = known.get(text);
        if (!m) {
          const ctx = contextFor(`${f.weight} ${f.size}px ${f.mono ? mono : sans}`);
          const e = estimate(text, f);
          if (!ctx) return e;
          const r = ctx.measureText(text);
          // The line box SVG reports for a text: at least the font's own, whichever font the glyphs fall back to.
          m = { w: r.width, asc: Math.max(r.fontBoundingBoxAscent || 0, e.asc), desc: Math.max(r.fontBoundingBoxDescent || 0, e.desc) };
          if (++count > 50_000) {
            fonts.clear();
            count = 0;
          }
          known.set(text, m);
        }
        return m;
      };
      return measure;
    };
    let live = true;
    // The first frame is drawn with the estimate (as in the static HTML); measuring for real
    // (the canvas's first use loads its fonts) and laying out again wait for an idle moment,
    // as a transition React can slice, so neither lengthens the task that hydrates the page.
    // While measuring is held (a run that replaces this drawing is on its way) it waits for
    // the release, which measures in the render that draws the run.
    const idle = window.requestIdleCallback ?? ((f: () => void) => window.setTimeout(f, 1));
    const cancelIdle = window.cancelIdleCallback ?? window.clearTimeout;
    const ticket = measuring.enqueue(() => live && startTransition(() => setMeasure(() => make())));
    const id = idle(() => ticket.now(), { timeout: 400 });
    // Measure again once fonts arrive; when they are already there, a second pass would only cost a render.
    if (document.fonts && document.fonts.status !== 'loaded') document.fonts.ready.then(() => live && startTransition(() => setMeasure(() => make())));
    return () => {
      live = false;
      cancelIdle(id);
      ticket.cancel();
    };
  }, [ref]);
  return measure;
}

/**
 * When drawings switch from estimated to measured text. Each drawing enqueues its switch and
 * asks for it when the page is idle (`now`); while a hold is on, the switch waits, and the
 * last release runs every switch still queued, whether its drawing asked yet or not.
 */
export function createMeasureGate() {
  let holds = 0;
  const queued = new Set<() => void>();
  return {
    /** Holds the switches; the returned release works once. */
    hold(): () => void {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (--holds > 0) return;
        const due = [...queued];
        queued.clear();
        for (const f of due) f();
      };
    },
    enqueue(f: () => void) {
      queued.add(f);
      return {
        /** Switches now unless held (then the release does it). */
        now() {
          if (holds > 0 || !queued.delete(f)) return;
          f();
        },
        cancel: () => void queued.delete(f),
      };
    },
  };
}

const measuring = createMeasureGate();

/**
 * Holds the switch from estimated to measured text until the returned release is called. The
 * player holds it while the run a URL asked for is computed: the static frame on screen is
 * about to be replaced, so laying it out again would be wasted; called in the transition that
 * draws the run, the release measures in that same render.
 */
export const holdMeasuring = measuring.hold;

/** fitEnd's answers per measurer: a diagram lays out the same texts at every step. */
const fitted = new WeakMap<Measure, Map<string, string>>();

/**
 * The longest start of `text` (plus "…") no wider than `max`, cut between words when at least
 * a word fits; the text itself when it fits.
 */
export function fitEnd(text: string, max: number, font: Font, measure: Measure): string {
  if (measure(text, font).w <= max) return text;
  let memo = fitted.get(measure);
  if (!memo) fitted.set(measure, (memo = new Map()));
  const key = `${font.size}|${font.weight}|${font.mono ? 1 : 0}|${max}|${text}`;
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(`${chars.slice(0, mid).join('').trimEnd()}…`, font).w <= max) lo = mid;
    else hi = mid - 1;
  }
  // Cut at a word boundary when the cut falls inside a word and a whole word or more fits:
  // "ACK…", not "ACK s…" (the full text is in the drawing's title).
  let keep = chars.slice(0, lo).join('');
  if (lo < chars.length && !/\s/.test(chars[lo])) {
    const space = keep.search(/\s\S*$/);
    if (space >= 3) keep = keep.slice(0, space).replace(/[\s,;:·]+$/, '');
  }
  const out = lo > 0 ? `${keep.trimEnd()}…` : '';
  if (memo.size > 20_000) memo.clear();
  memo.set(key, out);
  return out;
}

/** Keeps both ends (an address's host and port) and drops the middle: "198.51.…:5000". */
export function fitMiddle(text: string, max: number, font: Font, measure: Measure): string {
  if (measure(text, font).w <= max) return text;
  const chars = [...text];
  for (let keep = chars.length - 1; keep >= 2; keep--) {
    const tail = Math.floor(keep / 2);
    const s = `${chars.slice(0, keep - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
    if (measure(s, font).w <= max) return s;
  }
  return fitEnd(text, max, font, measure);
}
