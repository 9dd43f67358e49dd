/**
 * runFlowControl: the flow-control simulation on the kernel. Actors: the sender,
 * the receiver (flow-machines.ts) and the receiving application, which asks the
 * receiver for up to readRate segments at t = readInterval, 2·readInterval, … until
 * it has read everything. Links: the data link (one segment per sendInterval, arrival
 * after sendInterval + oneWayDelay, lossless) and the ACK link (oneWayDelay; ACKs are
 * lost at `ackLoss` from the link's seeded stream, and the first `loseWindowUpdates`
 * window updates by the link's drop list — the case the persist timer exists for).
 * Links never reorder.
 */
import { run, type KernelEffect, type KernelInput, type Machine } from '../core/kernel';
import { validateFlowConfig, type FlowInput } from './flow-config';
import { eventCap, senderEffects, stoppedTimers } from './kernel-glue';
import { flowReceiver, flowSender, type FlowReceiverState, type FlowSenderState } from './flow-machines';
import * as F from './flow-narrate';
import { narrateCap } from './narrate';
import type { FlowConfig, FlowEvent, FlowParams, FlowReceiverEffect, FlowResult, FlowRun, FlowSenderEffect, FlowSenderInput } from './flow-types';

export const FLOW_EVENT_CAP = 20000;

export type FlowMsg =
  | { kind: 'data'; n: number; probe: boolean }
  /** `update`: a window update; `nthUpdate`: how many window updates were sent before it. */
  | { kind: 'ack'; ack: number; wnd: number; update: boolean; nthUpdate: number };

type Post = { type: 'start' } | { type: 'link-free' } | { type: 'read' } | { type: 'read-done'; total: number };
type Note = { fx: FlowSenderEffect; ack?: Extract<FlowMsg, { kind: 'ack' }> } | { fx: FlowReceiverEffect };
interface ReceiverActor {
  m: FlowReceiverState;
  updates: number;
}
interface AppActor {
  read: number;
  doneAt: number | null;
}

const S = 'sender';
const R = 'receiver';
const APP = 'app';

export function runFlowControl(input: FlowInput): FlowRun {
  const v = validateFlowConfig(input);
  if (!v.ok) return v;
  return simulateFlow(v.config);
}

type St = FlowSenderState | ReceiverActor | AppActor;
type Fx = KernelEffect<FlowMsg, Post, Note>;

function world(cfg: FlowConfig, cap: number) {
  const p: FlowParams = { packets: cfg.packets, bufferSize: cfg.bufferSize, readRate: cfg.readRate, timeout: cfg.persistTimeout };
  const sender: Machine<St, FlowMsg, Post, Note> = {
    init: flowSender.init(p),
    step(state, input: KernelInput<FlowMsg, Post>) {
      let sin: FlowSenderInput;
      let ack: Extract<FlowMsg, { kind: 'ack' }> | undefined;
      if (input.type === 'post') sin = input.data as FlowSenderInput;
      else if (input.type === 'timer') sin = { type: 'timeout', timer: input.name as 'rto' | 'persist' };
      else if (input.msg.kind === 'ack') {
        ack = input.msg;
        sin = { type: 'ack', ack: ack.ack, wnd: ack.wnd };
      } else throw new Error('sender got data');
      const r = flowSender.step(state as FlowSenderState, sin);
      const effects = senderEffects<FlowSenderEffect, FlowMsg, Post, Note>(r.effects, {
        self: S, peer: R, sendInterval: cfg.sendInterval, linkFree: { type: 'link-free' },
        note: (fx) => (fx.kind === 'ack-handled' ? { fx, ack } : { fx }),
        wire: (fx) => ({ msg: { kind: 'data', n: fx.n, probe: fx.mode === 'probe' }, retransmission: fx.mode === 'retransmit' }),
      });
      return { state: r.state, effects };
    },
  };
  const receiver: Machine<St, FlowMsg, Post, Note> = {
    init: { m: flowReceiver.init(p), updates: 0 } satisfies ReceiverActor,
    step(state, input) {
      const s = state as ReceiverActor;
      const rin = input.type === 'msg' && input.msg.kind === 'data' ? { type: 'data' as const, n: input.msg.n, probe: input.msg.probe } : { type: 'read' as const };
      const r = flowReceiver.step(s.m, rin);
      let updates = s.updates;
      const effects: Fx[] = [];
      for (const fx of r.effects) {
        effects.push({ type: 'note', note: { fx } });
        if (fx.kind === 'ack') {
          effects.push({ type: 'send', to: S, msg: { kind: 'ack', ack: fx.ack, wnd: fx.wnd, update: fx.update, nthUpdate: updates } });
          if (fx.update) updates++;
        }
      }
      // The application's read returns how much it has read in all.
      if (rin.type === 'read') effects.push({ type: 'post', to: APP, data: { type: 'read-done', total: r.state.read } });
      return { state: { m: r.state, updates } satisfies ReceiverActor, effects };
    },
  };
  const app: Machine<St, FlowMsg, Post, Note> = {
    init: { read: 0, doneAt: null } satisfies AppActor,
    step(state, input, now) {
      const s = state as AppActor;
      if (input.type !== 'post') return { state, effects: [] };
      if (input.data.type === 'start') return { state, effects: [{ type: 'post', to: R, data: { type: 'read' }, after: cfg.readInterval }] };
      if (input.data.type !== 'read-done') return { state, effects: [] };
      const total = input.data.total;
      if (total < cfg.packets) return { state: { ...s, read: total }, effects: [{ type: 'post', to: R, data: { type: 'read' }, after: cfg.readInterval }] };
      return { state: { read: total, doneAt: s.doneAt ?? now } satisfies AppActor, effects: [] };
    },
  };
  const stop = eventCap(cap);
  const trace = run<St, FlowMsg, Post, Note>({
    actors: { [S]: sender, [R]: receiver, [APP]: app },
    links: {
      [`${S}>${R}`]: { delay: cfg.sendInterval + cfg.oneWayDelay },
      [`${R}>${S}`]: {
        delay: cfg.oneWayDelay,
        loss: cfg.ackLoss,
        lostAt: 'arrival',
        drop: (m) => m.kind === 'ack' && m.update && m.nthUpdate < cfg.loseWindowUpdates,
      },
    },
    seed: cfg.seed,
    script: [
      { at: 0, to: S, data: { type: 'start' } },
      { at: 0, to: APP, data: { type: 'start' } },
    ],
    maxEvents: cap * 4,
    until: stop.until,
  });
  return { trace, capped: stop.capped() };
}

function simulateFlow(cfg: FlowConfig, cap = FLOW_EVENT_CAP): FlowResult {
  const { trace, capped } = world(cfg, cap);
  const events: FlowEvent[] = [];
  const delivered: number[] = [];
  const stats = { transmissions: 0, probes: 0, retransmissions: 0, acksSent: 0, acksLost: 0, windowUpdates: 0, zeroWindowAcks: 0, stalledTime: 0 };
  let senderDoneAt: number | null = null;
  let zeroSince: number | null = null;

  for (const e of trace.entries) {
    if (e.i === 0) continue;
    const ss = e.states[S] as FlowSenderState;
    const sv = flowSender.view(ss);
    const rv = flowReceiver.view((e.states[R] as ReceiverActor).m);
    const log = (kind: FlowEvent['kind'], text: FlowEvent['text'], f: Partial<FlowEvent> = {}) => {
      events.push({ i: events.length, time: e.t, kind, unit: null, units: [], ack: null, wnd: null, timer: null, at: null, lost: false, reason: null, ...f, sender: sv, receiver: rv, text });
    };
    if (e.cause.kind === 'lost') {
      const m = trace.wire(e.cause.wire).msg as Extract<FlowMsg, { kind: 'ack' }>;
      log('drop', F.fDrop(m.ack, m.wnd, m.update), { ack: m.ack, wnd: m.wnd, reason: m.update ? 'window-update' : 'ack' });
      continue;
    }
    let sent = 0;
    const stopped = stoppedTimers(e);
    for (const { note } of e.notes) {
      const fx = note.fx;
      switch (fx.kind) {
        case 'ack-handled': {
          const a = (note as { ack: Extract<FlowMsg, { kind: 'ack' }> }).ack;
          const reason = fx.rolledBack ? 'probe-rolled-back' : fx.rwnd === 0 ? 'zero-window' : 'window-open';
          log('ack-recv', F.fAckRecv(a.ack, a.wnd, fx.rolledBack, fx.usable), { ack: a.ack, wnd: a.wnd, reason });
          break;
        }
        case 'timeout-handled':
          log('timeout', F.fTimeout(fx.timer, fx.next), { timer: fx.timer });
          break;
        case 'send': {
          sent++;
          const at = e.t + cfg.sendInterval + cfg.oneWayDelay;
          stats.transmissions++;
          if (fx.mode === 'probe') stats.probes++;
          if (fx.mode === 'retransmit') stats.retransmissions++;
          log(fx.mode === 'new' ? 'send' : fx.mode, F.fSend(fx.n, fx.mode, at, sv), { unit: fx.n, at });
          break;
        }
        case 'timer-start':
          log('timer-start', F.fTimerStart(fx.timer, fx.ms, e.t + fx.ms), { timer: fx.timer, at: e.t + fx.ms });
          break;
        case 'timer-stop':
          if (stopped(fx.timer)) log('timer-stop', F.fTimerStop(fx.timer), { timer: fx.timer });
          break;
        case 'receive':
          log('receive', F.fReceive(fx.n, rv), { unit: fx.n });
          break;
        case 'discard':
          log('discard', F.fDiscard(fx.n, fx.reason), { unit: fx.n, reason: fx.reason });
          break;
        case 'app-read':
          delivered.push(...fx.units);
          log('app-read', F.fRead(fx.units, rv), { units: fx.units });
          break;
        case 'ack': {
          const w = trace.wire(e.sent[sent++]);
          const at = e.t + cfg.oneWayDelay;
          if (fx.update) stats.windowUpdates++;
          stats.acksSent++;
          if (w.lost) stats.acksLost++;
          if (fx.wnd === 0) stats.zeroWindowAcks++;
          log(fx.update ? 'window-update' : 'ack-send', F.fAckSend(fx.ack, fx.wnd, fx.update, at, w.lost), { ack: fx.ack, wnd: fx.wnd, at, lost: w.lost });
          break;
        }
      }
    }
    if (e.cause.kind !== 'start' && (e.cause as { actor?: string }).actor === S) {
      if (ss.rwnd === 0 && zeroSince === null) zeroSince = e.t;
      if (ss.rwnd > 0 && zeroSince !== null) {
        stats.stalledTime += e.t - zeroSince;
        zeroSince = null;
      }
      if (senderDoneAt === null && flowSender.done(ss)) senderDoneAt = e.t;
    }
  }
  const endTime = events.length > 0 ? events[events.length - 1].time : 0;
  if (zeroSince !== null) stats.stalledTime += endTime - zeroSince;
  const last = trace.entries[trace.entries.length - 1].states[APP] as AppActor;
  const readDoneAt = last.doneAt;
  const complete = senderDoneAt !== null && readDoneAt !== null;
  return {
    ok: true,
    config: cfg,
    events,
    delivered,
    stats: { finishTime: complete ? Math.max(senderDoneAt!, readDoneAt!) : endTime, endTime, ...stats },
    complete,
    capped: capped,
    capMessage: capped ? narrateCap(cap) : null,
  };
}
