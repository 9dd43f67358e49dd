/** The error scene's words: arrow labels, narration pieces and the two window strips. */
import { t, type Text } from '../../core/text';
import type { WindowCellState, WindowEntity } from '../../core/timeline';
import { wire, type ArqEvent, type ArqProtocol, type ArqResult } from '../../arq';
import { eul, ga } from '../../arq/ko';
import { pkt } from '../../arq/narrate';
import { cellRange, runs, tallyPanel } from './kit';
import { PROTO_TEXT } from './error-config';

export function dataLabel(n: number, seq: number): string {
  return n === seq ? `P${n}` : `P${n} (seq ${seq})`;
}

/** A textbook ACK: "ACK 3", "ACK 3 (#35)" when the wire number differs from the packet it names. */
export function ackLabel(e: ArqEvent): string {
  return `ACK ${e.ack}${e.packet !== null && e.packet !== e.ack ? ` (#${e.packet})` : ''}`;
}

/** The chip on a TCP ACK in flight: the ACK in segments, SACK blocks in segments ("ACK 2 S3–5"). */
export function ackChip(e: ArqEvent, S: number): string {
  if (e.sack.length === 0) return `ACK ${e.ack}`;
  const b = e.sack[0];
  return `ACK ${e.ack} S${wire(b.left, S)}${b.right - b.left > 1 ? `–${wire(b.right - 1, S)}` : ''}${e.sack.length > 1 ? '+' : ''}`;
}

const pk = (e: ArqEvent) => pkt(e.packet!, e.seq ?? e.packet!);
const cap1 = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function sendText(e: ArqEvent, proto: ArqProtocol, timeoutNow: boolean): Text {
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
      head = t(`복구 중에 온 부분 ACK가 다음 빈 곳을 가리키므로 송신자가 ${eul(p.ko)} 재전송합니다`, `A partial ACK during recovery points at the next hole, so the sender retransmits ${p.en}`);
      break;
    case 'sack-loss':
      head = t(`그 위로 SACK된 패킷이 3개 이상이라 손실로 보고 송신자가 ${eul(p.ko)} 재전송합니다`, `At least three packets above ${p.en} were SACKed, so the sender counts it as lost and retransmits it`);
      break;
    default:
      head = t(`송신자가 ${eul(p.ko)} 보냅니다`, `The sender transmits ${p.en}`);
  }
  return e.lost
    ? t(`${head.ko}. 이 사본은 가는 도중 손실됩니다.`, `${head.en}; this copy will be lost on the way.`)
    : t(`${head.ko}. ${e.at} ms에 도착할 예정입니다.`, `${head.en}; it is due at the receiver at ${e.at} ms.`);
}

export function firstLossText(e: ArqEvent, proto: ArqProtocol): Text {
  return t(
    `${ga(pk(e).ko)} 네트워크에서 손실되었습니다. 아직 아무도 이 손실을 모릅니다: 송신자는 타이머가 만료되어야${proto === 'tcp' ? '(또는 중복 확인 응답이 쌓여야)' : ''} 알게 됩니다.`,
    `${cap1(pk(e).en)} is lost in the network. Nobody knows yet: the sender will find out only when a timer expires${proto === 'tcp' ? ' (or duplicate ACKs pile up)' : ''}.`,
  );
}

export function deliverText(ns: number[], recovered: number[]): Text {
  const list = runs(ns, '');
  const head =
    ns.length > 1
      ? t(
          `수신자가 ${eul(`패킷 ${list}`)} 순서대로 애플리케이션에 전달합니다: 빈 곳이 채워지자 버퍼에 있던 패킷이 함께 올라갑니다.`,
          `The receiver delivers packets ${list} to the application, in order: once the gap is filled, the buffered packets go up with it.`,
        )
      : t(`수신자가 ${eul(`패킷 ${list}`)} 순서대로 애플리케이션에 전달합니다.`, `The receiver delivers packet ${list} to the application, in order.`);
  if (recovered.length === 0) return head;
  const r = recovered[0];
  return t(`${head.ko} 재전송된 ${ga(`패킷 ${r}`)} 빈 곳을 채웠습니다.`, `${head.en} The resent copy of packet ${r} has filled the gap.`);
}

export function timerStartText(proto: ArqProtocol, e: ArqEvent, again: boolean): Text {
  if (proto === 'selective-repeat') {
    return t(`패킷 ${e.packet}의 타이머가 ${again ? '다시 ' : ''}시작됩니다(${e.at} ms에 만료).`, `Packet ${e.packet}'s own timer ${again ? 'restarts' : 'starts'} (it fires at ${e.at} ms).`);
  }
  return t(
    `가장 오래된 미확인 패킷 ${e.packet}에 대한 재전송 타이머가 ${again ? '다시 ' : ''}시작됩니다: 멈추지 않으면 ${e.at} ms에 만료됩니다.`,
    `The retransmission timer ${again ? 'restarts' : 'starts'} for packet ${e.packet}, the oldest unacknowledged one: it fires at ${e.at} ms unless stopped.`,
  );
}

export function timerStopText(proto: ArqProtocol, e: ArqEvent): Text {
  return proto === 'selective-repeat'
    ? t(`${ga(`패킷 ${e.packet}`)} 확인되었으므로 그 타이머를 멈춥니다.`, `Packet ${e.packet} is acknowledged, so its timer stops.`)
    : t('확인을 기다리는 패킷이 없으므로 재전송 타이머를 멈춥니다.', 'Nothing is left unacknowledged, so the retransmission timer stops.');
}

export function introText(run: ArqResult): Text {
  const c = run.config;
  const lose = c.lose.length > 0 ? t(` 패킷 ${c.lose.join(', ')}의 첫 전송은 손실됩니다.`, ` The first copy of packet${c.lose.length > 1 ? 's' : ''} ${c.lose.join(', ')} will be lost.`) : t('', '');
  return t(
    `${PROTO_TEXT[c.protocol].ko}: 패킷 ${c.packets}개를 윈도 ${c.window}, 타임아웃 ${c.timeout} ms로 보냅니다.${lose.ko}`,
    `${PROTO_TEXT[c.protocol].en}: ${c.packets} packet${c.packets > 1 ? 's' : ''}, window ${c.window}, timeout ${c.timeout} ms.${lose.en}`,
  );
}

/** Textbook protocols have no wire format: the player shows this instead of an inspector. */
export const NO_WIRE: Text = t(
  '정지-대기, Go-Back-N, 선택적 반복은 교과서의 프로토콜이라 정해진 패킷 형식이 없습니다: 이 실행에는 살펴볼 패킷 바이트가 없습니다. TCP를 고르면 SACK 옵션이 실린 실제 TCP 세그먼트를 볼 수 있습니다.',
  'Stop-and-Wait, Go-Back-N and Selective Repeat are textbook protocols with no wire format: this run has no packet bytes to inspect. Choose TCP to see real TCP segments, SACK options included.',
);

export function senderState(proto: ArqProtocol, base: number, next: number): string {
  return proto === 'tcp' ? `SND.UNA=${base} NXT=${next}` : `base=${base} next=${next}`;
}

export function receiverState(proto: ArqProtocol, expected: number): string {
  return proto === 'tcp' ? `RCV.NXT=${expected}` : proto === 'selective-repeat' ? `rcv_base=${expected}` : `expected=${expected}`;
}

type SeqOf = (n: number) => { seq?: number };

export function senderWindow(run: ArqResult, seqOf: SeqOf, v: ArqEvent['sender'], resending: ReadonlySet<number>): WindowEntity {
  const N = run.config.packets;
  const [lo, hi] = cellRange(N, v.base);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.base) state = 'acked';
    else if (n < v.nextSeq) state = resending.has(n) ? 'retransmit' : v.acked.includes(n) ? 'acked' : 'sent';
    else if (n < v.base + v.window) state = 'usable';
    else state = 'outside';
    cells.push({ n, state, ...seqOf(n) });
  }
  const extra = run.config.protocol === 'tcp' ? t(` · 중복 ACK ${v.dupAcks} · RTO ${v.rto} ms`, ` · dup ACKs ${v.dupAcks} · RTO ${v.rto} ms`) : t('', '');
  return {
    kind: 'window',
    id: 'sender-window',
    label: t('송신 윈도', 'Sender window'),
    cells,
    window: { from: v.base, to: Math.min(N, v.base + v.window) },
    note: t(`[${v.base}, ${v.base + v.window}) · 다음 ${v.nextSeq}${extra.ko}`, `[${v.base}, ${v.base + v.window}) · next ${v.nextSeq}${extra.en}`),
  };
}

export function receiverWindow(run: ArqResult, seqOf: SeqOf, v: ArqEvent['receiver']): WindowEntity {
  const N = run.config.packets;
  const [lo, hi] = cellRange(N, v.expected);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    let state: WindowCellState;
    if (n < v.expected) state = 'delivered';
    else if (v.buffered.includes(n)) state = 'buffered';
    else if (n < v.expected + v.window) state = 'expected';
    else state = 'outside';
    cells.push({ n, state, ...seqOf(n) });
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

/** In a long run, what repeats is said once in full, then listed under these words. */
export const BRIEF = {
  sent: t('전송', 'sent'),
  resent: t('재전송', 'resent'),
  lost: t('손실', 'lost'),
  acks: t('ACK 보냄', 'ACKs sent'),
  acksLost: t('ACK 손실', 'ACKs lost'),
  acksIn: t('ACK 도착', 'ACKs in'),
  delivered: t('전달', 'delivered'),
  buffered: t('보관', 'buffered'),
  discarded: t('폐기', 'discarded'),
} as const;

export function tallyOf(x: { sent: number; resent: number; lostData: number; lostAcks: number; delivered: number }) {
  return tallyPanel([
    [t('보낸 데이터 패킷', 'Data packets sent'), x.sent],
    [t('그중 재전송', 'of which retransmissions'), x.resent],
    [t('손실된 데이터 패킷', 'Data packets lost'), x.lostData],
    [t('손실된 ACK', 'ACKs lost'), x.lostAcks],
    [t('앱에 전달된 패킷', 'Packets delivered to the app'), x.delivered],
  ]);
}
