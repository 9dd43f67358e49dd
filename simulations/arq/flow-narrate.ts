/** Narration for flow-control events, in Korean and English. */
import { t, type Text } from '../core/text';
import { eul, eun, ga, wa } from './ko';
import type { FlowSenderView, FlowReceiverView, FlowSendMode, FlowTimer } from './flow-types';

const seg = (n: number) => t(`세그먼트 ${n}`, `segment ${n}`);
const sw = (v: FlowSenderView) =>
  t(`(미확인 ${v.outstanding}개, 광고된 윈도 rwnd=${v.rwnd})`, `(${v.outstanding} unacknowledged, advertised window rwnd=${v.rwnd})`);

export function fSend(n: number, mode: FlowSendMode, at: number, v: FlowSenderView): Text {
  const s = seg(n);
  switch (mode) {
    case 'new':
      return t(`송신자가 ${eul(s.ko)} 보냅니다 ${sw(v).ko}. ${at} ms에 도착합니다.`, `The sender sends ${s.en} ${sw(v).en}; it arrives at ${at} ms.`);
    case 'probe':
      return t(
        `윈도가 0이므로 송신자가 윈도 프로브로 ${eul(s.ko)} 하나 보냅니다. 수신자가 답하는 ACK로 윈도가 다시 열렸는지 알 수 있습니다.`,
        `The window is zero, so the sender sends a window probe carrying ${s.en}; the receiver's ACK will tell whether the window has reopened.`,
      );
    case 'retransmit':
      return t(
        `재전송 타이머가 만료되어 송신자가 ${eul(s.ko)} 다시 보냅니다 ${sw(v).ko}.`,
        `The retransmission timer expired, so the sender resends ${s.en} ${sw(v).en}.`,
      );
  }
}

export function fReceive(n: number, r: FlowReceiverView): Text {
  return t(
    `${ga(`세그먼트 ${n}`)} 수신 버퍼에 들어갑니다. 버퍼: ${r.buffered.length}/${r.bufferSize}, 남은 공간 ${r.free}.`,
    `Segment ${n} goes into the receive buffer: ${r.buffered.length}/${r.bufferSize} used, ${r.free} free.`,
  );
}

export function fDiscard(n: number, reason: 'duplicate' | 'no-room' | 'out-of-order'): Text {
  switch (reason) {
    case 'no-room':
      return t(
        `버퍼가 가득 차 ${eul(`세그먼트 ${n}`)} 받을 공간이 없으므로 버립니다.`,
        `The buffer is full: there is no room for segment ${n}, so it is dropped.`,
      );
    case 'duplicate':
      return t(`${eun(`세그먼트 ${n}`)} 이미 받은 것이므로 버립니다.`, `Segment ${n} was already received and is discarded.`);
    case 'out-of-order':
      return t(`${eun(`세그먼트 ${n}`)} 순서가 맞지 않아 버립니다.`, `Segment ${n} is out of order and is discarded.`);
  }
}

export function fAckSend(ack: number, wnd: number, update: boolean, at: number, lost: boolean): Text {
  const what = update
    ? t(`애플리케이션이 읽어 공간이 생겼으므로 윈도 업데이트(ACK ${ack}, rwnd=${wnd})를 보냅니다.`, `The application made room, so the receiver sends a window update (ACK ${ack}, rwnd=${wnd}).`)
    : wnd === 0
      ? t(`수신자가 ${wa(`ACK ${ack}`)} 함께 rwnd=0을 알립니다: 버퍼가 가득 찼으니 더 보내지 말라는 뜻입니다.`, `The receiver sends ACK ${ack} advertising rwnd=0: the buffer is full, stop sending.`)
      : t(`수신자가 ${wa(`ACK ${ack}`)} 함께 남은 버퍼 공간 ${eul(`rwnd=${wnd}`)} 알립니다.`, `The receiver sends ACK ${ack} advertising its free buffer space, rwnd=${wnd}.`);
  const tail = lost ? t(' 이 ACK는 손실됩니다.', ' This ACK will be lost.') : t(` ${at} ms에 도착합니다.`, ` It arrives at ${at} ms.`);
  return t(what.ko + tail.ko, what.en + tail.en);
}

export function fDrop(ack: number, wnd: number, update: boolean): Text {
  return update
    ? t(
        `윈도 업데이트(ACK ${ack}, rwnd=${wnd})가 손실되었습니다. 송신자는 여전히 윈도가 0이라고 알고 있습니다.`,
        `The window update (ACK ${ack}, rwnd=${wnd}) was lost; the sender still believes the window is zero.`,
      )
    : t(`ACK ${ack}(rwnd=${wnd})가 손실되었습니다.`, `ACK ${ack} (rwnd=${wnd}) was lost.`);
}

export function fAckRecv(ack: number, wnd: number, rolledBack: boolean, usable: number): Text {
  const base = t(`송신자가 ACK ${ack}, ${eul(`rwnd=${wnd}`)} 받습니다.`, `The sender receives ACK ${ack}, rwnd=${wnd}.`);
  const roll = rolledBack
    ? t(
        ` 프로브로 보낸 세그먼트는 받아들여지지 않았으므로 다음에 다시 보냅니다.`,
        ` The probe's segment was not accepted, so it will be sent again.`,
      )
    : t('', '');
  const then =
    wnd === 0
      ? t(
          ` 윈도가 0이므로 전송을 멈추고 지속(persist) 타이머로 주기적으로 윈도를 확인합니다.`,
          ` The window is zero: the sender stops and relies on the persist timer to probe it.`,
        )
      : t(
          ` 이제 새 세그먼트를 ${usable}개 더 보낼 수 있습니다.`,
          ` It may now send ${usable} more new segment${usable === 1 ? '' : 's'}.`,
        );
  return t(base.ko + roll.ko + then.ko, base.en + roll.en + then.en);
}

export function fRead(units: number[], r: FlowReceiverView): Text {
  return t(
    `애플리케이션이 ${eul(`세그먼트 ${units.join(', ')}`)} 읽어 갑니다. 버퍼 남은 공간: ${r.free}/${r.bufferSize}.`,
    `The application reads segment${units.length > 1 ? 's' : ''} ${units.join(', ')}; free buffer space: ${r.free}/${r.bufferSize}.`,
  );
}

const TIMER: Record<FlowTimer, Text> = {
  rto: t('재전송 타이머', 'retransmission timer'),
  persist: t('지속(persist) 타이머', 'persist timer'),
};

export function fTimerStart(timer: FlowTimer, ms: number, at: number): Text {
  return t(`${eul(TIMER[timer].ko)} 시작합니다(${ms} ms 뒤인 ${at} ms에 만료).`, `Starts the ${TIMER[timer].en} (${ms} ms: fires at ${at} ms).`);
}

export function fTimerStop(timer: FlowTimer): Text {
  return t(`${eul(TIMER[timer].ko)} 멈춥니다.`, `Stops the ${TIMER[timer].en}.`);
}

export function fTimeout(timer: FlowTimer, next: number): Text {
  return timer === 'persist'
    ? t(
        `지속 타이머 만료: 윈도 프로브를 보낼 차례입니다. 다음 간격은 두 배인 ${next} ms입니다.`,
        `The persist timer fired: time for a window probe. The next interval doubles to ${next} ms.`,
      )
    : t(
        `재전송 타이머 만료: 가장 오래된 미확인 세그먼트를 다시 보내고, RTO를 ${next} ms로 늘립니다.`,
        `The retransmission timer fired: resend the oldest unacknowledged segment; the RTO doubles to ${next} ms.`,
      );
}
