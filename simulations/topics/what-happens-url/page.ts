/**
 * The page the journey loads: an HTML document for https://www.naver.com/ that references a
 * stylesheet, two deferred scripts and four images, and the HTTP/1.1 messages (RFC 9112)
 * that carry them. Bodies are small, deterministic stand-ins with the right media types
 * (images as SVG, so every byte is well-formed for a dissector).
 */
import { asciiEncode, utf8Encode } from '../../wire/bytes';
import { encodeHttp1, type HttpHeaders } from '../../wire/http1';

export const HOST = 'www.naver.com';
export const UA = 'Mozilla/5.0 (PacketTheater) Chrome/124.0';
/** RFC 6797 §6.1: the policy the server sends over HTTPS (one year, subdomains too). */
export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

export type ResourceType = 'document' | 'stylesheet' | 'script' | 'image';

export interface Resource {
  path: string;
  type: ResourceType;
  mime: string;
  body: Uint8Array;
}

const filler = (label: string, n: number, line: (i: number) => string): string => {
  let s = '';
  for (let i = 0; s.length < n; i++) s += line(i);
  return `${label}${s.slice(0, n)}`;
};

export const SUBRESOURCES: readonly { path: string; type: Exclude<ResourceType, 'document'>; mime: string; size: number }[] = [
  { path: '/static/main.css', type: 'stylesheet', mime: 'text/css', size: 3000 },
  { path: '/static/vendor.js', type: 'script', mime: 'text/javascript', size: 4200 },
  { path: '/static/app.js', type: 'script', mime: 'text/javascript', size: 2600 },
  { path: '/img/logo.svg', type: 'image', mime: 'image/svg+xml', size: 1200 },
  { path: '/img/banner.svg', type: 'image', mime: 'image/svg+xml', size: 5200 },
  { path: '/img/news1.svg', type: 'image', mime: 'image/svg+xml', size: 2400 },
  { path: '/img/news2.svg', type: 'image', mime: 'image/svg+xml', size: 2400 },
];

function html(): string {
  const head = [
    '<!doctype html>',
    '<html lang="ko"><head><meta charset="utf-8"><title>NAVER</title>',
    '<link rel="stylesheet" href="/static/main.css">',
    '<script src="/static/vendor.js" defer></script>',
    '<script src="/static/app.js" defer></script>',
    '</head><body>',
    '<header><img src="/img/logo.svg" alt="NAVER"><input type="search" name="query"></header>',
    '<main><img src="/img/banner.svg" alt="">',
  ].join('\n');
  const news = filler('\n', 7000, (i) => `<article><h2>News ${i + 1}</h2><p>Headline text for item ${i + 1}.</p></article>\n`);
  return `${head}${news}\n<img src="/img/news1.svg" alt=""><img src="/img/news2.svg" alt="">\n</main></body></html>\n`;
}

function body(r: (typeof SUBRESOURCES)[number]): string {
  if (r.type === 'stylesheet') return filler('body{margin:0;font-family:sans-serif}\n', r.size, (i) => `.item-${i}{padding:${i % 9}px;color:#0${i % 10}3}\n`);
  if (r.type === 'script') return filler(`"use strict";\n`, r.size, (i) => `function f${i}(x){return x*${i}+1}\n`);
  const inner = filler('', r.size - 120, (i) => `<rect x="${i % 40}" y="${i % 30}" width="4" height="4"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 30">${inner}</svg>\n`;
}

/** Every resource of the page, the document first. */
export function resources(): Resource[] {
  return [
    { path: '/', type: 'document', mime: 'text/html; charset=utf-8', body: utf8Encode(html()) },
    ...SUBRESOURCES.map((r) => ({ path: r.path, type: r.type, mime: r.mime, body: utf8Encode(body(r)) })),
  ];
}

/** The paths a parser finds in the HTML, in document order (link, script and img elements). */
export function linkedPaths(htmlText: string): string[] {
  const out: string[] = [];
  for (const m of htmlText.matchAll(/<(?:link[^>]*href|script[^>]*src|img[^>]*src)="([^"]+)"/g)) if (!out.includes(m[1])) out.push(m[1]);
  return out;
}

const ACCEPT: Record<ResourceType, string> = {
  document: 'text/html,application/xhtml+xml',
  stylesheet: 'text/css,*/*;q=0.1',
  script: '*/*',
  image: 'image/avif,image/webp,image/svg+xml,*/*;q=0.8',
};

/** A browser's GET (RFC 9110 §9.3.1), as HTTP/1.1 text. */
export function http1Request(path: string, type: ResourceType): Uint8Array {
  const headers: HttpHeaders = [['Host', HOST], ['User-Agent', UA], ['Accept', ACCEPT[type]], ['Accept-Encoding', 'identity']];
  return encodeHttp1({ kind: 'request', method: 'GET', target: path, headers });
}

/** The server's 200 with Content-Length; over HTTPS it also sends the HSTS policy. */
export function http1Response(r: Resource, hsts: boolean): Uint8Array {
  const headers: HttpHeaders = [['Content-Type', r.mime], ['Content-Length', String(r.body.length)], ['Cache-Control', 'max-age=300']];
  if (hsts) headers.push(['Strict-Transport-Security', HSTS_VALUE]);
  return encodeHttp1({ kind: 'response', status: 200, reason: 'OK', headers, body: r.body });
}

/** What plain http://www.naver.com/ gets: a permanent redirect to the https URL (RFC 9110 §15.4.2). */
export function redirectResponse(): Uint8Array {
  const body = asciiEncode('');
  return encodeHttp1({ kind: 'response', status: 301, reason: 'Moved Permanently', headers: [['Location', `https://${HOST}/`], ['Content-Length', '0']], body });
}

/** Splits bytes into pieces of at most `max` (one TLS record per piece, one segment per record). */
export function chunks(b: Uint8Array, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let p = 0; p < b.length; p += max) out.push(b.subarray(p, p + max));
  return out.length ? out : [b];
}
