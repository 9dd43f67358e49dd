/**
 * What the page asks for, and the request messages the browser builds from it: the fetch()
 * call's method, headers, body and credentials mode, the origins compared, and the preflight
 * and actual requests as HTTP/1.1 messages (RFC 9112; `wire/http1.ts` encodes them).
 */
import { parseUri } from '../../names/uri';
import type { HttpRequest } from '../../wire/http1';
import { utf8Encode } from '../../wire/bytes';
import { isForbiddenRequestHeader, isToken, type CredentialsMode, type Header } from './fetch-rules';

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export const CONTENT_TYPES = {
  none: '',
  'text-plain': 'text/plain;charset=UTF-8',
  form: 'application/x-www-form-urlencoded',
  multipart: 'multipart/form-data; boundary=----ptboundary7MA4YWxk',
  json: 'application/json',
} as const;
export type ContentTypeKey = keyof typeof CONTENT_TYPES;

/** A sample value for a header the page sets by name. */
export function sampleValue(name: string): string {
  switch (name.toLowerCase()) {
    case 'authorization': return 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln';
    case 'accept': return 'application/json';
    case 'accept-language': return 'ko-KR,ko;q=0.9';
    case 'content-language': return 'ko';
    case 'range': return 'bytes=0-99';
    default: return 'a1b2c3';
  }
}

/** A parsed http(s) URL: its serialized origin, scheme, host (with a non-default port), port and request target. */
export interface Endpoint {
  origin: string;
  scheme: 'http' | 'https';
  host: string;
  hostname: string;
  port: number;
  target: string;
}

export function endpoint(input: string): Endpoint | null {
  const u = parseUri(input.trim());
  if (!u.ok || (u.scheme !== 'http' && u.scheme !== 'https')) return null;
  const c = u.components;
  const scheme = u.scheme;
  return {
    origin: u.origin, scheme, host: c.host, hostname: c.hostname,
    port: c.port ? Number(c.port) : scheme === 'https' ? 443 : 80,
    target: (c.pathname || '/') + c.search,
  };
}

/** A host the Secure Contexts spec deems potentially trustworthy however it is reached (localhost, loopback). */
export const isLoopback = (hostname: string): boolean =>
  hostname === 'localhost' || hostname.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(hostname) || hostname === '[::1]';

/** The page's fetch() call. */
export interface FetchCall {
  page: Endpoint;
  url: Endpoint;
  method: Method;
  /** What the page set, in order (Content-Type last); forbidden names already left out. */
  headers: Header[];
  /** Header names the page asked for that the browser left out (forbidden request-header names). */
  dropped: string[];
  body: string;
  credentials: CredentialsMode;
}

export function headerNames(list: string): string[] {
  return list.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

const BODIES: Record<ContentTypeKey, string> = {
  none: '',
  'text-plain': '{"title":"Hello"}',
  form: 'title=Hello',
  multipart: '------ptboundary7MA4YWxk\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n------ptboundary7MA4YWxk--\r\n',
  json: '{"title":"Hello"}',
};

export function fetchCall(o: { page: Endpoint; url: Endpoint; method: Method; contentType: ContentTypeKey; headers: string; credentials: CredentialsMode }): FetchCall {
  const headers: Header[] = [];
  const dropped: string[] = [];
  for (const name of headerNames(o.headers)) {
    if (!isToken(name)) continue;
    if (isForbiddenRequestHeader(name)) dropped.push(name);
    else if (name.toLowerCase() !== 'content-type' && !headers.some(([n]) => n.toLowerCase() === name.toLowerCase())) headers.push([name, sampleValue(name)]);
  }
  if (o.contentType !== 'none') headers.push(['Content-Type', CONTENT_TYPES[o.contentType]]);
  // GET and HEAD carry no body in fetch() (a TypeError otherwise); a Content-Type header alone is allowed.
  const body = o.method === 'GET' || o.method === 'HEAD' ? '' : BODIES[o.contentType];
  return { page: o.page, url: o.url, method: o.method, headers, dropped, body, credentials: o.credentials };
}

export const sameOrigin = (c: FetchCall): boolean => c.page.origin === c.url.origin;

/** Whether the browser attaches its cookies for the API's host (the credentials mode, §4.5). */
export const sendsCookies = (c: FetchCall): boolean => c.credentials === 'include' || (c.credentials === 'same-origin' && sameOrigin(c));

/** The actual request on the wire: Origin on every cross-origin request and on same-origin requests other than GET and HEAD (§3.1). */
export function actualRequest(c: FetchCall, cookie: string): HttpRequest {
  // fetch() adds Accept: */* unless the page set one.
  const accept = c.headers.find(([n]) => n.toLowerCase() === 'accept')?.[1] ?? '*/*';
  const headers: Header[] = [['Host', c.url.host], ['Accept', accept], ...c.headers.filter(([n]) => n.toLowerCase() !== 'accept')];
  if (!sameOrigin(c) || (c.method !== 'GET' && c.method !== 'HEAD')) headers.push(['Origin', c.page.origin]);
  if (sendsCookies(c)) headers.push(['Cookie', cookie]);
  const body = utf8Encode(c.body);
  if (body.length > 0) headers.push(['Content-Length', String(body.length)]);
  return { kind: 'request', method: c.method, target: c.url.target, headers, body };
}

/** The CORS preflight (§4.8): OPTIONS, the method and the unsafe header names asked for, no credentials, no body. */
export function preflightRequest(c: FetchCall, unsafe: readonly string[]): HttpRequest {
  const headers: Header[] = [['Host', c.url.host], ['Accept', '*/*'], ['Access-Control-Request-Method', c.method]];
  if (unsafe.length) headers.push(['Access-Control-Request-Headers', unsafe.join(',')]);
  headers.push(['Origin', c.page.origin]);
  return { kind: 'request', method: 'OPTIONS', target: c.url.target, headers };
}
