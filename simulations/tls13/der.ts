/**
 * A minimal ASN.1 DER (ITU-T X.690 §8, §10) encoder and reader: enough for
 * X.509 certificates (RFC 5280) with ECDSA keys. Definite lengths only.
 */
import { asciiEncode, concat, latin1Decode, toHex, utf8Decode, utf8Encode } from '../wire/bytes';

export const TAG = {
  boolean: 0x01, integer: 0x02, bitString: 0x03, octetString: 0x04, null: 0x05, oid: 0x06, utf8String: 0x0c,
  printableString: 0x13, ia5String: 0x16, utcTime: 0x17, generalizedTime: 0x18, sequence: 0x30, set: 0x31,
} as const;

// ---------------------------------------------------------------- encoder

/** X.690 §8.1.3: short form below 128, else long form with the fewest length octets. */
export function derLength(n: number): Uint8Array {
  if (n < 0x80) return Uint8Array.of(n);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const body = concat(...content);
  return concat(Uint8Array.of(tag), derLength(body.length), body);
}

export const seq = (...items: Uint8Array[]) => tlv(TAG.sequence, ...items);
/** DER SET OF: elements sorted by their encodings (X.690 §11.6). */
export const set = (...items: Uint8Array[]) => tlv(TAG.set, ...[...items].sort(compareBytes));
export const nul = () => Uint8Array.of(TAG.null, 0);
export const bool = (v: boolean) => Uint8Array.of(TAG.boolean, 1, v ? 0xff : 0);
export const octetString = (b: Uint8Array) => tlv(TAG.octetString, b);
export const utf8String = (s: string) => tlv(TAG.utf8String, utf8Encode(s));
export const printableString = (s: string) => tlv(TAG.printableString, asciiEncode(s));
export const ia5String = (s: string) => tlv(TAG.ia5String, asciiEncode(s));
/** BIT STRING with the count of unused bits in the last octet first (§8.6). */
export const bitString = (b: Uint8Array, unusedBits = 0) => tlv(TAG.bitString, Uint8Array.of(unusedBits), b);
/** [n] EXPLICIT: a constructed context-specific wrapper. */
export const explicit = (n: number, inner: Uint8Array) => tlv(0xa0 | n, inner);
/** [n] IMPLICIT on a primitive type: context-specific tag, the same content octets. */
export const implicitPrimitive = (n: number, content: Uint8Array) => tlv(0x80 | n, content);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** INTEGER, two's complement, minimal octets (§8.3). Non-negative values only. */
export function integer(v: number | bigint | Uint8Array): Uint8Array {
  let bytes: Uint8Array;
  if (v instanceof Uint8Array) {
    let i = 0;
    while (i < v.length - 1 && v[i] === 0) i++;
    bytes = v.subarray(i);
  } else {
    let n = BigInt(v);
    if (n < 0n) throw new Error('DER: negative INTEGER not supported');
    const out: number[] = [];
    do { out.unshift(Number(n & 0xffn)); n >>= 8n; } while (n > 0n);
    bytes = Uint8Array.from(out);
  }
  if (bytes.length === 0) bytes = Uint8Array.of(0);
  return tlv(TAG.integer, bytes[0] & 0x80 ? concat(Uint8Array.of(0), bytes) : bytes);
}

/** OBJECT IDENTIFIER from dotted text (§8.19). */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(Number);
  if (arcs.length < 2 || arcs.some((a) => !Number.isSafeInteger(a) || a < 0)) throw new Error(`DER: bad OID ${dotted}`);
  const out: number[] = [];
  const base128 = (n: number) => {
    const groups: number[] = [];
    do { groups.unshift(n % 128); n = Math.floor(n / 128); } while (n > 0);
    groups.forEach((g, i) => out.push(i < groups.length - 1 ? g | 0x80 : g));
  };
  base128(arcs[0] * 40 + arcs[1]);
  arcs.slice(2).forEach(base128);
  return tlv(TAG.oid, Uint8Array.from(out));
}

// ---------------------------------------------------------------- time

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Unix seconds (UTC) as "YYYYMMDDHHMMSS". */
export function formatUtc(seconds: number): string {
  const days = Math.floor(seconds / 86400);
  const rest = seconds - days * 86400;
  const { y, m, d } = civilFromDays(days);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(y, 4)}${p(m)}${p(d)}${p(Math.floor(rest / 3600))}${p(Math.floor(rest / 60) % 60)}${p(rest % 60)}`;
}

/** RFC 5280 §4.1.2.5: UTCTime for 1950-2049, GeneralizedTime otherwise, always with seconds and Z. */
export function time(seconds: number): Uint8Array {
  if (!Number.isSafeInteger(seconds)) throw new Error('DER: time must be whole seconds');
  const s = formatUtc(seconds);
  const year = Number(s.slice(0, 4));
  return year >= 1950 && year < 2050 ? tlv(TAG.utcTime, asciiEncode(s.slice(2) + 'Z')) : tlv(TAG.generalizedTime, asciiEncode(s + 'Z'));
}

/** Reads a UTCTime or GeneralizedTime node back to unix seconds. */
export function readTime(node: DerNode): number {
  const s = latin1Decode(node.content);
  let full: string;
  if (node.tag === TAG.utcTime && /^\d{12}Z$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    full = (yy >= 50 ? '19' : '20') + s.slice(0, 12);
  } else if (node.tag === TAG.generalizedTime && /^\d{14}Z$/.test(s)) full = s.slice(0, 14);
  else throw new Error(`DER: unsupported time ${s}`);
  const n = (a: number, b: number) => Number(full.slice(a, b));
  return daysFromCivil(n(0, 4), n(4, 6), n(6, 8)) * 86400 + n(8, 10) * 3600 + n(10, 12) * 60 + n(12, 14);
}

// ---------------------------------------------------------------- reader

export interface DerNode {
  tag: number;
  /** Offset of the tag octet in the buffer. */
  start: number;
  /** Offset just past the content. */
  end: number;
  content: Uint8Array;
  /** The whole encoding (tag, length, content). */
  bytes: Uint8Array;
}

/** Reads one TLV at offset; rejects indefinite and non-minimal lengths and overruns. */
export function readDer(buf: Uint8Array, offset = 0, limit = buf.length): DerNode {
  if (offset + 2 > limit) throw new Error('DER: truncated header');
  const tag = buf[offset];
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers not supported');
  let p = offset + 1;
  let len = buf[p++];
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER: unsupported length form');
    if (p + n > limit) throw new Error('DER: truncated length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
    if (len < 0x80 || buf[offset + 2] === 0) throw new Error('DER: non-minimal length');
  }
  const end = p + len;
  if (end > limit) throw new Error('DER: content overruns its parent');
  return { tag, start: offset, end, content: buf.subarray(p, end), bytes: buf.subarray(offset, end) };
}

/** The TLVs inside a constructed node, in order. */
export function children(node: DerNode): DerNode[] {
  const out: DerNode[] = [];
  for (let p = 0; p < node.content.length;) {
    const c = readDer(node.content, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

/** Reads a node and checks its tag. */
export function expectTag(node: DerNode, tag: number, what: string): DerNode {
  if (node.tag !== tag) throw new Error(`DER: ${what}: tag 0x${node.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return node;
}

export function readOid(node: DerNode): string {
  expectTag(node, TAG.oid, 'OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let v = 0;
  for (const b of node.content) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) { arcs.push(v); v = 0; }
  }
  if (!arcs.length) throw new Error('DER: empty OID');
  const first = arcs[0] < 80 ? Math.floor(arcs[0] / 40) : 2;
  return [first, arcs[0] - first * 40, ...arcs.slice(1)].join('.');
}

/** INTEGER content as lowercase hex (sign octet kept). */
export function readIntegerHex(node: DerNode): string {
  return toHex(expectTag(node, TAG.integer, 'INTEGER').content);
}

export function readSmallInteger(node: DerNode): number {
  let v = 0;
  for (const b of expectTag(node, TAG.integer, 'INTEGER').content) v = v * 256 + b;
  return v;
}

/** UTF8String, PrintableString or IA5String content as text. */
export function readString(node: DerNode): string {
  if (node.tag === TAG.utf8String) return utf8Decode(node.content);
  if (node.tag === TAG.printableString || node.tag === TAG.ia5String || node.tag === (0x80 | 2)) return latin1Decode(node.content);
  throw new Error(`DER: tag 0x${node.tag.toString(16)} is not a supported string`);
}
