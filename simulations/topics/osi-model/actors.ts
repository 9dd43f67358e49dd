/**
 * The machines of the osi-model world, each a kernel actor that reads and writes real
 * frames: hosts (ARP, IPv4, TCP, HTTP), a learning switch (IEEE 802.1D: learn the source
 * MAC per port, flood unknown or broadcast destinations, forward known ones) and a router
 * (RFC 1812: longest-prefix match, TTL − 1, header checksum recomputed, new Ethernet
 * addresses for the next hop; the IP addresses stay).
 */
import type { Machine } from '../../core/kernel';
import { internetChecksum, utf8Decode, view } from '../../wire/bytes';
import { decodeArp, encodeArpFrame, BROADCAST_MAC, type ArpPacket } from '../../wire/arp';
import { decodeEthernet, encodeEthernet, ETHERNET_HEADER_LENGTH, ETHERTYPE_ARP, ETHERTYPE_IPV4 } from '../../wire/ethernet';
import { decodeHttp1 } from '../../wire/http1';
import { decodeIpv4 } from '../../wire/ipv4';
import { decodeTcp } from '../../wire/tcp';
import { ipInPrefix, type Route } from './routes';

/** What travels on a link: a whole Ethernet frame (no preamble, no FCS). */
export interface Wire {
  frame: Uint8Array;
}

export type Note =
  | { k: 'encap'; stage: 'app' | 'transport' | 'network' }
  | { k: 'next-hop'; via: string; onLink: boolean }
  | { k: 'arp-miss'; who: string; ip: string }
  | { k: 'arp-hit'; who: string; ip: string; mac: string }
  | { k: 'arp-answer'; who: string; to: string }
  | { k: 'arp-learn'; who: string; ip: string; mac: string }
  | { k: 'link' }
  | { k: 'drop'; who: string; why: 'mac' | 'arp-other' | 'checksum' | 'ttl' }
  | { k: 'switch'; inPort: number; src: string; dst: string; learned: boolean; out: number[]; flood: boolean }
  | { k: 'route'; dst: string; matches: Route[]; chosen: Route }
  | { k: 'forward'; ttlIn: number; ttlOut: number; csIn: number; csOut: number; inEth: { src: string; dst: string }; outEth: { src: string; dst: string } }
  | { k: 'up'; stage: 'link' | 'network' | 'transport' }
  | { k: 'delivered'; body: string; method: string; target: string };

export type Post = { type: 'start' };

export interface HostState {
  arp: Readonly<Record<string, string>>;
  /** An IPv4 packet held until ARP resolves its next hop. */
  pending: Uint8Array | null;
}
export interface SwitchState {
  /** The MAC table (filtering database) in learning order. */
  table: readonly { mac: string; port: number }[];
}
export interface RouterState {
  arp: Readonly<Record<string, string>>;
  pending: { packet: Uint8Array; iface: number; nextHop: string; inEth: { src: string; dst: string } } | null;
}
export type State = HostState | SwitchState | RouterState;
type M = Machine<State, Wire, Post, Note>;
type Fx = ReturnType<M['step']>['effects'];

export interface Iface {
  ip: string;
  mac: string;
  /** The actor at the other end of this interface's link. */
  peer: string;
}

const arpOf = (frame: Uint8Array) => decodeArp(frame, ETHERNET_HEADER_LENGTH);
const sendArp = (to: string, p: ArpPacket): Fx[number] => ({ type: 'send', to, msg: { frame: encodeArpFrame(p) } });
const ipFrame = (src: string, dst: string, packet: Uint8Array) => ({ frame: encodeEthernet({ src, dst, etherType: ETHERTYPE_IPV4, payload: packet }) });

/**
 * Answers an ARP packet for `me` (RFC 826 "Packet Reception": merge the sender into the
 * cache, and reply to a request for our address). Returns null when it is not for us.
 */
function handleArp(who: string, me: Iface, arp: Readonly<Record<string, string>>, p: ArpPacket) {
  if (p.targetIp !== me.ip) return null;
  const cache = { ...arp, [p.senderIp]: p.senderMac };
  const effects: Fx = [{ type: 'note', note: { k: 'arp-learn', who, ip: p.senderIp, mac: p.senderMac } }];
  if (p.op === 'request') {
    effects.push({ type: 'note', note: { k: 'arp-answer', who, to: p.senderIp } });
    effects.push(sendArp(me.peer, { op: 'reply', senderMac: me.mac, senderIp: me.ip, targetMac: p.senderMac, targetIp: p.senderIp }));
  }
  return { cache, effects };
}

export interface HostConfig {
  who: string;
  iface: Iface;
  gateway: string;
  lan: { prefix: string; len: number };
  /** The packet this host sends when the script starts it (host A only). */
  packet?: Uint8Array;
  arp?: Record<string, string>;
}

export function host(cfg: HostConfig): M {
  const me = cfg.iface;
  return {
    init: { arp: cfg.arp ?? {}, pending: null } as HostState,
    step(s0, input) {
      const s = s0 as HostState;
      const fx: Fx = [];
      if (input.type === 'post' && cfg.packet) {
        for (const stage of ['app', 'transport', 'network'] as const) fx.push({ type: 'note', note: { k: 'encap', stage } });
        const dst = decodeIpv4(cfg.packet).dst;
        const onLink = ipInPrefix(dst, cfg.lan.prefix, cfg.lan.len);
        const via = onLink ? dst : cfg.gateway;
        fx.push({ type: 'note', note: { k: 'next-hop', via, onLink } });
        const mac = s.arp[via];
        if (mac) {
          fx.push({ type: 'note', note: { k: 'arp-hit', who: cfg.who, ip: via, mac } }, { type: 'note', note: { k: 'link' } });
          fx.push({ type: 'send', to: me.peer, msg: ipFrame(me.mac, mac, cfg.packet) });
          return { state: s, effects: fx };
        }
        fx.push({ type: 'note', note: { k: 'arp-miss', who: cfg.who, ip: via } });
        fx.push(sendArp(me.peer, { op: 'request', senderMac: me.mac, senderIp: me.ip, targetMac: '00:00:00:00:00:00', targetIp: via }));
        return { state: { ...s, pending: cfg.packet }, effects: fx };
      }
      if (input.type !== 'msg') return { state: s, effects: [] };
      const bytes = input.msg.frame;
      const eth = decodeEthernet(bytes);
      if (eth.dst !== me.mac && eth.dst !== BROADCAST_MAC) return { state: s, effects: [{ type: 'note', note: { k: 'drop', who: cfg.who, why: 'mac' } }] };
      if (eth.etherType === ETHERTYPE_ARP) {
        const p = arpOf(bytes);
        const r = handleArp(cfg.who, me, s.arp, p);
        if (!r) return { state: s, effects: [{ type: 'note', note: { k: 'drop', who: cfg.who, why: 'arp-other' } }] };
        let next: HostState = { ...s, arp: r.cache };
        if (p.op === 'reply' && s.pending) {
          r.effects.push({ type: 'note', note: { k: 'link' } }, { type: 'send', to: me.peer, msg: ipFrame(me.mac, p.senderMac, s.pending) });
          next = { ...next, pending: null };
        }
        return { state: next, effects: r.effects };
      }
      // IPv4 up the stack: each layer checks its own header, then hands the rest up.
      const ip = decodeIpv4(bytes, ETHERNET_HEADER_LENGTH);
      fx.push({ type: 'note', note: { k: 'up', stage: 'link' } });
      if (!ip.checksumValid || ip.dst !== me.ip) return { state: s, effects: fx };
      fx.push({ type: 'note', note: { k: 'up', stage: 'network' } });
      const at = ETHERNET_HEADER_LENGTH + ip.ihl * 4;
      const end = ETHERNET_HEADER_LENGTH + ip.totalLength;
      const tcp = decodeTcp(bytes, at, { src: ip.src, dst: ip.dst }, end);
      if (!tcp.checksumValid) return { state: s, effects: fx };
      fx.push({ type: 'note', note: { k: 'up', stage: 'transport' } });
      const http = decodeHttp1(bytes, at + tcp.dataOffset * 4, end);
      if (http.kind === 'request') {
        fx.push({ type: 'note', note: { k: 'delivered', body: utf8Decode(http.body), method: http.method, target: http.target } });
      }
      return { state: s, effects: fx };
    },
  };
}

/** A learning switch (IEEE 802.1D §7.8): `ports` maps each neighbour actor to a port number. */
export function learningSwitch(ports: Readonly<Record<string, number>>): M {
  const byPort = Object.fromEntries(Object.entries(ports).map(([a, p]) => [p, a]));
  return {
    init: { table: [] } as SwitchState,
    step(s0, input) {
      const s = s0 as SwitchState;
      if (input.type !== 'msg') return { state: s, effects: [] };
      const inPort = ports[input.from];
      const eth = decodeEthernet(input.msg.frame);
      const known = s.table.find((e) => e.mac === eth.src);
      const learned = !known || known.port !== inPort;
      const table = learned ? [...s.table.filter((e) => e.mac !== eth.src), { mac: eth.src, port: inPort }] : s.table;
      const dst = eth.dst === BROADCAST_MAC ? undefined : table.find((e) => e.mac === eth.dst);
      const flood = !dst;
      // Never send a frame back out of the port it came in on (filtering).
      const out = flood ? Object.values(ports).filter((p) => p !== inPort).sort((a, b) => a - b) : dst.port === inPort ? [] : [dst.port];
      const fx: Fx = [{ type: 'note', note: { k: 'switch', inPort, src: eth.src, dst: eth.dst, learned, out, flood } }];
      for (const p of out) fx.push({ type: 'send', to: byPort[p], msg: input.msg });
      return { state: { table }, effects: fx };
    },
  };
}

/** Longest-prefix match (RFC 1812 §5.2.4.3): every route that matches, and the most specific one. */
export function lookup(routes: readonly Route[], dst: string): { matches: Route[]; chosen: Route | undefined } {
  const matches = routes.filter((r) => ipInPrefix(dst, r.prefix, r.len));
  const chosen = [...matches].sort((a, b) => b.len - a.len)[0];
  return { matches, chosen };
}

/** TTL − 1 and the header checksum recomputed over the new header (RFC 1812 §5.3.1, RFC 791). */
export function decrementTtl(packet: Uint8Array): Uint8Array {
  const out = packet.slice();
  const ihl = (out[0] & 0x0f) * 4;
  out[8] -= 1;
  view(out).setUint16(10, 0);
  view(out).setUint16(10, internetChecksum(out.subarray(0, ihl)));
  return out;
}

export function router(ifaces: readonly Iface[], routes: readonly Route[], arp: Record<string, string> = {}): M {
  const forward = (p: Uint8Array, inEth: { src: string; dst: string }, iface: number, mac: string): Fx => {
    const out = decrementTtl(p);
    const o = ifaces[iface];
    const dv = (b: Uint8Array) => view(b).getUint16(10);
    return [
      { type: 'note', note: { k: 'forward', ttlIn: p[8], ttlOut: out[8], csIn: dv(p), csOut: dv(out), inEth, outEth: { src: o.mac, dst: mac } } },
      { type: 'send', to: o.peer, msg: ipFrame(o.mac, mac, out) },
    ];
  };
  return {
    init: { arp, pending: null } as RouterState,
    step(s0, input) {
      const s = s0 as RouterState;
      if (input.type !== 'msg') return { state: s, effects: [] };
      const inIf = ifaces.findIndex((i) => i.peer === input.from);
      const me = ifaces[inIf];
      const bytes = input.msg.frame;
      const eth = decodeEthernet(bytes);
      if (eth.dst !== me.mac && eth.dst !== BROADCAST_MAC) return { state: s, effects: [{ type: 'note', note: { k: 'drop', who: 'R', why: 'mac' } }] };
      if (eth.etherType === ETHERTYPE_ARP) {
        const p = arpOf(bytes);
        const r = handleArp('R', me, s.arp, p);
        if (!r) return { state: s, effects: [{ type: 'note', note: { k: 'drop', who: 'R', why: 'arp-other' } }] };
        if (p.op === 'reply' && s.pending && s.pending.nextHop === p.senderIp) {
          const q = s.pending;
          return { state: { arp: r.cache, pending: null }, effects: [...r.effects, ...forward(q.packet, q.inEth, q.iface, p.senderMac)] };
        }
        return { state: { ...s, arp: r.cache }, effects: r.effects };
      }
      const ip = decodeIpv4(bytes, ETHERNET_HEADER_LENGTH);
      // RFC 1812 §5.2.2: a bad checksum or an expiring TTL is not forwarded.
      if (!ip.checksumValid || ip.ttl <= 1) return { state: s, effects: [{ type: 'note', note: { k: 'drop', who: 'R', why: ip.checksumValid ? 'ttl' : 'checksum' } }] };
      const packet = bytes.slice(ETHERNET_HEADER_LENGTH, ETHERNET_HEADER_LENGTH + ip.totalLength);
      const { matches, chosen } = lookup(routes, ip.dst);
      if (!chosen) return { state: s, effects: [] };
      const nextHop = chosen.via ?? ip.dst;
      const fx: Fx = [{ type: 'note', note: { k: 'route', dst: ip.dst, matches, chosen } }];
      const mac = s.arp[nextHop];
      const inEth = { src: eth.src, dst: eth.dst };
      if (mac) {
        fx.push({ type: 'note', note: { k: 'arp-hit', who: 'R', ip: nextHop, mac } }, ...forward(packet, inEth, chosen.iface, mac));
        return { state: s, effects: fx };
      }
      const o = ifaces[chosen.iface];
      fx.push({ type: 'note', note: { k: 'arp-miss', who: 'R', ip: nextHop } });
      fx.push(sendArp(o.peer, { op: 'request', senderMac: o.mac, senderIp: o.ip, targetMac: '00:00:00:00:00:00', targetIp: nextHop }));
      return { state: { ...s, pending: { packet, iface: chosen.iface, nextHop, inEth } }, effects: fx };
    },
  };
}

