'use client';

import type { Lang } from '@/simulations/core/text';
import { flushUrl } from '../player/urlWrite';

/** Switches language on the same page, keeping the URL's state (params, step). */
export function LangSwitch({ lang, path, label, name }: { lang: Lang; path: string; label: string; name: string }) {
  const other: Lang = lang === 'ko' ? 'en' : 'ko';
  const href = `/${other}${path}`;
  return (
    <a
      className="lang-switch"
      href={href}
      hrefLang={other}
      lang={other}
      aria-label={`${name}: ${label}`}
      data-testid="lang-switch"
      onClick={(e) => {
        e.preventDefault();
        flushUrl();
        window.location.assign(`${href}${window.location.search}${window.location.hash}`);
      }}
    >
      {label}
    </a>
  );
}
