/**
 * JWTs as RFC 7519 builds them on JWS compact serialization (RFC 7515 §7.1): base64url of the
 * header, of the claims, and of the signature over ASCII(header "." payload); HS256 is
 * HMAC-SHA-256 and ES256 ECDSA P-256 over SHA-256 with the 64-byte R || S signature (RFC 7518
 * §3.2, §3.4), on the audited @noble libraries. Verification pins the algorithm (RFC 8725 §3.1):
 * the header never chooses it.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { p256 } from '@noble/curves/nist.js';
import { asciiEncode, base64Decode, base64Encode, utf8Decode, utf8Encode } from '../../wire/bytes';

export type Alg = 'HS256' | 'ES256';
export type Key = { alg: 'HS256'; secret: Uint8Array } | { alg: 'ES256'; privateKey: Uint8Array; publicKey: Uint8Array };
/** What a verifier holds: the HMAC secret, or only the public key. */
export type VerifyKey = { alg: 'HS256'; secret: Uint8Array } | { alg: 'ES256'; publicKey: Uint8Array };

/** base64url without padding (RFC 7515 §2, RFC 4648 §5). */
export const b64url = (b: Uint8Array): string => base64Encode(b).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function b64urlDecode(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  const std = s.replace(/-/g, '+').replace(/_/g, '/');
  return base64Decode(std + '='.repeat((4 - (std.length % 4)) % 4));
}

function signature(input: Uint8Array, key: Key): Uint8Array {
  return key.alg === 'HS256' ? hmac(sha256, key.secret, input) : p256.sign(input, key.privateKey);
}

/** Signs the exact header and payload texts given (JSON, as the issuer serialized them). */
export function signJws(headerJson: string, payloadJson: string, key: Key): string {
  const head = `${b64url(utf8Encode(headerJson))}.${b64url(utf8Encode(payloadJson))}`;
  return `${head}.${b64url(signature(asciiEncode(head), key))}`;
}

export function issueJwt(claims: Record<string, string | number | boolean>, key: Key): string {
  return signJws(JSON.stringify({ alg: key.alg, typ: 'JWT' }), JSON.stringify(claims), key);
}

export interface Decoded {
  header: string;
  payload: string;
  signature: string;
}

/** The three parts as anyone can read them: no key needed. */
export function decodeJwt(token: string): Decoded | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const h = b64urlDecode(parts[0]);
  const p = b64urlDecode(parts[1]);
  if (!h || !p) return null;
  return { header: utf8Decode(h), payload: utf8Decode(p), signature: parts[2] };
}

export type Verdict =
  | { ok: true; claims: Record<string, unknown> }
  | { ok: false; reason: 'malformed' | 'alg' | 'signature' | 'expired' | 'not-yet'; alg?: string; exp?: number };

/** Verifies a token for an API that accepts one algorithm and one key, at time `now` (NumericDate, seconds). */
export function verifyJwt(token: string, key: VerifyKey, now: number): Verdict {
  const parts = token.split('.');
  const d = decodeJwt(token);
  if (!d) return { ok: false, reason: 'malformed' };
  let header: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(d.header);
    claims = JSON.parse(d.payload);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (header.alg !== key.alg) return { ok: false, reason: 'alg', alg: String(header.alg) };
  const sig = b64urlDecode(parts[2]);
  const input = asciiEncode(`${parts[0]}.${parts[1]}`);
  const good =
    sig !== null &&
    (key.alg === 'HS256'
      ? sig.length === 32 && equal(hmac(sha256, key.secret, input), sig)
      : sig.length === 64 && p256.verify(sig, input, key.publicKey));
  if (!good) return { ok: false, reason: 'signature' };
  if (typeof claims.exp === 'number' && now >= claims.exp) return { ok: false, reason: 'expired', exp: claims.exp };
  if (typeof claims.nbf === 'number' && now < claims.nbf) return { ok: false, reason: 'not-yet' };
  return { ok: true, claims };
}

/** Compares in time independent of where the first difference is. */
function equal(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) d |= a[i] ^ b[i];
  return d === 0;
}
