/** The fixed parts of the osi-model picture: boxes, links, layer stacks and device tables. */
import type { Text } from '../../core/text';
import type { CountersEntity, LinkEntity, NodeEntity } from '../../core/timeline';
import type { HeaderBox, LayersEntity } from '../../figures/layers';
import { NET } from './encap';
import { routeText, type Route } from './routes';
import { OSI_LAYERS, osiRange, PDU, stackUpTo } from './stack';

const T = (ko: string, en: string): Text => ({ ko, en });
export type Device = 'switch' | 'router';

export const NODES: readonly NodeEntity[] = [
  { kind: 'node', id: 'A', label: T('호스트 A (클라이언트)', 'Host A (client)'), sublabel: NET.a.ip, x: 1, y: 36, w: 17, h: 22, role: 'client' },
  { kind: 'node', id: 'SW', label: T('스위치', 'Switch'), sublabel: 'L2', x: 27, y: 38, w: 12, h: 18, role: 'switch' },
  { kind: 'node', id: 'C', label: T('호스트 C', 'Host C'), sublabel: NET.c.ip, x: 26, y: 76, w: 14, h: 18, role: 'host' },
  { kind: 'node', id: 'R', label: T('라우터', 'Router'), sublabel: 'L3', x: 52, y: 38, w: 12, h: 18, role: 'router' },
  { kind: 'node', id: 'B', label: T('호스트 B (서버)', 'Host B (server)'), sublabel: NET.b.ip, x: 80, y: 36, w: 19, h: 22, role: 'server' },
];

export const LINK_ENTITIES: readonly LinkEntity[] = [
  { kind: 'link', id: 'l-a-sw', a: 'A', b: 'SW', label: T('포트 1', 'port 1') },
  { kind: 'link', id: 'l-sw-r', a: 'SW', b: 'R', label: T('포트 2 · eth0', 'port 2 · eth0') },
  { kind: 'link', id: 'l-sw-c', a: 'SW', b: 'C', label: T('포트 3', 'port 3') },
  { kind: 'link', id: 'l-r-b', a: 'R', b: 'B', label: T('eth1 · 198.51.100.0/24', 'eth1 · 198.51.100.0/24') },
];

export interface StackView {
  active: string[];
  direction: LayersEntity['direction'];
  headers: HeaderBox[];
  pdu?: Text;
}
export const IDLE: StackView = { active: [], direction: 'idle', headers: [] };

export function hostStack(id: 'A' | 'B', v: StackView): LayersEntity {
  const host = id === 'A' ? NET.a : NET.b;
  return {
    kind: 'layers',
    id: `stack-${id}`,
    title: id === 'A' ? T('호스트 A의 스택 (보내는 쪽)', "Host A's stack (sender)") : T('호스트 B의 스택 (받는 쪽)', "Host B's stack (receiver)"),
    sublabel: `${host.ip} · ${host.mac}`,
    model: 'osi',
    layers: [...OSI_LAYERS],
    ...v,
  };
}

export function deviceStack(d: Device, v: StackView): LayersEntity {
  return {
    kind: 'layers',
    id: 'stack-dev',
    title: d === 'switch' ? T('스위치: 1–2계층까지', 'Switch: up to layer 2') : T('라우터: 1–3계층까지', 'Router: up to layer 3'),
    sublabel: d === 'switch' ? 'IEEE 802.1D' : 'RFC 1812',
    model: 'osi',
    layers: stackUpTo(d === 'switch' ? 2 : 3),
    ...v,
  };
}

export const ACTIVE = {
  app: osiRange(5, 7),
  transport: ['osi-4'],
  network: ['osi-3'],
  link: ['osi-2'],
  physical: ['osi-1'],
  l12: osiRange(1, 2),
  l13: osiRange(1, 3),
} as const;

export const PDU_AT = { app: PDU.data, transport: PDU.segment, network: PDU.packet, link: PDU.frame, physical: PDU.bits } as const;

export function macTable(table: readonly { mac: string; port: number }[]): CountersEntity {
  return {
    kind: 'counters',
    id: 'mac-table',
    title: T('스위치의 MAC 테이블', "The switch's MAC table"),
    columns: [T('포트', 'Port')],
    rows: table.length ? table.map((e) => ({ label: T(e.mac, e.mac), values: [String(e.port)] })) : [{ label: T('(비어 있음)', '(empty)'), values: ['—'] }],
  };
}

export function routeTable(routes: readonly Route[], chosen?: Route): CountersEntity {
  return {
    kind: 'counters',
    id: 'route-table',
    title: T('라우터의 라우팅 테이블', "The router's routing table"),
    columns: [T('다음 홉', 'Next hop'), T('인터페이스', 'Interface'), T('선택', 'Chosen')],
    rows: routes.map((r) => ({
      label: T(routeText(r), routeText(r)),
      values: [r.via ?? '—', r.iface === 0 ? 'eth0' : 'eth1', chosen && routeText(chosen) === routeText(r) ? '✓' : ''],
    })),
  };
}

export function arpCache(id: string, title: Text, cache: Readonly<Record<string, string>>): CountersEntity {
  const rows = Object.entries(cache).map(([ip, mac]) => ({ label: T(ip, ip), values: [mac] }));
  return { kind: 'counters', id, title, columns: [T('MAC', 'MAC')], rows: rows.length ? rows : [{ label: T('(비어 있음)', '(empty)'), values: ['—'] }] };
}
