'use client';

import { useEffect, useState } from 'react';
import { suggestTopics, isAvailable, type Topic } from '@/simulations/registry';
import { ui } from '@/components/i18n';
import type { Lang } from '@/simulations/core/text';
import { Header } from '@/components/site/Header';

/** The 404 page reads the mistyped path in the browser and suggests the nearest topics. */
export function NotFoundBody() {
  const [state, setState] = useState<{ lang: Lang; picks: Topic[] } | null>(null);
  useEffect(() => {
    const parts = window.location.pathname.split('/').filter(Boolean);
    const lang: Lang = parts[0] === 'en' ? 'en' : 'ko';
    const guess = parts[parts.length - 1] ?? '';
    setState({ lang, picks: suggestTopics(guess, 4) });
  }, []);
  const lang = state?.lang ?? 'ko';
  const t = ui(lang);
  return (
    <>
    <Header lang={lang} path="" />
    <main id="main" className="not-found" lang={lang}>
      <h1>{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <ul data-testid="suggestions">
        {(state?.picks ?? []).map((p) => (
          <li key={p.slug}>
            {isAvailable(p) ? <a href={`/${lang}/${p.slug}`}>{p.title[lang]}</a> : <span>{p.title[lang]} ({t.soon})</span>}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/${lang}`}>{t.allTopics}</a>
      </p>
    </main>
    </>
  );
}
