'use client';

import { m } from 'framer-motion';
import { memo, useMemo, useRef } from 'react';
import { entitiesOf } from '@/simulations/core/entities';
import type { Lang } from '@/simulations/core/text';
import { SEQ, actorX, rowY, zoomFor } from './geometry';
import { LEAST_TYPE, fullScreenZoom } from './pan';
import { useBox } from './useWidth';
import { InstantMotion, useSettling, useTransition } from './motion';
import { useMeasure } from './measure';
import { layoutHead, SUB } from './seqHeader';
import { FONT, arrow, isCurrent, layoutBody, type Block } from './seqBody';
import { Message } from './Message';
import type { StageProps } from './types';

const fs = (f: { size: number; weight: number }) => ({ fontSize: f.size, fontWeight: f.weight });
const spans = (b: Block) =>
  b.lines.map((l, i) => (
    <tspan key={i} x={b.x} dy={l.dy} className={l.cls} style={fs(l.font)}>
      {l.text}
    </tspan>
  ));

/**
 * Lifelines, messages, notes, timers and states, drawn from one scene. Colours come from
 * each actor's `role` and each message's `tone`; texts are measured and placed so that none
 * overlaps another or leaves the drawing (see seqBody.ts). The drawing keeps its type at
 * least 1:1: a wide box zooms in, a narrow one pans sideways; in full screen it fills the
 * height it is given with as many rows as fit.
 */
function SequenceDiagram({ scene, view, index, lang, onInspect }: StageProps) {
  const ref = useRef<HTMLDivElement>(null);
  const box = useBox(ref, SEQ.baseWidth);
  const measure = useMeasure(ref);
  // Only steps animate: first drawn, text measured or box resized, things go straight to their place.
  const settling = useSettling(measure, box);
  const ease = useTransition(settling);
  const actors = entitiesOf(scene, 'actor');
  const messages = entitiesOf(scene, 'message');
  const marks = entitiesOf(scene, 'mark');
  const timers = entitiesOf(scene, 'timer');
  // Room for every actor's box: beyond two actors, each needs SEQ.perActor more units.
  const need = SEQ.minWidth + Math.max(0, actors.length - 2) * SEQ.perActor;
  // Full screen: a drawing of many actors takes the stage's whole width (the panels go under
  // it: data-wide, globals.css) and keeps that room; with few, the full-screen type comes first.
  const crowded = actors.length >= SEQ.crowd;
  const minW = box.full && !crowded ? SEQ.minWidth : need;
  // Full screen: type at least 24 px on a 1920 screen, but never wider than the stage (a clicker
  // cannot pan): on a smaller screen the whole drawing fits, its type down to 12 px.
  const zoom0 = box.full ? fullScreenZoom(Math.max(SEQ.fullZoom, zoomFor(box.width) * 0.8), [box.width / minW], SEQ.smallestType) : zoomFor(box.width);
  const W0 = Math.max(minW, Math.floor(box.width / zoom0));
  const byId = new Map(actors.map((a) => [a.id, a]));
  const lifelineAt = (w: number) => (id: string) => actorX(byId.get(id)?.x ?? 50, w);
  // Laying out is the costly part of a render: redo it only when what it reads changes.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const head0 = useMemo(() => layoutHead(actors, lifelineAt(W0), W0, lang, measure), [scene, W0, lang, measure]);
  // Full screen on a short stage (1366×768, a tall header of many actors): zoomed out, down to
  // 12 px type, so that the header and three rows fit its height.
  const rowsZoom = box.full && box.height > 0 ? box.height / (head0.height + 3 * SEQ.row + 6) : Infinity;
  const zoom = zoom0 <= rowsZoom ? zoom0 : Math.max(LEAST_TYPE / SEQ.smallestType, rowsZoom);
  const W = zoom === zoom0 ? W0 : Math.max(minW, Math.floor(box.width / zoom));
  const lifeline = lifelineAt(W);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const head = useMemo(() => (W === W0 ? head0 : layoutHead(actors, lifeline, W, lang, measure)), [head0, W, lang, measure]);
  const total = view.rows ?? 1;
  const fit = box.full && box.height > 0 ? Math.floor((box.height / zoom - head.height - 6) / SEQ.row) : SEQ.visibleRows;
  const rows = Math.max(3, Math.min(total, fit));
  const first = Math.max(0, Math.min(index - Math.floor(rows * 0.6), total - rows));
  const bodyH = rows * SEQ.row;
  const height = head.height + bodyH + 6;
  const body = useMemo(
    () => layoutBody({ actors, messages, marks, timers, ticks: view.ticks ?? [], index, first, rows, W, lifeline, lang, measure }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [scene, view, index, first, rows, W, lang, measure],
  );
  const shown = (y: number) => y >= first - 1 && y <= first + rows;

  return (
    <div ref={ref} className="seq-wrap" data-rows={rows} data-wide={crowded || undefined}>
      <InstantMotion value={settling}>
        <svg className="seq" viewBox={`0 0 ${W} ${height}`} style={{ minWidth: W * zoom > box.width + 1 ? `${Math.round(W * zoom)}px` : undefined }} role="group" aria-labelledby="seq-title">
          <title id="seq-title">{lang === 'ko' ? '시퀀스 다이어그램' : 'Sequence diagram'}</title>
          <defs>
            <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0 0L10 5L0 10z" className="arrowhead" />
            </marker>
            <clipPath id="seq-body">
              <rect x="0" y={head.height} width={W} height={bodyH} />
            </clipPath>
          </defs>

          <g clipPath="url(#seq-body)">
            <m.g initial={false} animate={{ y: head.height - first * SEQ.row }} transition={ease}>
              <rect className="row-now" x={0} y={index * SEQ.row} width={W} height={SEQ.row} />
              {body.ticks.map((tk) => (
                <text key={tk.y} className={`tick${tk.now ? ' tick-now' : ''}`} style={fs(tk.now ? FONT.tickNow : FONT.tick)} x={6} y={rowY(tk.y) + 4}>
                  {tk.text}
                </text>
              ))}
              {actors.map((a) => (
                <line key={a.id} className={`lifeline role-${a.role}`} x1={lifeline(a.id)} x2={lifeline(a.id)} y1={0} y2={total * SEQ.row} />
              ))}
              {timers.filter((tm) => tm.y1 >= first - 1 && tm.y0 <= first + rows).map((tm) => {
                const x = body.timerX.get(tm.id) ?? lifeline(tm.on);
                return (
                  <g key={tm.id} className={`timer timer-${tm.status}`}>
                    <title>{`${tm.label[lang]} (${tm.ms} ms)`}</title>
                    {/* A running timer grows with the steps; a finished one is drawn where it is. */}
                    {tm.status === 'running' ? <m.line x1={x} x2={x} y1={rowY(tm.y0)} initial={false} animate={{ y2: rowY(tm.y1) }} transition={ease} /> : <line x1={x} x2={x} y1={rowY(tm.y0)} y2={rowY(tm.y1)} />}
                    {tm.status === 'fired' && <path className="timer-burst" d={`M${x - 6} ${rowY(tm.y1)}h12M${x} ${rowY(tm.y1) - 6}v12M${x - 4.2} ${rowY(tm.y1) - 4.2}l8.4 8.4M${x + 4.2} ${rowY(tm.y1) - 4.2}l-8.4 8.4`} />}
                  </g>
                );
              })}
              {body.blocks.map((b) => (
                <g key={b.key}>
                  {b.lines.map((l) => l.text).join(' · ') !== b.full && <title>{b.full}</title>}
                  {b.fresh ? (
                    <m.text className="mark fresh" textAnchor={b.anchor} y={b.y} initial={settling ? false : { opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
                      {spans(b)}
                    </m.text>
                  ) : (
                    <text className="mark" textAnchor={b.anchor} y={b.y}>
                      {spans(b)}
                    </text>
                  )}
                </g>
              ))}
              {messages
                .filter((msg) => msg.status === 'flight' || shown(msg.y0) || shown(msg.y1) || (msg.y0 < first && msg.y1 > first + rows))
                .map((msg) => (
                  <Message key={msg.id} msg={msg} at={arrow(msg, lifeline)} label={body.labels.get(msg.id)} chip={body.chips.get(msg.id)} current={isCurrent(msg, index)} onInspect={onInspect} lang={lang} />
                ))}
            </m.g>
          </g>

          {/* Header: actors with their current state, always in view. */}
          {head.boxes.map((hb) => {
            const a = byId.get(hb.id)!;
            return (
              <g key={hb.id} className={`actor role-${a.role}`} data-actor={a.id} transform={`translate(${hb.cx}, 0)`}>
                {(hb.label.text !== hb.label.full || (hb.sub && hb.sub.text !== hb.sub.full)) && <title>{`${hb.label.full}${hb.sub ? ` ${hb.sub.full}` : ''}`}</title>}
                <rect x={-hb.w / 2} y={3} width={hb.w} height={head.boxH} rx={10} className="actor-box" />
                <text y={hb.label.y} textAnchor="middle" className="actor-label" style={fs(hb.label.font)}>
                  {/* Two lines keep a space between them in the text (what a screen reader and a
                      copy read), its half width taken back so the first line stays centred. */}
                  {hb.label.lines.length > 1
                    ? hb.label.lines.map((l, k) => (
                        <tspan key={l.y} x={k === 0 ? measure(' ', hb.label.font).w / 2 : 0} y={l.y}>
                          {k === 0 ? `${l.text} ` : l.text}
                        </tspan>
                      ))
                    : hb.label.text}
                </text>
                {hb.sub && (
                  <text y={hb.sub.lines[0].y} textAnchor="middle" className="actor-sub" style={fs(SUB)}>
                    {hb.sub.lines.length > 1
                      ? hb.sub.lines.map((l, k) => (
                          <tspan key={l.y} x={l.space ? measure(' ', SUB).w / 2 : 0} y={l.y}>
                            {l.space ? `${l.text} ` : l.text}
                          </tspan>
                        ))
                      : hb.sub.text}
                  </text>
                )}
                {hb.state && (
                  <g>
                    <rect x={hb.state.dx - hb.state.w / 2} y={head.pillY} width={hb.state.w} height={head.pillH} rx={head.pillH / 2} className="actor-state" />
                    <m.text key={hb.state.full} x={hb.state.dx} y={hb.state.y} textAnchor="middle" className="actor-state-text" data-state={hb.state.full} style={fs(hb.state.font)} initial={settling ? false : { opacity: 0 }} animate={{ opacity: 1 }} transition={ease}>
                      {hb.state.text}
                    </m.text>
                  </g>
                )}
              </g>
            );
          })}
        </svg>
      </InstantMotion>
    </div>
  );
}

/** Memoised: a render of the player that changes neither the scene, the step nor the box draws nothing anew. */
export default memo(SequenceDiagram);
