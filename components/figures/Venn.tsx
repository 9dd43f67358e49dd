'use client';

import { useRef } from 'react';
import type { VennEntity, VennRegion } from '@/simulations/figures/uri';
import { PAN, sized } from './pan';
import { useBox } from './useWidth';
import type { PanelProps } from './types';

/** URL and URN circles: green and violet, lighter on a dark background. */
const URL_C = 'light-dark(#047857, #34d399)';
const URN_C = 'light-dark(#7e22ce, #c084fc)';

const T = {
  uri: { ko: 'URI', en: 'URI' },
  url: { ko: 'URL', en: 'URL' },
  urn: { ko: 'URN', en: 'URN' },
  other: { ko: '그 밖의 URI (data:, tag:)', en: 'other URIs (data:, tag:)' },
  outside: { ko: 'URI가 아님', en: 'not a URI' },
  relative: { ko: '상대 참조', en: 'relative reference' },
  invalid: { ko: '올바르지 않음', en: 'invalid' },
};

/** The figure's frame (units), drawn at least 1:1 so that no caption is under 13 px; a narrower panel pans. */
const FW = 376;
const FH = 236;
const COL = 342;

/** Where the marker sits for each region. */
const SPOTS: Record<VennRegion, { x: number; y: number }> = {
  url: { x: 105, y: 104 },
  urn: { x: 208, y: 104 },
  uri: { x: 156, y: 186 },
  relative: { x: COL, y: 81 },
  invalid: { x: COL, y: 162 },
};

/** URI contains URL and URN (RFC 3986 §1.1.3); relative references and invalid strings fall outside. */
export default function Venn({ entities, lang }: PanelProps) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useBox(ref, FW);
  const zoom = Math.min(1.5, Math.max(1, box.width / FW));
  const e = entities[0] as VennEntity;
  const hi = (r: VennRegion) => e.region === r;
  const fill = (r: VennRegion, base: string) => (hi(r) ? `color-mix(in srgb, ${base} 34%, transparent)` : `color-mix(in srgb, ${base} 10%, transparent)`);
  const spot = e.region ? SPOTS[e.region] : null;
  return (
    <figure className="panel venn" data-region={e.region ?? ''}>
      <figcaption>{e.title[lang]}</figcaption>
      <div ref={ref} style={PAN}>
        <svg viewBox={`0 0 ${FW} ${FH}`} style={sized(FW * zoom)} role="img" aria-label={lang === 'ko' ? `URI가 URL과 URN을 포함하는 벤 다이어그램${e.region ? `: 입력은 ${T[e.region === 'uri' ? 'other' : e.region].ko}` : ''}` : `Venn diagram: URI contains URL and URN${e.region ? `; the input is ${T[e.region === 'uri' ? 'other' : e.region].en}` : ''}`}>
          <ellipse cx={156} cy={122} rx={149} ry={107} fill={fill('uri', 'var(--accent)')} stroke="var(--accent)" strokeWidth={hi('uri') ? 3 : 1.5} />
          <text x={156} y={38} textAnchor="middle" fontSize={17} fontWeight={800} fill="var(--accent)">
            {T.uri[lang]}
          </text>
          <circle cx={105} cy={112} r={51} style={{ fill: fill('url', URL_C), stroke: URL_C }} strokeWidth={hi('url') ? 3 : 1.5} />
          <text x={105} y={86} textAnchor="middle" fontSize={16} fontWeight={800} style={{ fill: URL_C }}>
            {T.url[lang]}
          </text>
          <circle cx={208} cy={112} r={51} style={{ fill: fill('urn', URN_C), stroke: URN_C }} strokeWidth={hi('urn') ? 3 : 1.5} />
          <text x={208} y={86} textAnchor="middle" fontSize={16} fontWeight={800} style={{ fill: URN_C }}>
            {T.urn[lang]}
          </text>
          <text x={156} y={208} textAnchor="middle" fontSize={13.5} fill="var(--muted)">
            {T.other[lang]}
          </text>
          <line x1={308} y1={12} x2={308} y2={FH - 8} stroke="var(--line)" strokeDasharray="4 4" />
          <text x={FW - 2} y={30} textAnchor="end" fontSize={13} fill="var(--muted)">
            {T.outside[lang]}
          </text>
          <rect x={COL - 28} y={62} width={56} height={38} rx={6} fill={hi('relative') ? 'color-mix(in srgb, var(--timer) 30%, transparent)' : 'transparent'} stroke="var(--line-strong)" />
          <text x={COL} y={118} textAnchor="middle" fontSize={13} fill="var(--muted)">
            {lang === 'ko' ? '상대 참조' : 'relative'}
          </text>
          <rect x={COL - 28} y={143} width={56} height={38} rx={6} fill={hi('invalid') ? 'color-mix(in srgb, var(--lost) 30%, transparent)' : 'transparent'} stroke="var(--line-strong)" />
          <text x={COL} y={199} textAnchor="middle" fontSize={13} fill="var(--muted)">
            {lang === 'ko' ? '잘못됨' : 'invalid'}
          </text>
          {spot && (
            <g className="venn-marker" transform={`translate(${spot.x} ${spot.y})`}>
              <title>{e.marker}</title>
              <circle r={9} fill="var(--focus)" stroke="var(--bg-elev)" strokeWidth={3} />
            </g>
          )}
        </svg>
      </div>
      {e.region && (
        <p className="panel-note" style={{ margin: 0, overflowWrap: 'anywhere' }}>
          <span aria-hidden="true">● </span>
          <code>{e.marker || '""'}</code> — {T[e.region === 'uri' ? 'other' : e.region][lang]}
          {e.region === 'url' || e.region === 'urn' ? (lang === 'ko' ? ' (그러므로 URI)' : ' (so also a URI)') : ''}
        </p>
      )}
    </figure>
  );
}
