/**
 * The TCP segments behind the diagrams (flow scene, and the error scene's TCP run).
 * The engines count full-sized segments; on the wire every segment carries MSS bytes
 * (small, to keep the numbers readable). Sequence and acknowledgment numbers are
 * relative, as Wireshark shows them: counted from the ISN, so the first data byte is 1
 * (a real ISN is chosen at random, RFC 9293 §3.4.1; the export carries these relative
 * values). Segment n holds bytes 1 + n·MSS … (n + 1)·MSS; ACK k (engine: "segments
 * before k arrived") is byte 1 + k·MSS.
 */
import type { TcpPacketRef } from '../../core/packets';
import type { SackBlock } from '../../arq';
import { flags, segmentLabel, type Segment } from '../../tcp/segment';

export const MSS = 100;
export const IPS = { sender: '192.0.2.10', receiver: '198.51.100.20' } as const;
export const PORTS = { sender: 49200, receiver: 5001 } as const;
/** The window the sender itself advertises (it receives no data here). */
const SENDER_WINDOW = 64240;

export const seqOf = (n: number) => 1 + n * MSS;
export const bytes = (segments: number) => segments * MSS;

function payload(n: number): string {
  return `[segment ${n}] `.repeat(Math.ceil(MSS / 10)).slice(0, MSS);
}

export function dataSegment(n: number): Segment {
  return { srcPort: PORTS.sender, dstPort: PORTS.receiver, seq: seqOf(n), ack: 1, flags: flags(['psh', 'ack']), window: SENDER_WINDOW, data: payload(n) };
}

/** An ACK with the window in segments and SACK blocks [left, right) in segments (RFC 2018: right edge exclusive). */
export function ackSegment(ack: number, wnd: number, sack: readonly SackBlock[] = []): Segment {
  const seg: Segment = { srcPort: PORTS.receiver, dstPort: PORTS.sender, seq: 1, ack: seqOf(ack), flags: flags(['ack']), window: bytes(wnd), data: '' };
  if (sack.length > 0) seg.options = { sack: sack.map((b) => [seqOf(b.left), seqOf(b.right)]) };
  return seg;
}

export function dataRef(n: number, t: number): TcpPacketRef {
  return { proto: 'tcp', fields: { src: IPS.sender, dst: IPS.receiver, seg: dataSegment(n), t } };
}

export function ackRef(seg: Segment, t: number): TcpPacketRef {
  return { proto: 'tcp', fields: { src: IPS.receiver, dst: IPS.sender, seg, t } };
}

/** The arrow label: the segment as Wireshark would summarise it, SACK blocks in bytes ("SACK 301-601"). */
export function ackLabel(seg: Segment): string {
  const sack = seg.options?.sack ?? [];
  return sack.length === 0 ? segmentLabel(seg) : `${segmentLabel(seg)} SACK ${sack.map(([l, r]) => `${l}-${r}`).join(' ')}`;
}
