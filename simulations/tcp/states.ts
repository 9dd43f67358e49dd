import type { Text } from '../core/text';

/** RFC 9293 §3.3.2 connection states. */
export const TCP_STATES = [
  'CLOSED',
  'LISTEN',
  'SYN-SENT',
  'SYN-RECEIVED',
  'ESTABLISHED',
  'FIN-WAIT-1',
  'FIN-WAIT-2',
  'CLOSE-WAIT',
  'CLOSING',
  'LAST-ACK',
  'TIME-WAIT',
] as const;
export type TcpState = (typeof TCP_STATES)[number];

export interface Transition {
  from: TcpState;
  to: TcpState;
  /** What causes it and what is sent, as in RFC 9293 Figure 5 ("rcv SYN / snd SYN,ACK"). */
  label: Text;
}

/**
 * Every transition of RFC 9293 Figure 5 (the TCP connection state diagram).
 * The state machine may take no other; a test holds it to this list.
 */
export const TCP_TRANSITIONS: readonly Transition[] = [
  { from: 'CLOSED', to: 'LISTEN', label: { ko: '수동 OPEN (listen)', en: 'passive OPEN (listen)' } },
  { from: 'CLOSED', to: 'SYN-SENT', label: { ko: '능동 OPEN / SYN 전송', en: 'active OPEN / snd SYN' } },
  { from: 'LISTEN', to: 'SYN-RECEIVED', label: { ko: 'SYN 수신 / SYN,ACK 전송', en: 'rcv SYN / snd SYN,ACK' } },
  { from: 'LISTEN', to: 'SYN-SENT', label: { ko: 'SEND / SYN 전송', en: 'SEND / snd SYN' } },
  { from: 'LISTEN', to: 'CLOSED', label: { ko: 'CLOSE', en: 'CLOSE' } },
  { from: 'SYN-SENT', to: 'SYN-RECEIVED', label: { ko: 'SYN 수신 / ACK 전송 (동시 열기)', en: 'rcv SYN / snd ACK (simultaneous open)' } },
  { from: 'SYN-SENT', to: 'ESTABLISHED', label: { ko: 'SYN,ACK 수신 / ACK 전송', en: 'rcv SYN,ACK / snd ACK' } },
  { from: 'SYN-SENT', to: 'CLOSED', label: { ko: 'CLOSE 또는 타임아웃', en: 'CLOSE or timeout' } },
  { from: 'SYN-RECEIVED', to: 'ESTABLISHED', label: { ko: 'SYN에 대한 ACK 수신', en: 'rcv ACK of SYN' } },
  { from: 'SYN-RECEIVED', to: 'FIN-WAIT-1', label: { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' } },
  { from: 'SYN-RECEIVED', to: 'LISTEN', label: { ko: 'RST 수신', en: 'rcv RST' } },
  { from: 'ESTABLISHED', to: 'FIN-WAIT-1', label: { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' } },
  { from: 'ESTABLISHED', to: 'CLOSE-WAIT', label: { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' } },
  { from: 'FIN-WAIT-1', to: 'FIN-WAIT-2', label: { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' } },
  { from: 'FIN-WAIT-1', to: 'CLOSING', label: { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' } },
  { from: 'FIN-WAIT-1', to: 'TIME-WAIT', label: { ko: 'FIN,ACK 수신 / ACK 전송', en: 'rcv FIN,ACK / snd ACK' } },
  { from: 'FIN-WAIT-2', to: 'TIME-WAIT', label: { ko: 'FIN 수신 / ACK 전송', en: 'rcv FIN / snd ACK' } },
  { from: 'CLOSING', to: 'TIME-WAIT', label: { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' } },
  { from: 'CLOSE-WAIT', to: 'LAST-ACK', label: { ko: 'CLOSE / FIN 전송', en: 'CLOSE / snd FIN' } },
  { from: 'LAST-ACK', to: 'CLOSED', label: { ko: 'FIN에 대한 ACK 수신', en: 'rcv ACK of FIN' } },
  { from: 'TIME-WAIT', to: 'CLOSED', label: { ko: '2MSL 타임아웃', en: 'timeout = 2MSL' } },
];

export function findTransition(from: TcpState, to: TcpState): Transition | undefined {
  return TCP_TRANSITIONS.find((tr) => tr.from === from && tr.to === to);
}
