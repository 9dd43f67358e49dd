'use client';

import { m } from 'framer-motion';
import type { FsmEntity } from '@/simulations/core/timeline';
import { useTransition } from './motion';
import { roleOf, type PanelProps } from './types';
import { TCP_STATES, type TcpState } from '@/simulations/tcp/edges';

/** Where each state sits in the figure (after RFC 9293 Figure 5), in a 3-column grid. */
const POS: Record<TcpState, [number, number]> = {
  CLOSED: [1, 0],
  LISTEN: [1, 1],
  'SYN-RECEIVED': [0, 2],
  'SYN-SENT': [2, 2],
  ESTABLISHED: [1, 3],
  'FIN-WAIT-1': [0, 4],
  'CLOSE-WAIT': [2, 4],
  'FIN-WAIT-2': [0, 5],
  CLOSING: [1, 5],
  'LAST-ACK': [2, 5],
  'TIME-WAIT': [1, 6],
};
const W = 440;
const BW = 128;
const BH = 34;
const col = (c: number) => 70 + c * 150;
const row = (r: number) => 30 + r * 62;
const center = (s: TcpState) => ({ x: col(POS[s][0]), y: row(POS[s][1]) });

/** Point where the segment from a to b leaves a's box. */
function edge(a: { x: number; y: number }, b: { x: number; y: number }) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const k = Math.min(Math.abs(dx) > 0 ? BW / 2 / Math.abs(dx) : Infinity, Math.abs(dy) > 0 ? BH / 2 / Math.abs(dy) : Infinity);
  return { x: a.x + dx * k, y: a.y + dy * k };
}

/**
 * The RFC 9293 state diagram, lighting each actor's state and the transition just taken.
 * Its edges are the engine's own transition table (`TCP_TRANSITIONS`, the list the state
 * machine is held to), as the entity carries it; only the placement of the states lives here.
 */
export default function TcpStateFigure({ entities, scene, lang }: PanelProps) {
  const fsm = entities[0] as FsmEntity;
  // Colours come from each actor's role in the scene, never from its id.
  const role = (actor: string) => roleOf(scene, actor);
  const ease = useTransition();
  const H = row(6) + 30;
  const lit = new Map(fsm.transitions.map((tr) => [`${tr.from}>${tr.to}`, tr]));
  const activeOf = (s: TcpState) => fsm.active.filter((a) => a.state === s).map((a) => a.actor);
  const caption = fsm.transitions.map((tr) => `${tr.actor}: ${tr.from} → ${tr.to}`).join('; ');
  return (
    <figure className="fsm">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={lang === 'ko' ? `TCP 상태 다이어그램. ${caption}` : `TCP state diagram. ${caption}`}>
        <defs>
          <marker id="fsm-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0 0L10 5L0 10z" className="fsm-arrowhead" />
          </marker>
        </defs>
        {fsm.edges.map((tr) => {
          const a = center(tr.from as TcpState);
          const b = center(tr.to as TcpState);
          // TIME-WAIT → CLOSED goes round the left side instead of through the figure.
          const p0 = edge(a, b);
          const p1 = edge(b, a);
          const on = lit.get(`${tr.from}>${tr.to}`);
          const d =
            tr.from === 'TIME-WAIT' && tr.to === 'CLOSED'
              ? `M${a.x - BW / 2} ${a.y} H 8 V ${b.y} H ${b.x - BW / 2}`
              : `M${p0.x} ${p0.y} L${p1.x} ${p1.y}`;
          return (
            <path key={`${tr.from}>${tr.to}`} d={d} className={`fsm-edge${on ? ` lit role-${role(on.actor)}` : ''}`} data-lit={on?.actor} markerEnd="url(#fsm-arrow)">
              <title>{`${tr.from} → ${tr.to}: ${tr.label[lang]}`}</title>
            </path>
          );
        })}
        {TCP_STATES.map((s) => {
          const c = center(s);
          const who = activeOf(s);
          return (
            <g key={s} className={`fsm-state${who.length ? ` active role-${who.length > 1 ? 'many' : role(who[0])}` : ''}`} data-at={who.length ? who.join(' ') : undefined} transform={`translate(${c.x}, ${c.y})`}>
              <rect x={-BW / 2} y={-BH / 2} width={BW} height={BH} rx={8} />
              <text textAnchor="middle" y={5}>
                {s}
              </text>
              {who.map((w, i) => (
                <m.circle key={w} className={`fsm-dot role-${role(w)}`} r={7} initial={false} animate={{ cx: -BW / 2 + 2 + i * 16, cy: -BH / 2 + 2 }} transition={ease} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {fsm.transitions.length > 0
          ? fsm.transitions.map((tr) => (
              <span key={`${tr.actor}${tr.from}`} className={`fsm-cap role-${role(tr.actor)}`}>
                {tr.from} → {tr.to}: {tr.label[lang]}
              </span>
            ))
          : <span className="fsm-cap">{lang === 'ko' ? '이 단계에서는 상태 변화가 없습니다.' : 'No state change at this step.'}</span>}
      </figcaption>
    </figure>
  );
}
