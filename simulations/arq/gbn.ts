/**
 * Go-Back-N (and stop-and-wait, which is Go-Back-N with a window of 1).
 *
 * Sender: one retransmission timer, for the oldest unacknowledged packet; it
 * is (re)started whenever the window's base moves and stopped when nothing is
 * outstanding. ACKs are cumulative: ACK k means "everything up to and
 * including k arrived". On timeout it resends every outstanding packet,
 * base..nextSeq-1, one per link slot.
 *
 * Receiver: accepts only the next expected packet; anything else is discarded
 * and the last in-order packet is acknowledged again (nothing is sent if no
 * packet has arrived in order yet).
 */
import { senderStep } from './shell';
import { ahead, range, wire } from './seq';
import type {
  DataPacket,
  MachineParams,
  ReceiverEffect,
  ReceiverInput,
  ReceiverMachine,
  SenderEffect,
  SenderInput,
  SenderMachine,
  Transition,
} from './types';

export const RTO_TIMER = 'rto';

export interface GbnSenderState {
  readonly p: MachineParams;
  base: number;
  nextSeq: number;
  /** Retransmissions decided at a timeout, waiting for the link. */
  queue: number[];
  linkBusy: boolean;
  timerOn: boolean;
}

function sendFx(n: number, p: MachineParams, retransmission: boolean): SenderEffect {
  const packet: DataPacket = { seq: wire(n, p.seqSpace), payload: n };
  return { kind: 'send', n, packet, retransmission, reason: retransmission ? 'timeout' : null };
}

/** Puts the next packet on the link if the link is free and there is something to send. */
function pump(s: GbnSenderState, fx: SenderEffect[]): GbnSenderState {
  if (s.linkBusy) return s;
  if (s.queue.length > 0) {
    const [n, ...rest] = s.queue;
    fx.push(sendFx(n, s.p, true));
    return { ...s, queue: rest, linkBusy: true };
  }
  if (s.nextSeq < s.p.packets && s.nextSeq < s.base + s.p.window) {
    const n = s.nextSeq;
    fx.push(sendFx(n, s.p, false));
    let timerOn = s.timerOn;
    if (!timerOn) {
      fx.push({ kind: 'timer-start', timer: RTO_TIMER, ms: s.p.timeout, n: s.base });
      timerOn = true;
    }
    return { ...s, nextSeq: n + 1, linkBusy: true, timerOn };
  }
  return s;
}

function onAck(s: GbnSenderState, ackNo: number, fx: SenderEffect[]): GbnSenderState {
  const S = s.p.seqSpace;
  const d = ahead(s.base, ackNo, S);
  const outstanding = s.nextSeq - s.base;
  if (d < outstanding) {
    const base = s.base + d + 1;
    fx.push({ kind: 'ack-handled', verdict: 'advance', acked: range(s.base, base), dupAcks: 0, fastRetransmit: false });
    let timerOn = s.timerOn;
    if (base === s.nextSeq) {
      if (timerOn) fx.push({ kind: 'timer-stop', timer: RTO_TIMER, n: s.base });
      timerOn = false;
    } else {
      fx.push({ kind: 'timer-start', timer: RTO_TIMER, ms: s.p.timeout, n: base });
      timerOn = true;
    }
    return { ...s, base, timerOn, queue: s.queue.filter((n) => n >= base) };
  }
  // ACK for base-1 repeats what we know; anything else is older still.
  const verdict = d === S - 1 ? 'duplicate' : 'stale';
  fx.push({ kind: 'ack-handled', verdict, acked: [], dupAcks: 0, fastRetransmit: false });
  return s;
}

function onTimeout(s: GbnSenderState, timer: string, fx: SenderEffect[]): GbnSenderState {
  if (timer !== RTO_TIMER) return s;
  if (s.base === s.nextSeq) return { ...s, timerOn: false };
  const resend = range(s.base, s.nextSeq);
  fx.push({ kind: 'timeout-handled', timer, resend, nextRto: s.p.timeout });
  fx.push({ kind: 'timer-start', timer: RTO_TIMER, ms: s.p.timeout, n: s.base });
  return { ...s, queue: resend, timerOn: true };
}

export const gbnSender: SenderMachine<GbnSenderState> = {
  init: (p) => ({ p, base: 0, nextSeq: 0, queue: [], linkBusy: false, timerOn: false }),
  step: (state, input: SenderInput): Transition<GbnSenderState, SenderEffect> =>
    senderStep(state, input, { ack: (s, i, fx) => onAck(s, i.ack.ack, fx), timeout: (s, i, fx) => onTimeout(s, i.timer, fx), pump }),
  view: (s) => ({
    base: s.base,
    nextSeq: s.nextSeq,
    window: s.p.window,
    acked: [],
    queued: [...s.queue],
    dupAcks: 0,
    rto: s.p.timeout,
  }),
  done: (s) => s.base >= s.p.packets,
};

export interface GbnReceiverState {
  readonly p: MachineParams;
  expected: number;
}

export const gbnReceiver: ReceiverMachine<GbnReceiverState> = {
  init: (p) => ({ p, expected: 0 }),
  step(s, input: ReceiverInput): Transition<GbnReceiverState, ReceiverEffect> {
    const { seq, payload } = input.packet;
    const S = s.p.seqSpace;
    if (seq === wire(s.expected, S)) {
      const n = s.expected;
      return {
        state: { ...s, expected: n + 1 },
        effects: [
          { kind: 'deliver', payload },
          { kind: 'ack', ack: { ack: wire(n, S), sack: [] }, names: n, sackAbs: [] },
        ],
      };
    }
    // The decision (discard, re-ACK) is the same either way; the payload is only
    // read to tell the viewer whether this was an old copy or a packet from ahead.
    const reason = payload < s.expected ? 'duplicate' : 'out-of-order';
    const effects: ReceiverEffect[] = [{ kind: 'discard', payload, reason }];
    if (s.expected > 0) {
      const last = s.expected - 1;
      effects.push({ kind: 'ack', ack: { ack: wire(last, S), sack: [] }, names: last, sackAbs: [] });
    }
    return { state: s, effects };
  },
  view: (s) => ({ expected: s.expected, window: 1, buffered: [] }),
};
