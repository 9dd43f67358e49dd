/**
 * How the race names things: arrow labels (what the capture check reads), the short
 * chips shown on packets in flight, and the nouns the narration uses.
 */
import type { Text } from '../../core/text';
import { flagNames, type Segment, type TcpOptions } from '../../tcp/segment';
import type { HostId, Wire } from '../../tcp/world';
import { msgOf } from './race';

export type Focus = 'both' | 'tcp' | 'udp';

/** Actor ids on the stage. */
export const ACTOR = {
  tcp: { client: 'tcp-client', server: 'tcp-server' },
  udp: { client: 'udp-client', server: 'udp-server' },
} as const;

export const IPV4_HEADER = 20;
export const UDP_HEADER = 8;

/** TCP header length: 20 bytes plus options as the wire encoder lays them out (MSS 4, NOP NOP SACK-permitted 4, NOP WS 4). */
export function tcpHeaderLength(o: TcpOptions | undefined): number {
  if (!o) return 20;
  return 20 + (o.mss !== undefined ? 4 : 0) + (o.sackPermitted ? 4 : 0) + (o.wscale !== undefined ? 4 : 0);
}

/** The arrow label: flags first and seq= (the capture check reads them), then what matters here. */
export function tcpLabel(s: Segment): string {
  const head = `${flagNames(s.flags)} seq=${s.seq}`;
  const m = msgOf(s);
  if (m > 0) return `${head} (msg ${m})`;
  return s.flags.ack ? `${head} ack=${s.ack}` : head;
}

/** The few characters on a TCP packet in flight: "SYN", "SYN-ACK", "DATA 3", "ACK 1006", "FIN". */
export function tcpChip(s: Segment): string {
  if (s.flags.rst) return 'RST';
  if (s.flags.syn) return s.flags.ack ? 'SYN-ACK' : 'SYN';
  if (s.flags.fin) return 'FIN';
  const m = msgOf(s);
  if (m > 0) return `DATA ${m}`;
  return `ACK ${s.ack}`;
}

/** A UDP arrow's label (the inspector and screen readers read it whole); its chip is shorter. */
export const udpLabel = (msg: number): string => `UDP msg ${msg}`;
export const udpChip = (msg: number): string => `msg ${msg}`;

export const HOST: Record<HostId, Text> = { client: { ko: 'TCP 클라이언트', en: 'TCP client' }, server: { ko: 'TCP 서버', en: 'TCP server' } };
/** "TCP 클라이언트는" / "TCP 서버는". */
export const TOPIC: Record<HostId, string> = { client: 'TCP 클라이언트는', server: 'TCP 서버는' };

/** How to name a segment in a sentence, with the right Korean particles. */
export interface Noun {
  /** Subject form, e.g. "msg 2 세그먼트가". */
  koSubj: string;
  /** Bare form, e.g. "msg 2 세그먼트". */
  ko: string;
  en: string;
  /** For captions: "SYN", "msg 2", "ACK 1011". */
  short: string;
}

export function noun(w: Wire): Noun {
  const s = w.seg;
  const re = w.retransmission ? { ko: '재전송된 ', en: 'retransmitted ' } : { ko: '', en: '' };
  const m = msgOf(s);
  const seg = (name: string, en: string, short: string): Noun => ({ koSubj: `${re.ko}${name} 세그먼트가`, ko: `${re.ko}${name} 세그먼트`, en: `the ${re.en}${en}`, short });
  if (s.flags.rst) return seg('RST', 'RST', 'RST');
  if (s.flags.syn && s.flags.ack) return seg('SYN-ACK', 'SYN-ACK', 'SYN-ACK');
  if (s.flags.syn) return seg('SYN', 'SYN', 'SYN');
  if (s.flags.fin) return seg('FIN', 'FIN', 'FIN');
  if (m > 0) return seg(`msg ${m}`, `msg ${m} segment`, `msg ${m}`);
  return { koSubj: `${re.ko}확인 응답(ACK ${s.ack})이`, ko: `${re.ko}확인 응답(ACK ${s.ack})`, en: `ACK ${s.ack}`, short: `ACK ${s.ack}` };
}

export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "msg 2–5" for a run, "msg 2, msg 4" otherwise. */
export function list(ms: number[]): string {
  const runs: string[] = [];
  for (let k = 0; k < ms.length; ) {
    let j = k;
    while (j + 1 < ms.length && ms[j + 1] === ms[j] + 1) j++;
    runs.push(j - k >= 2 ? `msg ${ms[k]}–${ms[j]}` : ms.slice(k, j + 1).map((m) => `msg ${m}`).join(', '));
    k = j + 1;
  }
  return runs.join(', ');
}

export const isPureAck = (s: Segment): boolean => s.flags.ack && !s.flags.syn && !s.flags.fin && !s.flags.rst && msgOf(s) === 0 && s.data.length === 0;
