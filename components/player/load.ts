import type { Lang } from '@/simulations/core/text';
import type { Slug } from '@/simulations/slugs';
import { playable, type Playable } from './scenes';
// One copy of the engine per language (scripts/lang-split.mjs, run before every build): a page
// loads its scenario from its own language's copy, so it never downloads the other narration.
import { SCENARIOS as KO } from '@/.lang/ko/simulations/scenarios';
import { SCENARIOS as EN } from '@/.lang/en/simulations/scenarios';

const TABLES = { ko: KO, en: EN } as const;

/** One promise per topic and language, so React's use() sees the same promise on every render. */
const cache = new Map<string, Promise<Playable>>();

export function loadScenario(slug: string, lang: Lang): Promise<Playable> {
  const key = `${lang}:${slug}`;
  let p = cache.get(key);
  if (!p) {
    const load = TABLES[lang][slug as Slug];
    if (!load) throw new Error(`No scenario for topic "${slug}"`);
    p = load().then(playable);
    cache.set(key, p);
  }
  return p;
}
