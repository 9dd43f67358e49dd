/**
 * What each connection carries, decided before the run: the TLS 1.3 records of a real
 * handshake (`https/runTls13`: X25519, the RFC 8446 key schedule, AES-128-GCM, keys from the
 * seed) wrapping the HTTP messages, cut into records that fit one segment each.
 *
 * - HSTS off: the typed name goes out as http://www.naver.com/ to port 80 first, and the
 *   301 to https sends the browser to a new connection on 443 (RFC 6797 §2.3 explains why
 *   this first request is the risk HSTS removes).
 * - HTTP/1.1: the document on one connection; once it is parsed, the subresources go out
 *   over up to six connections to the host (the main one kept alive plus new ones, each
 *   with its own TCP and TLS handshakes), handed out in turn.
 * - HTTP/2: everything on the one connection, as streams (see `h2plan.ts`).
 */
import { createRandom } from '../../core/random';
import { runTls13 } from '../../https/tls13';
import { serverPki, type ServerPki } from '../../https/pki';
import { TLS_CONTENT_TYPE as CT } from '../../wire/tls';
import { chunks, http1Request, http1Response, redirectResponse, resources, HOST, type Resource } from './page';
import type { ConnPlan, Gate, Part, Unit } from './units';

/** Modelled constants (ms): the engine computes no layout, so these stand for the browser's and the server's work. */
export const MODEL = {
  /** Omnibox: URL or search, scheme, HSTS list. */
  url: 2,
  /** Browser host cache, then the OS (its cache, the hosts file). */
  localCaches: 1,
  /** Server time to build the HTML page. */
  serverHtml: 30,
  /** Server time for a static file or the redirect. */
  serverStatic: 4,
  /** HTML parsing until the subresources are known. */
  parse: 15,
  /** From the redirect's arrival to the new connection. */
  redirect: 1,
  /** Running the deferred scripts before DOMContentLoaded. */
  scripts: 12,
  /** Style, layout and paint for the first contentful paint. */
  paint: 10,
} as const;

/** Plaintext per TLS record: 1400 + 22 bytes of record overhead stays under the 1460-byte MSS. */
export const RECORD = 1400;
/** HTTP/1.1: connections per host, as browsers limit them. */
export const MAX_CONNECTIONS = 6;

export interface Exchange {
  path: string;
  request: Uint8Array;
  response: Uint8Array;
  /** The browser sends the request once this gate opens (absent: right after the handshake). */
  gate?: Gate;
  think: number;
}

export interface Plans {
  plans: ConnPlan[];
  keylog: string;
  alpn: string[];
  /** Index of the connection that carries the document over HTTPS. */
  main: number;
}

const seedOf = (seed: number, label: string) => createRandom(seed).fork(label).u32();

export function endpoints(seed: number, k: number): { clientPort: number; iss: { client: number; server: number } } {
  const base = createRandom(seed).fork('ports').int(49152, 60000);
  const r = createRandom(seed).fork(`iss:${k}`);
  return { clientPort: base + k, iss: { client: r.u32(), server: r.u32() } };
}

const part = (path: string, role: Part['role'], i: number, n: number): Part => ({ path, role, first: i === 0, last: i === n - 1 });

/** A TLS connection carrying `exchanges` in order (HTTP/1.1 keep-alive: one at a time). */
/** The server's one certificate chain, the same on every connection of a journey. */
export const journeyPki = (seed: number): ServerPki => serverPki(HOST, 'valid', seed);

export function tlsPlan(seed: number, k: number, alpn: string[], exchanges: readonly Exchange[], pki: ServerPki, open?: Gate): { plan: ConnPlan; keylog: string } {
  const req = exchanges.map((x) => chunks(x.request, RECORD));
  const res = exchanges.map((x) => chunks(x.response, RECORD));
  const tls = runTls13({ seed: seedOf(seed, `tls:${k}`), serverName: HOST, alpn, cert: 'valid', pki, request: req[0][0], response: res[0][0], clientData: req.flat(), serverData: res.flat() });
  if (tls.failure) throw new Error(`what-happens-url: TLS failed (${tls.failure.detail})`);
  const hs = tls.records.slice(0, tls.request);
  const cData = tls.records.filter((r) => r.from === 'client' && r.contentType === CT.applicationData);
  const sData = tls.records.filter((r) => r.from === 'server' && r.contentType === CT.applicationData);
  const units: Unit[] = hs.map((r) => ({ from: r.from, label: r.label, bytes: r.bytes, parts: [], tls: true, handshake: true }));
  let ci = 0;
  let si = 0;
  exchanges.forEach((x, e) => {
    req[e].forEach((_, i) => units.push({ from: 'client', label: `GET ${x.path}`, bytes: cData[ci++].bytes, parts: [part(x.path, 'request', i, req[e].length)], tls: true, ...(i === 0 && x.gate ? { gate: x.gate } : {}) }));
    res[e].forEach((_, i) => units.push({ from: 'server', label: `200 ${x.path}`, bytes: sData[si++].bytes, parts: [part(x.path, 'response', i, res[e].length)], tls: true, think: i === 0 ? x.think : 0 }));
  });
  return { plan: { ...endpoints(seed, k), serverPort: 443, units, ...(open ? { open } : {}) }, keylog: tls.keylog };
}

/** The plain HTTP exchange on port 80 that HSTS avoids: GET / → 301 to https. */
export function redirectPlan(seed: number): ConnPlan {
  const req = http1Request('/', 'document');
  return {
    ...endpoints(seed, 0), serverPort: 80,
    units: [
      { from: 'client', label: 'GET / (http)', bytes: req, parts: [part('http:/', 'request', 0, 1)], tls: false },
      { from: 'server', label: '301 → https', bytes: redirectResponse(), parts: [part('http:/', 'response', 0, 1)], tls: false, think: MODEL.serverStatic },
    ],
  };
}

/** Index of the unit that completes the response for `path` on a plan. */
export const lastUnitOf = (plan: ConnPlan, path: string): number =>
  plan.units.findIndex((u) => u.parts.some((p) => p.path === path && p.role === 'response' && p.last));

/** HTTP/1.1 over TLS: the document, then the subresources over up to six connections. */
export function http1Plans(seed: number, hsts: boolean): Plans {
  const res = resources();
  const [doc, ...subs] = res;
  const plans: ConnPlan[] = [];
  let keylog = '';
  if (!hsts) plans.push(redirectPlan(seed));
  const main = plans.length;
  const alpn = ['http/1.1'];
  const mainOpen = hsts ? undefined : { conn: 0, unit: 1, delay: MODEL.redirect };
  const exchange = (r: Resource, gate?: Gate): Exchange => ({ path: r.path, request: http1Request(r.path, r.type), response: http1Response(r, true), gate, think: r.type === 'document' ? MODEL.serverHtml : MODEL.serverStatic });
  // Subresources in document order, handed to connection slots in turn (slot 0 is the main connection).
  const slots: Resource[][] = Array.from({ length: Math.min(MAX_CONNECTIONS, subs.length) }, () => []);
  subs.forEach((r, i) => slots[i % slots.length].push(r));
  const pki = journeyPki(seed);
  const m = tlsPlan(seed, main, alpn, [exchange(doc), ...slots[0].map((r) => exchange(r))], pki, mainOpen);
  // Once the HTML is in and parsed, the browser asks for what it references.
  const parsed: Gate = { conn: main, unit: lastUnitOf(m.plan, '/'), delay: MODEL.parse };
  const firstSub = m.plan.units.findIndex((u) => u.from === 'client' && u.parts.some((p) => p.role === 'request' && p.path !== '/'));
  if (firstSub >= 0) m.plan.units[firstSub] = { ...m.plan.units[firstSub], gate: parsed };
  plans.push(m.plan);
  keylog += m.keylog;
  slots.slice(1).forEach((rs, j) => {
    const p = tlsPlan(seed, main + 1 + j, alpn, rs.map((r) => exchange(r)), pki, parsed);
    plans.push(p.plan);
    keylog += p.keylog;
  });
  return { plans, keylog, alpn, main };
}
