'use client';

import { useEffect, useRef } from 'react';
import type { Step } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import type { Ui } from '../i18n';

export function StepList({ t, steps, index, lang, onPick }: { t: Ui; steps: Step[]; index: number; lang: Lang; onPick(i: number): void }) {
  const listRef = useRef<HTMLOListElement>(null);
  // Keep the current step visible inside the list (without scrolling the page).
  useEffect(() => {
    const list = listRef.current;
    const item = list?.children[index] as HTMLElement | undefined;
    if (!list || !item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = top - list.clientHeight / 2 + item.offsetHeight / 2;
    }
  }, [index]);
  return (
    <nav className="step-list" aria-label={t.steps}>
      <h2 className="panel-title">{t.steps}</h2>
      <ol ref={listRef}>
        {steps.map((s, i) => (
          <li key={i}>
            <button type="button" aria-current={i === index ? 'step' : undefined} onClick={() => onPick(i)}>
              <span className="n">{i + 1}</span>
              <span className="c">{s.caption[lang]}</span>
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
