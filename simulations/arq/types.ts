import type { Text } from '../core/text';

/** The four ARQ protocols this topic simulates. */
export type ArqProtocol = 'stop-and-wait' | 'go-back-n' | 'selective-repeat' | 'tcp';
export const ARQ_PROTOCOLS: readonly ArqProtocol[] = ['stop-and-wait', 'go-back-n', 'selective-repeat', 'tcp'];

export interface ArqConfig {
  protocol: ArqProtocol;
  /** Sender window in packets, 1..16 (stop-and-wait always uses 1). */
  window: number;
  /** Packets the application hands to the sender, numbered 0..packets-1. */
  packets: number;
  /** Retransmission timeout in logical ms (TCP: the initial RTO). */
  timeout: number;
  /** Propagation delay in each direction, ms. */
  oneWayDelay: number;
  /** Transmission time of one data packet on the sender's link, ms. ACKs take 0. */
  sendInterval: number;
  /** Probability that any one transmission (data or ACK) is lost, 0..0.5. */
  loss: number;
  /** Packet numbers whose first transmission is dropped. */
  lose: number[];
  /** ACK numbers (see ArqEvent.packet for what an ACK names) whose first ACK is dropped. */
  loseAcks: number[];
  seed: number;
  /** Size of the wire sequence-number space: a packet n carries seq n mod seqSpace. */
  seqSpace: number;
}

/* ---------------------------------------------------------------- the wire */

/** A data packet as the receiver sees it: a wire sequence number and the app's data. */
export interface DataPacket {
  seq: number;
  /** Application data: the packet's number 0..N-1. Receivers deliver it; they never decide with it. */
  payload: number;
}

/** A SACK block (RFC 2018): received data [left, right), right edge exclusive. */
export interface SackBlock {
  left: number;
  right: number;
}

/** An ACK as the sender sees it: wire numbers only. */
export interface AckPacket {
  ack: number;
  /** TCP only (empty otherwise): at most 3 blocks, the first containing the latest arrival. */
  sack: SackBlock[];
}

/* ------------------------------------------------------------ the machines */

export interface MachineParams {
  window: number;
  packets: number;
  seqSpace: number;
  timeout: number;
}

export type SenderInput =
  | { type: 'start' }
  /** The sender's link finished transmitting the previous packet. */
  | { type: 'link-free' }
  | { type: 'ack'; ack: AckPacket }
  | { type: 'timeout'; timer: string };

export type RetransmitReason = 'timeout' | 'fast-retransmit' | 'partial-ack' | 'sack-loss';

/**
 * What the sender made of an ACK: it moved the window (advance), marked one
 * packet inside the window (marked, SR), repeated what it already knew
 * (duplicate), or refers to packets already behind the window (stale).
 */
export type AckVerdict = 'advance' | 'marked' | 'duplicate' | 'stale';

export type SenderEffect =
  /** Always the first effect of an `ack` input. */
  | { kind: 'ack-handled'; verdict: AckVerdict; acked: number[]; dupAcks: number; fastRetransmit: boolean }
  /** Always the first effect of a `timeout` input. */
  | { kind: 'timeout-handled'; timer: string; resend: number[]; nextRto: number }
  | { kind: 'send'; n: number; packet: DataPacket; retransmission: boolean; reason: RetransmitReason | null }
  /** Starting a running timer restarts it. `n` is the packet the timer guards. */
  | { kind: 'timer-start'; timer: string; ms: number; n: number }
  | { kind: 'timer-stop'; timer: string; n: number };

export type ReceiverInput = { type: 'data'; packet: DataPacket };

export type DiscardReason = 'out-of-order' | 'duplicate' | 'outside-window';

export type ReceiverEffect =
  | { kind: 'deliver'; payload: number }
  | { kind: 'buffer'; payload: number }
  | { kind: 'discard'; payload: number; reason: DiscardReason }
  /** `names`: the absolute packet number the ACK refers to; sackAbs: the SACK blocks in absolute numbers. */
  | { kind: 'ack'; ack: AckPacket; names: number; sackAbs: SackBlock[] };

/** A sender's state as shown to the viewer (absolute packet numbers). */
export interface SenderView {
  /** Oldest unacknowledged packet. */
  base: number;
  /** Next new packet to send; the window in use is [base, nextSeq). */
  nextSeq: number;
  window: number;
  /** Packets inside [base, nextSeq) already acknowledged individually (SR) or SACKed (TCP). */
  acked: number[];
  /** Retransmissions decided but waiting for the link. */
  queued: number[];
  /** TCP: duplicate ACKs counted for the current base (0 elsewhere). */
  dupAcks: number;
  /** Current retransmission timeout in ms. */
  rto: number;
}

/** A receiver's state as shown to the viewer. */
export interface ReceiverView {
  /** Next packet expected in order (everything below was delivered). */
  expected: number;
  /** Receive window: [expected, expected + window). GBN and stop-and-wait: 1. */
  window: number;
  /** Out-of-order packets held in the buffer. */
  buffered: number[];
}

export interface Transition<S, E> {
  state: S;
  effects: E[];
}

export interface SenderMachine<S> {
  init(p: MachineParams): S;
  step(state: S, input: SenderInput): Transition<S, SenderEffect>;
  view(state: S): SenderView;
  /** Every packet acknowledged. */
  done(state: S): boolean;
}

export interface ReceiverMachine<S> {
  init(p: MachineParams): S;
  step(state: S, input: ReceiverInput): Transition<S, ReceiverEffect>;
  view(state: S): ReceiverView;
}

/* --------------------------------------------------------------- the run */

export type ArqEventKind =
  | 'send'
  | 'retransmit'
  | 'deliver'
  | 'drop'
  | 'ack-send'
  | 'ack-recv'
  | 'timeout'
  | 'timer-start'
  | 'timer-stop'
  | 'discard'
  | 'buffer';

export interface ArqEvent {
  /** Index in the log. */
  i: number;
  /** Logical ms. */
  time: number;
  kind: ArqEventKind;
  /**
   * Absolute packet number. Data events: the packet. ACK events: the packet the
   * ACK names (GBN/stop-and-wait: last in-order packet; SR: the packet itself;
   * TCP: the next packet expected). Timer events: the packet the timer guards.
   */
  packet: number | null;
  /** Wire sequence number of a data packet (packet mod seqSpace). */
  seq: number | null;
  /** Wire ACK number of an ACK. */
  ack: number | null;
  /** SACK blocks of a TCP ACK, absolute numbers, [left, right). */
  sack: SackBlock[];
  /** Timer id: 'rto' (one timer) or 'pkt-N' (SR per-packet timers). */
  timer: string | null;
  /** send/retransmit/ack-send: when it reaches (or would have reached) the other side. timer-start: when it would fire. */
  at: number | null;
  /** send/retransmit/ack-send: this transmission will be lost (a drop event follows at `at`). */
  lost: boolean;
  /**
   * retransmit: RetransmitReason; discard: DiscardReason; drop: 'data' | 'ack';
   * ack-recv: AckVerdict; otherwise null.
   */
  reason: string | null;
  sender: SenderView;
  receiver: ReceiverView;
  text: Text;
}

export interface ArqStats {
  /** When the sender had every packet acknowledged (or the last event, if it never did). */
  finishTime: number;
  /** Time of the last event (stray ACKs may still arrive after finishTime). */
  endTime: number;
  /** Data transmissions, first sends and retransmissions. */
  transmissions: number;
  retransmissions: number;
  acksSent: number;
  dataLost: number;
  acksLost: number;
  timeouts: number;
  fastRetransmits: number;
  /** transmissions * sendInterval / finishTime, rounded to 3 digits. */
  utilization: number;
}

export interface ArqIssue {
  field: string;
  message: Text;
}

export interface ArqResult {
  ok: true;
  /** The config actually run (defaults filled in; stop-and-wait's window is 1). */
  config: ArqConfig;
  events: ArqEvent[];
  /** Payloads in the order the receiving application got them. */
  delivered: number[];
  stats: ArqStats;
  /** All packets delivered and acknowledged. */
  complete: boolean;
  /** The event cap was hit and the run was cut short. */
  capped: boolean;
  capMessage: Text | null;
}

export type ArqRun = ArqResult | { ok: false; issues: ArqIssue[] };
