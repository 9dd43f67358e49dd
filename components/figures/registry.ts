/**
 * Every figure kind, in one place: which entity kinds it draws, its component, whether it
 * loads lazily, whether it is a stage or a panel, and how a stage takes a full screen (its
 * `layout`, which the stylesheet reads from data attributes). `Diagram` and `SideFigure` only
 * iterate this list. Adding a figure: its entity module in `simulations/figures/`, its
 * component here in `components/figures/`, and one line below (layer stacks, DNS trees,
 * token anatomy and resource tables come the same way).
 */
import { lazy } from 'react';
import type { FigureDef, PanelProps, StageProps } from './types';
import SequenceDiagram from './SequenceDiagram';
import Counters from './panels/Counters';

export type { FigureDef, PanelProps, StageLayout, StageProps } from './types';

const later = <P,>(load: () => Promise<{ default: React.ComponentType<P> }>) => lazy(load);
// Figures that only one topic draws, all from its first step, load as one chunk.
const uri = () => import('./uri-figures');
const dns = () => import('./dns-figures');

export const FIGURES: readonly FigureDef[] = [
  { slot: 'stage', id: 'sequence', kinds: ['actor', 'message', 'mark', 'timer'], lazy: false, component: SequenceDiagram, layout: { height: 'fill' } },
  { slot: 'stage', id: 'topology', kinds: ['node', 'link', 'packet'], lazy: true, component: later<StageProps>(() => import('./Topology')), layout: { height: 'aspect', short: 'beside-one' } },
  { slot: 'panel', id: 'fsm', kinds: ['fsm'], lazy: true, each: true, component: later<PanelProps>(() => import('./TcpStateFigure')) },
  { slot: 'panel', id: 'window', kinds: ['window'], lazy: true, each: true, component: later<PanelProps>(() => import('./panels/WindowStrip')) },
  { slot: 'panel', id: 'counters', kinds: ['counters'], lazy: false, each: true, component: Counters },
  { slot: 'panel', id: 'chart', kinds: ['chart'], lazy: true, each: true, component: later<PanelProps>(() => import('./panels/BarChart')) },
  { slot: 'panel', id: 'layers', kinds: ['layers'], lazy: true, each: true, component: later<PanelProps>(() => import('./LayerStack')) },
  { slot: 'stage', id: 'dns-tree', kinds: ['dns-tree'], lazy: true, component: later<StageProps>(() => dns().then((m) => ({ default: m.DnsTree }))), layout: { height: 'fill', short: 'beside' } },
  { slot: 'panel', id: 'record-table', kinds: ['record-table'], lazy: true, each: true, component: later<PanelProps>(() => dns().then((m) => ({ default: m.RecordTable }))) },
  { slot: 'stage', id: 'uri-parts', kinds: ['uri-parts'], lazy: true, component: later<StageProps>(() => uri().then((m) => ({ default: m.UriParts }))) },
  { slot: 'panel', id: 'resource-tree', kinds: ['resource-tree'], lazy: true, each: true, component: later<PanelProps>(() => import('./ResourceTree')) },
  { slot: 'panel', id: 'venn', kinds: ['venn'], lazy: true, each: true, component: later<PanelProps>(() => uri().then((m) => ({ default: m.Venn }))) },
  { slot: 'panel', id: 'hpack', kinds: ['hpack'], lazy: true, each: true, component: later<PanelProps>(() => import('./HpackTable')) },
  { slot: 'panel', id: 'waterfall', kinds: ['waterfall'], lazy: true, each: true, component: later<PanelProps>(() => import('./Waterfall')) },
];

export const stageFigure = (id: string) => FIGURES.find((f): f is Extract<FigureDef, { slot: 'stage' }> => f.slot === 'stage' && f.id === id);
export const panelFigures = () => FIGURES.filter((f): f is Extract<FigureDef, { slot: 'panel' }> => f.slot === 'panel');
