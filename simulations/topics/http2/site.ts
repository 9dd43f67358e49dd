/**
 * The page a browser loads in this topic: one HTML document and the assets it links,
 * each with the request headers a browser sends (RFC 9113 §8.3 pseudo-headers first)
 * and the response headers a server sends. Bodies are deterministic filler text of the
 * stated size, so the byte counts on the diagram are the byte counts on the wire.
 */
import { createRandom } from '../../core/random';
import { asciiEncode } from '../../wire/bytes';
import type { HeaderField } from '../../wire/hpack';

export const HOST = 'www.example.com';

export interface Resource {
  path: string;
  type: string;
  /** Body size, bytes. */
  size: number;
  accept: string;
  /** RFC 9218 §4: urgency 0 (highest) .. 7, and whether it is useful in pieces. */
  urgency: number;
  incremental: boolean;
}

/** In the order the page asks for them; `streams` = how many of these are requested. */
export const RESOURCES: readonly Resource[] = [
  { path: '/', type: 'text/html; charset=utf-8', size: 3600, accept: 'text/html,application/xhtml+xml,*/*;q=0.8', urgency: 0, incremental: true },
  { path: '/hero.webp', type: 'image/webp', size: 4800, accept: 'image/avif,image/webp,*/*;q=0.8', urgency: 5, incremental: true },
  { path: '/style.css', type: 'text/css', size: 2400, accept: 'text/css,*/*;q=0.1', urgency: 0, incremental: false },
  { path: '/app.js', type: 'text/javascript', size: 3600, accept: '*/*', urgency: 1, incremental: false },
  { path: '/font.woff2', type: 'font/woff2', size: 2400, accept: '*/*', urgency: 2, incremental: false },
  { path: '/logo.svg', type: 'image/svg+xml', size: 1200, accept: 'image/avif,image/webp,*/*;q=0.8', urgency: 5, incremental: true },
  { path: '/photo-1.webp', type: 'image/webp', size: 2400, accept: 'image/avif,image/webp,*/*;q=0.8', urgency: 5, incremental: true },
  { path: '/photo-2.webp', type: 'image/webp', size: 2400, accept: 'image/avif,image/webp,*/*;q=0.8', urgency: 5, incremental: true },
  { path: '/vendor.js', type: 'text/javascript', size: 2400, accept: '*/*', urgency: 2, incremental: false },
  { path: '/favicon.ico', type: 'image/x-icon', size: 1200, accept: 'image/avif,image/webp,*/*;q=0.8', urgency: 6, incremental: false },
];

export const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) PacketTheater/1.0';
export const SERVER_NAME = 'packet-theater';
export const DATE = 'Fri, 31 Jan 2025 00:00:00 GMT';

/** RFC 9218 §4: the Priority field value ("u=5, i"); the default (u=3, not incremental) is left out. */
export function priorityValue(r: Resource): string | undefined {
  const parts: string[] = [];
  if (r.urgency !== 3) parts.push(`u=${r.urgency}`);
  if (r.incremental) parts.push('i');
  return parts.length ? parts.join(', ') : undefined;
}

/** A session cookie from the seed: the same on every request, so HPACK indexes it once. */
export function cookieOf(seed: number): string {
  const r = createRandom(seed).fork('http2:cookie');
  let s = '';
  for (let i = 0; i < 16; i++) s += '0123456789abcdef'[r.int(0, 15)];
  return `sid=${s}`;
}

/** The request's header list, in the order a browser writes it. */
export function requestHeaders(r: Resource, seed: number, withPriority: boolean, host: string = HOST): HeaderField[] {
  const h: HeaderField[] = [
    { name: ':method', value: 'GET' },
    { name: ':authority', value: host },
    { name: ':scheme', value: 'https' },
    { name: ':path', value: r.path },
    { name: 'user-agent', value: USER_AGENT },
    { name: 'accept', value: r.accept },
    { name: 'accept-encoding', value: 'gzip, deflate, br' },
    { name: 'accept-language', value: 'ko-KR,ko;q=0.9,en;q=0.8' },
  ];
  if (r.path !== '/') h.push({ name: 'referer', value: `https://${host}/` });
  h.push({ name: 'cookie', value: cookieOf(seed) });
  const p = withPriority ? priorityValue(r) : undefined;
  if (p) h.push({ name: 'priority', value: p });
  return h;
}

export function responseHeaders(r: Resource): HeaderField[] {
  return [
    { name: ':status', value: '200' },
    { name: 'server', value: SERVER_NAME },
    { name: 'date', value: DATE },
    { name: 'content-type', value: r.type },
    { name: 'content-length', value: String(r.size) },
    { name: 'cache-control', value: 'max-age=3600' },
  ];
}

/** The body: the path repeated as text, cut to the size (what a compressor would not shrink is beside the point). */
export function bodyOf(r: Resource): Uint8Array {
  const unit = `${r.path} `;
  let s = '';
  while (s.length < r.size) s += unit;
  return asciiEncode(s.slice(0, r.size));
}
