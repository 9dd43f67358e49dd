'use client';

import { Suspense } from 'react';
import type { Entity, Scene, View } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { panelFigures, stageFigure } from '../figures/registry';

/** The main stage a scenario asks for, from the figure registry. Renderers hold no protocol logic. */
export function Diagram({ kind, scene, view, index, lang, onInspect }: { kind: string; scene: Scene; view: View; index: number; lang: Lang; onInspect?: (id: string) => void }) {
  const fig = stageFigure(kind);
  if (!fig) return null;
  const Stage = fig.component;
  const body = <Stage scene={scene} view={view} index={index} lang={lang} onInspect={onInspect} />;
  return <div className={`diagram diagram-${fig.id}`}>{fig.lazy ? <Suspense fallback={<div className={`figure-placeholder placeholder-${fig.id}`} />}>{body}</Suspense> : body}</div>;
}

/** Panels a scene carries (state machine, windows, counters, charts…), in registry order, beside the narration. */
export function SideFigure({ scene, lang }: { scene: Scene; lang: Lang }) {
  const all = Object.values(scene.entities);
  const parts = panelFigures().flatMap((fig) => {
    const mine: Entity[] = all.filter((e) => fig.kinds.includes(e.kind));
    if (!mine.length) return [];
    const Panel = fig.component;
    const groups = fig.each ? mine.map((e) => [e]) : [mine];
    return groups.map((g) => {
      const el = <Panel key={`${fig.id}:${g[0].id}`} entities={g} scene={scene} lang={lang} />;
      return fig.lazy ? (
        <Suspense key={`${fig.id}:${g[0].id}`} fallback={null}>
          {el}
        </Suspense>
      ) : (
        el
      );
    });
  });
  return parts.length ? <div className="panels">{parts}</div> : null;
}
