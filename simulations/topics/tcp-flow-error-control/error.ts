/**
 * The error-control scene: one ARQ protocol (stop-and-wait, Go-Back-N, Selective
 * Repeat or TCP with SACK and fast retransmit) run on the kernel by simulations/arq,
 * told as a story: one beat per moment of the run (a few moments per beat for long
 * lossy runs), each message, mark and timer declared once when it appears.
 */
import { StoryBuilder } from '../../core/story';
import { t, type Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { runArq, wire, type ArqEvent, type ArqResult } from '../../arq';
import { beatsOf, caption, join, Panels, rowFinder, runs, SeqStage, Teller } from './kit';
import { chartOf, compareRuns, errorConfig, PROTO_NAME, type ErrorParams } from './error-config';
import * as X from './error-text';
import { ackLabel as tcpAckLabel, ackRef, ackSegment, dataRef, dataSegment } from './wire';
import { segmentLabel } from '../../tcp/segment';
import { refusedTimeline, type Base } from './refused';

export const SENDER = 'sender';
export const RECEIVER = 'receiver';
const SENDER_LABEL = t('송신자', 'Sender');
const RECEIVER_LABEL = t('수신자', 'Receiver');

export function simulateError(p: ErrorParams, base: Base): Timeline {
  const { config, notices } = errorConfig(p);
  const r = runArq(config);
  if (!r.ok) return refusedTimeline(base, 'error', [...notices, ...r.issues.map((i) => i.message)]);
  if (r.capped && r.capMessage) notices.push(r.capMessage);
  const all = compareRuns(p, r);
  const story = errorStory(r, chartOf(p, all));
  const tl: Timeline = { ...base, scenario: 'error', view: { rows: story.beats.length, ticks: story.beats.map((s, y) => ({ y, t: s.t })) }, steps: story.beats, spans: story.spans };
  if (notices.length > 0) tl.notices = notices;
  if (r.config.protocol !== 'tcp') tl.noPackets = X.NO_WIRE;
  return tl;
}

function errorStory(run: ArqResult, chart: ReturnType<typeof chartOf>) {
  const proto = run.config.protocol;
  const N = run.config.packets;
  const S = run.config.seqSpace;
  const tcp = proto === 'tcp';
  const beats = beatsOf(run.events);
  const grouped = beats.length < new Set(run.events.map((e) => e.time)).size;
  const rowAt = rowFinder(beats, run.events[run.events.length - 1]?.time ?? 0);
  // A cell names its wire number only where it differs from the packet number (the space has wrapped).
  const seqOf = (n: number) => (n >= S ? { seq: wire(n, S) } : {});
  const b = new StoryBuilder();
  const stage = new SeqStage(b, !grouped);
  const panels = new Panels(b);
  const senderSub = `${PROTO_NAME[proto]} · W=${run.config.window}`;
  const tell = new Teller(grouped);
  const L = X.BRIEF;

  const say = (key: string, full: () => Text, label: Text, item: string | number) => {
    const x = tell.say(key, full, label, item);
    if (x) parts.push(x);
    return x !== null;
  };
  let parts: Text[] = [];
  const dropped = new Set<number>();
  const started = new Set<string>();
  const usedKeys = new Set<string>();
  const tally = { sent: 0, resent: 0, lostData: 0, lostAcks: 0, delivered: 0 };
  let wasFull = false;
  let sawFull = false;
  let sawDrop = false;
  let doneSeen = false;

  beats.forEach((m, i) => {
    b.beat({ t: m.t, caption: t('', ''), narration: t('', '') });
    stage.row(m.t);
    const last = m.events[m.events.length - 1];
    const sv = last.sender;
    const rv = last.receiver;
    parts = [];
    const cap: Text[] = [];
    const room = () => cap.length < 4; // caption() shows three parts, and '…' when there is a fourth
    const keys: string[] = [];
    if (i === 0) {
      parts.push(X.introText(run));
      keys.push('start');
    }
    const timeoutAt = new Set(m.events.filter((e) => e.kind === 'timeout').map((e) => e.time));
    const delivered: number[] = [];
    const held = { buffered: [] as number[], discarded: [] as number[], dups: [] as number[], stale: 0 };
    const flushDelivered = () => {
      if (delivered.length === 0) return;
      const rec = delivered.filter((n) => dropped.has(n));
      if (rec.length > 0 || !grouped) parts.push(X.deliverText(delivered, rec));
      else if (!say('deliver', () => X.deliverText(delivered, rec), L.delivered, delivered[0])) for (const n of delivered.slice(1)) tell.say('deliver', () => t('', ''), L.delivered, n);
      if (room()) cap.push(t(`${runs(delivered)} 전달`, `${runs(delivered)} delivered`));
      stage.mark(RECEIVER, 'app', t(`${runs(delivered)} 전달`, `deliver ${runs(delivered)}`));
      if (rec.length > 0) keys.push('recovered');
      delivered.length = 0;
    };
    for (const e of m.events) {
      if (e.kind !== 'deliver') flushDelivered();
      switch (e.kind) {
        case 'send':
        case 'retransmit': {
          const rtx = e.kind === 'retransmit';
          tally.sent++;
          if (rtx) tally.resent++;
          say(`send-${e.reason}`, () => X.sendText(e, proto, timeoutAt.has(e.time)), rtx ? L.resent : L.sent, e.packet!);
          if (room()) {
            if (!rtx) cap.push(t(`P${e.packet} →`, `P${e.packet} →`));
            else if (!timeoutAt.has(e.time)) cap.push(e.reason === 'fast-retransmit' ? t(`P${e.packet} 빠른 재전송`, `fast retransmit P${e.packet}`) : t(`P${e.packet} 재전송`, `resend P${e.packet}`));
          }
          if (e.reason === 'fast-retransmit') {
            keys.push('fast-retransmit');
            stage.mark(SENDER, 'state', t('빠른 재전송', 'fast retransmit'));
          }
          const label = tcp ? segmentLabel(dataSegment(e.packet!)) : X.dataLabel(e.packet!, e.seq!);
          stage.send({ id: `d${e.i}`, from: SENDER, to: RECEIVER, y1: rowAt(e.at), lost: e.lost, label, chip: `P${e.packet}`, tone: 'data', retransmission: rtx, packet: tcp ? dataRef(e.packet!, e.time) : undefined });
          break;
        }
        case 'ack-send': {
          say('ack-send', () => e.text, L.acks, X.ackLabel(e));
          if (room()) cap.push(t(`ACK ${e.ack} ←`, `ACK ${e.ack} ←`));
          const seg = tcp ? ackSegment(e.packet!, e.receiver.window - e.receiver.buffered.length, e.sack) : null;
          stage.send({ id: `a${e.i}`, from: RECEIVER, to: SENDER, y1: rowAt(e.at), lost: e.lost, label: seg ? tcpAckLabel(seg) : X.ackLabel(e), chip: tcp ? X.ackChip(e, S) : `ACK ${e.ack}`, tone: 'ack', packet: seg ? ackRef(seg, e.time) : undefined });
          break;
        }
        case 'drop':
          if (e.reason === 'data') {
            tally.lostData++;
            dropped.add(e.packet!);
            if (sawDrop) say('drop', () => e.text, L.lost, e.packet!);
            else parts.push(X.firstLossText(e, proto));
            sawDrop = true;
            if (room()) cap.push(t(`P${e.packet} 손실 ✕`, `P${e.packet} lost ✕`));
            keys.push('loss');
          } else {
            tally.lostAcks++;
            say('drop-ack', () => e.text, L.acksLost, `ACK ${e.ack}`);
            if (room()) cap.push(t(`ACK ${e.ack} 손실 ✕`, `ACK ${e.ack} lost ✕`));
            keys.push('ack-loss');
          }
          break;
        case 'deliver':
          tally.delivered++;
          delivered.push(e.packet!);
          break;
        case 'buffer':
          say('buffer', () => e.text, L.buffered, e.packet!);
          if (room()) cap.push(t(`P${e.packet} 보관`, `P${e.packet} buffered`));
          held.buffered.push(e.packet!);
          keys.push('buffer');
          break;
        case 'discard':
          say(`discard-${e.reason}`, () => e.text, L.discarded, e.packet!);
          if (room()) cap.push(t(`P${e.packet} 폐기`, `P${e.packet} discarded`));
          held.discarded.push(e.packet!);
          if (e.reason === 'out-of-order') keys.push('discard');
          break;
        case 'ack-recv': {
          say(`ack-recv-${e.reason}`, () => e.text, L.acksIn, `ACK ${e.ack}`);
          const a = `ACK ${e.ack}`;
          if (e.reason === 'duplicate') {
            keys.push('dup-ack');
            const n = tcp ? e.sender.dupAcks : 0;
            if (room()) cap.push(n > 0 ? t(`중복 ${a} #${n}`, `dup ${a} #${n}`) : t(`중복 ${a}`, `dup ${a}`));
            held.dups.push(n);
          } else if (e.reason === 'stale') {
            if (room()) cap.push(t(`${a} 도착`, `${a} in`));
            held.stale++;
          } else if (room()) cap.push(e.reason === 'advance' ? t(`${a} 도착, 윈도 이동`, `${a} in, window slides`) : t(`${a} 도착`, `${a} in`));
          break;
        }
        case 'timeout': {
          parts.push(e.text);
          const resent = () => runs(m.events.filter((x) => x.kind === 'retransmit' && x.time === e.time).map((x) => x.packet!).concat(e.sender.queued));
          if (room()) cap.push(t(`타임아웃 → ${resent()} 재전송`, `timeout → resend ${resent()}`));
          keys.push('timeout');
          stage.timerEnd(e.timer!, 'fired');
          stage.mark(SENDER, 'timer', t('타임아웃', 'timeout'));
          break;
        }
        case 'timer-start': {
          const key = proto === 'selective-repeat' ? e.timer! : 'rto';
          const again = started.has(key);
          if (!grouped || !again) parts.push(X.timerStartText(proto, e, again));
          started.add(key);
          const ms = e.at! - e.time;
          stage.timerStart(e.timer!, SENDER, ms, e.at!, proto === 'selective-repeat' ? t(`P${e.packet} 타이머 ${ms} ms`, `P${e.packet} timer ${ms} ms`) : t(`RTO ${ms} ms`, `RTO ${ms} ms`));
          break;
        }
        case 'timer-stop': {
          const restarted = m.events.some((x) => x.i > e.i && x.time === e.time && x.kind === 'timer-start' && x.timer === e.timer);
          if (!restarted && !grouped) parts.push(X.timerStopText(proto, e));
          stage.timerEnd(e.timer!, 'cancelled');
          break;
        }
      }
    }
    flushDelivered();
    // One mark per kind and beat: "P3–P5 discarded", "dup ACK #1–#3".
    if (held.buffered.length) stage.mark(RECEIVER, 'call', t(`${runs(held.buffered)} 보관`, `buffer ${runs(held.buffered)}`));
    if (held.discarded.length) stage.mark(RECEIVER, 'call', t(`${runs(held.discarded)} 폐기`, `discard ${runs(held.discarded)}`));
    if (held.dups.length) {
      const numbered = held.dups.filter((n) => n > 0);
      stage.mark(SENDER, 'call', numbered.length > 0 ? t(`중복 ACK ${runs(numbered, '#')}`, `dup ACK ${runs(numbered, '#')}`) : t(`중복 ACK${held.dups.length > 1 ? ` ×${held.dups.length}` : ''}: 무시`, `dup ACK${held.dups.length > 1 ? ` ×${held.dups.length}` : ''}: ignored`));
    }
    if (held.stale) stage.mark(SENDER, 'call', t(`지난 ACK${held.stale > 1 ? ` ×${held.stale}` : ''}: 무시`, `old ACK${held.stale > 1 ? ` ×${held.stale}` : ''}: ignored`));
    const summary = tell.summary();
    if (summary) parts.push(summary);

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
      parts.push(t(`모든 패킷이 확인되었습니다: ${run.stats.finishTime} ms, 재전송 ${rx}번.`, `Every packet is acknowledged, at ${run.stats.finishTime} ms, after ${rx} retransmission${rx === 1 ? '' : 's'}.`));
    }

    const key = keys.find((k) => !usedKeys.has(k));
    if (key) usedKeys.add(key);
    const narration = join(parts.filter((x) => x.ko !== '' || x.en !== ''));
    stage.flush();
    b.amend({ caption: caption(cap.length > 0 ? cap : [t('…', '…')]), narration, ...(key ? { key } : {}) });

    const ss = X.senderState(proto, sv.base, sv.nextSeq);
    const rs = X.receiverState(proto, rv.expected);
    panels.show(SENDER, ss, () => ({ kind: 'actor', id: SENDER, label: SENDER_LABEL, sublabel: senderSub, x: 22, role: 'sender', state: ss }));
    panels.show(RECEIVER, rs, () => ({ kind: 'actor', id: RECEIVER, label: RECEIVER_LABEL, sublabel: `${PROTO_NAME[proto]} · W=${rv.window}${tcp ? ' · rel. seq' : ''}`, x: 78, role: 'receiver', state: rs }));
    const resending = new Set([...m.events.filter((e) => e.kind === 'retransmit').map((e) => e.packet!), ...sv.queued]);
    panels.show('sender-window', `${sv.base} ${sv.nextSeq} ${sv.acked} ${[...resending]} ${sv.dupAcks} ${sv.rto}`, () => X.senderWindow(run, seqOf, sv, resending));
    panels.show('receiver-window', `${rv.expected} ${rv.buffered}`, () => X.receiverWindow(run, seqOf, rv));
    if (i === 0) b.show(chart);
    panels.show('tally', Object.values(tally).join(' '), () => X.tallyOf(tally));
  });
  return b.build();
}

export type { ErrorParams };
export { errorConfig, compareRuns } from './error-config';
export type { ArqEvent };
