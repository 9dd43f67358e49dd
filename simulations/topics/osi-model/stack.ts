/**
 * The two layer models as data: the OSI reference model's seven layers (ISO/IEC 7498-1)
 * and the four layers RFC 1122 §1.1.3 names for the Internet suite, each with the OSI
 * layers it covers, its PDU, its addresses and its usual devices.
 */
import type { Text } from '../../core/text';
import type { StackLayer } from '../../figures/layers';

const T = (ko: string, en: string): Text => ({ ko, en });

export const PDU = {
  data: T('데이터', 'data'),
  message: T('메시지', 'message'),
  segment: T('세그먼트', 'segment'),
  packet: T('패킷', 'packet'),
  frame: T('프레임', 'frame'),
  bits: T('비트', 'bits'),
} as const;

/** OSI layers, top (7) first. */
export const OSI_LAYERS: readonly StackLayer[] = [
  { key: 'osi-7', osi: [7], name: T('7 응용 계층', '7 Application'), pdu: PDU.data, examples: 'HTTP, DNS, SMTP' },
  { key: 'osi-6', osi: [6], name: T('6 표현 계층', '6 Presentation'), pdu: PDU.data, examples: 'UTF-8, JPEG, gzip' },
  { key: 'osi-5', osi: [5], name: T('5 세션 계층', '5 Session'), pdu: PDU.data, examples: 'ISO 8327' },
  { key: 'osi-4', osi: [4], name: T('4 전송 계층', '4 Transport'), pdu: PDU.segment, address: T('포트', 'port'), examples: 'TCP, UDP' },
  { key: 'osi-3', osi: [3], name: T('3 네트워크 계층', '3 Network'), pdu: PDU.packet, address: T('IP 주소', 'IP address'), examples: 'IPv4, IPv6', devices: T('라우터', 'routers') },
  { key: 'osi-2', osi: [2], name: T('2 데이터 링크 계층', '2 Data link'), pdu: PDU.frame, address: T('MAC 주소', 'MAC address'), examples: 'Ethernet, 802.11', devices: T('스위치, 브리지', 'switches, bridges') },
  { key: 'osi-1', osi: [1], name: T('1 물리 계층', '1 Physical'), pdu: PDU.bits, examples: '1000BASE-T', devices: T('허브, 리피터, 케이블', 'hubs, repeaters, cables') },
];

export const osiKey = (n: number): string => `osi-${n}`;
/** The OSI layers from `low` to `high`, as keys. */
export const osiRange = (low: number, high: number): string[] => Array.from({ length: high - low + 1 }, (_, i) => osiKey(high - i));

/** A device's stack: the layers it works up to (a switch to 2, a router to 3). */
export const stackUpTo = (top: number): StackLayer[] => OSI_LAYERS.filter((l) => l.osi[0] <= top);

export type TcpIpLayer = 'application' | 'transport' | 'internet' | 'link';

/** The Internet suite's four layers (RFC 1122 §1.1.3), top first, with their devices. */
export const TCPIP_LAYERS: readonly (StackLayer & { id: TcpIpLayer; devices: Text })[] = [
  {
    id: 'application',
    key: 'tcpip-application',
    osi: [5, 6, 7],
    name: T('응용 계층 (Application)', 'Application layer'),
    pdu: PDU.message,
    examples: 'HTTP, DNS, TLS',
    devices: T('호스트, 프록시 (L7 로드 밸런서)', 'hosts, proxies (L7 load balancers)'),
  },
  {
    id: 'transport',
    key: 'tcpip-transport',
    osi: [4],
    name: T('전송 계층 (Transport)', 'Transport layer'),
    pdu: T('세그먼트 (UDP: 데이터그램)', 'segment (UDP: datagram)'),
    address: T('포트', 'port'),
    examples: 'TCP, UDP',
    devices: T('호스트 (종단 간: 중간 장비는 보지 않음)', 'hosts (end to end: devices in between do not look)'),
  },
  {
    id: 'internet',
    key: 'tcpip-internet',
    osi: [3],
    name: T('인터넷 계층 (Internet)', 'Internet layer'),
    pdu: PDU.packet,
    address: T('IP 주소', 'IP address'),
    examples: 'IPv4, IPv6, ICMP',
    devices: T('라우터 (RFC 1122의 "게이트웨이")', 'routers (RFC 1122\'s "gateways")'),
  },
  {
    id: 'link',
    key: 'tcpip-link',
    osi: [1, 2],
    name: T('링크 계층 (Link)', 'Link layer'),
    pdu: PDU.frame,
    address: T('MAC 주소', 'MAC address'),
    examples: 'Ethernet, 802.11, ARP',
    devices: T('스위치, 브리지 (물리: 허브, 리피터)', 'switches, bridges (physical: hubs, repeaters)'),
  },
];
