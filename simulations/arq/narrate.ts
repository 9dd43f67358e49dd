/** Narration for ARQ events, in Korean and English. */
import { t, type Text } from '../core/text';
import { eul, eun, ga, ira, ro } from './ko';
import type { AckVerdict, ArqProtocol, DiscardReason, RetransmitReason, SackBlock, SenderView } from './types';

const list = (ns: readonly number[]) => ns.join(', ');
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "packet 5" or, when the wire number differs, "packet 5 (seq 1)". */
export function pkt(n: number, seq: number): Text {
  return n === seq ? t(`패킷 ${n}`, `packet ${n}`) : t(`패킷 ${n}(순서 번호 ${seq})`, `packet ${n} (seq ${seq})`);
}

function ackName(names: number, ack: number): Text {
  return names === ack ? t(`ACK ${ack}`, `ACK ${ack}`) : t(`ACK ${ack}(패킷 ${names})`, `ACK ${ack} (packet ${names})`);
}

/** The window the sender may use: [base, base + window). */
const win = (v: SenderView) => `[${v.base}, ${v.base + v.window})`;
/** The part of it in flight: [base, nextSeq). */
const flight = (v: SenderView) => `[${v.base}, ${v.nextSeq})`;

const REASON: Record<RetransmitReason, Text> = {
  timeout: t('타이머가 만료되었으므로', 'after its timer expired'),
  'fast-retransmit': t('중복 ACK 3개를 받았으므로 타이머를 기다리지 않고(빠른 재전송)', 'on three duplicate ACKs, without waiting for the timer (fast retransmit)'),
  'partial-ack': t('복구 중에 온 부분 ACK가 다음 빈 곳을 알려 주므로', 'because a partial ACK during recovery points at the next hole'),
  'sack-loss': t('그 위로 SACK된 패킷이 3개 이상이어서 손실로 보고', 'as lost, since at least three packets above it were SACKed'),
};

export function narrateSend(n: number, seq: number, at: number, lost: boolean, retx: RetransmitReason | null, v: SenderView): Text {
  const p = pkt(n, seq);
  const head = retx
    ? t(`${REASON[retx].ko} 송신자가 ${eul(p.ko)} 재전송합니다.`, `The sender retransmits ${p.en} ${REASON[retx].en}.`)
    : t(`송신자가 ${eul(p.ko)} 보냅니다.`, `The sender transmits ${p.en}.`);
  const tail = lost
    ? t('이 사본은 가는 도중 손실됩니다.', 'This copy will be lost on the way.')
    : t(`${at} ms에 수신자에게 도착합니다.`, `It reaches the receiver at ${at} ms.`);
  return t(
    `${head.ko} ${tail.ko} 송신 윈도 ${win(v)} 중 미확인 구간: ${flight(v)}.`,
    `${head.en} ${tail.en} Window ${win(v)}, unacknowledged ${flight(v)}.`,
  );
}

export function narrateDropData(n: number, seq: number): Text {
  const p = pkt(n, seq);
  return t(`${ga(p.ko)} 네트워크에서 손실되어 수신자에게 도착하지 못했습니다.`, `${upper(p.en)} was lost in the network and never reaches the receiver.`);
}

export function narrateDropAck(names: number, ack: number): Text {
  const a = ackName(names, ack);
  return t(`${ga(a.ko)} 손실되어 송신자에게 도착하지 못했습니다.`, `${a.en} was lost and never reaches the sender.`);
}

export function narrateDeliver(n: number): Text {
  return t(`수신자가 ${eul(`패킷 ${n}`)} 순서대로 애플리케이션에 전달합니다.`, `The receiver delivers packet ${n} to the application, in order.`);
}

export function narrateBuffer(n: number, expected: number): Text {
  return t(
    `${eun(`패킷 ${n}`)} 순서가 어긋났지만(기다리는 패킷: ${expected}) 수신 윈도 안에 있으므로 버퍼에 보관합니다.`,
    `Packet ${n} is out of order (the receiver is waiting for ${expected}) but inside the receive window, so it is buffered.`,
  );
}

export function narrateDiscard(proto: ArqProtocol, n: number, reason: DiscardReason, expected: number): Text {
  switch (reason) {
    case 'out-of-order': {
      const name = proto === 'stop-and-wait' ? t('정지-대기', 'stop-and-wait') : t('Go-Back-N', 'Go-Back-N');
      return t(
        `${name.ko} 수신자는 순서대로 오는 패킷만 받습니다. ${eul(`패킷 ${expected}`)} 기다리는 중이므로 ${eul(`패킷 ${n}`)} 버립니다.`,
        `A ${name.en} receiver accepts packets only in order; it is waiting for ${expected}, so packet ${n} is discarded.`,
      );
    }
    case 'duplicate':
      return t(
        `${eun(`패킷 ${n}`)} 이미 받은 패킷의 사본이므로 버립니다. 송신자가 ACK를 못 받았을 수 있으니 다시 확인 응답합니다.`,
        `Packet ${n} is a copy of one already received, so it is discarded; the receiver acknowledges again in case the sender missed the ACK.`,
      );
    case 'outside-window':
      return t(`${eun(`패킷 ${n}`)} 수신 윈도 밖이므로 버립니다.`, `Packet ${n} is outside the receive window and is discarded.`);
  }
}

function ackMeaning(proto: ArqProtocol, names: number): Text {
  switch (proto) {
    case 'stop-and-wait':
    case 'go-back-n':
      return t(`패킷 ${names}까지 모두 받았다는 누적 확인 응답입니다.`, `a cumulative ACK: everything up to and including packet ${names} arrived.`);
    case 'selective-repeat':
      return t(`패킷 ${names} 하나를 받았다는 개별 확인 응답입니다.`, `an individual ACK: packet ${names} itself arrived.`);
    case 'tcp':
      return t(`다음에 기다리는 패킷이 ${ira(String(names))} 누적 확인 응답입니다.`, `a cumulative ACK: the next packet expected is ${names}.`);
  }
}

const blocks = (b: readonly SackBlock[]) => b.map((x) => `[${x.left}, ${x.right})`).join(' ');

export function narrateAckSend(proto: ArqProtocol, names: number, ack: number, sack: readonly SackBlock[], at: number, lost: boolean): Text {
  const a = ackName(names, ack);
  const m = ackMeaning(proto, names);
  const s = sack.length > 0 ? t(` SACK 블록 ${blocks(sack)}: 이미 받아 둔 구간입니다.`, ` SACK blocks ${blocks(sack)}: ranges already held.`) : t('', '');
  const tail = lost
    ? t(' 이 ACK는 가는 도중 손실됩니다.', ' This ACK will be lost on the way.')
    : t(` ${at} ms에 송신자에게 도착합니다.`, ` It reaches the sender at ${at} ms.`);
  return t(`수신자가 ${eul(a.ko)} 보냅니다: ${m.ko}${s.ko}${tail.ko}`, `The receiver sends ${a.en}: ${m.en}${s.en}${tail.en}`);
}

export interface AckRecvInfo {
  verdict: AckVerdict;
  acked: readonly number[];
  dupAcks: number;
  fastRetransmit: boolean;
}

export function narrateAckRecv(proto: ArqProtocol, names: number, ack: number, info: AckRecvInfo, v: SenderView): Text {
  const a = ackName(names, ack);
  const { acked } = info;
  switch (info.verdict) {
    case 'advance':
      return t(
        `송신자가 ${eul(a.ko)} 받았습니다. 패킷 ${list(acked)} 확인 완료, 윈도가 ${ro(win(v))} 이동합니다.`,
        `The sender receives ${a.en}. Packet${acked.length > 1 ? 's' : ''} ${list(acked)} acknowledged; the window slides to ${win(v)}.`,
      );
    case 'marked':
      return t(
        `송신자가 ${eul(a.ko)} 받아 ${eul(`패킷 ${list(acked)}`)} 확인됨으로 표시합니다. 윈도의 시작인 패킷 ${ga(String(v.base))} 아직 확인되지 않아 윈도 ${win(v)}는 그대로입니다.`,
        `The sender receives ${a.en} and marks packet ${list(acked)} as acknowledged. Packet ${v.base}, the window's base, is still unacknowledged, so the window stays ${win(v)}.`,
      );
    case 'duplicate':
      if (proto === 'tcp' && info.dupAcks > 0) {
        const f = info.fastRetransmit
          ? t(' 세 번째 중복 ACK이므로 빠른 재전송을 합니다.', ' That is the third duplicate: fast retransmit.')
          : t('', '');
        return t(
          `송신자가 ${eul(a.ko)} 받았습니다: 새로 확인된 데이터가 없는 중복 ACK(${info.dupAcks}번째)입니다.${f.ko}`,
          `The sender receives ${a.en}: a duplicate ACK, nothing new acknowledged (duplicate #${info.dupAcks}).${f.en}`,
        );
      }
      return t(
        `송신자가 ${eul(a.ko)} 받았지만 새로 확인된 패킷이 없어 아무것도 하지 않습니다.`,
        `The sender receives ${a.en}, which acknowledges nothing new; it does nothing.`,
      );
    case 'stale':
      return t(
        `송신자가 ${eul(a.ko)} 받았지만 이미 윈도 뒤로 지나간 패킷에 대한 것이라 무시합니다.`,
        `The sender receives ${a.en}, which refers to packets already behind the window; it is ignored.`,
      );
  }
}

export function narrateTimeout(proto: ArqProtocol, resend: readonly number[], nextRto: number): Text {
  switch (proto) {
    case 'stop-and-wait':
      return t(`타이머 만료! 정지-대기 송신자는 ${eul(`패킷 ${list(resend)}`)} 다시 보냅니다.`, `Timeout! The stop-and-wait sender resends packet ${list(resend)}.`);
    case 'go-back-n':
      return t(
        `타이머 만료! Go-Back-N은 아직 확인되지 않은 패킷을 모두 다시 보냅니다: ${list(resend)}.`,
        `Timeout! Go-Back-N resends every unacknowledged packet: ${list(resend)}.`,
      );
    case 'selective-repeat':
      return t(
        `패킷 ${list(resend)}의 타이머 만료! 선택적 반복은 이 패킷만 다시 보냅니다.`,
        `Packet ${list(resend)}'s timer expired! Selective Repeat resends only that packet.`,
      );
    case 'tcp':
      return t(
        `재전송 타이머(RTO) 만료! 가장 오래된 미확인 ${eul(`패킷 ${list(resend)}`)} 재전송하고, RTO를 두 배인 ${nextRto} ms로 늘립니다.`,
        `Retransmission timeout! TCP resends the oldest unacknowledged packet, ${list(resend)}, and doubles the RTO to ${nextRto} ms.`,
      );
  }
}

export function narrateTimerStart(proto: ArqProtocol, n: number, ms: number, at: number): Text {
  return proto === 'selective-repeat'
    ? t(`패킷 ${n}의 타이머를 시작합니다(${ms} ms 뒤인 ${at} ms에 만료).`, `Starts packet ${n}'s timer (${ms} ms: fires at ${at} ms unless stopped).`)
    : t(
        `가장 오래된 미확인 ${eul(`패킷 ${n}`)} 지키는 재전송 타이머를 (다시) 시작합니다(${ms} ms 뒤인 ${at} ms에 만료).`,
        `(Re)starts the retransmission timer guarding the oldest unacknowledged packet, ${n} (${ms} ms: fires at ${at} ms unless stopped).`,
      );
}

export function narrateTimerStop(proto: ArqProtocol, n: number): Text {
  return proto === 'selective-repeat'
    ? t(`${ga(`패킷 ${n}`)} 확인되어 그 타이머를 멈춥니다.`, `Packet ${n} is acknowledged, so its timer stops.`)
    : t('확인을 기다리는 패킷이 없으므로 재전송 타이머를 멈춥니다.', 'Nothing is waiting for an acknowledgement, so the retransmission timer stops.');
}

export function narrateCap(cap: number): Text {
  return t(
    `이벤트가 ${cap}개에 도달해 시뮬레이션을 중단했습니다. 손실률과 타임아웃 설정을 확인하세요.`,
    `The simulation stopped after ${cap} events. Check the loss rate and timeout settings.`,
  );
}
