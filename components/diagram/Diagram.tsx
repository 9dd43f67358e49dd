'use client';

import type { Scene, Scenario, View } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';
import { SequenceDiagram } from './SequenceDiagram';
import { TcpStateFigure } from './TcpStateFigure';

/** Picks the renderer a scenario asks for. Renderers draw a scene; they hold no protocol logic. */
export function Diagram({ kind, scene, view, index, lang, onInspect }: { kind: Scenario['diagram']; scene: Scene; view: View; index: number; lang: Lang; onInspect?: (id: string) => void }) {
  switch (kind) {
    case 'sequence':
      return (
        <div className="diagram diagram-sequence">
          <SequenceDiagram scene={scene} view={view} index={index} lang={lang} onInspect={onInspect} />
        </div>
      );
  }
}

/** Side figures a scene carries (a state machine), drawn beside the narration. */
export function SideFigure({ scene, lang }: { scene: Scene; lang: Lang }) {
  const fsm = Object.values(scene.entities).find((e) => e.kind === 'fsm');
  return fsm && fsm.kind === 'fsm' ? <TcpStateFigure fsm={fsm} lang={lang} /> : null;
}
