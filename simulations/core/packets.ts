/**
 * Where a packet's bytes come from: enough for the inspector and the exporter to encode it.
 * A typed union, one member per way of carrying bytes; binary payloads travel as hex so a
 * timeline stays plain JSON.
 */
import type { Segment } from '../tcp/segment';

/**
 * A TCP segment between two IPv4 addresses. `payloadHex` overrides `seg.data` (UTF-8) with raw bytes.
 * `ipId`, `ttl` and `eth` pin the IPv4 identification, TTL and Ethernet addresses (a packet seen on
 * both sides of a router: same id, TTL one less, new MACs); without them the exporter picks them.
 */
export interface TcpPacketRef {
  proto: 'tcp';
  fields: { src: string; dst: string; seg: Segment; t: number; ipId?: number; ttl?: number; eth?: { src: string; dst: string }; payloadHex?: string; app?: AppHint };
}

/** A UDP datagram; `data` is UTF-8 text, `dataHex` raw bytes (a DNS message, a QUIC packet). */
export interface UdpPacketRef {
  proto: 'udp';
  fields: { src: string; dst: string; srcPort: number; dstPort: number; data?: string; dataHex?: string; t: number; app?: AppHint };
}

/** How the payload is to be dissected, when the port does not say. */
export type AppHint = 'dns' | 'http' | 'http2' | 'tls' | 'websocket';

/** An ARP request or reply (RFC 826) in an Ethernet frame; `eth` defaults to broadcast (request) or the asker (reply). */
export interface ArpPacketRef {
  proto: 'arp';
  fields: {
    op: 'request' | 'reply';
    senderMac: string;
    senderIp: string;
    targetMac: string;
    targetIp: string;
    t: number;
    eth?: { src: string; dst: string };
  };
}

export type PacketRef = TcpPacketRef | UdpPacketRef | ArpPacketRef;
