/**
 * The story layer: what a scenario makes of its trace.
 *
 * - Beats are the steps a user walks through: a time, an optional stable key ("syn-ack"),
 *   a short caption and a narration for screen readers.
 * - Spans are the things drawn: an entity shown from one beat until another, with
 *   keyframes where it changes. A span is declared once, when the thing appears.
 *
 * A step no longer stores its whole scene: `sceneAt(story, i)` samples the spans alive at
 * beat i, so jumping to any step costs one pass over the spans, and the whole story is
 * small enough to keep (a few spans and keyframes per event, not a scene per step).
 */
import type { Text } from './text';
import type { Entity } from './entities';

export interface Beat {
  /** Logical time of this step, ms since the scenario started. */
  t: number;
  /** A stable name the text and the tests can reach ("the SYN-ACK step"). */
  key?: string;
  caption: Text;
  /** Full narration, read by screen readers when the step becomes current. */
  narration: Text;
}

/** A change to an entity from beat `at` on (fields replaced, shallowly). */
export interface Frame {
  at: number;
  patch: Readonly<Record<string, unknown>>;
}

export interface Span {
  id: string;
  /** First beat at which the entity is shown. */
  from: number;
  /** First beat at which it is no longer shown; absent: until the end. */
  until?: number;
  entity: Entity;
  /** Keyframes in beat order. */
  frames?: Frame[];
}

export interface Story {
  beats: Beat[];
  spans: Span[];
}

export interface Scene {
  /** Entities by stable id: the same id at two steps is the same thing, so it animates. */
  entities: Record<string, Entity>;
}

/**
 * The entities shown at beat i. `fresh` is true on an entity at the beat its span began
 * (a message sent, a mark written at this very step).
 */
export function sceneAt(story: Story, i: number): Scene {
  const entities: Record<string, Entity> = {};
  for (const s of story.spans) {
    if (s.from > i || (s.until !== undefined && s.until <= i)) continue;
    let e: Record<string, unknown> = s.entity as unknown as Record<string, unknown>;
    if (s.frames) {
      for (const f of s.frames) {
        if (f.at > i) break;
        e = { ...e, ...f.patch };
      }
    }
    if ('fresh' in e || s.from === i) e = { ...e, fresh: s.from === i };
    entities[s.id] = e as unknown as Entity;
  }
  return { entities };
}

/** Values JSON leaves out of an object (and writes as null in an array). */
const skipped = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * Whether two field values would serialize to the same JSON (same keys in the same order),
 * without serializing them: shared references are equal at once, and the walk stops at the
 * first difference, so comparing two big entities costs little when they are the same object
 * or differ early.
 */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return JSON.stringify(a) === JSON.stringify(b);
  const arr = Array.isArray(a);
  if (arr !== Array.isArray(b)) return false;
  if (arr) {
    const x = a as unknown[], y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!same(skipped(x[i]) ? null : x[i], skipped(y[i]) ? null : y[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  const kx = Object.keys(x).filter((k) => !skipped(x[k]));
  const ky = Object.keys(y).filter((k) => !skipped(y[k]));
  if (kx.length !== ky.length) return false;
  for (let i = 0; i < kx.length; i++) if (kx[i] !== ky[i] || !same(x[kx[i]], y[ky[i]])) return false;
  return true;
}

/**
 * Builds a story while walking a trace: open a beat, then show, change or hide entities;
 * each call applies from the current beat on.
 */
export class StoryBuilder {
  private beats: Beat[] = [];
  private spans: Span[] = [];
  private open = new Map<string, { span: Span; current: Record<string, unknown> }>();

  /** Starts a new beat; later calls apply from this beat on. Returns its index. */
  beat(b: Beat): number {
    this.beats.push(b);
    return this.beats.length - 1;
  }

  /** Index of the current beat (-1 before the first). */
  get now(): number {
    return this.beats.length - 1;
  }

  /** Updates the current beat (e.g. its caption once the whole event is known). */
  amend(patch: Partial<Beat>): void {
    const i = this.now;
    if (i < 0) throw new Error('no beat to amend');
    this.beats[i] = { ...this.beats[i], ...patch };
  }

  /**
   * Shows an entity from the current beat on; if it is already shown, records only what
   * changed (a keyframe), so calling `show` every beat with the full entity stays cheap.
   */
  show(entity: Entity): void {
    const at = this.now;
    if (at < 0) throw new Error('show() before the first beat');
    const { fresh: _fresh, ...rest } = entity as unknown as Record<string, unknown>;
    const o = this.open.get(entity.id);
    if (!o) {
      const span: Span = { id: entity.id, from: at, entity: rest as unknown as Entity };
      this.spans.push(span);
      this.open.set(entity.id, { span, current: rest });
      return;
    }
    // One id, one thing: a panel that reused an actor's id would replace the actor in every scene.
    if (o.current.kind !== entity.kind) throw new Error(`show(): "${entity.id}" is a ${String(o.current.kind)}, not a ${entity.kind}`);
    const patch: Record<string, unknown> = {};
    let changed = false;
    for (const k of new Set([...Object.keys(o.current), ...Object.keys(rest)])) {
      if (!same(o.current[k], rest[k])) {
        patch[k] = rest[k];
        changed = true;
      }
    }
    if (!changed) return;
    this.frame(o, at, patch);
    o.current = rest;
  }

  /** Changes some fields of a shown entity from the current beat on. */
  set(id: string, patch: Record<string, unknown>): void {
    const o = this.open.get(id);
    if (!o) throw new Error(`set(): ${id} is not shown`);
    const real: Record<string, unknown> = {};
    let changed = false;
    for (const [k, v] of Object.entries(patch)) {
      if (!same(o.current[k], v)) {
        real[k] = v;
        changed = true;
      }
    }
    if (!changed) return;
    this.frame(o, this.now, real);
    o.current = { ...o.current, ...real };
  }

  /** The entity as currently shown, if it is. */
  get<E extends Entity = Entity>(id: string): E | undefined {
    return this.open.get(id)?.current as unknown as E | undefined;
  }

  /** Ids of the entities shown now. */
  shownIds(): string[] {
    return [...this.open.keys()];
  }

  has(id: string): boolean {
    return this.open.has(id);
  }

  /** Stops showing an entity from the current beat on. */
  hide(id: string): void {
    const o = this.open.get(id);
    if (!o) return;
    o.span.until = this.now;
    this.open.delete(id);
  }

  build(): Story {
    return { beats: this.beats, spans: this.spans };
  }

  private frame(o: { span: Span }, at: number, patch: Record<string, unknown>): void {
    const frames = (o.span.frames ??= []);
    const last = frames[frames.length - 1];
    if (at === o.span.from) {
      o.span.entity = { ...(o.span.entity as unknown as Record<string, unknown>), ...patch } as unknown as Entity;
    } else if (last && last.at === at) {
      last.patch = { ...last.patch, ...patch };
    } else {
      frames.push({ at, patch });
    }
  }
}

/**
 * Builds a story from complete scenes, one per beat: for scenarios whose scenes are cheapest
 * to state whole. Entities that do not change between beats cost nothing.
 */
export function storyFromScenes(steps: readonly (Beat & { scene: Scene })[]): Story {
  const b = new StoryBuilder();
  for (const { scene, ...beat } of steps) {
    b.beat(beat);
    const ids = new Set(Object.keys(scene.entities));
    for (const id of b.shownIds()) if (!ids.has(id)) b.hide(id);
    for (const e of Object.values(scene.entities)) b.show(e);
  }
  return b.build();
}
