/**
 * The whole journey on one clock: the DNS lookup on the kernel (`dns/runDns`: stub,
 * recursive resolver, root, TLD and authoritative servers exchanging RFC 1035 messages),
 * then the browser and the server on the kernel (`world.ts`): TCP, TLS 1.3, HTTP. The web
 * run starts when the lookup ends, at the address the lookup returned.
 *
 * warm: the recursive resolver answered www.naver.com a moment ago for someone else, so
 * it answers from its cache and sends nothing upstream; the browser's and the OS's caches
 * are empty either way (a first visit).
 */
import { runDns, type DnsTrace } from '../../dns/world';
import type { DnsNote } from '../../dns/types';
import { MODEL, http1Plans, type Plans } from './plans';
import { h2Plans } from './h2plan';
import { HOST } from './page';
import { runWeb, type WebTrace } from './world';

export type HttpVersion = '1.1' | '2';

export interface JourneyOptions {
  cache: 'cold' | 'warm';
  /** Round trip browser ↔ web server, ms; the DNS hops are derived from it. */
  rtt: number;
  http: HttpVersion;
  hsts: boolean;
  /** 0..1 */
  loss: number;
  seed: number;
}

/** Per-hop DNS round trips from the web RTT: the ISP's resolver is near, the root and TLD in between. */
export function dnsRtts(rtt: number) {
  const f = (k: number) => Math.max(1, Math.round(rtt * k));
  return { stub: f(0.2), root: f(0.6), tld: f(0.6), auth: f(1) };
}

/** Access link rate: 1000 bytes per ms (8 Mbit/s) each way. */
export const LINK_RATE = 1000;
/** Pause between the other user's lookup and ours (warm cache). */
export const WARM_GAP = 60_000;

export interface DnsPart {
  trace: DnsTrace;
  /** Add to a DNS trace time to get journey time. */
  shift: number;
  /** First trace time of our lookup (earlier wires belong to the other user's lookup). */
  from: number;
  start: number;
  end: number;
  address?: string;
  failure?: string;
}

export interface Journey {
  o: JourneyOptions;
  dns: DnsPart;
  web?: { trace: WebTrace; shift: number; plans: Plans };
}

export function runJourney(o: JourneyOptions): Journey {
  const lookups = o.cache === 'warm' ? 2 : 1;
  const trace = runDns({ name: HOST, qtype: 'A', mode: 'recursive', warm: false, stubCache: false, rtt: dnsRtts(o.rtt), loss: o.loss, seed: o.seed, lookups, gap: WARM_GAP });
  const noteAt = (kind: DnsNote['kind']) => trace.entries.find((e) => e.notes.some((n) => (n.note as DnsNote).kind === kind && 'n' in (n.note as object) && (n.note as { n: number }).n === lookups));
  const began = noteAt('lookup');
  const ended = noteAt('done');
  const from = began?.t ?? 0;
  const start = MODEL.url + MODEL.localCaches;
  const shift = start - from;
  const done = ended?.notes.map((n) => n.note as DnsNote).find((n) => n.kind === 'done');
  const a = done && done.kind === 'done' ? done.answers.find((r) => r.type === 'A') : undefined;
  const dns: DnsPart = { trace, shift, from, start, end: (ended?.t ?? trace.end) + shift };
  if (a && a.type === 'A') dns.address = a.address;
  else dns.failure = done && done.kind === 'done' ? done.failure ?? `rcode ${done.rcode}` : 'no answer';
  if (!dns.address) return { o, dns };
  const plans = o.http === '2' ? h2Plans(o.seed, o.hsts) : http1Plans(o.seed, o.hsts);
  const web = runWeb({ plans: plans.plans, rtt: o.rtt, rate: LINK_RATE, loss: o.loss, seed: o.seed });
  return { o, dns, web: { trace: web, shift: dns.end, plans } };
}
