/**
 * Topics with several first-class scenarios (`TopicScenarios`, shown as tabs): which one a
 * URL opens (`scene=<name>`), what else in the URL belongs to it, and the query it writes.
 * A topic module opts in by exporting `topic` (`{ scenarios, default }`) or `scenarios`
 * beside its default `Scenario`; one without them plays its default export as before.
 */
import type { ParamIssue, ParamValues } from '@/simulations/core/params';
import type { Text } from '@/simulations/core/text';
import type { Scenario, TopicScenarios } from '@/simulations/core/timeline';
import { readUrl, writeQuery, type UrlState } from './url';

/** The URL param naming the scenario. */
export const SCENE_PARAM = 'scene';
/** Older links named it with `view`, when the scenes were one scenario's enum param. */
export const LEGACY_SCENE_PARAM = 'view';

/** What the player plays: the default scenario, and the topic's scenarios when it has several. */
export type Playable = Scenario & { scenes?: TopicScenarios };

type Labelled = Scenario & { label: Text };
const isScenario = (v: unknown): v is Labelled =>
  typeof v === 'object' && v !== null && typeof (v as Scenario).simulate === 'function' && Array.isArray((v as Scenario).params);
const isScenarios = (v: unknown): v is Record<string, Labelled> =>
  typeof v === 'object' && v !== null && Object.keys(v).length > 0 && Object.values(v).every(isScenario);

/** A topic module as the player plays it. */
export function playable(m: { default?: unknown; topic?: unknown; scenarios?: unknown }): Playable {
  const t = m.topic as Partial<TopicScenarios> | undefined;
  const scenarios = isScenarios(t?.scenarios) ? t.scenarios : isScenarios(m.scenarios) ? m.scenarios : undefined;
  if (!scenarios || Object.keys(scenarios).length < 2) return m.default as Scenario;
  const def = typeof t?.default === 'string' && t.default in scenarios ? t.default : Object.keys(scenarios)[0];
  return { ...scenarios[def], scenes: { scenarios, default: def } };
}

/** The scenario a scene name plays (the default for an unknown or absent name). */
export function scenarioOf(p: Playable, scene: string | undefined): Scenario {
  if (!p.scenes) return p;
  return p.scenes.scenarios[scene ?? ''] ?? p.scenes.scenarios[p.scenes.default];
}

export interface TopicUrl extends UrlState {
  /** The scene to open (always a known name), when the topic has several. */
  scene?: string;
}

const sceneNames = (p: Playable) => Object.keys(p.scenes?.scenarios ?? {});

/**
 * Reads a URL for a topic: the scene (`scene=`, or an old `view=`; unknown → the default,
 * with a notice), then that scene's params. Params of another scene are dropped: silently
 * when the link is an old `view=` one (they were all valid then), with a notice otherwise.
 */
export function readTopicUrl(p: Playable, search: string): TopicUrl {
  if (!p.scenes) return readUrl(p.params, search);
  const names = sceneNames(p);
  const q = new URLSearchParams(search);
  const issues: ParamIssue[] = [];
  const ownsView = names.some((n) => p.scenes!.scenarios[n].params.some((s) => s.name === LEGACY_SCENE_PARAM));
  const legacy = !q.has(SCENE_PARAM) && !ownsView && q.has(LEGACY_SCENE_PARAM);
  const key = legacy ? LEGACY_SCENE_PARAM : SCENE_PARAM;
  const given = q.get(key);
  q.delete(SCENE_PARAM);
  if (legacy) q.delete(LEGACY_SCENE_PARAM);
  let scene = p.scenes.default;
  if (given !== null) {
    const hit = names.find((n) => n === given.trim().toLowerCase());
    if (hit) scene = hit;
    else {
      const list = names.join(', ');
      issues.push({ param: key, given, used: scene, reason: { ko: `허용되는 값은 ${list} 입니다.`, en: `allowed values are ${list}.` } });
    }
  }
  const own = new Set(p.scenes.scenarios[scene].params.map((s) => s.name));
  for (const other of names) {
    if (other === scene) continue;
    const o = p.scenes.scenarios[other];
    for (const s of o.params) {
      const v = q.get(s.name);
      if (own.has(s.name) || v === null) continue;
      q.delete(s.name);
      if (!legacy) {
        issues.push({
          param: s.name, given: v, used: '—',
          reason: { ko: `'${o.label.ko}' 장면의 설정이라 이 장면(${scene})에서는 무시했습니다.`, en: `it belongs to the '${o.label.en}' scene, so it was ignored in this one (${scene}).` },
        });
      }
    }
  }
  const url = readUrl(scenarioOf(p, scene).params, q.toString());
  return { ...url, issues: [...issues, ...url.issues], scene };
}

/** The query for a state: the scene first (left out when it is the default), then its params and the step. */
export function writeTopicQuery(p: Playable, scene: string | undefined, values: ParamValues, index: number): string {
  const rest = writeQuery(scenarioOf(p, scene).params, values, index);
  if (!p.scenes || !scene || scene === p.scenes.default) return rest;
  const q = new URLSearchParams([[SCENE_PARAM, scene], ...new URLSearchParams(rest)]);
  return `?${q.toString()}`;
}
