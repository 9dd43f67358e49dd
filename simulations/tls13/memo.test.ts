import { describe, expect, it } from 'vitest';
import { x25519 } from '@noble/curves/ed25519.js';
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keyHex, memo } from './memo';
import { dhCacheSizes, x25519PublicKey, x25519SharedSecret } from './dh';
import { buildDemoChain, ecdsaSign, ecdsaVerify, p256KeyFromSeed, verifyChain } from './x509';
import { asciiEncode, toHex } from '../wire/bytes';

const bytes = (label: string) => sha256(asciiEncode(label));
const T0 = 1_700_000_000;
const YEAR = 365 * 86400;

describe('memo', () => {
  it('keyHex is toHex', () => {
    for (const n of [0, 1, 17, 256]) {
      const b = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      expect(keyHex(b)).toBe(toHex(b));
    }
  });

  it('calls make once per key, keeps at most max entries, drops the least recently used', () => {
    const m = memo<number>(3);
    let calls = 0;
    const get = (k: string) => m.get(k, () => (calls++, k.length));
    get('a'); get('bb'); get('ccc');
    expect(calls).toBe(3);
    expect(get('a')).toBe(1); // a is now the most recent
    expect(calls).toBe(3);
    get('dddd'); // drops bb, the least recently used
    expect(m.size).toBe(3);
    get('a'); get('ccc'); get('dddd');
    expect(calls).toBe(4);
    get('bb');
    expect(calls).toBe(5);
    expect(m.size).toBe(3);
  });

  it('hands out copies: writing into a result does not change the next one', () => {
    const m = memo<Uint8Array>(2, (b) => b.slice());
    const a = m.get('k', () => Uint8Array.of(1, 2, 3));
    a[0] = 99;
    expect([...m.get('k', () => Uint8Array.of(7))]).toEqual([1, 2, 3]);
  });
});

describe('cached crypto gives what the uncached functions give', () => {
  it('X25519 public keys and shared secrets (RFC 7748), with bounded caches', () => {
    for (let i = 0; i < 100; i++) {
      const a = bytes(`a${i}`), b = bytes(`b${i}`);
      const pa = x25519PublicKey(a);
      expect(toHex(pa)).toBe(toHex(x25519.getPublicKey(a)));
      expect(toHex(x25519PublicKey(a))).toBe(toHex(pa));
      const s = x25519SharedSecret(a, x25519PublicKey(b));
      expect(toHex(s)).toBe(toHex(x25519.getSharedSecret(a, x25519.getPublicKey(b))));
      expect(toHex(x25519SharedSecret(b, pa))).toBe(toHex(s));
    }
    const sizes = dhCacheSizes();
    expect(sizes.publics).toBeLessThanOrEqual(64);
    expect(sizes.shared).toBeLessThanOrEqual(64);
  });

  it('P-256 keys, RFC 6979 signatures and verdicts, twice in a row', () => {
    for (let i = 0; i < 6; i++) {
      const k = p256KeyFromSeed(`seed-${i}`);
      const again = p256KeyFromSeed(`seed-${i}`);
      expect(toHex(again.publicKey)).toBe(toHex(k.publicKey));
      expect(toHex(k.publicKey)).toBe(toHex(p256.getPublicKey(k.privateKey, false)));
      const msg = bytes(`m${i}`);
      const sig = ecdsaSign(msg, k.privateKey);
      expect(toHex(sig)).toBe(toHex(p256.sign(msg, k.privateKey, { format: 'der' })));
      expect(toHex(ecdsaSign(msg, k.privateKey))).toBe(toHex(sig));
      expect(ecdsaVerify(sig, msg, k.publicKey)).toBe(true);
      expect(ecdsaVerify(sig, msg, k.publicKey)).toBe(true);
      const bad = msg.slice();
      bad[0] ^= 1;
      expect(ecdsaVerify(sig, bad, k.publicKey)).toBe(false);
      expect(ecdsaVerify(sig, bad, k.publicKey)).toBe(false);
    }
  });

  it('a cached demo chain is the same chain, and the caller owns its copy', () => {
    const opts = { host: 'www.example.com', seed: 'chain-1', notBefore: T0, notAfter: T0 + YEAR };
    const a = buildDemoChain(opts);
    const hexes = a.chain.map((c) => toHex(c));
    a.chain[0][10] ^= 0xff;
    a.leaf.privateKey[0] ^= 0xff;
    const b = buildDemoChain(opts);
    expect(b.chain.map((c) => toHex(c))).toEqual(hexes);
    expect(b.chain[0]).toBe(b.leaf.der);
    expect(toHex(b.leaf.publicKey)).toBe(toHex(p256.getPublicKey(b.leaf.privateKey, false)));
    // Another host or window is another chain.
    expect(toHex(buildDemoChain({ ...opts, host: 'other.example' }).chain[0])).not.toBe(hexes[0]);
    expect(toHex(buildDemoChain({ ...opts, notAfter: T0 + 2 * YEAR }).chain[0])).not.toBe(hexes[0]);
  });

  it('chain verdicts depend on every input: host, time, roots, bytes', () => {
    const pki = buildDemoChain({ host: 'www.example.com', seed: 'chain-2', notBefore: T0, notAfter: T0 + YEAR });
    const roots = [pki.root.der];
    const ok = verifyChain(pki.chain, { roots, host: 'www.example.com', now: T0 + 10 });
    expect(ok.ok).toBe(true);
    const again = verifyChain(pki.chain, { roots, host: 'www.example.com', now: T0 + 10 });
    expect(again).toEqual(ok);
    expect(again).not.toBe(ok);
    expect(verifyChain(pki.chain, { roots, host: 'evil.example', now: T0 + 10 })).toMatchObject({ ok: false, reason: 'host_mismatch' });
    expect(verifyChain(pki.chain, { roots, host: 'www.example.com', now: T0 + 2 * YEAR })).toMatchObject({ ok: false, reason: 'expired' });
    const other = buildDemoChain({ host: 'www.example.com', seed: 'chain-3', notBefore: T0, notAfter: T0 + YEAR });
    expect(verifyChain(pki.chain, { roots: [other.root.der], host: 'www.example.com', now: T0 + 10 }).ok).toBe(false);
    const tampered = pki.chain.map((c) => c.slice());
    tampered[0][tampered[0].length - 5] ^= 1;
    expect(verifyChain(tampered, { roots, host: 'www.example.com', now: T0 + 10 }).ok).toBe(false);
    expect(verifyChain(pki.chain, { roots, host: 'www.example.com', now: T0 + 10 }).ok).toBe(true);
  });
});
