import type { Lang } from '@/simulations/core/text';
import type { Slug } from '@/simulations/slugs';
import { playable, type Playable } from './scenes';
import { defaults } from '@/simulations/core/params';
// One copy of the engine per language (scripts/lang-split.mjs, run before every build): a page
// loads its scenario from its own language's copy, so it never downloads the other narration.
import { SCENARIOS as KO } from '@/.lang/ko/simulations/scenarios';
import { SCENARIOS as EN } from '@/.lang/en/simulations/scenarios';
import { preloadFigures } from './Figures';

const TABLES = { ko: KO, en: EN } as const;

/** A promise React's use() reads without suspending once it has settled. */
type Tracked<T> = Promise<T> & { status?: 'pending' | 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

/** One promise per topic and language, so React's use() sees the same promise on every render. */
const cache = new Map<string, Tracked<Playable>>();

/**
 * The topic's scenario, with the figures its default run draws already loaded: the first
 * render (the static HTML, then hydration) draws the whole first frame without suspending.
 */
export function loadScenario(slug: string, lang: Lang): Promise<Playable> {
  const key = `${lang}:${slug}`;
  let p = cache.get(key);
  if (!p) {
    const load = TABLES[lang][slug as Slug];
    if (!load) throw new Error(`No scenario for topic "${slug}"`);
    const tracked: Tracked<Playable> = load().then(async (m) => {
      const scenario = playable(m);
      const values = defaults(scenario.params);
      const tl = scenario.simulate(values, values.seed as number);
      await preloadFigures(scenario.diagram, new Set(tl.spans.map((s) => s.entity.kind)));
      return scenario;
    });
    tracked.status = 'pending';
    tracked.then(
      (v) => {
        tracked.status = 'fulfilled';
        tracked.value = v;
      },
      (e) => {
        tracked.status = 'rejected';
        tracked.reason = e;
      },
    );
    p = tracked;
    cache.set(key, p);
  }
  return p;
}
