/**
 * Minimal X.509 v3 (RFC 5280) for scenarios: build ECDSA P-256 / SHA-256
 * certificates (root CA, intermediate, leaf) deterministically from a seed,
 * parse them back, and verify a chain against trusted roots at a logical time.
 * Signatures are RFC 6979 deterministic, so the same inputs give the same bytes.
 */
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { asciiEncode, bytesEqual, concat } from '../wire/bytes';
import { copyBytes, keyHex, memo } from './memo';
import {
  bitString, bool, children, explicit, expectTag, implicitPrimitive, integer, octetString, oid, printableString, readDer,
  readIntegerHex, readOid, readSmallInteger, readString, readTime, seq, set, TAG, time, utf8String, type DerNode,
} from './der';

export const OID = {
  ecPublicKey: '1.2.840.10045.2.1',
  prime256v1: '1.2.840.10045.3.1.7',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  countryName: '2.5.4.6',
  organizationName: '2.5.4.10',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
} as const;

/** RFC 5280 §4.2.1.3 KeyUsage bit numbers. */
export const KEY_USAGE_BITS = {
  digitalSignature: 0, nonRepudiation: 1, keyEncipherment: 2, dataEncipherment: 3, keyAgreement: 4, keyCertSign: 5, cRLSign: 6,
} as const;
export type KeyUsage = keyof typeof KEY_USAGE_BITS;

export interface DistinguishedName {
  commonName: string;
  organization?: string;
  /** Two-letter country code. */
  country?: string;
}

export interface P256KeyPair {
  /** 32-byte scalar. */
  privateKey: Uint8Array;
  /** 65-byte uncompressed point (04 || X || Y). */
  publicKey: Uint8Array;
}

/** A P-256 key pair derived from seed bytes: SHA-256(seed || counter) until the scalar is in [1, n-1]. */
export function p256KeyFromSeed(seed: Uint8Array | string): P256KeyPair {
  const s = typeof seed === 'string' ? asciiEncode(seed) : seed;
  return seededKeys.get(keyHex(s), () => deriveP256Key(s));
}

// Pure crypto kept by input (see memo.ts): keys per seed, signatures per (key, message),
// verdicts per (signature, message, key), chains per options, chain checks per inputs.
const copyPair = (k: P256KeyPair): P256KeyPair => ({ privateKey: k.privateKey.slice(), publicKey: k.publicKey.slice() });
const seededKeys = memo<P256KeyPair>(64, copyPair);
const signatures = memo<Uint8Array>(128, copyBytes);
const verdicts = memo<boolean>(256);

function deriveP256Key(s: Uint8Array): P256KeyPair {
  for (let i = 0; i < 256; i++) {
    const sk = sha256(concat(s, Uint8Array.of(i)));
    if (p256.utils.isValidSecretKey(sk)) return { privateKey: sk, publicKey: p256.getPublicKey(sk, false) };
  }
  throw new Error('x509: no valid P-256 scalar from this seed');
}

/** ECDSA P-256 over SHA-256(message), DER Ecdsa-Sig-Value (RFC 5480 §2.2 / RFC 8446 §4.2.3), RFC 6979 nonces. */
export function ecdsaSign(message: Uint8Array, privateKey: Uint8Array): Uint8Array {
  return signatures.get(`${keyHex(privateKey)}:${keyHex(message)}`, () => p256.sign(message, privateKey, { format: 'der' }));
}

export function ecdsaVerify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  return verdicts.get(`${keyHex(signature)}:${keyHex(publicKey)}:${keyHex(message)}`, () => {
    try {
      return p256.verify(signature, message, publicKey, { format: 'der', lowS: false });
    } catch {
      return false;
    }
  });
}

/** RFC 7093 §2 method 1 style key identifier: leftmost 160 bits of SHA-256 over the public key bits. */
export function keyIdentifier(publicKey: Uint8Array): Uint8Array {
  return sha256(publicKey).slice(0, 20);
}

export function encodeName(n: DistinguishedName): Uint8Array {
  const rdn = (type: string, value: Uint8Array) => set(seq(oid(type), value));
  return seq(
    ...(n.country ? [rdn(OID.countryName, printableString(n.country))] : []),
    ...(n.organization ? [rdn(OID.organizationName, utf8String(n.organization))] : []),
    rdn(OID.commonName, utf8String(n.commonName)),
  );
}

const ECDSA_SHA256 = seq(oid(OID.ecdsaWithSha256));

function keyUsageBits(usages: readonly KeyUsage[]): Uint8Array {
  let bits = 0;
  for (const u of usages) bits |= 0x80 >> KEY_USAGE_BITS[u];
  if (bits === 0) throw new Error('x509: empty key usage');
  let unused = 0;
  while (!((bits >> unused) & 1)) unused++;
  return bitString(Uint8Array.of(bits), unused);
}

function extension(id: string, critical: boolean, value: Uint8Array): Uint8Array {
  return seq(oid(id), ...(critical ? [bool(true)] : []), octetString(value));
}

export interface CertificateSpec {
  serial: number | bigint | Uint8Array;
  subject: DistinguishedName;
  issuer: DistinguishedName;
  /** Unix seconds (logical time). */
  notBefore: number;
  notAfter: number;
  /** Subject public key, 65-byte uncompressed P-256 point. */
  publicKey: Uint8Array;
  /** The issuer's public key, for the authority key identifier. */
  issuerPublicKey: Uint8Array;
  /** The issuer's private key: signs the certificate. */
  issuerPrivateKey: Uint8Array;
  /** basicConstraints cA (critical). */
  ca: boolean;
  pathLength?: number;
  keyUsage: KeyUsage[];
  /** subjectAltName dNSName entries. */
  dnsNames?: string[];
  /** extKeyUsage id-kp-serverAuth. */
  serverAuth?: boolean;
}

/** RFC 5280 §4.1: Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }. */
export function buildCertificate(spec: CertificateSpec): Uint8Array {
  const exts = [
    extension(OID.basicConstraints, true, seq(...(spec.ca ? [bool(true)] : []), ...(spec.ca && spec.pathLength !== undefined ? [integer(spec.pathLength)] : []))),
    extension(OID.keyUsage, true, keyUsageBits(spec.keyUsage)),
    ...(spec.serverAuth ? [extension(OID.extKeyUsage, false, seq(oid(OID.serverAuth)))] : []),
    extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(spec.publicKey))),
    extension(OID.authorityKeyIdentifier, false, seq(implicitPrimitive(0, keyIdentifier(spec.issuerPublicKey)))),
    ...(spec.dnsNames?.length ? [extension(OID.subjectAltName, false, seq(...spec.dnsNames.map((d) => implicitPrimitive(2, asciiEncode(d)))))] : []),
  ];
  const tbs = seq(
    explicit(0, integer(2)), // version v3
    integer(spec.serial),
    ECDSA_SHA256,
    encodeName(spec.issuer),
    seq(time(spec.notBefore), time(spec.notAfter)),
    encodeName(spec.subject),
    seq(seq(oid(OID.ecPublicKey), oid(OID.prime256v1)), bitString(spec.publicKey)),
    explicit(3, seq(...exts)),
  );
  return seq(tbs, ECDSA_SHA256, bitString(ecdsaSign(tbs, spec.issuerPrivateKey)));
}

// ---------------------------------------------------------------- parse

export interface ParsedCertificate {
  der: Uint8Array;
  tbs: Uint8Array;
  serialHex: string;
  signatureAlgorithm: string;
  /** DER Ecdsa-Sig-Value. */
  signature: Uint8Array;
  /** The Name encodings, compared byte for byte when chaining. */
  issuer: Uint8Array;
  subject: Uint8Array;
  issuerName: Record<string, string>;
  subjectName: Record<string, string>;
  notBefore: number;
  notAfter: number;
  publicKeyAlgorithm: string;
  curve?: string;
  publicKey: Uint8Array;
  /** undefined when the extension is absent. */
  basicConstraints?: { ca: boolean; pathLength?: number };
  keyUsage?: KeyUsage[];
  dnsNames: string[];
  subjectKeyId?: Uint8Array;
  authorityKeyId?: Uint8Array;
}

const NAME_KEYS: Record<string, string> = { [OID.commonName]: 'CN', [OID.organizationName]: 'O', [OID.countryName]: 'C' };

function readName(node: DerNode): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rdn of children(expectTag(node, TAG.sequence, 'Name'))) {
    for (const atv of children(expectTag(rdn, TAG.set, 'RDN'))) {
      const [type, value] = children(atv);
      const id = readOid(type);
      out[NAME_KEYS[id] ?? id] = readString(value);
    }
  }
  return out;
}

function readBitString(node: DerNode): Uint8Array {
  expectTag(node, TAG.bitString, 'BIT STRING');
  if (node.content[0] !== 0) throw new Error('x509: BIT STRING with unused bits');
  return node.content.slice(1);
}

/** Parses a DER certificate; throws on anything it does not understand. */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  const top = readDer(der);
  if (top.end !== der.length) throw new Error('x509: trailing bytes');
  const [tbsNode, algNode, sigNode, ...extra] = children(expectTag(top, TAG.sequence, 'Certificate'));
  if (!sigNode || extra.length) throw new Error('x509: Certificate must have three fields');
  const f = children(expectTag(tbsNode, TAG.sequence, 'TBSCertificate'));
  let i = 0;
  if (f[0].tag === 0xa0) {
    if (readSmallInteger(readDer(f[0].content)) !== 2) throw new Error('x509: only v3 certificates');
    i++;
  } else throw new Error('x509: only v3 certificates');
  const serialHex = readIntegerHex(f[i++]);
  const innerAlg = readOid(children(f[i++])[0]);
  const signatureAlgorithm = readOid(children(algNode)[0]);
  if (innerAlg !== signatureAlgorithm) throw new Error('x509: signature algorithms differ');
  const issuerNode = f[i++];
  const [nb, na] = children(f[i++]);
  const subjectNode = f[i++];
  const [spkiAlg, spkiKey] = children(f[i++]);
  const spkiIds = children(spkiAlg);
  const cert: ParsedCertificate = {
    der, tbs: tbsNode.bytes, serialHex, signatureAlgorithm, signature: readBitString(sigNode),
    issuer: issuerNode.bytes, subject: subjectNode.bytes, issuerName: readName(issuerNode), subjectName: readName(subjectNode),
    notBefore: readTime(nb), notAfter: readTime(na),
    publicKeyAlgorithm: readOid(spkiIds[0]), curve: spkiIds[1]?.tag === TAG.oid ? readOid(spkiIds[1]) : undefined,
    publicKey: readBitString(spkiKey), dnsNames: [],
  };
  for (; i < f.length; i++) {
    if (f[i].tag !== 0xa3) continue;
    for (const e of children(readDer(f[i].content))) {
      const parts = children(e);
      const id = readOid(parts[0]);
      const value = readDer(expectTag(parts[parts.length - 1], TAG.octetString, 'extnValue').content);
      if (id === OID.basicConstraints) {
        const bc = children(value);
        const ca = bc[0]?.tag === TAG.boolean && bc[0].content[0] !== 0;
        const pl = bc.find((n) => n.tag === TAG.integer);
        cert.basicConstraints = { ca, ...(pl ? { pathLength: readSmallInteger(pl) } : {}) };
      } else if (id === OID.keyUsage) {
        const bits = expectTag(value, TAG.bitString, 'KeyUsage').content;
        const word = ((bits[1] ?? 0) << 8) | (bits[2] ?? 0);
        cert.keyUsage = (Object.keys(KEY_USAGE_BITS) as KeyUsage[]).filter((k) => word & (0x8000 >> KEY_USAGE_BITS[k]));
      } else if (id === OID.subjectAltName) {
        cert.dnsNames = children(value).filter((n) => n.tag === 0x82).map(readString);
      } else if (id === OID.subjectKeyIdentifier) {
        cert.subjectKeyId = expectTag(value, TAG.octetString, 'SKI').content.slice();
      } else if (id === OID.authorityKeyIdentifier) {
        cert.authorityKeyId = children(value).find((n) => n.tag === 0x80)?.content.slice();
      }
    }
  }
  return cert;
}

// ---------------------------------------------------------------- verify

export type ChainFailureReason =
  | 'empty_chain'
  | 'malformed'
  | 'unsupported_algorithm'
  | 'host_mismatch'
  | 'not_yet_valid'
  | 'expired'
  | 'issuer_mismatch'
  | 'unknown_issuer'
  | 'not_ca'
  | 'bad_key_usage'
  | 'path_too_long'
  | 'bad_signature';

export type ChainResult =
  | { ok: true; path: ParsedCertificate[] }
  /** depth 0 is the leaf; depth === chain.length means the trust anchor. */
  | { ok: false; reason: ChainFailureReason; depth: number; detail: string };

/** RFC 6125 §6.4: case-insensitive DNS name match; a wildcard only as the whole left-most label. */
export function hostMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, ''), h = host.toLowerCase().replace(/\.$/, '');
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2) && p.slice(2).includes('.');
}

export interface VerifyOptions {
  /** Trusted root certificates (DER). */
  roots: readonly Uint8Array[];
  /** The name the client asked for (SNI). */
  host: string;
  /** Logical time, unix seconds. */
  now: number;
}

/**
 * Verifies chain (leaf first, as in the TLS Certificate message) up to one of
 * the trusted roots: names chain issuer to subject, every issuer is a CA
 * allowed to sign certificates, every signature verifies, every certificate
 * (root included) is inside its validity window, and the leaf names the host.
 */
export function verifyChain(chain: readonly Uint8Array[], opts: VerifyOptions): ChainResult {
  const key = `${chain.map(keyHex).join('.')}|${opts.roots.map(keyHex).join('.')}|${opts.host}|${opts.now}`;
  return chainVerdicts.get(key, () => checkChain(chain, opts));
}

// A verdict is handed out as a fresh object with its own path array (the parsed
// certificates in it are shared: nothing writes to them).
const chainVerdicts = memo<ChainResult>(32, (r) => (r.ok ? { ok: true, path: [...r.path] } : { ...r }));

function checkChain(chain: readonly Uint8Array[], opts: VerifyOptions): ChainResult {
  if (!chain.length) return { ok: false, reason: 'empty_chain', depth: 0, detail: 'no certificates' };
  const certs: ParsedCertificate[] = [];
  for (let d = 0; d < chain.length; d++) {
    try {
      certs.push(parseCertificate(chain[d]));
    } catch (e) {
      return { ok: false, reason: 'malformed', depth: d, detail: e instanceof Error ? e.message : String(e) };
    }
  }
  const roots: ParsedCertificate[] = [];
  for (const r of opts.roots) {
    try { roots.push(parseCertificate(r)); } catch { /* an unreadable root anchors nothing */ }
  }
  const leaf = certs[0];
  if (!leaf.dnsNames.some((n) => hostMatches(n, opts.host))) {
    return { ok: false, reason: 'host_mismatch', depth: 0, detail: `${opts.host} is not in [${leaf.dnsNames.join(', ')}]` };
  }
  const path: ParsedCertificate[] = [];
  for (let d = 0; ; d++) {
    const cert = d < certs.length ? certs[d] : undefined;
    if (!cert) return { ok: false, reason: 'unknown_issuer', depth: d, detail: 'the chain ends without a trusted root' };
    path.push(cert);
    const window = checkWindow(cert, opts.now, d);
    if (window) return window;
    if (cert.signatureAlgorithm !== OID.ecdsaWithSha256 || cert.publicKeyAlgorithm !== OID.ecPublicKey || cert.curve !== OID.prime256v1) {
      return { ok: false, reason: 'unsupported_algorithm', depth: d, detail: `${cert.signatureAlgorithm} / ${cert.curve}` };
    }
    // A certificate that is itself a trusted root ends the path.
    if (roots.some((r) => bytesEqual(r.der, cert.der))) return { ok: true, path };
    const root = roots.find((r) => bytesEqual(r.subject, cert.issuer));
    const next = certs[d + 1];
    const issuer = next && bytesEqual(next.subject, cert.issuer) ? next : root;
    if (!issuer) {
      return next
        ? { ok: false, reason: 'issuer_mismatch', depth: d, detail: `issuer ${fmt(cert.issuerName)} is not the next subject ${fmt(next.subjectName)}` }
        : { ok: false, reason: 'unknown_issuer', depth: d, detail: `no trusted root named ${fmt(cert.issuerName)}` };
    }
    const issuerDepth = issuer === next ? d + 1 : certs.length;
    if (!issuer.basicConstraints?.ca) return { ok: false, reason: 'not_ca', depth: issuerDepth, detail: `${fmt(issuer.subjectName)} is not a CA` };
    if (issuer.keyUsage && !issuer.keyUsage.includes('keyCertSign')) {
      return { ok: false, reason: 'bad_key_usage', depth: issuerDepth, detail: `${fmt(issuer.subjectName)} may not sign certificates` };
    }
    // pathLenConstraint: how many intermediate CA certificates may follow this one (RFC 5280 §4.2.1.9).
    // Below the issuer sit d intermediate CAs (certs[1..d]) before the leaf.
    if (issuer.basicConstraints.pathLength !== undefined && d > issuer.basicConstraints.pathLength) {
      return { ok: false, reason: 'path_too_long', depth: issuerDepth, detail: `pathLen ${issuer.basicConstraints.pathLength}` };
    }
    if (!ecdsaVerify(cert.signature, cert.tbs, issuer.publicKey)) {
      return { ok: false, reason: 'bad_signature', depth: d, detail: `${fmt(cert.subjectName)} is not signed by ${fmt(issuer.subjectName)}'s key` };
    }
    if (issuer === root) {
      path.push(root);
      const rootWindow = checkWindow(root, opts.now, certs.length);
      return rootWindow ?? { ok: true, path };
    }
  }
}

function checkWindow(cert: ParsedCertificate, now: number, depth: number): ChainResult | null {
  if (now < cert.notBefore) return { ok: false, reason: 'not_yet_valid', depth, detail: `${fmt(cert.subjectName)} is valid from ${cert.notBefore}` };
  if (now > cert.notAfter) return { ok: false, reason: 'expired', depth, detail: `${fmt(cert.subjectName)} expired at ${cert.notAfter}` };
  return null;
}

const fmt = (n: Record<string, string>) => Object.entries(n).map(([k, v]) => `${k}=${v}`).join(', ');

// ---------------------------------------------------------------- scenario chain

export interface IssuedCertificate extends P256KeyPair {
  der: Uint8Array;
  name: DistinguishedName;
}

export interface DemoChainOptions {
  /** Host name(s) for the leaf's subjectAltName; the first is its CN. */
  host: string | string[];
  /** Seed for the three key pairs. */
  seed: string | Uint8Array;
  /** Validity of the leaf (unix seconds); the CAs get a wider window around it. */
  notBefore: number;
  notAfter: number;
  /** Default 'Packet Theater'. */
  organization?: string;
}

/** Root CA → intermediate CA → leaf for the host, all ECDSA P-256 / SHA-256. */
export interface DemoChain {
  root: IssuedCertificate; intermediate: IssuedCertificate; leaf: IssuedCertificate;
  /** What a server sends: leaf then intermediate (the root stays with the client). */
  chain: Uint8Array[];
}

const copyIssued = (c: IssuedCertificate): IssuedCertificate => ({ ...copyPair(c), der: c.der.slice(), name: { ...c.name } });
const chains = memo<DemoChain>(16, (c) => {
  const root = copyIssued(c.root), intermediate = copyIssued(c.intermediate), leaf = copyIssued(c.leaf);
  return { root, intermediate, leaf, chain: [leaf.der, intermediate.der] };
});

export function buildDemoChain(opts: DemoChainOptions): DemoChain {
  const seed = typeof opts.seed === 'string' ? asciiEncode(opts.seed) : opts.seed;
  const key = JSON.stringify([opts.host, keyHex(seed), opts.notBefore, opts.notAfter, opts.organization ?? null]);
  return chains.get(key, () => issueDemoChain(opts));
}

function issueDemoChain(opts: DemoChainOptions): DemoChain {
  const seed = typeof opts.seed === 'string' ? asciiEncode(opts.seed) : opts.seed;
  const hosts = Array.isArray(opts.host) ? opts.host : [opts.host];
  const org = opts.organization ?? 'Packet Theater';
  const key = (label: string) => p256KeyFromSeed(concat(seed, asciiEncode('/' + label)));
  const rootKey = key('root'), interKey = key('intermediate'), leafKey = key('leaf');
  const rootName = { country: 'US', organization: org, commonName: `${org} Root CA` };
  const interName = { country: 'US', organization: org, commonName: `${org} Intermediate CA` };
  const leafName = { commonName: hosts[0] };
  const year = 365 * 86400;
  const root = buildCertificate({
    serial: 1, subject: rootName, issuer: rootName, notBefore: opts.notBefore - 5 * year, notAfter: opts.notAfter + 10 * year,
    publicKey: rootKey.publicKey, issuerPublicKey: rootKey.publicKey, issuerPrivateKey: rootKey.privateKey,
    ca: true, keyUsage: ['keyCertSign', 'cRLSign'],
  });
  const intermediate = buildCertificate({
    serial: 2, subject: interName, issuer: rootName, notBefore: opts.notBefore - 2 * year, notAfter: opts.notAfter + 5 * year,
    publicKey: interKey.publicKey, issuerPublicKey: rootKey.publicKey, issuerPrivateKey: rootKey.privateKey,
    ca: true, pathLength: 0, keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
  });
  const leaf = buildCertificate({
    serial: 3, subject: leafName, issuer: interName, notBefore: opts.notBefore, notAfter: opts.notAfter,
    publicKey: leafKey.publicKey, issuerPublicKey: interKey.publicKey, issuerPrivateKey: interKey.privateKey,
    ca: false, keyUsage: ['digitalSignature'], dnsNames: hosts, serverAuth: true,
  });
  return {
    root: { ...rootKey, der: root, name: rootName },
    intermediate: { ...interKey, der: intermediate, name: interName },
    leaf: { ...leafKey, der: leaf, name: leafName },
    chain: [leaf, intermediate],
  };
}
