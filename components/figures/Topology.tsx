'use client';

import { m } from 'framer-motion';
import { useRef } from 'react';
import { entitiesOf } from '@/simulations/core/entities';
import type { NodeEntity } from '@/simulations/core/timeline';
import { lerp } from './geometry';
import { fullScreenZoom } from './pan';
import { fitEnd, fitMiddle, useMeasure, type Font, type Measure } from './measure';
import { Placer, textBox } from './place';
import { useSettling, useTransition } from './motion';
import { useBox } from './useWidth';
import type { StageProps } from './types';

/**
 * Drawing width (units) at 1:1; narrower boxes pan, wider ones zoom in. Node positions are
 * percent of a stage 0.56 of the width high; the viewBox is cut to the rows the nodes use.
 */
const BASE = 1000;
const MIN_W = 860;
const F = {
  label: { size: 17, weight: 700 },
  small: { size: 14.5, weight: 700 },
  sub: { size: 13.5, weight: 400, mono: true },
  pkt: { size: 14, weight: 700, mono: true },
  link: { size: 14, weight: 400 },
} satisfies Record<string, Font>;
const fs = (f: Font) => ({ fontSize: f.size, fontWeight: f.weight });

/** A packet's colour by its tone, from the theme's palette (light and dark). */
const TONE: Record<string, string> = { tcp: 'var(--client)', data: 'var(--client)', udp: 'var(--timer)', ack: 'var(--server)', stale: 'var(--lost)' };

/** The largest size (down to 13) at which `text` fits `max`, or 13 and shortened. */
function fitted(text: string, max: number, font: Font, measure: Measure, middle = false): { text: string; font: Font } {
  for (let size = font.size; size >= 13; size -= 0.5) {
    const f = { ...font, size };
    if (measure(text, f).w <= max) return { text, font: f };
  }
  const f = { ...font, size: 13 };
  return { text: (middle ? fitMiddle : fitEnd)(text, max, f, measure), font: f };
}

/** Boxes (hosts, processes, sockets), links, and packets moving between them, drawn from one scene. */
export default function Topology({ scene, lang, onInspect }: StageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useBox(ref, BASE);
  const measure = useMeasure(ref);
  // Only steps animate: first drawn, text measured or box resized, things go straight to their place.
  const settling = useSettling(measure, box);
  const ease = useTransition(settling);
  // In full screen the drawing never pans (a clicker cannot scroll): a stage narrower than the
  // drawing's least width zooms it out, as far as its smallest type (13.5) stays 12 px.
  const fit = Math.min(2.2, Math.max(1, box.width / BASE));
  const zoom = box.full ? fullScreenZoom(fit, [box.width / MIN_W], F.sub.size) : fit;
  const W = Math.max(MIN_W, Math.floor(box.width / zoom));
  const H = Math.round(W * 0.56);
  const nodes = entitiesOf(scene, 'node');
  // The rows the nodes use (and a margin): no empty band above or below them.
  const y0 = nodes.length ? Math.max(0, Math.floor(Math.min(...nodes.map((n) => (n.y / 100) * H)) - 14)) : 0;
  const y1 = nodes.length ? Math.min(H, Math.ceil(Math.max(...nodes.map((n) => ((n.y + n.h) / 100) * H)) + 14)) : H;
  const links = entitiesOf(scene, 'link');
  const packets = entitiesOf(scene, 'packet');
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const px = (n: NodeEntity) => ({ x: (n.x / 100) * W, y: (n.y / 100) * H, w: (n.w / 100) * W, h: (n.h / 100) * H });
  const center = (n: NodeEntity) => {
    const r = px(n);
    return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
  };
  const depth = (n: NodeEntity): number => (n.parent && byId.get(n.parent) ? 1 + depth(byId.get(n.parent)!) : 0);
  const ordered = [...nodes].sort((a, b) => depth(a) - depth(b));
  const placer = new Placer({ l: 1, t: y0 + 1, r: W - 1, b: y1 - 1 }, 3);

  // Node texts: inside their box, shrunk to fit (never below 13 units), then shortened; a sublabel with no room is left to the tooltip.
  const texts = new Map(
    ordered.map((n) => {
      const r = px(n);
      const nested = ordered.some((o) => o.parent === n.id);
      const small = n.role === 'socket' || n.role === 'listen-socket';
      const pad = nested ? 12 : 8;
      const lab = fitted(n.label[lang], r.w - 2 * pad, small ? F.small : F.label, measure);
      const lm = measure(lab.text, lab.font);
      const sub = n.sublabel ? fitted(n.sublabel, r.w - 2 * pad, F.sub, measure, true) : undefined;
      const sm = sub ? measure(sub.text, sub.font) : undefined;
      const two = sm && sub!.text && lm.asc + lm.desc + sm.asc + sm.desc + 4 <= r.h;
      const h = lm.asc + lm.desc + (two ? sm!.asc + sm!.desc : 0);
      const top = nested ? r.y + 6 : r.y + (r.h - h) / 2;
      const x = r.x + (nested ? pad : r.w / 2);
      const anchor = nested ? ('start' as const) : ('middle' as const);
      const ly = top + lm.asc;
      const sy = two ? ly + lm.desc + sm!.asc : 0;
      placer.take(textBox(x, ly, lm.w, lm.asc, lm.desc, anchor));
      if (two) placer.take(textBox(x, sy, sm!.w, sm!.asc, sm!.desc, anchor));
      return [n.id, { x, anchor, label: { ...lab, y: ly }, sub: two ? { ...sub!, y: sy } : undefined, cut: lab.text !== n.label[lang] || (n.sublabel && (!two || sub!.text !== n.sublabel)) }] as const;
    }),
  );

  // Packets: a chip at their place on the way, its text measured; one that would cover a text
  // moves along its path (then to either side of it), shortens its text, and at last shows as a
  // bare dot. Lost packets keep room for the cross drawn above them.
  const pkts = packets.map((p) => {
    const a = byId.get(p.from);
    const b = byId.get(p.to);
    if (!a || !b) return null;
    const s = center(a);
    const e = center(b);
    const k0 = p.status === 'lost' ? 0.5 : p.progress;
    const ks = [0, -0.08, 0.08, -0.16, 0.16, -0.24, 0.24, -0.32, 0.32].map((d) => k0 + d).filter((k) => k >= 0.04 && k <= 0.96);
    const len = Math.hypot(e.x - s.x, e.y - s.y) || 1;
    const nx = -(e.y - s.y) / len;
    const ny = (e.x - s.x) / len;
    const full = p.chip ?? p.label;
    const spotFor = (w: number, h: number, extra: number) =>
      placer.first(
        [0, 1, -1].flatMap((side) =>
          ks.map((k) => {
            const off = side * (h / 2 + 6);
            const x = lerp(s.x, e.x, k) + nx * off;
            const y = lerp(s.y, e.y, k) + ny * off;
            return { x, y, box: { l: x - w / 2, t: y - h / 2 - extra, r: x + w / 2, b: y + h / 2 } };
          }),
        ),
      );
    const extra = p.status === 'lost' ? 18 : 0;
    for (const max of [260, 150, 90]) {
      const text = fitEnd(full, max, F.pkt, measure);
      if (!text || (text !== full && [...text].length < 4)) continue;
      const tm = measure(text, F.pkt);
      const w = Math.ceil(tm.w + 16);
      const h = Math.ceil(tm.asc + tm.desc + 6);
      const spot = spotFor(w, h, extra);
      if (spot) return { p, s, x: spot.x, y: spot.y, w, h, text, base: h / 2 - tm.desc - 3 };
    }
    const spot = spotFor(16, 16, extra) ?? { x: lerp(s.x, e.x, k0), y: lerp(s.y, e.y, k0) };
    return { p, s, x: spot.x, y: spot.y, w: 16, h: 16, text: '', base: 0 };
  });

  return (
    <div ref={ref} className="topo-wrap">
      <svg className="topo" viewBox={`0 ${y0} ${W} ${y1 - y0}`} style={{ minWidth: W * zoom > box.width + 1 ? `${Math.round(W * zoom)}px` : undefined }} role="group" aria-labelledby="topo-title">
        <title id="topo-title">{lang === 'ko' ? '네트워크 구성도' : 'Network diagram'}</title>
        {links.map((l) => {
          const a = byId.get(l.a);
          const b = byId.get(l.b);
          if (!a || !b) return null;
          const p = center(a);
          const q = center(b);
          return (
            <g key={l.id} className={`link${l.highlight ? ' link-hi' : ''}`}>
              <line x1={p.x} y1={p.y} x2={q.x} y2={q.y} />
              {l.label && <title>{l.label[lang]}</title>}
            </g>
          );
        })}
        {ordered.map((n) => {
          const r = px(n);
          const t = texts.get(n.id)!;
          return (
            <m.g key={n.id} className={`node node-${n.role}${n.highlight ? ' node-hi' : ''}`} initial={settling ? false : { opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
              {t.cut && <title>{`${n.label[lang]}${n.sublabel ? ` ${n.sublabel}` : ''}`}</title>}
              <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={n.role === 'socket' || n.role === 'listen-socket' ? 6 : 12} />
              <text x={t.x} y={t.label.y} textAnchor={t.anchor} className="node-label" style={fs(t.label.font)}>
                {t.label.text}
              </text>
              {t.sub && (
                <text x={t.x} y={t.sub.y} textAnchor={t.anchor} className="node-sub" style={fs(t.sub.font)}>
                  {t.sub.text}
                </text>
              )}
            </m.g>
          );
        })}
        {pkts.map((it) => {
          if (!it) return null;
          const { p } = it;
          return (
            <m.g
              key={p.id}
              className={`pkt pkt-${p.tone ?? 'data'} pkt-${p.status}`}
              data-pkt={p.id}
              initial={settling ? false : { x: it.s.x, y: it.s.y, opacity: 0 }}
              animate={{ x: it.x, y: it.y, opacity: 1 }}
              transition={ease}
              {...(onInspect &&
                p.packet && {
                  role: 'button',
                  tabIndex: 0,
                  'aria-label': `${p.label} (${lang === 'ko' ? '패킷 살펴보기' : 'inspect packet'})`,
                  onClick: () => onInspect(p.id),
                  onKeyDown: (ev: React.KeyboardEvent) => {
                    if (ev.key === 'Enter' || ev.key === ' ') {
                      ev.preventDefault();
                      ev.stopPropagation();
                      onInspect(p.id);
                    }
                  },
                })}
            >
              <title>{p.label}</title>
              <rect className="pkt-chip" x={-it.w / 2} y={-it.h / 2} width={it.w} height={it.h} rx={it.h / 2} strokeWidth={2} style={{ fill: `color-mix(in srgb, ${TONE[p.tone ?? 'data']} 16%, var(--bg-elev))`, stroke: TONE[p.tone ?? 'data'] }} />
              {it.text && (
                <text className="pkt-text" textAnchor="middle" y={it.base} style={{ ...fs(F.pkt), fill: 'var(--fg)' }}>
                  {it.text}
                </text>
              )}
              {p.status === 'lost' && <path className="lost-x" d={`M-7 ${-it.h / 2 - 17}l14 14M7 ${-it.h / 2 - 17}l-14 14`} />}
            </m.g>
          );
        })}
      </svg>
    </div>
  );
}

