'use client';

import { m } from 'framer-motion';
import type { ActorEntity, MarkEntity, MessageEntity, Scene, TimerEntity, View } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { SEQ, actorX, lerp, rowY, zoomFor } from './geometry';
import { useWidth } from './useWidth';
import { useTransition } from './motion';


/**
 * Lifelines, messages, socket calls, timers and states, drawn from one scene.
 * The view follows the current row; everything animates from the previous scene
 * because entities keep their ids. Text stays at a legible size at any width:
 * the viewBox widens with the container instead of shrinking the type.
 */
export function SequenceDiagram({ scene, view, index, lang, onInspect }: { scene: Scene; view: View; index: number; lang: Lang; onInspect?: (id: string) => void }) {
  const [ref, px] = useWidth<HTMLDivElement>(SEQ.baseWidth);
  const ease = useTransition();
  const W = Math.round(px / zoomFor(px));
  const ents = Object.values(scene.entities);
  const actors = ents.filter((e): e is ActorEntity => e.kind === 'actor');
  const messages = ents.filter((e): e is MessageEntity => e.kind === 'message');
  const marks = ents.filter((e): e is MarkEntity => e.kind === 'mark');
  const timers = ents.filter((e): e is TimerEntity => e.kind === 'timer');
  const rows = view.rows ?? 1;
  const first = Math.max(0, Math.min(index - SEQ.lead, rows - SEQ.visibleRows));
  const bodyH = SEQ.visibleRows * SEQ.row;
  const height = SEQ.header + bodyH + 6;
  const byId = new Map(actors.map((a) => [a.id, a]));
  const xOf = (id: string) => actorX(byId.get(id)?.x ?? 50, W);
  const side = (id: string) => ((byId.get(id)?.x ?? 50) < 50 ? -1 : 1);
  const ticks = view.ticks ?? [];
  // Actor boxes shrink when lifelines are close (narrow screens, four actors).
  const xs = actors.map((a) => xOf(a.id)).sort((p, q) => p - q);
  const minGap = xs.slice(1).reduce((g, x, i) => Math.min(g, x - xs[i]), Infinity);
  const boxW = Math.max(120, Math.min(200, minGap - 16, 2 * (W - Math.max(...xs, 0)) - 8));

  // Per actor and row, one block of text beside the lifeline: calls and app events, the new state, a timer.
  const blocks = new Map<string, { on: string; y: number; lines: { text: string; cls: string }[]; fresh: boolean }>();
  const block = (on: string, y: number) => {
    const k = `${on}@${y}`;
    let b = blocks.get(k);
    if (!b) blocks.set(k, (b = { on, y, lines: [], fresh: false }));
    return b;
  };
  for (const mk of marks.filter((x) => x.tone !== 'state')) {
    const b = block(mk.on, mk.y);
    // Calls share a line while it stays short; a long list wraps at its dots.
    for (const part of mk.text[lang].split(' · ')) {
      const prev = b.lines.filter((l) => l.cls === 'mark-call').pop();
      if (prev && prev.text.length + part.length < 18) prev.text += ` · ${part}`;
      else b.lines.push({ text: part, cls: 'mark-call' });
    }
    b.fresh ||= mk.fresh;
  }
  for (const mk of marks.filter((x) => x.tone === 'state')) {
    const b = block(mk.on, mk.y);
    b.lines.push({ text: `→ ${mk.text[lang]}`, cls: 'mark-state' });
    b.fresh ||= mk.fresh;
  }
  for (const tm of timers) block(tm.on, tm.y0).lines.push({ text: tm.label[lang], cls: 'mark-timer' });

  return (
    <div ref={ref} className="seq-wrap">
      <svg className="seq" viewBox={`0 0 ${W} ${height}`} role="group" aria-labelledby="seq-title">
        <title id="seq-title">{lang === 'ko' ? '시퀀스 다이어그램' : 'Sequence diagram'}</title>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0 0L10 5L0 10z" className="arrowhead" />
          </marker>
          <clipPath id="seq-body">
            <rect x="0" y={SEQ.header} width={W} height={bodyH} />
          </clipPath>
        </defs>

        <g clipPath="url(#seq-body)">
          <m.g initial={false} animate={{ y: SEQ.header - first * SEQ.row }} transition={ease}>
            <rect className="row-now" x={0} y={index * SEQ.row} width={W} height={SEQ.row} />
            {ticks.map((tk) => (
              <text key={tk.y} className={`tick${tk.y === index ? ' tick-now' : ''}`} x={6} y={rowY(tk.y) + 4}>
                {formatMs(tk.t)}
              </text>
            ))}
            {actors.map((a) => (
              <line key={a.id} className="lifeline" x1={xOf(a.id)} x2={xOf(a.id)} y1={0} y2={rows * SEQ.row} />
            ))}
            {timers.map((tm) => {
              const x = xOf(tm.on) + side(tm.on) * 9;
              return (
                <g key={tm.id} className={`timer timer-${tm.status}`}>
                  <m.line x1={x} x2={x} y1={rowY(tm.y0)} initial={false} animate={{ y2: rowY(tm.y1) }} transition={ease} />
                  {tm.status === 'fired' && (
                    <text x={x} y={rowY(tm.y1) + 6} textAnchor="middle" className="timer-fired">
                      ✱
                    </text>
                  )}
                </g>
              );
            })}
            {[...blocks.values()].map((b) => {
              const s = side(b.on);
              const x = xOf(b.on) + s * 20;
              const top = rowY(b.y) + 5 - ((b.lines.length - 1) * 15) / 2;
              return (
                <m.text
                  key={`${b.on}@${b.y}`}
                  className={`mark${b.fresh ? ' fresh' : ''}`}
                  textAnchor={s < 0 ? 'end' : 'start'}
                  initial={{ opacity: 0 }}
                  animate={{ opacity: 1 }}
                  transition={ease}
                >
                  {b.lines.map((l, i) => (
                    <tspan key={i} x={x} y={top + i * 15} className={l.cls}>
                      {l.text}
                    </tspan>
                  ))}
                </m.text>
              );
            })}
            {messages.map((msg) => (
              <Message key={msg.id} msg={msg} x0={xOf(msg.from)} x1={xOf(msg.to)} current={msg.fresh || msg.status === 'flight' || msg.y1 === index} onInspect={onInspect} lang={lang} />
            ))}
          </m.g>
        </g>

        {/* Header: actors with their current state, always in view. */}
        {actors.map((a) => (
          <g key={a.id} className={`actor actor-${a.id} tone-${/server|receiver/.test(a.id) ? 'server' : 'client'}`} transform={`translate(${xOf(a.id)}, 0)`}>
            <rect x={-boxW / 2} y={3} width={boxW} height={46} rx={10} className="actor-box" />
            <text y={24} textAnchor="middle" className="actor-label" style={{ fontSize: boxW < 170 ? 15 : 20 }}>
              {a.label[lang]}
            </text>
            {a.sublabel && (
              <text y={42} textAnchor="middle" className="actor-sub" style={{ fontSize: boxW < 170 ? 11 : 13 }}>
                {a.sublabel}
              </text>
            )}
            {a.state && (
              <g transform="translate(0, 71)">
                <rect x={-boxW / 2 + 4} y={-16} width={boxW - 8} height={32} rx={16} className="actor-state" />
                <m.text key={a.state} textAnchor="middle" className="actor-state-text" style={{ fontSize: Math.min(boxW < 170 ? 13 : 19, Math.floor((boxW - 22) / (a.state.length * 0.62))) }} initial={{ opacity: 0, y: 16 }} animate={{ opacity: 1, y: 6 }} transition={ease}>
                  {a.state}
                </m.text>
              </g>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
}

function Message({ msg, x0, x1, current, onInspect, lang }: { msg: MessageEntity; x0: number; x1: number; current: boolean; onInspect?: (id: string) => void; lang: Lang }) {
  const ease = useTransition();
  const y0 = rowY(msg.y0);
  const yEnd = rowY(msg.y1);
  // A lost message ends half way across, where the network dropped it.
  const xEnd = msg.status === 'lost' ? lerp(x0, x1, 0.5) : x1;
  const flying = msg.status === 'flight';
  // A message sent at this very step is shown just leaving its sender.
  const k = flying ? Math.max(msg.progress, 0.14) : 1;
  const xNow = flying ? lerp(x0, x1, k) : xEnd;
  const yNow = flying ? lerp(y0, yEnd, k) : yEnd;
  // The label sits along its arrow, just above it; on a steep arrow (one that spans many rows)
  // it stays level, near the receiving end, where the eye is when the packet lands.
  const raw = (Math.atan2(yEnd - y0, xEnd - x0) * 180) / Math.PI;
  const upright = raw > 90 ? raw - 180 : raw < -90 ? raw + 180 : raw;
  const steep = Math.abs(upright) > 28;
  const at = steep ? 0.82 : 0.5;
  const mx = lerp(x0, xEnd, at);
  const my = lerp(y0, yEnd, at);
  const angle = steep ? 0 : Math.round(upright * 10) / 10;
  const cls = ['msg', `msg-${msg.status}`, msg.retransmission ? 'msg-rtx' : '', current ? 'msg-current' : ''].filter(Boolean).join(' ');
  return (
    <g
      className={cls}
      data-msg={msg.id}
      {...(onInspect && {
        role: 'button',
        tabIndex: 0,
        'aria-label': `${msg.label} (${msg.status === 'lost' ? (lang === 'ko' ? '손실, ' : 'lost, ') : ''}${lang === 'ko' ? '패킷 살펴보기' : 'inspect packet'})`,
        onClick: () => onInspect(msg.id),
        onKeyDown: (e: React.KeyboardEvent) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            e.stopPropagation();
            onInspect(msg.id);
          }
        },
      })}
    >
      {/* A wide invisible stroke makes the thin arrow easy to hit. */}
      <line className="hit" x1={x0} y1={y0} x2={xNow} y2={yNow} />
      <m.line
        x1={x0}
        y1={y0}
        initial={{ x2: x0, y2: y0 }}
        animate={{ x2: xNow, y2: yNow }}
        transition={ease}
        markerEnd={msg.status === 'delivered' ? 'url(#arrow)' : undefined}
      />
      {msg.status === 'lost' && (
        <text x={xEnd} y={yEnd + 8} textAnchor="middle" className="lost-x">
          ✕
        </text>
      )}
      {flying ? (
        <m.g initial={{ x: x0, y: y0 }} animate={{ x: xNow, y: yNow }} transition={ease}>
          <rect className="chip" x={-44} y={-12} width={88} height={24} rx={6} />
          <text className="chip-text" textAnchor="middle" y={5}>
            {short(msg.label)}
          </text>
        </m.g>
      ) : (
        <m.text
          className="msg-label"
          x={steep ? mx + (x1 > x0 ? -10 : 10) : mx}
          y={my - 7}
          transform={angle ? `rotate(${angle} ${mx} ${my})` : undefined}
          textAnchor={steep ? (x1 > x0 ? 'end' : 'start') : 'middle'}
          initial={{ opacity: 0 }}
          animate={{ opacity: 1 }}
          transition={ease}
        >
          {msg.label}
        </m.text>
      )}
    </g>
  );
}

/** The flags part of a label, for the small in-flight chip. */
function short(label: string): string {
  const flags = label.split(' seq=')[0];
  return flags.replace('PSH, ACK', 'DATA').replace('FIN, ACK', 'FIN').replace('SYN, ACK', 'SYN-ACK');
}

function formatMs(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
