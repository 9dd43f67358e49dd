/**
 * Where things are drawn on the ports-sockets stage (percent of a 16:9 stage) and what
 * they look like: client hosts and their sockets, the server host with its NIC, process and
 * sockets, packets on their way, and the server's socket table as a counters panel.
 */
import { round } from '../../core/round';
import type { Text } from '../../core/text';
import type { CountersEntity, NodeEntity, PacketEntity, PacketRef } from '../../core/timeline';
import { flagNames } from '../../tcp/segment';
import { addrText, type SocketEntry } from './table';
import { LISTEN_FD, SERVER_IP, SERVICE_PORT, type Moment, type Packet, type WorldResult } from './world';

const T = (ko: string, en: string): Text => ({ ko, en });

/** Packet label: flags and seq exactly as the bytes say (the capture test reads it). */
export function packetLabel(p: Packet): string {
  if (p.kind === 'tcp') {
    const s = p.seg!;
    return `${flagNames(s.flags)} seq=${s.seq}`;
  }
  if (p.kind === 'udp') return `UDP :${p.src.port}→:${p.dst.port}`;
  return 'ICMP port unreachable';
}

/** Chip text on the stage: the flags (TCP) or the protocol; the full label is the tooltip. */
export function packetChip(p: Packet): string {
  if (p.kind === 'tcp') return flagNames(p.seg!.flags);
  return p.kind === 'udp' ? 'UDP' : 'ICMP';
}

function packetRef(p: Packet): PacketRef | undefined {
  if (p.kind === 'tcp') return { proto: 'tcp', fields: { src: p.src.ip, dst: p.dst.ip, seg: p.seg!, t: p.sentAt } };
  if (p.kind === 'udp') return { proto: 'udp', fields: { src: p.src.ip, dst: p.dst.ip, srcPort: p.src.port, dstPort: p.dst.port, data: p.data, t: p.sentAt } };
  return undefined;
}

function tone(p: Packet): PacketEntity['tone'] {
  if (p.kind === 'icmp' || p.seg?.flags.rst) return 'stale';
  if (p.kind === 'udp') return 'udp';
  if (p.seg!.data.length > 0) return 'data';
  if (p.seg!.flags.syn) return 'tcp';
  return 'ack';
}

// Packets are wide (a 32-bit seq in the label), so the NIC sits well right of the clients:
// a packet halfway along a client's link covers neither the client's socket nor the NIC.
const CLIENT = { x: 1, w: 26, sockX: 14, sockW: 12, sockH: 8.5 };
const HOST = { x: 33, y: 2, w: 66, h: 96 };
const NIC = { x: 42, y: 42, w: 13, h: 16 };
const PROC = { x: 58, y: 10, w: 40, h: 86 };
const SOCK = { x: 60, w: 36, h: 8.5, listenY: 19, firstY: 30, pitch: 10 };

function clientBox(n: number, count: number): { y: number; h: number } {
  const slot = Math.min(22, 96 / count);
  const top = 50 - (slot * count) / 2;
  const h = slot - 2;
  return { y: round(top + slot * (n - 1) + 1), h: round(h) };
}

export function tableEntity(rows: SocketEntry[]): CountersEntity {
  return {
    kind: 'counters',
    id: 'table',
    title: T(`서버 ${SERVER_IP}의 소켓 테이블`, `Socket table of the server ${SERVER_IP}`),
    columns: [T('프로토콜', 'proto'), T('로컬', 'local'), T('원격', 'remote'), T('상태', 'state'), T('소유', 'owner')],
    rows: rows.map((e) => ({
      label: e.fd !== undefined ? T(`fd ${e.fd}`, `fd ${e.fd}`) : T('SYN 큐', 'SYN queue'),
      values: [e.proto.toUpperCase(), addrText(e.local), addrText(e.remote), e.state, e.owner ?? '—'],
    })),
  };
}

export function nodes(res: WorldResult, m: Moment, hot: Set<string>): NodeEntity[] {
  const out: NodeEntity[] = [];
  const hi = (n: NodeEntity): NodeEntity => (hot.has(n.id) ? { ...n, highlight: true } : n);
  for (let n = 1; n <= res.clients; n++) {
    const box = clientBox(n, res.clients);
    out.push(hi({ kind: 'node', id: `c${n}`, label: T(`클라이언트 ${n}`, `client ${n}`), sublabel: `192.0.2.${10 + n}`, x: CLIENT.x, y: box.y, w: CLIENT.w, h: box.h, role: 'client' }));
    const s = m.clients[n - 1];
    if (s) {
      const sh = Math.min(CLIENT.sockH, box.h - 2);
      out.push(
        hi({
          kind: 'node',
          id: s.id,
          label: T(`:${s.port}→:${s.dstPort}`, `:${s.port}→:${s.dstPort}`),
          sublabel: res.protocol === 'tcp' || s.state === 'CLOSED' ? s.state : 'UDP',
          x: CLIENT.sockX,
          y: round(box.y + (box.h - sh) / 2),
          w: CLIENT.sockW,
          h: sh,
          role: 'socket',
          parent: `c${n}`,
        }),
      );
    }
  }
  out.push({ kind: 'node', id: 'host', label: T('서버 호스트', 'server host'), x: HOST.x, y: HOST.y, w: HOST.w, h: HOST.h, role: 'host' });
  out.push(hi({ kind: 'node', id: 'nic', label: T('NIC', 'NIC'), sublabel: SERVER_IP, x: NIC.x, y: NIC.y, w: NIC.w, h: NIC.h, role: 'nic', parent: 'host' }));
  const procLabel = res.protocol === 'tcp' ? T(`웹 서버 (pid ${res.pid})`, `web server (pid ${res.pid})`) : T(`에코 서버 (pid ${res.pid})`, `echo server (pid ${res.pid})`);
  out.push({ kind: 'node', id: 'proc', label: procLabel, x: PROC.x, y: PROC.y, w: PROC.w, h: PROC.h, role: 'process', parent: 'host' });
  const svc = SERVICE_PORT[res.protocol];
  for (const e of m.server) {
    if (e.id === 'listen') {
      out.push(hi({ kind: 'node', id: 'listen', label: T(`fd ${LISTEN_FD} · *:${svc}`, `fd ${LISTEN_FD} · *:${svc}`), sublabel: 'LISTEN', x: SOCK.x, y: SOCK.listenY, w: SOCK.w, h: SOCK.h, role: 'listen-socket', parent: 'proc' }));
    } else if (e.id === 'udp-sock') {
      out.push(hi({ kind: 'node', id: 'udp-sock', label: T(`fd ${LISTEN_FD} · *:${svc}`, `fd ${LISTEN_FD} · *:${svc}`), sublabel: 'UDP · UNCONN', x: SOCK.x, y: 45, w: SOCK.w, h: 9, role: 'socket', parent: 'proc' }));
    } else if (e.fd !== undefined) {
      // A connected socket: drawn once accept() has handed it to the process.
      const k = e.fd - LISTEN_FD - 1;
      out.push(
        hi({
          kind: 'node',
          id: e.id,
          label: T(`fd ${e.fd} · ${e.state}`, `fd ${e.fd} · ${e.state}`),
          // The table panel has the whole 4-tuple; the box names only what differs: the peer.
          sublabel: `↔ ${addrText(e.remote)}`,
          x: SOCK.x,
          y: SOCK.firstY + SOCK.pitch * k,
          w: SOCK.w,
          h: SOCK.h,
          role: 'socket',
          parent: 'proc',
        }),
      );
    }
  }
  return out;
}

export function packetEntities(res: WorldResult, m: Moment): PacketEntity[] {
  const out: PacketEntity[] = [];
  const clientSock = (p: Packet) => {
    if (p.toNode) return p.toNode;
    const s = m.clients[p.client - 1];
    return s && (p.kind === 'icmp' || s.port === p.dst.port) ? s.id : `c${p.client}`;
  };
  for (const p of res.packets) {
    if (p.sentAt > m.t || p.arriveAt < m.t) continue;
    const f = (m.t - p.sentAt) / (p.arriveAt - p.sentAt);
    let from: string, to: string, progress: number;
    let status: PacketEntity['status'] = 'flight';
    if (p.arriveAt === m.t) {
      status = 'delivered';
      progress = 1;
      if (p.toServer) {
        from = p.toNode === 'nic' ? p.fromNode : 'nic';
        to = p.toNode!;
      } else {
        from = 'nic';
        to = clientSock(p);
      }
    } else if (p.toServer) {
      // On the wire: kept clear of both ends so that neither label is hidden.
      from = p.fromNode;
      to = 'nic';
      progress = Math.min(0.6, Math.max(0.45, f));
    } else if (p.sentAt === m.t && p.fromNode !== 'nic') {
      // Just written by a server socket: on its way to the NIC.
      from = p.fromNode;
      to = 'nic';
      progress = 0.55;
    } else {
      from = 'nic';
      to = clientSock(p);
      progress = Math.min(0.6, Math.max(0.4, f));
    }
    const e: PacketEntity = { kind: 'packet', id: p.id, from, to, progress, label: packetLabel(p), chip: packetChip(p), status, tone: tone(p) };
    const ref = packetRef(p);
    if (ref) e.packet = ref;
    out.push(e);
  }
  // Packets on the same path at the same point would hide each other: queue them up.
  const seen = new Map<string, number>();
  for (const e of out) {
    const k = `${e.from}>${e.to}@${e.progress}`;
    const i = seen.get(k) ?? 0;
    seen.set(k, i + 1);
    e.progress = round(Math.max(0.05, e.progress - 0.14 * i));
  }
  return out;
}
