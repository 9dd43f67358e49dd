export interface TcpFlags {
  syn: boolean;
  ack: boolean;
  fin: boolean;
  rst: boolean;
  psh: boolean;
}

export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  /** SACK blocks (RFC 2018 §3): [left, right) sequence numbers, right edge exclusive; at most 4 (3 beside timestamps). */
  sack?: [left: number, right: number][];
}

/** A TCP segment as the state machine sees it. Plain JSON. */
export interface Segment {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: TcpFlags;
  window: number;
  options?: TcpOptions;
  /** Payload as text (ASCII in the scenarios); its length counts in bytes. */
  data: string;
}

export const NO_FLAGS: TcpFlags = { syn: false, ack: false, fin: false, rst: false, psh: false };

export function flags(names: readonly (keyof TcpFlags)[]): TcpFlags {
  const f = { ...NO_FLAGS };
  for (const n of names) f[n] = true;
  return f;
}

const encoder = new TextEncoder();
export const dataLength = (data: string): number => encoder.encode(data).length;

/** SEG.LEN: data octets, plus one for SYN and one for FIN (RFC 9293 §3.4). */
export function segLen(seg: Segment): number {
  return dataLength(seg.data) + (seg.flags.syn ? 1 : 0) + (seg.flags.fin ? 1 : 0);
}

/** "SYN, ACK" — flags in the order Wireshark prints them. */
export function flagNames(f: TcpFlags): string {
  const out: string[] = [];
  if (f.fin) out.push('FIN');
  if (f.syn) out.push('SYN');
  if (f.rst) out.push('RST');
  if (f.psh) out.push('PSH');
  if (f.ack) out.push('ACK');
  return out.join(', ');
}

/** The arrow label: "SYN seq=1000", "SYN, ACK seq=5000 ack=1001", "PSH, ACK seq=1001 ack=5001 len=38". */
export function segmentLabel(seg: Segment): string {
  const parts = [flagNames(seg.flags), `seq=${seg.seq}`];
  if (seg.flags.ack) parts.push(`ack=${seg.ack}`);
  const n = dataLength(seg.data);
  if (n > 0) parts.push(`len=${n}`);
  return parts.join(' ');
}

/** What a segment is, for rules, colours and chips: a RST first, then SYN-ACK, SYN, FIN, data, pure ACK. */
export type SegmentKind = 'rst' | 'syn-ack' | 'syn' | 'fin' | 'data' | 'ack';

export function segmentKind(seg: Segment): SegmentKind {
  if (seg.flags.rst) return 'rst';
  if (seg.flags.syn) return seg.flags.ack ? 'syn-ack' : 'syn';
  if (seg.flags.fin) return 'fin';
  return dataLength(seg.data) > 0 ? 'data' : 'ack';
}
