/**
 * TLS 1.3 handshake messages (RFC 8446 §4): extension builders for the
 * ClientHello and ServerHello (whose encoders live in wire/tls.ts), and
 * EncryptedExtensions, Certificate, CertificateVerify and Finished.
 */
import { asciiEncode, concat, latin1Decode } from '../wire/bytes';
import {
  decodeExtensions, decodeHandshakes, encodeExtensions, encodeHandshake, TLS_EXTENSION_TYPE as EXT, TLS_HANDSHAKE_TYPE,
  type TlsExtension,
} from '../wire/tls';

export {
  decodeClientHello, decodeServerHello, encodeClientHello, encodeServerHello, type ClientHello, type ServerHello, type TlsExtension,
} from '../wire/tls';

/** §4.2.7 NamedGroup. */
export const GROUP = { secp256r1: 0x0017, secp384r1: 0x0018, secp521r1: 0x0019, x25519: 0x001d, x448: 0x001e, ffdhe2048: 0x0100 } as const;
/** §4.2.3 SignatureScheme. */
export const SIGNATURE_SCHEME = {
  ecdsa_secp256r1_sha256: 0x0403, ecdsa_secp384r1_sha384: 0x0503, ecdsa_secp521r1_sha512: 0x0603, ed25519: 0x0807,
  rsa_pss_rsae_sha256: 0x0804, rsa_pss_rsae_sha384: 0x0805, rsa_pss_rsae_sha512: 0x0806, rsa_pkcs1_sha256: 0x0401,
} as const;
/** B.4 cipher suites. */
export const CIPHER_SUITE = { TLS_AES_128_GCM_SHA256: 0x1301, TLS_AES_256_GCM_SHA384: 0x1302, TLS_CHACHA20_POLY1305_SHA256: 0x1303 } as const;
export const TLS13 = 0x0304;

const u16 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);
const u16List = (xs: readonly number[]) => concat(...xs.map(u16));
/** A vector with a 1- or 2-byte length prefix. */
function vec(prefix: 1 | 2, body: Uint8Array): Uint8Array {
  if (body.length >= 1 << (8 * prefix)) throw new Error('TLS: vector too long');
  return concat(prefix === 1 ? Uint8Array.of(body.length) : u16(body.length), body);
}
const raw = (type: number, data: Uint8Array): TlsExtension => ({ type, data });

/** Extension builders, in whatever order the caller lists them (§4.2). */
export const ext = {
  /** RFC 6066 §3 server_name with one host_name. */
  serverName: (host: string): TlsExtension => ({ type: 'server_name', host }),
  /** server_name with an empty body: the server's acknowledgment in EncryptedExtensions. */
  serverNameAck: (): TlsExtension => raw(EXT.serverName, new Uint8Array(0)),
  /** §4.2.7 supported_groups. */
  supportedGroups: (groups: readonly number[]): TlsExtension => raw(EXT.supportedGroups, vec(2, u16List(groups))),
  /** §4.2.3 signature_algorithms. */
  signatureAlgorithms: (schemes: readonly number[]): TlsExtension => raw(EXT.signatureAlgorithms, vec(2, u16List(schemes))),
  /** §4.2.8 key_share in a ClientHello (a list) or ServerHello (one entry). */
  keyShare: (shares: { group: number; keyExchange: Uint8Array }[]): TlsExtension => ({ type: 'key_share', shares }),
  /** §4.2.1 supported_versions: a list in the ClientHello, one selected_version in the ServerHello. */
  supportedVersions: (versions: readonly number[]): TlsExtension => ({ type: 'supported_versions', versions: [...versions] }),
  /** §4.2.9 psk_key_exchange_modes (1 = psk_dhe_ke). */
  pskKeyExchangeModes: (modes: readonly number[]): TlsExtension => raw(EXT.pskKeyExchangeModes, vec(1, Uint8Array.from(modes))),
  /** RFC 7301 application_layer_protocol_negotiation. */
  alpn: (protocols: readonly string[]): TlsExtension =>
    raw(EXT.alpn, vec(2, concat(...protocols.map((p) => vec(1, asciiEncode(p)))))),
  /** RFC 8449 record_size_limit. */
  recordSizeLimit: (limit: number): TlsExtension => raw(EXT.recordSizeLimit, u16(limit)),
  /** RFC 5746 renegotiation_info with an empty renegotiated_connection. */
  renegotiationInfo: (): TlsExtension => raw(EXT.renegotiationInfo, Uint8Array.of(0)),
  /** RFC 5077 session_ticket, empty. */
  sessionTicket: (): TlsExtension => raw(EXT.sessionTicket, new Uint8Array(0)),
  /** RFC 7627 extended_master_secret, empty. */
  extendedMasterSecret: (): TlsExtension => raw(EXT.extendedMasterSecret, new Uint8Array(0)),
  /** Any other extension as raw bytes. */
  raw,
};

/** The raw body of extension `type`, if present (typed forms are not raw: use find instead). */
export function extensionData(extensions: readonly TlsExtension[], type: number): Uint8Array | undefined {
  const e = extensions.find((x) => x.type === type);
  return e && 'data' in e ? e.data : undefined;
}

/** Parses an ALPN extension body (RFC 7301 §3.1) into protocol names. */
export function parseAlpn(data: Uint8Array): string[] {
  const out: string[] = [];
  const len = (data[0] << 8) | data[1];
  if (len + 2 !== data.length) throw new Error('ALPN: bad list length');
  for (let p = 2; p < data.length;) {
    const n = data[p];
    if (n === 0 || p + 1 + n > data.length) throw new Error('ALPN: bad protocol name length');
    out.push(latin1Decode(data.subarray(p + 1, p + 1 + n)));
    p += 1 + n;
  }
  return out;
}

// ---------------------------------------------------------------- encoders

/** §4.3.1 EncryptedExtensions: extensions<0..2^16-1>. */
export function encodeEncryptedExtensions(extensions: readonly TlsExtension[]): Uint8Array {
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.encryptedExtensions, body: encodeExtensions(extensions, 'server') });
}

export interface CertificateEntry {
  /** DER-encoded X.509 certificate (cert_data). */
  cert: Uint8Array;
  /** Per-entry extensions (for example status_request); usually none. */
  extensions?: TlsExtension[];
}

/** §4.4.2 Certificate: certificate_request_context<0..255>, certificate_list<0..2^24-1> (leaf first). */
export function encodeCertificate(entries: readonly CertificateEntry[], requestContext = new Uint8Array(0)): Uint8Array {
  const list = concat(...entries.map((e) => concat(u24(e.cert.length), e.cert, encodeExtensions(e.extensions ?? [], 'server'))));
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.certificate, body: concat(vec(1, requestContext), u24(list.length), list) });
}
function u24(n: number) {
  if (n > 0xffffff) throw new Error('TLS: does not fit 24 bits');
  return Uint8Array.of(n >> 16, (n >> 8) & 0xff, n & 0xff);
}

/** §4.4.3 CertificateVerify: algorithm, signature<0..2^16-1>. */
export function encodeCertificateVerify(scheme: number, signature: Uint8Array): Uint8Array {
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.certificateVerify, body: concat(u16(scheme), vec(2, signature)) });
}

/** §4.4.4 Finished: verify_data[Hash.length]. */
export function encodeFinished(verifyData: Uint8Array): Uint8Array {
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.finished, body: verifyData });
}

/**
 * §4.4.3: the content covered by the CertificateVerify signature: 64 spaces,
 * the context string, a zero byte, then the transcript hash.
 */
export function certificateVerifyContent(side: 'server' | 'client', transcriptHash: Uint8Array): Uint8Array {
  const context = asciiEncode(side === 'server' ? 'TLS 1.3, server CertificateVerify' : 'TLS 1.3, client CertificateVerify');
  return concat(new Uint8Array(64).fill(0x20), context, Uint8Array.of(0), transcriptHash);
}

// ---------------------------------------------------------------- decoders

/** Splits a byte string of back-to-back handshake messages, keeping each one's header (as the transcript needs). */
export function splitHandshakes(bytes: Uint8Array): { msgType: number; body: Uint8Array; bytes: Uint8Array }[] {
  return decodeHandshakes(bytes).map((h) => ({ ...h, bytes: encodeHandshake(h) }));
}

function expectType(msg: Uint8Array, want: number): Uint8Array {
  if (msg.length < 4 || msg[0] !== want) throw new Error(`TLS: handshake type ${msg[0]}, expected ${want}`);
  const len = (msg[1] << 16) | (msg[2] << 8) | msg[3];
  if (len !== msg.length - 4) throw new Error('TLS: handshake length mismatch');
  return msg.subarray(4);
}

export function decodeEncryptedExtensions(msg: Uint8Array): TlsExtension[] {
  const body = expectType(msg, TLS_HANDSHAKE_TYPE.encryptedExtensions);
  const { extensions, next } = decodeExtensions(body, 0, 'server');
  if (next !== body.length) throw new Error('TLS: trailing bytes in EncryptedExtensions');
  return extensions;
}

export function decodeCertificate(msg: Uint8Array): { requestContext: Uint8Array; entries: Required<CertificateEntry>[] } {
  const body = expectType(msg, TLS_HANDSHAKE_TYPE.certificate);
  const ctxLen = body[0];
  const requestContext = body.slice(1, 1 + ctxLen);
  let p = 1 + ctxLen;
  const listLen = (body[p] << 16) | (body[p + 1] << 8) | body[p + 2];
  p += 3;
  const end = p + listLen;
  if (end !== body.length) throw new Error('TLS: bad certificate_list length');
  const entries: Required<CertificateEntry>[] = [];
  while (p < end) {
    const n = (body[p] << 16) | (body[p + 1] << 8) | body[p + 2];
    if (p + 3 + n > end) throw new Error('TLS: truncated certificate');
    const cert = body.slice(p + 3, p + 3 + n);
    const { extensions, next } = decodeExtensions(body, p + 3 + n, 'server', end);
    entries.push({ cert, extensions });
    p = next;
  }
  return { requestContext, entries };
}

export function decodeCertificateVerify(msg: Uint8Array): { scheme: number; signature: Uint8Array } {
  const body = expectType(msg, TLS_HANDSHAKE_TYPE.certificateVerify);
  const len = (body[2] << 8) | body[3];
  if (4 + len !== body.length) throw new Error('TLS: bad CertificateVerify length');
  return { scheme: (body[0] << 8) | body[1], signature: body.slice(4) };
}

export function decodeFinished(msg: Uint8Array): Uint8Array {
  return expectType(msg, TLS_HANDSHAKE_TYPE.finished).slice();
}

/** Display names of the handshake message types (§4). */
export const HANDSHAKE_NAME: Record<number, string> = {
  1: 'ClientHello', 2: 'ServerHello', 4: 'NewSessionTicket', 5: 'EndOfEarlyData', 8: 'EncryptedExtensions', 11: 'Certificate',
  13: 'CertificateRequest', 15: 'CertificateVerify', 20: 'Finished', 24: 'KeyUpdate',
};
