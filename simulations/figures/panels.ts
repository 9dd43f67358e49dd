/** Panels drawn beside the stage: sliding-window strips, bar charts and counter tables. */
import type { Text } from '../core/text';

/** One cell of a sliding-window strip: a packet number and what it is to its owner right now. */
export type WindowCellState =
  | 'acked' // sender: acknowledged
  | 'sent' // sender: sent, not yet acknowledged
  | 'usable' // sender: inside the window, not sent yet
  | 'outside' // either side: beyond the window
  | 'delivered' // receiver: handed to the application
  | 'buffered' // receiver: held out of order (SR, TCP)
  | 'expected' // receiver: inside the window, still missing
  | 'retransmit'; // sender: being resent at this step

/** A sliding-window strip: numbered cells with the window drawn as a bracket over [from, to). */
export interface WindowEntity {
  kind: 'window';
  id: string;
  label: Text;
  cells: { n: number; state: WindowCellState; seq?: number }[];
  window: { from: number; to: number };
  /** A short line under the strip ("base=2 next=6", "rwnd=0"). */
  note?: Text;
}

/** A bar chart computed by the simulation: groups of bars, one value per series. */
export interface ChartEntity {
  kind: 'chart';
  id: string;
  title: Text;
  series: { key: string; label: Text; unit: string }[];
  groups: { key: string; label: Text; values: Record<string, number> }[];
  /** The group in play (drawn emphasised). */
  highlight?: string;
}

/** A small table of counters (delivered, lost, overhead…), columns by side or protocol. */
export interface CountersEntity {
  kind: 'counters';
  id: string;
  title: Text;
  columns: Text[];
  rows: { label: Text; values: string[] }[];
}

declare module '../core/entities' {
  interface EntityMap {
    window: WindowEntity;
    chart: ChartEntity;
    counters: CountersEntity;
  }
}
