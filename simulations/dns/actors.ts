/**
 * The client side as kernel actors: the OS stub resolver and the recursive resolver.
 *
 * - Stub (RFC 1123 §6.1.3.1): reads the hosts file first, then its own cache if it has one
 *   (systemd-resolved, the Windows DNS Client; plain glibc has none), then sends one
 *   recursive query (RD=1) to the configured resolver and waits: 5 s, 2 attempts, as
 *   glibc's resolv.conf defaults (`timeout:5 attempts:2`). In `iterative` mode it has no
 *   resolver and walks the tree itself, with the same code as a recursive resolver.
 * - Resolver: takes recursive queries from stubs and resolves them by iterative queries
 *   (see `iterative.ts`); a stub's repeated query for a name in progress joins it.
 */
import type { Machine } from '../core/kernel';
import { dnsTypeCode, type DnsMessage, type DnsRecord, type DnsTypeName } from '../wire/dns';
import { get, put, served, type Cache } from './cache';
import { drawIdPort, onResponse, onTimeout, startTask, type IterState } from './iterative';
import { decodeDatagram, encodeDatagram, type Datagram } from './message';
import type { DnsNote, LookupPost } from './types';
import { normName } from './zones';

export const STUB_TIMEOUT = 5000;
export const STUB_ATTEMPTS = 2;

/** The hosts file (RFC 952's HOSTS.TXT lives on as /etc/hosts). */
// Tables keyed by names a user types have no prototype: "__proto__" or "constructor" is just a name.
export const HOSTS: Readonly<Record<string, string[]>> = Object.assign(Object.create(null), { localhost: ['127.0.0.1', '::1'] });

export interface StubConfig {
  ip: string;
  resolverIp: string;
  mode: 'recursive' | 'iterative';
  stubCache: boolean;
  name: string;
  qtype: DnsTypeName;
  /** How many lookups the app makes, and the pause after each before the next (ms). */
  lookups: number;
  gap: number;
}

export interface StubState {
  kind: 'stub';
  /** Own cache (only with a caching stub); in iterative mode the walk's cache is `iter.cache`. */
  cache: Cache;
  iter: IterState;
  pending?: { n: number; id: number; port: number; attempt: number; datagram: Datagram; started: number };
}

export interface ResolverState {
  kind: 'resolver';
  iter: IterState;
}

type Fx = ReturnType<Machine<unknown, Datagram, LookupPost, DnsNote>['step']>['effects'];

export function stubMachine(cfg: StubConfig, iter: IterState): Machine<StubState, Datagram, LookupPost, DnsNote> {
  const type = dnsTypeCode(cfg.qtype);
  const done = (st: StubState, n: number, rcode: number, answers: DnsRecord[], via: 'hosts' | 'cache' | 'network', failure?: 'servfail' | 'timeout'): { state: StubState; effects: Fx } => {
    const fx: Fx = [{ type: 'note', note: { kind: 'done', n, rcode, answers, via, failure } }];
    fx.push(n < cfg.lookups ? { type: 'post', to: 'stub', data: { kind: 'lookup', n: n + 1 }, after: cfg.gap } : { type: 'halt' });
    return { state: { ...st, pending: undefined }, effects: fx };
  };
  return {
    init: { kind: 'stub', cache: [], iter },
    step(st, input, now) {
      if (input.type === 'post') {
        const n = input.data.n;
        const fx: Fx = [{ type: 'note', note: { kind: 'lookup', n, name: cfg.name, qtype: cfg.qtype } }];
        const hosts = HOSTS[cfg.name];
        if (hosts) {
          const want = cfg.qtype === 'AAAA' ? hosts.filter((h) => h.includes(':')) : cfg.qtype === 'A' ? hosts.filter((h) => !h.includes(':')) : [];
          const answers: DnsRecord[] = want.map((address) => ({ name: cfg.name, ttl: 0, ...(address.includes(':') ? { type: 'AAAA' as const, address } : { type: 'A' as const, address }) }));
          fx.push({ type: 'note', note: { kind: 'hosts', name: cfg.name, addresses: want } });
          const r = done(st, n, 0, answers, 'hosts');
          return { state: r.state, effects: [...fx, ...r.effects] };
        }
        if (cfg.mode === 'iterative') {
          const r = startTask(st.iter, cfg.name, cfg.qtype, { kind: 'local', n }, now);
          return wrapIter({ ...st, iter: r.st }, [...fx, ...r.fx]);
        }
        const hit = cfg.stubCache ? get(st.cache, cfg.name, type, now) : undefined;
        if (hit) {
          fx.push({ type: 'note', note: { kind: 'cache-hit', name: cfg.name, qtype: cfg.qtype, negative: hit.negative } });
          const r = done(st, n, hit.negative === 'nxdomain' ? 3 : 0, served(hit, now), 'cache');
          return { state: r.state, effects: [...fx, ...r.effects] };
        }
        const { st: iter2, id, port } = drawIdPort(st.iter, 49152);
        const q: DnsMessage = { id, qr: false, rd: true, questions: [{ name: cfg.name, type: cfg.qtype }] };
        const datagram = encodeDatagram(q, { src: cfg.ip, dst: cfg.resolverIp, srcPort: port, dstPort: 53 });
        fx.push({ type: 'send', to: 'resolver', msg: datagram }, { type: 'timer', name: 'stub', after: STUB_TIMEOUT });
        return { state: { ...st, iter: iter2, pending: { n, id, port, attempt: 1, datagram, started: now } }, effects: fx };
      }
      if (input.type === 'timer') {
        if (cfg.mode === 'iterative') {
          const r = onTimeout(st.iter, input.name, now);
          return wrapIter({ ...st, iter: r.st }, r.fx);
        }
        const p = st.pending;
        if (!p || input.name !== 'stub') return { state: st, effects: [] };
        if (p.attempt < STUB_ATTEMPTS) {
          return {
            state: { ...st, pending: { ...p, attempt: p.attempt + 1 } },
            effects: [
              { type: 'note', note: { kind: 'stub-retry', attempt: p.attempt + 1 } },
              { type: 'send', to: 'resolver', msg: p.datagram, retransmission: true },
              { type: 'timer', name: 'stub', after: STUB_TIMEOUT },
            ],
          };
        }
        return done(st, p.n, 2, [], 'network', 'timeout');
      }
      // A datagram.
      if (cfg.mode === 'iterative') {
        const r = onResponse(st.iter, input.msg, now);
        return wrapIter({ ...st, iter: r.st }, r.fx);
      }
      const p = st.pending;
      const m = decodeDatagram(input.msg);
      const q = m.questions[0];
      if (!p || !m.qr || m.id !== p.id || input.msg.dstPort !== p.port || input.msg.src !== cfg.resolverIp || !q || normName(q.name) !== cfg.name || q.type !== cfg.qtype) {
        return { state: st, effects: [{ type: 'note', note: { kind: 'rejected', why: p ? 'id/port' : 'late' } }] };
      }
      let cache = st.cache;
      if (cfg.stubCache && m.rcode === 0 && m.answers.length) {
        const ttl = Math.min(...m.answers.map((r) => r.ttl));
        cache = put(cache, { name: cfg.name, type, records: m.answers, ttl, storedAt: now, expiresAt: now + ttl * 1000, rank: 'answer' }, now);
      }
      const r = done({ ...st, cache }, p.n, m.rcode, m.answers, 'network', m.rcode === 2 ? 'servfail' : undefined);
      return { state: r.state, effects: [{ type: 'cancel', name: 'stub' }, ...r.effects] };
    },
  };

  /** In iterative mode, the walk's own 'done' note ends the lookup for the app. */
  function wrapIter(st: StubState, fx: Fx): { state: StubState; effects: Fx } {
    const out: Fx = [];
    for (const e of fx) {
      if (e.type === 'note' && e.note.kind === 'done') {
        const r = done(st, e.note.n, e.note.rcode, e.note.answers, e.note.via, e.note.failure);
        out.push(...r.effects);
        st = r.state;
      } else out.push(e);
    }
    return { state: st, effects: out };
  }
}

export function resolverMachine(iter: IterState, stubActor = 'stub'): Machine<ResolverState, Datagram, LookupPost, DnsNote> {
  return {
    init: { kind: 'resolver', iter },
    step(st, input, now) {
      if (input.type === 'timer') {
        const r = onTimeout(st.iter, input.name, now);
        return { state: { kind: 'resolver', iter: r.st }, effects: r.fx };
      }
      if (input.type !== 'msg') return { state: st, effects: [] };
      const d = input.msg;
      if (d.dstPort === 53) {
        // A query from a stub.
        const m = decodeDatagram(d);
        const q = m.questions[0];
        if (m.qr || !q || typeof q.type === 'number') return { state: st, effects: [] };
        const r = startTask(st.iter, normName(q.name), q.type, { kind: 'wire', actor: input.from === stubActor ? stubActor : input.from, ip: d.src, port: d.srcPort, id: m.id, rd: Boolean(m.rd) }, now);
        return { state: { kind: 'resolver', iter: r.st }, effects: r.fx };
      }
      const r = onResponse(st.iter, d, now);
      return { state: { kind: 'resolver', iter: r.st }, effects: r.fx };
    },
  };
}
