/** What the transport-layer tests read off a run: the last scene, its arrows and the counters. */
import { scenario } from '.';
import type { ParamValues } from '../../core/params';
import { withScenes, type CountersEntity, type Entity, type MessageEntity, type FullTimeline as Timeline } from '../../core/timeline';

export const simulate = (p: Partial<ParamValues>, seed: number): Timeline => withScenes(scenario.run(p, seed));

export const SEEDS = Array.from({ length: 40 }, (_, i) => i * 7919 + 1);
export const FOCI = ['both', 'tcp', 'udp'] as const;
export const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

export function lastScene(tl: Timeline): Entity[] {
  return Object.values(tl.steps[tl.steps.length - 1].scene.entities);
}
export function arrowsOf(tl: Timeline): MessageEntity[] {
  return lastScene(tl).filter((e): e is MessageEntity => e.kind === 'message');
}
/** The counters panel's rows by their English label (before any parenthesis). */
export function counters(tl: Timeline, step = tl.steps.length - 1): Record<string, string[]> {
  const c = tl.steps[step].scene.entities.counters as CountersEntity;
  return Object.fromEntries(c.rows.map((r) => [r.label.en.split(' (')[0], r.values]));
}
