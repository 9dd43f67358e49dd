/** UDP header (RFC 768) with the IPv4 pseudo-header checksum. */
import { t } from '../core/text';
import { concat, internetChecksum, view } from './bytes';
import { field, hex16, type Layer } from './fields';
import { IPPROTO_UDP, ipv4PseudoHeader, type IpPair } from './ipv4';

export interface UdpHeader {
  srcPort: number;
  dstPort: number;
  /**
   * Write this checksum instead of the computed one; 0 means "no checksum"
   * (allowed over IPv4).
   */
  checksum?: number;
}

export interface UdpDecoded {
  srcPort: number;
  dstPort: number;
  length: number;
  checksum: number;
  /** undefined when the addresses were not given or the checksum is 0 (absent). */
  checksumValid?: boolean;
  payload: Uint8Array;
}

/**
 * The checksum as sent: the one's complement of the sum over pseudo-header,
 * header and data; a computed 0 is sent as 0xFFFF because 0 means "none".
 */
export function udpChecksum(datagram: Uint8Array, ip: IpPair): number {
  const c = internetChecksum(concat(ipv4PseudoHeader(ip.src, ip.dst, IPPROTO_UDP, datagram.length), datagram));
  return c === 0 ? 0xffff : c;
}

export function encodeUdp(h: UdpHeader, payload: Uint8Array, ip: IpPair): Uint8Array {
  const length = 8 + payload.length;
  if (length > 0xffff) throw new Error(`UDP: length ${length} exceeds 65535`);
  for (const [n, v] of [['source port', h.srcPort], ['destination port', h.dstPort]] as const) {
    if (!Number.isInteger(v) || v < 0 || v > 0xffff) throw new Error(`UDP: ${n} ${v} out of range`);
  }
  const d = new Uint8Array(length);
  const dv = view(d);
  dv.setUint16(0, h.srcPort);
  dv.setUint16(2, h.dstPort);
  dv.setUint16(4, length);
  d.set(payload, 8);
  dv.setUint16(6, h.checksum ?? udpChecksum(d, ip));
  return d;
}

/** Decodes the datagram at offset; the UDP length field bounds the payload. */
export function decodeUdp(bytes: Uint8Array, offset = 0, ip?: IpPair, end = bytes.length): UdpDecoded {
  if (offset + 8 > end) throw new Error('UDP: fewer than 8 bytes');
  const dv = view(bytes);
  const length = dv.getUint16(offset + 4);
  if (length < 8) throw new Error(`UDP: length ${length} is below 8`);
  if (offset + length > end) throw new Error(`UDP: length ${length} runs past the end of the data`);
  const checksum = dv.getUint16(offset + 6);
  const decoded: UdpDecoded = {
    srcPort: dv.getUint16(offset),
    dstPort: dv.getUint16(offset + 2),
    length,
    checksum,
    payload: bytes.subarray(offset + 8, offset + length),
  };
  if (ip && checksum !== 0) {
    const datagram = bytes.subarray(offset, offset + length);
    decoded.checksumValid =
      internetChecksum(concat(ipv4PseudoHeader(ip.src, ip.dst, IPPROTO_UDP, length), datagram)) === 0;
  }
  return decoded;
}

export function describeUdp(bytes: Uint8Array, offset: number, ip?: IpPair, end = bytes.length): Layer {
  const u = decodeUdp(bytes, offset, ip, end);
  const status = u.checksum === 0 ? ' [none]' : u.checksumValid === undefined ? '' : u.checksumValid ? ' [correct]' : ' [incorrect]';
  return {
    key: 'udp',
    title: `User Datagram Protocol, Src Port: ${u.srcPort}, Dst Port: ${u.dstPort}`,
    offset,
    length: 8,
    fields: [
      field('udp.srcport', 'Source Port', u.srcPort, offset, 2, { meaning: t('보내는 쪽 프로그램의 포트 번호', 'port of the sending program') }),
      field('udp.dstport', 'Destination Port', u.dstPort, offset + 2, 2, { meaning: t('받는 쪽 프로그램의 포트 번호', 'port of the receiving program') }),
      field('udp.length', 'Length', u.length, offset + 4, 2, { meaning: t('UDP 헤더 8바이트와 데이터를 합친 길이', 'length of the 8-byte header plus data') }),
      field('udp.checksum', 'Checksum', hex16(u.checksum) + status, offset + 6, 2, {
        meaning: t('가상 헤더와 데이터그램 전체로 계산한 검사값 (0이면 검사 안 함)', 'check value over a pseudo-header and the datagram (0 means none)'),
      }),
    ],
  };
}
