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
  /**
   * What the scenario itself had to change, beyond the param codec (e.g. a window too
   * large for the sequence space): the page shows these beside the param notices.
   */
  notices?: Text[];
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
  /* tcp fields: { src, dst, seg: Segment, t }; udp fields: { src, dst, srcPort, dstPort, data, t } */
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

/** A box in a topology or host view; `parent` nests it inside another node. x, y, w, h in 0..100. */
export interface NodeEntity {
  kind: 'node';
  id: string;
  label: Text;
  sublabel?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  role: 'host' | 'process' | 'socket' | 'listen-socket' | 'router' | 'switch' | 'server' | 'client' | 'nic' | 'group';
  parent?: string;
  highlight?: boolean;
}

/** A link between two nodes. */
export interface LinkEntity {
  kind: 'link';
  id: string;
  a: string;
  b: string;
  label?: Text;
  highlight?: boolean;
}

/** A packet travelling from one node to another in a topology view. */
export interface PacketEntity {
  kind: 'packet';
  id: string;
  from: string;
  to: string;
  /** 0..1 along the way; 1 when it has arrived. */
  progress: number;
  label: string;
  status: MessageStatus;
  tone?: 'tcp' | 'udp' | 'ack' | 'stale' | 'data';
  packet?: PacketRef;
}

export type Entity =
  | ActorEntity
  | MessageEntity
  | MarkEntity
  | TimerEntity
  | FsmEntity
  | WindowEntity
  | ChartEntity
  | CountersEntity
  | NodeEntity
  | LinkEntity
  | PacketEntity;

/** A scenario module: what a topic folder exports. */
export interface Scenario {
  /**
   * The main stage: 'sequence' draws actors, messages, marks and timers as a sequence
   * diagram; 'topology' draws nodes, links and packets. Windows, charts, counters and
   * state machines in a scene are drawn as panels beside the narration either way.
   */
  diagram: 'sequence' | 'topology';
  params: readonly ParamSpec[];
  simulate(params: ParamValues, seed: number): Timeline;
}
