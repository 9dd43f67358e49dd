/** Whole frames: Ethernet → IPv4 → TCP/UDP → application, built and dissected. */
import { t } from '../core/text';
import { describeDns } from './dns';
import { describeEthernet, decodeEthernet, encodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_IPV4 } from './ethernet';
import { field, type Dissection, type Layer } from './fields';
import type { HpackDecoder } from './hpack';
import { describeHttp1 } from './http1';
import { describeHttp2 } from './http2';
import { decodeIpv4, describeIpv4, encodeIpv4, IPPROTO_TCP, IPPROTO_UDP } from './ipv4';
import { decodeTcp, describeTcp, encodeTcp, type TcpHeader } from './tcp';
import { describeTls } from './tls';
import { decodeUdp, describeUdp, encodeUdp, type UdpHeader } from './udp';
import { describeWebSocket } from './websocket';

export type AppProtocol = 'dns' | 'http' | 'http2' | 'tls' | 'websocket';

export interface FrameSpec {
  /** Default: locally administered MACs derived from the IPs (see macForIp). */
  eth?: { src: string; dst: string };
  ip: { src: string; dst: string; id?: number; ttl?: number; df?: boolean };
  tcp?: TcpHeader;
  udp?: UdpHeader;
  payload: Uint8Array;
  /** How to describe the payload; without it the payload is shown as plain data. */
  app?: AppProtocol;
}

/** A stable, locally administered MAC for an IPv4 address: 02:00:c0:00:02:0a for 192.0.2.10. */
export function macForIp(ip: string): string {
  return ['02', '00', ...ip.split('.').map((n) => Number(n).toString(16).padStart(2, '0'))].join(':');
}

export function encodeFrame(spec: FrameSpec): Uint8Array {
  if (!!spec.tcp === !!spec.udp) throw new Error('frame: give exactly one of tcp or udp');
  const ipPair = { src: spec.ip.src, dst: spec.ip.dst };
  const segment = spec.tcp ? encodeTcp(spec.tcp, spec.payload, ipPair) : encodeUdp(spec.udp!, spec.payload, ipPair);
  const packet = encodeIpv4({
    src: spec.ip.src,
    dst: spec.ip.dst,
    protocol: spec.tcp ? IPPROTO_TCP : IPPROTO_UDP,
    identification: spec.ip.id ?? 0,
    ttl: spec.ip.ttl ?? 64,
    df: spec.ip.df ?? true,
    payload: segment,
  });
  const eth = spec.eth ?? { src: macForIp(spec.ip.src), dst: macForIp(spec.ip.dst) };
  return encodeEthernet({ ...eth, etherType: ETHERTYPE_IPV4, payload: packet });
}

export function buildFrame(spec: FrameSpec): Dissection {
  return dissectAs(encodeFrame(spec), spec.app ?? null);
}

const PORT_APPS: Record<number, AppProtocol> = { 53: 'dns', 80: 'http', 8080: 'http', 443: 'tls' };

/**
 * Parses a frame back into layers. Without opts.app the application is
 * guessed from well-known ports (53 dns, 80/8080 http, 443 tls).
 * Pass the connection's HPACK decoder to decode HTTP/2 header blocks.
 */
export function dissect(bytes: Uint8Array, opts: { app?: AppProtocol; hpack?: HpackDecoder } = {}): Dissection {
  return dissectAs(bytes, opts.app, opts.hpack);
}

function describeApp(app: AppProtocol, bytes: Uint8Array, start: number, end: number, hpack?: HpackDecoder): Layer {
  switch (app) {
    case 'dns': return describeDns(bytes, start, end);
    case 'http': return describeHttp1(bytes, start, end);
    case 'http2': return describeHttp2(bytes, start, end, hpack);
    case 'tls': return describeTls(bytes, start, end);
    case 'websocket': return describeWebSocket(bytes, start, end);
  }
}

function dissectAs(bytes: Uint8Array, app: AppProtocol | null | undefined, hpack?: HpackDecoder): Dissection {
  const layers: Layer[] = [describeEthernet(bytes, 0)];
  const eth = decodeEthernet(bytes, 0);
  if (eth.etherType !== ETHERTYPE_IPV4) return { bytes, layers };
  const ipAt = ETHERNET_HEADER_LENGTH;
  const ip = decodeIpv4(bytes, ipAt);
  layers.push(describeIpv4(bytes, ipAt));
  const l4At = ipAt + ip.ihl * 4;
  const ipEnd = ipAt + ip.totalLength;
  const pair = { src: ip.src, dst: ip.dst };
  let payloadAt: number, payloadEnd: number, ports: [number, number];
  if (ip.protocol === IPPROTO_TCP) {
    const seg = decodeTcp(bytes, l4At, pair, ipEnd);
    layers.push(describeTcp(bytes, l4At, pair, ipEnd));
    payloadAt = l4At + seg.dataOffset * 4;
    payloadEnd = ipEnd;
    ports = [seg.srcPort, seg.dstPort];
  } else if (ip.protocol === IPPROTO_UDP) {
    const d = decodeUdp(bytes, l4At, pair, ipEnd);
    layers.push(describeUdp(bytes, l4At, pair, ipEnd));
    payloadAt = l4At + 8;
    payloadEnd = l4At + d.length;
    ports = [d.srcPort, d.dstPort];
  } else return { bytes, layers };
  if (payloadEnd <= payloadAt) return { bytes, layers };
  const chosen = app === undefined ? PORT_APPS[ports[1]] ?? PORT_APPS[ports[0]] : app;
  if (chosen) {
    try {
      layers.push(describeApp(chosen, bytes, payloadAt, payloadEnd, hpack));
    } catch (e) {
      layers.push({
        key: 'malformed',
        title: `Malformed ${chosen} payload`,
        offset: payloadAt,
        length: payloadEnd - payloadAt,
        fields: [field('_ws.malformed', 'Malformed', e instanceof Error ? e.message : String(e), payloadAt, payloadEnd - payloadAt, {
          meaning: t('규칙에 맞지 않아 해석할 수 없는 데이터', 'data that breaks the format rules and cannot be parsed'),
        })],
      });
    }
  } else {
    layers.push({
      key: 'data',
      title: `Data (${payloadEnd - payloadAt} bytes)`,
      offset: payloadAt,
      length: payloadEnd - payloadAt,
      fields: [field('data.data', 'Data', `${payloadEnd - payloadAt} bytes`, payloadAt, payloadEnd - payloadAt)],
    });
  }
  if (ipEnd < bytes.length) {
    layers.push({
      key: 'eth.trailer',
      title: 'Ethernet trailer',
      offset: ipEnd,
      length: bytes.length - ipEnd,
      fields: [field('eth.trailer', 'Trailer', `${bytes.length - ipEnd} bytes`, ipEnd, bytes.length - ipEnd)],
    });
  }
  return { bytes, layers };
}
