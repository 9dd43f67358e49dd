/**
 * The packets of a run, as bytes: every message that carries a packet ref is
 * encoded by the wire modules from the very values the diagram shows (one source
 * of truth), and the whole run can be written as a classic pcap file.
 */
import type { MessageEntity, PacketEntity, PacketRef, Timeline } from './core/timeline';
import type { Segment, TcpOptions } from './tcp/segment';
import { fromHex, utf8Encode } from './wire/bytes';
import type { Dissection } from './wire/fields';
import { dissectArpFrame, encodeArpFrame } from './wire/arp';
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
  // On an ACK, SACK blocks after two NOPs (RFC 2018 §3), as Linux aligns them.
  if (o.sack && o.sack.length > 0) out.push({ kind: 'nop' }, { kind: 'nop' }, { kind: 'sack', blocks: o.sack });
  return out;
}

const APP_BY_PORT: Record<number, AppProtocol> = { 80: 'http', 53: 'dns', 443: 'tls' };


/** Encodes one packet ref to a whole Ethernet frame with its dissection. */
export function encodePacket(ref: PacketRef, ipId = 0): Dissection {
  switch (ref.proto) {
    case 'tcp': {
      const f = ref.fields;
      const s = f.seg;
      const payload = f.payloadHex !== undefined ? fromHex(f.payloadHex) : utf8Encode(s.data);
      const app = payload.length > 0 ? (f.app ?? APP_BY_PORT[s.srcPort] ?? APP_BY_PORT[s.dstPort]) : undefined;
      return buildFrame({
        eth: f.eth,
        ip: { src: f.src, dst: f.dst, id: f.ipId ?? ipId, ttl: f.ttl },
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
      const f = ref.fields;
      const payload = f.dataHex !== undefined ? fromHex(f.dataHex) : utf8Encode(f.data ?? '');
      return buildFrame({
        ip: { src: f.src, dst: f.dst, id: ipId },
        udp: { srcPort: f.srcPort, dstPort: f.dstPort },
        payload,
        app: f.app,
      });
    }
    case 'arp': {
      const { t: _t, eth, ...arp } = ref.fields;
      return dissectArpFrame(encodeArpFrame(arp, eth));
    }
  }
}

/** Every packet of the run (messages and topology packets with bytes), in the order they were sent. */
export function capture(timeline: Timeline): CapturedPacket[] {
  // Each packet is a span, drawn once: first sighting wins.
  const seen = new Map<string, MessageEntity | PacketEntity>();
  for (const span of timeline.spans) {
    const e = span.entity;
    if ((e.kind === 'message' || e.kind === 'packet') && e.packet && !seen.has(e.id)) seen.set(e.id, e);
  }
  const sentAt = (m: MessageEntity | PacketEntity) => m.packet!.fields.t;
  const msgs = [...seen.values()].map((m, order) => ({ m, order }));
  msgs.sort((a, b) => sentAt(a.m) - sentAt(b.m) || a.order - b.order);
  const ids = new Map<string, number>();
  return msgs.map(({ m }) => {
    const f = m.packet!.fields;
    const src = 'src' in f ? f.src : f.senderIp;
    const n = (ids.get(src) ?? 0) + 1;
    ids.set(src, n);
    return { id: m.id, tMs: sentAt(m), label: m.label, dissection: encodePacket(m.packet!, n) };
  });
}

/** The run as a libpcap file (LINKTYPE_ETHERNET, timestamps from logical time). */
export function timelinePcap(timeline: Timeline): Uint8Array {
  return writePcap(capture(timeline).map((p) => ({ tMs: p.tMs, bytes: p.dissection.bytes })));
}

