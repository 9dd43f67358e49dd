/**
 * The sequence figure: actors with lifelines, messages between them, marks and timers on
 * the lifelines. Rows on the vertical axis are logical time (see `View`).
 */
import type { Text } from '../core/text';
import type { PacketRef } from '../core/packets';

/** What an actor is in its scenario: decides its colour. */
export type ActorRole = 'client' | 'server' | 'sender' | 'receiver' | 'resolver' | 'authority' | 'proxy' | 'attacker' | 'balancer' | 'neutral';

/** A host, process or box with a lifeline (sequence diagrams). */
export interface ActorEntity {
  kind: 'actor';
  id: string;
  label: Text;
  sublabel?: string;
  /** Horizontal position, 0..100. */
  x: number;
  role: ActorRole;
  /** Current protocol state (e.g. "SYN-SENT"), shown beside the lifeline. */
  state?: string;
}

export type MessageStatus = 'flight' | 'delivered' | 'lost';

/** How a message is drawn: its kind decides the colour, never its label. */
export type MessageTone = 'control' | 'data' | 'ack' | 'close' | 'reset' | 'stale' | 'udp' | 'query' | 'answer';

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
  /**
   * What the arrow shows when `label` does not fit between its lifelines: what matters of the same
   * packet ("GET /img/2.svg" for "PSH, ACK seq=1 ack=1 len=96 GET /img/2.svg", "SYN" for "SYN seq=0").
   */
  short?: string;
  /** The few characters shown on the packet while it flies ("SYN-ACK", "DATA 3"). */
  chip?: string;
  tone?: MessageTone;
  /** true at the step the message was sent (set by the story sampler). */
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
  /** Several timers on one lifeline at once (Selective Repeat) get their own lanes. */
  lane?: number;
}

declare module '../core/entities' {
  interface EntityMap {
    actor: ActorEntity;
    message: MessageEntity;
    mark: MarkEntity;
    timer: TimerEntity;
  }
}
