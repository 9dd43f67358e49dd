import type { ComponentType, LazyExoticComponent } from 'react';
import type { Entity, EntityKind, Scene, View } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';

/** What a stage figure draws from: the whole scene, the fixed frame, the current step. */
export interface StageProps {
  scene: Scene;
  view: View;
  index: number;
  lang: Lang;
  onInspect?: (id: string) => void;
}

/** What a panel figure draws from: the entities of its kinds in the scene (at least one). */
export interface PanelProps {
  entities: Entity[];
  /** The whole scene, to look up actors (their roles decide colours). */
  scene: Scene;
  lang: Lang;
}

type Comp<P> = ComponentType<P> | LazyExoticComponent<ComponentType<P>>;

/**
 * How a stage figure takes the full-screen stage (the wrapper carries it as data attributes;
 * globals.css lays the player out from them, never from a figure's id):
 * - `height`: `fill`, the figure fills the stage's height (it counts its rows or zooms to fit);
 *   `aspect`, it keeps its proportions, drawn to the stage's height when that is the limit, and
 *   its narration then takes at most a quarter of a short screen. Absent: its natural height.
 * - `short`: on a short screen (1366×768) the figure is tall enough to take the whole height
 *   beside the panels, the narration under them: `beside` whenever it has panels, `beside-one`
 *   when it has exactly one.
 */
export interface StageLayout {
  height?: 'fill' | 'aspect';
  short?: 'beside' | 'beside-one';
}

/**
 * One figure kind. A stage is the scenario's main diagram (`Scenario.diagram` names it);
 * a panel is drawn beside the narration whenever the scene holds entities of its kinds.
 */
export type FigureDef =
  | { slot: 'stage'; id: string; kinds: readonly EntityKind[]; lazy: boolean; component: Comp<StageProps>; layout?: StageLayout }
  | { slot: 'panel'; id: string; kinds: readonly EntityKind[]; lazy: boolean; component: Comp<PanelProps>; /** one figure per entity (windows, charts) or one for all */ each: boolean };

/** The role of an actor in a scene (what decides its colour), `neutral` when it has none. */
export function roleOf(scene: Scene, id: string): string {
  const a = scene.entities[id] as Entity | undefined;
  return a && 'role' in a && typeof a.role === 'string' ? a.role : 'neutral';
}
