import { TOPICS, isAvailable } from '@/simulations/registry';
import { UI } from '@/components/i18n';
import { NotFoundBody, type NotFoundTopic } from './NotFoundBody';

export const metadata = { title: '404' };

/** The topic list and strings go to the 404 page as props, so no other page ships them. */
export default function NotFound() {
  const topics: NotFoundTopic[] = TOPICS.map((t) => ({ n: t.n, slug: t.slug, title: t.title, available: isAvailable(t) }));
  const pick = (l: 'ko' | 'en') => ({
    site: UI[l].site,
    soon: UI[l].soon,
    notFoundTitle: UI[l].notFoundTitle,
    notFoundBody: UI[l].notFoundBody,
    allTopics: UI[l].allTopics,
    lang: UI[l].lang,
  });
  return <NotFoundBody topics={topics} strings={{ ko: pick('ko'), en: pick('en') }} />;
}
