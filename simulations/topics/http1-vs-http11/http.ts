/**
 * The page and its HTTP messages, as real text (RFC 9112 for HTTP/1.1, RFC 1945 for
 * HTTP/1.0): one HTML document that links N images, served by name (the `Host` header)
 * from a server whose one IP address carries two sites.
 */
import { decodeHttp1, encodeHttp1, type HttpDecoded, type HttpHeaders } from '../../wire/http1';
import { asciiEncode, latin1Decode } from '../../wire/bytes';

export const SITE = 'www.example.com';
/** A second site on the same IP address: only `Host` tells the server which one is meant. */
export const OTHER_SITE = 'blog.example.org';
export type Version = 'HTTP/1.0' | 'HTTP/1.1';

const COLORS = ['#c0392b', '#2980b9', '#27ae60', '#8e44ad', '#d35400', '#16a085', '#2c3e50', '#f39c12', '#7f8c8d', '#e84393', '#0984e3', '#6c5ce7'];

export const imagePath = (k: number) => `/img/${k}.svg`;

export function pageHtml(site: string, images: number): string {
  const imgs = Array.from({ length: images }, (_, i) => `<img src="${imagePath(i + 1)}" alt="${i + 1}">`).join('');
  return `<!doctype html><title>${site}</title><h1>${site}</h1>${imgs}`;
}

export function imageSvg(k: number): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8" fill="${COLORS[(k - 1) % COLORS.length]}"/></svg>`;
}

/** The image paths an HTML document links, in document order (what a browser's parser finds). */
export function linkedImages(html: string): string[] {
  return [...html.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]);
}

export function request(version: Version, path: string, connection: 'keep-alive' | 'close'): string {
  const headers: HttpHeaders = [['Host', SITE], ['Accept', path.endsWith('.svg') ? 'image/svg+xml' : 'text/html'], ['Connection', connection]];
  return latin1Decode(encodeHttp1({ kind: 'request', method: 'GET', target: path, version, headers }));
}

export function response(version: Version, status: 200 | 400 | 404, type: string, body: string, connection: 'keep-alive' | 'close'): string {
  const bytes = asciiEncode(body);
  const reason = status === 200 ? 'OK' : status === 400 ? 'Bad Request' : 'Not Found';
  const headers: HttpHeaders = [['Content-Type', type], ['Content-Length', String(bytes.length)], ['Connection', connection]];
  return latin1Decode(encodeHttp1({ kind: 'response', version, status, reason, headers, body: bytes }));
}

export const decode = (text: string): HttpDecoded => decodeHttp1(asciiEncode(text));

export const header = (m: HttpDecoded, name: string): string | undefined => m.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

/** Does this message ask to close the connection after it (RFC 9112 §9.3; an HTTP/1.0 one unless it asks to keep alive)? */
export function closes(m: HttpDecoded): boolean {
  const c = (header(m, 'connection') ?? '').toLowerCase();
  if (c.split(/\s*,\s*/).includes('close')) return true;
  return m.version === 'HTTP/1.0' && !c.split(/\s*,\s*/).includes('keep-alive');
}

/** What the server answers: the site is chosen by `Host` (virtual hosting); HTTP/1.1 without `Host` is a 400 (RFC 9112 §3.2). */
export function serve(req: HttpDecoded, images: number): { status: 200 | 400 | 404; type: string; body: string } {
  const host = (header(req, 'host') ?? '').toLowerCase();
  if (req.kind !== 'request') throw new Error('not a request');
  if (!host && req.version === 'HTTP/1.1') return { status: 400, type: 'text/plain', body: 'missing Host' };
  const site = host === OTHER_SITE ? OTHER_SITE : host === SITE ? SITE : '';
  if (!site) return { status: 404, type: 'text/plain', body: 'no such site' };
  if (req.target === '/') return { status: 200, type: 'text/html', body: pageHtml(site, site === SITE ? images : 0) };
  const m = /^\/img\/(\d+)\.svg$/.exec(req.target);
  if (m && site === SITE && Number(m[1]) >= 1 && Number(m[1]) <= images) return { status: 200, type: 'image/svg+xml', body: imageSvg(Number(m[1])) };
  return { status: 404, type: 'text/plain', body: 'not found' };
}
