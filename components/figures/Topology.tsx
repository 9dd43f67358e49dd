'use client';

import { m } from 'framer-motion';
import { useRef } from 'react';
import { entitiesOf } from '@/simulations/core/entities';
import type { NodeEntity } from '@/simulations/core/timeline';
import { lerp } from './geometry';
import { fitEnd, fitMiddle, useMeasure, type Font, type Measure } from './measure';
import { Placer, textBox } from './place';
import { useTransition } from './motion';
import { useBox } from './useWidth';
import type { StageProps } from './types';

/** Drawing width (units) at 1:1; narrower boxes pan, wider ones zoom in. Height is 0.56 of the width. */
const BASE = 1000;
const MIN_W = 860;
const F = {
  label: { size: 17, weight: 700 },
  small: { size: 14.5, weight: 700 },
  sub: { size: 13.5, weight: 400, mono: true },
  pkt: { size: 14, weight: 800, mono: true },
  link: { size: 14, weight: 400 },
} satisfies Record<string, Font>;
const fs = (f: Font) => ({ fontSize: f.size, fontWeight: f.weight });

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
  const ease = useTransition();
  const zoom = Math.min(2.2, Math.max(1, box.width / BASE));
  const W = Math.max(MIN_W, Math.floor(box.width / zoom));
  const H = Math.round(W * 0.56);
  const nodes = entitiesOf(scene, 'node');
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
  const placer = new Placer({ l: 1, t: 1, r: W - 1, b: H - 1 }, 2);

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

  // Packets: at their place on the way; one that would cover another text moves along its path, or drops its chip text.
  const pkts = packets.map((p) => {
    const a = byId.get(p.from);
    const b = byId.get(p.to);
    if (!a || !b) return null;
    const s = center(a);
    const e = center(b);
    const k0 = p.status === 'lost' ? 0.5 : p.progress;
    const text = fitEnd(p.label, 210, F.pkt, measure);
    const tm = measure(text, F.pkt);
    const w = Math.max(60, tm.w + 16);
    const ks = [0, -0.1, 0.1, -0.2, 0.2, -0.3, 0.3].map((d) => k0 + d).filter((k) => k >= 0 && k <= 1);
    const spot =
      placer.first(
        ks.map((k) => {
          const x = lerp(s.x, e.x, k);
          const y = lerp(s.y, e.y, k);
          return { x, y, box: { l: x - w / 2, t: y - 13, r: x + w / 2, b: y + 13 } };
        }),
      ) ?? { x: lerp(s.x, e.x, k0), y: lerp(s.y, e.y, k0), box: null };
    return { p, s, w: spot.box ? w : 24, text: spot.box ? text : '', x: spot.x, y: spot.y };
  });

  return (
    <div ref={ref} className="topo-wrap">
      <svg className="topo" viewBox={`0 0 ${W} ${H}`} style={{ minWidth: W * zoom > box.width + 1 ? `${Math.round(W * zoom)}px` : undefined }} role="group" aria-labelledby="topo-title">
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
            <m.g key={n.id} className={`node node-${n.role}${n.highlight ? ' node-hi' : ''}`} initial={{ opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
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
              initial={{ x: it.s.x, y: it.s.y, opacity: 0 }}
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
              <rect x={-it.w / 2} y={-13} width={it.w} height={26} rx={7} />
              {it.text && (
                <text textAnchor="middle" y={5} style={fs(F.pkt)}>
                  {it.text}
                </text>
              )}
              {p.status === 'lost' && <path className="lost-x" d="M-7 -27l14 14M7 -27l-14 14" />}
            </m.g>
          );
        })}
      </svg>
    </div>
  );
}

