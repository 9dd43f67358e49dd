/**
 * A host's socket table and the demultiplexing lookup a kernel does for every
 * arriving TCP segment or UDP datagram. Pure functions over plain data.
 *
 * TCP (RFC 9293 §3.10.7, as BSD and Linux implement it):
 *   1. an exact 4-tuple match (src IP, src port, dst IP, dst port) with a connection
 *      (half-open or established) wins;
 *   2. otherwise a listening socket bound to (dst IP or the wildcard 0.0.0.0, dst port),
 *      a specific address preferred over the wildcard;
 *   3. otherwise there is no socket: the answer is a RST.
 * UDP (RFC 768; Linux's scoring): sockets bound to (dst IP or wildcard, dst port);
 *   a connected UDP socket only matches datagrams from its peer and is preferred;
 *   no socket: ICMP port unreachable (RFC 1122 §4.1.3.1, RFC 792).
 */
import { seqAdd } from '../../tcp/seq';
import { flags, segLen, type Segment } from '../../tcp/segment';

export type Proto = 'tcp' | 'udp';
export const WILDCARD = '0.0.0.0';

export interface Addr {
  ip: string;
  port: number;
}

export interface SocketEntry {
  /** Stable id (also the diagram node id of the socket, when it has one). */
  id: string;
  proto: Proto;
  /** Local address; ip WILDCARD = any address of this host. */
  local: Addr;
  /** The peer, for connections (and connected UDP sockets). */
  remote?: Addr;
  /** LISTEN, SYN-SENT, SYN-RECEIVED, ESTABLISHED… for TCP; UNCONN / ESTAB for UDP (as `ss` shows them). */
  state: string;
  /** Process that holds a descriptor for it (none yet for a connection still in the listener's queue). */
  owner?: string;
  fd?: number;
}

/** Who a packet is from and to, as the lookup sees it. */
export interface FlowKey {
  proto: Proto;
  src: Addr;
  dst: Addr;
}

export type LookupRule = 'connection' | 'listener' | 'bound' | 'none';

export interface LookupResult {
  rule: LookupRule;
  entry?: SocketEntry;
}

export const sameAddr = (a: Addr, b: Addr): boolean => a.ip === b.ip && a.port === b.port;
const bindsTo = (local: Addr, dst: Addr): boolean => local.port === dst.port && (local.ip === dst.ip || local.ip === WILDCARD);

/** Finds the socket an arriving packet belongs to. */
export function lookup(table: readonly SocketEntry[], key: FlowKey): LookupResult {
  if (key.proto === 'tcp') {
    const conn = table.find((e) => e.proto === 'tcp' && e.state !== 'LISTEN' && e.remote && sameAddr(e.local, key.dst) && sameAddr(e.remote, key.src));
    if (conn) return { rule: 'connection', entry: conn };
    const listeners = table.filter((e) => e.proto === 'tcp' && e.state === 'LISTEN' && bindsTo(e.local, key.dst));
    const listener = listeners.find((e) => e.local.ip === key.dst.ip) ?? listeners[0];
    return listener ? { rule: 'listener', entry: listener } : { rule: 'none' };
  }
  let best: SocketEntry | undefined;
  let bestScore = -1;
  for (const e of table) {
    if (e.proto !== 'udp' || !bindsTo(e.local, key.dst)) continue;
    if (e.remote && !sameAddr(e.remote, key.src)) continue;
    const score = (e.remote ? 2 : 0) + (e.local.ip === key.dst.ip ? 1 : 0);
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best ? { rule: 'bound', entry: best } : { rule: 'none' };
}

/**
 * The reset a TCP sends for a segment no socket accepts (RFC 9293 §3.10.7.1, CLOSED state):
 * if the segment has an ACK, <SEQ=SEG.ACK><CTL=RST>; otherwise
 * <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>. A RST is never answered with a RST.
 */
export function resetFor(seg: Segment): Segment | undefined {
  if (seg.flags.rst) return undefined;
  if (seg.flags.ack) {
    return { srcPort: seg.dstPort, dstPort: seg.srcPort, seq: seg.ack, ack: 0, flags: flags(['rst']), window: 0, data: '' };
  }
  return { srcPort: seg.dstPort, dstPort: seg.srcPort, seq: 0, ack: seqAdd(seg.seq, segLen(seg)), flags: flags(['rst', 'ack']), window: 0, data: '' };
}

/** ICMP destination unreachable, code 3 (port unreachable): what a host sends for a UDP datagram no socket takes. */
export interface PortUnreachable {
  type: 3;
  code: 3;
  /** The offending datagram's addresses (an ICMP error quotes its IP header and first 8 bytes). */
  quoted: { src: Addr; dst: Addr };
}

export function portUnreachableFor(src: Addr, dst: Addr): PortUnreachable {
  return { type: 3, code: 3, quoted: { src: { ...src }, dst: { ...dst } } };
}

/** "192.0.2.11:51514", or "*:80" for the wildcard. */
export function addrText(a: Addr | undefined): string {
  if (!a) return '*:*';
  return `${a.ip === WILDCARD ? '*' : a.ip}:${a.port}`;
}

/** "(192.0.2.11, 51514, 198.51.100.20, 80)": source IP, source port, destination IP, destination port. */
export function tupleText(src: Addr, dst: Addr): string {
  return `(${src.ip}, ${src.port}, ${dst.ip}, ${dst.port})`;
}
