import type { MetadataRoute } from 'next';
import { availableTopics } from '@/simulations/registry';
import { LANGS } from '@/simulations/core/text';
import { SITE_URL } from './site';

export const dynamic = 'force-static';

export default function sitemap(): MetadataRoute.Sitemap {
  const pages = ['', ...availableTopics().map((t) => `/${t.slug}`)];
  return pages.flatMap((p) =>
    LANGS.map((lang) => ({
      url: `${SITE_URL}/${lang}${p}`,
      alternates: { languages: Object.fromEntries(LANGS.map((l) => [l, `${SITE_URL}/${l}${p}`])) },
    })),
  );
}
