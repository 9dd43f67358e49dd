/**
 * Iterative resolution (RFC 1034 §5.3.3), the part shared by the recursive resolver and
 * by a stub that walks the tree itself:
 *
 * 1. answer from the cache if it can (positive, negative, or a CNAME to follow);
 * 2. otherwise find the closest zone cut whose name servers and addresses are cached
 *    (the root hints at worst) and ask one of them, RD=0, from a random port with a
 *    random ID (RFC 5452 §4, §10);
 * 3. a referral (AA=0, NS + glue) is cached, within bailiwick only (RFC 2181 §5.4.1),
 *    and the walk goes one zone down; an authoritative answer is cached and served;
 *    a CNAME restarts the walk at its target; NXDOMAIN and NODATA are cached with the
 *    SOA's negative TTL (RFC 2308);
 * 4. no answer within the timeout: ask the zone's next server; after MAX_TIMEOUTS, SERVFAIL.
 *
 * QNAME minimisation (RFC 9156) is not modelled: each server is asked the full name.
 */
import type { KernelEffect } from '../core/kernel';
import { createRandom } from '../core/random';
import { dnsTypeCode, type DnsMessage, type DnsRecord, type DnsTypeName } from '../wire/dns';
import { get, getNx, putNegative, putRecords, served, servedSoa, NX_TYPE, type Cache } from './cache';
import { decodeDatagram, encodeDatagram, responseKind, type Datagram } from './message';
import { actorOfIp, ancestors, isUnder, normName, showName, type SoaRecord } from './zones';
import type { DnsNote, LookupPost } from './types';

/** Initial retransmission timeout (ms) towards a server (BIND's classic 800 ms). */
export const QUERY_TIMEOUT = 800;
/** Timeouts a resolution survives before it gives up with SERVFAIL. */
export const MAX_TIMEOUTS = 4;
const MAX_CNAMES = 8;

export type Client =
  | { kind: 'wire'; actor: string; ip: string; port: number; id: number; rd: boolean }
  | { kind: 'local'; n: number };

export interface Task {
  n: number;
  /** What the client asked. */
  orig: string;
  qtype: DnsTypeName;
  /** The name being resolved now (differs from `orig` after a CNAME). */
  qname: string;
  /** CNAMEs followed so far, with when they expire: their TTL is counted again when the answer leaves. */
  chain: { r: DnsRecord; expiresAt: number }[];
  clients: Client[];
  zone: string;
  servers: { name: string; ip: string }[];
  sends: number;
  /** Has any query gone out for this task (false: answered from the cache alone)? */
  asked: boolean;
  timeouts: number;
  out?: { id: number; port: number; ip: string; name: string; actor: string; datagram: Datagram };
}

export interface IterState {
  /** Who runs it (actor id, for the random streams) and from which address. */
  who: string;
  ip: string;
  seed: number;
  cache: Cache;
  tasks: Task[];
  /** Draws so far from this actor's random stream (IDs and ports). */
  draws: number;
  nextTask: number;
}

type Fx = KernelEffect<Datagram, LookupPost, DnsNote>;
export interface IterResult {
  st: IterState;
  fx: Fx[];
}

/** A fresh query ID and source port (RFC 5452: both unpredictable). */
function draw(st: IterState, lo: number): { st: IterState; id: number; port: number } {
  const r = createRandom(st.seed).fork(`${st.who}#${st.draws}`);
  return { st: { ...st, draws: st.draws + 1 }, id: r.int(0, 0xffff), port: r.int(lo, 65535) };
}
export { draw as drawIdPort };

const timerOf = (t: Task) => `q${t.n}`;
const replace = (st: IterState, t: Task): IterState => ({ ...st, tasks: st.tasks.map((x) => (x.n === t.n ? t : x)) });
const remove = (st: IterState, t: Task): IterState => ({ ...st, tasks: st.tasks.filter((x) => x.n !== t.n) });

/** Sends the answer to every client of the task and forgets the task. */
function finish(st: IterState, t: Task, rcode: number, final: DnsRecord[], soa: SoaRecord | undefined, fx: Fx[], now: number): IterResult {
  const answers = [...t.chain.map((c) => ({ ...c.r, ttl: Math.max(0, Math.floor((c.expiresAt - now) / 1000)) })), ...final];
  fx.push({ type: 'cancel', name: timerOf(t) }, { type: 'note', note: { kind: 'reply', name: t.orig, rcode, answers, soa } });
  for (const c of t.clients) {
    if (c.kind === 'local') {
      fx.push({ type: 'note', note: { kind: 'done', n: c.n, rcode, answers, via: t.asked ? 'network' : 'cache', failure: rcode === 2 ? 'servfail' : undefined } });
      continue;
    }
    const m: DnsMessage = {
      id: c.id, qr: true, rd: c.rd, ra: true, aa: false, rcode,
      questions: [{ name: t.orig, type: t.qtype }],
      answers, authority: soa ? [soa] : [],
    };
    fx.push({ type: 'send', to: c.actor, msg: encodeDatagram(m, { src: st.ip, dst: c.ip, srcPort: 53, dstPort: c.port }) });
  }
  return { st: remove(st, t), fx };
}

const servfail = (st: IterState, t: Task, why: 'timeouts' | 'lame' | 'loop', fx: Fx[], now: number) => {
  fx.push({ type: 'note', note: { kind: 'servfail', name: t.orig, why } });
  return finish(st, t, 2, [], undefined, fx, now);
};

/** Sends the task's query to its zone's next server. */
function send(st0: IterState, t0: Task, retry: boolean, fromCache: boolean, fx: Fx[]): IterResult {
  const { st, id, port } = draw(st0, 1024);
  const server = t0.servers[t0.sends % t0.servers.length];
  const actor = actorOfIp(server.ip)!;
  const q: DnsMessage = { id, qr: false, rd: false, questions: [{ name: t0.qname, type: t0.qtype }] };
  const datagram = encodeDatagram(q, { src: st.ip, dst: server.ip, srcPort: port, dstPort: 53 });
  const t: Task = { ...t0, sends: t0.sends + 1, asked: true, out: { id, port, ip: server.ip, name: server.name, actor, datagram } };
  fx.push(
    { type: 'note', note: { kind: 'ask', zone: t.zone, server: server.name, ip: server.ip, fromCache, retry } },
    { type: 'send', to: actor, msg: datagram, retransmission: retry },
    { type: 'timer', name: timerOf(t), after: QUERY_TIMEOUT },
  );
  return { st: replace(st, t), fx };
}

/** Goes as far as the cache allows, then asks the closest known servers. */
function advance(st: IterState, t0: Task, now: number, fx: Fx[], afterResponse: boolean): IterResult {
  let t = t0;
  const type = dnsTypeCode(t.qtype);
  for (let hops = 0; ; hops++) {
    if (hops > MAX_CNAMES) return servfail(st, t, 'loop', fx, now);
    const hit = get(st.cache, t.qname, type, now);
    if (hit) {
      if (!afterResponse) fx.push({ type: 'note', note: { kind: 'cache-hit', name: t.qname, qtype: t.qtype, negative: hit.negative } });
      if (hit.negative) return finish(st, t, 0, [], servedSoa(hit, now), fx, now);
      return finish(st, t, 0, served(hit, now), undefined, fx, now);
    }
    const nx = getNx(st.cache, t.qname, now);
    if (nx) {
      if (!afterResponse) fx.push({ type: 'note', note: { kind: 'cache-hit', name: t.qname, qtype: t.qtype, negative: 'nxdomain' } });
      return finish(st, t, 3, [], servedSoa(nx, now), fx, now);
    }
    const cn = t.qtype === 'CNAME' ? undefined : get(st.cache, t.qname, dnsTypeCode('CNAME'), now);
    if (!cn) break;
    const target = normName((cn.records[0] as { host: string }).host);
    fx.push({ type: 'note', note: { kind: 'cname', from: t.qname, to: target, cached: !afterResponse } });
    t = { ...t, chain: [...t.chain, ...cn.records.map((r) => ({ r, expiresAt: cn.expiresAt }))], qname: target };
    afterResponse = false;
  }
  // The closest enclosing zone whose servers are known, with addresses.
  for (const z of ancestors(t.qname)) {
    const nsSet = get(st.cache, z, dnsTypeCode('NS'), now);
    if (!nsSet) continue;
    const servers: { name: string; ip: string }[] = [];
    for (const r of nsSet.records) {
      const host = normName((r as { host: string }).host);
      const addr = get(st.cache, host, dnsTypeCode('A'), now);
      for (const ar of addr?.records ?? []) if (actorOfIp((ar as { address: string }).address)) servers.push({ name: host, ip: (ar as { address: string }).address });
    }
    if (!servers.length) continue;
    const fromCache = nsSet.rank !== 'hint' && !afterResponse;
    t = { ...t, zone: z, servers, sends: 0 };
    return send(replace(st, t), t, false, fromCache, fx);
  }
  return servfail(st, t, 'lame', fx, now);
}

/** A new question from a client (a stub over the wire, or the local app). */
export function startTask(st: IterState, orig: string, qtype: DnsTypeName, client: Client, now: number): IterResult {
  const fx: Fx[] = [];
  const same = st.tasks.find((x) => x.orig === orig && x.qtype === qtype);
  if (same) {
    fx.push({ type: 'note', note: { kind: 'joined', name: orig } });
    const dup = same.clients.some((c) => c.kind === 'wire' && client.kind === 'wire' && c.ip === client.ip && c.port === client.port && c.id === client.id);
    return { st: dup ? st : replace(st, { ...same, clients: [...same.clients, client] }), fx };
  }
  const t: Task = { n: st.nextTask, orig, qtype, qname: orig, chain: [], clients: [client], zone: '', servers: [], sends: 0, asked: false, timeouts: 0 };
  return advance({ ...st, nextTask: st.nextTask + 1, tasks: [...st.tasks, t] }, t, now, fx, false);
}

const summarize = (c: Cache, before: Cache, now: number) =>
  c.filter((e) => !before.includes(e)).map((e) => ({ name: e.name, type: e.type === NX_TYPE ? 'NXDOMAIN' : typeLabel(e.type), ttl: e.ttl, negative: e.negative }));
const typeLabel = (code: number) => (['A', 'NS', 'CNAME', 'SOA', 'MX', 'TXT', 'AAAA'] as const).find((n) => dnsTypeCode(n) === code) ?? `TYPE${code}`;

/** A datagram from a server: matched to its query, learned from, and acted on. */
export function onResponse(st0: IterState, d: Datagram, now: number): IterResult {
  const fx: Fx[] = [];
  const m = decodeDatagram(d);
  const q = m.questions[0];
  const t = st0.tasks.find((x) => x.out && x.out.port === d.dstPort && x.out.id === m.id && x.out.ip === d.src);
  if (!t || !q || normName(q.name) !== t.qname || q.type !== t.qtype) {
    fx.push({ type: 'note', note: { kind: 'rejected', why: t ? 'question' : 'id/port' } });
    return { st: st0, fx };
  }
  fx.push({ type: 'cancel', name: timerOf(t) });
  const task: Task = { ...t, out: undefined };
  let st = replace(st0, task);
  const before = st.cache;
  const kind = responseKind(m);
  const inZone = (r: DnsRecord) => isUnder(normName(r.name), task.zone);
  const learnt = () => fx.push({ type: 'note', note: { kind: 'cached', entries: summarize(st.cache, before, now) } });
  switch (kind) {
    case 'referral': {
      const nsSet = m.authority.filter((r) => r.type === 'NS');
      const cut = normName(nsSet[0].name);
      // Only a referral one or more zones down, towards the name (RFC 2181 §5.4.1).
      if (cut === task.zone || !isUnder(cut, task.zone) || !isUnder(task.qname, cut)) return servfail(st, task, 'lame', fx, now);
      const hosts = new Set(nsSet.map((r) => normName((r as { host: string }).host)));
      const glue = m.additional.filter((r) => (r.type === 'A' || r.type === 'AAAA') && hosts.has(normName(r.name)) && inZone(r));
      st = { ...st, cache: putRecords(putRecords(st.cache, nsSet.filter(inZone), 'referral', now), glue, 'glue', now) };
      learnt();
      return advance(st, task, now, fx, true);
    }
    case 'answer':
    case 'cname':
      st = { ...st, cache: putRecords(st.cache, m.answers.filter(inZone), 'answer', now) };
      learnt();
      return advance(st, task, now, fx, true);
    case 'nodata':
    case 'nxdomain': {
      const soa = m.authority.find((r): r is SoaRecord => r.type === 'SOA');
      if (!soa || !m.aa) return servfail(st, task, 'lame', fx, now);
      st = { ...st, cache: putNegative(st.cache, task.qname, dnsTypeCode(task.qtype), kind, soa, now) };
      learnt();
      return advance(st, task, now, fx, true);
    }
    default:
      // SERVFAIL, REFUSED…: another server of the zone, if any is left to try.
      if (task.sends < task.servers.length) return send(st, task, true, false, fx);
      return servfail(st, task, 'lame', fx, now);
  }
}

/** The task's timer fired: no response in time. */
export function onTimeout(st: IterState, name: string, now: number): IterResult {
  const t = st.tasks.find((x) => timerOf(x) === name);
  if (!t || !t.out) return { st, fx: [] };
  const fx: Fx[] = [];
  const task: Task = { ...t, timeouts: t.timeouts + 1, out: undefined };
  fx.push({ type: 'note', note: { kind: 'timeout', server: t.out.name, timeouts: task.timeouts } });
  if (task.timeouts >= MAX_TIMEOUTS) return servfail(replace(st, task), task, 'timeouts', fx, now);
  return send(replace(st, task), task, true, false, fx);
}

export const showTaskName = (t: Task) => showName(t.qname);
