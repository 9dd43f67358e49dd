/** The state-machine figure: which state each actor is in, and the transition just taken. */
import type { Text } from '../core/text';

export interface FsmEntity {
  kind: 'fsm';
  id: string;
  /** Which machine this is (the figure places its states). */
  machine: 'tcp';
  /**
   * The machine's whole transition table, drawn as the figure's edges with their labels
   * (for TCP, RFC 9293 Figure 5: `TCP_TRANSITIONS`). It comes with the timeline, in the
   * page's language, so the figure's script carries no table of its own.
   */
  edges: { from: string; to: string; label: Text }[];
  active: { actor: string; state: string }[];
  transitions: { actor: string; from: string; to: string; label: Text }[];
}

declare module '../core/entities' {
  interface EntityMap {
    fsm: FsmEntity;
  }
}
