/**
 * TCP's loss recovery, counted in packets instead of bytes: packet n stands
 * for one full-sized segment, so "sequence number" n means "the n-th segment"
 * and an ACK of n means "all segments before n arrived, send n next" (TCP's
 * cumulative ACK names the next expected segment, unlike GBN's).
 *
 * The window is a fixed number of segments (no congestion control here; the
 * topic's congestion-control pages cover cwnd).
 *
 * Sender
 * - Retransmission timer (RFC 6298): a single timer for the oldest
 *   unacknowledged segment. Started when a segment is sent and it is not
 *   running (5.1), stopped when everything is acknowledged (5.2), restarted when
 *   an ACK acknowledges new data (5.3). On expiry: retransmit the earliest
 *   unacknowledged segment (5.4), double the RTO (5.5) and restart the timer
 *   (5.6). Simplifications: the RTO is not estimated from RTT samples; it starts
 *   at `timeout`, and an ACK of new data resets it to `timeout` (standing in for
 *   a fresh RTT sample). Backoff is capped at MAX_BACKOFF x timeout (RFC 6298
 *   allows any cap of at least 60 s; ours keeps timelines short).
 * - Fast retransmit (RFC 5681 §3.2): the third duplicate ACK (same ACK number,
 *   data outstanding) retransmits the first unacknowledged segment without
 *   waiting for the timer, and recovery begins with recover = highest sent.
 * - During recovery (after fast retransmit or a timeout) the sender uses what it
 *   learns: a partial ACK (RFC 6582) retransmits the new first unacknowledged
 *   segment, and a hole with at least 3 SACKed segments above it counts as lost
 *   (RFC 6675's IsLost, DupThresh = 3) and is retransmitted once. Recovery ends
 *   when an ACK covers `recover`.
 * - SACK scoreboard (RFC 2018): SACKed segments are never retransmitted; after a
 *   timeout the scoreboard is cleared (RFC 2018 §8: the receiver may renege).
 *
 * Receiver: buffers segments inside [rcvNxt, rcvNxt + window), delivers the
 * in-order run, and ACKs every segment immediately (no delayed ACKs) with up
 * to 3 SACK blocks. A segment from before rcvNxt is an old copy: discarded and
 * ACKed again.
 */
import { senderStep } from './shell';
import { sackBlocks } from './sack';
import { ahead, range, wire } from './seq';
import type {
  AckPacket,
  MachineParams,
  ReceiverEffect,
  ReceiverMachine,
  RetransmitReason,
  SackBlock,
  SenderEffect,
  SenderMachine,
  Transition,
} from './types';
import { RTO_TIMER } from './gbn';

export const MAX_BACKOFF = 16;
export const DUP_THRESH = 3;

export interface TcpSenderState {
  readonly p: MachineParams;
  /** SND.UNA and SND.NXT, absolute. */
  una: number;
  nxt: number;
  /** SACK scoreboard: segments in [una, nxt) the receiver reported, ascending. */
  sacked: number[];
  /** Retransmissions waiting for the link, ascending by segment. */
  queue: { n: number; reason: RetransmitReason }[];
  linkBusy: boolean;
  timerOn: boolean;
  rto: number;
  dupAcks: number;
  inRecovery: boolean;
  recover: number;
  /** Segments retransmitted in the current recovery (each is retried there once; the timer covers the rest). */
  retransmitted: number[];
}

function enqueue(s: TcpSenderState, n: number, reason: RetransmitReason): TcpSenderState {
  if (s.queue.some((q) => q.n === n)) return s;
  return {
    ...s,
    queue: [...s.queue, { n, reason }].sort((a, b) => a.n - b.n),
    retransmitted: s.retransmitted.includes(n) ? s.retransmitted : [...s.retransmitted, n],
  };
}

function pump(s: TcpSenderState, fx: SenderEffect[]): TcpSenderState {
  if (s.linkBusy) return s;
  const queue = s.queue.filter((q) => q.n >= s.una && !s.sacked.includes(q.n));
  let n: number;
  let reason: RetransmitReason | null = null;
  let nxt = s.nxt;
  if (queue.length > 0) {
    n = queue[0].n;
    reason = queue[0].reason;
    queue.shift();
  } else if (s.nxt < s.p.packets && s.nxt < s.una + s.p.window) {
    n = s.nxt;
    nxt = n + 1;
  } else {
    return queue.length === s.queue.length ? s : { ...s, queue };
  }
  fx.push({ kind: 'send', n, packet: { seq: wire(n, s.p.seqSpace), payload: n }, retransmission: reason !== null, reason });
  let timerOn = s.timerOn;
  if (!timerOn) {
    fx.push({ kind: 'timer-start', timer: RTO_TIMER, ms: s.rto, n: s.una });
    timerOn = true;
  }
  return { ...s, queue, nxt, linkBusy: true, timerOn };
}

/** Absolute segment numbers covered by SACK blocks, clipped to [una, nxt). */
function sackedBy(s: TcpSenderState, blocks: readonly SackBlock[]): number[] {
  const S = s.p.seqSpace;
  const out: number[] = [];
  for (const b of blocks) {
    const left = s.una + ahead(s.una, b.left, S);
    const len = ahead(b.left, b.right, S);
    for (let n = left; n < left + len; n++) if (n >= s.una && n < s.nxt) out.push(n);
  }
  return out;
}

function onAck(state: TcpSenderState, ack: AckPacket, fx: SenderEffect[]): TcpSenderState {
  let s = state;
  const S = s.p.seqSpace;
  const d = ahead(s.una, ack.ack, S);
  if (d > s.nxt - s.una) {
    fx.push({ kind: 'ack-handled', verdict: 'stale', acked: [], dupAcks: s.dupAcks, fastRetransmit: false });
    return s;
  }
  const a = s.una + d;
  const sacked = [...new Set([...s.sacked, ...sackedBy(s, ack.sack)])].filter((n) => n >= a).sort((x, y) => x - y);
  const tail: SenderEffect[] = [];
  let fastRetransmit = false;
  if (a > s.una) {
    const acked = range(s.una, a);
    s = { ...s, una: a, sacked, dupAcks: 0, rto: s.p.timeout };
    fx.push({ kind: 'ack-handled', verdict: 'advance', acked, dupAcks: 0, fastRetransmit: false });
    if (s.una === s.nxt) {
      if (s.timerOn) tail.push({ kind: 'timer-stop', timer: RTO_TIMER, n: acked[0] });
      s = { ...s, timerOn: false };
    } else {
      tail.push({ kind: 'timer-start', timer: RTO_TIMER, ms: s.rto, n: s.una });
      s = { ...s, timerOn: true };
    }
    if (s.inRecovery) {
      if (a > s.recover) {
        s = { ...s, inRecovery: false, retransmitted: [] };
      } else if (!s.sacked.includes(s.una) && !s.retransmitted.includes(s.una)) {
        s = enqueue(s, s.una, 'partial-ack');
      }
    }
  } else if (s.una < s.nxt) {
    const dupAcks = s.dupAcks + 1;
    s = { ...s, sacked, dupAcks };
    if (dupAcks === DUP_THRESH && !s.inRecovery) {
      fastRetransmit = true;
      s = enqueue({ ...s, inRecovery: true, recover: s.nxt - 1, retransmitted: [] }, s.una, 'fast-retransmit');
    }
    fx.push({ kind: 'ack-handled', verdict: 'duplicate', acked: [], dupAcks, fastRetransmit });
  } else {
    s = { ...s, sacked };
    fx.push({ kind: 'ack-handled', verdict: 'duplicate', acked: [], dupAcks: s.dupAcks, fastRetransmit: false });
  }
  if (s.inRecovery && s.sacked.length > 0) {
    const top = s.sacked[s.sacked.length - 1];
    for (let n = s.una; n < top; n++) {
      if (s.sacked.includes(n) || s.retransmitted.includes(n)) continue;
      const above = s.sacked.filter((m) => m > n).length;
      if (above >= DUP_THRESH) s = enqueue(s, n, 'sack-loss');
    }
  }
  fx.push(...tail);
  return { ...s, queue: s.queue.filter((q) => q.n >= s.una && !s.sacked.includes(q.n)) };
}

function onTimeout(s: TcpSenderState, timer: string, fx: SenderEffect[]): TcpSenderState {
  if (timer !== RTO_TIMER) return s;
  if (s.una === s.nxt) return { ...s, timerOn: false };
  const rto = Math.min(s.rto * 2, s.p.timeout * MAX_BACKOFF);
  fx.push({ kind: 'timeout-handled', timer, resend: [s.una], nextRto: rto });
  fx.push({ kind: 'timer-start', timer: RTO_TIMER, ms: rto, n: s.una });
  return {
    ...s,
    rto,
    timerOn: true,
    sacked: [],
    dupAcks: 0,
    inRecovery: true,
    recover: s.nxt - 1,
    retransmitted: [s.una],
    queue: [{ n: s.una, reason: 'timeout' }],
  };
}

export const tcpSender: SenderMachine<TcpSenderState> = {
  init: (p) => ({
    p,
    una: 0,
    nxt: 0,
    sacked: [],
    queue: [],
    linkBusy: false,
    timerOn: false,
    rto: p.timeout,
    dupAcks: 0,
    inRecovery: false,
    recover: -1,
    retransmitted: [],
  }),
  step: (state, input): Transition<TcpSenderState, SenderEffect> =>
    senderStep(state, input, { ack: (s, i, fx) => onAck(s, i.ack, fx), timeout: (s, i, fx) => onTimeout(s, i.timer, fx), pump }),
  view: (s) => ({
    base: s.una,
    nextSeq: s.nxt,
    window: s.p.window,
    acked: [...s.sacked],
    queued: s.queue.map((q) => q.n),
    dupAcks: s.dupAcks,
    rto: s.rto,
  }),
  done: (s) => s.una >= s.p.packets,
};

export interface TcpReceiverState {
  readonly p: MachineParams;
  rcvNxt: number;
  buffer: { n: number; payload: number; stamp: number }[];
  stamp: number;
}

export const tcpReceiver: ReceiverMachine<TcpReceiverState> = {
  init: (p) => ({ p, rcvNxt: 0, buffer: [], stamp: 0 }),
  step(s, input): Transition<TcpReceiverState, ReceiverEffect> {
    const { seq, payload } = input.packet;
    const S = s.p.seqSpace;
    const W = s.p.window;
    const d = ahead(s.rcvNxt, seq, S);
    const effects: ReceiverEffect[] = [];
    let next = s;
    if (d < W) {
      const n = s.rcvNxt + d;
      if (d === 0) {
        effects.push({ kind: 'deliver', payload });
        let rcvNxt = n + 1;
        const buffer = [...s.buffer];
        while (buffer.length > 0 && buffer[0].n === rcvNxt) {
          effects.push({ kind: 'deliver', payload: buffer.shift()!.payload });
          rcvNxt++;
        }
        next = { ...s, rcvNxt, buffer };
      } else if (s.buffer.some((b) => b.n === n)) {
        effects.push({ kind: 'discard', payload, reason: 'duplicate' });
      } else {
        const stamp = s.stamp + 1;
        const buffer = [...s.buffer, { n, payload, stamp }].sort((a, b) => a.n - b.n);
        effects.push({ kind: 'buffer', payload });
        next = { ...s, buffer, stamp };
      }
    } else {
      effects.push({ kind: 'discard', payload, reason: d >= S - W ? 'duplicate' : 'outside-window' });
    }
    const sackAbs = sackBlocks(next.buffer);
    const sack = sackAbs.map((b) => ({ left: wire(b.left, S), right: wire(b.right, S) }));
    effects.push({ kind: 'ack', ack: { ack: wire(next.rcvNxt, S), sack }, names: next.rcvNxt, sackAbs });
    return { state: next, effects };
  },
  view: (s) => ({ expected: s.rcvNxt, window: s.p.window, buffered: s.buffer.map((b) => b.n) }),
};
