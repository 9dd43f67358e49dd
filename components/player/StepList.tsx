'use client';

import { memo, useCallback, useEffect, useRef } from 'react';
import type { Beat as Step } from '@/simulations/core/story';
import type { Lang } from '@/simulations/core/text';
import type { Ui } from '../i18n';

/**
 * One step. Memoised: moving to the next step re-renders the two items whose `current`
 * changed, not the whole list (a long run has hundreds of steps).
 */
const Item = memo(function Item({ i, stepKey, caption, current, pick }: { i: number; stepKey?: string; caption: string; current: boolean; pick(i: number): void }) {
  return (
    <li data-key={stepKey}>
      <button type="button" tabIndex={current ? 0 : -1} aria-current={current ? 'step' : undefined} onClick={() => pick(i)}>
        <span className="n">{i + 1}</span>
        <span className="c">{caption}</span>
      </button>
    </li>
  );
});

/** Steps per chunk: a step re-renders the one or two chunks holding the old and new step. */
const CHUNK = 40;
const chunks = (n: number) => Array.from({ length: Math.ceil(n / CHUNK) }, (_, k) => k * CHUNK);

/** A run of consecutive steps (no element of its own: the items stay children of the list). */
const Chunk = memo(function Chunk({ steps, from, current, lang, pick }: { steps: Step[]; from: number; current: number; lang: Lang; pick(i: number): void }) {
  return steps.slice(from, from + CHUNK).map((s, k) => {
    const i = from + k;
    return <Item key={i} i={i} stepKey={s.key} caption={s.caption[lang]} current={i === current} pick={pick} />;
  });
});

/**
 * The steps as one Tab stop (roving tabindex): only the current step is in the Tab order;
 * ↑/↓ inside the list move the player (←/→, Home/End and the clicker keys work as
 * everywhere on the page), and focus follows the current step while it is in the list.
 */
export function StepList({ t, steps, index, lang, onPick, onMove }: { t: Ui; steps: Step[]; index: number; lang: Lang; onPick(i: number): void; onMove(by: 1 | -1): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  // The items get one stable handler that calls the latest `onPick` (the player passes a new one per render).
  const pickRef = useRef(onPick);
  useEffect(() => {
    pickRef.current = onPick;
  });
  const pick = useCallback((i: number) => pickRef.current(i), []);
  // Keep the current step visible inside the list (without scrolling the page). Read in the
  // next frame, when the browser lays the page out anyway: reading offsets right after the
  // commit would force a second layout of a list that can hold hundreds of steps.
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      const list = listRef.current;
      const item = list?.children[index] as HTMLElement | undefined;
      if (!list || !item) return;
      const top = item.offsetTop - list.offsetTop;
      if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = top - list.clientHeight / 2 + item.offsetHeight / 2;
      }
      // Focus follows the selection while it is inside the list.
      const button = item.querySelector('button');
      if (button && list.contains(document.activeElement) && document.activeElement !== button) button.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(id);
  }, [index, steps]);
  return (
    <nav className="step-list" aria-label={t.steps}>
      <h2 className="panel-title">{t.steps}</h2>
      <ol
        ref={listRef}
        onKeyDown={(e) => {
          if (e.altKey || e.ctrlKey || e.metaKey) return;
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            // Relative to the step being rendered, not the one on screen: two quick presses go two steps.
            onMove(e.key === 'ArrowDown' ? 1 : -1);
          }
        }}
      >
        {chunks(steps.length).map((from) => (
          <Chunk key={from} steps={steps} from={from} current={index >= from && index < from + CHUNK ? index : -1} lang={lang} pick={pick} />
        ))}
      </ol>
    </nav>
  );
}
