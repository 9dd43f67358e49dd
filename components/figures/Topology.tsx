'use client';

import { m } from 'framer-motion';
import type { LinkEntity, NodeEntity, PacketEntity, Scene } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { lerp } from './geometry';
import { useTransition } from './motion';

const W = 1000;
const H = 560;
const px = (n: NodeEntity) => ({ x: (n.x / 100) * W, y: (n.y / 100) * H, w: (n.w / 100) * W, h: (n.h / 100) * H });
const center = (n: NodeEntity) => {
  const r = px(n);
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
};

/** Boxes (hosts, processes, sockets), links, and packets moving between them, drawn from one scene. */
export default function Topology({ scene, lang, onInspect }: { scene: Scene; lang: Lang; onInspect?: (id: string) => void }) {
  const ease = useTransition();
  const ents = Object.values(scene.entities);
  const nodes = ents.filter((e): e is NodeEntity => e.kind === 'node');
  const links = ents.filter((e): e is LinkEntity => e.kind === 'link');
  const packets = ents.filter((e): e is PacketEntity => e.kind === 'packet');
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depth = (n: NodeEntity): number => (n.parent && byId.get(n.parent) ? 1 + depth(byId.get(n.parent)!) : 0);
  const ordered = [...nodes].sort((a, b) => depth(a) - depth(b));
  return (
    <div className="topo-wrap">
      <svg className="topo" viewBox={`0 0 ${W} ${H}`} role="group" aria-labelledby="topo-title">
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
              {l.label && (
                <text x={(p.x + q.x) / 2} y={(p.y + q.y) / 2 - 6} textAnchor="middle">
                  {l.label[lang]}
                </text>
              )}
            </g>
          );
        })}
        {ordered.map((n) => {
          const r = px(n);
          const nested = ordered.some((o) => o.parent === n.id);
          return (
            <m.g key={n.id} className={`node node-${n.role}${n.highlight ? ' node-hi' : ''}`} initial={{ opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
              <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={n.role === 'socket' || n.role === 'listen-socket' ? 6 : 12} />
              <text x={r.x + (nested ? 12 : r.w / 2)} y={r.y + (nested ? 22 : r.h / 2 + (n.sublabel ? -3 : 6))} textAnchor={nested ? 'start' : 'middle'} className="node-label">
                {n.label[lang]}
              </text>
              {n.sublabel && (
                <text x={r.x + (nested ? 12 : r.w / 2)} y={r.y + (nested ? 40 : r.h / 2 + 16)} textAnchor={nested ? 'start' : 'middle'} className="node-sub">
                  {n.sublabel}
                </text>
              )}
            </m.g>
          );
        })}
        {packets.map((p) => {
          const a = byId.get(p.from);
          const b = byId.get(p.to);
          if (!a || !b) return null;
          const s = center(a);
          const e = center(b);
          const k = p.status === 'lost' ? 0.5 : p.progress;
          const at = { x: lerp(s.x, e.x, k), y: lerp(s.y, e.y, k) };
          const width = Math.max(60, p.label.length * 8.4 + 16);
          return (
            <m.g
              key={p.id}
              className={`pkt pkt-${p.tone ?? 'data'} pkt-${p.status}`}
              data-pkt={p.id}
              initial={{ x: s.x, y: s.y, opacity: 0 }}
              animate={{ x: at.x, y: at.y, opacity: 1 }}
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
              <rect x={-width / 2} y={-13} width={width} height={26} rx={7} />
              <text textAnchor="middle" y={5}>
                {p.label}
              </text>
              {p.status === 'lost' && (
                <text className="lost-x" textAnchor="middle" y={-18}>
                  ✕
                </text>
              )}
            </m.g>
          );
        })}
      </svg>
    </div>
  );
}
