/**
 * ARP (RFC 826) for IPv4 over Ethernet: the 28-byte request/reply body, and whole
 * Ethernet II frames carrying it (EtherType 0x0806), padded to the 60-byte minimum
 * (IEEE 802.3: 64 bytes with the 4-byte FCS, which captures leave out).
 */
import { t } from '../core/text';
import { bytesToIpv4, concat, ipv4ToBytes, view } from './bytes';
import { bytesToMac, decodeEthernet, describeEthernet, encodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP, macToBytes } from './ethernet';
import { field, hex16, type Dissection, type Layer } from './fields';

export const ARP_LENGTH = 28;
export const ARP_HTYPE_ETHERNET = 1;
export const ARP_PTYPE_IPV4 = 0x0800;
export const ARP_OP_REQUEST = 1;
export const ARP_OP_REPLY = 2;
export const BROADCAST_MAC = 'ff:ff:ff:ff:ff:ff';
/** Ethernet frames are at least 60 bytes before the FCS; shorter payloads are padded with zeros. */
export const MIN_FRAME_LENGTH = 60;

export interface ArpPacket {
  op: 'request' | 'reply';
  senderMac: string;
  senderIp: string;
  /** In a request: unknown, sent as 00:00:00:00:00:00. */
  targetMac: string;
  targetIp: string;
}

export function encodeArp(p: ArpPacket): Uint8Array {
  const b = new Uint8Array(ARP_LENGTH);
  const v = view(b);
  v.setUint16(0, ARP_HTYPE_ETHERNET);
  v.setUint16(2, ARP_PTYPE_IPV4);
  b[4] = 6; // hardware address length
  b[5] = 4; // protocol address length
  v.setUint16(6, p.op === 'request' ? ARP_OP_REQUEST : ARP_OP_REPLY);
  b.set(macToBytes(p.senderMac), 8);
  b.set(ipv4ToBytes(p.senderIp), 14);
  b.set(macToBytes(p.targetMac), 18);
  b.set(ipv4ToBytes(p.targetIp), 24);
  return b;
}

export function decodeArp(bytes: Uint8Array, offset = 0): ArpPacket {
  if (offset + ARP_LENGTH > bytes.length) throw new Error('ARP: fewer than 28 bytes');
  const v = view(bytes);
  const htype = v.getUint16(offset);
  const ptype = v.getUint16(offset + 2);
  if (htype !== ARP_HTYPE_ETHERNET || ptype !== ARP_PTYPE_IPV4 || bytes[offset + 4] !== 6 || bytes[offset + 5] !== 4) {
    throw new Error('ARP: only Ethernet/IPv4 is supported');
  }
  const op = v.getUint16(offset + 6);
  if (op !== ARP_OP_REQUEST && op !== ARP_OP_REPLY) throw new Error(`ARP: unknown opcode ${op}`);
  return {
    op: op === ARP_OP_REQUEST ? 'request' : 'reply',
    senderMac: bytesToMac(bytes, offset + 8),
    senderIp: bytesToIpv4(bytes, offset + 14),
    targetMac: bytesToMac(bytes, offset + 18),
    targetIp: bytesToIpv4(bytes, offset + 24),
  };
}

/**
 * An ARP packet in an Ethernet frame. A request goes to the broadcast address, a reply
 * straight to the asker (RFC 826, "Packet Reception"). Padded to 60 bytes.
 */
export function encodeArpFrame(p: ArpPacket, eth?: { src: string; dst: string }): Uint8Array {
  const e = eth ?? { src: p.senderMac, dst: p.op === 'request' ? BROADCAST_MAC : p.targetMac };
  const frame = encodeEthernet({ ...e, etherType: ETHERTYPE_ARP, payload: encodeArp(p) });
  return frame.length >= MIN_FRAME_LENGTH ? frame : concat(frame, new Uint8Array(MIN_FRAME_LENGTH - frame.length));
}

export function describeArp(bytes: Uint8Array, offset = 0): Layer {
  const p = decodeArp(bytes, offset);
  const o = offset;
  const req = p.op === 'request';
  return {
    key: 'arp',
    title: `Address Resolution Protocol (${p.op})`,
    offset,
    length: ARP_LENGTH,
    fields: [
      field('arp.hw.type', 'Hardware type', 'Ethernet (1)', o, 2, { meaning: t('하드웨어 주소의 종류: 이더넷', 'kind of hardware address: Ethernet') }),
      field('arp.proto.type', 'Protocol type', `IPv4 (${hex16(ARP_PTYPE_IPV4)})`, o + 2, 2, { meaning: t('알아내려는 주소의 종류: IPv4', 'kind of address being resolved: IPv4') }),
      field('arp.hw.size', 'Hardware size', 6, o + 4, 1, { meaning: t('MAC 주소 길이 (6바이트)', 'MAC address length (6 bytes)') }),
      field('arp.proto.size', 'Protocol size', 4, o + 5, 1, { meaning: t('IPv4 주소 길이 (4바이트)', 'IPv4 address length (4 bytes)') }),
      field('arp.opcode', 'Opcode', `${p.op} (${req ? 1 : 2})`, o + 6, 2, {
        meaning: req ? t('요청: 이 IP를 가진 장비는 MAC을 알려 달라', 'request: whoever has this IP, tell me your MAC') : t('응답: 그 IP의 MAC은 이것이다', 'reply: that IP is at this MAC'),
      }),
      field('arp.src.hw_mac', 'Sender MAC address', p.senderMac, o + 8, 6, { meaning: t('보낸 장비의 MAC 주소', 'MAC address of the sender') }),
      field('arp.src.proto_ipv4', 'Sender IP address', p.senderIp, o + 14, 4, { meaning: t('보낸 장비의 IP 주소', 'IP address of the sender') }),
      field('arp.dst.hw_mac', 'Target MAC address', p.targetMac, o + 18, 6, {
        meaning: req ? t('아직 모르는 값: 0으로 채움', 'not known yet: all zeros') : t('요청했던 장비의 MAC 주소', 'MAC address of the asker'),
      }),
      field('arp.dst.proto_ipv4', 'Target IP address', p.targetIp, o + 24, 4, { meaning: t('MAC을 알고 싶은 IP 주소', 'IP address whose MAC is wanted') }),
    ],
  };
}

/** Ethernet + ARP (+ padding) as layers, for the inspector. */
export function dissectArpFrame(bytes: Uint8Array): Dissection {
  const eth = decodeEthernet(bytes, 0);
  if (eth.etherType !== ETHERTYPE_ARP) throw new Error('not an ARP frame');
  const layers: Layer[] = [describeEthernet(bytes, 0), describeArp(bytes, ETHERNET_HEADER_LENGTH)];
  const end = ETHERNET_HEADER_LENGTH + ARP_LENGTH;
  if (bytes.length > end) {
    layers.push({
      key: 'eth.padding',
      title: 'Padding',
      offset: end,
      length: bytes.length - end,
      fields: [
        field('eth.padding', 'Padding', `${bytes.length - end} bytes`, end, bytes.length - end, {
          meaning: t('이더넷 최소 길이(60바이트)를 채우는 0', 'zeros filling the frame up to the 60-byte Ethernet minimum'),
        }),
      ],
    });
  }
  return { bytes, layers };
}
