/**
 * The client, the auth server and the API server as kernel actors. The client logs in, gets an
 * access token (a JWT) and an opaque refresh token, calls the API with the token (first altered,
 * when the params say so), calls again after the token expired, refreshes it (RFC 6749 §6) and
 * retries. The API verifies each token alone, with no session store; the auth server keeps the
 * refresh tokens it issued. Messages are HTTP/1.1 text, parsed by the receiver.
 */
import { run, type Machine, type Trace } from '../../core/kernel';
import { utf8Decode, utf8Encode } from '../../wire/bytes';
import { decodeHttp1, encodeHttp1, type HttpHeaders } from '../../wire/http1';
import { b64url, decodeJwt, issueJwt, verifyJwt, type Key, type Verdict, type VerifyKey } from './jose';

export type Tamper = 'none' | 'payload' | 'signature' | 'alg-none';
export const EPOCH = 1767225600; // 2026-01-01T00:00:00Z, the tokens' clock at the start
export const PASSWORD_BODY = '{"id":"alice","password":"tulip-2025"}';

export type Msg = { text: string };
export type Call = 'tampered' | 'first' | 'expired' | 'retry';
export type Note =
  | { type: 'login' }
  | { type: 'issued'; access: string; refresh: string; exp: number; refreshed: boolean }
  | { type: 'call'; call: Call; token: string }
  | { type: 'verdict'; token: string; verdict: Verdict; now: number }
  | { type: 'refresh' };

export interface ClientState { kind: 'client'; access?: string; refresh?: string; calls: Call[] }
export interface AuthState { kind: 'auth'; refresh: Record<string, string> }
export interface ApiState { kind: 'api' }
export type State = ClientState | AuthState | ApiState;
export type JwtTrace = Trace<State, Msg, 'start', Note>;

export interface WorldOptions {
  key: Key;
  ttl: number;
  tamper: Tamper;
  /** The auth server's refresh-token values and JWT ids, from the seed (hex). */
  nonces: string[];
  oneWay: number;
  seed: number;
}

const http = (m: Parameters<typeof encodeHttp1>[0]): Msg => ({ text: utf8Decode(encodeHttp1(m)) });
const req = (method: string, host: string, target: string, headers: HttpHeaders, body = ''): Msg =>
  http({ kind: 'request', method, target, headers: [['Host', host], ...headers, ...(body ? [['Content-Length', String(utf8Encode(body).length)] as [string, string]] : [])], body: utf8Encode(body) });
const res = (status: number, reason: string, headers: HttpHeaders, body = ''): Msg =>
  http({ kind: 'response', status, reason, headers: [...headers, ['Content-Length', String(utf8Encode(body).length)]], body: utf8Encode(body) });
const parse = (m: Msg) => decodeHttp1(utf8Encode(m.text));
const header = (h: HttpHeaders, name: string) => h.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
const seconds = (tMs: number) => EPOCH + Math.floor(tMs / 1000);

/** The token as an attacker (or a bug) changes it: the claims, a signature character, or the header's alg. */
export function tampered(token: string, how: Tamper): string {
  const [h, p, s] = token.split('.');
  const d = decodeJwt(token)!;
  if (how === 'payload') return `${h}.${b64url(utf8Encode(d.payload.replace('"role":"user"', '"role":"admin"')))}.${s}`;
  if (how === 'signature') return `${h}.${p}.${s[0] === 'A' ? 'B' : 'A'}${s.slice(1)}`;
  if (how === 'alg-none') return `${b64url(utf8Encode('{"alg":"none","typ":"JWT"}'))}.${p}.`;
  return token;
}

function client(o: WorldOptions): Machine<State, Msg, 'start', Note> {
  const callApi = (call: Call, token: string) => [
    { type: 'send' as const, to: 'api', msg: req('GET', 'api.example', '/me', [['Authorization', `Bearer ${token}`]]) },
    { type: 'note' as const, note: { type: 'call' as const, call, token } },
  ];
  return {
    init: { kind: 'client', calls: [] },
    step(st, input) {
      const s = st as ClientState;
      if (input.type === 'post') {
        return { state: s, effects: [{ type: 'send', to: 'auth', msg: req('POST', 'auth.example', '/login', [['Content-Type', 'application/json']], PASSWORD_BODY) }, { type: 'note', note: { type: 'login' } }] };
      }
      if (input.type === 'timer') return { state: { ...s, calls: [...s.calls, 'expired'] }, effects: callApi('expired', s.access!) };
      if (input.type !== 'msg') return { state: s, effects: [] };
      const m = parse(input.msg);
      if (m.kind !== 'response') return { state: s, effects: [] };
      const body = utf8Decode(m.body);
      if (input.from === 'auth') {
        const j = JSON.parse(body) as { access_token: string; refresh_token?: string };
        const next: ClientState = { ...s, access: j.access_token, refresh: j.refresh_token ?? s.refresh };
        if (!s.access) {
          const first: Call = o.tamper === 'none' ? 'first' : 'tampered';
          return { state: { ...next, calls: [first] }, effects: callApi(first, first === 'tampered' ? tampered(j.access_token, o.tamper) : j.access_token) };
        }
        return { state: { ...next, calls: [...s.calls, 'retry'] }, effects: callApi('retry', j.access_token) };
      }
      const last = s.calls[s.calls.length - 1];
      if (last === 'tampered') return { state: { ...s, calls: [...s.calls, 'first'] }, effects: callApi('first', s.access!) };
      // Later, past the token's exp: the same call again.
      if (last === 'first') return { state: s, effects: [{ type: 'timer', name: 'later', after: (o.ttl + 1) * 1000 }] };
      if (last === 'expired' && m.status === 401) {
        const body2 = `grant_type=refresh_token&refresh_token=${s.refresh}`;
        return { state: s, effects: [{ type: 'send', to: 'auth', msg: req('POST', 'auth.example', '/token', [['Content-Type', 'application/x-www-form-urlencoded']], body2) }, { type: 'note', note: { type: 'refresh' } }] };
      }
      return { state: s, effects: [] };
    },
  };
}

/** The auth server with the time of each event: issues on /login, refreshes on /token. */
function authAt(o: WorldOptions): Machine<State, Msg, 'start', Note> {
  return {
    init: { kind: 'auth', refresh: {} },
    step(st, input, now) {
      const s = st as AuthState;
      if (input.type !== 'msg') return { state: s, effects: [] };
      const m = parse(input.msg);
      if (m.kind !== 'request') return { state: s, effects: [] };
      const n = Object.keys(s.refresh).length;
      const iat = seconds(now);
      const exp = iat + o.ttl;
      const claims = { iss: 'https://auth.example', sub: 'alice', aud: 'https://api.example', role: 'user', iat, exp, jti: o.nonces[2 * n + 1].slice(0, 16) };
      const access = issueJwt(claims, o.key);
      const json = [['Content-Type', 'application/json'], ['Cache-Control', 'no-store']] as HttpHeaders;
      if (m.target === '/login') {
        const refresh = o.nonces[2 * n];
        const body = JSON.stringify({ access_token: access, token_type: 'Bearer', expires_in: o.ttl, refresh_token: refresh });
        return { state: { kind: 'auth', refresh: { ...s.refresh, [refresh]: 'alice' } }, effects: [{ type: 'send', to: 'client', msg: res(200, 'OK', json, body) }, { type: 'note', note: { type: 'issued', access, refresh, exp, refreshed: false } }] };
      }
      const given = /refresh_token=([0-9a-f]+)/.exec(utf8Decode(m.body))?.[1] ?? '';
      if (!s.refresh[given]) return { state: s, effects: [{ type: 'send', to: 'client', msg: res(400, 'Bad Request', json, '{"error":"invalid_grant"}') }] };
      const body = JSON.stringify({ access_token: access, token_type: 'Bearer', expires_in: o.ttl });
      return { state: { kind: 'auth', refresh: { ...s.refresh, [`${given}:used`]: 'alice' } }, effects: [{ type: 'send', to: 'client', msg: res(200, 'OK', json, body) }, { type: 'note', note: { type: 'issued', access, refresh: given, exp, refreshed: true } }] };
    },
  };
}

function api(verifyKey: VerifyKey): Machine<State, Msg, 'start', Note> {
  return {
    init: { kind: 'api' },
    step(st, input, now) {
      if (input.type !== 'msg') return { state: st, effects: [] };
      const m = parse(input.msg);
      if (m.kind !== 'request') return { state: st, effects: [] };
      const token = (header(m.headers, 'Authorization') ?? '').replace(/^Bearer /, '');
      const at = seconds(now);
      const verdict = verifyJwt(token, verifyKey, at);
      const ok = verdict.ok;
      const desc = ok ? '' : verdict.reason === 'expired' ? 'The access token expired' : 'The access token is invalid';
      const out = ok
        ? res(200, 'OK', [['Content-Type', 'application/json']], JSON.stringify({ sub: 'alice', name: 'Alice', role: (verdict.claims.role as string) ?? 'user' }))
        : res(401, 'Unauthorized', [['WWW-Authenticate', `Bearer error="invalid_token", error_description="${desc}"`]]);
      return { state: st, effects: [{ type: 'note', note: { type: 'verdict', token, verdict, now: at } }, { type: 'send', to: 'client', msg: out }] };
    },
  };
}

export function runJwt(o: WorldOptions): JwtTrace {
  const verifyKey: VerifyKey = o.key.alg === 'HS256' ? { alg: 'HS256', secret: o.key.secret } : { alg: 'ES256', publicKey: o.key.publicKey };
  return run<State, Msg, 'start', Note>({
    actors: { client: client(o), auth: authAt(o), api: api(verifyKey) },
    links: { 'client>auth': { delay: o.oneWay }, 'auth>client': { delay: o.oneWay }, 'client>api': { delay: o.oneWay }, 'api>client': { delay: o.oneWay } },
    seed: o.seed,
    script: [{ at: 0, to: 'client', data: 'start' }],
    maxEvents: 60,
  });
}
