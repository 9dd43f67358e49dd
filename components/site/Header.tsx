import type { Lang } from '@/simulations/core/text';
import { ui } from '../i18n';
import { LangSwitch } from './LangSwitch';
import { ThemeToggle } from './ThemeToggle';

/** Site header. `path` is the page's path after the language ("" for the index, "/tcp-connection"). */
export function Header({ lang, path }: { lang: Lang; path: string }) {
  const t = ui(lang);
  return (
    <header className="site-header">
      <a className="skip" href="#main">
        {t.skip}
      </a>
      <a className="brand" href={`/${lang}`}>
        <svg viewBox="0 0 32 32" width="26" height="26" aria-hidden="true">
          <rect x="2" y="6" width="28" height="20" rx="4" className="brand-box" />
          <path d="M8 20l6-8 4 5 3-3 3 6" className="brand-line" />
        </svg>
        <span>{t.site}</span>
      </a>
      <nav className="header-tools" aria-label={t.langLabel}>
        <LangSwitch lang={lang} path={path} label={t.lang} name={t.langLabel} />
        <ThemeToggle labels={{ theme: t.theme, system: t.themeSystem, light: t.themeLight, dark: t.themeDark }} />
      </nav>
    </header>
  );
}
