/**
 * The flow-control scene: TCP's receive window (rwnd) played out by the
 * machines in simulations/arq/flow-*.ts. The receiver's buffer fills because
 * its application reads slowly; every ACK advertises the free space; the
 * sender's usable window shrinks to zero; the persist timer sends a window
 * probe; the application's read opens the window and a window update restarts
 * the sender.
 */
import { t, type Text } from '../../core/text';
import { fromScenes, type CountersEntity, type Entity, type MarkEntity, type Step, type Timeline, type WindowCellState, type WindowEntity } from '../../core/timeline';
import { runFlowControl, type FlowConfig, type FlowEvent, type FlowResult } from '../../arq';
import { eul, eun, ga } from '../../arq/ko';
import { flags, segmentLabel, type Segment } from '../../tcp/segment';
import { cellRange, markAt, messageAt, moments, sweep, tallyPanel, TimerBook, timerAt, type Span } from './scene';
import { refusedTimeline } from './error';

export interface FlowParams {
  /** Receive buffer, in segments. */
  window: number;
  /** Percent of ACKs lost, 0..50. */
  loss: number;
  timeout: number;
  packets: number;
  seed: number;
}

/** The receiving application reads this many segments… */
export const READ_RATE = 2;
/** …every this many ms: slower than the sender, so the buffer fills. */
export const READ_INTERVAL = 600;

const SENDER = 'sender';
const RECEIVER = 'receiver';

/**
 * On the wire: every segment carries MSS bytes (small, to keep the numbers
 * readable), both sides' ISNs are 0 so the first data byte is 1, and the window
 * field is the engine's rwnd (in segments) times MSS. Segment n holds bytes
 * 1 + n·MSS … (n + 1)·MSS; ACK k (engine: "segments before k arrived") is the
 * byte number 1 + k·MSS.
 */
export const MSS = 100;
export const IPS = { sender: '192.0.2.10', receiver: '198.51.100.20' } as const;
export const PORTS = { sender: 49200, receiver: 5001 } as const;
/** The window the sender itself advertises (it receives no data here). */
const SENDER_WINDOW = 64240;
export const seqOf = (n: number) => 1 + n * MSS;
const bytes = (segments: number) => segments * MSS;

function payload(n: number): string {
  return `[segment ${n}] `.repeat(Math.ceil(MSS / 10)).slice(0, MSS);
}

export function dataSegment(n: number): Segment {
  return { srcPort: PORTS.sender, dstPort: PORTS.receiver, seq: seqOf(n), ack: 1, flags: flags(['psh', 'ack']), window: SENDER_WINDOW, data: payload(n) };
}

export function ackSegment(ack: number, wnd: number): Segment {
  return { srcPort: PORTS.receiver, dstPort: PORTS.sender, seq: 1, ack: seqOf(ack), flags: flags(['ack']), window: bytes(wnd), data: '' };
}

export function flowConfig(p: FlowParams): Partial<FlowConfig> {
  return {
    packets: p.packets,
    bufferSize: p.window,
    readRate: READ_RATE,
    readInterval: READ_INTERVAL,
    persistTimeout: p.timeout,
    ackLoss: p.loss / 100,
    loseWindowUpdates: 0,
    seed: p.seed,
  };
}


export function simulateFlow(p: FlowParams, base: Omit<Timeline, 'view' | 'steps' | 'spans' | 'scenario'>): Timeline {
  const r = runFlowControl(flowConfig(p));
  if (!r.ok) return refusedTimeline(base, 'flow', r.issues.map((i) => i.message));
  const steps = buildFlowSteps(r);
  const tl: Timeline = { ...base, scenario: 'flow', view: { rows: steps.length, ticks: steps.map((s, y) => ({ y, t: s.t })) }, ...fromScenes(steps) };
  if (r.capped && r.capMessage) tl.notices = [r.capMessage];
  return tl;
}

function buildFlowSteps(run: FlowResult): Step[] {
  const c = run.config;
  const ms = moments(run.events);
  const rows = ms.length;
  const rowOf = new Map(ms.map((m, i) => [m.t, i]));
  const rowAt = (time: number | null) => (time === null ? rows : (rowOf.get(time) ?? rows));

  // ACKs and segments each arrive in the order they were sent (no reordering):
  // the k-th ACK arrival (received or dropped) is the k-th ACK sent.
  const ackSends = run.events.filter((e) => e.kind === 'ack-send' || e.kind === 'window-update');
  const ackArrivals = run.events.filter((e) => e.kind === 'ack-recv' || e.kind === 'drop');
  const sentAs = new Map<number, FlowEvent>();
  ackArrivals.forEach((e, k) => {
    if (ackSends[k]) sentAs.set(e.i, ackSends[k]);
  });

  const spans: Span[] = [];
  const marks: Omit<MarkEntity, 'fresh'>[] = [];
  const timers = new TimerBook(SENDER);
  ms.forEach((m, y) => {
    timers.lapse(y, m.t);
    for (const e of m.events) {
      switch (e.kind) {
        case 'send':
        case 'probe':
        case 'retransmit':
          spans.push({
            id: `s${e.i}`,
            from: SENDER,
            to: RECEIVER,
            y0: y,
            y1: rowAt(e.at),
            lost: false,
            label: `${segmentLabel(dataSegment(e.unit!))}${e.kind === 'probe' ? ' (probe)' : ''}`,
            retransmission: e.kind === 'retransmit',
            packet: { proto: 'tcp', fields: { src: IPS.sender, dst: IPS.receiver, seg: dataSegment(e.unit!), t: e.time } },
          });
          break;
        case 'ack-send':
        case 'window-update':
          spans.push({
            id: `k${e.i}`,
            from: RECEIVER,
            to: SENDER,
            y0: y,
            y1: rowAt(e.at),
            lost: e.lost,
            label: `${segmentLabel(ackSegment(e.ack!, e.wnd!))} rwnd=${bytes(e.wnd!)}${e.kind === 'window-update' ? ' (update)' : ''}`,
            retransmission: false,
            packet: { proto: 'tcp', fields: { src: IPS.receiver, dst: IPS.sender, seg: ackSegment(e.ack!, e.wnd!), t: e.time } },
          });
          break;
        case 'receive':
          marks.push({ kind: 'mark', id: `rcv-${e.i}`, on: RECEIVER, y, tone: 'call', text: t(`버퍼 ${e.receiver.buffered.length}/${c.bufferSize}`, `buffer ${e.receiver.buffered.length}/${c.bufferSize}`) });
          break;
        case 'discard':
          marks.push({
            kind: 'mark',
            id: `dsc-${e.i}`,
            on: RECEIVER,
            y,
            tone: 'call',
            text: e.reason === 'no-room' ? t(`공간 없음: ${e.unit} 폐기`, `no room: drop ${e.unit}`) : t(`${e.unit} 폐기`, `drop ${e.unit}`),
          });
          break;
        case 'app-read':
          marks.push({ kind: 'mark', id: `read-${e.i}`, on: RECEIVER, y, tone: 'app', text: t(`앱이 ${e.units.join(', ')} 읽음`, `app reads ${e.units.join(', ')}`) });
          break;
        case 'ack-recv':
          if (e.wnd === 0) marks.push({ kind: 'mark', id: `zw-${e.i}`, on: SENDER, y, tone: 'state', text: t('rwnd=0: 멈춤', 'rwnd=0: stop') });
          else if (sentAs.get(e.i)?.kind === 'window-update') marks.push({ kind: 'mark', id: `wo-${e.i}`, on: SENDER, y, tone: 'state', text: t('윈도 열림', 'window open') });
          break;
        case 'timer-start':
          timers.start(e.timer!, y, e.at! - e.time, e.at!, e.timer === 'persist' ? t(`지속 ${e.at! - e.time} ms`, `persist ${e.at! - e.time} ms`) : t(`RTO ${e.at! - e.time} ms`, `RTO ${e.at! - e.time} ms`));
          break;
        case 'timer-stop':
          timers.close(e.timer!, y, 'cancelled');
          break;
        case 'timeout':
          timers.close(e.timer!, y, 'fired');
          marks.push({ kind: 'mark', id: `to-${e.i}`, on: SENDER, y, tone: 'timer', text: e.timer === 'persist' ? t('지속 타이머 만료', 'persist fires') : t('타임아웃', 'timeout') });
          break;
        default:
          break;
      }
    }
  });

  const msgRows = sweep(spans, (s) => s.y0, messageAt, rows);
  const markRows = sweep(marks, (m) => m.y, markAt, rows);
  const timerRows = sweep(timers.spans, (s) => s.y0, timerAt, rows);

  const steps: Step[] = [];
  const used = new Set<string>();
  const tally = { sent: 0, probes: 0, zero: 0, updates: 0, acksLost: 0 };
  let finished = false;

  ms.forEach((m, i) => {
    const last = m.events[m.events.length - 1];
    const sv = last.sender;
    const rv = last.receiver;
    const parts: Text[] = [];
    const cap: Text[] = [];
    const keys: string[] = [];
    if (i === 0) {
      keys.push('flow-start');
      parts.push(
        t(
          `세그먼트 하나는 ${MSS}바이트이고(숫자를 읽기 쉽게 작게 잡았습니다), 수신 버퍼에는 세그먼트 ${c.bufferSize}개(${bytes(c.bufferSize)}바이트)가 들어갑니다. 수신 애플리케이션은 ${READ_INTERVAL} ms마다 세그먼트 ${READ_RATE}개씩만 읽고, 송신자는 세그먼트 ${c.packets}개를 보내려 합니다.`,
          `Each segment carries ${MSS} bytes (small, to keep the numbers readable), and the receive buffer holds ${c.bufferSize} segment${c.bufferSize > 1 ? 's' : ''} (${bytes(c.bufferSize)} bytes). The receiving application reads only ${READ_RATE} segments every ${READ_INTERVAL} ms, and the sender has ${c.packets} segment${c.packets > 1 ? 's' : ''} to send.`,
        ),
      );
    }
    for (const e of m.events) {
      const A = e.ack === null ? 0 : seqOf(e.ack);
      const W = e.wnd === null ? 0 : bytes(e.wnd);
      switch (e.kind) {
        case 'send': {
          tally.sent++;
          const out = e.sender.outstanding;
          parts.push(
            t(
              `송신자가 ${eul(`세그먼트 ${e.unit}(seq=${seqOf(e.unit!)})`)} 보냅니다. 확인을 기다리는 세그먼트는 이제 ${out}개, rwnd는 ${bytes(e.sender.rwnd)}바이트입니다.`,
              `The sender sends segment ${e.unit} (seq=${seqOf(e.unit!)}); ${out} segment${out === 1 ? '' : 's'} now await${out === 1 ? 's' : ''} an ACK, rwnd=${bytes(e.sender.rwnd)} bytes.`,
            ),
          );
          cap.push(t(`세그먼트 ${e.unit} →`, `seg ${e.unit} →`));
          break;
        }
        case 'probe':
          tally.sent++;
          tally.probes++;
          keys.push('probe');
          parts.push(
            t(
              `송신자가 윈도 프로브로 ${eul(`세그먼트 ${e.unit}(seq=${seqOf(e.unit!)})`)} 하나 보냅니다: 윈도가 0일 때 보낼 수 있는 단 하나의 세그먼트이며, 수신자는 여기에 답하면서 지금의 윈도를 알려 줘야 합니다.`,
              `The sender sends a window probe carrying segment ${e.unit} (seq=${seqOf(e.unit!)}): the one segment allowed past a zero window, sent so that the receiver must answer with its current window.`,
            ),
          );
          cap.push(t('윈도 프로브 →', 'window probe →'));
          break;
        case 'retransmit':
          tally.sent++;
          parts.push(e.text);
          cap.push(t(`세그먼트 ${e.unit} 재전송`, `resend seg ${e.unit}`));
          break;
        case 'receive':
          parts.push(
            t(
              `${ga(`세그먼트 ${e.unit}`)} 수신 버퍼에 들어갑니다(사용 ${e.receiver.buffered.length}/${c.bufferSize}).`,
              `Segment ${e.unit} goes into the receive buffer (${e.receiver.buffered.length}/${c.bufferSize} used).`,
            ),
          );
          break;
        case 'discard':
          parts.push(
            e.reason === 'no-room'
              ? t(
                  `버퍼가 가득 차 ${eul(`세그먼트 ${e.unit}`)} 받을 공간이 없으므로 버립니다. 그래도 수신자는 ACK로 답합니다: 프로브가 노린 것이 바로 이 답입니다.`,
                  `The buffer is full, so segment ${e.unit} is dropped. The receiver still answers with an ACK: that answer is what the probe was for.`,
                )
              : e.text,
          );
          cap.push(t(`세그먼트 ${e.unit} 폐기`, `seg ${e.unit} dropped`));
          break;
        case 'ack-send': {
          if (e.wnd === 0) tally.zero++;
          const answersProbe = m.events.some((x) => x.kind === 'discard' && x.reason === 'no-room');
          const lost = e.lost ? t(' 이 ACK는 가는 도중 손실됩니다.', ' This ACK will be lost on the way.') : t('', '');
          const k = e.ack!;
          const got = k === 1 ? t('세그먼트 0', 'segment 0') : t(`세그먼트 0–${k - 1}`, `segments 0–${k - 1}`);
          const body =
            e.wnd === 0 && answersProbe
              ? t(`수신자가 ACK ${A}, rwnd=0으로 답합니다: 윈도는 아직 닫혀 있습니다.`, `The receiver answers ACK ${A} with rwnd=0: the window is still closed.`)
              : e.wnd === 0
                ? t(
                    `버퍼가 가득 찼으므로 수신자가 ${eul(`ACK ${A}`)} rwnd=0과 함께 보냅니다: 더 보내지 말라는 뜻입니다.`,
                    `The buffer is full, so the receiver sends ACK ${A} with rwnd=0: "stop sending".`,
                  )
                : t(
                    `수신자가 ${eul(`ACK ${A}`)} 보냅니다: ${A - 1}번 바이트까지(${got.ko}) 모두 받았다는 누적 ACK이고, 함께 실은 ${eun(`rwnd=${W}`)} 버퍼에 남은 공간(세그먼트 ${e.wnd}개)입니다.`,
                    `The receiver sends ACK ${A}: a cumulative ACK for every byte up to ${A - 1} (${got.en}), with rwnd=${W}, its free buffer space (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).`,
                  );
          parts.push(t(body.ko + lost.ko, body.en + lost.en));
          cap.push(t(`ACK ${A} rwnd=${W} ←`, `ACK ${A} rwnd=${W} ←`));
          break;
        }
        case 'window-update':
          tally.updates++;
          parts.push(
            t(
              `마지막으로 알린 윈도가 0이었고 이제 공간이 생겼으므로, 수신자가 ${eul(`윈도 업데이트(ACK ${A}, rwnd=${W})`)} 보냅니다.${e.lost ? ' 이 업데이트는 손실됩니다: 송신자는 계속 윈도가 0이라고 믿게 되고, 지속 타이머만이 이 교착을 풀 수 있습니다.' : ''}`,
              `Its last advertised window was zero and now there is room, so the receiver sends a window update: ACK ${A}, rwnd=${W} (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).${e.lost ? ' This update will be lost: the sender goes on believing the window is zero, and only the persist timer can break the deadlock.' : ''}`,
            ),
          );
          cap.push(t(`윈도 업데이트 rwnd=${W} ←`, `window update rwnd=${W} ←`));
          break;
        case 'ack-recv': {
          const update = sentAs.get(e.i)?.kind === 'window-update';
          if (e.reason === 'zero-window') {
            const persist = m.events.find((x) => x.kind === 'timer-start' && x.timer === 'persist');
            if (e.sender.una >= c.packets) {
              parts.push(
                t(
                  `송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 보낸 것이 모두 확인되었고 더 보낼 것도 없으므로 닫힌 윈도는 문제가 되지 않습니다.`,
                  `The sender receives ACK ${A} with rwnd=0: everything it sent is acknowledged and nothing is left to send, so the closed window does not matter.`,
                ),
              );
              cap.push(t(`ACK ${A} rwnd=0 도착`, `ACK ${A} rwnd=0 in`));
              break;
            }
            keys.push('zero-window');
            parts.push(
              persist
                ? t(
                    `송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 윈도가 닫혔습니다. 송신자는 새 데이터 전송을 멈추고, 윈도를 확인할 지속(persist) 타이머를 켭니다(${persist.at} ms에 만료).`,
                    `The sender receives ACK ${A} with rwnd=0: the window is closed. It stops sending new data and starts the persist timer to check on the window (it fires at ${persist.at} ms).`,
                  )
                : t(
                    `송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 윈도가 닫혔으므로 새 데이터 전송을 멈춥니다.`,
                    `The sender receives ACK ${A} with rwnd=0: the window is closed, so it stops sending new data.`,
                  ),
            );
            cap.push(t('rwnd=0: 전송 중지', 'rwnd=0: sender stops'));
          } else if (e.reason === 'probe-rolled-back') {
            parts.push(
              t(
                `송신자가 ${eul(`ACK ${A}, rwnd=${W}`)} 받습니다: 프로브의 세그먼트는 받아들여지지 않았으니 윈도가 열리면 다시 보냅니다.${e.wnd === 0 ? ' 윈도는 여전히 0입니다.' : ''}`,
                `The sender receives ACK ${A} with rwnd=${W}: the probe's segment was not accepted, so it will be sent again once the window opens.${e.wnd === 0 ? ' The window is still zero.' : ''}`,
              ),
            );
            cap.push(t(`프로브 답: rwnd=${W}`, `probe answered: rwnd=${W}`));
          } else {
            if (update) keys.push('window-update');
            else if (e.wnd! < c.bufferSize) keys.push('rwnd-shrinks');
            const sendsNow = m.events.some((x) => x.kind === 'send' && x.i > e.i);
            const n = e.sender.outstanding;
            const waits = e.sender.usable === 0 && n > 0 && !sendsNow;
            const resumes = update && (sendsNow || e.sender.nxt < c.packets);
            parts.push(
              t(
                `송신자가 ${eul(`ACK ${A}, rwnd=${W}`)} 받습니다: 확인받지 않은 데이터를 최대 ${W}바이트(세그먼트 ${e.wnd}개)까지 둘 수 있습니다.${waits ? ` 이미 세그먼트 ${n}개가 확인을 기다리고 있으므로 더 보내지 못하고 기다립니다.` : ''}${resumes ? ' 윈도 업데이트 덕분에 전송이 다시 시작됩니다.' : ''}`,
                `The sender receives ACK ${A} with rwnd=${W}: it may have at most ${W} unacknowledged bytes (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).${waits ? ` ${n} segment${n === 1 ? '' : 's'} already await${n === 1 ? 's' : ''} an ACK, so it must wait.` : ''}${resumes ? ' Thanks to the window update, sending resumes.' : ''}`,
              ),
            );
            cap.push(t(`ACK ${A} rwnd=${W} 도착`, `ACK ${A} rwnd=${W} in`));
          }
          break;
        }
        case 'drop':
          tally.acksLost++;
          if (e.reason === 'window-update') {
            keys.push('update-lost');
            parts.push(
              t(
                `${ga(`윈도 업데이트(ACK ${A}, rwnd=${W})`)} 손실되었습니다. 송신자는 여전히 윈도가 0이라고 알고 있습니다.`,
                `The window update (ACK ${A}, rwnd=${W}) was lost: the sender still believes the window is zero.`,
              ),
            );
          } else {
            parts.push(t(`${ga(`ACK ${A}(rwnd=${W})`)} 손실되어 송신자에게 도착하지 못했습니다.`, `ACK ${A} (rwnd=${W}) was lost and never reaches the sender.`));
          }
          cap.push(t(`ACK ${A} 손실 ✕`, `ACK ${A} lost ✕`));
          break;
        case 'app-read':
          keys.push('app-read');
          parts.push(e.text);
          cap.push(t(`앱이 ${e.units.join(', ')} 읽음`, `app reads ${e.units.join(', ')}`));
          break;
        case 'timeout':
          parts.push(e.text);
          if (e.timer === 'persist') cap.unshift(t('지속 타이머 만료', 'persist timer fires'));
          else cap.unshift(t('타임아웃', 'timeout'));
          break;
        case 'timer-start':
          if (e.timer === 'persist' && !m.events.some((x) => (x.kind === 'timeout' && x.timer === 'persist') || x.reason === 'zero-window')) {
            parts.push(t(`지속 타이머를 시작합니다(${e.at} ms에 만료).`, `The persist timer starts (it fires at ${e.at} ms).`));
          }
          break;
        case 'timer-stop':
          if (e.timer === 'persist') parts.push(t('윈도가 열렸으므로 지속 타이머를 멈춥니다.', 'The window is open, so the persist timer stops.'));
          break;
      }
    }
    if (!finished && run.complete && m.t === run.stats.finishTime) {
      finished = true;
      keys.unshift('flow-done');
      parts.push(
        t(
          `모든 세그먼트가 확인되고 애플리케이션이 다 읽었습니다(${m.t} ms). 송신자가 알고 있던 윈도가 0이었던 시간은 모두 ${run.stats.stalledTime} ms입니다.`,
          `Every segment is acknowledged and read by the application (${m.t} ms). In all, the window the sender knew of was zero for ${run.stats.stalledTime} ms.`,
        ),
      );
    }

    const entities: Record<string, Entity> = {};
    entities[SENDER] = { kind: 'actor', id: SENDER, label: t('송신자', 'Sender'), sublabel: 'TCP', x: 22, role: 'sender', state: `SND.UNA=${seqOf(sv.una)} SND.WND=${bytes(sv.rwnd)}` };
    entities[RECEIVER] = { kind: 'actor', id: RECEIVER, label: t('수신자', 'Receiver'), sublabel: `TCP · buffer ${c.bufferSize}`, x: 78, role: 'receiver', state: `RCV.NXT=${seqOf(rv.expected)} RCV.WND=${bytes(rv.free)}` };
    for (const e of msgRows[i]) entities[e.id] = e;
    for (const e of markRows[i]) entities[e.id] = e;
    for (const e of timerRows[i]) entities[e.id] = e;
    entities['sender-window'] = flowSenderWindow(c, sv);
    entities['receive-buffer'] = flowReceiverWindow(c, rv);
    entities.tally = flowTally(tally);

    const shown = cap.slice(0, 3);
    const step: Step = {
      t: m.t,
      caption: {
        ko: shown.map((x) => x.ko).join(' · ') + (cap.length > 3 ? ' …' : ''),
        en: shown.map((x) => x.en).join(' · ') + (cap.length > 3 ? ' …' : ''),
      },
      narration: { ko: parts.map((x) => x.ko).join(' '), en: parts.map((x) => x.en).join(' ') },
      scene: { entities },
    };
    const key = keys.find((k) => !used.has(k));
    if (key) {
      used.add(key);
      step.key = key;
    }
    steps.push(step);
  });
  return steps;
}

function flowSenderWindow(c: FlowConfig, v: FlowEvent['sender']): WindowEntity {
  const [lo, hi] = cellRange(c.packets, v.una);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.una) state = 'acked';
    else if (n < v.nxt) state = 'sent';
    else if (n < v.una + v.rwnd) state = 'usable';
    else state = 'outside';
    cells.push({ n, state });
  }
  return {
    kind: 'window',
    id: 'sender-window',
    label: t('송신 윈도', 'Sender window'),
    cells,
    window: { from: v.una, to: Math.min(c.packets, v.una + v.rwnd) },
    note: t(
      `rwnd=${bytes(v.rwnd)}바이트(세그먼트 ${v.rwnd}개) · 미확인 ${v.outstanding} · 더 보낼 수 있음 ${v.usable}`,
      `rwnd=${bytes(v.rwnd)} B (${v.rwnd} seg) · unacked ${v.outstanding} · usable ${v.usable}`,
    ),
  };
}

function flowReceiverWindow(c: FlowConfig, v: FlowEvent['receiver']): WindowEntity {
  const [lo, hi] = cellRange(c.packets, v.read);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.read) state = 'delivered';
    else if (v.buffered.includes(n)) state = 'buffered';
    else if (n >= v.expected && n < v.expected + v.free) state = 'expected';
    else state = 'outside';
    cells.push({ n, state });
  }
  return {
    kind: 'window',
    id: 'receive-buffer',
    label: t('수신 버퍼', 'Receive buffer'),
    cells,
    window: { from: v.expected, to: Math.min(c.packets, v.expected + v.free) },
    note: t(
      `사용 ${v.buffered.length}/${v.bufferSize} · 남은 공간 ${v.free}개 = 광고할 rwnd ${bytes(v.free)}바이트`,
      `${v.buffered.length}/${v.bufferSize} used · ${v.free} free = the rwnd it advertises, ${bytes(v.free)} B`,
    ),
  };
}

function flowTally(x: { sent: number; probes: number; zero: number; updates: number; acksLost: number }): CountersEntity {
  return tallyPanel([
    [t('보낸 세그먼트(프로브 포함)', 'Segments sent (probes included)'), x.sent],
    [t('윈도 프로브', 'Window probes'), x.probes],
    [t('rwnd=0 ACK', 'ACKs with rwnd=0'), x.zero],
    [t('윈도 업데이트', 'Window updates'), x.updates],
    [t('손실된 ACK', 'ACKs lost'), x.acksLost],
  ]);
}
