'use client';

import { Suspense, useRef } from 'react';
import type { Entity, Scene, View } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { panelFigures, stageFigure } from '../figures/registry';
import { useFitNarration } from './fit';

/**
 * The player's stage and panels, drawn from the figure registry as `Diagram` and `SideFigure`
 * draw them, with one difference: a lazy figure whose code has already loaded renders without
 * a Suspense boundary. The player loads the figures its default run uses before its first
 * render (see load.ts), on the server as in the browser, so the static HTML holds the first
 * frame inline (React outlines any boundary over 500 bytes in a page this size, which leaves
 * a placeholder until a script swaps the drawing in) and hydration finds the same tree. A
 * figure not loaded yet (another view picked later) still gets its boundary.
 */

interface LazyLike {
  _init?: (payload: unknown) => unknown;
  _payload?: unknown;
}

/** Starts loading a React.lazy component; resolves when it renders without suspending. */
export function preloadComponent(c: unknown): Promise<void> {
  const lz = c as LazyLike;
  if (typeof lz?._init !== 'function') return Promise.resolve();
  try {
    lz._init(lz._payload);
    return Promise.resolve();
  } catch (x) {
    if (x && typeof (x as PromiseLike<unknown>).then === 'function') return Promise.resolve(x as PromiseLike<unknown>).then(() => undefined, () => undefined);
    return Promise.resolve();
  }
}

/** Whether a component renders without suspending (eager, or lazy and loaded). */
function ready(c: unknown): boolean {
  const lz = c as LazyLike;
  if (typeof lz?._init !== 'function') return true;
  try {
    lz._init(lz._payload);
    return true;
  } catch {
    return false;
  }
}

/** Loads the stage figure and every panel figure drawing one of these entity kinds. */
export function preloadFigures(stage: string, kinds: ReadonlySet<string>): Promise<void> {
  const figs = [stageFigure(stage), ...panelFigures().filter((f) => f.kinds.some((k) => kinds.has(k)))];
  return Promise.all(figs.map((f) => (f?.lazy ? preloadComponent(f.component) : undefined))).then(() => undefined);
}

export function Stage({ kind, scene, view, index, lang, onInspect }: { kind: string; scene: Scene; view: View; index: number; lang: Lang; onInspect?: (id: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Full screen: the narration fits its fixed box under the stage (fit.ts), whatever its length.
  useFitNarration(ref);
  const fig = stageFigure(kind);
  if (!fig) return null;
  const Comp = fig.component;
  const body = <Comp scene={scene} view={view} index={index} lang={lang} onInspect={onInspect} />;
  return (
    <div ref={ref} className={`diagram diagram-${fig.id}`} data-height={fig.layout?.height} data-short={fig.layout?.short}>
      {fig.lazy && !ready(Comp) ? <Suspense fallback={<div className={`figure-placeholder placeholder-${fig.id}`} />}>{body}</Suspense> : body}
    </div>
  );
}

export function Panels({ scene, lang }: { scene: Scene; lang: Lang }) {
  const all = Object.values(scene.entities);
  const parts = panelFigures().flatMap((fig) => {
    const mine: Entity[] = all.filter((e) => fig.kinds.includes(e.kind));
    if (!mine.length) return [];
    const Panel = fig.component;
    const groups = fig.each ? mine.map((e) => [e]) : [mine];
    return groups.map((g) => {
      const key = `${fig.id}:${g[0].id}`;
      const el = <Panel key={key} entities={g} scene={scene} lang={lang} />;
      return fig.lazy && !ready(Panel) ? (
        <Suspense key={key} fallback={null}>
          {el}
        </Suspense>
      ) : (
        el
      );
    });
  });
  return parts.length ? <div className="panels">{parts}</div> : null;
}
