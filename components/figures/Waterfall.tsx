'use client';

import { nice, ticks } from './ticks';
import type { WaterfallEntity, WaterfallSegmentKind } from '@/simulations/figures/waterfall';
import { SEGMENT_LABELS } from '@/simulations/figures/waterfall';
import { PAN } from './pan';
import css from './Waterfall.module.css';
import type { PanelProps } from './types';

/**
 * Drawn in CSS px at 1:1 (units = px): the type is 12–12.5 px, a wider column scales the
 * drawing up, a narrower one pans it sideways in its own box (as pan.ts does), never shrinks it.
 */
const W = 400;
const LABEL = 144;
const ROW = 21;
const TOP = 24;
const PAD = 24;
const TICK = 12;
const NAME = 12.5;
/** Longest request name drawn whole; longer ones keep their end ("…/img/news1.svg"). */
const NAME_CHARS = 17;

/** Segment colours: mid tones readable on the light and the dark theme. */
const FILL: Record<WaterfallSegmentKind, string> = {
  queue: 'var(--line)',
  dns: '#0f9d8a',
  connect: '#e08a00',
  tls: '#9b51e0',
  send: '#64748b',
  wait: '#2e9e4f',
  download: '#2f74e0',
};
const MARK: Record<string, string> = { fcp: '#2e9e4f', dcl: '#2f74e0', load: '#d93025' };

/** A request's name as the row shows it: without its scheme, its end kept when long. */
const short = (label: string) => {
  const s = label.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return s.length > NAME_CHARS ? `…${s.slice(-(NAME_CHARS - 1))}` : s;
};

/**
 * A browser's network panel drawn from the simulation's own timings: one row per request,
 * its segments up to the current step's time, the milestones as vertical lines. The x scale
 * is linear from 0 to a rounded-up end (d3-array's nice and ticks, ticks.ts), positions rounded. The
 * legend and the milestones are HTML under the drawing, so they wrap on a narrow column.
 */
export default function Waterfall({ entities, lang }: PanelProps) {
  const w = entities[0] as WaterfallEntity;
  const [, top] = nice(0, Math.max(1, w.end), 6);
  const span = top || 1;
  const x = (t: number) => Math.round(LABEL + (t / span) * (W - LABEL - PAD));
  const H = TOP + w.rows.length * ROW + 6;
  const kinds = (Object.keys(FILL) as WaterfallSegmentKind[]).filter((k) => w.rows.some((r) => r.segments.some((s) => s.kind === k)));
  const summary = w.rows
    .filter((r) => r.segments.length && r.segments[0].start <= w.now)
    .map((r) => `${r.label} (#${r.conn} ${r.protocol}): ${r.segments.filter((s) => s.start <= w.now).map((s) => `${SEGMENT_LABELS[s.kind][lang]} ${s.start}–${Math.min(s.end, w.now)} ms`).join(', ')}`)
    .join('; ');
  return (
    <figure className="panel waterfall">
      <figcaption>
        <strong>{w.title[lang]}</strong> <span>{Math.round(w.now)} ms</span>
      </figcaption>
      <div style={PAN}>
        <svg viewBox={`0 0 ${W} ${H}`} style={{ display: 'block', width: '100%', minWidth: `calc(${W}px * var(--pt-zoom, 1))`, height: 'auto', maxHeight: 'none' }} role="img" aria-label={`${w.title[lang]}, ${Math.round(w.now)} ms. ${summary}`}>
          {ticks(0, span, 6).map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={H - 2} stroke="var(--line)" strokeWidth={0.5} />
              <text x={x(t)} y={TICK + 2} fontSize={TICK} textAnchor="middle" fill="var(--muted)">
                {t}
              </text>
            </g>
          ))}
          {w.rows.map((r, i) => {
            const y = TOP + i * ROW;
            const started = r.segments.length > 0 && r.segments[0].start <= w.now;
            return (
              <g key={r.id} className={started ? 'wf-row' : 'wf-row wf-row-waiting'}>
                {short(r.label) !== r.label && <title>{`#${r.conn} ${r.label}`}</title>}
                {/* A request not yet started is told by its muted label (still WCAG AA on both themes), not by fading it. */}
                <text x={LABEL - 8} y={y + ROW / 2 + NAME * 0.36} fontSize={NAME} textAnchor="end" fill={started ? 'var(--fg)' : 'var(--muted)'} fontStyle={started ? undefined : 'italic'}>
                  {`#${r.conn} ${short(r.label)}`}
                </text>
                {r.segments
                  .filter((s) => s.start <= w.now)
                  .map((s, k) => {
                    const x0 = x(s.start);
                    const x1 = x(Math.min(s.end, w.now));
                    return <rect key={k} x={x0} y={y + 4} width={Math.max(1, x1 - x0)} height={ROW - 8} fill={FILL[s.kind]} />;
                  })}
              </g>
            );
          })}
          {w.marks
            .filter((m) => m.t <= w.now)
            .map((m) => (
              <line key={m.key} x1={x(m.t)} x2={x(m.t)} y1={TOP - 4} y2={H - 2} stroke={MARK[m.key]} strokeWidth={1.2} strokeDasharray="3 2" />
            ))}
          <line x1={x(Math.min(w.now, span))} x2={x(Math.min(w.now, span))} y1={TOP - 4} y2={H - 2} stroke="var(--focus)" strokeWidth={1} />
        </svg>
      </div>
      <ul className={`waterfall-legend ${css.legend}`} aria-hidden="true">
        {kinds.map((k) => (
          <li key={k}>
            <span className={css.swatch} style={{ background: FILL[k] }} />
            {SEGMENT_LABELS[k][lang]}
          </li>
        ))}
      </ul>
      <p className={`waterfall-marks ${css.marks}`}>
        {w.marks
          .filter((m) => m.t <= w.now)
          .map((m) => (
            <span key={m.key} style={{ marginRight: '0.8em' }}>
              {/* The mark's colour on a dashed swatch, matching its line; the text stays in the text colour (AA contrast). */}
              <svg viewBox="0 0 14 10" aria-hidden="true" style={{ display: 'inline', width: 14, height: 10, marginRight: '0.3em', verticalAlign: 'baseline' }}>
                <line x1={7} x2={7} y1={0} y2={10} stroke={MARK[m.key]} strokeWidth={2} strokeDasharray="3 2" />
              </svg>
              {m.label[lang]} {m.t} ms
            </span>
          ))}
      </p>
    </figure>
  );
}
