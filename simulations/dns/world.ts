/**
 * One DNS world on the kernel: a stub, a recursive resolver and every name server of
 * `zones.ts`, linked with per-hop round-trip times and seeded loss. The app looks the
 * name up, then again after a pause: the second lookup shows what the caches did.
 */
import { run, type LinkSpec, type Machine, type Trace } from '../core/kernel';
import type { DnsTypeName } from '../wire/dns';
import { putRecords, FOREVER, type Cache } from './cache';
import { resolverMachine, stubMachine, type ResolverState, type StubState } from './actors';
import type { IterState } from './iterative';
import type { Datagram } from './message';
import { serverMachine, type ServerState } from './server';
import type { DnsNote, LookupPost } from './types';
import { ancestors, ROOT_HINTS, SERVER_ACTORS, ZONES } from './zones';

export const STUB_IP = '192.0.2.10';
export const RESOLVER_IP = '192.0.2.53';

/** Which hop a server is on: its RTT comes from the matching param. */
export const HOP: Readonly<Record<string, 'root' | 'tld' | 'auth'>> = Object.fromEntries(
  SERVER_ACTORS.map((a) => [a, a === 'root' ? 'root' : ['gtld', 'kr', 'org'].includes(a) ? 'tld' : 'auth']),
);

export interface DnsWorldOptions {
  /** ASCII, lower-case, no trailing dot. */
  name: string;
  qtype: DnsTypeName;
  mode: 'recursive' | 'iterative';
  /** warm: the resolving side already holds the TLD's NS and glue, learned an hour ago. */
  warm: boolean;
  stubCache: boolean;
  /** Round-trip times per hop, ms. */
  rtt: { stub: number; root: number; tld: number; auth: number };
  /** 0..1 on every link, both ways. */
  loss: number;
  seed: number;
  lookups?: number;
  /** Pause between the end of one lookup and the next, ms. */
  gap?: number;
  /** Extra explicit drops: `"a>b"` → transmission indexes on that direction. */
  drop?: Record<string, number[]>;
}

export type ActorState = StubState | ResolverState | ServerState;
export type DnsTrace = Trace<ActorState, Datagram, LookupPost, DnsNote>;

/** Root hints: configured, never expiring (RFC 1034 §5.3.2). */
function hints(): Cache {
  let c: Cache = [];
  c = putRecords(c, ROOT_HINTS.map((h) => ({ name: '', ttl: 3600000, type: 'NS' as const, host: h.name })), 'hint', 0);
  c = putRecords(c, ROOT_HINTS.map((h) => ({ name: h.name, ttl: 3600000, type: 'A' as const, address: h.ip })), 'hint', 0);
  return c.map((e) => ({ ...e, expiresAt: FOREVER }));
}

/** The warm cache: the TLD's delegation from the root zone, as learned an hour before t = 0. */
export function warmCache(name: string): Cache {
  const tld = ancestors(name).slice(-2)[0];
  const root = ZONES[''].records;
  const nsSet = root.filter((r) => r.name === tld && r.type === 'NS' && tld !== '');
  const hosts = new Set(nsSet.map((r) => (r as { host: string }).host));
  const glue = root.filter((r) => r.type === 'A' && hosts.has(r.name));
  const learnedAt = -3_600_000;
  return putRecords(putRecords(hints(), nsSet, 'referral', learnedAt), glue, 'glue', learnedAt);
}

function iterState(who: string, ip: string, o: DnsWorldOptions): IterState {
  return { who, ip, seed: o.seed, cache: o.warm ? warmCache(o.name) : hints(), tasks: [], draws: 0, nextTask: 1 };
}

export function runDns(o: DnsWorldOptions): DnsTrace {
  const lookups = o.lookups ?? 2;
  const stubIter = o.mode === 'iterative' ? iterState('stub', STUB_IP, o) : { ...iterState('stub', STUB_IP, o), cache: [] };
  const actors: Record<string, Machine<ActorState, Datagram, LookupPost, DnsNote>> = {
    stub: stubMachine({ ip: STUB_IP, resolverIp: RESOLVER_IP, mode: o.mode, stubCache: o.stubCache, name: o.name, qtype: o.qtype, lookups, gap: o.gap ?? 30_000 }, stubIter) as never,
    resolver: resolverMachine(iterState('resolver', RESOLVER_IP, o)) as never,
  };
  for (const a of SERVER_ACTORS) actors[a] = serverMachine(a) as never;
  const links: Record<string, LinkSpec<Datagram>> = {};
  const pair = (a: string, b: string, rtt: number) => {
    const there = Math.floor(rtt / 2);
    for (const [dir, delay] of [[`${a}>${b}`, there], [`${b}>${a}`, rtt - there]] as const) {
      const drops = o.drop?.[dir];
      links[dir] = { delay, loss: o.loss, drop: drops ? (_m, ctx) => drops.includes(ctx.n) : undefined };
    }
  };
  pair('stub', 'resolver', o.rtt.stub);
  for (const a of SERVER_ACTORS) {
    const rtt = o.rtt[HOP[a]];
    pair('resolver', a, rtt);
    // A stub walking the tree itself is one hop further from every server.
    pair('stub', a, rtt + o.rtt.stub);
  }
  return run<ActorState, Datagram, LookupPost, DnsNote>({ actors, links, seed: o.seed, script: [{ at: 0, to: 'stub', data: { kind: 'lookup', n: 1 } }] });
}
