'use client';

import { Suspense, lazy } from 'react';
import type { ChartEntity, CountersEntity, Entity, Scene, Scenario, View, WindowEntity } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { SequenceDiagram } from './SequenceDiagram';
import { TcpStateFigure } from './TcpStateFigure';
import Counters from './panels/Counters';

// Heavier pieces load only for the scenes that use them.
const Topology = lazy(() => import('./Topology'));
const BarChart = lazy(() => import('./panels/BarChart'));
const WindowStrip = lazy(() => import('./panels/WindowStrip'));

/** The main stage a scenario asks for. Renderers draw a scene; they hold no protocol logic. */
export function Diagram({ kind, scene, view, index, lang, onInspect }: { kind: Scenario['diagram']; scene: Scene; view: View; index: number; lang: Lang; onInspect?: (id: string) => void }) {
  switch (kind) {
    case 'sequence':
      return (
        <div className="diagram diagram-sequence">
          <SequenceDiagram scene={scene} view={view} index={index} lang={lang} onInspect={onInspect} />
        </div>
      );
    case 'topology':
      return (
        <div className="diagram diagram-topology">
          <Suspense fallback={<div className="topo-wrap placeholder" />}>
            <Topology scene={scene} lang={lang} onInspect={onInspect} />
          </Suspense>
        </div>
      );
  }
}

const of = <K extends Entity['kind']>(scene: Scene, kind: K) => Object.values(scene.entities).filter((e): e is Extract<Entity, { kind: K }> => e.kind === kind);

/** Panels a scene carries (state machine, windows, counters, charts), drawn beside the narration. */
export function SideFigure({ scene, lang }: { scene: Scene; lang: Lang }) {
  const fsm = of(scene, 'fsm')[0];
  const windows: WindowEntity[] = of(scene, 'window');
  const counters: CountersEntity[] = of(scene, 'counters');
  const charts: ChartEntity[] = of(scene, 'chart');
  if (!fsm && !windows.length && !counters.length && !charts.length) return null;
  return (
    <div className="panels">
      {fsm && <TcpStateFigure fsm={fsm} lang={lang} />}
      <Suspense fallback={null}>
        {windows.map((w) => (
          <WindowStrip key={w.id} win={w} lang={lang} />
        ))}
        {counters.map((c) => (
          <Counters key={c.id} c={c} lang={lang} />
        ))}
        {charts.map((c) => (
          <BarChart key={c.id} chart={c} lang={lang} />
        ))}
      </Suspense>
    </div>
  );
}
