/**
 * The flow-control scene: TCP's receive window (rwnd) played out on the kernel by
 * simulations/arq/flow-*. The receiver's buffer fills because its application reads
 * slowly; every ACK advertises the free space; the sender's usable window shrinks to
 * zero; the persist timer sends a window probe (a real segment of new data); the
 * application's read opens the window and a window update restarts the sender.
 */
import { StoryBuilder } from '../../core/story';
import { t, type Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { runFlowControl, type FlowConfig, type FlowEvent, type FlowResult } from '../../arq';
import { segmentLabel } from '../../tcp/segment';
import { beatsOf, caption, join, Panels, rowFinder, SeqStage, tallyPanel, Teller } from './kit';
import { flowReceiverWindow, flowSenderWindow, flowText, introText, READ_INTERVAL, READ_RATE } from './flow-text';
import { ackLabel, ackRef, ackSegment, bytes, dataRef, dataSegment, seqOf } from './wire';
import { refusedTimeline, type Base } from './refused';

export { READ_INTERVAL, READ_RATE } from './flow-text';
export { MSS, seqOf, dataSegment, ackSegment } from './wire';

export interface FlowParams {
  /** Receive buffer, in segments. */
  window: number;
  /** Percent of ACKs lost, 0..50. */
  loss: number;
  timeout: number;
  packets: number;
  seed: number;
}

const SENDER = 'sender';
const RECEIVER = 'receiver';

/** In a long run, what repeats is said once in full, then listed under these words. */
const BRIEF: Partial<Record<FlowEvent['kind'], Text>> = {
  send: t('전송', 'sent'),
  receive: t('버퍼에 들어감', 'into the buffer'),
  'ack-send': t('ACK 보냄', 'ACKs sent'),
  'ack-recv': t('ACK 도착', 'ACKs in'),
  discard: t('폐기', 'dropped'),
  drop: t('ACK 손실', 'ACKs lost'),
  retransmit: t('재전송', 'resent'),
  'timer-start': t('타이머 시작', 'timer started'),
  'timer-stop': t('타이머 멈춤', 'timer stopped'),
  timeout: t('타이머 만료', 'timer fired'),
};

export function flowConfig(p: FlowParams): Partial<FlowConfig> {
  return { packets: p.packets, bufferSize: p.window, readRate: READ_RATE, readInterval: READ_INTERVAL, persistTimeout: p.timeout, ackLoss: p.loss / 100, loseWindowUpdates: 0, seed: p.seed };
}

export function simulateFlow(p: FlowParams, base: Base): Timeline {
  const r = runFlowControl(flowConfig(p));
  if (!r.ok) return refusedTimeline(base, 'flow', r.issues.map((i) => i.message));
  const s = flowStory(r);
  const tl: Timeline = { ...base, scenario: 'flow', view: { rows: s.beats.length, ticks: s.beats.map((x, y) => ({ y, t: x.t })) }, steps: s.beats, spans: s.spans };
  if (r.capped && r.capMessage) tl.notices = [r.capMessage];
  return tl;
}

function flowStory(run: FlowResult) {
  const c = run.config;
  const beats = beatsOf(run.events);
  const grouped = beats.length < new Set(run.events.map((e) => e.time)).size;
  const rowAt = rowFinder(beats, run.events[run.events.length - 1]?.time ?? 0);
  // ACKs arrive in the order they were sent: the k-th ACK arrival (received or dropped) is the k-th ACK sent.
  const ackSends = run.events.filter((e) => e.kind === 'ack-send' || e.kind === 'window-update');
  const sentAs = new Map<number, FlowEvent>();
  run.events.filter((e) => e.kind === 'ack-recv' || e.kind === 'drop').forEach((e, k) => ackSends[k] && sentAs.set(e.i, ackSends[k]));

  const b = new StoryBuilder();
  const stage = new SeqStage(b, !grouped);
  const tell = new Teller(grouped);
  const panels = new Panels(b);
  const used = new Set<string>();
  const tally = { sent: 0, probes: 0, zero: 0, updates: 0, acksLost: 0 };
  let finished = false;

  beats.forEach((m, i) => {
    b.beat({ t: m.t, caption: t('', ''), narration: t('', '') });
    stage.row(m.t);
    const last = m.events[m.events.length - 1];
    const sv = last.sender;
    const rv = last.receiver;
    const parts: Text[] = [];
    const cap: Text[] = [];
    const keys: string[] = [];
    if (i === 0) {
      keys.push('flow-start');
      parts.push(introText(c));
    }
    for (const e of m.events) {
      const update = sentAs.get(e.i)?.kind === 'window-update';
      const said = flowText(e, c, m.events, update);
      const part = said.part;
      const brief = BRIEF[e.kind];
      if (part && brief && (!said.key || used.has(said.key))) {
        const x = tell.say(`${e.kind}-${e.reason}`, () => part, brief, e.unit ?? (e.ack !== null ? `ACK ${seqOf(e.ack)}` : e.units.join(',')));
        if (x) parts.push(x);
      } else if (part) parts.push(part);
      if (said.cap) (e.kind === 'timeout' ? cap.unshift(said.cap) : cap.push(said.cap));
      if (said.key) keys.push(said.key);
      draw(e, update);
    }
    const summary = tell.summary();
    if (summary) parts.push(summary);
    if (!finished && run.complete && m.events.some((e) => e.time === run.stats.finishTime)) {
      finished = true;
      keys.unshift('flow-done');
      parts.push(
        t(
          `모든 세그먼트가 확인되고 애플리케이션이 다 읽었습니다(${run.stats.finishTime} ms). 송신자가 알고 있던 윈도가 0이었던 시간은 모두 ${run.stats.stalledTime} ms입니다.`,
          `Every segment is acknowledged and read by the application (${run.stats.finishTime} ms). In all, the window the sender knew of was zero for ${run.stats.stalledTime} ms.`,
        ),
      );
    }
    const key = keys.find((k) => !used.has(k));
    if (key) used.add(key);
    stage.flush();
    b.amend({ caption: caption(cap.length > 0 ? cap : [t('…', '…')]), narration: join(parts), ...(key ? { key } : {}) });
    const ss = `SND.UNA=${seqOf(sv.una)} SND.WND=${bytes(sv.rwnd)}`;
    const rs = `RCV.NXT=${seqOf(rv.expected)} RCV.WND=${bytes(rv.free)}`;
    panels.show(SENDER, ss, () => ({ kind: 'actor', id: SENDER, label: t('송신자', 'Sender'), sublabel: 'TCP · rel. seq', x: 22, role: 'sender', state: ss }));
    panels.show(RECEIVER, rs, () => ({ kind: 'actor', id: RECEIVER, label: t('수신자', 'Receiver'), sublabel: `TCP · buffer ${c.bufferSize}`, x: 78, role: 'receiver', state: rs }));
    panels.show('sender-window', `${sv.una} ${sv.nxt} ${sv.rwnd}`, () => flowSenderWindow(c, sv));
    panels.show('receive-buffer', `${rv.read} ${rv.expected} ${rv.buffered} ${rv.free}`, () => flowReceiverWindow(c, rv));
    panels.show('tally', Object.values(tally).join(' '), () =>
      tallyPanel([
        [t('보낸 세그먼트(프로브 포함)', 'Segments sent (probes included)'), tally.sent],
        [t('윈도 프로브', 'Window probes'), tally.probes],
        [t('rwnd=0 ACK', 'ACKs with rwnd=0'), tally.zero],
        [t('윈도 업데이트', 'Window updates'), tally.updates],
        [t('손실된 ACK', 'ACKs lost'), tally.acksLost],
      ]),
    );
  });
  return b.build();

  function draw(e: FlowEvent, update: boolean): void {
    switch (e.kind) {
      case 'send':
      case 'probe':
      case 'retransmit': {
        tally.sent++;
        if (e.kind === 'probe') tally.probes++;
        const label = `${segmentLabel(dataSegment(e.unit!))}${e.kind === 'probe' ? ' (probe)' : ''}`;
        stage.send({ id: `s${e.i}`, from: SENDER, to: RECEIVER, y1: rowAt(e.at), lost: false, label, chip: e.kind === 'probe' ? `PROBE ${e.unit}` : `DATA ${e.unit}`, tone: 'data', retransmission: e.kind === 'retransmit', packet: dataRef(e.unit!, e.time) });
        break;
      }
      case 'ack-send':
      case 'window-update': {
        if (e.wnd === 0) tally.zero++;
        if (e.kind === 'window-update') tally.updates++;
        const seg = ackSegment(e.ack!, e.wnd!);
        const label = `${ackLabel(seg)} rwnd=${bytes(e.wnd!)}${e.kind === 'window-update' ? ' (update)' : ''}`;
        stage.send({ id: `a${e.i}`, from: RECEIVER, to: SENDER, y1: rowAt(e.at), lost: e.lost, label, chip: `ACK rwnd=${bytes(e.wnd!)}`, tone: 'ack', packet: ackRef(seg, e.time) });
        break;
      }
      case 'drop':
        tally.acksLost++;
        break;
      case 'receive':
        stage.mark(RECEIVER, 'call', t(`버퍼 ${e.receiver.buffered.length}/${c.bufferSize}`, `buffer ${e.receiver.buffered.length}/${c.bufferSize}`));
        break;
      case 'discard':
        stage.mark(RECEIVER, 'call', e.reason === 'no-room' ? t(`공간 없음: ${e.unit} 폐기`, `no room: drop ${e.unit}`) : t(`${e.unit} 폐기`, `drop ${e.unit}`));
        break;
      case 'app-read':
        stage.mark(RECEIVER, 'app', t(`앱이 ${e.units.join(', ')} 읽음`, `app reads ${e.units.join(', ')}`));
        break;
      case 'ack-recv':
        if (e.wnd === 0) stage.mark(SENDER, 'state', t('rwnd=0: 멈춤', 'rwnd=0: stop'));
        else if (update) stage.mark(SENDER, 'state', t('윈도 열림', 'window open'));
        break;
      case 'timer-start': {
        const ms = e.at! - e.time;
        stage.timerStart(e.timer!, SENDER, ms, e.at!, e.timer === 'persist' ? t(`지속 ${ms} ms`, `persist ${ms} ms`) : t(`RTO ${ms} ms`, `RTO ${ms} ms`));
        break;
      }
      case 'timer-stop':
        stage.timerEnd(e.timer!, 'cancelled');
        break;
      case 'timeout':
        stage.timerEnd(e.timer!, 'fired');
        stage.mark(SENDER, 'timer', e.timer === 'persist' ? t('지속 타이머 만료', 'persist fires') : t('타임아웃', 'timeout'));
        break;
    }
  }
}
