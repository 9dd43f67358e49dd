/**
 * Byte helpers shared by every wire format: hex, hexdump, concat, text
 * encodings, base64 and the internet checksum, plus SHA-1 as a thin wrapper
 * over @noble/hashes (audited, synchronous). Pure: no Node, no DOM.
 */
import { sha1 as nobleSha1 } from '@noble/hashes/legacy.js';

/** A DataView over exactly the bytes of `b` (respects subarray offsets). */
export function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

/** Lowercase hex, optionally with a separator between bytes. */
export function toHex(bytes: Uint8Array, sep = ''): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    if (i > 0) out += sep;
    out += bytes[i].toString(16).padStart(2, '0');
  }
  return out;
}

/** Parses hex; whitespace, ':' and '-' between digits are ignored. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[\s:-]/g, '');
  if (clean.length % 2 !== 0) throw new Error(`fromHex: odd number of hex digits (${clean.length})`);
  if (!/^[0-9a-fA-F]*$/.test(clean)) throw new Error('fromHex: invalid hex digit');
  const out = new Uint8Array(clean.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export interface HexdumpLine {
  /** Offset of the first byte of the line. */
  offset: number;
  /** e.g. '0010' */
  offsetHex: string;
  /** Bytes as hex pairs, an extra space after the 8th byte (Wireshark style). */
  hex: string;
  /** Printable ASCII, '.' for anything else. */
  ascii: string;
}

export function hexdump(bytes: Uint8Array, width = 16): HexdumpLine[] {
  const lines: HexdumpLine[] = [];
  for (let off = 0; off < bytes.length; off += width) {
    const row = bytes.subarray(off, off + width);
    const hexParts: string[] = [];
    let ascii = '';
    for (let i = 0; i < row.length; i++) {
      hexParts.push(row[i].toString(16).padStart(2, '0') + (i === 7 && row.length > 8 ? ' ' : ''));
      ascii += row[i] >= 0x20 && row[i] < 0x7f ? String.fromCharCode(row[i]) : '.';
    }
    lines.push({
      offset: off,
      offsetHex: off.toString(16).padStart(4, '0'),
      hex: hexParts.join(' '),
      ascii,
    });
  }
  return lines;
}

/** The whole dump as text, one line per row: "0000  45 00 ...  E.." */
export function hexdumpText(bytes: Uint8Array, width = 16): string {
  const pad = width * 3; // 2 digits + space per byte, plus the middle gap
  return hexdump(bytes, width)
    .map((l) => `${l.offsetHex}  ${l.hex.padEnd(pad)} ${l.ascii}`)
    .join('\n');
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

export function utf8Encode(s: string): Uint8Array {
  return encoder.encode(s);
}

/** Decodes UTF-8; invalid sequences become U+FFFD. */
export function utf8Decode(b: Uint8Array): string {
  return decoder.decode(b);
}

/** 7-bit ASCII only; throws on anything else so wire text stays exact. */
export function asciiEncode(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) throw new Error(`asciiEncode: non-ASCII character at ${i}`);
    out[i] = c;
  }
  return out;
}

/** One character per byte (Latin-1), so every byte value survives. */
export function latin1Decode(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(b: Uint8Array): string {
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Strict standard base64 (with padding). */
export function base64Decode(s: string): Uint8Array {
  if (s.length % 4 !== 0) throw new Error('base64Decode: length is not a multiple of 4');
  const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((s.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < s.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = s[i + j];
      const last = i + 4 === s.length;
      let v: number;
      if (ch === '=' && last && j >= 4 - pad) v = 0;
      else {
        v = B64.indexOf(ch);
        if (v < 0) throw new Error(`base64Decode: invalid character ${JSON.stringify(ch)}`);
      }
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 0xff;
    if (o < out.length) out[o++] = (n >> 8) & 0xff;
    if (o < out.length) out[o++] = n & 0xff;
  }
  return out;
}

/** SHA-1 (@noble/hashes). Used for the WebSocket accept key only, never for security. */
export function sha1(msg: Uint8Array): Uint8Array {
  return nobleSha1(msg);
}

/**
 * One's-complement sum of 16-bit big-endian words (RFC 1071), folded to 16 bits.
 * An odd trailing byte is padded with a zero byte on the right.
 */
export function onesComplementSum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  const n = bytes.length;
  for (let i = 0; i + 1 < n; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if (n % 2 === 1) sum += bytes[n - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

/** The internet checksum: one's complement of the one's-complement sum. */
export function internetChecksum(bytes: Uint8Array): number {
  return ~onesComplementSum(bytes) & 0xffff;
}

/** '192.0.2.1' -> 4 bytes. */
export function ipv4ToBytes(ip: string): Uint8Array {
  const parts = ip.split('.');
  if (parts.length !== 4) throw new Error(`invalid IPv4 address ${JSON.stringify(ip)}`);
  return Uint8Array.from(parts, (p) => {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) throw new Error(`invalid IPv4 address ${JSON.stringify(ip)}`);
    return Number(p);
  });
}

export function bytesToIpv4(b: Uint8Array, offset = 0): string {
  if (offset + 4 > b.length) throw new Error('bytesToIpv4: out of bounds');
  return `${b[offset]}.${b[offset + 1]}.${b[offset + 2]}.${b[offset + 3]}`;
}
