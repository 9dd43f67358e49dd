/** The state-machine figure: which state each actor is in, and the transition just taken. */
import type { Text } from '../core/text';

export interface FsmEntity {
  kind: 'fsm';
  id: string;
  /** Which machine's transition table to draw (the figure reads the table from the engine). */
  machine: 'tcp';
  active: { actor: string; state: string }[];
  transitions: { actor: string; from: string; to: string; label: Text }[];
}

declare module '../core/entities' {
  interface EntityMap {
    fsm: FsmEntity;
  }
}
