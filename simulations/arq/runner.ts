/**
 * runArq: a discrete-event simulation in logical milliseconds that feeds
 * events through a sender machine and a receiver machine and logs what their
 * effects caused.
 *
 * Timing model
 * - The sender's link carries one data packet at a time: a packet put on the
 *   link at t occupies it until t + sendInterval (then the sender gets
 *   'link-free') and reaches the receiver at t + sendInterval + oneWayDelay.
 * - ACKs are tiny: sent at t, they arrive at t + oneWayDelay.
 * - The channel never reorders: arrivals are in sending order.
 * - Loss: each data transmission draws from a PRNG forked 'data', each ACK
 *   from one forked 'ack' (a draw for every transmission, so `lose` and
 *   `loseAcks` never shift the random streams). `lose` drops the first
 *   transmission of the listed packets, `loseAcks` the first ACK naming the
 *   listed numbers; either drop is on top of the random ones.
 * - Timers: starting a running timer restarts it; a stopped or restarted
 *   timer's old expiry is ignored.
 */
import { createRandom } from '../core/random';
import { round } from '../core/round';
import { validateArqConfig, type ArqInput } from './config';
import { machinesFor } from './machines';
import * as N from './narrate';
import { createQueue } from '../core/queue';
import type {
  AckPacket,
  ArqConfig,
  ArqEvent,
  ArqResult,
  ArqRun,
  DataPacket,
  MachineParams,
  ReceiverEffect,
  SackBlock,
  SenderEffect,
  SenderInput,
} from './types';
import type { Text } from '../core/text';

/** No config can produce more events than this; a run that reaches it stops and says so. */
export const ARQ_EVENT_CAP = 20000;

type Pending =
  | { type: 'sender'; input: SenderInput }
  | { type: 'data'; packet: DataPacket; lost: boolean }
  | { type: 'ack'; ack: AckPacket; names: number; sackAbs: SackBlock[]; lost: boolean }
  | { type: 'timer'; id: string; token: number };

type EventFields = Partial<Omit<ArqEvent, 'i' | 'time' | 'kind' | 'sender' | 'receiver' | 'text'>>;

export function runArq(input: ArqInput): ArqRun {
  const v = validateArqConfig(input);
  if (!v.ok) return v;
  return simulate(v.config);
}

function simulate(cfg: ArqConfig, cap = ARQ_EVENT_CAP): ArqResult {
  const proto = cfg.protocol;
  const params: MachineParams = { window: cfg.window, packets: cfg.packets, seqSpace: cfg.seqSpace, timeout: cfg.timeout };
  const { sender, receiver } = machinesFor(proto);
  let ss = sender.init(params);
  let rs = receiver.init(params);

  const rng = createRandom(cfg.seed);
  const dataRng = rng.fork('data');
  const ackRng = rng.fork('ack');
  const loseFirst = new Set(cfg.lose);
  const loseAckFirst = new Set(cfg.loseAcks);
  const sentOnce = new Set<number>();
  const ackedOnce = new Set<number>();

  const queue = createQueue<Pending>();
  const timers = new Map<string, number>();
  let token = 0;
  let now = 0;
  let doneAt: number | null = null;

  const events: ArqEvent[] = [];
  const delivered: number[] = [];
  const stats = { transmissions: 0, retransmissions: 0, acksSent: 0, dataLost: 0, acksLost: 0, timeouts: 0, fastRetransmits: 0 };

  const log = (kind: ArqEvent['kind'], text: Text, f: EventFields = {}) => {
    events.push({
      i: events.length,
      time: now,
      kind,
      packet: f.packet ?? null,
      seq: f.seq ?? null,
      ack: f.ack ?? null,
      sack: f.sack ?? [],
      timer: f.timer ?? null,
      at: f.at ?? null,
      lost: f.lost ?? false,
      reason: f.reason ?? null,
      sender: sender.view(ss),
      receiver: receiver.view(rs),
      text,
    });
  };

  const senderEffects = (effects: SenderEffect[], ackCtx: Extract<Pending, { type: 'ack' }> | null) => {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'ack-handled': {
          const c = ackCtx!;
          if (fx.fastRetransmit) stats.fastRetransmits++;
          log('ack-recv', N.narrateAckRecv(proto, c.names, c.ack.ack, fx, sender.view(ss)), {
            packet: c.names,
            ack: c.ack.ack,
            sack: c.sackAbs,
            reason: fx.verdict,
          });
          break;
        }
        case 'timeout-handled':
          stats.timeouts++;
          log('timeout', N.narrateTimeout(proto, fx.resend, fx.nextRto), { timer: fx.timer, packet: fx.resend[0] ?? null });
          break;
        case 'send': {
          const randomLoss = dataRng.chance(cfg.loss);
          const first = !sentOnce.has(fx.n);
          sentOnce.add(fx.n);
          const lost = randomLoss || (first && loseFirst.has(fx.n));
          const at = now + cfg.sendInterval + cfg.oneWayDelay;
          stats.transmissions++;
          if (fx.retransmission) stats.retransmissions++;
          if (lost) stats.dataLost++;
          log(
            fx.retransmission ? 'retransmit' : 'send',
            N.narrateSend(fx.n, fx.packet.seq, at, lost, fx.reason, sender.view(ss)),
            { packet: fx.n, seq: fx.packet.seq, at, lost, reason: fx.reason },
          );
          queue.push(now + cfg.sendInterval, { type: 'sender', input: { type: 'link-free' } });
          queue.push(at, { type: 'data', packet: fx.packet, lost });
          break;
        }
        case 'timer-start': {
          token++;
          timers.set(fx.timer, token);
          const at = now + fx.ms;
          queue.push(at, { type: 'timer', id: fx.timer, token });
          log('timer-start', N.narrateTimerStart(proto, fx.n, fx.ms, at), { timer: fx.timer, packet: fx.n, at });
          break;
        }
        case 'timer-stop':
          if (timers.delete(fx.timer)) log('timer-stop', N.narrateTimerStop(proto, fx.n), { timer: fx.timer, packet: fx.n });
          break;
      }
    }
  };

  const stepSender = (input: SenderInput, ackCtx: Extract<Pending, { type: 'ack' }> | null = null) => {
    const r = sender.step(ss, input);
    ss = r.state;
    senderEffects(r.effects, ackCtx);
    if (doneAt === null && sender.done(ss)) doneAt = now;
  };

  const receiverEffects = (effects: ReceiverEffect[], seq: number) => {
    for (const fx of effects) {
      const expected = receiver.view(rs).expected;
      switch (fx.kind) {
        case 'deliver':
          delivered.push(fx.payload);
          log('deliver', N.narrateDeliver(fx.payload), { packet: fx.payload, seq });
          break;
        case 'buffer':
          log('buffer', N.narrateBuffer(fx.payload, expected), { packet: fx.payload, seq });
          break;
        case 'discard':
          log('discard', N.narrateDiscard(proto, fx.payload, fx.reason, expected), { packet: fx.payload, seq, reason: fx.reason });
          break;
        case 'ack': {
          const randomLoss = ackRng.chance(cfg.loss);
          const first = !ackedOnce.has(fx.names);
          ackedOnce.add(fx.names);
          const lost = randomLoss || (first && loseAckFirst.has(fx.names));
          const at = now + cfg.oneWayDelay;
          stats.acksSent++;
          if (lost) stats.acksLost++;
          log('ack-send', N.narrateAckSend(proto, fx.names, fx.ack.ack, fx.sackAbs, at, lost), {
            packet: fx.names,
            ack: fx.ack.ack,
            sack: fx.sackAbs,
            at,
            lost,
          });
          queue.push(at, { type: 'ack', ack: fx.ack, names: fx.names, sackAbs: fx.sackAbs, lost });
          break;
        }
      }
    }
  };

  queue.push(0, { type: 'sender', input: { type: 'start' } });
  let capped = false;
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (events.length >= cap) {
      capped = true;
      break;
    }
    now = next.time;
    const e = next.item;
    switch (e.type) {
      case 'sender':
        stepSender(e.input);
        break;
      case 'timer':
        if (timers.get(e.id) === e.token) {
          timers.delete(e.id);
          stepSender({ type: 'timeout', timer: e.id });
        }
        break;
      case 'data':
        if (e.lost) {
          log('drop', N.narrateDropData(e.packet.payload, e.packet.seq), { packet: e.packet.payload, seq: e.packet.seq, reason: 'data' });
        } else {
          const r = receiver.step(rs, { type: 'data', packet: e.packet });
          rs = r.state;
          receiverEffects(r.effects, e.packet.seq);
        }
        break;
      case 'ack':
        if (e.lost) {
          log('drop', N.narrateDropAck(e.names, e.ack.ack), { packet: e.names, ack: e.ack.ack, sack: e.sackAbs, reason: 'ack' });
        } else {
          stepSender({ type: 'ack', ack: e.ack }, e);
        }
        break;
    }
  }

  const endTime = events.length > 0 ? events[events.length - 1].time : 0;
  const finishTime = doneAt ?? endTime;
  return {
    ok: true,
    config: cfg,
    events,
    delivered,
    stats: {
      finishTime,
      endTime,
      ...stats,
      utilization: finishTime > 0 ? round((stats.transmissions * cfg.sendInterval) / finishTime, 3) : 0,
    },
    complete: doneAt !== null && delivered.length === cfg.packets,
    capped,
    capMessage: capped ? N.narrateCap(cap) : null,
  };
}

/** For tests: run an already validated config with a different cap. */
export const simulateArqForTest = simulate;
