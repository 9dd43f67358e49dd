/**
 * The client's request script: the user's request, preceded by setup requests when the
 * scenario needs them (a read to learn the ETag for If-Match; for a stale tag, a change
 * made meanwhile by someone else), and followed by what a client does with the answer
 * (revalidating a GET with If-None-Match, following a 201's Location). Each next request
 * is a pure function of the plan and the responses so far.
 */
import { route, type Route } from './store';
import type { ApiRequest, ApiResponse, Header } from './server';
import { header } from './server';

export type ContentType = 'json' | 'merge-patch' | 'text' | 'form';
export const MEDIA_TYPES: Readonly<Record<ContentType, string>> = {
  json: 'application/json',
  'merge-patch': 'application/merge-patch+json',
  text: 'text/plain; charset=utf-8',
  form: 'application/x-www-form-urlencoded',
};

export interface Plan {
  method: string;
  /** Request target as sent (origin-form, ASCII). */
  target: string;
  body: string;
  type: ContentType;
  /** '' (none), 'fresh', 'stale', or an If-Match field value sent as given ('*', '"tag"'…). */
  ifMatch: string;
}

export type Role = 'setup-read' | 'setup-change' | 'main' | 'revalidate' | 'follow';

export interface Planned {
  role: Role;
  req: ApiRequest;
}

export const HOST = 'api.example.com';

export function request(method: string, target: string, extra: Header[] = [], body = '', type: ContentType = 'json'): ApiRequest {
  const headers: Header[] = [['Host', HOST], ['Accept', 'application/json'], ...extra];
  if (body !== '') headers.push(['Content-Type', MEDIA_TYPES[type]], ['Content-Length', String(new TextEncoder().encode(body).length)]);
  return { method, target, headers, body };
}

/** What "someone else" changes between our read and our write, for a stale ETag. */
export function otherChange(r: Route | null): { method: string; body: string } {
  if (!r || r.kind === 'boards') return { method: 'POST', body: '{"name":"from-another-tab"}' };
  if (r.kind === 'comments') return { method: 'POST', body: '{"text":"from another tab"}' };
  if (r.kind === 'board') return { method: 'PATCH', body: '{"title":"Edited in another tab"}' };
  return { method: 'PATCH', body: '{"text":"edited in another tab"}' };
}

const path = (target: string) => target.split('?')[0];

/** The request after `got` responses to `sent` requests, or null when the client is done. */
export function nextRequest(plan: Plan, sent: readonly Planned[], got: readonly ApiResponse[]): Planned | null {
  const pre: Role[] = plan.ifMatch === 'fresh' ? ['setup-read'] : plan.ifMatch === 'stale' ? ['setup-read', 'setup-change'] : [];
  const n = got.length;
  if (n < pre.length) {
    if (pre[n] === 'setup-read') return { role: 'setup-read', req: request('GET', path(plan.target)) };
    const ch = otherChange(route(plan.target));
    return { role: 'setup-change', req: request(ch.method, path(plan.target), [], ch.body) };
  }
  if (n === pre.length) {
    const extra: Header[] = [];
    if (plan.ifMatch === 'fresh' || plan.ifMatch === 'stale') {
      const tag = header(got[0]?.headers ?? [], 'ETag');
      if (tag) extra.push(['If-Match', tag]);
    } else if (plan.ifMatch !== '') extra.push(['If-Match', plan.ifMatch]);
    return { role: 'main', req: request(plan.method, plan.target, extra, plan.body, plan.type) };
  }
  const main = sent.findIndex((p) => p.role === 'main');
  if (n === main + 1 && main >= 0) {
    const res = got[main];
    const tag = header(res.headers, 'ETag');
    if (plan.method === 'GET' && res.status === 200 && tag) return { role: 'revalidate', req: request('GET', plan.target, [['If-None-Match', tag]]) };
    const loc = header(res.headers, 'Location');
    if (res.status === 201 && loc) return { role: 'follow', req: request('GET', loc) };
  }
  return null;
}
