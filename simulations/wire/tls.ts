/**
 * TLS (RFC 8446) record layer and handshake headers, with minimal ClientHello
 * and ServerHello bodies. Encrypted records stay opaque bytes.
 */
import { t, type Text } from '../core/text';
import { asciiEncode, concat, latin1Decode, toHex } from './bytes';
import { field, hex16, type Field, type Layer } from './fields';

export const TLS_CONTENT_TYPE = { changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23 } as const;
export const TLS_HANDSHAKE_TYPE = {
  clientHello: 1, serverHello: 2, newSessionTicket: 4, encryptedExtensions: 8, certificate: 11,
  certificateRequest: 13, certificateVerify: 15, finished: 20,
} as const;
export const TLS_EXTENSION_TYPE = {
  serverName: 0, supportedGroups: 10, signatureAlgorithms: 13, alpn: 16, extendedMasterSecret: 23, recordSizeLimit: 28,
  sessionTicket: 35, supportedVersions: 43, pskKeyExchangeModes: 45, keyShare: 51, renegotiationInfo: 0xff01,
} as const;

export interface TlsRecord {
  /** 20 change_cipher_spec, 21 alert, 22 handshake, 23 application_data. */
  type: number;
  /** legacy_record_version, default 0x0303. */
  version?: number;
  fragment: Uint8Array;
}

export interface TlsHandshake {
  msgType: number;
  body: Uint8Array;
}

export type TlsExtension =
  | { type: 'server_name'; host: string }
  | { type: 'supported_versions'; versions: number[] }
  | { type: 'key_share'; shares: { group: number; keyExchange: Uint8Array }[] }
  /** Any other extension, or one whose body does not fit the forms above. */
  | { type: number; data: Uint8Array };

export interface ClientHello {
  /** Default 0x0303. */
  legacyVersion?: number;
  random: Uint8Array;
  sessionId?: Uint8Array;
  cipherSuites: number[];
  /** Default [0] (null). */
  compressionMethods?: number[];
  extensions: TlsExtension[];
}

export interface ServerHello {
  legacyVersion?: number;
  random: Uint8Array;
  sessionId?: Uint8Array;
  cipherSuite: number;
  /** Default 0. */
  compressionMethod?: number;
  /** supported_versions holds exactly one version; key_share exactly one share. */
  extensions: TlsExtension[];
}

export type TlsSide = 'client' | 'server';
type Side = TlsSide;

// ---------------------------------------------------------------- writer / reader

class W {
  b: number[] = [];
  u8(n: number) { check(n, 0xff); this.b.push(n); }
  u16(n: number) { check(n, 0xffff); this.b.push(n >> 8, n & 0xff); }
  u24(n: number) { check(n, 0xffffff); this.b.push(n >> 16, (n >> 8) & 0xff, n & 0xff); }
  raw(x: Uint8Array | number[]) { for (const v of x) this.b.push(v); }
  /** Writes a length-prefixed block (prefix of 1, 2 or 3 bytes). */
  block(prefix: 1 | 2 | 3, fill: (w: W) => void) {
    const inner = new W();
    fill(inner);
    if (prefix === 1) this.u8(inner.b.length); else if (prefix === 2) this.u16(inner.b.length); else this.u24(inner.b.length);
    this.raw(inner.b);
  }
  out() { return Uint8Array.from(this.b); }
}
function check(n: number, max: number) {
  if (!Number.isInteger(n) || n < 0 || n > max) throw new Error(`TLS: ${n} does not fit (max ${max})`);
}

class R {
  constructor(public b: Uint8Array, public pos: number, public end: number) {}
  need(n: number) { if (this.pos + n > this.end) throw new Error(`TLS: truncated at ${this.pos} (need ${n} more bytes)`); }
  u8() { this.need(1); return this.b[this.pos++]; }
  u16() { this.need(2); const v = (this.b[this.pos] << 8) | this.b[this.pos + 1]; this.pos += 2; return v; }
  u24() { this.need(3); const v = (this.b[this.pos] << 16) | (this.b[this.pos + 1] << 8) | this.b[this.pos + 2]; this.pos += 3; return v; }
  bytes(n: number) { this.need(n); const v = this.b.slice(this.pos, this.pos + n); this.pos += n; return v; }
  /** A reader over the next n bytes; this one skips past them. */
  sub(n: number) { this.need(n); const r = new R(this.b, this.pos, this.pos + n); this.pos += n; return r; }
  done() { return this.pos >= this.end; }
}

// ---------------------------------------------------------------- records

export function encodeTlsRecord(r: TlsRecord): Uint8Array {
  if (r.fragment.length > 0x4000 + 256) throw new Error('TLS: record fragment too long');
  const w = new W();
  w.u8(r.type);
  w.u16(r.version ?? 0x0303);
  w.u16(r.fragment.length);
  w.raw(r.fragment);
  return w.out();
}

export function encodeTls(records: readonly TlsRecord[]): Uint8Array {
  return concat(...records.map(encodeTlsRecord));
}

/** Decodes back-to-back records in bytes[offset, end). */
export function decodeTls(bytes: Uint8Array, offset = 0, end = bytes.length): Required<TlsRecord>[] {
  const out: Required<TlsRecord>[] = [];
  const r = new R(bytes, offset, end);
  while (!r.done()) {
    const type = r.u8(), version = r.u16(), len = r.u16();
    out.push({ type, version, fragment: r.bytes(len) });
  }
  return out;
}

export function encodeHandshake(h: TlsHandshake): Uint8Array {
  const w = new W();
  w.u8(h.msgType);
  w.u24(h.body.length);
  w.raw(h.body);
  return w.out();
}

/** Decodes back-to-back handshake messages (for example, a record's fragment). */
export function decodeHandshakes(bytes: Uint8Array, offset = 0, end = bytes.length): TlsHandshake[] {
  const out: TlsHandshake[] = [];
  const r = new R(bytes, offset, end);
  while (!r.done()) {
    const msgType = r.u8(), len = r.u24();
    out.push({ msgType, body: r.bytes(len) });
  }
  return out;
}

// ---------------------------------------------------------------- extensions

function writeExtension(w: W, e: TlsExtension, side: Side) {
  if (typeof e.type === 'number') {
    const raw = e as { type: number; data: Uint8Array };
    w.u16(raw.type);
    w.block(2, (x) => x.raw(raw.data));
    return;
  }
  switch (e.type) {
    case 'server_name':
      w.u16(0);
      w.block(2, (x) => x.block(2, (list) => { list.u8(0); list.block(2, (n) => n.raw(asciiEncode(e.host))); }));
      return;
    case 'supported_versions':
      w.u16(43);
      if (side === 'server') {
        if (e.versions.length !== 1) throw new Error('TLS: a server selects exactly one version');
        w.block(2, (x) => x.u16(e.versions[0]));
      } else w.block(2, (x) => x.block(1, (list) => e.versions.forEach((v) => list.u16(v))));
      return;
    case 'key_share': {
      w.u16(51);
      const share = (x: W, s: { group: number; keyExchange: Uint8Array }) => { x.u16(s.group); x.block(2, (k) => k.raw(s.keyExchange)); };
      if (side === 'server') {
        if (e.shares.length !== 1) throw new Error('TLS: a server sends exactly one key share');
        w.block(2, (x) => share(x, e.shares[0]));
      } else w.block(2, (x) => x.block(2, (list) => e.shares.forEach((s) => share(list, s))));
      return;
    }
  }
}

/** Tries the typed forms; falls back to raw bytes when the body does not fit them. */
function readExtension(type: number, body: Uint8Array, side: Side): TlsExtension {
  const r = new R(body, 0, body.length);
  try {
    if (type === 0 && side === 'client' && body.length > 0) {
      const list = r.sub(r.u16());
      if (list.u8() === 0) {
        const host = latin1Decode(list.bytes(list.u16()));
        if (list.done() && r.done()) return { type: 'server_name', host };
      }
    } else if (type === 43) {
      if (side === 'server') {
        const v = r.u16();
        if (r.done()) return { type: 'supported_versions', versions: [v] };
      } else {
        const list = r.sub(r.u8());
        const versions: number[] = [];
        while (!list.done()) versions.push(list.u16());
        if (r.done() && versions.length) return { type: 'supported_versions', versions };
      }
    } else if (type === 51) {
      const readShare = (x: R) => ({ group: x.u16(), keyExchange: x.bytes(x.u16()) });
      if (side === 'server') {
        const s = readShare(r);
        if (r.done()) return { type: 'key_share', shares: [s] };
      } else {
        const list = r.sub(r.u16());
        const shares: { group: number; keyExchange: Uint8Array }[] = [];
        while (!list.done()) shares.push(readShare(list));
        if (r.done()) return { type: 'key_share', shares };
      }
    }
  } catch {
    // not the typed form: keep it raw
  }
  return { type, data: body.slice() };
}

/** An extensions<0..2^16-1> block (2-byte length, then each extension) as the given side writes it. */
export function encodeExtensions(extensions: readonly TlsExtension[], side: Side): Uint8Array {
  const w = new W();
  w.block(2, (x) => extensions.forEach((e) => writeExtension(x, e, side)));
  return w.out();
}

/** Reads an extensions block (2-byte length included) at offset; returns the extensions and the offset after it. */
export function decodeExtensions(bytes: Uint8Array, offset: number, side: Side, end = bytes.length): { extensions: TlsExtension[]; next: number } {
  const r = new R(bytes, offset, end);
  const ex = r.sub(r.u16());
  const extensions: TlsExtension[] = [];
  while (!ex.done()) { const type = ex.u16(); extensions.push(readExtension(type, ex.bytes(ex.u16()), side)); }
  return { extensions, next: r.pos };
}

// ---------------------------------------------------------------- hellos

export function encodeClientHello(ch: ClientHello): Uint8Array {
  if (ch.random.length !== 32) throw new Error('TLS: random must be 32 bytes');
  const w = new W();
  w.u16(ch.legacyVersion ?? 0x0303);
  w.raw(ch.random);
  w.block(1, (x) => x.raw(ch.sessionId ?? new Uint8Array(0)));
  w.block(2, (x) => ch.cipherSuites.forEach((c) => x.u16(c)));
  w.block(1, (x) => (ch.compressionMethods ?? [0]).forEach((c) => x.u8(c)));
  w.block(2, (x) => ch.extensions.forEach((e) => writeExtension(x, e, 'client')));
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.clientHello, body: w.out() });
}

export function encodeServerHello(sh: ServerHello): Uint8Array {
  if (sh.random.length !== 32) throw new Error('TLS: random must be 32 bytes');
  const w = new W();
  w.u16(sh.legacyVersion ?? 0x0303);
  w.raw(sh.random);
  w.block(1, (x) => x.raw(sh.sessionId ?? new Uint8Array(0)));
  w.u16(sh.cipherSuite);
  w.u8(sh.compressionMethod ?? 0);
  w.block(2, (x) => sh.extensions.forEach((e) => writeExtension(x, e, 'server')));
  return encodeHandshake({ msgType: TLS_HANDSHAKE_TYPE.serverHello, body: w.out() });
}

function readHandshakeHeader(bytes: Uint8Array, offset: number, want: number): R {
  const r = new R(bytes, offset, bytes.length);
  const type = r.u8();
  if (type !== want) throw new Error(`TLS: handshake type ${type}, expected ${want}`);
  return r.sub(r.u24());
}

/** Decodes a ClientHello handshake message (4-byte header included) at offset. */
export function decodeClientHello(bytes: Uint8Array, offset = 0): Required<ClientHello> {
  const r = readHandshakeHeader(bytes, offset, TLS_HANDSHAKE_TYPE.clientHello);
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.bytes(r.u8());
  const cs = r.sub(r.u16());
  const cipherSuites: number[] = [];
  while (!cs.done()) cipherSuites.push(cs.u16());
  const cm = r.sub(r.u8());
  const compressionMethods: number[] = [];
  while (!cm.done()) compressionMethods.push(cm.u8());
  const extensions: TlsExtension[] = [];
  if (!r.done()) {
    const ex = r.sub(r.u16());
    while (!ex.done()) { const type = ex.u16(); extensions.push(readExtension(type, ex.bytes(ex.u16()), 'client')); }
  }
  if (!r.done()) throw new Error('TLS: trailing bytes in ClientHello');
  return { legacyVersion, random, sessionId, cipherSuites, compressionMethods, extensions };
}

export function decodeServerHello(bytes: Uint8Array, offset = 0): Required<ServerHello> {
  const r = readHandshakeHeader(bytes, offset, TLS_HANDSHAKE_TYPE.serverHello);
  const legacyVersion = r.u16();
  const random = r.bytes(32);
  const sessionId = r.bytes(r.u8());
  const cipherSuite = r.u16();
  const compressionMethod = r.u8();
  const extensions: TlsExtension[] = [];
  if (!r.done()) {
    const ex = r.sub(r.u16());
    while (!ex.done()) { const type = ex.u16(); extensions.push(readExtension(type, ex.bytes(ex.u16()), 'server')); }
  }
  if (!r.done()) throw new Error('TLS: trailing bytes in ServerHello');
  return { legacyVersion, random, sessionId, cipherSuite, compressionMethod, extensions };
}

// ---------------------------------------------------------------- describe

const CONTENT_NAMES: Record<number, string> = { 20: 'Change Cipher Spec', 21: 'Alert', 22: 'Handshake', 23: 'Application Data' };
const HANDSHAKE_NAMES: Record<number, string> = {
  1: 'Client Hello', 2: 'Server Hello', 4: 'New Session Ticket', 8: 'Encrypted Extensions', 11: 'Certificate',
  13: 'Certificate Request', 15: 'Certificate Verify', 20: 'Finished',
};
const VERSION_NAMES: Record<number, string> = { 0x0300: 'SSL 3.0', 0x0301: 'TLS 1.0', 0x0302: 'TLS 1.1', 0x0303: 'TLS 1.2', 0x0304: 'TLS 1.3' };
const SUITE_NAMES: Record<number, string> = {
  0x1301: 'TLS_AES_128_GCM_SHA256', 0x1302: 'TLS_AES_256_GCM_SHA384', 0x1303: 'TLS_CHACHA20_POLY1305_SHA256',
  0xc02b: 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 0xc02f: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
};
const GROUP_NAMES: Record<number, string> = { 0x001d: 'x25519', 0x0017: 'secp256r1', 0x0018: 'secp384r1', 0x0019: 'secp521r1' };
const EXT_NAMES: Record<number, string> = {
  0: 'server_name', 10: 'supported_groups', 13: 'signature_algorithms', 16: 'application_layer_protocol_negotiation',
  23: 'extended_master_secret', 28: 'record_size_limit', 35: 'session_ticket', 43: 'supported_versions',
  45: 'psk_key_exchange_modes', 51: 'key_share', 0xff01: 'renegotiation_info',
};
const named = (names: Record<number, string>, v: number) => `${names[v] ?? 'Unknown'} (${hex16(v)})`;

function describeHello(bytes: Uint8Array, start: number, end: number, side: Side): Field[] {
  const r = new R(bytes, start, end);
  const out: Field[] = [];
  const at = () => r.pos;
  let p = at();
  const v = r.u16();
  out.push(field('tls.handshake.version', 'Version', named(VERSION_NAMES, v), p, 2, {
    meaning: t('예전 버전 칸: TLS 1.3도 호환을 위해 1.2(0x0303)로 적음', 'legacy field: even TLS 1.3 writes 1.2 (0x0303) here for compatibility'),
  }));
  p = at();
  const random = r.bytes(32);
  out.push(field('tls.handshake.random', 'Random', toHex(random), p, 32, { meaning: t('매번 새로 뽑는 32바이트 난수: 키 계산에 섞임', 'fresh 32 random bytes, mixed into the keys') }));
  p = at();
  const sidLen = r.u8();
  out.push(field('tls.handshake.session_id_length', 'Session ID Length', sidLen, p, 1));
  if (sidLen) {
    p = at();
    out.push(field('tls.handshake.session_id', 'Session ID', toHex(r.bytes(sidLen)), p, sidLen, {
      meaning: t('예전 세션 재개용 칸 (TLS 1.3에서는 호환용)', 'legacy session resumption id (kept for compatibility in TLS 1.3)'),
    }));
  }
  if (side === 'client') {
    p = at();
    const csLen = r.u16();
    out.push(field('tls.handshake.cipher_suites_length', 'Cipher Suites Length', csLen, p, 2));
    const kids: Field[] = [];
    const cs = r.sub(csLen);
    while (!cs.done()) { const q = cs.pos; kids.push(field('tls.handshake.ciphersuite', 'Cipher Suite', named(SUITE_NAMES, cs.u16()), q, 2)); }
    out.push(field('tls.handshake.ciphersuites', 'Cipher Suites', `${kids.length} suites`, p + 2, csLen, {
      meaning: t('클라이언트가 쓸 수 있는 암호 조합 목록, 선호 순', 'cipher suites the client supports, most preferred first'),
      children: kids,
    }));
    p = at();
    const cmLen = r.u8();
    out.push(field('tls.handshake.comp_methods_length', 'Compression Methods Length', cmLen, p, 1));
    for (let i = 0; i < cmLen; i++) { const q = at(); out.push(field('tls.handshake.comp_method', 'Compression Method', r.u8(), q, 1)); }
  } else {
    p = at();
    out.push(field('tls.handshake.ciphersuite', 'Cipher Suite', named(SUITE_NAMES, r.u16()), p, 2, {
      meaning: t('서버가 고른 암호 조합', 'the cipher suite the server picked'),
    }));
    p = at();
    out.push(field('tls.handshake.comp_method', 'Compression Method', r.u8(), p, 1));
  }
  if (r.done()) return out;
  p = at();
  const extLen = r.u16();
  out.push(field('tls.handshake.extensions_length', 'Extensions Length', extLen, p, 2));
  const ex = r.sub(extLen);
  while (!ex.done()) {
    const s = ex.pos;
    const type = ex.u16(), len = ex.u16();
    const bodyAt = ex.pos;
    const ext = readExtension(type, ex.bytes(len), side);
    const kids: Field[] = [
      field('tls.handshake.extension.type', 'Type', `${EXT_NAMES[type] ?? 'Unknown'} (${type})`, s, 2),
      field('tls.handshake.extension.len', 'Length', len, s + 2, 2),
    ];
    let meaning: Text | undefined;
    if (ext.type === 'server_name') {
      kids.push(field('tls.handshake.extensions_server_name', 'Server Name', ext.host, bodyAt + 5, ext.host.length));
      meaning = t('접속하려는 서버 이름 (SNI): 암호화 전이라 중간에서 보임', 'the server name wanted (SNI); sent before encryption, so visible on the path');
    } else if (ext.type === 'supported_versions') {
      const first = side === 'client' ? bodyAt + 1 : bodyAt;
      ext.versions.forEach((v, i) => kids.push(field('tls.handshake.extensions.supported_version', 'Supported Version', named(VERSION_NAMES, v), first + i * 2, 2)));
      meaning = side === 'client'
        ? t('클라이언트가 할 수 있는 TLS 버전들 (실제 버전 협상은 여기서)', 'TLS versions the client can speak (the real version negotiation)')
        : t('서버가 고른 TLS 버전', 'the TLS version the server chose');
    } else if (ext.type === 'key_share') {
      let q = side === 'client' ? bodyAt + 2 : bodyAt;
      for (const sh of ext.shares) {
        kids.push(field('tls.handshake.extensions_key_share_group', 'Group', named(GROUP_NAMES, sh.group), q, 2));
        kids.push(field('tls.handshake.extensions_key_share_key_exchange', 'Key Exchange', toHex(sh.keyExchange), q + 4, sh.keyExchange.length));
        q += 4 + sh.keyExchange.length;
      }
      meaning = t('키 교환용 공개 값: 첫 왕복에 바로 키를 맞출 수 있게 함', 'public key-exchange values, so keys are agreed in the first round trip');
    }
    out.push(field('tls.handshake.extension', `Extension: ${EXT_NAMES[type] ?? 'unknown'}`, `len=${len}`, s, 4 + len, meaning ? { meaning, children: kids } : { children: kids }));
  }
  return out;
}

export function describeTls(bytes: Uint8Array, offset = 0, end = bytes.length): Layer {
  const records: Field[] = [];
  const r = new R(bytes, offset, end);
  while (!r.done()) {
    const s = r.pos;
    const type = r.u8(), version = r.u16(), len = r.u16();
    const fragAt = r.pos;
    r.bytes(len);
    const kids: Field[] = [
      field('tls.record.content_type', 'Content Type', `${CONTENT_NAMES[type] ?? 'Unknown'} (${type})`, s, 1, {
        meaning: t('레코드 안에 든 것의 종류 (22는 핸드셰이크, 23은 암호화된 데이터)', 'what the record carries (22 = handshake, 23 = encrypted data)'),
      }),
      field('tls.record.version', 'Version', named(VERSION_NAMES, version), s + 1, 2, { meaning: t('레코드 층의 예전 버전 칸', 'legacy record-layer version') }),
      field('tls.record.length', 'Length', len, s + 3, 2, { meaning: t('뒤따르는 내용의 바이트 수', 'bytes of content that follow') }),
    ];
    let title = CONTENT_NAMES[type] ?? 'Unknown';
    if (type === TLS_CONTENT_TYPE.handshake) {
      const h = new R(bytes, fragAt, fragAt + len);
      while (!h.done()) {
        const hs = h.pos;
        const msgType = h.u8(), hlen = h.u24();
        if (hs + 4 + hlen > fragAt + len) {
          kids.push(field('tls.handshake.fragment', 'Handshake fragment', `${fragAt + len - hs} bytes`, hs, fragAt + len - hs, {
            meaning: t('다음 레코드로 이어지는 핸드셰이크 조각', 'part of a handshake message that continues in the next record'),
          }));
          break;
        }
        h.bytes(hlen);
        const name = HANDSHAKE_NAMES[msgType] ?? `Unknown (${msgType})`;
        title += `: ${name}`;
        const hk: Field[] = [
          field('tls.handshake.type', 'Handshake Type', `${name} (${msgType})`, hs, 1),
          field('tls.handshake.length', 'Length', hlen, hs + 1, 3, { meaning: t('핸드셰이크 본문 길이 (3바이트)', 'handshake body length (3 bytes)') }),
        ];
        if (msgType === 1 || msgType === 2) hk.push(...describeHello(bytes, hs + 4, hs + 4 + hlen, msgType === 1 ? 'client' : 'server'));
        const hm: Text = msgType === 1
          ? t('클라이언트의 첫 인사: 버전, 암호 조합, 키 공유 값을 제안', 'the client opens: offers versions, cipher suites and key shares')
          : msgType === 2
            ? t('서버의 답: 버전과 암호 조합을 고르고 자기 키 공유 값을 보냄', 'the server answers: picks version and suite, sends its key share')
            : t('핸드셰이크 메시지', 'a handshake message');
        kids.push(field('tls.handshake', `Handshake Protocol: ${name}`, '', hs, 4 + hlen, { meaning: hm, children: hk }));
      }
    } else if (type === TLS_CONTENT_TYPE.applicationData) {
      kids.push(field('tls.app_data', 'Encrypted Application Data', `${len} bytes`, fragAt, len, {
        meaning: t('암호화된 내용: 키 없이는 읽을 수 없음', 'encrypted content; unreadable without the keys'),
      }));
    } else if (type === TLS_CONTENT_TYPE.changeCipherSpec) {
      kids.push(field('tls.change_cipher_spec', 'Change Cipher Spec Message', '', fragAt, len, {
        meaning: t('TLS 1.3에서는 중간 장비 호환용으로만 보내는 메시지', 'in TLS 1.3 sent only to keep middleboxes happy'),
      }));
    } else if (type === TLS_CONTENT_TYPE.alert && len === 2) {
      kids.push(field('tls.alert_message.level', 'Level', bytes[fragAt], fragAt, 1));
      kids.push(field('tls.alert_message.desc', 'Description', bytes[fragAt + 1], fragAt + 1, 1));
    }
    records.push(field('tls.record', `TLS Record Layer: ${title}`, '', s, 5 + len, { children: kids }));
  }
  return { key: 'tls', title: 'Transport Layer Security', offset, length: end - offset, fields: records };
}
