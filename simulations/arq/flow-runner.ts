/**
 * runFlowControl: the flow-control simulation. Same timing model as runArq
 * (one segment on the sender's link per sendInterval, arrival after
 * sendInterval + oneWayDelay, ACKs arrive after oneWayDelay, FIFO, no reordering).
 * The data direction is lossless; ACKs may be lost (ackLoss, PRNG forked 'ack')
 * and the first `loseWindowUpdates` window updates are lost — the case the
 * persist timer exists for. The receiving application reads at t = readInterval,
 * 2·readInterval, … until it has read everything.
 */
import { createRandom } from '../core/random';
import type { Text } from '../core/text';
import { validateFlowConfig, type FlowInput } from './flow-config';
import { flowReceiver, flowSender } from './flow-machines';
import * as F from './flow-narrate';
import { narrateCap } from './narrate';
import { createQueue } from '../core/queue';
import type {
  FlowConfig,
  FlowEvent,
  FlowParams,
  FlowReceiverEffect,
  FlowResult,
  FlowRun,
  FlowSenderEffect,
  FlowSenderInput,
} from './flow-types';

export const FLOW_EVENT_CAP = 20000;

type Pending =
  | { type: 'sender'; input: FlowSenderInput }
  | { type: 'data'; n: number; probe: boolean }
  | { type: 'ack'; ack: number; wnd: number; update: boolean; lost: boolean }
  | { type: 'read' }
  | { type: 'timer'; id: 'rto' | 'persist'; token: number };

type Fields = Partial<Omit<FlowEvent, 'i' | 'time' | 'kind' | 'sender' | 'receiver' | 'text'>>;

export function runFlowControl(input: FlowInput): FlowRun {
  const v = validateFlowConfig(input);
  if (!v.ok) return v;
  return simulateFlow(v.config);
}

function simulateFlow(cfg: FlowConfig, cap = FLOW_EVENT_CAP): FlowResult {
  const p: FlowParams = { packets: cfg.packets, bufferSize: cfg.bufferSize, readRate: cfg.readRate, timeout: cfg.persistTimeout };
  let ss = flowSender.init(p);
  let rs = flowReceiver.init(p);
  const ackRng = createRandom(cfg.seed).fork('ack');
  const queue = createQueue<Pending>();
  const timers = new Map<string, number>();
  let token = 0;
  let now = 0;
  let updatesSent = 0;
  let senderDoneAt: number | null = null;
  let readDoneAt: number | null = null;
  let zeroSince: number | null = null;

  const events: FlowEvent[] = [];
  const delivered: number[] = [];
  const stats = { transmissions: 0, probes: 0, retransmissions: 0, acksSent: 0, acksLost: 0, windowUpdates: 0, zeroWindowAcks: 0, stalledTime: 0 };

  const log = (kind: FlowEvent['kind'], text: Text, f: Fields = {}) => {
    events.push({
      i: events.length,
      time: now,
      kind,
      unit: f.unit ?? null,
      units: f.units ?? [],
      ack: f.ack ?? null,
      wnd: f.wnd ?? null,
      timer: f.timer ?? null,
      at: f.at ?? null,
      lost: f.lost ?? false,
      reason: f.reason ?? null,
      sender: flowSender.view(ss),
      receiver: flowReceiver.view(rs),
      text,
    });
  };

  const senderEffects = (effects: FlowSenderEffect[], ack: Extract<Pending, { type: 'ack' }> | null) => {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'ack-handled': {
          const reason = fx.rolledBack ? 'probe-rolled-back' : fx.rwnd === 0 ? 'zero-window' : 'window-open';
          log('ack-recv', F.fAckRecv(ack!.ack, ack!.wnd, fx.rolledBack, fx.usable), { ack: ack!.ack, wnd: ack!.wnd, reason });
          break;
        }
        case 'timeout-handled':
          log('timeout', F.fTimeout(fx.timer, fx.next), { timer: fx.timer });
          break;
        case 'send': {
          const at = now + cfg.sendInterval + cfg.oneWayDelay;
          stats.transmissions++;
          if (fx.mode === 'probe') stats.probes++;
          if (fx.mode === 'retransmit') stats.retransmissions++;
          const kind = fx.mode === 'new' ? 'send' : fx.mode;
          log(kind, F.fSend(fx.n, fx.mode, at, flowSender.view(ss)), { unit: fx.n, at });
          queue.push(now + cfg.sendInterval, { type: 'sender', input: { type: 'link-free' } });
          queue.push(at, { type: 'data', n: fx.n, probe: fx.mode === 'probe' });
          break;
        }
        case 'timer-start': {
          token++;
          timers.set(fx.timer, token);
          const at = now + fx.ms;
          queue.push(at, { type: 'timer', id: fx.timer, token });
          log('timer-start', F.fTimerStart(fx.timer, fx.ms, at), { timer: fx.timer, at });
          break;
        }
        case 'timer-stop':
          if (timers.delete(fx.timer)) log('timer-stop', F.fTimerStop(fx.timer), { timer: fx.timer });
          break;
      }
    }
  };

  const stepSender = (input: FlowSenderInput, ack: Extract<Pending, { type: 'ack' }> | null = null) => {
    const r = flowSender.step(ss, input);
    ss = r.state;
    senderEffects(r.effects, ack);
    if (ss.rwnd === 0 && zeroSince === null) zeroSince = now;
    if (ss.rwnd > 0 && zeroSince !== null) {
      stats.stalledTime += now - zeroSince;
      zeroSince = null;
    }
    if (senderDoneAt === null && flowSender.done(ss)) senderDoneAt = now;
  };

  const receiverEffects = (effects: FlowReceiverEffect[]) => {
    for (const fx of effects) {
      switch (fx.kind) {
        case 'receive':
          log('receive', F.fReceive(fx.n, flowReceiver.view(rs)), { unit: fx.n });
          break;
        case 'discard':
          log('discard', F.fDiscard(fx.n, fx.reason), { unit: fx.n, reason: fx.reason });
          break;
        case 'app-read':
          delivered.push(...fx.units);
          log('app-read', F.fRead(fx.units, flowReceiver.view(rs)), { units: fx.units });
          break;
        case 'ack': {
          const randomLoss = ackRng.chance(cfg.ackLoss);
          let lost = randomLoss;
          if (fx.update) {
            stats.windowUpdates++;
            if (updatesSent < cfg.loseWindowUpdates) lost = true;
            updatesSent++;
          }
          const at = now + cfg.oneWayDelay;
          stats.acksSent++;
          if (lost) stats.acksLost++;
          if (fx.wnd === 0) stats.zeroWindowAcks++;
          log(fx.update ? 'window-update' : 'ack-send', F.fAckSend(fx.ack, fx.wnd, fx.update, at, lost), { ack: fx.ack, wnd: fx.wnd, at, lost });
          queue.push(at, { type: 'ack', ack: fx.ack, wnd: fx.wnd, update: fx.update, lost });
          break;
        }
      }
    }
  };

  queue.push(0, { type: 'sender', input: { type: 'start' } });
  queue.push(cfg.readInterval, { type: 'read' });
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
      case 'data': {
        const r = flowReceiver.step(rs, { type: 'data', n: e.n, probe: e.probe });
        rs = r.state;
        receiverEffects(r.effects);
        break;
      }
      case 'read': {
        const r = flowReceiver.step(rs, { type: 'read' });
        rs = r.state;
        receiverEffects(r.effects);
        if (rs.read < cfg.packets) queue.push(now + cfg.readInterval, { type: 'read' });
        else if (readDoneAt === null) readDoneAt = now;
        break;
      }
      case 'ack':
        if (e.lost) log('drop', F.fDrop(e.ack, e.wnd, e.update), { ack: e.ack, wnd: e.wnd, reason: e.update ? 'window-update' : 'ack' });
        else stepSender({ type: 'ack', ack: e.ack, wnd: e.wnd }, e);
        break;
    }
  }
  const endTime = events.length > 0 ? events[events.length - 1].time : 0;
  if (zeroSince !== null) stats.stalledTime += endTime - zeroSince;
  const complete = senderDoneAt !== null && readDoneAt !== null;
  return {
    ok: true,
    config: cfg,
    events,
    delivered,
    stats: { finishTime: complete ? Math.max(senderDoneAt!, readDoneAt!) : endTime, endTime, ...stats },
    complete,
    capped,
    capMessage: capped ? narrateCap(cap) : null,
  };
}
