import type { Metadata, Viewport } from 'next';
import { TOPICS, isAvailable } from '@/simulations/registry';
import { UI } from '@/components/i18n';
import { NotFoundBody, type NotFoundTopic } from './NotFoundBody';
import { BOOT } from './boot';
import { metadata as site, viewport as siteViewport } from './layout';
import './globals.css';

// Outside the root layout: its metadata and viewport are taken over here.
export const metadata: Metadata = { metadataBase: site.metadataBase, description: site.description, title: '404 · Packet Theater' };
export const viewport: Viewport = siteViewport;

/**
 * The page any unknown address gets (404.html). A page of its own, outside the root layout, so
 * that its script (the near-miss redirect and the suggestions) loads on this page only: a
 * root not-found.tsx is part of every page's tree, and every page loaded its client code.
 */
export default function GlobalNotFound() {
  const topics: NotFoundTopic[] = TOPICS.map((t) => ({ n: t.n, slug: t.slug, title: t.title, available: isAvailable(t) }));
  const pick = (l: 'ko' | 'en') => ({
    site: UI[l].site,
    soon: UI[l].soon,
    notFoundTitle: UI[l].notFoundTitle,
    notFoundBody: UI[l].notFoundBody,
    allTopics: UI[l].allTopics,
    lang: UI[l].lang,
  });
  return (
    <html lang="ko" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: BOOT }} />
      </head>
      <body>
        <NotFoundBody topics={topics} strings={{ ko: pick('ko'), en: pick('en') }} />
      </body>
    </html>
  );
}
