/**
 * The words of the TCP stories: host names, socket calls, what a segment is and why its
 * numbers are what they are, and transition labels taken from the event that caused them.
 */
import type { MessageTone } from '../core/timeline';
import type { Text } from '../core/text';
import { dataLength, segLen, segmentKind, type Segment } from './segment';
import { findTransition, type TcpState } from './states';
import type { AppCall, HostId, Wire } from './world';

export const HOST: Record<HostId, Text> = { client: { ko: '클라이언트', en: 'client' }, server: { ko: '서버', en: 'server' } };
export const HOST_CAP: Record<HostId, Text> = { client: { ko: '클라이언트', en: 'Client' }, server: { ko: '서버', en: 'Server' } };
/** Korean subject particle after a host name. */
export const SUBJ: Record<HostId, string> = { client: '클라이언트가', server: '서버가' };

/** The chip on an in-flight packet. */
export function chipOf(seg: Segment): string {
  const k = segmentKind(seg);
  return k === 'syn-ack' ? 'SYN-ACK' : k === 'data' ? 'DATA' : k.toUpperCase();
}

/** A segment's short name in captions ("DATA 11 B"). */
export function shortName(seg: Segment): string {
  return segmentKind(seg) === 'data' ? `DATA ${dataLength(seg.data)} B` : chipOf(seg);
}

const TONE = { rst: 'reset', 'syn-ack': 'control', syn: 'control', fin: 'close', data: 'data', ack: 'ack' } as const;
export const toneOf = (seg: Segment): MessageTone => TONE[segmentKind(seg)];

/**
 * What each socket call does, in words. `shutFirst`: this app already called
 * shutdown(SHUT_WR), so its close() only lets go of the socket.
 */
export function callText(host: HostId, call: AppCall, port: number, shutFirst: boolean): Text {
  switch (call.call) {
    case 'listen':
      return {
        ko: `서버 앱이 socket()으로 소켓을 만들고, bind()로 포트 ${port}에 묶고, listen()을 호출합니다 (수동 OPEN). 이제 accept()가 연결을 기다립니다.`,
        en: `The server app creates a socket with socket(), binds it to port ${port} with bind(), and calls listen() (a passive OPEN). accept() now waits for a connection.`,
      };
    case 'connect':
      return {
        ko: `클라이언트 앱이 socket()을 만들고 connect()를 호출합니다 (능동 OPEN). 운영체제가 임시 포트 ${port}를 고릅니다.`,
        en: `The client app creates a socket and calls connect() (an active OPEN). The OS picks ephemeral port ${port}.`,
      };
    case 'send': {
      const n = dataLength(call.data);
      return { ko: `${HOST[host].ko} 앱이 send()로 ${n}바이트를 씁니다.`, en: `The ${HOST[host].en} app writes ${n} bytes with send().` };
    }
    case 'shutdown':
      return {
        ko: `${HOST[host].ko} 앱이 shutdown(SHUT_WR)을 호출합니다: 더 보낼 데이터는 없지만 받기는 계속합니다 (half-close). TCP는 FIN을 보냅니다. 여기서 close()를 불렀다면 소켓을 놓아 버린 것이므로, 그 뒤에 도착하는 데이터에는 RST로 답합니다 (RFC 1122 §4.2.2.13).`,
        en: `The ${HOST[host].en} app calls shutdown(SHUT_WR): it has nothing more to send but keeps reading (a half-close). TCP sends a FIN. Had it called close() here, it would have let go of the socket, and data arriving afterwards would be answered with a RST (RFC 1122 §4.2.2.13).`,
      };
    case 'close':
      return shutFirst
        ? {
            ko: `${HOST[host].ko} 앱이 recv()가 0을 돌려준 뒤 close()로 소켓을 놓습니다. FIN은 이미 보냈으므로 네트워크로 나가는 것은 없습니다.`,
            en: `Now that recv() has returned 0, the ${HOST[host].en} app lets go of the socket with close(). Its FIN is already sent, so nothing more goes on the wire.`,
          }
        : {
            ko: `${HOST[host].ko} 앱이 close()를 호출합니다: 더 보낼 데이터가 없다는 뜻입니다. TCP는 FIN을 보냅니다.`,
            en: `The ${HOST[host].en} app calls close(): it has nothing more to send. TCP sends a FIN.`,
          };
  }
}

export function callMark(call: AppCall): Text {
  const s =
    call.call === 'listen' ? 'socket() · bind() · listen()'
    : call.call === 'connect' ? 'socket() · connect()'
    : call.call === 'send' ? `send(${dataLength(call.data)} B)`
    : call.call === 'shutdown' ? 'shutdown(SHUT_WR)'
    : 'close()';
  return { ko: s, en: s };
}

/** What a segment is, in words, with the arithmetic that explains its numbers. `before`: wires sent before it. */
export function segmentWhy(w: Wire, before: readonly Wire[]): Text {
  const s = w.seg;
  const who = SUBJ[w.from];
  const whoEn = HOST_CAP[w.from].en;
  const re = w.retransmission ? { ko: ' (재전송)', en: ' (a retransmission)' } : { ko: '', en: '' };
  switch (segmentKind(s)) {
    case 'rst':
      return {
        ko: `${who} RST(seq=${s.seq})를 보냅니다: 이 세그먼트가 속할 연결이 없다는 뜻이며, 받는 쪽은 연결을 즉시 끊습니다.`,
        en: `${whoEn} sends RST (seq=${s.seq}): there is no connection this segment belongs to, and the receiver aborts at once.`,
      };
    case 'syn':
      return {
        ko: `${who} SYN(seq=${s.seq})을 보냅니다${re.ko}. 이 연결에서 ${HOST[w.from].ko}의 초기 순서 번호(ISN)는 ${s.seq}이고, SYN은 순서 번호 하나를 차지합니다. SYN에는 자신의 MSS(1460)도 알립니다.`,
        en: `${whoEn} sends SYN (seq=${s.seq})${re.en}. ${s.seq} is its initial sequence number (ISN), and the SYN itself takes up one sequence number. The SYN also announces its own MSS (1460).`,
      };
    case 'syn-ack':
      return {
        ko: `${who} SYN-ACK(seq=${s.seq}, ack=${s.ack})을 보냅니다${re.ko}. ack = ${(s.ack - 1) >>> 0} + 1: 상대의 SYN이 번호 하나를 썼으니 다음에 기대하는 번호입니다. seq에는 ${HOST[w.from].ko} 자신의 ISN을 담고, 자신의 MSS도 알립니다.`,
        en: `${whoEn} sends SYN-ACK (seq=${s.seq}, ack=${s.ack})${re.en}. ack = ${(s.ack - 1) >>> 0} + 1: the peer's SYN used one number, so this is the next one expected. seq ${s.seq} is its own ISN, and it announces its own MSS.`,
      };
    case 'fin':
      return {
        ko: `${who} FIN(seq=${s.seq}, ack=${s.ack})을 보냅니다${re.ko}. FIN도 순서 번호 하나를 차지하므로, 상대는 ack=${(s.seq + 1) >>> 0}로 응답해야 합니다.`,
        en: `${whoEn} sends FIN (seq=${s.seq}, ack=${s.ack})${re.en}. A FIN takes up one sequence number too, so the peer must ACK ${(s.seq + 1) >>> 0}.`,
      };
    case 'data': {
      const n = dataLength(s.data);
      return {
        ko: `${who} 데이터 ${n}바이트를 보냅니다${re.ko} (seq=${s.seq}, 다음 바이트는 ${(s.seq + n) >>> 0}).`,
        en: `${whoEn} sends ${n} bytes of data${re.en} (seq=${s.seq}; the next byte will be ${(s.seq + n) >>> 0}).`,
      };
    }
    case 'ack': {
      // Say what it acknowledges: the latest segment from the peer that ends where this ACK points.
      const acked = [...before].reverse().find((o) => o.from !== w.from && segLen(o.seg) > 0 && ((o.seg.seq + segLen(o.seg)) >>> 0) === s.ack);
      const what = !acked
        ? { ko: '지금까지 받은 것을', en: 'everything received so far' }
        : acked.seg.flags.syn ? { ko: '상대의 SYN을', en: "the peer's SYN" }
        : acked.seg.flags.fin ? { ko: '상대의 FIN을', en: "the peer's FIN" }
        : { ko: `상대의 데이터 ${dataLength(acked.seg.data)}바이트를`, en: `the peer's ${dataLength(acked.seg.data)} bytes of data` };
      return {
        ko: `${who} ACK(ack=${s.ack})를 보냅니다: ${what.ko} 잘 받았고 다음에는 ${s.ack}번 바이트를 기다린다는 뜻입니다.`,
        en: `${whoEn} sends ACK (ack=${s.ack}): it has ${what.en} and expects byte ${s.ack} next.`,
      };
    }
  }
}

/** What caused a transition: the story passes the entry's cause. */
export type TransitionCause =
  | { kind: 'app' }
  | { kind: 'timer'; timer: 'rtx' | 'time-wait' }
  | { kind: 'segment'; seg: Segment }
  | { kind: 'other' };

/**
 * The label of a transition, from the event that caused it: a RST arrival is not an ACK,
 * and a TIME-WAIT ended by a RST did not time out.
 */
export function transitionLabel(from: TcpState, to: TcpState, cause: TransitionCause): Text {
  const fig = findTransition(from, to)?.label ?? { ko: '', en: '' };
  if (cause.kind === 'segment' && cause.seg.flags.rst) {
    return from === 'TIME-WAIT'
      ? { ko: 'RST 수신 (TIME-WAIT 암살, RFC 1337)', en: 'rcv RST (TIME-WAIT assassination, RFC 1337)' }
      : { ko: 'RST 수신', en: 'rcv RST' };
  }
  if (cause.kind === 'segment' && !cause.seg.flags.fin && (to === 'TIME-WAIT' || to === 'CLOSE-WAIT' || to === 'CLOSING') && from !== 'CLOSING') {
    // The FIN came earlier and was held; the segment that filled the gap lets it be processed now.
    return { ko: '보관한 FIN 처리 / ACK 전송', en: 'held FIN processed / snd ACK' };
  }
  if (from === 'TIME-WAIT' && to === 'CLOSED' && cause.kind !== 'timer') return { ko: 'CLOSED', en: 'CLOSED' };
  return fig;
}
