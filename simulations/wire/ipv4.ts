/** IPv4 header (RFC 791) with a correct header checksum. */
import { t } from '../core/text';
import { bytesToIpv4, concat, internetChecksum, ipv4ToBytes, view } from './bytes';
import { field, hex16, hex8, setOrNot, type Field, type Layer } from './fields';

export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;

/** Source and destination addresses, for pseudo-header checksums. */
export interface IpPair {
  src: string;
  dst: string;
}

export interface Ipv4Packet {
  src: string;
  dst: string;
  protocol: number;
  payload: Uint8Array;
  /** Differentiated Services code point, 6 bits. Default 0. */
  dscp?: number;
  /** Explicit Congestion Notification, 2 bits. Default 0. */
  ecn?: number;
  identification?: number;
  /** Don't Fragment. Default false. */
  df?: boolean;
  /** More Fragments. Default false. */
  mf?: boolean;
  /** In 8-byte units, 13 bits. Default 0. */
  fragmentOffset?: number;
  /** Default 64. */
  ttl?: number;
  /** Raw option bytes; must be a multiple of 4, at most 40. */
  options?: Uint8Array;
  /** Write this checksum instead of the correct one (to show a corrupted header). */
  checksum?: number;
}

export interface Ipv4Decoded extends Required<Omit<Ipv4Packet, 'checksum'>> {
  version: number;
  /** Header length in 32-bit words. */
  ihl: number;
  totalLength: number;
  checksum: number;
  /** The header (including the checksum field) sums to 0xFFFF. */
  checksumValid: boolean;
}

function checkRange(name: string, v: number, max: number): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new Error(`IPv4: ${name} ${v} out of range 0..${max}`);
  return v;
}

export function encodeIpv4(p: Ipv4Packet): Uint8Array {
  const options = p.options ?? new Uint8Array(0);
  if (options.length % 4 !== 0 || options.length > 40) throw new Error('IPv4: options must be a multiple of 4 bytes, at most 40');
  const headerLength = 20 + options.length;
  const totalLength = headerLength + p.payload.length;
  if (totalLength > 0xffff) throw new Error(`IPv4: total length ${totalLength} exceeds 65535`);
  const h = new Uint8Array(headerLength);
  const dv = view(h);
  h[0] = 0x40 | (headerLength / 4);
  h[1] = (checkRange('dscp', p.dscp ?? 0, 63) << 2) | checkRange('ecn', p.ecn ?? 0, 3);
  dv.setUint16(2, totalLength);
  dv.setUint16(4, checkRange('identification', p.identification ?? 0, 0xffff));
  const frag = checkRange('fragmentOffset', p.fragmentOffset ?? 0, 0x1fff);
  dv.setUint16(6, (p.df ? 0x4000 : 0) | (p.mf ? 0x2000 : 0) | frag);
  h[8] = checkRange('ttl', p.ttl ?? 64, 255);
  h[9] = checkRange('protocol', p.protocol, 255);
  h.set(ipv4ToBytes(p.src), 12);
  h.set(ipv4ToBytes(p.dst), 16);
  h.set(options, 20);
  dv.setUint16(10, p.checksum ?? internetChecksum(h));
  return concat(h, p.payload);
}

export function decodeIpv4(bytes: Uint8Array, offset = 0): Ipv4Decoded {
  if (offset + 20 > bytes.length) throw new Error('IPv4: fewer than 20 bytes');
  const dv = view(bytes);
  const version = bytes[offset] >> 4;
  const ihl = bytes[offset] & 0x0f;
  if (version !== 4) throw new Error(`IPv4: version is ${version}, not 4`);
  if (ihl < 5) throw new Error(`IPv4: header length ${ihl * 4} is below 20`);
  const headerLength = ihl * 4;
  const totalLength = dv.getUint16(offset + 2);
  if (totalLength < headerLength) throw new Error(`IPv4: total length ${totalLength} is below header length ${headerLength}`);
  if (offset + totalLength > bytes.length) throw new Error(`IPv4: total length ${totalLength} runs past the end of the data`);
  const flagsFrag = dv.getUint16(offset + 6);
  const header = bytes.subarray(offset, offset + headerLength);
  return {
    version,
    ihl,
    dscp: bytes[offset + 1] >> 2,
    ecn: bytes[offset + 1] & 3,
    totalLength,
    identification: dv.getUint16(offset + 4),
    df: (flagsFrag & 0x4000) !== 0,
    mf: (flagsFrag & 0x2000) !== 0,
    fragmentOffset: flagsFrag & 0x1fff,
    ttl: bytes[offset + 8],
    protocol: bytes[offset + 9],
    checksum: dv.getUint16(offset + 10),
    checksumValid: internetChecksum(header) === 0,
    src: bytesToIpv4(bytes, offset + 12),
    dst: bytesToIpv4(bytes, offset + 16),
    options: bytes.slice(offset + 20, offset + headerLength),
    payload: bytes.subarray(offset + headerLength, offset + totalLength),
  };
}

/** The 12-byte IPv4 pseudo-header that TCP and UDP checksums cover (RFC 793/768). */
export function ipv4PseudoHeader(src: string, dst: string, protocol: number, length: number): Uint8Array {
  const b = new Uint8Array(12);
  b.set(ipv4ToBytes(src), 0);
  b.set(ipv4ToBytes(dst), 4);
  b[9] = protocol;
  view(b).setUint16(10, length);
  return b;
}

export function protocolName(p: number): string {
  return p === IPPROTO_TCP ? 'TCP' : p === IPPROTO_UDP ? 'UDP' : p === IPPROTO_ICMP ? 'ICMP' : 'unknown';
}

export function describeIpv4(bytes: Uint8Array, offset = 0): Layer {
  const p = decodeIpv4(bytes, offset);
  const o = offset;
  const headerLength = p.ihl * 4;
  const flagsByte = bytes[o + 6];
  const flagChildren: Field[] = [
    field('ip.flags.rb', 'Reserved bit', setOrNot((flagsByte & 0x80) !== 0), o + 6, 1, {
      mask: 0x80,
      meaning: t('예약된 비트, 항상 0이어야 함', 'reserved, must be zero'),
    }),
    field('ip.flags.df', "Don't fragment", setOrNot(p.df), o + 6, 1, {
      mask: 0x40,
      meaning: t('조각내지 말라는 표시: 너무 크면 버리고 알려 달라는 뜻', 'do not split this packet; drop it and report if it is too big'),
    }),
    field('ip.flags.mf', 'More fragments', setOrNot(p.mf), o + 6, 1, {
      mask: 0x20,
      meaning: t('뒤에 조각이 더 있다는 표시', 'more fragments of this packet follow'),
    }),
  ];
  const fields: Field[] = [
    field('ip.version', 'Version', p.version, o, 1, { mask: 0xf0, meaning: t('IP 버전 (4)', 'IP version (4)') }),
    field('ip.hdr_len', 'Header Length', `${headerLength} bytes (${p.ihl})`, o, 1, {
      mask: 0x0f,
      meaning: t('헤더 길이, 4바이트 단위로 센 값', 'header length, counted in 4-byte words'),
    }),
    field('ip.dsfield', 'Differentiated Services Field', hex8(bytes[o + 1]), o + 1, 1, {
      meaning: t('서비스 품질과 혼잡 표시', 'quality of service and congestion marks'),
      children: [
        field('ip.dsfield.dscp', 'DSCP', p.dscp, o + 1, 1, {
          mask: 0xfc,
          meaning: t('트래픽 등급 (우선순위 힌트)', 'traffic class (a priority hint)'),
        }),
        field('ip.dsfield.ecn', 'ECN', p.ecn, o + 1, 1, {
          mask: 0x03,
          meaning: t('패킷을 버리는 대신 혼잡을 알리는 표시', 'signals congestion without dropping the packet'),
        }),
      ],
    }),
    field('ip.len', 'Total Length', p.totalLength, o + 2, 2, {
      meaning: t('헤더와 데이터를 합친 패킷 전체 길이', 'length of the whole packet, header plus data'),
    }),
    field('ip.id', 'Identification', `${hex16(p.identification)} (${p.identification})`, o + 4, 2, {
      meaning: t('조각난 패킷을 다시 맞출 때 쓰는 번호', 'number used to put fragments back together'),
    }),
    field('ip.flags', 'Flags', hex8(flagsByte & 0xe0), o + 6, 1, { mask: 0xe0, children: flagChildren }),
    field('ip.frag_offset', 'Fragment Offset', p.fragmentOffset, o + 6, 2, {
      mask: 0x1fff,
      meaning: t('이 조각이 원래 데이터의 어디에 들어가는지 (8바이트 단위)', 'where this fragment belongs in the original data (8-byte units)'),
    }),
    field('ip.ttl', 'Time to Live', p.ttl, o + 8, 1, {
      meaning: t('라우터를 하나 지날 때마다 1씩 줄고, 0이 되면 버려짐', 'decremented by each router; the packet is dropped at 0'),
    }),
    field('ip.proto', 'Protocol', `${protocolName(p.protocol)} (${p.protocol})`, o + 9, 1, {
      meaning: t('안에 실린 프로토콜 (6은 TCP, 17은 UDP)', 'protocol carried inside (6 is TCP, 17 is UDP)'),
    }),
    field('ip.checksum', 'Header Checksum', `${hex16(p.checksum)} [${p.checksumValid ? 'correct' : 'incorrect'}]`, o + 10, 2, {
      meaning: p.checksumValid
        ? t('헤더가 망가지지 않았는지 확인하는 값: 올바름', 'detects a damaged header: correct')
        : t('헤더가 망가지지 않았는지 확인하는 값: 틀림, 받는 쪽이 버림', 'detects a damaged header: wrong, the receiver drops it'),
    }),
    field('ip.src', 'Source Address', p.src, o + 12, 4, { meaning: t('보낸 호스트의 주소', 'address of the sending host') }),
    field('ip.dst', 'Destination Address', p.dst, o + 16, 4, { meaning: t('받을 호스트의 주소', 'address of the receiving host') }),
  ];
  if (p.options.length) {
    fields.push(field('ip.options', 'Options', `${p.options.length} bytes`, o + 20, p.options.length));
  }
  return {
    key: 'ip',
    title: `Internet Protocol Version 4, Src: ${p.src}, Dst: ${p.dst}`,
    offset,
    length: headerLength,
    fields,
  };
}
