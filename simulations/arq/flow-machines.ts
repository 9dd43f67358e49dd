/**
 * Flow-control machines.
 *
 * Sender: sends new segments while nxt - una < rwnd (rwnd: the window in the
 * latest ACK; before any ACK, the buffer size, as if advertised in the
 * handshake). When an ACK says rwnd = 0 it stops sending, stops the
 * retransmission timer and starts the persist timer (RFC 9293 §3.8.6.1; RFC
 * 1122 §4.2.2.17). When the persist timer expires it sends a window probe, one
 * segment of new data beyond the zero window, and restarts the timer with
 * twice the interval. The probe is the only segment ever sent beyond the
 * advertised window. An ACK that does not cover an outstanding probe gives it
 * up: nxt goes back to una (as BSD's tcp_output does), so the segment is sent
 * again normally once the window opens. A window that opens stops the persist
 * timer and resets its interval.
 *
 * A retransmission timer (RTO, fixed base, doubling on expiry) resends the
 * oldest unacknowledged segment: with a lossless data direction it only
 * matters when ACKs are lost.
 *
 * Receiver: accepts the next in-order segment if the buffer has room, and
 * ACKs every arriving segment with rwnd = free buffer space. Each read tick the
 * application takes up to readRate segments; if the latest advertised window
 * was 0 and there is room now, the receiver sends a window update. (Receiver
 * silly-window avoidance, RFC 1122 §4.2.3.3, allows it: one segment is one MSS.)
 */
import { senderStep } from './shell';
import { range } from './seq';
import type {
  FlowParams,
  FlowReceiverEffect,
  FlowReceiverInput,
  FlowSenderEffect,
  FlowSenderInput,
  FlowSenderView,
  FlowReceiverView,
  Transition,
} from './flow-types';

export type { Transition };

export const FLOW_MAX_BACKOFF = 16;

export interface FlowSenderState {
  readonly p: FlowParams;
  una: number;
  nxt: number;
  rwnd: number;
  linkBusy: boolean;
  rtoOn: boolean;
  rto: number;
  persistOn: boolean;
  persistMs: number;
  /** Decided at a timer expiry, waiting for the link. */
  pending: 'probe' | 'retransmit' | null;
  /** The segment an outstanding probe carries. */
  probe: number | null;
}

const cap = (p: FlowParams, ms: number) => Math.min(ms, p.timeout * FLOW_MAX_BACKOFF);

function pump(s: FlowSenderState, fx: FlowSenderEffect[]): FlowSenderState {
  if (s.linkBusy) return s;
  if (s.pending === 'retransmit' && s.una < s.nxt) {
    fx.push({ kind: 'send', n: s.una, mode: 'retransmit' });
    return { ...s, pending: null, linkBusy: true };
  }
  if (s.pending === 'probe' && s.una < s.p.packets) {
    const n = s.una < s.nxt ? s.una : s.nxt;
    fx.push({ kind: 'send', n, mode: 'probe' });
    return { ...s, pending: null, linkBusy: true, probe: n, nxt: Math.max(s.nxt, n + 1) };
  }
  if (s.nxt < s.p.packets && s.nxt - s.una < s.rwnd) {
    fx.push({ kind: 'send', n: s.nxt, mode: 'new' });
    let rtoOn = s.rtoOn;
    if (!rtoOn) {
      fx.push({ kind: 'timer-start', timer: 'rto', ms: s.rto });
      rtoOn = true;
    }
    return { ...s, nxt: s.nxt + 1, linkBusy: true, rtoOn, pending: null };
  }
  return s;
}

function onAck(state: FlowSenderState, ack: number, wnd: number, fx: FlowSenderEffect[]): FlowSenderState {
  let s = state;
  const acked = ack > s.una ? range(s.una, ack) : [];
  const una = Math.max(s.una, ack);
  let nxt = Math.max(s.nxt, una);
  let probe = s.probe;
  let rolledBack = false;
  if (probe !== null) {
    if (una > probe) probe = null;
    else {
      nxt = una;
      probe = null;
      rolledBack = true;
    }
  }
  s = { ...s, una, nxt, probe, rwnd: wnd };
  fx.push({ kind: 'ack-handled', acked, rwnd: wnd, rolledBack, usable: Math.max(0, Math.min(wnd - (nxt - una), s.p.packets - nxt)) });
  const stopRto = () => {
    if (s.rtoOn) fx.push({ kind: 'timer-stop', timer: 'rto' });
    s = { ...s, rtoOn: false };
  };
  const stopPersist = () => {
    if (s.persistOn) fx.push({ kind: 'timer-stop', timer: 'persist' });
    s = { ...s, persistOn: false };
  };
  if (s.una >= s.p.packets) {
    stopRto();
    stopPersist();
    return { ...s, pending: null };
  }
  if (wnd === 0) {
    stopRto();
    s = { ...s, pending: s.pending === 'probe' ? 'probe' : null };
    if (!s.persistOn) {
      fx.push({ kind: 'timer-start', timer: 'persist', ms: s.persistMs });
      s = { ...s, persistOn: true };
    }
    return s;
  }
  stopPersist();
  s = { ...s, persistMs: s.p.timeout, pending: s.pending === 'probe' ? null : s.pending };
  if (acked.length > 0) s = { ...s, rto: s.p.timeout };
  if (s.una === s.nxt) stopRto();
  else if (acked.length > 0 || !s.rtoOn) {
    fx.push({ kind: 'timer-start', timer: 'rto', ms: s.rto });
    s = { ...s, rtoOn: true };
  }
  return s;
}

function onTimeout(s: FlowSenderState, timer: 'rto' | 'persist', fx: FlowSenderEffect[]): FlowSenderState {
  if (timer === 'persist') {
    if (s.rwnd > 0 || s.una >= s.p.packets) return { ...s, persistOn: false };
    const next = cap(s.p, s.persistMs * 2);
    fx.push({ kind: 'timeout-handled', timer, next });
    fx.push({ kind: 'timer-start', timer: 'persist', ms: next });
    return { ...s, persistOn: true, persistMs: next, pending: 'probe' };
  }
  if (s.una >= s.nxt || s.rwnd === 0) return { ...s, rtoOn: false };
  const next = cap(s.p, s.rto * 2);
  fx.push({ kind: 'timeout-handled', timer, next });
  fx.push({ kind: 'timer-start', timer: 'rto', ms: next });
  return { ...s, rtoOn: true, rto: next, pending: 'retransmit' };
}

export const flowSender = {
  init: (p: FlowParams): FlowSenderState => ({
    p,
    una: 0,
    nxt: 0,
    rwnd: p.bufferSize,
    linkBusy: false,
    rtoOn: false,
    rto: p.timeout,
    persistOn: false,
    persistMs: p.timeout,
    pending: null,
    probe: null,
  }),
  step: (state: FlowSenderState, input: FlowSenderInput): Transition<FlowSenderState, FlowSenderEffect> =>
    senderStep(state, input, { ack: (s, i, fx) => onAck(s, i.ack, i.wnd, fx), timeout: (s, i, fx) => onTimeout(s, i.timer, fx), pump }),
  view: (s: FlowSenderState): FlowSenderView => ({
    una: s.una,
    nxt: s.nxt,
    rwnd: s.rwnd,
    outstanding: s.nxt - s.una,
    usable: Math.max(0, s.rwnd - (s.nxt - s.una)),
    persistMs: s.persistMs,
    rto: s.rto,
  }),
  done: (s: FlowSenderState) => s.una >= s.p.packets,
};

export interface FlowReceiverState {
  readonly p: FlowParams;
  rcvNxt: number;
  buffer: number[];
  read: number;
  lastAdv: number;
}

export const flowReceiver = {
  init: (p: FlowParams): FlowReceiverState => ({ p, rcvNxt: 0, buffer: [], read: 0, lastAdv: p.bufferSize }),
  step(s: FlowReceiverState, input: FlowReceiverInput): Transition<FlowReceiverState, FlowReceiverEffect> {
    const effects: FlowReceiverEffect[] = [];
    if (input.type === 'data') {
      const { n } = input;
      let next = s;
      if (n < s.rcvNxt) effects.push({ kind: 'discard', n, reason: 'duplicate' });
      else if (n > s.rcvNxt) effects.push({ kind: 'discard', n, reason: 'out-of-order' });
      else if (s.buffer.length >= s.p.bufferSize) effects.push({ kind: 'discard', n, reason: 'no-room' });
      else {
        effects.push({ kind: 'receive', n });
        next = { ...s, rcvNxt: n + 1, buffer: [...s.buffer, n] };
      }
      const wnd = s.p.bufferSize - next.buffer.length;
      effects.push({ kind: 'ack', ack: next.rcvNxt, wnd, update: false });
      return { state: { ...next, lastAdv: wnd }, effects };
    }
    const k = Math.min(s.p.readRate, s.buffer.length);
    if (k === 0) return { state: s, effects };
    const units = s.buffer.slice(0, k);
    const buffer = s.buffer.slice(k);
    effects.push({ kind: 'app-read', units });
    const free = s.p.bufferSize - buffer.length;
    let lastAdv = s.lastAdv;
    if (lastAdv === 0 && free > 0) {
      effects.push({ kind: 'ack', ack: s.rcvNxt, wnd: free, update: true });
      lastAdv = free;
    }
    return { state: { ...s, buffer, read: s.read + k, lastAdv }, effects };
  },
  view: (s: FlowReceiverState): FlowReceiverView => ({
    expected: s.rcvNxt,
    buffered: [...s.buffer],
    bufferSize: s.p.bufferSize,
    free: s.p.bufferSize - s.buffer.length,
    read: s.read,
    lastAdvertised: s.lastAdv,
  }),
};
