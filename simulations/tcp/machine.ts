/**
 * One side of a TCP connection as a pure state machine (RFC 9293 §3.10):
 * step(tcb, event) -> { tcb, effects }. It never touches a clock or a network;
 * effects say what to send, which timers to start or stop, what to hand to the app.
 *
 * Scope, on purpose: one connection, no congestion control, no delayed ACKs
 * (every data segment is ACKed at once), no urgent data, no window scaling of
 * the advertised window. Out-of-order segments inside the window are held and
 * processed in sequence order, which is what makes a late segment still count.
 */
import { seqAdd, seqGt, seqLe, seqLt } from './seq';
import { dataLength, flags, segLen, type Segment, type TcpOptions } from './segment';
import type { TcpState } from './states';

export type TimerName = 'rtx' | 'time-wait';

export interface Tcb {
  state: TcpState;
  localPort: number;
  remotePort: number;
  /** Passive opens keep the ISS they will use when a SYN arrives. */
  iss: number;
  sndUna: number;
  sndNxt: number;
  sndWnd: number;
  irs: number;
  rcvNxt: number;
  rcvWnd: number;
  /** Current retransmission timeout (ms); RFC 6298 §2.1 starts at 1 s and backs off ×2. */
  rto: number;
  /**
   * The RTO a new ACK brings the timer back to (no RTT samples are taken): 1 s, or 3 s once
   * a SYN or SYN-ACK has timed out (RFC 6298 §5.7).
   */
  rtoBase: number;
  /** Maximum segment lifetime (ms); TIME-WAIT lasts 2×MSL. */
  msl: number;
  /** Segments sent and not yet acknowledged, oldest first. */
  rtxQueue: Segment[];
  /** Segments that arrived ahead of rcvNxt, held for in-order processing. */
  held: Segment[];
  /** Did we open passively (for SYN-RECEIVED → LISTEN on RST). */
  passive: boolean;
  /** Window scaling (RFC 7323): on only when both SYNs carried the option. */
  scaling: boolean;
  /** Shift we apply to the windows we advertise, and the peer's shift for the windows it advertises. */
  rcvShift: number;
  sndShift: number;
  finSent: boolean;
  finReceived: boolean;
}

export type TcpEvent =
  | { type: 'open'; mode: 'passive' | 'active' }
  | { type: 'send'; data: string }
  | { type: 'close' }
  | { type: 'segment'; seg: Segment }
  | { type: 'timeout'; timer: TimerName };

export type Signal = 'connected' | 'eof' | 'closed' | 'reset';

export type Effect =
  | { type: 'transition'; from: TcpState; to: TcpState }
  | { type: 'send'; seg: Segment; retransmission: boolean }
  | { type: 'start-timer'; timer: TimerName; ms: number }
  | { type: 'stop-timer'; timer: TimerName }
  | { type: 'deliver'; data: string }
  | { type: 'signal'; signal: Signal }
  | { type: 'drop'; why: 'unacceptable' | 'no-ack' | 'closed' | 'bad-ack' | 'duplicate' }
  | { type: 'hold'; seq: number };

export const SYN_OPTIONS: TcpOptions = { mss: 1460, wscale: 7, sackPermitted: true };
export const INITIAL_RTO = 1000;
/** RFC 6298 §5.7: after a SYN timed out, data transmission starts with an RTO of 3 s. */
export const SYN_TIMEOUT_RTO = 3000;
const MAX_RTO = 60_000;

export interface TcbInit {
  localPort: number;
  remotePort: number;
  iss: number;
  rcvWnd?: number;
  msl?: number;
}

export function createTcb(init: TcbInit): Tcb {
  return {
    state: 'CLOSED',
    localPort: init.localPort,
    remotePort: init.remotePort,
    iss: init.iss >>> 0,
    sndUna: init.iss >>> 0,
    sndNxt: init.iss >>> 0,
    sndWnd: 0,
    irs: 0,
    rcvNxt: 0,
    rcvWnd: init.rcvWnd ?? 65535,
    rto: INITIAL_RTO,
    rtoBase: INITIAL_RTO,
    msl: init.msl ?? 60_000,
    rtxQueue: [],
    held: [],
    passive: false,
    scaling: false,
    rcvShift: SYN_OPTIONS.wscale ?? 0,
    sndShift: 0,
    finSent: false,
    finReceived: false,
  };
}

/** The window field to send: a SYN's is never scaled; later ones are once both sides agreed (RFC 7323 §2.2). */
function advertisedWindow(t: Tcb, syn: boolean): number {
  return Math.min(65535, !syn && t.scaling ? t.rcvWnd >>> t.rcvShift : t.rcvWnd);
}

/** A mutable working copy and the effects it collects; the public step stays pure. */
class Run {
  effects: Effect[] = [];
  constructor(public tcb: Tcb) {}
  go(to: TcpState): void {
    if (this.tcb.state === to) return;
    this.effects.push({ type: 'transition', from: this.tcb.state, to });
    this.tcb.state = to;
  }
  emit(e: Effect): void {
    this.effects.push(e);
  }
  segment(names: ('syn' | 'ack' | 'fin' | 'psh' | 'rst')[], seq: number, data = '', options?: TcpOptions): Segment {
    const seg: Segment = {
      srcPort: this.tcb.localPort,
      dstPort: this.tcb.remotePort,
      seq,
      ack: names.includes('ack') ? this.tcb.rcvNxt : 0,
      flags: flags(names),
      window: advertisedWindow(this.tcb, names.includes('syn')),
      data,
    };
    if (options) seg.options = { ...options };
    return seg;
  }
  /** Sends a segment that occupies sequence space: queue it for retransmission and arm the timer. */
  sendReliable(seg: Segment): void {
    const wasIdle = this.tcb.rtxQueue.length === 0;
    this.tcb.rtxQueue.push(seg);
    this.tcb.sndNxt = seqAdd(this.tcb.sndNxt, segLen(seg));
    this.emit({ type: 'send', seg, retransmission: false });
    if (wasIdle) this.emit({ type: 'start-timer', timer: 'rtx', ms: this.tcb.rto });
  }
  ackNow(): void {
    this.emit({ type: 'send', seg: this.segment(['ack'], this.tcb.sndNxt), retransmission: false });
  }
}

function clone(tcb: Tcb): Tcb {
  return {
    ...tcb,
    rtxQueue: tcb.rtxQueue.map((s) => ({ ...s, flags: { ...s.flags }, options: s.options && { ...s.options } })),
    held: tcb.held.map((s) => ({ ...s, flags: { ...s.flags } })),
  };
}

export function step(tcb: Tcb, event: TcpEvent): { tcb: Tcb; effects: Effect[] } {
  const run = new Run(clone(tcb));
  switch (event.type) {
    case 'open':
      open(run, event.mode);
      break;
    case 'send':
      send(run, event.data);
      break;
    case 'close':
      close(run);
      break;
    case 'timeout':
      timeout(run, event.timer);
      break;
    case 'segment':
      arrive(run, event.seg);
      break;
  }
  return { tcb: run.tcb, effects: run.effects };
}

function open(run: Run, mode: 'passive' | 'active'): void {
  const t = run.tcb;
  if (t.state !== 'CLOSED') return;
  if (mode === 'passive') {
    t.passive = true;
    run.go('LISTEN');
    return;
  }
  t.sndUna = t.iss;
  t.sndNxt = t.iss;
  run.go('SYN-SENT');
  run.sendReliable(run.segment(['syn'], t.iss, '', SYN_OPTIONS));
}

function send(run: Run, data: string): void {
  const t = run.tcb;
  if (t.state !== 'ESTABLISHED' && t.state !== 'CLOSE-WAIT') return;
  run.sendReliable(run.segment(['psh', 'ack'], t.sndNxt, data));
}

function close(run: Run): void {
  const t = run.tcb;
  switch (t.state) {
    case 'LISTEN':
    case 'SYN-SENT':
      run.go('CLOSED');
      run.emit({ type: 'stop-timer', timer: 'rtx' });
      t.rtxQueue = [];
      return;
    case 'SYN-RECEIVED':
    case 'ESTABLISHED':
      run.go('FIN-WAIT-1');
      break;
    case 'CLOSE-WAIT':
      run.go('LAST-ACK');
      break;
    default:
      return;
  }
  t.finSent = true;
  run.sendReliable(run.segment(['fin', 'ack'], t.sndNxt));
}

function timeout(run: Run, timer: TimerName): void {
  const t = run.tcb;
  if (timer === 'time-wait') {
    if (t.state === 'TIME-WAIT') {
      run.go('CLOSED');
      run.emit({ type: 'signal', signal: 'closed' });
    }
    return;
  }
  const oldest = t.rtxQueue[0];
  if (!oldest) return;
  // Retransmit the oldest unacknowledged segment with a fresh ACK field, back off the RTO (RFC 6298 §5.5–5.6).
  const again: Segment = { ...oldest, flags: { ...oldest.flags }, ack: oldest.flags.ack ? t.rcvNxt : 0, window: advertisedWindow(t, oldest.flags.syn) };
  t.rtxQueue[0] = again;
  // RFC 6298 §5.7: a SYN (or SYN-ACK) timed out, so data will start with an RTO of 3 s.
  if (oldest.flags.syn) t.rtoBase = Math.max(t.rtoBase, SYN_TIMEOUT_RTO);
  t.rto = Math.min(MAX_RTO, t.rto * 2);
  run.emit({ type: 'send', seg: again, retransmission: true });
  run.emit({ type: 'start-timer', timer: 'rtx', ms: t.rto });
}

/** RFC 9293 §3.10.7.4, first check: is the segment in the receive window? */
function acceptable(t: Tcb, seg: Segment): boolean {
  const len = segLen(seg);
  const inWin = (s: number) => seqLe(t.rcvNxt, s) && seqLt(s, seqAdd(t.rcvNxt, t.rcvWnd));
  if (len === 0) return t.rcvWnd === 0 ? seg.seq === t.rcvNxt : inWin(seg.seq);
  if (t.rcvWnd === 0) return false;
  return inWin(seg.seq) || inWin(seqAdd(seg.seq, len - 1));
}

function arrive(run: Run, seg: Segment): void {
  const t = run.tcb;
  switch (t.state) {
    case 'CLOSED':
      // RFC 9293 §3.10.7.1: anything but a RST gets a RST back.
      run.emit({ type: 'drop', why: 'closed' });
      if (!seg.flags.rst) run.emit({ type: 'send', seg: resetFor(run.tcb, seg), retransmission: false });
      return;
    case 'LISTEN':
      return arriveListen(run, seg);
    case 'SYN-SENT':
      return arriveSynSent(run, seg);
  }
  // TIME-WAIT: the only thing that can arrive is a retransmission of the remote FIN.
  // Acknowledge it and restart the 2MSL timeout (RFC 9293 §3.10.7.4, eighth).
  if (t.state === 'TIME-WAIT' && seg.flags.fin && seqAdd(seg.seq, segLen(seg)) === t.rcvNxt) {
    run.ackNow();
    run.emit({ type: 'start-timer', timer: 'time-wait', ms: 2 * t.msl });
    return;
  }
  if (!acceptable(t, seg)) {
    if (!seg.flags.rst) run.ackNow();
    run.emit({ type: 'drop', why: 'unacceptable' });
    return;
  }
  if (seg.seq !== t.rcvNxt && seqGt(seg.seq, t.rcvNxt)) {
    // Ahead of what we expect: hold it, and say again what we are waiting for.
    if (!t.held.some((h) => h.seq === seg.seq)) t.held.push(seg);
    t.held.sort((a, b) => (seqLt(a.seq, b.seq) ? -1 : 1));
    run.emit({ type: 'hold', seq: seg.seq });
    run.ackNow();
    return;
  }
  let needAck = processInOrder(run, seg);
  // Anything held that is now next in line is processed too, in order.
  for (;;) {
    const i = t.held.findIndex((h) => h.seq === t.rcvNxt);
    if (i < 0) break;
    const [next] = t.held.splice(i, 1);
    needAck = processInOrder(run, next) || needAck;
  }
  if (needAck) run.ackNow();
}

function arriveListen(run: Run, seg: Segment): void {
  const t = run.tcb;
  if (seg.flags.rst || seg.flags.ack || !seg.flags.syn) {
    run.emit({ type: 'drop', why: 'no-ack' });
    return;
  }
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.sndWnd = seg.window;
  learnScaling(t, seg);
  t.sndUna = t.iss;
  t.sndNxt = t.iss;
  run.go('SYN-RECEIVED');
  run.sendReliable(run.segment(['syn', 'ack'], t.iss, '', SYN_OPTIONS));
}

function arriveSynSent(run: Run, seg: Segment): void {
  const t = run.tcb;
  if (seg.flags.ack && (seqLe(seg.ack, t.iss) || seqGt(seg.ack, t.sndNxt))) {
    // RFC 9293 §3.10.7.3: an unacceptable ACK is answered with a RST (unless it is one).
    run.emit({ type: 'drop', why: 'bad-ack' });
    if (!seg.flags.rst) run.emit({ type: 'send', seg: resetFor(t, seg), retransmission: false });
    return;
  }
  if (seg.flags.rst) {
    if (seg.flags.ack) {
      run.go('CLOSED');
      run.emit({ type: 'signal', signal: 'reset' });
    }
    return;
  }
  if (!seg.flags.syn) {
    run.emit({ type: 'drop', why: 'no-ack' });
    return;
  }
  t.irs = seg.seq;
  t.rcvNxt = seqAdd(seg.seq, 1);
  t.sndWnd = seg.window;
  learnScaling(t, seg);
  if (seg.flags.ack) {
    ackUpTo(run, seg.ack);
    run.go('ESTABLISHED');
    run.ackNow();
    run.emit({ type: 'signal', signal: 'connected' });
  } else {
    // Simultaneous open.
    run.go('SYN-RECEIVED');
    run.emit({ type: 'send', seg: run.segment(['syn', 'ack'], t.iss, '', SYN_OPTIONS), retransmission: false });
  }
}

/** The RST that answers a segment with no connection to go to (RFC 9293 §3.10.7.1). */
function resetFor(t: Tcb, seg: Segment): Segment {
  const ack = seg.flags.ack;
  return {
    srcPort: t.localPort,
    dstPort: t.remotePort,
    seq: ack ? seg.ack : 0,
    ack: ack ? 0 : seqAdd(seg.seq, segLen(seg)),
    flags: flags(ack ? ['rst'] : ['rst', 'ack']),
    window: 0,
    data: '',
  };
}

/** Both SYNs carry a window scale option: from now on windows are shifted (RFC 7323 §2.2). */
function learnScaling(t: Tcb, syn: Segment): void {
  t.scaling = syn.options?.wscale !== undefined && SYN_OPTIONS.wscale !== undefined;
  t.sndShift = t.scaling ? syn.options!.wscale! : 0;
  if (!t.scaling) t.rcvShift = 0;
}

/** Removes acknowledged segments from the retransmission queue and manages the timer. */
function ackUpTo(run: Run, ack: number): void {
  const t = run.tcb;
  t.sndUna = ack;
  t.rtxQueue = t.rtxQueue.filter((s) => seqGt(seqAdd(s.seq, segLen(s)), ack));
  t.rto = t.rtoBase;
  if (t.rtxQueue.length === 0) run.emit({ type: 'stop-timer', timer: 'rtx' });
  else run.emit({ type: 'start-timer', timer: 'rtx', ms: t.rto });
}

/** Processes a segment whose sequence number is rcvNxt (or overlaps it). Returns whether to ACK. */
function processInOrder(run: Run, seg: Segment): boolean {
  const t = run.tcb;
  if (seg.flags.rst) {
    if (t.state === 'SYN-RECEIVED' && t.passive) run.go('LISTEN');
    else {
      run.go('CLOSED');
      run.emit({ type: 'signal', signal: 'reset' });
    }
    t.rtxQueue = [];
    run.emit({ type: 'stop-timer', timer: 'rtx' });
    return false;
  }
  if (seg.flags.syn) {
    // A SYN in a synchronized state: answer with an ACK and drop (RFC 9293 §3.10.7.4, fourth; RFC 5961 §4).
    run.emit({ type: 'drop', why: 'duplicate' });
    return true;
  }
  if (!seg.flags.ack) {
    run.emit({ type: 'drop', why: 'no-ack' });
    return false;
  }
  const finAcked = () => t.finSent && t.sndUna === t.sndNxt;
  // ACK field.
  if (t.state === 'SYN-RECEIVED') {
    if (seqLt(t.sndUna, seg.ack) && seqLe(seg.ack, t.sndNxt)) {
      ackUpTo(run, seg.ack);
      t.sndWnd = seg.window << t.sndShift;
      run.go('ESTABLISHED');
      run.emit({ type: 'signal', signal: 'connected' });
    } else {
      run.emit({ type: 'drop', why: 'bad-ack' });
      return false;
    }
  } else if (seqGt(seg.ack, t.sndNxt)) {
    run.emit({ type: 'drop', why: 'bad-ack' });
    return true;
  } else if (seqLt(t.sndUna, seg.ack)) {
    ackUpTo(run, seg.ack);
    t.sndWnd = seg.window << t.sndShift;
  }
  const finHere = seg.flags.fin;
  switch (t.state) {
    case 'FIN-WAIT-1':
      // With a FIN in the same segment, RFC 9293 goes straight to TIME-WAIT (below).
      if (finAcked() && !finHere) run.go('FIN-WAIT-2');
      break;
    case 'CLOSING':
      if (finAcked()) enterTimeWait(run);
      return false;
    case 'LAST-ACK':
      if (finAcked()) {
        run.go('CLOSED');
        run.emit({ type: 'signal', signal: 'closed' });
      }
      return false;
  }
  let ack = false;
  // Segment text (trimmed if it starts before rcvNxt: only new octets are delivered).
  const old = seqLt(seg.seq, t.rcvNxt) ? ((t.rcvNxt - seg.seq) >>> 0) - (seg.flags.syn ? 1 : 0) : 0;
  const text = old > 0 ? seg.data.slice(old) : seg.data;
  const n = dataLength(text);
  if (n > 0 && (t.state === 'ESTABLISHED' || t.state === 'FIN-WAIT-1' || t.state === 'FIN-WAIT-2')) {
    t.rcvNxt = seqAdd(t.rcvNxt, n);
    run.emit({ type: 'deliver', data: text });
    ack = true;
  }
  // FIN bit.
  if (finHere && !t.finReceived) {
    t.finReceived = true;
    t.rcvNxt = seqAdd(t.rcvNxt, 1);
    run.emit({ type: 'signal', signal: 'eof' });
    ack = true;
    switch (t.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        run.go('CLOSE-WAIT');
        break;
      case 'FIN-WAIT-1':
        if (finAcked()) enterTimeWait(run);
        else run.go('CLOSING');
        break;
      case 'FIN-WAIT-2':
        enterTimeWait(run);
        break;
    }
  }
  return ack;
}

function enterTimeWait(run: Run): void {
  run.go('TIME-WAIT');
  run.emit({ type: 'stop-timer', timer: 'rtx' });
  run.emit({ type: 'start-timer', timer: 'time-wait', ms: 2 * run.tcb.msl });
}
