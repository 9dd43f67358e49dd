import type { Text } from '../core/text';
export type { Transition } from './types';

/**
 * Flow control: a sender that never has more unacknowledged data in flight
 * than the receiver last said it has room for (rwnd), a receiver whose buffer
 * drains only as fast as its application reads, and the persist timer that
 * keeps a zero window from becoming a deadlock (RFC 9293 §3.8.6.1).
 *
 * Units: data is counted in segments, each one full-sized segment (MSS), so a
 * window of 3 means "room for 3 segments". Segments are numbered 0..packets-1.
 */
export interface FlowConfig {
  /** Segments the application sends, 1..60. */
  packets: number;
  /** Receiver buffer in segments, 1..16. */
  bufferSize: number;
  /** Segments the receiving application reads per tick, 1..16. */
  readRate: number;
  /** Length of a read tick, ms. The first read happens at readInterval. */
  readInterval: number;
  /** Transmission time of one segment, ms. ACKs take 0. */
  sendInterval: number;
  oneWayDelay: number;
  /** Initial persist interval and RTO, ms; each doubles on expiry (capped at 16x). */
  persistTimeout: number;
  /** Probability each ACK is lost, 0..0.5. The data direction is lossless. */
  ackLoss: number;
  /** The first k window updates (ACKs sent because the application read) are lost. */
  loseWindowUpdates: number;
  seed: number;
}

export interface FlowSenderView {
  /** Oldest unacknowledged segment. */
  una: number;
  /** Next segment to send. */
  nxt: number;
  /** The window the receiver last advertised. */
  rwnd: number;
  /** nxt - una. */
  outstanding: number;
  /** How much more the sender may send now: max(0, rwnd - outstanding). */
  usable: number;
  /** Interval the persist timer uses next (doubles after each probe). */
  persistMs: number;
  rto: number;
}

export interface FlowReceiverView {
  /** Next segment expected in order. */
  expected: number;
  /** Segments in the buffer, not yet read by the application. */
  buffered: number[];
  bufferSize: number;
  /** Free buffer space, the window the receiver would advertise now. */
  free: number;
  /** Segments the application has read. */
  read: number;
  /** The window in the receiver's latest ACK. */
  lastAdvertised: number;
}

export type FlowEventKind =
  | 'send'
  | 'probe'
  | 'retransmit'
  | 'receive'
  | 'discard'
  | 'ack-send'
  | 'window-update'
  | 'ack-recv'
  | 'drop'
  | 'app-read'
  | 'timer-start'
  | 'timer-stop'
  | 'timeout';

export interface FlowEvent {
  i: number;
  time: number;
  kind: FlowEventKind;
  /** Data events: the segment. */
  unit: number | null;
  /** app-read: the segments read. */
  units: number[];
  /** ACK events: the cumulative ACK (next segment expected). */
  ack: number | null;
  /** ACK events: the advertised window. */
  wnd: number | null;
  timer: 'rto' | 'persist' | null;
  /** Transmissions: arrival time. timer-start: expiry time. */
  at: number | null;
  lost: boolean;
  /** discard: 'duplicate' | 'no-room' | 'out-of-order'; drop: 'ack' | 'window-update'; ack-recv: 'zero-window' | 'window-open' | 'probe-rolled-back' | null. */
  reason: string | null;
  sender: FlowSenderView;
  receiver: FlowReceiverView;
  text: Text;
}

export interface FlowStats {
  /** When every segment was acknowledged and read by the application. */
  finishTime: number;
  endTime: number;
  /** Segment transmissions, probes and retransmissions included. */
  transmissions: number;
  probes: number;
  retransmissions: number;
  acksSent: number;
  acksLost: number;
  windowUpdates: number;
  /** ACKs that advertised a zero window. */
  zeroWindowAcks: number;
  /** Total time the sender believed the window was zero, ms. */
  stalledTime: number;
}

export interface FlowResult {
  ok: true;
  config: FlowConfig;
  events: FlowEvent[];
  /** Segments in the order the receiving application read them. */
  delivered: number[];
  stats: FlowStats;
  complete: boolean;
  capped: boolean;
  capMessage: Text | null;
}

export type FlowRun = FlowResult | { ok: false; issues: { field: string; message: Text }[] };

/* ------------------------------------------------------------ the machines */

export interface FlowParams {
  packets: number;
  bufferSize: number;
  readRate: number;
  /** Base RTO and first persist interval. */
  timeout: number;
}

export type FlowTimer = 'rto' | 'persist';

export type FlowSenderInput =
  | { type: 'start' }
  | { type: 'link-free' }
  | { type: 'ack'; ack: number; wnd: number }
  | { type: 'timeout'; timer: FlowTimer };

export type FlowSendMode = 'new' | 'probe' | 'retransmit';

export type FlowSenderEffect =
  /**
   * First effect of an ack input. rolledBack: an unacknowledged probe was given up on (nxt went back to una).
   * usable: how much the sender may send right after this ACK.
   */
  | { kind: 'ack-handled'; acked: number[]; rwnd: number; rolledBack: boolean; usable: number }
  | { kind: 'timeout-handled'; timer: FlowTimer; next: number }
  | { kind: 'send'; n: number; mode: FlowSendMode }
  | { kind: 'timer-start'; timer: FlowTimer; ms: number }
  | { kind: 'timer-stop'; timer: FlowTimer };

export type FlowReceiverInput = { type: 'data'; n: number; probe: boolean } | { type: 'read' };

export type FlowReceiverEffect =
  | { kind: 'receive'; n: number }
  | { kind: 'discard'; n: number; reason: 'duplicate' | 'no-room' | 'out-of-order' }
  /** update: a window update sent because the application read, not in answer to data. */
  | { kind: 'ack'; ack: number; wnd: number; update: boolean }
  | { kind: 'app-read'; units: number[] };
