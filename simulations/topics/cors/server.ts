/**
 * The API server: a collection of boards at any path, and a CORS policy set by the params.
 * It answers a preflight (OPTIONS with Access-Control-Request-Method) with 204 and its policy,
 * and any other request by doing what the method asks (RFC 9110 §9.3) and adding its
 * Access-Control-Allow-Origin / -Credentials. It never refuses by Origin: deciding whether
 * the page may read the answer is the browser's job.
 */
import type { HttpResponse } from '../../wire/http1';
import { utf8Encode } from '../../wire/bytes';
import { getHeader, type Header } from './fetch-rules';

export interface Policy {
  /** Sent as is; '' sends no Access-Control-Allow-Origin. */
  allowOrigin: string;
  allowMethods: string;
  allowHeaders: string;
  allowCredentials: boolean;
}

export interface Handled {
  method: string;
  target: string;
  status: number;
  preflight: boolean;
  /** The server's data changed (a board created, replaced, updated or deleted). */
  changed: boolean;
}

export interface ServerData {
  boards: number;
  log: Handled[];
}
export const INITIAL_DATA: ServerData = { boards: 1, log: [] };

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 405: 'Method Not Allowed' };

function respond(status: number, headers: Header[], body = ''): HttpResponse {
  const bytes = utf8Encode(body);
  const h: Header[] = [...headers];
  if (bytes.length > 0 || status === 200 || status === 201) h.push(['Content-Length', String(bytes.length)]);
  return { kind: 'response', status, reason: REASONS[status], headers: h, body: bytes };
}

function corsHeaders(p: Policy): Header[] {
  const h: Header[] = [];
  if (p.allowOrigin !== '') h.push(['Access-Control-Allow-Origin', p.allowOrigin]);
  if (p.allowCredentials) h.push(['Access-Control-Allow-Credentials', 'true']);
  // A response that depends on Origin says so, so that caches keep one per origin.
  if (p.allowOrigin !== '' && p.allowOrigin !== '*') h.push(['Vary', 'Origin']);
  return h;
}

export function serve(data: ServerData, p: Policy, req: { method: string; target: string; headers: readonly Header[] }): { data: ServerData; res: HttpResponse; handled: Handled } {
  const preflight = req.method === 'OPTIONS' && getHeader(req.headers, 'Access-Control-Request-Method') !== null;
  let res: HttpResponse;
  let boards = data.boards;
  let changed = false;
  if (preflight) {
    const h = corsHeaders(p);
    if (p.allowMethods.trim()) h.push(['Access-Control-Allow-Methods', p.allowMethods.trim()]);
    if (p.allowHeaders.trim()) h.push(['Access-Control-Allow-Headers', p.allowHeaders.trim()]);
    h.push(['Access-Control-Max-Age', '600']);
    res = respond(204, h);
  } else {
    const json: Header = ['Content-Type', 'application/json'];
    switch (req.method) {
      case 'GET':
      case 'HEAD': {
        const body = JSON.stringify([{ id: 13, title: 'Hello' }].slice(0, boards));
        res = respond(200, [json, ...corsHeaders(p)], body);
        // HEAD: the same header fields but no content; Content-Length is left out (RFC 9110 §9.3.2 allows it) so the message ends at its header.
        if (req.method === 'HEAD') res = { ...res, headers: res.headers.filter(([n]) => n !== 'Content-Length'), body: new Uint8Array(0) };
        break;
      }
      case 'POST':
        boards += 1;
        changed = true;
        res = respond(201, [json, ['Location', `${req.target.replace(/[?#].*$/, '').replace(/\/$/, '')}/${13 + boards - 1}`], ...corsHeaders(p)], JSON.stringify({ id: 13 + boards - 1, title: 'Hello' }));
        break;
      case 'PUT':
      case 'PATCH':
        changed = true;
        res = respond(200, [json, ...corsHeaders(p)], JSON.stringify({ id: 13, title: 'Hello' }));
        break;
      case 'DELETE':
        changed = boards > 0;
        boards = Math.max(0, boards - 1);
        res = respond(204, corsHeaders(p));
        break;
      default:
        res = respond(405, [['Allow', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS']]);
    }
  }
  const handled: Handled = { method: req.method, target: req.target, status: res.status, preflight, changed };
  return { data: { boards, log: [...data.log, handled] }, res, handled };
}
