/**
 * The login both runs carry: a form POST (RFC 9110 §9.3.3, application/x-www-form-urlencoded)
 * and a 200 with a session cookie (RFC 6265). Over HTTPS the cookie is marked Secure, so
 * the browser never sends it back over plain HTTP.
 */
import { createRandom } from '../../core/random';
import { asciiEncode } from '../../wire/bytes';
import { encodeHttp1 } from '../../wire/http1';

export const HOST = 'www.example.com';
export const USER = 'alice';
export const PASSWORD = 'tulip-2025';
export const FORM = `id=${USER}&pw=${PASSWORD}`;
export const STATUS = 200;

export function loginRequest(https: boolean): Uint8Array {
  const body = asciiEncode(FORM);
  return encodeHttp1({
    kind: 'request', method: 'POST', target: '/login',
    headers: [
      ['Host', HOST],
      ['Origin', `${https ? 'https' : 'http'}://${HOST}`],
      ['Content-Type', 'application/x-www-form-urlencoded'],
      ['Content-Length', String(body.length)],
    ],
    body,
  });
}

/** The session id the server hands out: 16 hex digits from the seed. */
export function sessionId(seed: number): string {
  const r = createRandom(seed).fork('session');
  return [r.u32(), r.u32()].map((x) => x.toString(16).padStart(8, '0')).join('');
}

export function loginResponse(https: boolean, seed: number): Uint8Array {
  const body = asciiEncode(`<p>Welcome, ${USER}</p>\n`);
  return encodeHttp1({
    kind: 'response', status: STATUS, reason: 'OK',
    headers: [
      ['Content-Type', 'text/html; charset=utf-8'],
      ['Set-Cookie', `sid=${sessionId(seed)}; Path=/; HttpOnly${https ? '; Secure' : ''}; SameSite=Lax`],
      ['Content-Length', String(body.length)],
    ],
    body,
  });
}
