/**
 * Typed scenarios: a scenario declares its params once; `simulate` receives them parsed,
 * clamped and typed by name (enum values as literal unions), so no topic casts a param.
 *
 *   export default defineScenario({
 *     topic: 'tcp-connection', diagram: 'sequence',
 *     params: [CLOSER, LOSSY, SEED_PARAM],
 *     simulate(p, seed) { p.closer; // 'client' | 'server' },
 *   });
 */
import { normalize, type ParamSpec, type ParamsOf, type ParamValues } from './params';
import type { Text } from './text';
import type { Scenario, Stage, Story, Timeline, View } from './timeline';

export interface ScenarioDef<P extends readonly ParamSpec[]> {
  diagram: Stage;
  params: P;
  /** Gets values already inside their specs (the seed among them). */
  simulate(p: ParamsOf<P>, seed: number): Timeline;
}

export interface TypedScenario<P extends readonly ParamSpec[]> extends Scenario {
  params: P;
  /** The typed entry point, for tests and engines that already hold valid values. */
  run(p: Partial<ParamsOf<P>>, seed: number): Timeline;
}

/** Any values object clamped by the specs and typed by name (what `simulate` receives). */
export function valuesOf<const P extends readonly ParamSpec[]>(specs: P, input: Partial<ParamValues>): ParamsOf<P> {
  return normalize(specs, input) as unknown as ParamsOf<P>;
}

export function defineScenario<const P extends readonly ParamSpec[]>(def: ScenarioDef<P>): TypedScenario<P> {
  const run = (input: Partial<ParamValues>, seed: number): Timeline => def.simulate(valuesOf(def.params, { ...input, seed }), seed);
  return {
    diagram: def.diagram,
    params: def.params,
    simulate: (input: ParamValues, seed: number) => run(input, seed),
    run: (input, seed) => run(input as Partial<ParamValues>, seed),
  };
}

/** A param spec, with its literal types kept (use inside `params: [...]` or on its own). */
export const param = <const S extends ParamSpec>(spec: S): S => spec;

/**
 * A run's timeline from its story: the beats become the steps; `notices` are kept only when
 * there are some (so a run without any serialises without the key).
 */
export function storyTimeline(t: {
  topic: string;
  scenario: string;
  params: Readonly<ParamValues>;
  seed: number;
  story: Story;
  view?: View;
  notices?: readonly Text[];
}): Timeline {
  const tl: Timeline = { topic: t.topic, scenario: t.scenario, params: { ...t.params }, seed: t.seed, view: t.view ?? {}, steps: t.story.beats, spans: t.story.spans };
  if (t.notices?.length) tl.notices = [...t.notices];
  return tl;
}
