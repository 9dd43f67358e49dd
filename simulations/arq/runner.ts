/**
 * runArq: the ARQ protocols run on the kernel (`core/kernel.ts`). The sender and
 * the receiver are kernel actors wrapping the pure machines (gbn.ts, sr.ts,
 * tcp.ts); the two directions are kernel links; the event log is read off the trace.
 *
 * Timing model
 * - The data link carries one packet at a time: a packet put on the link at t
 *   occupies it until t + sendInterval (the sender then gets 'link-free', a local
 *   post to itself) and reaches the receiver at t + sendInterval + oneWayDelay.
 * - ACKs are tiny: sent at t, they arrive at t + oneWayDelay.
 * - Neither link reorders (no jitter): arrivals are in sending order.
 * - Loss: each link draws from its own seeded stream, the same number of draws
 *   for every transmission, so `lose` and `loseAcks` (the links' `drop`) never shift
 *   the random streams. `lose` drops the first transmission of the listed packets,
 *   `loseAcks` the first ACK naming the listed numbers. A loss is handled when the
 *   message would have arrived (the `drop` event's time).
 * - Timers are kernel timers: starting a running timer restarts it; a stopped or
 *   restarted timer's old expiry never fires.
 */
import { run, type KernelEffect, type KernelInput, type Machine, type Trace } from '../core/kernel';
import { round } from '../core/round';
import { validateArqConfig, type ArqInput } from './config';
import { eventCap, senderEffects, stoppedTimers } from './kernel-glue';
import { machinesFor } from './machines';
import { Ev } from './event';
import * as N from './narrate';
import type { AckPacket, ArqConfig, ArqEvent, ArqResult, ArqRun, DataPacket, MachineParams, ReceiverEffect, SackBlock, SenderEffect, SenderInput } from './types';

/** No config can produce more events than this; a run that reaches it stops and says so. */
export const ARQ_EVENT_CAP = 20000;

export type ArqMsg =
  | { kind: 'data'; packet: DataPacket }
  /** `first`: no ACK naming `names` was sent before (what `loseAcks` drops). */
  | { kind: 'ack'; ack: AckPacket; names: number; sackAbs: SackBlock[]; first: boolean };

type Post = { type: 'start' } | { type: 'link-free' };
type Note = { fx: SenderEffect; ack?: Extract<ArqMsg, { kind: 'ack' }> } | { fx: ReceiverEffect; seq: number };
interface ReceiverActor {
  m: unknown;
  /** ACK names already used, for `first`. */
  named: Readonly<Record<number, true>>;
}

export const SENDER = 'sender';
export const RECEIVER = 'receiver';

/**
 * `text: false` leaves every event's narration empty; `events: false` keeps no event log at
 * all (`events` is empty): for callers that read only `stats`, `delivered` and `complete`.
 */
export function runArq(input: ArqInput, opts: { text?: boolean; events?: boolean } = {}): ArqRun {
  const v = validateArqConfig(input);
  if (!v.ok) return v;
  return simulate(v.config, ARQ_EVENT_CAP, opts.text ?? true, opts.events ?? true);
}


/** The world: two actors and two links. Exposed so a story can walk the kernel trace itself. */
export function arqWorld(cfg: ArqConfig, cap = ARQ_EVENT_CAP) {
  const params: MachineParams = { window: cfg.window, packets: cfg.packets, seqSpace: cfg.seqSpace, timeout: cfg.timeout };
  const { sender, receiver } = machinesFor(cfg.protocol);
  type Fx = KernelEffect<ArqMsg, Post, Note>;

  const senderActor: Machine<unknown, ArqMsg, Post, Note> = {
    init: sender.init(params),
    step(state, input: KernelInput<ArqMsg, Post>) {
      let sin: SenderInput;
      let ack: Extract<ArqMsg, { kind: 'ack' }> | undefined;
      if (input.type === 'post') sin = input.data;
      else if (input.type === 'timer') sin = { type: 'timeout', timer: input.name };
      else if (input.msg.kind === 'ack') {
        ack = input.msg;
        sin = { type: 'ack', ack: input.msg.ack };
      } else throw new Error('sender got data');
      const r = sender.step(state, sin);
      const effects = senderEffects<SenderEffect, ArqMsg, Post, Note>(r.effects, {
        self: SENDER, peer: RECEIVER, sendInterval: cfg.sendInterval, linkFree: { type: 'link-free' },
        note: (fx) => (fx.kind === 'ack-handled' ? { fx, ack } : { fx }),
        wire: (fx) => ({ msg: { kind: 'data', packet: fx.packet }, retransmission: fx.retransmission }),
      });
      return { state: r.state, effects };
    },
  };

  const receiverActor: Machine<unknown, ArqMsg, Post, Note> = {
    init: { m: receiver.init(params), named: {} } satisfies ReceiverActor,
    step(state, input) {
      const s = state as ReceiverActor;
      if (input.type !== 'msg' || input.msg.kind !== 'data') throw new Error('receiver got something other than data');
      const r = receiver.step(s.m, { type: 'data', packet: input.msg.packet });
      let named = s.named;
      const effects: Fx[] = [];
      for (const fx of r.effects) {
        effects.push({ type: 'note', note: { fx, seq: input.msg.packet.seq } });
        if (fx.kind === 'ack') {
          const first = !named[fx.names];
          if (first) named = { ...named, [fx.names]: true };
          effects.push({ type: 'send', to: SENDER, msg: { kind: 'ack', ack: fx.ack, names: fx.names, sackAbs: fx.sackAbs, first } });
        }
      }
      return { state: { m: r.state, named } satisfies ReceiverActor, effects };
    },
  };

  const lose = new Set(cfg.lose);
  const loseAcks = new Set(cfg.loseAcks);
  const stop = eventCap(cap);
  const trace: Trace<unknown, ArqMsg, Post, Note> = run<unknown, ArqMsg, Post, Note>({
    actors: { [SENDER]: senderActor, [RECEIVER]: receiverActor },
    links: {
      [`${SENDER}>${RECEIVER}`]: {
        delay: cfg.sendInterval + cfg.oneWayDelay,
        loss: cfg.loss,
        lostAt: 'arrival',
        // A packet's first transmission is the one that is not a retransmission.
        drop: (m, ctx) => m.kind === 'data' && !ctx.retransmission && lose.has(m.packet.payload),
      },
      [`${RECEIVER}>${SENDER}`]: {
        delay: cfg.oneWayDelay,
        loss: cfg.loss,
        lostAt: 'arrival',
        drop: (m) => m.kind === 'ack' && m.first && loseAcks.has(m.names),
      },
    },
    seed: cfg.seed,
    script: [{ at: 0, to: SENDER, data: { type: 'start' } }],
    maxEvents: cap * 4,
    until: stop.until,
  });
  return { trace, sender, receiver, capped: stop.capped };
}

const NO_SACK: SackBlock[] = [];

function simulate(cfg: ArqConfig, cap = ARQ_EVENT_CAP, narrate = true, keep = true): ArqResult {
  const proto = cfg.protocol;
  const { trace, sender, receiver, capped } = arqWorld(cfg, cap);
  const events: ArqEvent[] = [];
  const delivered: number[] = [];
  const stats = { transmissions: 0, retransmissions: 0, acksSent: 0, dataLost: 0, acksLost: 0, timeouts: 0, fastRetransmits: 0 };
  let doneAt: number | null = null;
  let lastTime = 0;
  // Views are built only when the log is kept, once per state value (entries share unchanged states).
  let sState: unknown = undefined;
  let rState: unknown = undefined;
  let sv = null as unknown as ArqEvent['sender'];
  let rv = null as unknown as ArqEvent['receiver'];
  let time = 0;
  const log = (kind: ArqEvent['kind'], text: () => ArqEvent['text'], packet: number | null, seq: number | null, ack: number | null, sack: SackBlock[], timer: string | null, at: number | null, lost: boolean, reason: string | null) => {
    lastTime = time;
    if (!keep) return;
    const ev = new Ev(narrate ? text : null);
    ev.i = events.length;
    ev.time = time;
    ev.kind = kind;
    ev.packet = packet;
    ev.seq = seq;
    ev.ack = ack;
    ev.sack = sack === NO_SACK ? [] : sack;
    ev.timer = timer;
    ev.at = at;
    ev.lost = lost;
    ev.reason = reason;
    ev.sender = sv;
    ev.receiver = rv;
    events.push(ev as ArqEvent);
  };

  for (const e of trace.entries) {
    if (e.i === 0) continue;
    time = e.t;
    if (keep) {
      const ss = e.states[SENDER];
      const rs = (e.states[RECEIVER] as ReceiverActor).m;
      if (ss !== sState) (sState = ss), (sv = sender.view(ss));
      if (rs !== rState) (rState = rs), (rv = receiver.view(rs));
    }
    if (e.cause.kind === 'lost') {
      const m = trace.wire(e.cause.wire).msg;
      if (m.kind === 'data') log('drop', () => N.narrateDropData(m.packet.payload, m.packet.seq), m.packet.payload, m.packet.seq, null, NO_SACK, null, null, false, 'data');
      else log('drop', () => N.narrateDropAck(m.names, m.ack.ack), m.names, null, m.ack.ack, m.sackAbs, null, null, false, 'ack');
      continue;
    }
    let sent = 0;
    const stopped = stoppedTimers(e);
    for (const { note } of e.notes) {
      const fx = note.fx;
      switch (fx.kind) {
        case 'ack-handled': {
          const c = (note as { ack: Extract<ArqMsg, { kind: 'ack' }> }).ack;
          if (fx.fastRetransmit) stats.fastRetransmits++;
          const v = sv;
          log('ack-recv', () => N.narrateAckRecv(proto, c.names, c.ack.ack, fx, v), c.names, null, c.ack.ack, c.sackAbs, null, null, false, fx.verdict);
          break;
        }
        case 'timeout-handled':
          stats.timeouts++;
          log('timeout', () => N.narrateTimeout(proto, fx.resend, fx.nextRto), fx.resend[0] ?? null, null, null, NO_SACK, fx.timer, null, false, null);
          break;
        case 'send': {
          const w = trace.wire(e.sent[sent++]);
          const at = e.t + cfg.sendInterval + cfg.oneWayDelay;
          stats.transmissions++;
          if (fx.retransmission) stats.retransmissions++;
          if (w.lost) stats.dataLost++;
          const v = sv;
          log(fx.retransmission ? 'retransmit' : 'send', () => N.narrateSend(fx.n, fx.packet.seq, at, w.lost, fx.reason, v), fx.n, fx.packet.seq, null, NO_SACK, null, at, w.lost, fx.reason);
          break;
        }
        case 'timer-start': {
          const t = e.t;
          log('timer-start', () => N.narrateTimerStart(proto, fx.n, fx.ms, t + fx.ms), fx.n, null, null, NO_SACK, fx.timer, e.t + fx.ms, false, null);
          break;
        }
        case 'timer-stop':
          // Only a timer that was running is stopped (the kernel records no cancel otherwise).
          if (stopped(fx.timer)) log('timer-stop', () => N.narrateTimerStop(proto, fx.n), fx.n, null, null, NO_SACK, fx.timer, null, false, null);
          break;
        case 'deliver':
          delivered.push(fx.payload);
          log('deliver', () => N.narrateDeliver(fx.payload), fx.payload, (note as { seq: number }).seq, null, NO_SACK, null, null, false, null);
          break;
        case 'buffer': {
          const v = rv;
          log('buffer', () => N.narrateBuffer(fx.payload, v.expected), fx.payload, (note as { seq: number }).seq, null, NO_SACK, null, null, false, null);
          break;
        }
        case 'discard': {
          const v = rv;
          log('discard', () => N.narrateDiscard(proto, fx.payload, fx.reason, v.expected), fx.payload, (note as { seq: number }).seq, null, NO_SACK, null, null, false, fx.reason);
          break;
        }
        case 'ack': {
          const w = trace.wire(e.sent[sent++]);
          const at = e.t + cfg.oneWayDelay;
          stats.acksSent++;
          if (w.lost) stats.acksLost++;
          log('ack-send', () => N.narrateAckSend(proto, fx.names, fx.ack.ack, fx.sackAbs, at, w.lost), fx.names, null, fx.ack.ack, fx.sackAbs, null, at, w.lost, null);
          break;
        }
      }
    }
    if (doneAt === null && sender.done(e.states[SENDER])) doneAt = e.t;
  }

  const endTime = lastTime;
  const finishTime = doneAt ?? endTime;
  const isCapped = capped();
  return {
    ok: true,
    config: cfg,
    events,
    delivered,
    stats: { finishTime, endTime, ...stats, utilization: finishTime > 0 ? round((stats.transmissions * cfg.sendInterval) / finishTime, 3) : 0 },
    complete: doneAt !== null && delivered.length === cfg.packets,
    capped: isCapped,
    capMessage: isCapped ? N.narrateCap(cap) : null,
  };
}

/** For tests: run an already validated config with a different cap. */
export const simulateArqForTest = simulate;
