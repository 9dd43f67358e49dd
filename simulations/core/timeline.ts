import type { ParamSpec, ParamValues } from './params';
import type { Text } from './text';

/**
 * A timeline is what a simulation returns: a list of steps, each a complete
 * scene. Scrubbing is an array index; nothing is derived from the previous step.
 * Everything in it is plain JSON (no functions, no class instances, no undefined
 * in arrays), so that the same params and seed give the same bytes.
 */
export interface Timeline {
  topic: string;
  scenario: string;
  params: ParamValues;
  seed: number;
  /** The fixed frame every scene is drawn in (rows of a sequence diagram, lanes…). */
  view: View;
  steps: Step[];
}

export interface View {
  /** Sequence diagrams: number of rows on the vertical (logical) axis. */
  rows?: number;
  /** Labels for the vertical axis: logical time (ms) at some rows. */
  ticks?: { y: number; t: number }[];
}

export interface Step {
  /** Logical time of this step, in ms since the scenario started. */
  t: number;
  /** A stable name the text can link to ("see the SYN-ACK step"), when the step has one. */
  key?: string;
  /** Short caption for the step list. */
  caption: Text;
  /** Full narration, read by screen readers when the step becomes current. */
  narration: Text;
  scene: Scene;
}

export interface Scene {
  /** Entities by stable id: the same id in two steps is the same thing, so it animates. */
  entities: Record<string, Entity>;
}

/** A host, process or box with a lifeline (sequence diagrams) or a position (topology). */
export interface ActorEntity {
  kind: 'actor';
  id: string;
  label: Text;
  sublabel?: string;
  /** Horizontal position, 0..100. */
  x: number;
  /** Current protocol state (e.g. "SYN-SENT"), shown beside the lifeline. */
  state?: string;
}

/** Where a packet's bytes come from: enough for the inspector to encode it. */
export interface PacketRef {
  proto: 'tcp' | 'udp' | 'dns' | 'http' | 'ws' | 'h2' | 'tls';
  /** Plain JSON fields of the packet (protocol specific). */
  fields: Record<string, unknown>;
}

export type MessageStatus = 'flight' | 'delivered' | 'lost';

/** A message between two actors: an arrow from (from, y0) to (to, y1). */
export interface MessageEntity {
  kind: 'message';
  id: string;
  from: string;
  to: string;
  y0: number;
  y1: number;
  /** 0..1: how far along its arrow the packet is at this step (1 when delivered). */
  progress: number;
  status: MessageStatus;
  /** Short label on the arrow, e.g. "SYN seq=1000". */
  label: string;
  /** true if this message was sent at this very step. */
  fresh: boolean;
  retransmission?: boolean;
  packet?: PacketRef;
}

/** A note on a lifeline at a row: a socket call, a state change, an app event. */
export interface MarkEntity {
  kind: 'mark';
  id: string;
  on: string;
  y: number;
  tone: 'call' | 'state' | 'app' | 'timer';
  text: Text;
  fresh: boolean;
}

/** A timer drawn along a lifeline from y0 (started) to y1 (fired or cancelled, or now). */
export interface TimerEntity {
  kind: 'timer';
  id: string;
  on: string;
  y0: number;
  y1: number;
  label: Text;
  status: 'running' | 'fired' | 'cancelled';
  /** Duration in logical ms. */
  ms: number;
}

/** A finite-state-machine figure: which state each actor is in, and what just changed. */
export interface FsmEntity {
  kind: 'fsm';
  id: string;
  machine: 'tcp';
  active: { actor: string; state: string }[];
  transitions: { actor: string; from: string; to: string; label: Text }[];
}

export type Entity = ActorEntity | MessageEntity | MarkEntity | TimerEntity | FsmEntity;

/** A scenario module: what a topic folder exports. */
export interface Scenario {
  /** Name of the diagram component that draws this scenario's scenes. */
  diagram: 'sequence';
  params: readonly ParamSpec[];
  simulate(params: ParamValues, seed: number): Timeline;
}
