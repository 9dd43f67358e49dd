import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import scenario, { params } from './index';
import { withScenes, type FullTimeline } from '../../core/timeline';
import { entitiesOf } from '../../core/entities';
import { defaults } from '../../core/params';
import type { MessageEntity } from '../../figures/sequence';
import type { CountersEntity } from '../../figures/panels';
import { decodeHttp1, type HttpDecoded } from '../../wire/http1';
import { utf8Encode } from '../../wire/bytes';
import { dataLength } from '../../tcp/segment';
import { corsCheck, isSafelistedMethod, preflightCheck, unsafeHeaderNames, type Header } from './fetch-rules';

type P = Record<string, string | number | boolean>;
const base = defaults(params);
const sim = (p: P = {}, seed = 1): FullTimeline => withScenes(scenario.simulate({ ...base, ...p }, seed));
const messages = (tl: FullTimeline): MessageEntity[] => {
  const seen = new Map<string, MessageEntity>();
  for (const s of tl.steps) for (const m of entitiesOf(s.scene, 'message')) seen.set(m.id, m);
  return [...seen.values()].sort((a, b) => a.y0 - b.y0);
};
const httpOf = (m: MessageEntity): HttpDecoded | null => (m.packet?.proto === 'tcp' ? decodeHttp1(utf8Encode(m.packet.fields.seg.data)) : null);
const requests = (tl: FullTimeline) => messages(tl).map(httpOf).filter((x): x is HttpDecoded & { kind: 'request' } => x?.kind === 'request');
const responses = (tl: FullTimeline) => messages(tl).map(httpOf).filter((x): x is HttpDecoded & { kind: 'response' } => x?.kind === 'response');
const hdr = (m: HttpDecoded, name: string) => m.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const keys = (tl: FullTimeline) => tl.steps.map((s) => s.key).filter(Boolean);
const panel = (tl: FullTimeline, id: string) => tl.steps[tl.steps.length - 1].scene.entities[id] as CountersEntity;

describe('cors: the default run', () => {
  it('POST with application/json: a preflight, then the POST; the page reads 201', () => {
    const tl = sim();
    expect(keys(tl)).toEqual(['start', 'fetch', 'preflight', 'preflight-response', 'preflight-ok', 'served', 'cors-ok', 'result']);
    const [pre, actual] = requests(tl);
    expect(pre.method).toBe('OPTIONS');
    expect(hdr(pre, 'Access-Control-Request-Method')).toBe('POST');
    expect(hdr(pre, 'Access-Control-Request-Headers')).toBe('content-type');
    expect(hdr(pre, 'Origin')).toBe('http://localhost:3000');
    expect(actual.method).toBe('POST');
    expect(hdr(actual, 'Origin')).toBe('http://localhost:3000');
    expect(responses(tl).map((r) => r.status)).toEqual([204, 201]);
    const last = messages(tl).at(-1)!;
    expect([last.from, last.to, last.label]).toEqual(['browser', 'page', 'Response 201']);
    expect(panel(tl, 'checks').rows.map((r) => r.values[0])).toEqual(['✗', '✓', '✗', '✓', '✓', '✓']);
  });

  it('the bytes go on one connection: each side\'s sequence numbers follow on from what it sent', () => {
    const segs = messages(sim()).flatMap((m) => (m.packet?.proto === 'tcp' ? [{ from: m.from, seg: m.packet.fields.seg }] : []));
    for (const side of ['browser', 'server']) {
      const mine = segs.filter((s) => s.from === side);
      for (let i = 1; i < mine.length; i++) expect(mine[i].seg.seq).toBe((mine[i - 1].seg.seq + dataLength(mine[i - 1].seg.data)) >>> 0);
    }
    const [req, res] = segs;
    expect(res.seg.ack).toBe((req.seg.seq + dataLength(req.seg.data)) >>> 0);
  });
});

describe('cors: the sheet, corrected', () => {
  it('a simple POST (text/plain) has no preflight: the server creates the board even when the browser then hides the response', () => {
    const tl = sim({ 'content-type': 'text-plain', 'allow-origin': '' });
    expect(keys(tl)).toEqual(['start', 'fetch', 'simple', 'served', 'cors-fail', 'result']);
    expect(requests(tl).map((r) => r.method)).toEqual(['POST']);
    const server = panel(tl, 'server-log');
    expect(server.rows[0].values[0]).toBe('2');
    expect(server.rows.at(-1)!.values).toEqual(['201', '✓']);
    expect(messages(tl).at(-1)!.label).toBe('TypeError');
  });
  it('a PUT is preflighted because of its method, not because it changes data: a refused preflight leaves the server untouched', () => {
    const tl = sim({ method: 'put', 'allow-methods': 'GET, POST' });
    expect(keys(tl)).toContain('preflight-fail');
    expect(requests(tl).map((r) => r.method)).toEqual(['OPTIONS']);
    expect(panel(tl, 'server-log').rows[0].values[0]).toBe('1');
  });
});

describe('cors: cases', () => {
  it('same origin: no preflight, no CORS check; Origin still sent on a POST, not on a GET', () => {
    const post = sim({ origin: 'http://localhost:8080' });
    expect(keys(post)).toEqual(['start', 'fetch', 'same-origin', 'served', 'response', 'result']);
    expect(hdr(requests(post)[0], 'Origin')).toBe('http://localhost:8080');
    const get = sim({ origin: 'http://localhost:8080/app/', method: 'get', 'content-type': 'none' });
    expect(hdr(requests(get)[0], 'Origin')).toBeUndefined();
    expect(get.notices?.[0].en).toMatch(/origin/);
  });
  it('credentials: include sends the cookie on the actual request only, and needs Allow-Credentials and an exact origin', () => {
    const ok = sim({ credentials: 'include', 'allow-credentials': true });
    const [pre, actual] = requests(ok);
    expect(hdr(pre, 'Cookie')).toBeUndefined();
    expect(hdr(actual, 'Cookie')).toMatch(/^sid=[0-9a-f]{16}$/);
    expect(keys(ok)).toContain('cors-ok');
    expect(keys(sim({ credentials: 'include', 'allow-credentials': true, 'allow-origin': '*' }))).toContain('preflight-fail');
    expect(hdr(requests(sim({ credentials: 'omit', origin: 'http://localhost:8080' }))[0], 'Cookie')).toBeUndefined();
    expect(hdr(requests(sim({ origin: 'http://localhost:8080' }))[0], 'Cookie')).toBeDefined();
  });
  it('forbidden headers are left out and the page is told', () => {
    const tl = sim({ headers: 'cookie, x-request-id', 'allow-headers': 'content-type, x-request-id' });
    expect(hdr(requests(tl)[0], 'Access-Control-Request-Headers')).toBe('content-type,x-request-id');
    expect(tl.steps.find((s) => s.key === 'fetch')!.narration.en).toMatch(/cookie: a page may not set/);
  });
  it('an https page may not fetch plain http, except on loopback; nothing is sent', () => {
    const tl = sim({ origin: 'https://app.example', target: 'http://api.example/x' });
    expect(keys(tl)).toContain('mixed-content');
    expect(messages(tl).filter((m) => m.to === 'server')).toEqual([]);
    expect(keys(sim({ origin: 'https://app.example', target: 'http://localhost:8080/x' }))).not.toContain('mixed-content');
  });
  it('over https the messages carry no bytes, and the page says why', () => {
    const tl = sim({ origin: 'https://app.example', target: 'https://api.example/boards', 'allow-origin': 'https://app.example' });
    expect(tl.noPackets?.en).toMatch(/TLS/);
    expect(messages(tl).some((m) => m.packet)).toBe(false);
    expect(keys(tl)).toContain('cors-ok');
  });
  it('HEAD: a response with no content is read to its end', () => {
    expect(keys(sim({ method: 'head', 'content-type': 'none', 'allow-origin': '*' }))).toContain('cors-ok');
  });
});

// Any request and any server policy: the run obeys the Fetch rules, recomputed here from the bytes on the wire.
const headerName = fc.constantFrom('authorization', 'x-request-id', 'accept', 'accept-language', 'range', 'cookie', 'X-Custom');
const arbParams = fc.record({
  origin: fc.constantFrom('http://localhost:3000', 'http://localhost:8080', 'https://app.example', 'http://localhost'),
  method: fc.constantFrom('get', 'head', 'post', 'put', 'patch', 'delete'),
  'content-type': fc.constantFrom('none', 'text-plain', 'form', 'multipart', 'json'),
  headers: fc.uniqueArray(headerName, { maxLength: 3 }).map((a) => a.join(', ')),
  credentials: fc.constantFrom('omit', 'same-origin', 'include'),
  'allow-origin': fc.constantFrom('', '*', 'http://localhost:3000', 'http://localhost:3000/', 'https://app.example'),
  'allow-methods': fc.constantFrom('', '*', 'GET, POST, PUT', 'put, delete', 'PUT, PATCH, DELETE'),
  'allow-headers': fc.constantFrom('', '*', 'Content-Type', 'content-type, authorization, x-request-id', 'Accept-Language, Range, X-Custom'),
  'allow-credentials': fc.boolean(),
});

describe('cors: invariants over requests and policies', () => {
  it('the actual request is sent iff no preflight is needed or the preflight passed; the page reads iff the CORS check passed', () => {
    fc.assert(
      fc.property(arbParams, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (p, seed) => {
        const tl = sim(p, seed);
        const reqs = requests(tl);
        const ress = responses(tl);
        const origin = p.origin.replace(/\/$/, '');
        const same = origin === 'http://localhost:8080';
        const k = keys(tl);
        expect(k[0]).toBe('start');
        expect(new Set(k).size).toBe(k.length);
        if (k.includes('mixed-content')) return;
        const pre = reqs.find((r) => r.method === 'OPTIONS');
        const actual = reqs.find((r) => r.method !== 'OPTIONS');
        const page: Header[] = (pre ?? actual)!.headers.filter(([n]) => !['host', 'origin', 'cookie', 'content-length', 'accept', 'access-control-request-method', 'access-control-request-headers'].includes(n.toLowerCase()));
        const method = p.method.toUpperCase();
        if (pre) {
          expect(same).toBe(false);
          expect(hdr(pre, 'Cookie')).toBeUndefined();
          expect(hdr(pre, 'Access-Control-Request-Method')).toBe(method);
          const unsafe = hdr(pre, 'Access-Control-Request-Headers')?.split(',') ?? [];
          expect(unsafe).toEqual([...unsafe].sort());
          expect(!isSafelistedMethod(method) || unsafe.length > 0).toBe(true);
          const verdict = preflightCheck({ origin, credentials: p.credentials as never, method, headers: actual ? actual.headers.filter(([n]) => unsafe.includes(n.toLowerCase()) || n.toLowerCase() === 'authorization') : [] }, { status: ress[0].status, headers: ress[0].headers });
          if (actual) expect(verdict.ok).toBe(true);
          expect(Boolean(actual)).toBe(k.includes('preflight-ok'));
        } else {
          expect(actual).toBeDefined();
          if (!same) expect(isSafelistedMethod(method) && unsafeHeaderNames(page).length === 0).toBe(true);
        }
        const readable = messages(tl).at(-1)!.label.startsWith('Response');
        if (actual) {
          expect(hdr(actual, 'Origin') !== undefined).toBe(!same || !['GET', 'HEAD'].includes(method));
          expect(hdr(actual, 'Cookie') !== undefined).toBe(p.credentials === 'include' || (p.credentials === 'same-origin' && same));
          const res = ress.at(-1)!;
          expect(readable).toBe(same || corsCheck(origin, p.credentials as never, res.headers).ok);
        } else expect(readable).toBe(false);
        // The server changed its data only for an actual POST, PUT, PATCH or DELETE that reached it.
        const changedRows = panel(tl, 'server-log').rows.slice(1).filter((r) => r.values[1] === '✓').length;
        expect(changedRows).toBe(actual && ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method) ? 1 : 0);
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });

  it('the same params and seed give the same timeline, byte for byte', () => {
    fc.assert(
      fc.property(arbParams, fc.integer({ min: 0, max: 1000 }), (p, seed) => {
        expect(JSON.stringify(scenario.simulate({ ...base, ...p }, seed))).toBe(JSON.stringify(scenario.simulate({ ...base, ...p }, seed)));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
