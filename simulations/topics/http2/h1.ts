/**
 * The same page over HTTP/1.1 (RFC 9112) on one persistent connection: one request at a
 * time, each answered before the next is sent (no pipelining, as browsers do), so every
 * asset costs a round trip. Headers travel as text, uncompressed, on every request.
 */
import { encodeHttp1 } from '../../wire/http1';
import { bodyOf, HOST, RESOURCES, SERVER_NAME, DATE, USER_AGENT, cookieOf } from './site';
import type { AppUnit } from './h2';

export function buildH1(streams: number, seed: number): AppUnit[] {
  const units: AppUnit[] = [];
  for (const r of RESOURCES.slice(0, streams)) {
    const headers: [string, string][] = [
      ['Host', HOST], ['User-Agent', USER_AGENT], ['Accept', r.accept], ['Accept-Encoding', 'gzip, deflate, br'],
      ['Accept-Language', 'ko-KR,ko;q=0.9,en;q=0.8'],
    ];
    if (r.path !== '/') headers.push(['Referer', `https://${HOST}/`]);
    headers.push(['Cookie', cookieOf(seed)]);
    const req = encodeHttp1({ kind: 'request', method: 'GET', target: r.path, headers });
    units.push({ from: 'client', frames: [{ type: 'HEADERS', streamId: 0, label: `GET ${r.path}`, size: req.length }], bytes: req, lossy: false });
    const body = bodyOf(r);
    const res = encodeHttp1({
      kind: 'response', status: 200, reason: 'OK', body,
      headers: [['Server', SERVER_NAME], ['Date', DATE], ['Content-Type', r.type], ['Content-Length', String(body.length)], ['Cache-Control', 'max-age=3600']],
    });
    units.push({ from: 'server', frames: [{ type: 'DATA', streamId: 0, label: `200 ${r.path} ${body.length} B`, size: body.length, end: true }], bytes: res, lossy: true });
  }
  return units;
}
