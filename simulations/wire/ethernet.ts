/** Ethernet II framing: destination MAC, source MAC, EtherType, payload. */
import { t } from '../core/text';
import { concat, view } from './bytes';
import { field, hex16, type Layer } from './fields';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const ETHERTYPE_IPV6 = 0x86dd;
export const ETHERNET_HEADER_LENGTH = 14;

export interface EthernetFrame {
  /** 'aa:bb:cc:dd:ee:ff' */
  dst: string;
  src: string;
  etherType: number;
  payload: Uint8Array;
}

export function macToBytes(mac: string): Uint8Array {
  const parts = mac.split(/[:-]/);
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p))) {
    throw new Error(`invalid MAC address ${JSON.stringify(mac)}`);
  }
  return Uint8Array.from(parts, (p) => parseInt(p, 16));
}

export function bytesToMac(b: Uint8Array, offset = 0): string {
  if (offset + 6 > b.length) throw new Error('bytesToMac: out of bounds');
  return Array.from(b.subarray(offset, offset + 6), (x) => x.toString(16).padStart(2, '0')).join(':');
}

export function encodeEthernet(f: EthernetFrame): Uint8Array {
  const header = new Uint8Array(ETHERNET_HEADER_LENGTH);
  header.set(macToBytes(f.dst), 0);
  header.set(macToBytes(f.src), 6);
  view(header).setUint16(12, f.etherType);
  return concat(header, f.payload);
}

/** The payload runs to the end of `bytes` (any trailer/padding included). */
export function decodeEthernet(bytes: Uint8Array, offset = 0): EthernetFrame {
  if (offset + ETHERNET_HEADER_LENGTH > bytes.length) throw new Error('Ethernet: frame shorter than 14 bytes');
  return {
    dst: bytesToMac(bytes, offset),
    src: bytesToMac(bytes, offset + 6),
    etherType: view(bytes).getUint16(offset + 12),
    payload: bytes.subarray(offset + ETHERNET_HEADER_LENGTH),
  };
}

function etherTypeName(t: number): string {
  return t === ETHERTYPE_IPV4 ? 'IPv4' : t === ETHERTYPE_IPV6 ? 'IPv6' : t === ETHERTYPE_ARP ? 'ARP' : 'unknown';
}

export function describeEthernet(bytes: Uint8Array, offset = 0): Layer {
  const f = decodeEthernet(bytes, offset);
  return {
    key: 'eth',
    title: `Ethernet II, Src: ${f.src}, Dst: ${f.dst}`,
    offset,
    length: ETHERNET_HEADER_LENGTH,
    fields: [
      field('eth.dst', 'Destination', f.dst, offset, 6, {
        meaning: t('이 프레임을 받을 다음 장비의 MAC 주소', 'MAC address of the next device that should take this frame'),
      }),
      field('eth.src', 'Source', f.src, offset + 6, 6, {
        meaning: t('이 프레임을 보낸 장비의 MAC 주소', 'MAC address of the device that sent this frame'),
      }),
      field('eth.type', 'Type', `${etherTypeName(f.etherType)} (${hex16(f.etherType)})`, offset + 12, 2, {
        meaning: t('안에 실린 프로토콜의 종류 (0x0800이면 IPv4)', 'which protocol is carried inside (0x0800 means IPv4)'),
      }),
    ],
  };
}
