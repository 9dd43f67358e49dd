/**
 * The journey's timings, read from the two kernel traces (never from the plans): when each
 * connection opened and was established, when its TLS handshake ended, when each request
 * went and each response began and ended; then the navigation phases on the critical path
 * and the page milestones. Times are journey ms (the web trace shifted by the DNS lookup).
 */
import { MODEL } from './plans';
import type { Journey } from './journey';
import type { WebTrace } from './world';

export interface ConnTiming {
  conn: number;
  connectAt: number;
  establishedAt?: number;
  /** The browser has the server's Finished (TLS) and sends its own with the first request. */
  tlsDoneAt?: number;
  tls: boolean;
}

export interface RequestTiming {
  path: string;
  conn: number;
  /** When the browser knew it needed this resource. */
  queuedAt: number;
  sentAt: number;
  firstByteAt: number;
  lastByteAt: number;
  /** This request opened its connection (connect and TLS count for it). */
  opened: boolean;
}

export type PhaseKey = 'url' | 'local-caches' | 'dns' | 'redirect' | 'tcp' | 'tls' | 'ttfb' | 'download' | 'parse' | 'subresources' | 'render';

export interface Phase {
  key: PhaseKey;
  start: number;
  end: number;
}

export interface Timings {
  conns: ConnTiming[];
  requests: RequestTiming[];
  phases: Phase[];
  milestones: { parsed: number; fcp: number; dcl: number; load: number };
  retransmissions: number;
}

/** Per connection and unit: when the browser sent or received it (trace time). */
export function unitTimes(trace: WebTrace) {
  const sent = new Map<string, number>();
  const got = new Map<string, number>();
  const connect = new Map<number, number>();
  const established = new Map<number, number>();
  for (const e of trace.entries) {
    for (const { actor, note } of e.notes) {
      if (actor !== 'browser') continue;
      if (note.type === 'unit-sent') sent.set(`${note.conn}:${note.unit}`, e.t);
      else if (note.type === 'unit-received') got.set(`${note.conn}:${note.unit}`, e.t);
      else if (note.type === 'connect') connect.set(note.conn, e.t);
      else if (note.type === 'tcp' && note.to === 'ESTABLISHED' && !established.has(note.conn)) established.set(note.conn, e.t);
    }
  }
  return { sent, got, connect, established };
}

export function timings(j: Journey): Timings | undefined {
  // No address, or the event guard stopped the web run before every unit was through.
  if (!j.web || j.web.trace.truncated) return undefined;
  const { trace, shift, plans } = j.web;
  const T = (t: number) => t + shift;
  const u = unitTimes(trace);
  const conns: ConnTiming[] = plans.plans.map((p, k) => {
    const hs = p.units.map((x, i) => ({ x, i })).filter(({ x }) => x.handshake && x.from === 'server');
    const last = hs[hs.length - 1];
    const tlsAt = last ? u.got.get(`${k}:${last.i}`) : undefined;
    const est = u.established.get(k);
    return { conn: k, connectAt: T(u.connect.get(k)!), tls: p.serverPort === 443, ...(est !== undefined ? { establishedAt: T(est) } : {}), ...(tlsAt !== undefined ? { tlsDoneAt: T(tlsAt) } : {}) };
  });
  const html = plans.plans[plans.main].units.findIndex((x) => x.parts.some((p) => p.path === '/' && p.role === 'response' && p.last));
  const parsed = T(u.got.get(`${plans.main}:${html}`)!) + MODEL.parse;
  const requests: RequestTiming[] = [];
  plans.plans.forEach((p, k) => {
    const paths = [...new Set(p.units.flatMap((x) => x.parts.map((q) => q.path)))];
    for (const path of paths) {
      const idx = (role: 'request' | 'response', which: 'first' | 'last') => p.units.findIndex((x) => x.parts.some((q) => q.path === path && q.role === role && q[which]));
      const sentAt = T(u.sent.get(`${k}:${idx('request', 'first')}`)!);
      const isDoc = path === '/' || path === 'http:/';
      const opened = !requests.some((r) => r.conn === k);
      requests.push({
        path, conn: k, queuedAt: isDoc ? (opened ? conns[k].connectAt : sentAt) : parsed, sentAt,
        firstByteAt: T(u.got.get(`${k}:${idx('response', 'first')}`)!), lastByteAt: T(u.got.get(`${k}:${idx('response', 'last')}`)!), opened,
      });
    }
  });
  requests.sort((a, b) => a.queuedAt - b.queuedAt || a.sentAt - b.sentAt || a.conn - b.conn);
  const doc = requests.find((r) => r.path === '/')!;
  const subs = requests.filter((r) => r.path !== '/' && r.path !== 'http:/');
  const done = (pred: (p: string) => boolean) => Math.max(parsed, ...subs.filter((r) => pred(r.path)).map((r) => r.lastByteAt));
  const css = done((p) => p.endsWith('.css'));
  const dcl = Math.max(css, done((p) => p.endsWith('.js'))) + MODEL.scripts;
  const fcp = css + MODEL.paint;
  const lastSub = done(() => true);
  const load = Math.max(dcl, lastSub);
  const main = conns[plans.main];
  const phases: Phase[] = [];
  const push = (key: PhaseKey, end: number) => phases.push({ key, start: phases.length ? phases[phases.length - 1].end : 0, end });
  push('url', MODEL.url);
  push('local-caches', j.dns.start);
  push('dns', j.dns.end);
  if (plans.main > 0) push('redirect', main.connectAt);
  else if (main.connectAt > j.dns.end) throw new Error('what-happens-url: a gap before the connection');
  push('tcp', main.establishedAt!);
  push('tls', main.tlsDoneAt!);
  push('ttfb', doc.firstByteAt);
  push('download', doc.lastByteAt);
  push('parse', parsed);
  push('subresources', lastSub);
  push('render', load);
  const retransmissions = trace.wires.filter((w) => w.retransmission).length + j.dns.trace.wires.filter((w) => w.retransmission && w.sentAt >= j.dns.from).length;
  return { conns, requests, phases, milestones: { parsed, fcp, dcl, load }, retransmissions };
}
