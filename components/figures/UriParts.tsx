'use client';

import { m } from 'framer-motion';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { entitiesOf } from '@/simulations/core/entities';
import type { UriPartName, UriPartsEntity, UriRow } from '@/simulations/figures/uri';
import { useMeasure, type Font, type Measure } from './measure';
import { useSettling, useTransition } from './motion';
import { PAN } from './pan';
import { useBox } from './useWidth';
import type { StageProps } from './types';

/** Width (units) drawn at 1:1; a wider box zooms in (up to 1.6), a narrower one shrinks a little, then wraps the string into more lines. */
const BASE = 1000;
/** Part names (the smallest text) never go below 12 px: the least zoom. */
const MIN_ZOOM = 12 / 14;
/**
 * Drawing widths, widest first (the last is the narrowest: below it the figure pans). A box
 * takes the widest whose part names stay at 12 px or more. A fixed set, so that the static
 * HTML can carry every layout and let a container query show the one the box will get:
 * nothing moves when the script takes over (the string wraps where it will stay wrapped).
 */
const WIDTHS = [BASE, 840, 700, 585, 490, 410, 350, 300];
/** The least box width (CSS px, whole, as clientWidth reports it) for each drawing width. */
const FROM = WIDTHS.map((w) => Math.ceil(w * MIN_ZOOM));
const widthFor = (box: number) => WIDTHS[FROM.findIndex((f) => box >= f)] ?? WIDTHS[WIDTHS.length - 1];
/** The SVG's width: the box, zoomed between 12 px part names and 1.6×, times the reader's +/− zoom. */
const svgStyle = (W: number): CSSProperties => ({
  width: `calc(clamp(${FROM[WIDTHS.indexOf(W)]}px, 100%, ${Math.round(W * 1.6)}px) * var(--pt-zoom, 1))`,
  maxWidth: 'none',
  maxHeight: 'none',
  height: 'auto',
  margin: '0 auto',
  display: 'block',
});
/** Before hydration: each layout shows only in the box widths that will get it (the box is a size container). */
const VARIANT_CSS = [
  '.uri-fig{container-type:inline-size}',
  '.uri-fig>svg.uri-variant{display:none!important}',
  ...WIDTHS.map((w, i) => {
    const lo = i === WIDTHS.length - 1 ? '' : `(min-width:${FROM[i] - 0.5}px)`;
    const hi = i === 0 ? '' : `(max-width:${FROM[i - 1] - 0.51}px)`;
    const q = [lo, hi].filter(Boolean).join(' and ');
    return `@container ${q}{.uri-fig>svg.uri-w-${w}{display:block!important}}`;
  }),
].join('');
const PAD = 20;
const FS = 20; // mono text size
const CW = 12.6; // one mono cell at FS (every glyph is stretched to its cells with textLength)
const LINE = 34;
const LANE = 19;
const LABEL: Font = { size: 14, weight: 700 };
const NOTE: Font = { size: 15, weight: 400 };

export const PART_COLORS: Record<UriPartName, string> = {
  scheme: '#2563eb',
  userinfo: '#9333ea',
  host: '#059669',
  port: '#d97706',
  path: '#db2777',
  query: '#0891b2',
  fragment: '#65a30d',
  nid: '#7c3aed',
  nss: '#ea580c',
};
const NAMES: Record<UriPartName, { ko: string; en: string }> = {
  scheme: { ko: '스킴', en: 'scheme' },
  userinfo: { ko: '사용자 정보', en: 'userinfo' },
  host: { ko: '호스트', en: 'host' },
  port: { ko: '포트', en: 'port' },
  path: { ko: '경로', en: 'path' },
  query: { ko: '쿼리', en: 'query' },
  fragment: { ko: '프래그먼트', en: 'fragment' },
  nid: { ko: 'NID', en: 'NID' },
  nss: { ko: 'NSS', en: 'NSS' },
};

const WIDE = /[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;
/** Cells a character takes, and how it is shown (controls and spaces made visible). */
function glyph(ch: string): { cells: number; show: string } {
  if (ch === '\t') return { cells: 1, show: '→' };
  if (ch === '\n' || ch === '\r') return { cells: 1, show: '↵' };
  if (ch === ' ') return { cells: 1, show: '␣' };
  const cp = ch.codePointAt(0)!;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp < 0xa0)) return { cells: 1, show: '·' };
  return { cells: WIDE.test(ch) ? 2 : 1, show: ch };
}

interface Cell {
  /** UTF-16 index of the character in the row's text. */
  at: number;
  len: number;
  cells: number;
  show: string;
}

/** Characters broken into lines of at most `cols` cells. */
function wrap(text: string, cols: number): Cell[][] {
  const lines: Cell[][] = [[]];
  let used = 0;
  let at = 0;
  for (const ch of Array.from(text)) {
    const g = glyph(ch);
    if (used + g.cells > cols && used > 0) {
      lines.push([]);
      used = 0;
    }
    lines[lines.length - 1].push({ at, len: ch.length, cells: g.cells, show: g.show });
    used += g.cells;
    at += ch.length;
  }
  return lines;
}

interface Seg {
  x: number;
  w: number;
  text: string;
  part: UriRow['parts'][number] | null;
  /** The rest of a part begun on an earlier line (its class says so, so that one element per part carries the state). */
  cont: boolean;
}

/** One row laid out from `y`: its lines, coloured segments and part labels in lanes that never overlap. */
function layoutRow(row: UriRow, y: number, lang: 'ko' | 'en', W: number, measure: Measure) {
  const lines = wrap(row.text, Math.max(8, Math.floor((W - 2 * PAD) / CW)));
  const partAt = (i: number) => row.parts.find((p) => i >= p.start && i < p.end && p.state !== 'hidden') ?? null;
  const out: { y: number; segs: Seg[]; labels: { x: number; y: number; text: string; part: UriRow['parts'][number] }[] }[] = [];
  const labelled = new Set<number>();
  let cy = y;
  for (const line of lines) {
    const segs: Seg[] = [];
    let x = PAD;
    for (const c of line) {
      const part = partAt(c.at);
      const last = segs[segs.length - 1];
      if (last && last.part === part) {
        last.w += c.cells * CW;
        last.text += c.show;
      } else segs.push({ x, w: c.cells * CW, text: c.show, part, cont: !!part && c.at > part.start });
      x += c.cells * CW;
    }
    const lanes: number[] = [];
    const labels: { x: number; y: number; text: string; part: UriRow['parts'][number] }[] = [];
    for (const s of segs) {
      if (!s.part || labelled.has(s.part.start)) continue;
      labelled.add(s.part.start);
      const text = NAMES[s.part.part][lang];
      const w = measure(text, LABEL).w + 4;
      const lx = Math.min(s.x, W - PAD - w);
      let lane = lanes.findIndex((end) => end + 8 <= lx);
      if (lane < 0) lane = lanes.push(0) - 1;
      lanes[lane] = lx + w;
      labels.push({ x: lx, y: cy + LINE + 4 + lane * LANE, text, part: s.part });
    }
    out.push({ y: cy, segs, labels });
    cy += LINE + lanes.length * LANE + 8;
  }
  return { lines: out, bottom: cy };
}

export default function UriParts({ scene, lang }: StageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useBox(ref, BASE);
  const measure = useMeasure(ref);
  // Only steps animate: first drawn, text measured or box resized, things go straight to their place.
  const settling = useSettling(measure, box);
  const ease = useTransition(settling);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const e: UriPartsEntity | undefined = entitiesOf(scene, 'uri-parts')[0];
  if (!e) return <div ref={ref} />;
  // Below BASE the drawing shrinks only until its smallest text (the part names) reaches 12 px, then rewraps.
  if (mounted) {
    return (
      <div ref={ref} className="uri-fig" style={PAN}>
        <Drawing e={e} W={widthFor(box.width)} lang={lang} measure={measure} ease={ease} />
      </div>
    );
  }
  return (
    <div ref={ref} className="uri-fig" style={PAN}>
      <style>{VARIANT_CSS}</style>
      {WIDTHS.map((W) => (
        <Drawing key={W} e={e} W={W} lang={lang} measure={measure} ease={ease} variant />
      ))}
    </div>
  );
}

function Drawing({ e, W, lang, measure, ease, variant }: { e: UriPartsEntity; W: number; lang: 'ko' | 'en'; measure: Measure; ease: ReturnType<typeof useTransition>; variant?: boolean }) {
  let y = PAD;
  const blocks = e.rows.map((row) => {
    const titleY = y + 16;
    const laid = layoutRow(row, y + 26, lang, W, measure);
    y = laid.bottom + 14;
    return { row, titleY, ...laid };
  });
  const notes: { text: string; tone: 'change' | 'error' }[] = [
    ...e.changes.map((c) => ({ text: `${c.part}: ${c.from === '' ? '∅' : c.from} → ${c.to === '' ? '∅' : c.to}`, tone: 'change' as const })),
    ...e.errors.map((x) => ({ text: x[lang], tone: 'error' as const })),
  ];
  // Notes wrap by estimated width, never past the frame.
  const noteLines = notes.flatMap((n) => {
    const out: string[] = [];
    const max = W - 2 * PAD - 24;
    let cur = '';
    for (const word of n.text.split(' ')) {
      const next = cur ? `${cur} ${word}` : word;
      if (measure(next, NOTE).w <= max || !cur) cur = next;
      else {
        out.push(cur);
        cur = word;
      }
      // A word longer than the line (a long URL) breaks between characters.
      while (measure(cur, NOTE).w > max && [...cur].length > 1) {
        const chars = [...cur];
        let k = chars.length - 1;
        while (k > 1 && measure(chars.slice(0, k).join(''), NOTE).w > max) k--;
        out.push(chars.slice(0, k).join(''));
        cur = chars.slice(k).join('');
      }
    }
    out.push(cur);
    return out.map((text, i) => ({ text: i === 0 ? text : `  ${text}`, tone: n.tone }));
  });
  const notesTop = y + 4;
  const H = Math.round(notesTop + noteLines.length * 22 + (noteLines.length ? 12 : 0));
  return (
    <svg className={`uri-parts uri-w-${W}${variant ? ' uri-variant' : ''}`} viewBox={`0 0 ${W} ${H}`} style={svgStyle(W)} role="img" aria-label={lang === 'ko' ? 'URI의 구성 요소' : 'The parts of the URI'}>
        <title>{lang === 'ko' ? 'URI의 구성 요소' : 'The parts of the URI'}</title>
        {blocks.map((b) => (
          <g key={b.row.id} className={`uri-row uri-row-${b.row.id}`} data-row={b.row.id}>
            <text x={PAD} y={b.titleY} fontSize={15} fontWeight={700} fill="var(--muted)">
              {b.row.title[lang]}
            </text>
            {b.row.text === '' && (
              <text x={PAD} y={b.lines[0].y + 24} fontSize={16} fill="var(--muted)">
                {lang === 'ko' ? '(빈 문자열)' : '(empty string)'}
              </text>
            )}
            {b.lines.map((l, i) => (
              <g key={i}>
                {l.segs.map((s, j) =>
                  s.part ? (
                    <m.rect
                      key={`r${j}`}
                      className={`uri-part uri-part-${s.part.part} uri-part-${s.part.state}${s.cont ? '-cont' : ''}`}
                      data-part={s.part.part}
                      x={s.x}
                      y={l.y}
                      width={s.w}
                      height={LINE - 4}
                      rx={4}
                      fill={PART_COLORS[s.part.part]}
                      stroke={s.part.state === 'current' ? PART_COLORS[s.part.part] : 'none'}
                      strokeWidth={2.5}
                      initial={false}
                      animate={{ fillOpacity: s.part.state === 'current' ? 0.42 : 0.2 }}
                      transition={ease}
                    />
                  ) : null,
                )}
                {l.segs.map((s, j) => (
                  <text key={`t${j}`} x={s.x} y={l.y + 22} fontFamily="var(--mono)" fontSize={FS} fill="var(--fg)" textLength={s.w} lengthAdjust="spacingAndGlyphs" style={{ whiteSpace: 'pre' }}>
                    {s.text}
                  </text>
                ))}
                {l.labels.map((lab) => (
                  <text key={`l${lab.part.start}`} className="uri-part-label" x={lab.x} y={lab.y + 13} fontSize={LABEL.size} fontWeight={lab.part.state === 'current' ? 800 : 700} fill={PART_COLORS[lab.part.part]}>
                    {lab.text}
                  </text>
                ))}
              </g>
            ))}
          </g>
        ))}
        {noteLines.map((n, i) => (
          <text key={i} className={`uri-note uri-note-${n.tone}`} x={PAD} y={notesTop + 16 + i * 22} fontSize={15} fill={n.tone === 'error' ? 'var(--lost)' : 'var(--fg)'} fontFamily={n.tone === 'change' ? 'var(--mono)' : undefined} style={{ whiteSpace: 'pre' }}>
            {n.text}
          </text>
        ))}
      </svg>
  );
}
