'use client';

import { useEffect, useState } from 'react';
import type { Lang, Text } from '@/simulations/core/text';
import { suggest } from '@/simulations/suggest';

export interface NotFoundTopic {
  n: number;
  slug: string;
  title: Text;
  available: boolean;
}
type Strings = Record<'site' | 'soon' | 'notFoundTitle' | 'notFoundBody' | 'allTopics' | 'lang', string>;

/** The 404 page reads the mistyped path in the browser and suggests the nearest topics. */
export function NotFoundBody({ topics, strings }: { topics: NotFoundTopic[]; strings: Record<Lang, Strings> }) {
  const [state, setState] = useState<{ lang: Lang; picks: NotFoundTopic[] } | null>(null);
  useEffect(() => {
    const parts = window.location.pathname.split('/').filter(Boolean);
    const lang: Lang = parts[0] === 'en' ? 'en' : 'ko';
    setState({ lang, picks: suggest(topics, parts[parts.length - 1] ?? '', 4) });
  }, [topics]);
  const lang = state?.lang ?? 'ko';
  const t = strings[lang];
  return (
    <>
      <header className="site-header">
        <a className="brand" href={`/${lang}`}>
          <span>{t.site}</span>
        </a>
        <a className="lang-switch" href={lang === 'ko' ? '/en' : '/ko'} hrefLang={lang === 'ko' ? 'en' : 'ko'}>
          {t.lang}
        </a>
      </header>
      <main id="main" className="not-found" lang={lang}>
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
        <ul data-testid="suggestions">
          {(state?.picks ?? []).map((p) => (
            <li key={p.slug}>{p.available ? <a href={`/${lang}/${p.slug}`}>{p.title[lang]}</a> : <span>{p.title[lang]} ({t.soon})</span>}</li>
          ))}
        </ul>
        <p>
          <a href={`/${lang}`}>{t.allTopics}</a>
        </p>
      </main>
    </>
  );
}
