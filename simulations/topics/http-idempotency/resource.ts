/**
 * The server's resources and what each method does to them (RFC 9110 §9.3): an account
 * (`/accounts/42`) and a collection of orders (`/orders`). `handle` is a pure function
 * from (state, request) to (state, response), so "the state after N identical requests"
 * is just `handle` applied N times.
 */
import { decodeHttp1, encodeHttp1, type HttpDecoded, type HttpHeaders } from '../../wire/http1';
import { asciiEncode, latin1Decode } from '../../wire/bytes';

export const HOST = 'api.example.com';
export type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'PUT' | 'DELETE' | 'POST' | 'PATCH';
export type PatchKind = 'set' | 'increment';

export interface Account {
  owner: string;
  balance: number;
}
export interface Order {
  id: number;
  item: string;
  qty: number;
}
export interface ResourceState {
  account: Account;
  orders: readonly Order[];
  nextOrder: number;
  /** Idempotency-Key → the request's fingerprint and the response first sent for it. */
  keys: Readonly<Record<string, { fingerprint: string; response: string }>>;
}

export const INITIAL: ResourceState = { account: { owner: 'kim', balance: 100 }, orders: [{ id: 1, item: 'book', qty: 1 }], nextOrder: 2, keys: {} };

const json = (v: unknown) => JSON.stringify(v);
const accountPath = '/accounts/42';

/** The request a client sends for a method (same bytes on every retry). */
export function requestFor(method: Method, patch: PatchKind, key?: string): string {
  const h: HttpHeaders = [['Host', HOST]];
  let target = accountPath;
  let body: string | undefined;
  let type: string | undefined;
  switch (method) {
    case 'OPTIONS':
      target = '/orders';
      break;
    case 'PUT':
      target = '/orders/7';
      body = json({ item: 'pen', qty: 2 });
      type = 'application/json';
      break;
    case 'DELETE':
      target = '/orders/1';
      break;
    case 'POST':
      target = '/orders';
      body = json({ item: 'pen', qty: 2 });
      type = 'application/json';
      break;
    case 'PATCH':
      // RFC 7396 JSON Merge Patch sets a value; the delta format adds to it.
      body = patch === 'set' ? json({ balance: 150 }) : json({ balance: 10 });
      type = patch === 'set' ? 'application/merge-patch+json' : 'application/vnd.example.delta+json';
      break;
    default:
      break;
  }
  if (type && body !== undefined) h.push(['Content-Type', type], ['Content-Length', String(body.length)]);
  if (key && (method === 'POST' || method === 'PATCH')) h.push(['Idempotency-Key', `"${key}"`]);
  return latin1Decode(encodeHttp1({ kind: 'request', method, target, headers: h, body: body === undefined ? undefined : asciiEncode(body) }));
}

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type', 422: 'Unprocessable Content' };

function respond(status: number, extra: HttpHeaders, body?: string, head = false): string {
  const h: HttpHeaders = [...extra];
  // No Content-Length on a 204 (RFC 9110 §8.6); a HEAD response leaves it out here too, as it may.
  if (body !== undefined && status !== 204 && !head) h.unshift(['Content-Type', 'application/json'], ['Content-Length', String(body.length)]);
  return latin1Decode(encodeHttp1({ kind: 'response', status, reason: REASONS[status], headers: h, body: body !== undefined && status !== 204 && !head ? asciiEncode(body) : undefined }));
}

export const decode = (text: string): HttpDecoded => decodeHttp1(asciiEncode(text));
const header = (m: HttpDecoded, name: string) => m.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
export const statusOf = (text: string): number => {
  const m = decode(text);
  return m.kind === 'response' ? m.status : 0;
};

const ALLOW = 'GET, HEAD, OPTIONS, POST';

/** What the server does with one request: the new state and the response text. */
export function handle(s: ResourceState, text: string): { state: ResourceState; response: string; replayed: boolean } {
  const m = decode(text);
  if (m.kind !== 'request') throw new Error('not a request');
  const body = m.body.length ? (JSON.parse(latin1Decode(m.body)) as Record<string, unknown>) : {};
  const key = header(m, 'idempotency-key')?.replace(/^"|"$/g, '');
  if (key) {
    // draft-ietf-httpapi-idempotency-key-header: a key seen before replays the first response.
    const fingerprint = `${m.method} ${m.target} ${latin1Decode(m.body)}`;
    const seen = s.keys[key];
    if (seen && seen.fingerprint === fingerprint) return { state: s, response: seen.response, replayed: true };
    if (seen) return { state: s, response: respond(422, [], json({ error: 'key reused for another request' })), replayed: false };
    const r = apply(s, m, body);
    return { state: { ...r.state, keys: { ...r.state.keys, [key]: { fingerprint, response: r.response } } }, response: r.response, replayed: false };
  }
  return { ...apply(s, m, body), replayed: false };
}

function apply(s: ResourceState, m: HttpDecoded & { kind: 'request' }, body: Record<string, unknown>): { state: ResourceState; response: string } {
  const same = (state: ResourceState, response: string) => ({ state, response });
  const order = /^\/orders\/(\d+)$/.exec(m.target);
  switch (m.method) {
    case 'GET':
    case 'HEAD':
      return same(s, respond(200, [], json(s.account), m.method === 'HEAD'));
    case 'OPTIONS':
      return same(s, respond(204, [['Allow', ALLOW]]));
    case 'PUT': {
      const id = Number(order![1]);
      const exists = s.orders.some((o) => o.id === id);
      const o: Order = { id, item: String(body.item), qty: Number(body.qty) };
      const orders = exists ? s.orders.map((x) => (x.id === id ? o : x)) : [...s.orders, o];
      // 201 when PUT created the resource, 204 when it replaced it (RFC 9110 §9.3.4).
      return same({ ...s, orders }, exists ? respond(204, []) : respond(201, [['Location', m.target]], json(o)));
    }
    case 'DELETE': {
      const id = Number(order![1]);
      if (!s.orders.some((o) => o.id === id)) return same(s, respond(404, [], json({ error: 'no such order' })));
      return same({ ...s, orders: s.orders.filter((o) => o.id !== id) }, respond(204, []));
    }
    case 'POST': {
      const o: Order = { id: s.nextOrder, item: String(body.item), qty: Number(body.qty) };
      return same({ ...s, orders: [...s.orders, o], nextOrder: s.nextOrder + 1 }, respond(201, [['Location', `/orders/${o.id}`]], json(o)));
    }
    case 'PATCH': {
      const type = header(m, 'content-type');
      const balance = Number(body.balance);
      const account = type === 'application/merge-patch+json' ? { ...s.account, balance } : { ...s.account, balance: s.account.balance + balance };
      return same({ ...s, account }, respond(200, [], json(account)));
    }
    default:
      return same(s, respond(405, [['Allow', ALLOW]]));
  }
}

/** The server state without its key store: what "the resource state" means for idempotency. */
export const resourceOf = (s: ResourceState) => ({ account: s.account, orders: s.orders });
