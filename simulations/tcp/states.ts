import type { Text } from '../core/text';
import { TCP_EDGES, type TcpState } from './edges';

export { TCP_STATES, TCP_EDGES, type TcpState } from './edges';

export interface Transition {
  from: TcpState;
  to: TcpState;
  /** What causes it and what is sent, as in RFC 9293 Figure 5 ("rcv SYN / snd SYN,ACK"). */
  label: Text;
}

const LABELS: Record<string, Text> = {
  'CLOSED>LISTEN': { ko: '수동 OPEN (listen)', en: 'passive OPEN (listen)' },
  'CLOSED>SYN-SENT': { ko: '능동 OPEN / SYN 전송', en: 'active OPEN / snd SYN' },
  'LISTEN>SYN-RECEIVED': { ko: 'SYN 수신 / SYN,ACK 전송', en: 'rcv SYN / snd SYN,ACK' },
  'LISTEN>SYN-SENT': { ko: 'SEND / SYN 전송', en: 'SEND / snd SYN' },
  'LISTEN>CLOSED': { ko: 'CLOSE', en: 'CLOSE' },
  'SYN-SENT>SYN-RECEIVED': { ko: 'SYN 수신 / ACK 전송 (동시 열기)', en: 'rcv SYN / snd ACK (simultaneous open)' },
  'SYN-SENT>ESTABLISHED': { ko: 'SYN,ACK 수신 / ACK 전송', en: 'rcv SYN,ACK / snd ACK' },
  'SYN-SENT>CLOSED': { ko: 'CLOSE 또는 타임아웃', en: 'CLOSE or timeout' },
  'SYN-RECEIVED>ESTABLISHED': { ko: 'SYN에 대한 ACK 수신', en: 'rcv ACK of SYN' },
  'SYN-RECEIVED>FIN-WAIT-1': { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' },
  'SYN-RECEIVED>LISTEN': { ko: 'RST 수신', en: 'rcv RST' },
  'ESTABLISHED>FIN-WAIT-1': { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' },
  'ESTABLISHED>CLOSE-WAIT': { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' },
  'FIN-WAIT-1>FIN-WAIT-2': { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' },
  'FIN-WAIT-1>CLOSING': { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' },
  'FIN-WAIT-1>TIME-WAIT': { ko: 'FIN,ACK 수신 / ACK 전송', en: 'rcv FIN,ACK / snd ACK' },
  'FIN-WAIT-2>TIME-WAIT': { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' },
  'CLOSING>TIME-WAIT': { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' },
  'CLOSE-WAIT>LAST-ACK': { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' },
  'LAST-ACK>CLOSED': { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' },
  'TIME-WAIT>CLOSED': { ko: '2MSL 타임아웃', en: 'timeout = 2MSL' },
};

/**
 * Every transition of RFC 9293 Figure 5 (the TCP connection state diagram).
 * The state machine may take no other; a test holds it to this list.
 */
export const TCP_TRANSITIONS: readonly Transition[] = TCP_EDGES.map(([from, to]) => ({ from, to, label: LABELS[`${from}>${to}`] }));

export function findTransition(from: TcpState, to: TcpState): Transition | undefined {
  return TCP_TRANSITIONS.find((tr) => tr.from === from && tr.to === to);
}
