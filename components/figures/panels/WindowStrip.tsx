'use client';

import { m } from 'framer-motion';
import type { WindowEntity } from '@/simulations/core/timeline';
import { useTransition } from '../motion';
import type { PanelProps } from '../types';

const CELL = 26;
const GAP = 3;
const PAD = 8;

const LEGEND: Record<string, { ko: string; en: string }> = {
  acked: { ko: '확인됨', en: 'acked' },
  sent: { ko: '보냄·미확인', en: 'sent, unacked' },
  usable: { ko: '보낼 수 있음', en: 'usable' },
  outside: { ko: '윈도 밖', en: 'outside' },
  delivered: { ko: '앱에 전달', en: 'delivered' },
  buffered: { ko: '버퍼에 보관', en: 'buffered' },
  expected: { ko: '기다리는 중', en: 'awaited' },
  retransmit: { ko: '재전송', en: 'resent' },
};

/** A sliding window: numbered cells, and a bracket over the window that slides as it moves. */
export default function WindowStrip({ entities, lang }: PanelProps) {
  const win = entities[0] as WindowEntity;
  const ease = useTransition();
  const n = win.cells.length;
  const width = PAD * 2 + n * (CELL + GAP) - GAP;
  const x = (i: number) => PAD + i * (CELL + GAP);
  const first = win.cells[0]?.n ?? 0;
  const from = win.window.from - first;
  const to = win.window.to - first;
  const states = [...new Set(win.cells.map((c) => c.state))];
  const summary = win.cells.map((c) => `${c.n}: ${LEGEND[c.state]?.[lang] ?? c.state}`).join(', ');
  return (
    <figure className="panel window-strip">
      <figcaption>
        <strong>{win.label[lang]}</strong>
        {win.note && <span className="panel-note"> · {win.note[lang]}</span>}
      </figcaption>
      <div className="panel-pan">
      <svg viewBox={`0 0 ${width} ${CELL + 26}`} role="img" aria-label={`${win.label[lang]}: ${summary}`} style={{ maxWidth: `${Math.round(Math.max(width * 1.4, 200))}px`, minWidth: `${width}px` }}>
        <m.rect
          className="win-bracket"
          y={2}
          height={CELL + 12}
          rx={6}
          initial={false}
          animate={{ x: x(Math.max(0, from)) - 3, width: Math.max(0, Math.min(n, to) - Math.max(0, from)) * (CELL + GAP) + 3 }}
          transition={ease}
        />
        {win.cells.map((c, i) => (
          <g key={c.n} className={`cell cell-${c.state}`} transform={`translate(${x(i)}, 8)`}>
            <rect width={CELL} height={CELL} rx={4} />
            <text x={CELL / 2} y={CELL / 2 + 5} textAnchor="middle">
              {c.seq ?? c.n}
            </text>
          </g>
        ))}
      </svg>
      </div>
      <ul className="legend" aria-hidden="true">
        {states.map((s) => (
          <li key={s}>
            <span className={`swatch cell-${s}`} />
            {LEGEND[s]?.[lang] ?? s}
          </li>
        ))}
      </ul>
    </figure>
  );
}
