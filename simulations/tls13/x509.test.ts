import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex } from '../wire/bytes';
import { daysFromCivil, formatUtc, integer, oid, readDer, readTime, time } from './der';
import { buildCertificate, buildDemoChain, hostMatches, p256KeyFromSeed, parseCertificate, verifyChain } from './x509';

// 2025-01-01T00:00:00Z and a year later, as logical unix seconds.
const T0 = daysFromCivil(2025, 1, 1) * 86400;
const YEAR = 365 * 86400;
const demo = () => buildDemoChain({ host: 'www.example.com', seed: 'scenario-42', notBefore: T0, notAfter: T0 + YEAR });

describe('DER primitives (X.690)', () => {
  it('encodes INTEGER with a sign octet and OIDs in base 128', () => {
    expect(toHex(integer(0))).toBe('020100');
    expect(toHex(integer(128))).toBe('02020080');
    expect(toHex(integer(0x7fff))).toBe('02027fff');
    expect(toHex(oid('1.2.840.10045.4.3.2'))).toBe('06082a8648ce3d040302');
    expect(toHex(oid('2.5.29.17'))).toBe('0603551d11');
  });
  it('converts logical time to UTCTime / GeneralizedTime and back', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatUtc(951782400)).toBe('20000229000000'); // a leap day
    expect(toHex(time(T0))).toBe(toHex(Uint8Array.of(0x17, 13, ...'250101000000Z'.split('').map((c) => c.charCodeAt(0)))));
    const far = daysFromCivil(2051, 6, 30) * 86400 + 12 * 3600 + 34 * 60 + 56;
    expect(time(far)[0]).toBe(0x18);
    for (const t of [T0, far, 0, 951782400 + 86399]) expect(readTime(readDer(time(t)))).toBe(t);
  });
});

describe('building certificates', () => {
  it('is deterministic: the same seed gives the same bytes', () => {
    expect(toHex(demo().leaf.der)).toBe(toHex(demo().leaf.der));
    expect(toHex(demo().root.der)).not.toBe(toHex(buildDemoChain({ host: 'www.example.com', seed: 'other', notBefore: T0, notAfter: T0 + YEAR }).root.der));
  });

  it('parses back what it built', () => {
    const { leaf, intermediate, root } = demo();
    const l = parseCertificate(leaf.der);
    expect(l.subjectName).toEqual({ CN: 'www.example.com' });
    expect(l.issuerName).toEqual({ C: 'US', O: 'Packet Theater', CN: 'Packet Theater Intermediate CA' });
    expect(l.dnsNames).toEqual(['www.example.com']);
    expect(l.basicConstraints).toEqual({ ca: false });
    expect(l.keyUsage).toEqual(['digitalSignature']);
    expect([l.notBefore, l.notAfter]).toEqual([T0, T0 + YEAR]);
    expect(toHex(l.publicKey)).toBe(toHex(leaf.publicKey));
    expect(parseCertificate(intermediate.der).basicConstraints).toEqual({ ca: true, pathLength: 0 });
    expect(parseCertificate(root.der).keyUsage).toEqual(['keyCertSign', 'cRLSign']);
    expect(toHex(parseCertificate(leaf.der).authorityKeyId!)).toBe(toHex(parseCertificate(intermediate.der).subjectKeyId!));
  });

  it('is valid X.509 for an independent parser (Node / OpenSSL), signatures included', () => {
    const { leaf, intermediate, root } = demo();
    const [l, i, r] = [leaf, intermediate, root].map((c) => new X509Certificate(c.der));
    expect(l.subject).toBe('CN=www.example.com');
    expect(l.subjectAltName).toBe('DNS:www.example.com');
    expect(l.ca).toBe(false);
    expect(i.ca).toBe(true);
    expect(l.checkHost('www.example.com')).toBe('www.example.com');
    expect(l.checkIssued(i)).toBe(true);
    expect(l.verify(i.publicKey)).toBe(true);
    expect(i.verify(r.publicKey)).toBe(true);
    expect(r.verify(r.publicKey)).toBe(true);
    expect(l.verify(r.publicKey)).toBe(false);
    expect(l.validFrom).toBe('Jan  1 00:00:00 2025 GMT');
  });
});

describe('verifyChain', () => {
  const { chain, root } = demo();
  const ok = { roots: [root.der], host: 'www.example.com', now: T0 + 1000 };

  it('accepts leaf + intermediate up to the trusted root', () => {
    const r = verifyChain(chain, ok);
    expect(r.ok).toBe(true);
    expect(r.ok && r.path.map((c) => c.subjectName.CN)).toEqual(['www.example.com', 'Packet Theater Intermediate CA', 'Packet Theater Root CA']);
    // the server may also send the root itself
    expect(verifyChain([...chain, root.der], ok).ok).toBe(true);
  });

  it('rejects a chain to another root', () => {
    const other = buildDemoChain({ host: 'www.example.com', seed: 'other', notBefore: T0, notAfter: T0 + YEAR, organization: 'Other' });
    expect(verifyChain(chain, { ...ok, roots: [other.root.der] })).toMatchObject({ ok: false, reason: 'unknown_issuer', depth: 1 });
    // same name, different key: the signature gives it away
    const impostor = buildDemoChain({ host: 'www.example.com', seed: 'impostor', notBefore: T0, notAfter: T0 + YEAR });
    expect(verifyChain(chain, { ...ok, roots: [impostor.root.der] })).toMatchObject({ ok: false, reason: 'bad_signature', depth: 1 });
    expect(verifyChain(impostor.chain, ok)).toMatchObject({ ok: false, reason: 'bad_signature', depth: 1 });
  });

  it('rejects the wrong host, an expired or not yet valid leaf', () => {
    expect(verifyChain(chain, { ...ok, host: 'evil.example.net' })).toMatchObject({ ok: false, reason: 'host_mismatch', depth: 0 });
    expect(verifyChain(chain, { ...ok, now: T0 + YEAR + 1 })).toMatchObject({ ok: false, reason: 'expired', depth: 0 });
    expect(verifyChain(chain, { ...ok, now: T0 - 1 })).toMatchObject({ ok: false, reason: 'not_yet_valid', depth: 0 });
  });

  it('rejects a leaf signed by a non-CA, a missing intermediate, a broken certificate', () => {
    const { leaf, intermediate } = demo();
    const rogueKey = p256KeyFromSeed('rogue');
    const rogue = buildCertificate({
      serial: 9, subject: { commonName: 'www.example.com' }, issuer: { commonName: 'www.example.com' }, notBefore: T0, notAfter: T0 + YEAR,
      publicKey: rogueKey.publicKey, issuerPublicKey: leaf.publicKey, issuerPrivateKey: leaf.privateKey, ca: false,
      keyUsage: ['digitalSignature'], dnsNames: ['www.example.com'],
    });
    expect(verifyChain([rogue, leaf.der, intermediate.der], ok)).toMatchObject({ ok: false, reason: 'not_ca', depth: 1 });
    expect(verifyChain([leaf.der], ok)).toMatchObject({ ok: false, reason: 'unknown_issuer', depth: 0 });
    expect(verifyChain([leaf.der, root.der], ok)).toMatchObject({ ok: false, reason: 'issuer_mismatch', depth: 0 });
    const broken = leaf.der.slice(0, -3);
    expect(verifyChain([broken, intermediate.der], ok)).toMatchObject({ ok: false, reason: 'malformed', depth: 0 });
    const flipped = leaf.der.slice();
    flipped[200] ^= 1; // inside the TBS: the signature no longer matches
    expect(verifyChain([flipped, intermediate.der], ok).ok).toBe(false);
    expect(verifyChain([], ok)).toMatchObject({ ok: false, reason: 'empty_chain' });
  });

  it('matches host names per RFC 6125 (one left-most wildcard label)', () => {
    expect(hostMatches('WWW.Example.com', 'www.example.COM')).toBe(true);
    expect(hostMatches('*.example.com', 'www.example.com')).toBe(true);
    expect(hostMatches('*.example.com', 'a.b.example.com')).toBe(false);
    expect(hostMatches('*.example.com', 'example.com')).toBe(false);
    expect(hostMatches('*.com', 'example.com')).toBe(false);
  });
});

describe('openssl agrees', () => {
  it('openssl x509 reads the leaf (when openssl is installed)', () => {
    let out = '';
    try {
      out = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-text'], { input: demo().leaf.der, encoding: 'utf8' });
    } catch {
      return; // openssl is optional here; node:crypto above already parsed and verified the chain
    }
    expect(out).toMatch(/DNS:www\.example\.com/);
    expect(out).toMatch(/ecdsa-with-SHA256/);
    expect(out).toMatch(/CA:FALSE/);
  });
});
