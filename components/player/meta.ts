/**
 * What the page needs of a topic to draw its player without the topic's engine: the
 * diagram kind, the param specs and the scenes (tabs), as plain data computed at build
 * time. The engine itself loads in the simulation worker (see runs.ts).
 */
import type { Playable } from './scenes';
import type { Timeline } from '@/simulations/core/timeline';

/** What the page needs of a topic without its engine: plain data (validators left out). */
export type TopicMeta = Pick<Playable, 'diagram' | 'params'> & {
  scenes?: { default: string; scenarios: Record<string, Pick<Playable, 'diagram' | 'params'> & { label: { ko: string; en: string } }> };
};

const plain = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The topic's meta (server side, at build time). */
export function metaOf(p: Playable): TopicMeta {
  const part = (s: Pick<Playable, 'diagram' | 'params'>) => ({ diagram: s.diagram, params: plain(s.params) });
  if (!p.scenes) return part(p);
  const scenarios = Object.fromEntries(Object.entries(p.scenes.scenarios).map(([k, s]) => [k, { ...part(s), label: plain(s.label) }]));
  return { ...part(p), scenes: { default: p.scenes.default, scenarios } };
}

const noEngine = (): Timeline => {
  throw new Error('runs go through requestRun (components/player/runs.ts)');
};

/** The meta as a Playable for the URL and tab helpers (which read params and scenes only). */
export function playableOf(meta: TopicMeta): Playable {
  const scenarios = meta.scenes
    ? Object.fromEntries(Object.entries(meta.scenes.scenarios).map(([k, s]) => [k, { ...s, simulate: noEngine }]))
    : undefined;
  return { ...meta, simulate: noEngine, scenes: scenarios ? { default: meta.scenes!.default, scenarios } : undefined } as Playable;
}
