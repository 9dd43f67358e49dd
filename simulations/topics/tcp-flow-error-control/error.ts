/**
 * The error-control scene: one ARQ protocol (stop-and-wait, Go-Back-N,
 * Selective Repeat or TCP with SACK and fast retransmit) played out by the
 * state machines in simulations/arq, one step per logical moment, with the
 * sender's and receiver's windows and a chart of all four protocols run on the
 * same configuration.
 */
import { round } from '../../core/round';
import { t, type Text } from '../../core/text';
import { fromScenes, type ChartEntity, type CountersEntity, type Entity, type Step, type Timeline, type WindowCellState, type WindowEntity } from '../../core/timeline';
import { ARQ_PROTOCOLS, maxWindow, runArq, wire, type ArqConfig, type ArqEvent, type ArqProtocol, type ArqResult } from '../../arq';
import { eul, ga, ro } from '../../arq/ko';
import { pkt } from '../../arq/narrate';
import { cellRange, markAt, messageAt, moments, sweep, runs, tallyPanel, TimerBook, timerAt, type Span } from './scene';
import type { MarkEntity } from '../../core/timeline';

export interface ErrorParams {
  protocol: ArqProtocol;
  window: number;
  /** Percent, 0..50. */
  loss: number;
  lose: number[];
  timeout: number;
  packets: number;
  seqbits: number;
  seed: number;
}

/** Protocol names as shown on the diagram (language-neutral) and in text. */
export const PROTO_NAME: Record<ArqProtocol, string> = {
  'stop-and-wait': 'Stop-and-Wait',
  'go-back-n': 'Go-Back-N',
  'selective-repeat': 'Selective Repeat',
  tcp: 'TCP (SACK)',
};
export const PROTO_TEXT: Record<ArqProtocol, Text> = {
  'stop-and-wait': t('정지-대기', 'Stop-and-Wait'),
  'go-back-n': t('Go-Back-N', 'Go-Back-N'),
  'selective-repeat': t('선택적 반복', 'Selective Repeat'),
  tcp: t('TCP (SACK)', 'TCP (SACK)'),
};

const SENDER = 'sender';
const RECEIVER = 'receiver';

/** The engine config this scene runs, and what had to change to make it valid. */
export function errorConfig(p: ErrorParams): { config: Partial<ArqConfig>; notices: Text[] } {
  const seqSpace = 2 ** p.seqbits;
  const notices: Text[] = [];
  let window = p.window;
  if (p.protocol === 'stop-and-wait') {
    if (window !== 1) {
      notices.push(
        t(
          `정지-대기는 항상 패킷 하나를 보내고 그 ACK를 기다립니다: 윈도 설정(${window})은 쓰이지 않고 윈도 1로 동작합니다.`,
          `Stop-and-wait always sends one packet and waits for its ACK: the window setting (${window}) is not used; the window is 1.`,
        ),
      );
    }
    window = 1;
  } else {
    const max = maxWindow(p.protocol, seqSpace);
    if (window > max) {
      const S = seqSpace;
      const then = t(`그래서 요청한 윈도 ${window} 대신 ${ro(String(max))} 실행합니다.`, `So this runs with window ${max} instead of ${window}.`);
      if (p.protocol === 'go-back-n') {
        notices.push(
          t(
            `Go-Back-N의 윈도는 순서 번호 공간 − 1 이하여야 합니다(${S} − 1 = ${max}). 더 크면 윈도 하나 분량의 ACK가 모두 사라졌을 때, 수신자가 재전송된 옛 패킷을 같은 번호의 새 패킷으로 받아들일 수 있습니다. ${then.ko}`,
            `Go-Back-N needs window ≤ sequence space − 1 (${S} − 1 = ${max}). With a larger window, if the ACKs for a whole window were lost, the receiver could accept a retransmitted old packet as the new packet with the same number. ${then.en}`,
          ),
        );
      } else {
        const name = p.protocol === 'tcp' ? t('TCP', 'TCP') : t('선택적 반복', 'Selective Repeat');
        notices.push(
          t(
            `${name.ko}의 윈도는 순서 번호 공간의 절반 이하여야 합니다(${S} / 2 = ${max}). 더 크면 수신 윈도가 앞으로 밀려난 뒤 재전송된 옛 패킷의 번호가 새 수신 윈도 안의 번호와 겹쳐, 수신자가 옛 패킷을 새 데이터로 버퍼에 넣을 수 있습니다. ${then.ko}`,
            `${name.en} needs window ≤ half the sequence space (${S} / 2 = ${max}). With a larger window, once the receiver's window has moved on, a retransmitted old packet can carry the same number as a new one inside it, and the receiver would buffer the old packet as new data. ${then.en}`,
          ),
        );
      }
      window = max;
    }
  }
  const lose = p.lose.filter((n) => n < p.packets);
  const gone = p.lose.filter((n) => n >= p.packets);
  if (gone.length > 0) {
    notices.push(
      t(
        `패킷은 0부터 ${p.packets - 1}까지뿐이므로 잃을 패킷 목록에서 ${gone.join(', ')} 번은 쓰지 않습니다.`,
        `Packets are numbered 0 to ${p.packets - 1}, so ${gone.join(', ')} in the loss list ${gone.length === 1 ? 'is' : 'are'} not used.`,
      ),
    );
  }
  return {
    config: { protocol: p.protocol, window, packets: p.packets, timeout: p.timeout, loss: p.loss / 100, lose, seed: p.seed, seqSpace },
    notices,
  };
}

/** Every protocol on the same config (window clamped to what each allows), for the chart. */
export function compareRuns(p: ErrorParams): Record<ArqProtocol, ArqResult | null> {
  const out = {} as Record<ArqProtocol, ArqResult | null>;
  for (const q of ARQ_PROTOCOLS) {
    const r = runArq(errorConfig({ ...p, protocol: q }).config);
    out[q] = r.ok ? r : null;
  }
  return out;
}

/** Percent with one decimal, from the engine's 0..1 utilisation. */
export const utilPercent = (u: number) => round(u * 100, 1);

function chartOf(p: ErrorParams, all: Record<ArqProtocol, ArqResult | null>): ChartEntity {
  return {
    kind: 'chart',
    id: 'compare',
    title: t('같은 손실, 네 가지 프로토콜', 'Same losses, four protocols'),
    series: [
      { key: 'time', label: t('모두 확인될 때까지', 'Until all acknowledged'), unit: 'ms' },
      { key: 'retransmissions', label: t('재전송 횟수', 'Retransmissions'), unit: '' },
      { key: 'utilization', label: t('링크 이용률', 'Link utilisation'), unit: '%' },
    ],
    groups: ARQ_PROTOCOLS.map((q) => {
      const s = all[q]?.stats;
      return {
        key: q,
        label: PROTO_TEXT[q],
        values: { time: s?.finishTime ?? 0, retransmissions: s?.retransmissions ?? 0, utilization: s ? utilPercent(s.utilization) : 0 },
      };
    }),
    highlight: p.protocol,
  };
}

/* ------------------------------------------------------------ labels */

export function dataLabel(n: number, seq: number): string {
  return n === seq ? `P${n}` : `P${n} (seq ${seq})`;
}

export function ackLabel(e: ArqEvent, S: number): string {
  const head = `ACK ${e.ack}${e.packet !== null && e.packet !== e.ack ? ` (#${e.packet})` : ''}`;
  if (e.sack.length === 0) return head;
  const blocks = e.sack.map((b) => (b.right - b.left === 1 ? `${wire(b.left, S)}` : `${wire(b.left, S)}–${wire(b.right - 1, S)}`));
  return `${head} SACK ${blocks.join(', ')}`;
}

/* --------------------------------------------------------- narration */

const pk = (e: ArqEvent) => pkt(e.packet!, e.seq ?? e.packet!);

function sendText(e: ArqEvent, proto: ArqProtocol, timeoutNow: boolean): Text {
  const p = pk(e);
  let head: Text;
  switch (e.kind === 'retransmit' ? e.reason : null) {
    case 'timeout':
      head = timeoutNow
        ? t(`송신자가 ${eul(p.ko)} 다시 보냅니다`, `The sender resends ${p.en}`)
        : proto === 'go-back-n'
          ? t(`Go-Back-N 규칙대로 송신자가 이어서 ${eul(p.ko)} 다시 보냅니다`, `Going back N, the sender resends ${p.en} next`)
          : t(`송신자가 타이머가 만료되었던 ${eul(p.ko)} 다시 보냅니다`, `The sender resends ${p.en}, whose timer expired`);
      break;
    case 'fast-retransmit':
      head = t(`송신자가 타이머를 기다리지 않고 ${eul(p.ko)} 바로 재전송합니다`, `The sender retransmits ${p.en} at once, without waiting for the timer`);
      break;
    case 'partial-ack':
      head = t(
        `복구 중에 온 부분 ACK가 다음 빈 곳을 가리키므로 송신자가 ${eul(p.ko)} 재전송합니다`,
        `A partial ACK during recovery points at the next hole, so the sender retransmits ${p.en}`,
      );
      break;
    case 'sack-loss':
      head = t(
        `그 위로 SACK된 패킷이 3개 이상이라 손실로 보고 송신자가 ${eul(p.ko)} 재전송합니다`,
        `At least three packets above ${p.en} were SACKed, so the sender counts it as lost and retransmits it`,
      );
      break;
    default:
      head = t(`송신자가 ${eul(p.ko)} 보냅니다`, `The sender transmits ${p.en}`);
  }
  return e.lost
    ? t(`${head.ko}. 이 사본은 가는 도중 손실됩니다.`, `${head.en}; this copy will be lost on the way.`)
    : t(`${head.ko}. ${e.at} ms에 도착할 예정입니다.`, `${head.en}; it is due at the receiver at ${e.at} ms.`);
}

function deliverText(ns: number[], recovered: number[]): Text {
  const list = runs(ns, '');
  const many = ns.length > 1;
  const head = many
    ? t(
        `수신자가 ${eul(`패킷 ${list}`)} 순서대로 애플리케이션에 전달합니다: 빈 곳이 채워지자 버퍼에 있던 패킷이 함께 올라갑니다.`,
        `The receiver delivers packets ${list} to the application, in order: once the gap is filled, the buffered packets go up with it.`,
      )
    : t(`수신자가 ${eul(`패킷 ${list}`)} 순서대로 애플리케이션에 전달합니다.`, `The receiver delivers packet ${list} to the application, in order.`);
  if (recovered.length === 0) return head;
  const r = recovered[0];
  return t(`${head.ko} 재전송된 ${ga(`패킷 ${r}`)} 빈 곳을 채웠습니다.`, `${head.en} The resent copy of packet ${r} has filled the gap.`);
}

function timerStartText(proto: ArqProtocol, e: ArqEvent, again: boolean): Text {
  if (proto === 'selective-repeat') {
    return t(`패킷 ${e.packet}의 타이머가 ${again ? '다시 ' : ''}시작됩니다(${e.at} ms에 만료).`, `Packet ${e.packet}'s own timer ${again ? 'restarts' : 'starts'} (it fires at ${e.at} ms).`);
  }
  return t(
    `가장 오래된 미확인 패킷 ${e.packet}에 대한 재전송 타이머가 ${again ? '다시 ' : ''}시작됩니다: 멈추지 않으면 ${e.at} ms에 만료됩니다.`,
    `The retransmission timer ${again ? 'restarts' : 'starts'} for packet ${e.packet}, the oldest unacknowledged one: it fires at ${e.at} ms unless stopped.`,
  );
}

function timerStopText(proto: ArqProtocol, e: ArqEvent): Text {
  return proto === 'selective-repeat'
    ? t(`${ga(`패킷 ${e.packet}`)} 확인되었으므로 그 타이머를 멈춥니다.`, `Packet ${e.packet} is acknowledged, so its timer stops.`)
    : t('확인을 기다리는 패킷이 없으므로 재전송 타이머를 멈춥니다.', 'Nothing is left unacknowledged, so the retransmission timer stops.');
}

/* ------------------------------------------------------------- steps */

interface Ctx {
  p: ErrorParams;
  run: ArqResult;
  S: number;
}

export function simulateError(p: ErrorParams, base: Omit<Timeline, 'view' | 'steps' | 'spans' | 'scenario'>): Timeline {
  const { config, notices } = errorConfig(p);
  const r = runArq(config);
  if (!r.ok) return refusedTimeline(base, 'error', [...notices, ...r.issues.map((i) => i.message)]);
  if (r.capped && r.capMessage) notices.push(r.capMessage);
  const all = compareRuns(p);
  all[p.protocol] = r;
  const ctx: Ctx = { p, run: r, S: r.config.seqSpace };
  const { steps, rows } = buildErrorSteps(ctx, chartOf(p, all));
  const tl: Timeline = {
    ...base,
    scenario: 'error',
    view: { rows, ticks: steps.map((s, y) => ({ y, t: s.t })) },
    ...fromScenes(steps),
  };
  if (notices.length > 0) tl.notices = notices;
  return tl;
}

function buildErrorSteps(ctx: Ctx, chart: ChartEntity): { steps: Step[]; rows: number } {
  const { run, S } = ctx;
  const proto = run.config.protocol;
  const N = run.config.packets;
  const ms = moments(run.events);
  const rows = ms.length;
  const rowOf = new Map(ms.map((m, i) => [m.t, i]));
  const rowAt = (time: number | null) => (time === null ? rows : (rowOf.get(time) ?? rows));

  // Messages, marks and timers, placed once for the whole run.
  const spans: Span[] = [];
  const marks: Omit<MarkEntity, 'fresh'>[] = [];
  const timers = new TimerBook(SENDER);
  const timerLabel = (e: ArqEvent): Text =>
    proto === 'selective-repeat'
      ? t(`P${e.packet} 타이머 ${e.at! - e.time} ms`, `P${e.packet} timer ${e.at! - e.time} ms`)
      : t(`RTO ${e.at! - e.time} ms`, `RTO ${e.at! - e.time} ms`);
  ms.forEach((m, y) => {
    timers.lapse(y, m.t);
    const delivered = m.events.filter((e) => e.kind === 'deliver').map((e) => e.packet!);
    if (delivered.length) marks.push({ kind: 'mark', id: `dlv-${y}`, on: RECEIVER, y, tone: 'app', text: t(`${runs(delivered)} 전달`, `deliver ${runs(delivered)}`) });
    for (const e of m.events) {
      switch (e.kind) {
        case 'send':
        case 'retransmit':
          spans.push({ id: `d${e.i}`, from: SENDER, to: RECEIVER, y0: y, y1: rowAt(e.at), lost: e.lost, label: dataLabel(e.packet!, e.seq!), retransmission: e.kind === 'retransmit' });
          break;
        case 'ack-send':
          spans.push({ id: `a${e.i}`, from: RECEIVER, to: SENDER, y0: y, y1: rowAt(e.at), lost: e.lost, label: ackLabel(e, S), retransmission: false });
          break;
        case 'buffer':
          marks.push({ kind: 'mark', id: `buf-${e.i}`, on: RECEIVER, y, tone: 'call', text: t(`P${e.packet} 보관`, `buffer P${e.packet}`) });
          break;
        case 'discard':
          marks.push({ kind: 'mark', id: `dsc-${e.i}`, on: RECEIVER, y, tone: 'call', text: t(`P${e.packet} 폐기`, `discard P${e.packet}`) });
          break;
        case 'timeout':
          timers.close(e.timer!, y, 'fired');
          marks.push({ kind: 'mark', id: `to-${e.i}`, on: SENDER, y, tone: 'timer', text: t('타임아웃', 'timeout') });
          break;
        case 'timer-start':
          timers.start(e.timer!, y, e.at! - e.time, e.at!, timerLabel(e));
          break;
        case 'timer-stop':
          timers.close(e.timer!, y, 'cancelled');
          break;
        case 'ack-recv':
          if (e.reason === 'duplicate') {
            const n = proto === 'tcp' ? e.sender.dupAcks : 0;
            marks.push({
              kind: 'mark',
              id: `dup-${e.i}`,
              on: SENDER,
              y,
              tone: 'call',
              text: proto === 'tcp' && n > 0 ? t(`중복 ACK #${n}`, `dup ACK #${n}`) : t('중복 ACK: 무시', 'dup ACK: ignored'),
            });
          } else if (e.reason === 'stale') {
            marks.push({ kind: 'mark', id: `old-${e.i}`, on: SENDER, y, tone: 'call', text: t('지난 ACK: 무시', 'old ACK: ignored') });
          }
          break;
        default:
          break;
      }
      if (e.kind === 'retransmit' && e.reason === 'fast-retransmit') {
        marks.push({ kind: 'mark', id: `fr-${e.i}`, on: SENDER, y, tone: 'state', text: t('빠른 재전송', 'fast retransmit') });
      }
    }
  });

  const msgRows = sweep(spans, (s) => s.y0, messageAt, rows);
  const markRows = sweep(marks, (m) => m.y, markAt, rows);
  const timerRows = sweep(timers.spans, (s) => s.y0, timerAt, rows);

  const dropped = new Set<number>();
  const started = new Set<string>();
  const steps: Step[] = [];
  const usedKeys = new Set<string>();
  let wasFull = false;
  let sawFull = false;
  let sawDrop = false;
  let doneSeen = false;
  const tally = { sent: 0, resent: 0, lostData: 0, lostAcks: 0, delivered: 0 };

  ms.forEach((m, i) => {
    const last = m.events[m.events.length - 1];
    const sv = last.sender;
    const rv = last.receiver;
    const parts: Text[] = [];
    const cap: Text[] = [];
    const keys: string[] = [];
    if (i === 0) {
      parts.push(introText(ctx));
      keys.push('start');
    }
    const hasTimeout = m.events.some((e) => e.kind === 'timeout');
    const recovered: number[] = [];

    for (let k = 0; k < m.events.length; k++) {
      const e = m.events[k];
      switch (e.kind) {
        case 'send':
        case 'retransmit': {
          tally.sent++;
          if (e.kind === 'retransmit') tally.resent++;
          parts.push(sendText(e, proto, hasTimeout));
          if (e.kind === 'send') cap.push(t(`P${e.packet} →`, `P${e.packet} →`));
          else if (!hasTimeout) {
            cap.push(e.reason === 'fast-retransmit' ? t(`P${e.packet} 빠른 재전송`, `fast retransmit P${e.packet}`) : t(`P${e.packet} 재전송`, `resend P${e.packet}`));
          }
          if (e.reason === 'fast-retransmit') keys.push('fast-retransmit');
          break;
        }
        case 'drop':
          if (e.reason === 'data') {
            tally.lostData++;
            dropped.add(e.packet!);
            const first = !sawDrop;
            sawDrop = true;
            parts.push(
              first
                ? t(
                    `${ga(pk(e).ko)} 네트워크에서 손실되었습니다. 아직 아무도 이 손실을 모릅니다: 송신자는 타이머가 만료되어야${proto === 'tcp' ? '(또는 중복 확인 응답이 쌓여야)' : ''} 알게 됩니다.`,
                    `${cap1(pk(e).en)} is lost in the network. Nobody knows yet: the sender will find out only when a timer expires${proto === 'tcp' ? ' (or duplicate ACKs pile up)' : ''}.`,
                  )
                : e.text,
            );
            cap.push(t(`P${e.packet} 손실 ✕`, `P${e.packet} lost ✕`));
            keys.push('loss');
          } else {
            tally.lostAcks++;
            parts.push(e.text);
            cap.push(t(`ACK ${e.ack} 손실 ✕`, `ACK ${e.ack} lost ✕`));
            keys.push('ack-loss');
          }
          break;
        case 'deliver': {
          const run: number[] = [];
          while (k < m.events.length && m.events[k].kind === 'deliver') run.push(m.events[k++].packet!);
          k--;
          tally.delivered += run.length;
          const rec = run.filter((n) => dropped.has(n));
          recovered.push(...rec);
          parts.push(deliverText(run, rec));
          cap.push(t(`${runs(run)} 전달`, `${runs(run)} delivered`));
          if (rec.length > 0) keys.push('recovered');
          break;
        }
        case 'buffer':
          parts.push(e.text);
          cap.push(t(`P${e.packet} 보관`, `P${e.packet} buffered`));
          keys.push('buffer');
          break;
        case 'discard':
          parts.push(e.text);
          cap.push(t(`P${e.packet} 폐기`, `P${e.packet} discarded`));
          if (e.reason === 'out-of-order') keys.push('discard');
          break;
        case 'ack-send':
          parts.push(e.text);
          cap.push(t(`ACK ${e.ack} ←`, `ACK ${e.ack} ←`));
          break;
        case 'ack-recv': {
          parts.push(e.text);
          const a = `ACK ${e.ack}`;
          if (e.reason === 'duplicate') {
            keys.push('dup-ack');
            const n = proto === 'tcp' ? e.sender.dupAcks : 0;
            cap.push(n > 0 ? t(`중복 ${a} #${n}`, `dup ${a} #${n}`) : t(`중복 ${a}`, `dup ${a}`));
          } else if (e.reason === 'advance') cap.push(t(`${a} 도착, 윈도 이동`, `${a} in, window slides`));
          else cap.push(t(`${a} 도착`, `${a} in`));
          break;
        }
        case 'timeout':
          parts.push(e.text);
          cap.push(t(`타임아웃 → ${runs(m.events.filter((x) => x.kind === 'retransmit').map((x) => x.packet!).concat(e.sender.queued))} 재전송`, `timeout → resend ${runs(m.events.filter((x) => x.kind === 'retransmit').map((x) => x.packet!).concat(e.sender.queued))}`));
          keys.push('timeout');
          break;
        case 'timer-start': {
          const key = proto === 'selective-repeat' ? `${e.timer}` : 'rto';
          parts.push(timerStartText(proto, e, started.has(key)));
          started.add(key);
          break;
        }
        case 'timer-stop': {
          const restarted = m.events.slice(k + 1).some((x) => x.kind === 'timer-start' && x.timer === e.timer);
          if (!restarted) parts.push(timerStopText(proto, e));
          break;
        }
      }
    }

    const full = sv.nextSeq < N && sv.nextSeq >= sv.base + sv.window;
    if (full && !wasFull && !sawFull) {
      sawFull = true;
      keys.push('window-full');
      parts.push(
        proto === 'stop-and-wait'
          ? t('정지-대기 송신자는 패킷 하나를 보내면 그 ACK를 받을 때까지 기다립니다.', 'A stop-and-wait sender sends one packet, then waits for its ACK.')
          : t(
              `윈도 [${sv.base}, ${sv.base + sv.window}) 안의 패킷을 모두 보냈으므로, ACK가 윈도를 밀어 줄 때까지 새 패킷을 보낼 수 없습니다.`,
              `Every packet in the window [${sv.base}, ${sv.base + sv.window}) is out, so the sender can send nothing new until an ACK slides the window.`,
            ),
      );
    }
    wasFull = full;
    if (!doneSeen && sv.base >= N) {
      doneSeen = true;
      keys.unshift('done');
      const rx = run.stats.retransmissions;
      parts.push(
        t(
          `모든 패킷이 확인되었습니다: ${m.t} ms, 재전송 ${rx}번.`,
          `Every packet is acknowledged, at ${m.t} ms, after ${rx} retransmission${rx === 1 ? '' : 's'}.`,
        ),
      );
    }

    // Scene.
    const entities: Record<string, Entity> = {};
    entities[SENDER] = { kind: 'actor', id: SENDER, label: t('송신자', 'Sender'), sublabel: `${PROTO_NAME[proto]} · W=${run.config.window}`, x: 22, role: 'sender', state: senderState(proto, sv.base, sv.nextSeq) };
    entities[RECEIVER] = { kind: 'actor', id: RECEIVER, label: t('수신자', 'Receiver'), sublabel: `${PROTO_NAME[proto]} · W=${rv.window}`, x: 78, role: 'receiver', state: receiverState(proto, rv.expected) };
    for (const e of msgRows[i]) entities[e.id] = e;
    for (const e of markRows[i]) entities[e.id] = e;
    for (const e of timerRows[i]) entities[e.id] = e;
    const resending = new Set([...m.events.filter((e) => e.kind === 'retransmit').map((e) => e.packet!), ...sv.queued]);
    entities['sender-window'] = senderWindow(ctx, sv, resending);
    entities['receiver-window'] = receiverWindow(ctx, rv);
    entities.compare = chart;
    entities.tally = tallyOf(tally);

    const step: Step = {
      t: m.t,
      caption: captionOf(cap),
      narration: { ko: parts.map((x) => x.ko).join(' '), en: parts.map((x) => x.en).join(' ') },
      scene: { entities },
    };
    const key = keys.find((k) => !usedKeys.has(k));
    if (key) {
      usedKeys.add(key);
      step.key = key;
    }
    steps.push(step);
  });
  return { steps, rows };
}

const cap1 = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function captionOf(parts: Text[]): Text {
  const shown = parts.slice(0, 3);
  const more = parts.length > 3 ? ' …' : '';
  return { ko: shown.map((p) => p.ko).join(' · ') + more, en: shown.map((p) => p.en).join(' · ') + more };
}

function introText(ctx: Ctx): Text {
  const c = ctx.run.config;
  const lose = c.lose.length > 0 ? t(` 패킷 ${c.lose.join(', ')}의 첫 전송은 손실됩니다.`, ` The first copy of packet${c.lose.length > 1 ? 's' : ''} ${c.lose.join(', ')} will be lost.`) : t('', '');
  return t(
    `${PROTO_TEXT[c.protocol].ko}: 패킷 ${c.packets}개를 윈도 ${c.window}, 타임아웃 ${c.timeout} ms로 보냅니다.${lose.ko}`,
    `${PROTO_TEXT[c.protocol].en}: ${c.packets} packet${c.packets > 1 ? 's' : ''}, window ${c.window}, timeout ${c.timeout} ms.${lose.en}`,
  );
}

function senderState(proto: ArqProtocol, base: number, next: number): string {
  return proto === 'tcp' ? `SND.UNA=${base} NXT=${next}` : `base=${base} next=${next}`;
}
function receiverState(proto: ArqProtocol, expected: number): string {
  switch (proto) {
    case 'tcp':
      return `RCV.NXT=${expected}`;
    case 'selective-repeat':
      return `rcv_base=${expected}`;
    default:
      return `expected=${expected}`;
  }
}

function seqOf(ctx: Ctx, n: number): { seq?: number } {
  return ctx.S < ctx.run.config.packets ? { seq: wire(n, ctx.S) } : {};
}

function senderWindow(ctx: Ctx, v: ArqEvent['sender'], resending: Set<number>): WindowEntity {
  const N = ctx.run.config.packets;
  const [lo, hi] = cellRange(N, v.base);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.base) state = 'acked';
    else if (n < v.nextSeq) state = resending.has(n) ? 'retransmit' : v.acked.includes(n) ? 'acked' : 'sent';
    else if (n < v.base + v.window) state = 'usable';
    else state = 'outside';
    cells.push({ n, state, ...seqOf(ctx, n) });
  }
  const proto = ctx.run.config.protocol;
  const extra =
    proto === 'tcp' ? t(` · 중복 ACK ${v.dupAcks} · RTO ${v.rto} ms`, ` · dup ACKs ${v.dupAcks} · RTO ${v.rto} ms`) : t('', '');
  return {
    kind: 'window',
    id: 'sender-window',
    label: t('송신 윈도', 'Sender window'),
    cells,
    window: { from: v.base, to: Math.min(N, v.base + v.window) },
    note: t(`[${v.base}, ${v.base + v.window}) · 다음 ${v.nextSeq}${extra.ko}`, `[${v.base}, ${v.base + v.window}) · next ${v.nextSeq}${extra.en}`),
  };
}

function receiverWindow(ctx: Ctx, v: ArqEvent['receiver']): WindowEntity {
  const N = ctx.run.config.packets;
  const [lo, hi] = cellRange(N, v.expected);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.expected) state = 'delivered';
    else if (v.buffered.includes(n)) state = 'buffered';
    else if (n < v.expected + v.window) state = 'expected';
    else state = 'outside';
    cells.push({ n, state, ...seqOf(ctx, n) });
  }
  const held = v.buffered.length > 0 ? t(` · 보관 ${runs(v.buffered)}`, ` · holding ${runs(v.buffered)}`) : t('', '');
  return {
    kind: 'window',
    id: 'receiver-window',
    label: t('수신 윈도', 'Receiver window'),
    cells,
    window: { from: v.expected, to: Math.min(N, v.expected + v.window) },
    note: t(`기다리는 패킷 ${v.expected} · 윈도 ${v.window}${held.ko}`, `waiting for ${v.expected} · window ${v.window}${held.en}`),
  };
}

function tallyOf(x: { sent: number; resent: number; lostData: number; lostAcks: number; delivered: number }): CountersEntity {
  return tallyPanel([
    [t('보낸 데이터 패킷', 'Data packets sent'), x.sent],
    [t('그중 재전송', 'of which retransmissions'), x.resent],
    [t('손실된 데이터 패킷', 'Data packets lost'), x.lostData],
    [t('손실된 ACK', 'ACKs lost'), x.lostAcks],
    [t('앱에 전달된 패킷', 'Packets delivered to the app'), x.delivered],
  ]);
}

/** A config the engine refused (never expected from the param codec): say why, over two steps. */
export function refusedTimeline(base: Omit<Timeline, 'view' | 'steps' | 'spans' | 'scenario'>, scenario: string, why: Text[]): Timeline {
  const msg: Text = { ko: why.map((w) => w.ko).join(' '), en: why.map((w) => w.en).join(' ') };
  const scene = {
    entities: {
      [SENDER]: { kind: 'actor' as const, id: SENDER, label: t('송신자', 'Sender'), x: 22, role: 'sender' as const },
      [RECEIVER]: { kind: 'actor' as const, id: RECEIVER, label: t('수신자', 'Receiver'), x: 78, role: 'receiver' as const },
    },
  };
  return {
    ...base,
    scenario,
    view: { rows: 2, ticks: [{ y: 0, t: 0 }] },
    ...fromScenes([
      { t: 0, caption: t('실행할 수 없는 설정', 'Settings that cannot run'), narration: msg, scene },
      { t: 0, caption: t('설정을 바꿔 보세요', 'Try other settings'), narration: t('위의 설정을 바꾸면 시뮬레이션이 다시 실행됩니다.', 'Change the settings above to run the simulation again.'), scene },
    ]),
    notices: why,
  };
}
