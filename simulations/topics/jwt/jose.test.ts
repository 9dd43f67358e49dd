import { describe, expect, it } from 'vitest';
import { p256 } from '@noble/curves/nist.js';
import { b64url, b64urlDecode, decodeJwt, signJws, verifyJwt } from './jose';
import { asciiEncode } from '../../wire/bytes';

// RFC 7515 Appendix A.1: the HS256 example, its exact header and payload bytes (with CRLFs) and key.
const A1_KEY = b64urlDecode('AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow')!;
const A1_HEADER = '{"typ":"JWT",\r\n "alg":"HS256"}';
const A1_PAYLOAD = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}';
const A1_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('JWS compact serialization (RFC 7515)', () => {
  it('A.1: HS256 over the RFC\'s bytes gives the RFC\'s token, and it verifies before its exp', () => {
    expect(signJws(A1_HEADER, A1_PAYLOAD, { alg: 'HS256', secret: A1_KEY })).toBe(A1_TOKEN);
    expect(verifyJwt(A1_TOKEN, { alg: 'HS256', secret: A1_KEY }, 1300819379).ok).toBe(true);
    expect(verifyJwt(A1_TOKEN, { alg: 'HS256', secret: A1_KEY }, 1300819380)).toEqual({ ok: false, reason: 'expired', exp: 1300819380 });
  });
  it('A.1: anyone can read the claims; no key is needed to decode', () => {
    expect(decodeJwt(A1_TOKEN)!.payload).toBe(A1_PAYLOAD);
  });
  it('ES256: a signature is 64 bytes R || S, verified with the public key only', () => {
    const sk = new Uint8Array(32).fill(9);
    const pk = p256.getPublicKey(sk);
    const token = signJws('{"alg":"ES256","typ":"JWT"}', '{"sub":"alice"}', { alg: 'ES256', privateKey: sk, publicKey: pk });
    expect(b64urlDecode(token.split('.')[2])!).toHaveLength(64);
    expect(verifyJwt(token, { alg: 'ES256', publicKey: pk }, 0).ok).toBe(true);
    expect(verifyJwt(token, { alg: 'ES256', publicKey: p256.getPublicKey(new Uint8Array(32).fill(8)) }, 0)).toEqual({ ok: false, reason: 'signature' });
  });
  it('any changed byte of the header, payload or signature fails verification', () => {
    const key = { alg: 'HS256' as const, secret: A1_KEY };
    for (let i = 0; i < A1_TOKEN.length; i++) {
      if (A1_TOKEN[i] === '.') continue;
      const c = A1_TOKEN[i] === 'A' ? 'B' : 'A';
      const bad = A1_TOKEN.slice(0, i) + c + A1_TOKEN.slice(i + 1);
      expect(verifyJwt(bad, key, 0).ok, `byte ${i}`).toBe(false);
    }
  });
  it('the verifier pins the algorithm: "none" and a different alg are refused whatever the signature', () => {
    const none = `${b64url(asciiEncode('{"alg":"none"}'))}.${A1_TOKEN.split('.')[1]}.`;
    expect(verifyJwt(none, { alg: 'HS256', secret: A1_KEY }, 0)).toEqual({ ok: false, reason: 'alg', alg: 'none' });
  });
  it('base64url has no padding and uses - and _', () => {
    expect(b64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8');
    expect(b64urlDecode('-_8')).toEqual(Uint8Array.of(0xfb, 0xff));
    expect(b64urlDecode('a')).toBeNull();
    expect(b64urlDecode('a=')).toBeNull();
  });
});
