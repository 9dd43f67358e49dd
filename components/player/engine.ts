import type { Lang } from '@/simulations/core/text';
import { formatValue, parseValue, type ParamIssue, type ParamSpec, type ParamValues } from '@/simulations/core/params';
import type { Timeline } from '@/simulations/core/timeline';
import type { Slug } from '@/simulations/slugs';
// One copy of the engine per language (scripts/lang-split.mjs, run before every build): a run
// is computed by its own language's copy, so a page never downloads the other narration.
import { SCENARIOS as KO } from '@/.lang/ko/simulations/scenarios';
import { SCENARIOS as EN } from '@/.lang/en/simulations/scenarios';
import { playable, scenarioOf, type Playable } from './scenes';

const TABLES = { ko: KO, en: EN } as const;

/** What one run asks for: a topic, its language, a scene (topics with tabs) and the params. */
export interface RunRequest {
  slug: string;
  lang: Lang;
  scene?: string;
  values: ParamValues;
}

/** A run: its timeline, the values it used, and what the full param checks changed. */
export interface RunResult {
  timeline: Timeline;
  values: ParamValues;
  issues: ParamIssue[];
}

/** The topic module, as the player plays it (its code loads on first call). */
export function loadPlayable(slug: string, lang: Lang): Promise<Playable> {
  const load = TABLES[lang][slug as Slug];
  if (!load) return Promise.reject(new Error(`No scenario for topic "${slug}"`));
  return load().then(playable);
}

/**
 * Values checked by the specs' own validators (free-text params whose check lives with the
 * topic's code, which the page itself does not load): an invalid one falls back to its default.
 */
export function checkValues(specs: readonly ParamSpec[], values: ParamValues): { values: ParamValues; issues: ParamIssue[] } {
  const out: ParamValues = { ...values };
  const issues: ParamIssue[] = [];
  for (const spec of specs) {
    if (spec.kind !== 'string' || !spec.validate || typeof values[spec.name] !== 'string') continue;
    const r = parseValue(spec, formatValue(spec, values[spec.name]));
    out[spec.name] = r.value;
    if (r.issue) issues.push(r.issue);
  }
  return { values: out, issues };
}

/** Runs the simulation for a request (pure: same request, same result). */
export async function simulateRequest(r: RunRequest): Promise<RunResult> {
  const scenario = scenarioOf(await loadPlayable(r.slug, r.lang), r.scene);
  const { values, issues } = checkValues(scenario.params, r.values);
  return { timeline: scenario.simulate(values, values.seed as number), values, issues };
}
