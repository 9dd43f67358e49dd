/**
 * The osi-model world on the kernel: host A — switch (with host C on its third port) —
 * router — host B. A sends one HTTP request to B; with a cold ARP cache, A first asks for
 * its gateway's MAC and the router for B's (RFC 826).
 */
import { run, type Trace } from '../../core/kernel';
import { createRandom } from '../../core/random';
import { host, learningSwitch, router, type Iface, type Note, type Post, type State, type Wire } from './actors';
import { encapsulate, NET, type Encapsulation } from './encap';
import type { Route } from './routes';

export type ArpMode = 'cold' | 'warm';

/** Switch ports: A on 1, the router on 2, C on 3. */
export const SWITCH_PORTS: Readonly<Record<string, number>> = { A: 1, R: 2, C: 3 };
export const LINKS = [
  ['A', 'SW'],
  ['SW', 'R'],
  ['SW', 'C'],
  ['R', 'B'],
] as const;

export const ROUTER_IFACES: readonly Iface[] = [
  { ip: NET.r0.ip, mac: NET.r0.mac, peer: 'SW' },
  { ip: NET.r1.ip, mac: NET.r1.mac, peer: 'B' },
];

export const ROUTES: readonly Route[] = [
  { prefix: NET.lanA.prefix, len: NET.lanA.len, iface: 0 },
  { prefix: NET.lanB.prefix, len: NET.lanB.len, iface: 1 },
  { prefix: '0.0.0.0', len: 0, iface: 1, via: NET.upstream },
];

/** Per link, one way, in ms. */
export const LINK_DELAY = 1;

export interface World {
  trace: Trace<State, Wire, Post, Note>;
  encap: Encapsulation;
  arp: ArpMode;
  srcPort: number;
  ipId: number;
}

export function runWorld(payload: string, arp: ArpMode, seed: number): World {
  const r = createRandom(seed).fork('osi-model');
  const srcPort = r.int(49152, 65535);
  const seq = r.u32();
  const ack = r.u32();
  const ipId = r.int(0, 0xffff);
  const encap = encapsulate({ payload, srcPort, seq, ack, ipId, dstMac: NET.r0.mac });
  const warm = arp === 'warm';
  const lanA = NET.lanA;
  const actors = {
    A: host({ who: 'A', iface: { ip: NET.a.ip, mac: NET.a.mac, peer: 'SW' }, gateway: NET.r0.ip, lan: lanA, packet: encap.packet, arp: warm ? { [NET.r0.ip]: NET.r0.mac } : {} }),
    C: host({ who: 'C', iface: { ip: NET.c.ip, mac: NET.c.mac, peer: 'SW' }, gateway: NET.r0.ip, lan: lanA }),
    B: host({ who: 'B', iface: { ip: NET.b.ip, mac: NET.b.mac, peer: 'R' }, gateway: NET.r1.ip, lan: NET.lanB }),
    SW: learningSwitch(SWITCH_PORTS),
    R: router(ROUTER_IFACES, ROUTES, warm ? { [NET.b.ip]: NET.b.mac } : {}),
  };
  const links: Record<string, { delay: number }> = {};
  for (const [a, b] of LINKS) links[`${a}>${b}`] = links[`${b}>${a}`] = { delay: LINK_DELAY };
  const trace = run<State, Wire, Post, Note>({ actors, links, seed, script: [{ at: 0, to: 'A', data: { type: 'start' } }], maxEvents: 200 });
  return { trace, encap, arp, srcPort, ipId };
}

/** Which link a wire is on, as the capture's interface index (A–SW, SW–R, R–B, SW–C). */
export const LINK_NAMES = ['a-sw', 'sw-r', 'r-b', 'sw-c'] as const;
export function linkIndex(from: string, to: string): number {
  const k = [from, to].sort().join('-');
  return { 'A-SW': 0, 'R-SW': 1, 'B-R': 2, 'C-SW': 3 }[k] ?? -1;
}
