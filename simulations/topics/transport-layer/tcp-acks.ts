/**
 * What the TCP lane says when a bare ACK reaches the data sender (new, duplicate by
 * RFC 5681's definition, or neither), and about the segments a host sends in answer.
 */
import type { Text } from '../../core/text';
import type { Tcb } from '../../tcp/machine';
import type { LogEntry, Wire } from '../../tcp/world';
import { msgOf } from './race';
import { HOST, TOPIC, list, noun } from './labels';
import type { AckReading } from './dupack';

const ORDINAL: Record<number, Text> = {
  2: { ko: '두 번째', en: 'second' },
  3: { ko: '세 번째', en: 'third' },
  4: { ko: '네 번째', en: 'fourth' },
  5: { ko: '다섯 번째', en: 'fifth' },
};
const ordinal = (k: number): Text | undefined => (k < 2 ? undefined : ORDINAL[k] ?? { ko: `${k}번째`, en: `${k}th` });

export interface AckArgs {
  i: number;
  e: LogEntry;
  prev: Tcb;
  w: Wire;
  wires: Wire[];
  acks: AckReading;
  seen: { dupAck: boolean };
  push(ko: string, en: string): void;
  frag(ko: string, en: string): void;
  short: string;
}

export function ackArrives({ i, e, prev, w, wires, acks, seen, push, frag, short }: AckArgs): void {
  const out = (t: Text) => push(t.ko, t.en);
  const ack = w.seg.ack;
  const before = prev.sndUna;
  const after = e.tcbs.client.sndUna;
  const dup = acks.dups.get(i);
  const not = acks.notDup.get(i);
  if (dup) {
    const first = !seen.dupAck;
    seen.dupAck = true;
    const nth = ordinal(dup.k);
    push(
      `새로 확인된 것이 없는 중복 ACK입니다${nth ? ` (같은 번호로 ${nth.ko})` : ''}: 보낸 데이터가 아직 확인을 기다리는데 확인 번호가 그대로이니, 서버가 ${ack}번 바이트를 아직 받지 못했다는 신호입니다.${first ? ' 실제 TCP는 중복 ACK 세 개를 받으면 타이머를 기다리지 않고 빠른 재전송을 하지만(RFC 5681), 이 시뮬레이션의 TCP는 재전송 타이머만 씁니다.' : ''}${dup.k === 3 ? ' 빠른 재전송이 있었다면 지금 빠진 세그먼트를 다시 보냈을 것입니다.' : ''}`,
      `It acknowledges nothing new while data is outstanding: a duplicate ACK${nth ? ` (the ${nth.en} for this number)` : ''}, a sign that the server is still missing byte ${ack}.${first ? ' Real stacks fast-retransmit after three duplicate ACKs instead of waiting for the timer (RFC 5681); this TCP uses only its retransmission timer.' : ''}${dup.k === 3 ? ' With fast retransmit, the missing segment would be resent now.' : ''}`,
    );
    frag(`${short} 중복`, `${short} duplicate`);
    return;
  }
  if (not === 'not-synchronized') {
    const dropped = e.drops.some((d) => d.host === 'client');
    push(
      `TCP 클라이언트는 아직 ${prev.state}입니다: SYN이 없는 세그먼트로는 연결이 열리지 않으므로${dropped ? ' 이 ACK은 버려집니다(RFC 9293 §3.10.7.3)' : ' 이 ACK으로는 아무것도 바뀌지 않습니다'}. 확인을 기다리는 데이터가 없으니 중복 ACK도 아닙니다.`,
      `The TCP client is still in ${prev.state}: a segment without a SYN cannot open the connection, so ${dropped ? 'this ACK is dropped (RFC 9293 §3.10.7.3)' : 'this ACK changes nothing'}. With no data outstanding, it is not a duplicate ACK either.`,
    );
    frag(`${short} 무시`, `${short} ignored`);
    return;
  }
  if (not) {
    const why: Record<typeof not, Text> = {
      'nothing-outstanding': {
        ko: '새로 확인된 것은 없지만, 확인을 기다리는 데이터도 없습니다: RFC 5681의 정의로는 중복 ACK이 아닙니다.',
        en: 'It acknowledges nothing new, but no data is waiting for an acknowledgment either: by RFC 5681’s definition it is not a duplicate ACK.',
      },
      'window-after-syn': {
        ko: '새로 확인된 것은 없지만, 윈도 값이 직전 확인 응답인 SYN-ACK과 다릅니다(SYN의 윈도 필드는 배율 없이 적힙니다, RFC 7323): RFC 5681의 정의로는 아직 중복 ACK이 아닙니다.',
        en: 'It acknowledges nothing new, but its window field differs from the last acknowledgment’s, the SYN-ACK’s (a SYN’s window is never scaled, RFC 7323): by RFC 5681’s definition it is not a duplicate ACK yet.',
      },
      'window-changed': {
        ko: '새로 확인된 것은 없지만 광고한 윈도가 바뀌었습니다: 윈도 갱신이지 중복 ACK이 아닙니다(RFC 5681).',
        en: 'It acknowledges nothing new, but the advertised window changed: a window update, not a duplicate ACK (RFC 5681).',
      },
    };
    out(why[not]);
    frag(`${short} 도착`, `${short} arrives`);
    return;
  }
  if (after === before) {
    frag(`${short} 도착`, `${short} arrives`);
    return;
  }
  const acked = [...new Set(wires.filter((o) => o.from === 'client' && msgOf(o.seg) > 0 && o.seg.seq >= before && o.seg.seq < after).map((o) => msgOf(o.seg)))].sort((a, b) => a - b);
  if (acked.length > 1) {
    push(
      `서버가 ${ack}번 앞까지 모두 받았다는 뜻입니다: 누적 확인 응답 하나로 ${list(acked)} 메시지가 한꺼번에 확인됩니다.`,
      `The server has everything before byte ${ack}: one cumulative ACK confirms ${list(acked)} at once.`,
    );
  } else {
    push(`서버가 ${ack}번 앞까지 모두 받았다는 뜻입니다.`, `The server has everything before byte ${ack}.`);
  }
  const stop = e.timers.find((tm) => tm.host === 'client' && tm.timer === 'rtx');
  if (stop?.action === 'stop') push('확인을 기다리는 데이터가 없으니 재전송 타이머를 멈춥니다.', 'Nothing is waiting for an ACK now, so the retransmission timer stops.');
  else if (stop?.action === 'start') push(`아직 확인받지 못한 세그먼트가 남아 있어 타이머를 다시 겁니다 (RTO ${stop.ms} ms).`, `Unacknowledged segments remain, so the timer starts again (RTO ${stop.ms} ms).`);
  frag(`${short} ✓`, `${short} ✓`);
}

/** A segment sent in answer to the entry's event. */
export function sentText(w: Wire, sameAckAgain: boolean): Text {
  const s = w.seg;
  const who = HOST[w.from];
  if (s.flags.syn && s.flags.ack) {
    return {
      ko: `${TOPIC[w.from]} SYN-ACK(seq=${s.seq}, ack=${s.ack})으로 답합니다: 상대의 SYN이 번호 하나를 썼으므로 ack는 ${(s.ack - 1) >>> 0} + 1입니다.`,
      en: `The ${who.en} answers with SYN-ACK (seq=${s.seq}, ack=${s.ack}): the peer's SYN used one number, so ack is ${(s.ack - 1) >>> 0} + 1.`,
    };
  }
  if (s.flags.rst) return { ko: `${TOPIC[w.from]} RST를 보냅니다.`, en: `The ${who.en} sends a RST.` };
  if (s.flags.ack && !s.flags.syn && !s.flags.fin && msgOf(s) === 0) {
    return sameAckAgain
      ? { ko: `${TOPIC[w.from]} 같은 확인 응답(ACK ${s.ack})을 다시 보냅니다.`, en: `The ${who.en} sends the same ACK ${s.ack} again.` }
      : { ko: `${TOPIC[w.from]} 확인 응답(ACK ${s.ack})을 보냅니다: ${s.ack}번 앞까지는 다 받았다는 뜻입니다.`, en: `The ${who.en} sends ACK ${s.ack}: it has everything before byte ${s.ack}.` };
  }
  const n = noun(w);
  return { ko: `${TOPIC[w.from]} ${n.ko}를 보냅니다.`, en: `The ${who.en} sends ${n.en}.` };
}
