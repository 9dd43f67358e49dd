'use client';

import { m } from 'framer-motion';
import { useRef } from 'react';
import { entitiesOf } from '@/simulations/core/entities';
import type { DnsTreeEntity, DnsTreeNode } from '@/simulations/figures/dns-tree';
import { fitEnd, fitMiddle, useMeasure, type Font, type Measure } from './measure';
import { useSettling, useTransition } from './motion';
import { PAN, fullScreenZoom, sized } from './pan';
import { useBox } from './useWidth';
import type { StageProps } from './types';

/** Zone tints, by zone order; drawn at low opacity so that they read in light and dark themes. */
const TINTS = ['#64748b', '#2563eb', '#d97706', '#059669', '#9333ea', '#db2777', '#0891b2', '#65a30d', '#dc2626', '#4f46e5'];
/** Sibling spacing of the engine's layout (simulations/topics/dns/tree.ts, DX). */
const SPACING = 140;
/** Narrower boxes first squeeze the tree sideways down to this share, then pan (type stays 1:1). */
const SQUEEZE = 0.8;
const FONT = {
  strip: { size: 17.5, weight: 700, mono: true },
  hint: { size: 14, weight: 400 },
  node: { size: 14, weight: 400, mono: true },
  nodeLit: { size: 14, weight: 700, mono: true },
  sub: { size: 13.5, weight: 400, mono: true },
  badge: { size: 13.5, weight: 700 },
  alias: { size: 13, weight: 700 },
  legend: { size: 14, weight: 400 },
} satisfies Record<string, Font>;
/** Full screen: the least fraction of their distance the tree's levels may be brought together (a level 96 units apart keeps 70: a node's name, its address and an NS badge). */
const FY_LEAST = 0.72;
const fs = (f: Font) => ({ fontSize: f.size, fontWeight: f.weight, fontFamily: f.mono ? 'var(--mono)' : undefined });

/** The typed name as label boxes, left to right as written, wrapped to `width`. */
function stripLayout(e: DnsTreeEntity, width: number, measure: Measure) {
  const items = [
    ...e.name.labels.map((l, i) => ({ kind: 'label' as const, i, text: fitEnd(l.text, width - 72, FONT.strip, measure), full: l.text, state: l.state })),
    { kind: 'root' as const, i: -1, text: e.name.fqdn ? '.' : '(.)', full: '.', state: 'read' as const },
  ];
  let x = 20;
  let row = 0;
  return items.map((it) => {
    const w = Math.max(30, Math.ceil(measure(it.text, FONT.strip).w) + 16);
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
  const ref = useRef<HTMLDivElement>(null);
  const box = useBox(ref, 900);
  const measure = useMeasure(ref);
  // Only steps animate: first drawn, text measured or box resized, things go straight to their place.
  const settling = useSettling(measure, box);
  const ease = useTransition(settling);
  const e = entitiesOf(scene, 'dns-tree')[0];
  if (!e) return <div ref={ref} />;
  // The type never shrinks below 1:1: a narrower box squeezes the tree sideways a little, then pans.
  const fx = Math.min(1, Math.max(SQUEEZE, box.width / Math.max(e.width, 640)));
  const treeW = Math.round(e.width * fx);
  const W = Math.max(treeW, 640);
  const dx = (W - treeW) / 2;
  const strip = stripLayout(e, W, measure);
  const rows = strip.length ? Math.max(...strip.map((s) => s.row)) + 1 : 1;
  const top = 20 + rows * 44 + 30;
  const litZones = e.zones.filter((z) => z.lit);
  // Zone legend: as many per row as fit the width.
  const legend: { apex: string; text: string; x: number; w: number; row: number }[] = [];
  for (const z of litZones) {
    const text = fitEnd(lang === 'ko' ? `${z.apex} 존` : `zone ${z.apex}`, W - 66, FONT.legend, measure);
    const w = 26 + measure(text, FONT.legend).w + 24;
    const last = legend[legend.length - 1];
    let x = last ? last.x + last.w : 20;
    let row = last ? last.row : 0;
    if (x + w > W - 20 && x > 20) {
      x = 20;
      row += 1;
    }
    legend.push({ apex: z.apex, text, x, w, row });
  }
  // The legend goes in the top right corner, beside the name and its hint, when it fits there in
  // one row (the tree gets its height: a full-screen stage is short); else under the tree.
  const hint = fitEnd(lang === 'ko' ? '← 오른쪽(루트)에서 왼쪽으로 한 레이블씩 읽습니다' : '← read right (the root) to left, one label at a time', W - 40, FONT.hint, measure);
  const used = Math.max(20 + measure(hint, FONT.hint).w, ...strip.map((s) => s.x + s.w));
  const legendW = legend.reduce((a, z) => a + z.w, 0) - 24;
  const corner = legend.length > 0 && used + 32 + legendW <= W - 20;
  if (corner) {
    let x = W - 20 - legendW;
    for (const z of legend) {
      z.x = x;
      z.row = 0;
      x += z.w;
    }
  }
  const legendH = legend.length && !corner ? 14 + (legend[legend.length - 1].row + 1) * 26 : 0;
  const byId = new Map(e.nodes.map((n) => [n.id, n]));
  const shown = (id: string) => byId.get(id)?.shown ?? false;
  // The levels' y, `fy` times their distance from the root's (full screen may bring them closer).
  const y0 = Math.min(...e.nodes.map((n) => n.y));
  const deepest = Math.max(...e.nodes.map((n) => n.y));
  const levelY = (y: number, fy: number) => y0 + (y - y0) * fy;
  // CNAME arrows curve below both ends: y of the curve's lowest point (a quadratic's midpoint), and room for its label.
  const curvesAt = (fy: number) =>
    e.aliases
      .filter((a) => shown(a.from) && shown(a.to))
      .map((a) => {
        const py = levelY(byId.get(a.from)!.y, fy);
        const qy = levelY(byId.get(a.to)!.y, fy);
        const c = Math.max(py, qy) + 70;
        return { a, bottom: top + 0.25 * (py + 40) + 0.5 * (c + 40) + 0.25 * (qy + 40) };
      });
  const heightAt = (fy: number) => Math.max(top + levelY(deepest, fy) + (e.height - deepest), ...curvesAt(fy).map((c) => c.bottom + 26)) + legendH;
  // Zoom: at least 1:1, up to 1.4. In full screen the whole tree stays on the stage (a clicker
  // cannot scroll): it fills the stage's width or height, whichever comes first, up to 1.8, and
  // goes under 1:1 only for a tree taller than the stage, down to 12 px type. A stage too short
  // even then (1366×768 with a notice) brings the levels closer, to FY_LEAST of their distance.
  const smallest = Math.min(...Object.values(FONT).map((f) => f.size));
  const zoomAt = (fy: number) => (box.full && box.height > 0 ? fullScreenZoom(1.8, [box.width / W, box.height / heightAt(fy)], smallest) : Math.max(1, Math.min(1.4, box.width / W)));
  let fy = 1;
  if (box.full && box.height > 0) while (fy > FY_LEAST && zoomAt(fy) * heightAt(fy) > box.height + 0.5) fy = Math.max(FY_LEAST, Math.round((fy - 0.02) * 100) / 100);
  const zoom = zoomAt(fy);
  const curves = curvesAt(fy);
  const H = heightAt(fy);
  const tint = (apex: string) => TINTS[e.zones.findIndex((z) => z.apex === apex) % TINTS.length];
  const at = (n: DnsTreeNode) => ({ x: n.x * fx + dx, y: levelY(n.y, fy) + top });
  const labelMax = SPACING * fx - 12;
  const badge = measure('NS', FONT.badge);
  const title = lang === 'ko' ? `DNS 이름공간 트리${e.name.ok ? '' : ' (입력한 이름은 올바르지 않음)'}` : `The DNS namespace tree${e.name.ok ? '' : ' (the typed name is not valid)'}`;

  return (
    <div ref={ref} style={PAN}>
      <svg className="dns-tree" viewBox={`0 0 ${Math.round(W)} ${Math.round(H)}`} style={sized(W * zoom)} role="img" aria-labelledby="dns-tree-title">
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
                <text x={s.x + s.w / 2} y={y + 23} textAnchor="middle" style={fs(FONT.strip)} fill={s.state === 'current' ? 'var(--accent-fg)' : 'var(--fg)'}>
                  {s.text}
                </text>
              </g>
            );
          })}
          <text x={20} y={20 + rows * 44 + 14} style={fs(FONT.hint)} fill="var(--muted)">
            {hint}
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
                    <rect x={-badge.w / 2 - 5} y={-(badge.asc + badge.desc) / 2 - 1} width={badge.w + 10} height={badge.asc + badge.desc + 2} rx={4} fill="var(--bg-elev)" stroke="var(--line-strong)" />
                    <text y={(badge.asc - badge.desc) / 2} textAnchor="middle" style={fs(FONT.badge)} fill="var(--muted)">
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
              <text x={mx} y={bottom + 20} textAnchor="middle" style={fs(FONT.alias)} fill="var(--timer)">
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
            const font = n.lit === 'none' ? FONT.node : FONT.nodeLit;
            const short = fitEnd(label, labelMax, font, measure);
            // A node added for the typed name is drawn from the step that reads its label (and fades in then).
            if (!n.shown) return null;
            return (
              <m.g
                key={n.id}
                className={`dns-node dns-node-${n.lit}${n.added ? ' dns-node-added' : ''}`}
                data-node={n.id}
                initial={n.added && !settling ? { opacity: 0 } : false}
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
                {short !== label && <title>{label}</title>}
                <text x={p.x} y={p.y + 30} textAnchor="middle" fill="var(--fg)" style={{ ...fs(font), paintOrder: 'stroke', stroke: 'var(--bg)', strokeWidth: 4 }}>
                  {short}
                </text>
                {sub && (
                  <text x={p.x} y={p.y + 47} textAnchor="middle" fill="var(--muted)" style={{ ...fs(FONT.sub), paintOrder: 'stroke', stroke: 'var(--bg)', strokeWidth: 4 }}>
                    {fitMiddle(sub, labelMax, FONT.sub, measure)}
                  </text>
                )}
              </m.g>
            );
          })}
        </g>
        {legend.length > 0 && (
          <g className="dns-legend" transform={`translate(0 ${corner ? 28 : H - legendH + 10})`}>
            {legend.map((z) => (
              <g key={z.apex} transform={`translate(${z.x} ${z.row * 26})`}>
                <rect width={18} height={18} rx={4} fill={tint(z.apex)} opacity={0.5} />
                <text x={26} y={14} style={fs(FONT.legend)} fill="var(--fg)">
                  {z.text}
                </text>
              </g>
            ))}
          </g>
        )}
      </svg>
    </div>
  );
}
