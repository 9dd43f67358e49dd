/**
 * The open set of entity kinds. Each figure kind declares its data in its own module under
 * `simulations/figures/` and adds itself to `EntityMap` there (declaration merging), so a
 * new figure adds files and one registry line, and never edits a central union.
 */
export interface EntityMap {}

/** Any entity a scene can hold. */
export type Entity = EntityMap[keyof EntityMap];
export type EntityKind = keyof EntityMap;
export type EntityOf<K extends EntityKind> = EntityMap[K];

/** Entities of one kind in a scene, in insertion order. */
export function entitiesOf<K extends EntityKind>(scene: { entities: Record<string, Entity> }, kind: K): EntityOf<K>[] {
  return Object.values(scene.entities).filter((e): e is EntityOf<K> => (e as { kind: string }).kind === kind);
}
