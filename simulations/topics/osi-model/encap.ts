/**
 * Encapsulation with the real wire encoders: an HTTP/1.1 request (RFC 9112) in a TCP
 * segment (RFC 9293) in an IPv4 packet (RFC 791, header checksum computed) in an
 * Ethernet II frame. Each stage is the previous one's bytes with a header in front, and
 * the byte counts of the boxes are read off the bytes themselves.
 */
import type { Segment } from '../../tcp/segment';
import { concat, utf8Decode, utf8Encode } from '../../wire/bytes';
import { encodeEthernet, ETHERTYPE_IPV4 } from '../../wire/ethernet';
import { encodeHttp1 } from '../../wire/http1';
import { encodeIpv4, IPPROTO_TCP } from '../../wire/ipv4';
import { encodeTcp, type TcpHeader } from '../../wire/tcp';
import type { HeaderBox } from '../../figures/layers';

/** The two documentation networks (RFC 5737) and the hosts on them; MACs are locally administered (02:…). */
export const NET = {
  a: { name: 'A', ip: '192.0.2.10', mac: '02:00:5e:00:00:0a' },
  c: { name: 'C', ip: '192.0.2.11', mac: '02:00:5e:00:00:0b' },
  r0: { name: 'eth0', ip: '192.0.2.1', mac: '02:00:5e:00:00:01' },
  r1: { name: 'eth1', ip: '198.51.100.1', mac: '02:00:5e:00:01:01' },
  b: { name: 'B', ip: '198.51.100.20', mac: '02:00:5e:00:01:14' },
  lanA: { prefix: '192.0.2.0', len: 24 },
  lanB: { prefix: '198.51.100.0', len: 24 },
  /** A default route to an upstream router that plays no part here: it loses the longest-prefix match. */
  upstream: '198.51.100.254',
  serverPort: 80,
  ttl: 64,
} as const;

export interface EncapInput {
  payload: string;
  srcPort: number;
  seq: number;
  ack: number;
  ipId: number;
  /** Next hop's MAC (the router's, for a server on another network). */
  dstMac: string;
}

export interface Encapsulation {
  http: Uint8Array;
  /** Bytes of the request line and headers, CRLF CRLF included; the rest is the body. */
  httpHead: number;
  segment: Uint8Array;
  packet: Uint8Array;
  frame: Uint8Array;
  tcp: TcpHeader;
  /** The segment as the TCP machines describe it (what the timeline's packet refs carry). */
  seg: Segment;
}

/** The request the page sends: the payload typed is its UTF-8 body. */
export function httpRequest(payload: string): { bytes: Uint8Array; head: number } {
  const body = utf8Encode(payload);
  const head = encodeHttp1({
    kind: 'request',
    method: 'POST',
    target: '/echo',
    headers: [
      ['Host', NET.b.ip],
      ['Content-Type', 'text/plain; charset=utf-8'],
      ['Content-Length', String(body.length)],
    ],
  });
  return { bytes: concat(head, body), head: head.length };
}

export function encapsulate(i: EncapInput): Encapsulation {
  const { bytes: http, head: httpHead } = httpRequest(i.payload);
  const tcp: TcpHeader = { srcPort: i.srcPort, dstPort: NET.serverPort, seq: i.seq, ack: i.ack, flags: { psh: true, ack: true }, window: 64240 };
  const pair = { src: NET.a.ip, dst: NET.b.ip };
  const segment = encodeTcp(tcp, http, pair);
  const packet = encodeIpv4({ ...pair, protocol: IPPROTO_TCP, identification: i.ipId, ttl: NET.ttl, df: true, payload: segment });
  const frame = encodeEthernet({ src: NET.a.mac, dst: i.dstMac, etherType: ETHERTYPE_IPV4, payload: packet });
  const seg: Segment = {
    srcPort: i.srcPort,
    dstPort: NET.serverPort,
    seq: i.seq,
    ack: i.ack,
    flags: { syn: false, ack: true, fin: false, rst: false, psh: true },
    window: 64240,
    data: utf8Decode(http),
  };
  return { http, httpHead, segment, packet, frame, tcp, seg };
}

export type Stage = 'app' | 'transport' | 'network' | 'link';

/** The nested boxes of the PDU at a stage, outermost first, sized from the bytes. */
export function headerBoxes(e: Pick<Encapsulation, 'http' | 'httpHead' | 'segment' | 'packet' | 'frame'>, stage: Stage): HeaderBox[] {
  const body = e.http.length - e.httpHead;
  const app: HeaderBox[] = [{ key: 'http', label: 'HTTP', bytes: e.httpHead, tone: 'app' }];
  if (body > 0) app.push({ key: 'body', label: 'body', bytes: body, tone: 'app' });
  const tcp: HeaderBox = { key: 'tcp', label: 'TCP', bytes: e.segment.length - e.http.length, tone: 'transport' };
  const ip: HeaderBox = { key: 'ip', label: 'IPv4', bytes: e.packet.length - e.segment.length, tone: 'network' };
  const eth: HeaderBox = { key: 'eth', label: 'Ethernet', bytes: e.frame.length - e.packet.length, tone: 'link' };
  switch (stage) {
    case 'app':
      return app;
    case 'transport':
      return [tcp, ...app];
    case 'network':
      return [ip, tcp, ...app];
    case 'link':
      return [eth, ip, tcp, ...app];
  }
}

/** The ARP frame's boxes: Ethernet header, the 28-byte ARP body, zero padding to 60 bytes. */
export const ARP_BOXES: HeaderBox[] = [
  { key: 'eth', label: 'Ethernet', bytes: 14, tone: 'link' },
  { key: 'arp', label: 'ARP', bytes: 28, tone: 'arp' },
  { key: 'pad', label: 'padding', bytes: 18, tone: 'padding' },
];

/** Control characters (C0, DEL, C1) have no place in a text/plain body typed in a box. */
export function payloadProblem(s: string): string | null {
  return /[\u0000-\u001f\u007f-\u009f]/.test(s) ? 'control' : null;
}

