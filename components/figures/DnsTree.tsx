'use client';

import { m } from 'framer-motion';
import { entitiesOf } from '@/simulations/core/entities';
import type { DnsTreeEntity, DnsTreeNode } from '@/simulations/figures/dns-tree';
import { useTransition } from './motion';
import type { StageProps } from './types';

/** Zone tints, by zone order; drawn at low opacity so that they read in light and dark themes. */
const TINTS = ['#64748b', '#2563eb', '#d97706', '#059669', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4f46e5'];
const CH = 8.4; // advance of one mono character at 14 units (generous)
const LABEL_MAX = 14; // characters of a node label before it is shortened (DX 140 leaves room for ~15)
const STRIP_CH = 10.5; // mono character at 17.5 units
const STRIP_MAX = 24;

const cut = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** The typed name as label boxes, left to right as written, wrapped to `width`. */
function stripLayout(e: DnsTreeEntity, width: number) {
  const items = [...e.name.labels.map((l, i) => ({ kind: 'label' as const, i, text: cut(l.text, STRIP_MAX), full: l.text, state: l.state })), { kind: 'root' as const, i: -1, text: e.name.fqdn ? '.' : '(.)', full: '.', state: 'read' as const }];
  let x = 20;
  let row = 0;
  return items.map((it) => {
    const w = Math.max(30, it.text.length * STRIP_CH + 16);
    if (x + w > width - 20 && x > 20) {
      x = 20;
      row += 1;
    }
    const box = { ...it, x, row, w };
    x += w + 14;
    return box;
  });
}

export default function DnsTree({ scene, lang }: StageProps) {
  const ease = useTransition();
  const e = entitiesOf(scene, 'dns-tree')[0];
  if (!e) return null;
  const W = Math.max(e.width, 640);
  const dx = (W - e.width) / 2;
  const strip = stripLayout(e, W);
  const rows = strip.length ? Math.max(...strip.map((s) => s.row)) + 1 : 1;
  const top = 20 + rows * 44 + 30;
  const litZones = e.zones.filter((z) => z.lit);
  const legendH = litZones.length ? 40 : 0;
  const byId = new Map(e.nodes.map((n) => [n.id, n]));
  const shown = (id: string) => byId.get(id)?.shown ?? false;
  // CNAME arrows curve below both ends: y of the curve's lowest point (a quadratic's midpoint), and room for its label.
  const curves = e.aliases
    .filter((a) => shown(a.from) && shown(a.to))
    .map((a) => {
      const p = byId.get(a.from)!;
      const q = byId.get(a.to)!;
      const c = Math.max(p.y, q.y) + 70;
      return { a, bottom: top + 0.25 * (p.y + 40) + 0.5 * (c + 40) + 0.25 * (q.y + 40) };
    });
  const treeBottom = Math.max(top + e.height, ...curves.map((c) => c.bottom + 26));
  const H = treeBottom + legendH;
  const tint = (apex: string) => TINTS[e.zones.findIndex((z) => z.apex === apex) % TINTS.length];
  const at = (n: DnsTreeNode) => ({ x: n.x + dx, y: n.y + top });
  const title = lang === 'ko' ? `DNS 이름공간 트리${e.name.ok ? '' : ' (입력한 이름은 올바르지 않음)'}` : `The DNS namespace tree${e.name.ok ? '' : ' (the typed name is not valid)'}`;

  return (
    <svg className="dns-tree" viewBox={`0 0 ${Math.round(W)} ${Math.round(H)}`} role="img" aria-labelledby="dns-tree-title">
      <title id="dns-tree-title">{title}</title>
      <g className="dns-name" aria-hidden="true">
        {strip.map((s) => {
          const y = 20 + s.row * 44;
          const stroke = s.state === 'bad' ? 'var(--lost)' : s.state === 'current' ? 'var(--accent)' : 'var(--line-strong)';
          const fill = s.state === 'bad' ? 'color-mix(in srgb, var(--lost) 14%, transparent)' : s.state === 'current' ? 'var(--accent)' : s.state === 'read' ? 'color-mix(in srgb, var(--accent) 14%, transparent)' : 'transparent';
          return (
            <g key={`${s.kind}${s.i}`} className={`dns-label dns-label-${s.state}`} data-label={s.i}>
              {s.text !== s.full && <title>{s.full}</title>}
              <rect x={s.x} y={y} width={s.w} height={34} rx={6} fill={fill} stroke={stroke} strokeWidth={s.state === 'bad' || s.state === 'current' ? 2.5 : 1.2} strokeDasharray={s.kind === 'root' ? '4 3' : undefined} />
              <text x={s.x + s.w / 2} y={y + 23} textAnchor="middle" fontFamily="var(--mono)" fontSize={17.5} fontWeight={700} fill={s.state === 'current' ? 'var(--accent-fg)' : 'var(--fg)'}>
                {s.text}
              </text>
            </g>
          );
        })}
        <text x={20} y={20 + rows * 44 + 14} fontSize={14} fill="var(--muted)">
          {lang === 'ko' ? '← 오른쪽(루트)에서 왼쪽으로 한 레이블씩 읽습니다' : '← read right (the root) to left, one label at a time'}
        </text>
      </g>
      <g className="dns-zones">
        {e.zones.map((z) => {
          const ids = z.nodes.filter(shown);
          if (!ids.length) return null;
          const color = tint(z.apex);
          return (
            <m.g key={z.apex} className={`dns-zone${z.lit ? ' dns-zone-lit' : ''}`} data-zone={z.apex} animate={{ opacity: z.lit ? 0.34 : 0.13 }} initial={false} transition={ease}>
              <title>{lang === 'ko' ? `${z.apex} 존` : `zone ${z.apex}`}</title>
              {ids.map((id) => {
                const n = byId.get(id)!;
                const p = at(n);
                const parent = e.edges.find((x) => x.to === id);
                const q = parent && z.nodes.includes(parent.from) && shown(parent.from) ? at(byId.get(parent.from)!) : null;
                return (
                  <g key={id}>
                    <circle cx={p.x} cy={p.y} r={34} fill={color} />
                    {q && <line x1={q.x} y1={q.y} x2={p.x} y2={p.y} stroke={color} strokeWidth={68} strokeLinecap="round" />}
                  </g>
                );
              })}
            </m.g>
          );
        })}
      </g>
      <g className="dns-edges">
        {e.edges.map((x) => {
          if (!shown(x.to) || !shown(x.from)) return null;
          const a = at(byId.get(x.from)!);
          const b = at(byId.get(x.to)!);
          return (
            <g key={x.to} className={`dns-edge${x.lit ? ' dns-edge-lit' : ''}${x.cut ? ' dns-cut' : ''}`}>
              <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={x.lit ? 'var(--accent)' : 'var(--line-strong)'} strokeWidth={x.lit ? 4 : 1.6} strokeDasharray={x.cut ? '7 5' : undefined} />
              {x.cut && (
                // The NS badge sits nearer the child, clear of the parent's label lines.
                <g transform={`translate(${a.x + (b.x - a.x) * 0.62} ${a.y + (b.y - a.y) * 0.62})`}>
                  <title>{lang === 'ko' ? `위임: ${x.from} 존이 ${x.to} 존을 NS 레코드로 위임` : `delegation: zone ${x.from} delegates zone ${x.to} with NS records`}</title>
                  <rect x={-13} y={-9} width={26} height={18} rx={4} fill="var(--bg-elev)" stroke="var(--line-strong)" />
                  <text y={5} textAnchor="middle" fontSize={11.5} fontWeight={700} fill="var(--muted)">
                    NS
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </g>
      <defs>
        <marker id="dns-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" fill="var(--timer)" />
        </marker>
      </defs>
      {curves.map(({ a, bottom }) => {
        const p = at(byId.get(a.from)!);
        const q = at(byId.get(a.to)!);
        const mx = (p.x + q.x) / 2;
        const my = Math.max(p.y, q.y) + 70;
        return (
          <g key={`${a.from}>${a.to}`} className={`dns-alias${a.lit ? ' dns-alias-lit' : ''}`} opacity={a.lit ? 1 : 0.45}>
            <title>{`${a.from} CNAME ${a.to}`}</title>
            <path d={`M${p.x} ${p.y + 40} Q${mx} ${my + 40} ${q.x} ${q.y + 40}`} fill="none" stroke="var(--timer)" strokeWidth={a.lit ? 3 : 1.6} strokeDasharray="6 4" markerEnd="url(#dns-arrow)" />
            <text x={mx} y={bottom + 20} textAnchor="middle" fontSize={13} fontWeight={700} fill="var(--timer)">
              CNAME
            </text>
          </g>
        );
      })}
      <g className="dns-nodes">
        {e.nodes.map((n) => {
          const p = at(n);
          const label = n.depth === 0 ? '.' : n.unicode ?? n.label;
          const sub = n.unicode ? n.label : null;
          const short = cut(label, LABEL_MAX);
          // A node added for the typed name is drawn from the step that reads its label (and fades in then).
          if (!n.shown) return null;
          return (
            <m.g
              key={n.id}
              className={`dns-node dns-node-${n.lit}${n.added ? ' dns-node-added' : ''}`}
              data-node={n.id}
              initial={n.added ? { opacity: 0 } : false}
              animate={{ opacity: 1 }}
              transition={ease}
            >
              <title>{n.id}</title>
              <circle
                cx={p.x}
                cy={p.y}
                r={n.depth === 0 ? 13 : 10}
                fill={n.lit === 'none' ? 'var(--bg-elev)' : 'var(--accent)'}
                stroke={n.lit === 'current' ? 'var(--focus)' : n.lit === 'path' ? 'var(--accent)' : 'var(--line-strong)'}
                strokeWidth={n.lit === 'current' ? 4 : 2}
                strokeDasharray={n.added ? '4 3' : undefined}
              />
              <text x={p.x} y={p.y + 30} textAnchor="middle" fontFamily="var(--mono)" fontSize={14} fontWeight={n.lit === 'none' ? 400 : 700} fill="var(--fg)" style={{ paintOrder: 'stroke', stroke: 'var(--bg)', strokeWidth: 4 }}>
                {short}
              </text>
              {sub && (
                <text x={p.x} y={p.y + 47} textAnchor="middle" fontFamily="var(--mono)" fontSize={12} fill="var(--muted)" style={{ paintOrder: 'stroke', stroke: 'var(--bg)', strokeWidth: 4 }}>
                  {cut(sub, Math.floor((140 - 8) / (CH * 0.86)))}
                </text>
              )}
            </m.g>
          );
        })}
      </g>
      {litZones.length > 0 && (
        <g className="dns-legend" transform={`translate(20 ${H - legendH + 10})`}>
          {litZones.map((z, i) => (
            <g key={z.apex} transform={`translate(${i * 200} 0)`}>
              <rect width={18} height={18} rx={4} fill={tint(z.apex)} opacity={0.5} />
              <text x={26} y={14} fontSize={14} fill="var(--fg)">
                {lang === 'ko' ? `${cut(z.apex, 18)} 존` : `zone ${cut(z.apex, 18)}`}
              </text>
            </g>
          ))}
        </g>
      )}
    </svg>
  );
}
