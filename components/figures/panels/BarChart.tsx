'use client';

import { nice } from '../ticks';
import { m } from 'framer-motion';
import { useRef } from 'react';
import type { ChartEntity } from '@/simulations/core/timeline';
import { fitEnd, useMeasure, type Font } from '../measure';
import { useSettling, useTransition } from '../motion';
import type { PanelProps } from '../types';

const W = 420;
/** Group labels as drawn (14.5 px, bold when highlighted): measured so that the label column fits the longest. */
const LABEL_FONT: Font = { size: 14.5, weight: 700 };
const BAR = 17;
const ROW = 22;
/** A series' title baseline, and where its first bar row starts: room for a Korean face's ascent (1.16em at 15 px). */
const TITLE_Y = 18;
const FIRST_ROW = 27;

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** Small multiples: one horizontal bar chart per series, the same groups in each, values from the simulation. */
export default function BarChart({ entities, lang }: PanelProps) {
  const chart = entities[0] as ChartEntity;
  const ref = useRef<SVGSVGElement>(null);
  const measure = useMeasure(ref);
  // Only steps animate: first drawn, text measured or box resized, things go straight to their place.
  const settling = useSettling(measure);
  const ease = useTransition(settling);
  // The label column: as wide as the longest group label (up to half the chart), shorter labels end in "…".
  const LABEL = Math.ceil(Math.min(W / 2, Math.max(80, ...chart.groups.map((g) => measure(g.label[lang], LABEL_FONT).w + 14))));
  const labelOf = (text: string) => fitEnd(text, LABEL - 12, LABEL_FONT, measure);
  const blockH = chart.groups.length * ROW + FIRST_ROW + 4;
  const H = chart.series.length * blockH;
  const y = (key: string) => FIRST_ROW + chart.groups.findIndex((g) => g.key === key) * ROW;
  const table = chart.series.map((s) => `${s.label[lang]}: ${chart.groups.map((g) => `${g.label[lang]} ${fmt(g.values[s.key] ?? 0)}${s.unit}`).join(', ')}`).join('; ');
  return (
    <figure className="panel chart">
      <figcaption>
        <strong>{chart.title[lang]}</strong>
      </figcaption>
      <svg ref={ref} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${chart.title[lang]}. ${table}`}>
        {chart.series.map((s, si) => {
          const max = Math.max(1e-9, ...chart.groups.map((g) => g.values[s.key] ?? 0));
          // Bars grow from 0 to a rounded-up maximum (d3-array's nice, ticks.ts): the whole scale this chart needs.
          const [, top] = nice(0, max, 5);
          const x = (v: number) => (v / (top || 1)) * (W - LABEL - 56);
          return (
            <g key={s.key} transform={`translate(0, ${si * blockH})`}>
              <text className="chart-series" x={0} y={TITLE_Y}>
                {s.label[lang]}
                {s.unit ? ` (${s.unit})` : ''}
              </text>
              {chart.groups.map((g) => {
                const v = g.values[s.key] ?? 0;
                const hi = g.key === chart.highlight;
                return (
                  <g key={g.key} className={`bar${hi ? ' bar-hi' : ''}`} transform={`translate(0, ${y(g.key)})`}>
                    {labelOf(g.label[lang]) !== g.label[lang] && <title>{g.label[lang]}</title>}
                    <text className="bar-label" x={LABEL - 8} y={BAR - 4} textAnchor="end">
                      {labelOf(g.label[lang])}
                    </text>
                    <m.rect x={LABEL} height={BAR} rx={3} initial={false} animate={{ width: Math.max(1, x(v)) }} transition={ease} />
                    <text className="bar-value" x={LABEL + x(v) + 6} y={BAR - 4}>
                      {fmt(v)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
