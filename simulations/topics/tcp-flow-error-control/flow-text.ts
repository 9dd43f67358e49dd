/** The flow scene's words: what each engine event says, its caption, and the two window strips. */
import { t, type Text } from '../../core/text';
import type { WindowCellState, WindowEntity } from '../../core/timeline';
import type { FlowConfig, FlowEvent, FlowResult } from '../../arq';
import { eul, eun, ga } from '../../arq/ko';
import { cellRange } from './kit';
import { bytes, MSS, seqOf } from './wire';

/** The receiving application reads this many segments… */
export const READ_RATE = 2;
/** …every this many ms: slower than the sender, so the buffer fills. */
export const READ_INTERVAL = 600;

export function introText(c: FlowConfig): Text {
  return t(
    `세그먼트 하나는 ${MSS}바이트이고(숫자를 읽기 쉽게 작게 잡았습니다), 수신 버퍼에는 세그먼트 ${c.bufferSize}개(${bytes(c.bufferSize)}바이트)가 들어갑니다. 수신 애플리케이션은 ${READ_INTERVAL} ms마다 세그먼트 ${READ_RATE}개씩만 읽고, 송신자는 세그먼트 ${c.packets}개를 보내려 합니다. 순서 번호와 확인 번호는 상대 번호입니다: 초기 순서 번호(ISN)부터 세어 첫 데이터 바이트가 1입니다(실제 ISN은 무작위입니다).`,
    `Each segment carries ${MSS} bytes (small, to keep the numbers readable), and the receive buffer holds ${c.bufferSize} segment${c.bufferSize > 1 ? 's' : ''} (${bytes(c.bufferSize)} bytes). The receiving application reads only ${READ_RATE} segments every ${READ_INTERVAL} ms, and the sender has ${c.packets} segment${c.packets > 1 ? 's' : ''} to send. Sequence and acknowledgment numbers are relative: counted from the initial sequence number, so the first data byte is 1 (a real ISN is random).`,
  );
}

export interface Said {
  part: Text | null;
  cap: Text | null;
  key?: string;
}

/** What one event says. `m`: the other events of its beat; `update`: this ACK arrival was a window update. */
export function flowText(e: FlowEvent, c: FlowConfig, m: readonly FlowEvent[], update: boolean): Said {
  const A = e.ack === null ? 0 : seqOf(e.ack);
  const W = e.wnd === null ? 0 : bytes(e.wnd);
  const s = (n: number) => `세그먼트 ${n}(seq=${seqOf(n)})`;
  switch (e.kind) {
    case 'send': {
      const out = e.sender.outstanding;
      return {
        part: t(
          `송신자가 ${eul(s(e.unit!))} 보냅니다. 확인을 기다리는 세그먼트는 이제 ${out}개, rwnd는 ${bytes(e.sender.rwnd)}바이트입니다.`,
          `The sender sends segment ${e.unit} (seq=${seqOf(e.unit!)}); ${out} segment${out === 1 ? '' : 's'} now await${out === 1 ? 's' : ''} an ACK, rwnd=${bytes(e.sender.rwnd)} bytes.`,
        ),
        cap: t(`세그먼트 ${e.unit} →`, `seg ${e.unit} →`),
      };
    }
    case 'probe':
      return {
        key: 'probe',
        part: t(
          `송신자가 윈도 프로브로 ${eul(s(e.unit!))} 보냅니다: 새 데이터를 실은 진짜 세그먼트입니다(RFC 9293 §3.8.6.1: 최소 1옥텟). 윈도가 0일 때 보낼 수 있는 단 하나의 세그먼트이며, 수신자는 여기에 답하면서 지금의 윈도를 알려 줘야 합니다.`,
          `The sender sends a window probe carrying segment ${e.unit} (seq=${seqOf(e.unit!)}): a real segment with new data (RFC 9293 §3.8.6.1: at least one octet), the one segment allowed past a zero window, sent so that the receiver must answer with its current window.`,
        ),
        cap: t('윈도 프로브 →', 'window probe →'),
      };
    case 'retransmit':
      return { part: e.text, cap: t(`세그먼트 ${e.unit} 재전송`, `resend seg ${e.unit}`) };
    case 'receive':
      return {
        part: t(`${ga(`세그먼트 ${e.unit}`)} 수신 버퍼에 들어갑니다(사용 ${e.receiver.buffered.length}/${c.bufferSize}).`, `Segment ${e.unit} goes into the receive buffer (${e.receiver.buffered.length}/${c.bufferSize} used).`),
        cap: null,
      };
    case 'discard':
      return {
        part:
          e.reason === 'no-room'
            ? t(
                `버퍼가 가득 차 ${eul(`세그먼트 ${e.unit}`)} 받을 공간이 없으므로 버립니다. 그래도 수신자는 ACK로 답합니다: 프로브가 노린 것이 바로 이 답입니다.`,
                `The buffer is full, so segment ${e.unit} is dropped. The receiver still answers with an ACK: that answer is what the probe was for.`,
              )
            : e.text,
        cap: t(`세그먼트 ${e.unit} 폐기`, `seg ${e.unit} dropped`),
      };
    case 'ack-send': {
      const answersProbe = m.some((x) => x.kind === 'discard' && x.reason === 'no-room');
      const lost = e.lost ? t(' 이 ACK는 가는 도중 손실됩니다.', ' This ACK will be lost on the way.') : t('', '');
      const k = e.ack!;
      const got = k === 1 ? t('세그먼트 0', 'segment 0') : t(`세그먼트 0–${k - 1}`, `segments 0–${k - 1}`);
      const body =
        e.wnd === 0 && answersProbe
          ? t(`수신자가 ACK ${A}, rwnd=0으로 답합니다: 윈도는 아직 닫혀 있습니다.`, `The receiver answers ACK ${A} with rwnd=0: the window is still closed.`)
          : e.wnd === 0
            ? t(`버퍼가 가득 찼으므로 수신자가 ${eul(`ACK ${A}`)} rwnd=0과 함께 보냅니다: 더 보내지 말라는 뜻입니다.`, `The buffer is full, so the receiver sends ACK ${A} with rwnd=0: "stop sending".`)
            : t(
                `수신자가 ${eul(`ACK ${A}`)} 보냅니다: ${A - 1}번 바이트까지(${got.ko}) 모두 받았다는 누적 ACK이고, 함께 실은 ${eun(`rwnd=${W}`)} 버퍼에 남은 공간(세그먼트 ${e.wnd}개)입니다.`,
                `The receiver sends ACK ${A}: a cumulative ACK for every byte up to ${A - 1} (${got.en}), with rwnd=${W}, its free buffer space (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).`,
              );
      return { part: t(body.ko + lost.ko, body.en + lost.en), cap: t(`ACK ${A} rwnd=${W} ←`, `ACK ${A} rwnd=${W} ←`) };
    }
    case 'window-update':
      return {
        part: t(
          `마지막으로 알린 윈도가 0이었고 이제 공간이 생겼으므로, 수신자가 ${eul(`윈도 업데이트(ACK ${A}, rwnd=${W})`)} 보냅니다.${e.lost ? ' 이 업데이트는 손실됩니다: 송신자는 계속 윈도가 0이라고 믿게 되고, 지속 타이머만이 이 교착을 풀 수 있습니다.' : ''}`,
          `Its last advertised window was zero and now there is room, so the receiver sends a window update: ACK ${A}, rwnd=${W} (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).${e.lost ? ' This update will be lost: the sender goes on believing the window is zero, and only the persist timer can break the deadlock.' : ''}`,
        ),
        cap: t(`윈도 업데이트 rwnd=${W} ←`, `window update rwnd=${W} ←`),
      };
    case 'ack-recv':
      return ackRecvText(e, c, m, update, A, W);
    case 'drop':
      return e.reason === 'window-update'
        ? {
            key: 'update-lost',
            part: t(`${ga(`윈도 업데이트(ACK ${A}, rwnd=${W})`)} 손실되었습니다. 송신자는 여전히 윈도가 0이라고 알고 있습니다.`, `The window update (ACK ${A}, rwnd=${W}) was lost: the sender still believes the window is zero.`),
            cap: t(`ACK ${A} 손실 ✕`, `ACK ${A} lost ✕`),
          }
        : { part: t(`${ga(`ACK ${A}(rwnd=${W})`)} 손실되어 송신자에게 도착하지 못했습니다.`, `ACK ${A} (rwnd=${W}) was lost and never reaches the sender.`), cap: t(`ACK ${A} 손실 ✕`, `ACK ${A} lost ✕`) };
    case 'app-read':
      return { key: 'app-read', part: e.text, cap: t(`앱이 ${e.units.join(', ')} 읽음`, `app reads ${e.units.join(', ')}`) };
    case 'timeout':
      return { part: e.text, cap: e.timer === 'persist' ? t('지속 타이머 만료', 'persist timer fires') : t('타임아웃', 'timeout') };
    case 'timer-start':
      if (e.timer === 'persist' && !m.some((x) => (x.kind === 'timeout' && x.timer === 'persist') || x.reason === 'zero-window')) {
        return { part: t(`지속 타이머를 시작합니다(${e.at} ms에 만료).`, `The persist timer starts (it fires at ${e.at} ms).`), cap: null };
      }
      return { part: null, cap: null };
    case 'timer-stop':
      return { part: e.timer === 'persist' ? t('윈도가 열렸으므로 지속 타이머를 멈춥니다.', 'The window is open, so the persist timer stops.') : null, cap: null };
  }
}

function ackRecvText(e: FlowEvent, c: FlowConfig, m: readonly FlowEvent[], update: boolean, A: number, W: number): Said {
  if (e.reason === 'zero-window') {
    if (e.sender.una >= c.packets) {
      return {
        part: t(
          `송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 보낸 것이 모두 확인되었고 더 보낼 것도 없으므로 닫힌 윈도는 문제가 되지 않습니다.`,
          `The sender receives ACK ${A} with rwnd=0: everything it sent is acknowledged and nothing is left to send, so the closed window does not matter.`,
        ),
        cap: t(`ACK ${A} rwnd=0 도착`, `ACK ${A} rwnd=0 in`),
      };
    }
    const persist = m.find((x) => x.kind === 'timer-start' && x.timer === 'persist' && x.time === e.time);
    return {
      key: 'zero-window',
      part: persist
        ? t(
            `송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 윈도가 닫혔습니다. 송신자는 새 데이터 전송을 멈추고, 윈도를 확인할 지속(persist) 타이머를 켭니다(${persist.at} ms에 만료).`,
            `The sender receives ACK ${A} with rwnd=0: the window is closed. It stops sending new data and starts the persist timer to check on the window (it fires at ${persist.at} ms).`,
          )
        : t(`송신자가 ${eul(`ACK ${A}, rwnd=0`)} 받습니다: 윈도가 닫혔으므로 새 데이터 전송을 멈춥니다.`, `The sender receives ACK ${A} with rwnd=0: the window is closed, so it stops sending new data.`),
      cap: t('rwnd=0: 전송 중지', 'rwnd=0: sender stops'),
    };
  }
  if (e.reason === 'probe-rolled-back') {
    return {
      part: t(
        `송신자가 ${eul(`ACK ${A}, rwnd=${W}`)} 받습니다: 프로브의 세그먼트는 받아들여지지 않았으니 윈도가 열리면 다시 보냅니다.${e.wnd === 0 ? ' 윈도는 여전히 0입니다.' : ''}`,
        `The sender receives ACK ${A} with rwnd=${W}: the probe's segment was not accepted, so it will be sent again once the window opens.${e.wnd === 0 ? ' The window is still zero.' : ''}`,
      ),
      cap: t(`프로브 답: rwnd=${W}`, `probe answered: rwnd=${W}`),
    };
  }
  const sendsNow = m.some((x) => x.kind === 'send' && x.i > e.i && x.time === e.time);
  const n = e.sender.outstanding;
  const waits = e.sender.usable === 0 && n > 0 && !sendsNow;
  const resumes = update && (sendsNow || e.sender.nxt < c.packets);
  return {
    key: update ? 'window-update' : e.wnd! < c.bufferSize ? 'rwnd-shrinks' : undefined,
    part: t(
      `송신자가 ${eul(`ACK ${A}, rwnd=${W}`)} 받습니다: 확인받지 않은 데이터를 최대 ${W}바이트(세그먼트 ${e.wnd}개)까지 둘 수 있습니다.${waits ? ` 이미 세그먼트 ${n}개가 확인을 기다리고 있으므로 더 보내지 못하고 기다립니다.` : ''}${resumes ? ' 윈도 업데이트 덕분에 전송이 다시 시작됩니다.' : ''}`,
      `The sender receives ACK ${A} with rwnd=${W}: it may have at most ${W} unacknowledged bytes (${e.wnd} segment${e.wnd === 1 ? '' : 's'}).${waits ? ` ${n} segment${n === 1 ? '' : 's'} already await${n === 1 ? 's' : ''} an ACK, so it must wait.` : ''}${resumes ? ' Thanks to the window update, sending resumes.' : ''}`,
    ),
    cap: t(`ACK ${A} rwnd=${W} 도착`, `ACK ${A} rwnd=${W} in`),
  };
}

export function flowSenderWindow(c: FlowConfig, v: FlowEvent['sender']): WindowEntity {
  const [lo, hi] = cellRange(c.packets, v.una);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    const state: WindowCellState = n < v.una ? 'acked' : n < v.nxt ? 'sent' : n < v.una + v.rwnd ? 'usable' : 'outside';
    cells.push({ n, state });
  }
  return {
    kind: 'window',
    id: 'sender-window',
    label: t('송신 윈도', 'Sender window'),
    cells,
    window: { from: v.una, to: Math.min(c.packets, v.una + v.rwnd) },
    note: t(`rwnd=${bytes(v.rwnd)}바이트(세그먼트 ${v.rwnd}개) · 미확인 ${v.outstanding} · 더 보낼 수 있음 ${v.usable}`, `rwnd=${bytes(v.rwnd)} B (${v.rwnd} seg) · unacked ${v.outstanding} · usable ${v.usable}`),
  };
}

export function flowReceiverWindow(c: FlowConfig, v: FlowEvent['receiver']): WindowEntity {
  const [lo, hi] = cellRange(c.packets, v.read);
  const cells: WindowEntity['cells'] = [];
  for (let n = lo; n < hi; n++) {
    const state: WindowCellState = n < v.read ? 'delivered' : v.buffered.includes(n) ? 'buffered' : n >= v.expected && n < v.expected + v.free ? 'expected' : 'outside';
    cells.push({ n, state });
  }
  return {
    kind: 'window',
    id: 'receive-buffer',
    label: t('수신 버퍼', 'Receive buffer'),
    cells,
    window: { from: v.expected, to: Math.min(c.packets, v.expected + v.free) },
    note: t(`사용 ${v.buffered.length}/${v.bufferSize} · 남은 공간 ${v.free}개 = 광고할 rwnd ${bytes(v.free)}바이트`, `${v.buffered.length}/${v.bufferSize} used · ${v.free} free = the rwnd it advertises, ${bytes(v.free)} B`),
  };
}

export type { FlowResult };
