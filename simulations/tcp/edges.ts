/** RFC 9293 §3.3.2 connection states, and the edges of its Figure 5 (labels live in states.ts). */
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

export const TCP_EDGES: readonly (readonly [TcpState, TcpState])[] = [
  ['CLOSED', 'LISTEN'],
  ['CLOSED', 'SYN-SENT'],
  ['LISTEN', 'SYN-RECEIVED'],
  ['LISTEN', 'SYN-SENT'],
  ['LISTEN', 'CLOSED'],
  ['SYN-SENT', 'SYN-RECEIVED'],
  ['SYN-SENT', 'ESTABLISHED'],
  ['SYN-SENT', 'CLOSED'],
  ['SYN-RECEIVED', 'ESTABLISHED'],
  ['SYN-RECEIVED', 'FIN-WAIT-1'],
  ['SYN-RECEIVED', 'LISTEN'],
  ['ESTABLISHED', 'FIN-WAIT-1'],
  ['ESTABLISHED', 'CLOSE-WAIT'],
  ['FIN-WAIT-1', 'FIN-WAIT-2'],
  ['FIN-WAIT-1', 'CLOSING'],
  ['FIN-WAIT-1', 'TIME-WAIT'],
  ['FIN-WAIT-2', 'TIME-WAIT'],
  ['CLOSING', 'TIME-WAIT'],
  ['CLOSE-WAIT', 'LAST-ACK'],
  ['LAST-ACK', 'CLOSED'],
  ['TIME-WAIT', 'CLOSED'],
];
