/**
 * The packets of a run, as bytes: every message that carries a packet ref is
 * encoded by the wire modules from the very values the diagram shows (one source
 * of truth), and the whole run can be written as a classic pcap file.
 */
import type { MessageEntity, PacketEntity, PacketRef, Timeline } from './core/timeline';
import type { Segment, TcpOptions } from './tcp/segment';
import { utf8Encode } from './wire/bytes';
import type { Dissection } from './wire/fields';
import { buildFrame, type AppProtocol } from './wire/frame';
import { writePcap } from './wire/pcap';
import type { TcpOption } from './wire/tcp';

export interface CapturedPacket {
  /** The message's id in the timeline. */
  id: string;
  /** When it left its sender (logical ms): the capture point is the sender's interface. */
  tMs: number;
  label: string;
  dissection: Dissection;
}

/** TCP options in the order Linux sends them on a SYN: MSS, SACK-permitted, window scale (NOP-padded). */
export function tcpOptions(o: TcpOptions | undefined): TcpOption[] | undefined {
  if (!o) return undefined;
  const out: TcpOption[] = [];
  if (o.mss !== undefined) out.push({ kind: 'mss', value: o.mss });
  if (o.sackPermitted) out.push({ kind: 'nop' }, { kind: 'nop' }, { kind: 'sackPermitted' });
  if (o.wscale !== undefined) out.push({ kind: 'nop' }, { kind: 'wscale', shift: o.wscale });
  return out;
}

const APP_BY_PORT: Record<number, AppProtocol> = { 80: 'http', 53: 'dns', 443: 'tls' };

interface TcpFields {
  src: string;
  dst: string;
  seg: Segment;
  t: number;
  ipId?: number;
}

interface UdpFields {
  src: string;
  dst: string;
  srcPort: number;
  dstPort: number;
  data: string;
  t: number;
  app?: AppProtocol;
}

/** Encodes one packet ref to a whole Ethernet frame with its dissection. */
export function encodePacket(ref: PacketRef, ipId = 0): Dissection {
  switch (ref.proto) {
    case 'tcp': {
      const f = ref.fields as unknown as TcpFields;
      const s = f.seg;
      const payload = utf8Encode(s.data);
      const app = payload.length > 0 ? (APP_BY_PORT[s.srcPort] ?? APP_BY_PORT[s.dstPort]) : undefined;
      return buildFrame({
        ip: { src: f.src, dst: f.dst, id: ipId },
        tcp: {
          srcPort: s.srcPort,
          dstPort: s.dstPort,
          seq: s.seq,
          ack: s.ack,
          flags: { ...s.flags },
          window: s.window,
          options: tcpOptions(s.options),
        },
        payload,
        app,
      });
    }
    case 'udp': {
      const f = ref.fields as unknown as UdpFields;
      const payload = utf8Encode(f.data);
      return buildFrame({
        ip: { src: f.src, dst: f.dst, id: ipId },
        udp: { srcPort: f.srcPort, dstPort: f.dstPort },
        payload,
        app: f.app,
      });
    }
    default:
      throw new Error(`No encoder for ${ref.proto} packets yet`);
  }
}

/** Every packet of the run (messages and topology packets with bytes), in the order they were sent. */
export function capture(timeline: Timeline): CapturedPacket[] {
  // A packet may leave the scene once it has arrived, so collect across all steps, first sighting wins.
  const seen = new Map<string, MessageEntity | PacketEntity>();
  for (const step of timeline.steps) {
    for (const e of Object.values(step.scene.entities)) {
      if ((e.kind === 'message' || e.kind === 'packet') && e.packet && !seen.has(e.id)) seen.set(e.id, e);
    }
  }
  const sentAt = (m: MessageEntity | PacketEntity) => Number((m.packet!.fields as { t?: number }).t ?? 0);
  const msgs = [...seen.values()].map((m, order) => ({ m, order }));
  msgs.sort((a, b) => sentAt(a.m) - sentAt(b.m) || a.order - b.order);
  const ids = new Map<string, number>();
  return msgs.map(({ m }) => {
    const src = String((m.packet!.fields as { src?: string }).src ?? m.from);
    const n = (ids.get(src) ?? 0) + 1;
    ids.set(src, n);
    return { id: m.id, tMs: sentAt(m), label: m.label, dissection: encodePacket(m.packet!, n) };
  });
}

/** The run as a libpcap file (LINKTYPE_ETHERNET, timestamps from logical time). */
export function timelinePcap(timeline: Timeline): Uint8Array {
  return writePcap(capture(timeline).map((p) => ({ tMs: p.tMs, bytes: p.dissection.bytes })));
}

