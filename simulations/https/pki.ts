/**
 * The server's certificates for a run, from the seed: a good chain (root →
 * intermediate → leaf, RFC 5280), or one the client must refuse: expired, issued
 * for another host, or self-signed. Also each certificate's checks one by one,
 * for the chain panel (the verdict that ends a handshake is `tls13/verifyChain`'s).
 */
import { bytesEqual } from '../wire/bytes';
import { daysFromCivil } from '../tls13/der';
import { buildCertificate, buildDemoChain, ecdsaVerify, hostMatches, p256KeyFromSeed, parseCertificate, type ParsedCertificate } from '../tls13/x509';

export type CertCase = 'valid' | 'expired' | 'wrong-host' | 'self-signed';

/** Logical "now" of every run: 2025-01-31 (unix seconds). */
export const NOW = (daysFromCivil(2025, 1, 1) + 30) * 86400;
const YEAR = 365 * 86400;
/** The host a wrong-host certificate is issued for. */
export const OTHER_HOST = 'login.example.net';

export interface ServerPki {
  /** What the server sends, leaf first. */
  chain: Uint8Array[];
  leafPrivateKey: Uint8Array;
  /** The client's trust store. */
  roots: Uint8Array[];
}

export function serverPki(host: string, cert: CertCase, seed: number): ServerPki {
  const s = `packet-theater/${seed}`;
  const window = cert === 'expired' ? { notBefore: NOW - 2 * YEAR, notAfter: NOW - YEAR / 2 } : { notBefore: NOW - 60 * 86400, notAfter: NOW + YEAR / 2 };
  const pki = buildDemoChain({ host: cert === 'wrong-host' ? OTHER_HOST : host, seed: s, ...window });
  if (cert !== 'self-signed') return { chain: pki.chain, leafPrivateKey: pki.leaf.privateKey, roots: [pki.root.der] };
  // One certificate naming the right host, signed with its own key: no CA vouches for it.
  const key = p256KeyFromSeed(`${s}/self`);
  const name = { commonName: host };
  const der = buildCertificate({
    serial: 7, subject: name, issuer: name, ...window, publicKey: key.publicKey, issuerPublicKey: key.publicKey, issuerPrivateKey: key.privateKey,
    ca: false, keyUsage: ['digitalSignature'], dnsNames: [host], serverAuth: true,
  });
  return { chain: [der], leafPrivateKey: key.privateKey, roots: [pki.root.der] };
}

/** One check on one certificate: passed, failed, or not applicable. */
export type Check = 'ok' | 'fail' | 'n/a';

export interface CertCheck {
  role: 'root' | 'intermediate' | 'leaf';
  subject: string;
  issuer: string;
  /** Inside notBefore..notAfter at NOW. */
  validity: Check;
  /** Its signature verifies with its issuer's public key. */
  signature: Check;
  /** Leaf: names the host (RFC 6125). Root: is in the client's trust store. CA: may sign certificates. */
  nameOrTrust: Check;
}

/** The chain as the client checks it, root first, then each certificate below it. */
export function chainChecks(pki: ServerPki, host: string, now = NOW): CertCheck[] {
  const certs = pki.chain.map(parseCertificate);
  const roots = pki.roots.map(parseCertificate);
  const cn = (c: ParsedCertificate) => c.subjectName.CN ?? '?';
  const window = (c: ParsedCertificate): Check => (now >= c.notBefore && now <= c.notAfter ? 'ok' : 'fail');
  const issuerOf = (c: ParsedCertificate) => certs.find((x) => x !== c && bytesEqual(x.subject, c.issuer)) ?? roots.find((r) => bytesEqual(r.subject, c.issuer));
  const signed = (c: ParsedCertificate): Check => {
    const i = issuerOf(c);
    return i && ecdsaVerify(c.signature, c.tbs, i.publicKey) ? 'ok' : 'fail';
  };
  const out: CertCheck[] = [];
  const top = certs[certs.length - 1];
  const anchor = roots.find((r) => bytesEqual(r.subject, top.issuer) && !bytesEqual(r.der, top.der));
  if (anchor) out.push({ role: 'root', subject: cn(anchor), issuer: cn(anchor), validity: window(anchor), signature: signed(anchor), nameOrTrust: 'ok' });
  for (let d = certs.length - 1; d >= 0; d--) {
    const c = certs[d];
    const leaf = d === 0;
    out.push({
      role: leaf ? 'leaf' : 'intermediate', subject: cn(c), issuer: c.issuerName.CN ?? '?', validity: window(c), signature: signed(c),
      nameOrTrust: leaf ? (c.dnsNames.some((n) => hostMatches(n, host)) ? 'ok' : 'fail') : c.basicConstraints?.ca ? 'ok' : 'fail',
    });
  }
  return out;
}
