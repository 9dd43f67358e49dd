/**
 * Selective Repeat.
 *
 * Sender: one timer per outstanding packet ('pkt-N'), started when the packet
 * goes on the link. ACK k acknowledges packet k alone; the packet is marked,
 * its timer stopped, and the window slides when its base is acknowledged. On
 * a packet's timeout only that packet is resent (if it was acknowledged in the
 * meantime, it is not).
 *
 * Receiver: window [rcvBase, rcvBase + W). A packet inside it is acknowledged
 * and buffered; the in-order run starting at rcvBase is delivered. A packet
 * from the previous window [rcvBase - W, rcvBase) is an old copy whose ACK was
 * lost: it is acknowledged again (or the sender would retry it forever).
 * This needs W <= seqSpace / 2 so the two windows never share a number.
 */
import { senderStep } from './shell';
import { ahead, wire } from './seq';
import type {
  MachineParams,
  ReceiverEffect,
  ReceiverMachine,
  SenderEffect,
  SenderMachine,
  Transition,
} from './types';

export const packetTimer = (n: number) => `pkt-${n}`;
const timerPacket = (id: string): number | null => {
  const m = /^pkt-(\d+)$/.exec(id);
  return m ? Number(m[1]) : null;
};

export interface SrSenderState {
  readonly p: MachineParams;
  base: number;
  nextSeq: number;
  /** Packets in [base, nextSeq) acknowledged individually, ascending. */
  acked: number[];
  /** Packets whose timer is running. */
  timing: number[];
  /** Timed-out packets waiting for the link. */
  queue: number[];
  linkBusy: boolean;
}

function transmit(s: SrSenderState, n: number, retransmission: boolean, fx: SenderEffect[]): SrSenderState {
  fx.push({
    kind: 'send',
    n,
    packet: { seq: wire(n, s.p.seqSpace), payload: n },
    retransmission,
    reason: retransmission ? 'timeout' : null,
  });
  fx.push({ kind: 'timer-start', timer: packetTimer(n), ms: s.p.timeout, n });
  return { ...s, linkBusy: true, timing: s.timing.includes(n) ? s.timing : [...s.timing, n] };
}

function pump(s: SrSenderState, fx: SenderEffect[]): SrSenderState {
  if (s.linkBusy) return s;
  if (s.queue.length > 0) {
    const [n, ...rest] = s.queue;
    return transmit({ ...s, queue: rest }, n, true, fx);
  }
  if (s.nextSeq < s.p.packets && s.nextSeq < s.base + s.p.window) {
    return transmit({ ...s, nextSeq: s.nextSeq + 1 }, s.nextSeq, false, fx);
  }
  return s;
}

function onAck(s: SrSenderState, ackNo: number, fx: SenderEffect[]): SrSenderState {
  const d = ahead(s.base, ackNo, s.p.seqSpace);
  if (d >= s.nextSeq - s.base) {
    // An ACK for a packet behind the window (a re-ACK of an old copy).
    fx.push({ kind: 'ack-handled', verdict: 'stale', acked: [], dupAcks: 0, fastRetransmit: false });
    return s;
  }
  const n = s.base + d;
  if (s.acked.includes(n)) {
    fx.push({ kind: 'ack-handled', verdict: 'duplicate', acked: [], dupAcks: 0, fastRetransmit: false });
    return s;
  }
  const acked = [...s.acked, n].sort((a, b) => a - b);
  let base = s.base;
  while (acked.length > 0 && acked[0] === base) {
    acked.shift();
    base++;
  }
  fx.push({ kind: 'ack-handled', verdict: base > s.base ? 'advance' : 'marked', acked: [n], dupAcks: 0, fastRetransmit: false });
  let timing = s.timing;
  if (timing.includes(n)) {
    fx.push({ kind: 'timer-stop', timer: packetTimer(n), n });
    timing = timing.filter((m) => m !== n);
  }
  const queue = s.queue.filter((m) => m >= base && !acked.includes(m) && m !== n);
  return { ...s, base, acked, timing, queue };
}

function onTimeout(s: SrSenderState, timer: string, fx: SenderEffect[]): SrSenderState {
  const n = timerPacket(timer);
  if (n === null) return s;
  const timing = s.timing.filter((m) => m !== n);
  if (n < s.base || n >= s.nextSeq || s.acked.includes(n)) return { ...s, timing };
  fx.push({ kind: 'timeout-handled', timer, resend: [n], nextRto: s.p.timeout });
  return { ...s, timing, queue: s.queue.includes(n) ? s.queue : [...s.queue, n] };
}

export const srSender: SenderMachine<SrSenderState> = {
  init: (p) => ({ p, base: 0, nextSeq: 0, acked: [], timing: [], queue: [], linkBusy: false }),
  step: (state, input): Transition<SrSenderState, SenderEffect> =>
    senderStep(state, input, { ack: (s, i, fx) => onAck(s, i.ack.ack, fx), timeout: (s, i, fx) => onTimeout(s, i.timer, fx), pump }),
  view: (s) => ({
    base: s.base,
    nextSeq: s.nextSeq,
    window: s.p.window,
    acked: [...s.acked],
    queued: [...s.queue],
    dupAcks: 0,
    rto: s.p.timeout,
  }),
  done: (s) => s.base >= s.p.packets,
};

export interface SrReceiverState {
  readonly p: MachineParams;
  rcvBase: number;
  /** Buffered out-of-order packets: absolute number and payload, ascending. */
  buffer: { n: number; payload: number }[];
}

export const srReceiver: ReceiverMachine<SrReceiverState> = {
  init: (p) => ({ p, rcvBase: 0, buffer: [] }),
  step(s, input): Transition<SrReceiverState, ReceiverEffect> {
    const { seq, payload } = input.packet;
    const S = s.p.seqSpace;
    const W = s.p.window;
    const d = ahead(s.rcvBase, seq, S);
    const ackFor = (n: number): ReceiverEffect => ({ kind: 'ack', ack: { ack: seq, sack: [] }, names: n, sackAbs: [] });
    if (d < W) {
      const n = s.rcvBase + d;
      if (s.buffer.some((b) => b.n === n)) {
        return { state: s, effects: [{ kind: 'discard', payload, reason: 'duplicate' }, ackFor(n)] };
      }
      if (d > 0) {
        const buffer = [...s.buffer, { n, payload }].sort((a, b) => a.n - b.n);
        return { state: { ...s, buffer }, effects: [{ kind: 'buffer', payload }, ackFor(n)] };
      }
      const effects: ReceiverEffect[] = [{ kind: 'deliver', payload }];
      let rcvBase = n + 1;
      const buffer = [...s.buffer];
      while (buffer.length > 0 && buffer[0].n === rcvBase) {
        effects.push({ kind: 'deliver', payload: buffer.shift()!.payload });
        rcvBase++;
      }
      effects.push(ackFor(n));
      return { state: { ...s, rcvBase, buffer }, effects };
    }
    if (d >= S - W) {
      const n = s.rcvBase - (S - d);
      return { state: s, effects: [{ kind: 'discard', payload, reason: 'duplicate' }, ackFor(n)] };
    }
    return { state: s, effects: [{ kind: 'discard', payload, reason: 'outside-window' }] };
  },
  view: (s) => ({ expected: s.rcvBase, window: s.p.window, buffered: s.buffer.map((b) => b.n) }),
};
