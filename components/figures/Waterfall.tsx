'use client';

import { nice, ticks } from 'd3-array';
import type { WaterfallEntity, WaterfallSegmentKind } from '@/simulations/figures/waterfall';
import { SEGMENT_LABELS } from '@/simulations/figures/waterfall';
import type { PanelProps } from './types';

const W = 480;
const LABEL = 150;
const ROW = 17;
const TOP = 20;
const PAD = 10;

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

/**
 * A browser's network panel drawn from the simulation's own timings: one row per request,
 * its segments up to the current step's time, the milestones as vertical lines. The x scale
 * is linear from 0 to a rounded-up end (d3-array's nice and ticks), positions rounded.
 */
export default function Waterfall({ entities, lang }: PanelProps) {
  const w = entities[0] as WaterfallEntity;
  const [, top] = nice(0, Math.max(1, w.end), 6);
  const span = top || 1;
  const x = (t: number) => Math.round(LABEL + (t / span) * (W - LABEL - PAD));
  const H = TOP + w.rows.length * ROW + 26;
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
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${w.title[lang]}, ${Math.round(w.now)} ms. ${summary}`}>
        {ticks(0, span, 6).map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={H - 24} stroke="var(--line)" strokeWidth={0.5} />
            <text x={x(t)} y={12} fontSize={9} textAnchor="middle" fill="var(--muted)">
              {t}
            </text>
          </g>
        ))}
        {w.rows.map((r, i) => {
          const y = TOP + i * ROW;
          const started = r.segments.length > 0 && r.segments[0].start <= w.now;
          return (
            <g key={r.id} opacity={started ? 1 : 0.35}>
              <text x={LABEL - 6} y={y + 11} fontSize={9.5} textAnchor="end" fill="var(--fg)">
                {`#${r.conn} ${r.label.length > 24 ? `…${r.label.slice(-23)}` : r.label}`}
              </text>
              {r.segments
                .filter((s) => s.start <= w.now)
                .map((s, k) => {
                  const x0 = x(s.start);
                  const x1 = x(Math.min(s.end, w.now));
                  return <rect key={k} x={x0} y={y + 3} width={Math.max(1, x1 - x0)} height={ROW - 6} fill={FILL[s.kind]} />;
                })}
            </g>
          );
        })}
        {w.marks
          .filter((m) => m.t <= w.now)
          .map((m) => (
            <g key={m.key}>
              <line x1={x(m.t)} x2={x(m.t)} y1={TOP - 4} y2={H - 24} stroke={MARK[m.key]} strokeWidth={1.2} strokeDasharray="3 2" />
            </g>
          ))}
        <line x1={x(Math.min(w.now, span))} x2={x(Math.min(w.now, span))} y1={TOP - 4} y2={H - 24} stroke="var(--focus)" strokeWidth={1} />
        {kinds.map((k, i) => (
          <g key={k} transform={`translate(${8 + i * 66}, ${H - 14})`}>
            <rect width={9} height={9} fill={FILL[k]} />
            <text x={12} y={8} fontSize={8.5} fill="var(--muted)">
              {SEGMENT_LABELS[k][lang]}
            </text>
          </g>
        ))}
      </svg>
      <p className="waterfall-marks">
        {w.marks
          .filter((m) => m.t <= w.now)
          .map((m) => (
            <span key={m.key} style={{ color: MARK[m.key], marginRight: '0.8em' }}>
              {m.label[lang]} {m.t} ms
            </span>
          ))}
      </p>
    </figure>
  );
}
