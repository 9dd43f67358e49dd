'use client';

import { useRef } from 'react';
import type { Lang } from '@/simulations/core/text';
import type { TopicScenarios } from '@/simulations/core/timeline';
import styles from './ScenarioTabs.module.css';

const LABEL = { ko: '장면', en: 'Scenes' } as const;

/**
 * A topic's scenarios as tabs above the diagram (WAI-ARIA tabs pattern): one Tab stop, the
 * selected tab; ←/→ move to the previous or next tab and select it (wrapping), Home/End to the
 * first and last. The arrows are taken here, so the player does not also step.
 */
export function ScenarioTabs({ scenes, current, lang, panel, onPick }: {
  scenes: TopicScenarios;
  current: string | undefined;
  lang: Lang;
  /** The id of the element the tabs control (the stage). */
  panel: string;
  onPick(name: string): void;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const names = Object.keys(scenes.scenarios);
  const selected = current && names.includes(current) ? current : scenes.default;
  const idOf = (name: string) => `${panel}-tab-${name}`;

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const i = names.indexOf(selected);
    const to =
      e.key === 'ArrowRight' ? (i + 1) % names.length
      : e.key === 'ArrowLeft' ? (i - 1 + names.length) % names.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? names.length - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    e.stopPropagation();
    const name = names[to];
    if (name !== selected) onPick(name);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(idOf(name))}`)?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label={LABEL[lang]} className={styles.tabs} onKeyDown={onKeyDown} data-testid="scenario-tabs">
      {names.map((name) => {
        const on = name === selected;
        return (
          <button
            key={name}
            id={idOf(name)}
            type="button"
            role="tab"
            className={styles.tab}
            aria-selected={on}
            aria-controls={panel}
            tabIndex={on ? 0 : -1}
            data-scene={name}
            onClick={() => !on && onPick(name)}
          >
            {scenes.scenarios[name].label[lang]}
          </button>
        );
      })}
    </div>
  );
}
