/**
 * A TLS 1.2 full handshake (RFC 5246 §7.3) with TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
 * (0xC02B, RFC 5289), computed for real: X25519 ephemeral keys (RFC 8422 §5.4,
 * §5.10), the ServerKeyExchange signed with the leaf's ECDSA P-256 key, the PRF
 * P_SHA256 (§5), master secret and key block (§8.1, §6.3), Finished verify_data
 * (§7.4.9), and AES-128-GCM records with a 4-byte implicit salt and an 8-byte
 * explicit nonce (RFC 5288 §3). Two round trips before the request can go.
 * The key log line is NSS's CLIENT_RANDOM <client_random> <master_secret>.
 */
import { x25519PublicKey, x25519SharedSecret } from '../tls13/dh';
import { gcm } from '@noble/ciphers/aes.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { asciiEncode, bytesEqual, concat, toHex } from '../wire/bytes';
import { encodeClientHello, encodeHandshake, encodeServerHello, encodeTlsRecord, TLS_CONTENT_TYPE as CT } from '../wire/tls';
import { ecdsaSign, ecdsaVerify, ext, GROUP, SIGNATURE_SCHEME, verifyChain, type ChainFailureReason } from '../tls13';
import { NOW, serverPki } from './pki';
import { seeded32, type TlsKnowledge, type TlsRecordInfo, type TlsRun, type TlsRunOptions } from './tls';

export const SUITE_ECDHE_ECDSA_AES128_GCM_SHA256 = 0xc02b;
export const SECRET_ORDER_12 = ['pre_master_secret', 'master_secret', 'client_write_key', 'server_write_key'] as const;

/** RFC 5246 §5: P_SHA256(secret, seed) = HMAC(secret, A(1) + seed) + HMAC(secret, A(2) + seed) + … */
export function pSha256(secret: Uint8Array, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let a = seed;
  for (let n = 0; n < length; n += 32) {
    a = hmac(sha256, secret, a);
    out.set(hmac(sha256, secret, concat(a, seed)).subarray(0, Math.min(32, length - n)), n);
  }
  return out;
}

/** PRF(secret, label, seed) = P_SHA256(secret, label + seed). */
export const prf12 = (secret: Uint8Array, label: string, seed: Uint8Array, length: number) => pSha256(secret, concat(asciiEncode(label), seed), length);

const u16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u24 = (n: number) => Uint8Array.of(n >> 16, (n >> 8) & 0xff, n & 0xff);
const u64 = (n: number) => Uint8Array.of(0, 0, 0, 0, n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

export interface Keys12 { key: Uint8Array; salt: Uint8Array }

/** RFC 5288 §3: nonce = salt(4) || explicit(8); AAD = seq_num || type || version || length (RFC 5246 §6.2.3.3). */
export function seal12(k: Keys12, seq: number, type: number, content: Uint8Array): Uint8Array {
  const explicit = u64(seq);
  const aad = concat(u64(seq), Uint8Array.of(type, 3, 3), u16(content.length));
  return encodeTlsRecord({ type, version: 0x0303, fragment: concat(explicit, gcm(k.key, concat(k.salt, explicit), aad).encrypt(content)) });
}

export function open12(k: Keys12, seq: number, record: Uint8Array): Uint8Array | null {
  const type = record[0];
  const frag = record.subarray(5);
  const explicit = frag.subarray(0, 8);
  const aad = concat(u64(seq), Uint8Array.of(type, 3, 3), u16(frag.length - 8 - 16));
  try { return gcm(k.key, concat(k.salt, explicit), aad).decrypt(frag.subarray(8)); } catch { return null; }
}

function keySchedule(pms: Uint8Array, cr: Uint8Array, sr: Uint8Array) {
  const master = prf12(pms, 'master secret', concat(cr, sr), 48);
  const kb = prf12(master, 'key expansion', concat(sr, cr), 40); // no MAC keys with an AEAD: 2×16 key + 2×4 salt
  return { master, client: { key: kb.slice(0, 16), salt: kb.slice(32, 36) }, server: { key: kb.slice(16, 32), salt: kb.slice(36, 40) } };
}

const ALERT_12: Partial<Record<ChainFailureReason, [number, string]>> = { expired: [45, 'certificate_expired'], unknown_issuer: [48, 'unknown_ca'], issuer_mismatch: [48, 'unknown_ca'] };

export function runTls12(o: TlsRunOptions): TlsRun {
  const pki = serverPki(o.serverName, o.cert, o.seed);
  const cr = seeded32(o.seed, 'client-random'), sr = seeded32(o.seed, 'server-random');
  const cPriv = seeded32(o.seed, 'client-x25519'), sPriv = seeded32(o.seed, 'server-x25519');
  const records: TlsRecordInfo[] = [];
  const knowledge: TlsKnowledge[] = [];
  const handshake: Uint8Array[] = [];
  const plain = (from: 'client' | 'server', label: string, type: number, content: Uint8Array) => {
    if (type === CT.handshake) handshake.push(content);
    records.push({ from, label, bytes: encodeTlsRecord({ type, version: records.length === 0 ? 0x0301 : 0x0303, fragment: content }), encrypted: false, contentType: type, plaintext: content });
  };
  const sealed = (from: 'client' | 'server', label: string, type: number, content: Uint8Array, k: Keys12, seq: number) => {
    if (type === CT.handshake) handshake.push(content);
    records.push({ from, label, bytes: seal12(k, seq, type, content), encrypted: true, contentType: type, plaintext: content });
  };
  const know = (client: string[], server: string[]) => knowledge.push({ afterRecord: records.length - 1, client, server });
  const ALL = [...SECRET_ORDER_12];

  // Client: ClientHello (§7.4.1.2, RFC 8422 §5.1 extensions).
  plain('client', 'ClientHello', CT.handshake, encodeClientHello({
    random: cr, cipherSuites: [SUITE_ECDHE_ECDSA_AES128_GCM_SHA256],
    extensions: [ext.serverName(o.serverName), ext.supportedGroups([GROUP.x25519]), ext.raw(11, Uint8Array.of(1, 0)),
      ext.signatureAlgorithms([SIGNATURE_SCHEME.ecdsa_secp256r1_sha256]), ...(o.alpn.length ? [ext.alpn(o.alpn)] : []), ext.renegotiationInfo()],
  }));
  know([], []);
  // Server: ServerHello, Certificate, ServerKeyExchange, ServerHelloDone (§7.4.1.3–§7.4.5).
  const alpn = ['h2', 'http/1.1'].find((p) => o.alpn.includes(p));
  plain('server', 'ServerHello', CT.handshake, encodeServerHello({
    random: sr, sessionId: seeded32(o.seed, 'session-id'), cipherSuite: SUITE_ECDHE_ECDSA_AES128_GCM_SHA256,
    extensions: [ext.renegotiationInfo(), ext.raw(11, Uint8Array.of(1, 0)), ...(alpn ? [ext.alpn([alpn])] : [])],
  }));
  know([], []);
  const list = concat(...pki.chain.map((c) => concat(u24(c.length), c)));
  plain('server', 'Certificate', CT.handshake, encodeHandshake({ msgType: 11, body: concat(u24(list.length), list) }));
  const sPub = x25519PublicKey(sPriv);
  const params = concat(Uint8Array.of(3), u16(GROUP.x25519), Uint8Array.of(32), sPub);
  const sig = ecdsaSign(concat(cr, sr, params), pki.leafPrivateKey);
  plain('server', 'ServerKeyExchange', CT.handshake, encodeHandshake({ msgType: 12, body: concat(params, u16(SIGNATURE_SCHEME.ecdsa_secp256r1_sha256), u16(sig.length), sig) }));
  plain('server', 'ServerHelloDone', CT.handshake, encodeHandshake({ msgType: 14, body: new Uint8Array(0) }));

  const base = { version: '1.2' as const, records, knowledge, keylog: '', alpn, clientRandom: cr };
  // Client: checks the chain (RFC 5246 §7.4.2) and the ServerKeyExchange signature (RFC 8422 §5.4).
  const verdict = verifyChain(pki.chain, { roots: pki.roots, host: o.serverName, now: NOW });
  if (!verdict.ok) {
    const [description, name] = ALERT_12[verdict.reason] ?? [42, 'bad_certificate'];
    plain('client', `Alert: ${name}`, CT.alert, Uint8Array.of(2, description));
    know([], []);
    return { ...base, secrets: { client: {}, server: {} }, sharedSecret: {}, failure: { side: 'client', alert: { description, name }, chain: verdict.reason, detail: verdict.detail, alertRecord: records.length - 1 } };
  }
  if (!ecdsaVerify(sig, concat(cr, sr, params), verdict.path[0].publicKey)) throw new Error('tls12: ServerKeyExchange signature does not verify');
  const cPms = x25519SharedSecret(cPriv, sPub);
  const c = keySchedule(cPms, cr, sr);
  know(ALL, []);
  // Client: ClientKeyExchange, ChangeCipherSpec, Finished (§7.4.7, §7.1, §7.4.9).
  const cPub = x25519PublicKey(cPriv);
  plain('client', 'ClientKeyExchange', CT.handshake, encodeHandshake({ msgType: 16, body: concat(Uint8Array.of(32), cPub) }));
  // Server: reads the client's public key; only now can it compute the pre-master secret.
  const sPms = x25519SharedSecret(sPriv, cPub);
  const s = keySchedule(sPms, cr, sr);
  know(ALL, ALL);
  plain('client', 'ChangeCipherSpec', CT.changeCipherSpec, Uint8Array.of(1));
  const cVerify = prf12(c.master, 'client finished', sha256(concat(...handshake)), 12);
  sealed('client', 'Finished', CT.handshake, encodeHandshake({ msgType: 20, body: cVerify }), c.client, 0);
  if (!bytesEqual(prf12(s.master, 'client finished', sha256(concat(...handshake.slice(0, -1))), 12), cVerify)) throw new Error('tls12: client Finished');
  plain('server', 'ChangeCipherSpec', CT.changeCipherSpec, Uint8Array.of(1));
  const sVerify = prf12(s.master, 'server finished', sha256(concat(...handshake)), 12);
  sealed('server', 'Finished', CT.handshake, encodeHandshake({ msgType: 20, body: sVerify }), s.server, 0);
  if (!bytesEqual(prf12(c.master, 'server finished', sha256(concat(...handshake.slice(0, -1))), 12), sVerify)) throw new Error('tls12: server Finished');
  // Application data and close_notify (§7.2.1), each side under its own write key.
  sealed('client', 'Application Data', CT.applicationData, o.request, c.client, 1);
  const request = records.length - 1;
  sealed('server', 'Application Data', CT.applicationData, o.response, s.server, 1);
  const response = records.length - 1;
  sealed('client', 'Alert: close_notify', CT.alert, Uint8Array.of(1, 0), c.client, 2);
  sealed('server', 'Alert: close_notify', CT.alert, Uint8Array.of(1, 0), s.server, 2);
  const table = (k: ReturnType<typeof keySchedule>, pms: Uint8Array) => ({ pre_master_secret: pms, master_secret: k.master, client_write_key: k.client.key, server_write_key: k.server.key });
  return {
    ...base, request, response, keylog: `CLIENT_RANDOM ${toHex(cr)} ${toHex(c.master)}\n`,
    secrets: { client: table(c, cPms), server: table(s, sPms) }, sharedSecret: { client: cPms, server: sPms },
  };
}
