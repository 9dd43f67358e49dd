'use client';

import type { VennEntity, VennRegion } from '@/simulations/figures/uri';
import type { PanelProps } from './types';

const T = {
  uri: { ko: 'URI', en: 'URI' },
  url: { ko: 'URL', en: 'URL' },
  urn: { ko: 'URN', en: 'URN' },
  other: { ko: '그 밖의 URI (data:, tag:)', en: 'other URIs (data:, tag:)' },
  outside: { ko: 'URI가 아님', en: 'not a URI' },
  relative: { ko: '상대 참조', en: 'relative reference' },
  invalid: { ko: '올바르지 않음', en: 'invalid' },
};

/** Where the marker sits for each region (inside the figure's 420 × 270 frame). */
const SPOTS: Record<VennRegion, { x: number; y: number }> = {
  url: { x: 120, y: 118 },
  urn: { x: 238, y: 118 },
  uri: { x: 178, y: 214 },
  relative: { x: 372, y: 92 },
  invalid: { x: 372, y: 184 },
};

/** URI contains URL and URN (RFC 3986 §1.1.3); relative references and invalid strings fall outside. */
export default function Venn({ entities, lang }: PanelProps) {
  const e = entities[0] as VennEntity;
  const hi = (r: VennRegion) => e.region === r;
  const fill = (r: VennRegion, base: string) => (hi(r) ? `color-mix(in srgb, ${base} 34%, transparent)` : `color-mix(in srgb, ${base} 10%, transparent)`);
  const spot = e.region ? SPOTS[e.region] : null;
  return (
    <figure className="panel venn" data-region={e.region ?? ''}>
      <figcaption>{e.title[lang]}</figcaption>
      <svg viewBox="0 0 420 270" role="img" aria-label={lang === 'ko' ? `URI가 URL과 URN을 포함하는 벤 다이어그램${e.region ? `: 입력은 ${T[e.region === 'uri' ? 'other' : e.region].ko}` : ''}` : `Venn diagram: URI contains URL and URN${e.region ? `; the input is ${T[e.region === 'uri' ? 'other' : e.region].en}` : ''}`}>
        <ellipse cx={178} cy={140} rx={170} ry={122} fill={fill('uri', 'var(--accent)')} stroke="var(--accent)" strokeWidth={hi('uri') ? 3 : 1.5} />
        <text x={178} y={38} textAnchor="middle" fontSize={17} fontWeight={800} fill="var(--accent)">
          {T.uri[lang]}
        </text>
        <circle cx={120} cy={128} r={58} fill={fill('url', '#059669')} stroke="#059669" strokeWidth={hi('url') ? 3 : 1.5} />
        <text x={120} y={96} textAnchor="middle" fontSize={16} fontWeight={800} fill="#059669">
          {T.url[lang]}
        </text>
        <circle cx={238} cy={128} r={58} fill={fill('urn', '#9333ea')} stroke="#9333ea" strokeWidth={hi('urn') ? 3 : 1.5} />
        <text x={238} y={96} textAnchor="middle" fontSize={16} fontWeight={800} fill="#9333ea">
          {T.urn[lang]}
        </text>
        <text x={178} y={240} textAnchor="middle" fontSize={12.5} fill="var(--muted)">
          {T.other[lang]}
        </text>
        <line x1={352} y1={20} x2={352} y2={250} stroke="var(--line)" strokeDasharray="4 4" />
        <text x={386} y={30} textAnchor="middle" fontSize={11.5} fill="var(--muted)">
          {T.outside[lang]}
        </text>
        <rect x={356} y={70} width={60} height={44} rx={6} fill={hi('relative') ? 'color-mix(in srgb, var(--timer) 30%, transparent)' : 'transparent'} stroke="var(--line-strong)" />
        <text x={386} y={128} textAnchor="middle" fontSize={11} fill="var(--muted)">
          {lang === 'ko' ? '상대 참조' : 'relative'}
        </text>
        <rect x={356} y={162} width={60} height={44} rx={6} fill={hi('invalid') ? 'color-mix(in srgb, var(--lost) 30%, transparent)' : 'transparent'} stroke="var(--line-strong)" />
        <text x={386} y={220} textAnchor="middle" fontSize={11} fill="var(--muted)">
          {lang === 'ko' ? '잘못됨' : 'invalid'}
        </text>
        {spot && (
          <g className="venn-marker" transform={`translate(${spot.x} ${spot.y})`}>
            <title>{e.marker}</title>
            <circle r={9} fill="var(--focus)" stroke="var(--bg-elev)" strokeWidth={3} />
          </g>
        )}
      </svg>
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
