import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { LANGS, type Lang } from '@/simulations/core/text';
import { GROUPS, availableTopics, topicBySlug, isAvailable } from '@/simulations/registry';
import { loadTopicContent } from '@/content/load';
import { Header } from '@/components/site/Header';
import { MdxContent } from '@/components/mdx/MdxContent';
import Player from '@/components/player/Player';
import { isLang, ui } from '@/components/i18n';
import { KEY_BUFFER_SCRIPT } from '@/components/player/keys';
import { loadPlayable } from '@/components/player/engine';
import { metaOf } from '@/components/player/meta';
import { defaults } from '@/simulations/core/params';
import { withoutPayloads } from '@/simulations/core/payloads';

/**
 * The player's topic, computed at build time: its meta (diagram, params, scenes) and the
 * default run's timeline, from the page language's engine copy. Both reach the client as
 * props (plain data), so the page draws and steps through the default run without loading
 * or running the engine (its packets' bytes, needed only to inspect or download them, are
 * computed again then).
 */
async function defaultRun(slug: string, lang: Lang) {
  const topic = await loadPlayable(slug, lang);
  const values = defaults(topic.params);
  // Without the packets' payloads: the HTML carries what the drawing needs (see withoutPayloads).
  return { meta: metaOf(topic), initial: withoutPayloads(topic.simulate(values, values.seed as number)) };
}

export const dynamicParams = false;

export function generateStaticParams() {
  return LANGS.flatMap((lang) => availableTopics().map((t) => ({ lang, slug: t.slug })));
}

type Params = Promise<{ lang: string; slug: string }>;

async function resolve(params: Params) {
  const { lang, slug } = await params;
  const topic = topicBySlug(slug);
  if (!isLang(lang) || !topic || !isAvailable(topic)) notFound();
  return { lang: lang as Lang, topic, content: await loadTopicContent(lang as Lang, slug) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, topic, content } = await resolve(params);
  const title = topic.title[lang];
  const url = `/${lang}/${topic.slug}`;
  return {
    title,
    description: content.frontmatter.description,
    alternates: { canonical: url, languages: { ko: `/ko/${topic.slug}`, en: `/en/${topic.slug}` } },
    openGraph: {
      title: `${title} · Packet Theater`,
      description: content.frontmatter.description,
      url,
      type: 'article',
      locale: lang === 'ko' ? 'ko_KR' : 'en_US',
      siteName: 'Packet Theater',
    },
    twitter: { card: 'summary', title, description: content.frontmatter.description },
  };
}

export default async function TopicPage({ params }: { params: Params }) {
  const { lang, topic, content } = await resolve(params);
  const t = ui(lang);
  const fm = content.frontmatter;
  const group = GROUPS.find((g) => g.id === topic.group)!;
  const { meta, initial } = await defaultRun(topic.slug, lang);
  return (
    <>
      <Header lang={lang} path={`/${topic.slug}`} />
      <main id="main" className="topic" lang={lang}>
        <header className="topic-head">
          <p className="kicker">
            <a href={`/${lang}`}>{group.title[lang]}</a> · #{topic.n}
          </p>
          <h1>{topic.title[lang]}</h1>
        </header>
        <div className="topic-body">
          <section className="question" aria-label={t.question}>
            <p className="question-label">{t.question}</p>
            <p className="question-text">{fm.question}</p>
            {content.answer && <MdxContent code={content.answer} lang={lang} />}
          </section>
          {/* Keys pressed before the player hydrates are kept for it (a clicker's first press is not lost). */}
          <script dangerouslySetInnerHTML={{ __html: KEY_BUFFER_SCRIPT }} />
          <div className="topic-player">
            {/* No Suspense boundary here: the player (its default scene, first step and controls) is
                part of the static HTML's shell, not streamed in after a placeholder, so nothing moves
                when it arrives. On the client, hydration waits for the scenario's chunk and keeps the
                server's HTML meanwhile. */}
            <Player slug={topic.slug} lang={lang} t={t} title={topic.title[lang]} meta={meta} initial={initial} />
          </div>
          <article className="prose">
            <MdxContent code={content.code} lang={lang} />
            <section className="references" aria-labelledby="refs">
              <h2 id="refs">{t.references}</h2>
              <ul>
                {fm.references.map((r) => (
                  <li key={r.url}>
                    <a href={r.url} rel="noopener" target="_blank">
                      {r.title}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          </article>
        </div>
      </main>
    </>
  );
}
