import type { Scenario } from '@/simulations/core/timeline';
import { SCENARIOS } from '@/simulations/scenarios';

/** One promise per topic, so React's use() sees the same promise on every render. */
const cache = new Map<string, Promise<Scenario>>();

export function loadScenario(slug: string): Promise<Scenario> {
  let p = cache.get(slug);
  if (!p) {
    const load = SCENARIOS[slug];
    if (!load) throw new Error(`No scenario for topic "${slug}"`);
    p = load().then((m) => m.default);
    cache.set(slug, p);
  }
  return p;
}
