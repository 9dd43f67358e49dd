import type { Lang } from '@/simulations/core/text';
import { GROUPS, TOPICS, isAvailable } from '@/simulations/registry';
import { Header } from '@/components/site/Header';
import { ui } from '@/components/i18n';

/** The index: every topic of the sheet, in its order, grouped; unbuilt ones listed but not linked. */
export function IndexPage({ lang }: { lang: Lang }) {
  const t = ui(lang);
  return (
    <>
      <Header lang={lang} path="" />
      <main id="main" className="index" lang={lang}>
        <h1>{t.site}</h1>
        <p className="lede">{t.tagline}</p>
        <p>{t.indexIntro}</p>
        {GROUPS.map((g) => {
          const topics = TOPICS.filter((tp) => tp.group === g.id);
          return (
            <section key={g.id} className="group" aria-labelledby={`g-${g.id}`}>
              <h2 id={`g-${g.id}`}>{g.title[lang]}</h2>
              <ol className="topic-list">
                {topics.map((tp) => (
                  <li key={tp.slug} value={tp.n} className={isAvailable(tp) ? 'ready' : 'soon'}>
                    <span className="num" aria-hidden="true">
                      {String(tp.n).padStart(2, '0')}
                    </span>
                    {isAvailable(tp) ? (
                      <a href={`/${lang}/${tp.slug}`}>{tp.title[lang]}</a>
                    ) : (
                      <span className="title">
                        {tp.title[lang]} <span className="badge">{t.soon}</span>
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </main>
    </>
  );
}
