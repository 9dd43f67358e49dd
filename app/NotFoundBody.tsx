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

/**
 * The canonical path for a near miss that names a real page: another letter case or a
 * trailing slash (/ko/TCP-Connection, /en/, /ko/tcp-connection/), or a topic without its
 * language (/tcp-connection). Null when the path names no page.
 */
export function canonicalPath(pathname: string, topics: NotFoundTopic[]): string | null {
  let parts: string[];
  try {
    parts = decodeURIComponent(pathname).toLowerCase().split('/').filter(Boolean);
  } catch {
    return null;
  }
  const topic = (slug: string | undefined) => topics.find((t) => t.available && t.slug === slug);
  if (parts.length === 0) return '/';
  if (parts[0] === 'ko' || parts[0] === 'en') {
    if (parts.length === 1) return `/${parts[0]}`;
    const t = parts.length === 2 ? topic(parts[1]) : undefined;
    return t ? `/${parts[0]}/${t.slug}` : null;
  }
  const t = parts.length === 1 ? topic(parts[0]) : undefined;
  return t ? `/ko/${t.slug}` : null;
}

/** The 404 page reads the mistyped path in the browser and suggests the nearest topics. */
export function NotFoundBody({ topics, strings }: { topics: NotFoundTopic[]; strings: Record<Lang, Strings> }) {
  const [state, setState] = useState<{ lang: Lang; picks: NotFoundTopic[] } | null>(null);
  useEffect(() => {
    // A static host answers these with the 404 page: go to the page meant, keeping the query.
    const { pathname, search, hash } = window.location;
    const target = canonicalPath(pathname, topics);
    if (target && target !== pathname) {
      window.location.replace(`${target}${search}${hash}`);
      return;
    }
    const parts = pathname.split('/').filter(Boolean);
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
