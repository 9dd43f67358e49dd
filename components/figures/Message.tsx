'use client';

import { m } from 'framer-motion';
import { memo } from 'react';
import type { MessageEntity } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { lerp } from './geometry';
import { useInstant, useTransition } from './motion';
import type { Chip, Label } from './seqBody';
import { FONT } from './seqBody';

/**
 * One message: its arrow, and either the chip of a packet in flight or its label, both placed
 * by the layout. Its colour comes from `tone` (a CSS class), never from its text.
 */
interface Props {
  msg: MessageEntity;
  at: { x0: number; y0: number; x1: number; y1: number };
  label?: Label;
  chip?: Chip;
  current: boolean;
  onInspect?: (id: string) => void;
  lang: Lang;
}

/**
 * Whether two renders of a message draw the same thing. A step re-renders the whole diagram
 * with fresh objects (the scene is sampled per step, the layout redone), but most arrows on
 * screen are unchanged: comparing what is drawn lets them skip their render and animations.
 */
function same(a: Props, b: Props): boolean {
  const m = a.msg;
  const n = b.msg;
  return (
    m.id === n.id &&
    m.status === n.status &&
    m.progress === n.progress &&
    m.label === n.label &&
    m.tone === n.tone &&
    m.retransmission === n.retransmission &&
    a.at.x0 === b.at.x0 &&
    a.at.y0 === b.at.y0 &&
    a.at.x1 === b.at.x1 &&
    a.at.y1 === b.at.y1 &&
    a.label?.x === b.label?.x &&
    a.label?.y === b.label?.y &&
    a.label?.text === b.label?.text &&
    a.label?.font === b.label?.font &&
    a.chip?.x === b.chip?.x &&
    a.chip?.y === b.chip?.y &&
    a.chip?.w === b.chip?.w &&
    a.chip?.text === b.chip?.text &&
    a.current === b.current &&
    a.onInspect === b.onInspect &&
    a.lang === b.lang
  );
}

/**
 * Only the current step's messages grow along their arrows and fade in their labels: after a
 * jump (End, a step link, the scrubber) the other arrows on screen appear where they are.
 */
export const Message = memo(function Message({ msg, at, label, chip, current, onInspect, lang }: Props) {
  const ease = useTransition();
  // While the drawing settles (the page just opened, text measured) pieces appear in place.
  const still = useInstant();
  const flying = msg.status === 'flight';
  const k = flying ? Math.max(msg.progress, 0.14) : 1;
  const xNow = flying ? lerp(at.x0, at.x1, k) : at.x1;
  const yNow = flying ? lerp(at.y0, at.y1, k) : at.y1;
  const cls = ['msg', `msg-${msg.status}`, `tone-${msg.tone ?? 'neutral'}`, msg.retransmission ? 'msg-rtx' : '', current ? 'msg-current' : ''].filter(Boolean).join(' ');
  const lost = msg.status === 'lost' ? (lang === 'ko' ? '손실, ' : 'lost, ') : '';
  return (
    <g
      className={cls}
      data-msg={msg.id}
      {...(onInspect && {
        role: 'button',
        tabIndex: 0,
        'aria-label': `${msg.label} (${lost}${lang === 'ko' ? '패킷 살펴보기' : 'inspect packet'})`,
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
      <title>{msg.label}</title>
      {/* A wide invisible stroke makes the thin arrow easy to hit. */}
      <line className="hit" x1={at.x0} y1={at.y0} x2={xNow} y2={yNow} />
      {/* Only the current step's pieces are motion elements: the others are drawn where they
          are, as plain SVG (a motion element costs its setup and a first render of its values). */}
      {current ? (
        <m.line x1={at.x0} y1={at.y0} initial={still ? false : { x2: at.x0, y2: at.y0 }} animate={{ x2: xNow, y2: yNow }} transition={ease} markerEnd={msg.status === 'delivered' ? 'url(#arrow)' : undefined} />
      ) : (
        <line x1={at.x0} y1={at.y0} x2={xNow} y2={yNow} markerEnd={msg.status === 'delivered' ? 'url(#arrow)' : undefined} />
      )}
      {msg.status === 'lost' && <path className="lost-x" d={`M${at.x1 - 7} ${at.y1 - 7}l14 14M${at.x1 + 7} ${at.y1 - 7}l-14 14`} />}
      {flying && chip && (
        <m.g initial={still ? false : { x: at.x0, y: at.y0 }} animate={{ x: chip.x, y: chip.y }} transition={ease}>
          <rect className="chip" x={-chip.w / 2} y={-12} width={chip.w} height={24} rx={6} />
          <text className="chip-text" textAnchor="middle" y={5} style={{ fontSize: FONT.chip.size, fontWeight: FONT.chip.weight }}>
            {chip.text}
          </text>
        </m.g>
      )}
      {!flying &&
        label &&
        (current ? (
          <m.text className="msg-label" x={label.x} y={label.y} textAnchor="middle" style={{ fontSize: label.font.size, fontWeight: label.font.weight }} initial={still ? false : { opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
            {label.text}
          </m.text>
        ) : (
          <text className="msg-label" x={label.x} y={label.y} textAnchor="middle" style={{ fontSize: label.font.size, fontWeight: label.font.weight }}>
            {label.text}
          </text>
        ))}
    </g>
  );
}, same);
