/**
 * pcapng files (draft-ietf-opsawg-pcapng), the format Wireshark saves by default.
 * Unlike classic pcap it can name several interfaces (one packet seen before
 * and after a router), comment each packet, and carry a TLS key log in a
 * Decryption Secrets Block so Wireshark decrypts the capture with no key file.
 * Written little-endian, microsecond timestamps; the reader takes either order.
 */
import { concat, utf8Decode, utf8Encode, view } from './bytes';
import { LINKTYPE_ETHERNET } from './pcap';

export const PCAPNG_BLOCK_SHB = 0x0a0d0d0a;
export const PCAPNG_BLOCK_IDB = 0x00000001;
export const PCAPNG_BLOCK_EPB = 0x00000006;
export const PCAPNG_BLOCK_DSB = 0x0000000a;
export const PCAPNG_BYTE_ORDER_MAGIC = 0x1a2b3c4d;
/** 'TLSK': the secrets are an NSS key log file (CLIENT_RANDOM / CLIENT_HANDSHAKE_TRAFFIC_SECRET … lines). */
export const SECRETS_TLS_KEY_LOG = 0x544c534b;

/** Option codes used here (opt_* are valid in every block). */
export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
export const SHB_USERAPPL = 4;
export const IF_NAME = 2;
export const IF_DESCRIPTION = 3;
export const IF_TSRESOL = 9;
/** if_tsresol value 6: timestamps count 10^-6 s. */
const TSRESOL_MICROSECONDS = 6;
const MAX_OPTION_LENGTH = 0xffff;

export interface PcapngInterface {
  /** if_name, e.g. 'eth0' or 'r1-wan'. */
  name: string;
  /** if_description: free text shown by Wireshark's capture file properties. */
  description?: string;
  /** Default LINKTYPE_ETHERNET. */
  linktype?: number;
  /** Default 65535; longer packets are cut to it (original length is kept). */
  snaplen?: number;
}

export interface PcapngPacket {
  /** Index into `interfaces`: the Interface ID of the Enhanced Packet Block. */
  iface: number;
  /** Logical time in milliseconds since the capture epoch (fractions allowed, µs precision). */
  tMs: number;
  bytes: Uint8Array;
  /** opt_comment (UTF-8), Wireshark's frame.comment. */
  comment?: string;
}

export interface PcapngSpec {
  interfaces: readonly PcapngInterface[];
  packets: readonly PcapngPacket[];
  /** NSS key log text; written as a Decryption Secrets Block before the first packet. */
  tlsKeyLog?: string;
  /** shb_userappl: the application that wrote the file. */
  userAppl?: string;
}

export interface PcapngOption {
  code: number;
  value: Uint8Array;
}

const pad4 = (n: number) => (n + 3) & ~3;

/** One option: code, length, value padded to 32 bits. */
function encodeOption(code: number, value: Uint8Array): Uint8Array {
  if (value.length > MAX_OPTION_LENGTH) throw new Error(`pcapng: option ${code} is longer than ${MAX_OPTION_LENGTH} bytes`);
  const out = new Uint8Array(4 + pad4(value.length));
  const v = view(out);
  v.setUint16(0, code, true);
  v.setUint16(2, value.length, true);
  out.set(value, 4);
  return out;
}

/** An option list closed by opt_endofopt, or nothing at all when there are no options. */
function encodeOptions(opts: readonly PcapngOption[]): Uint8Array {
  if (opts.length === 0) return new Uint8Array(0);
  return concat(...opts.map((o) => encodeOption(o.code, o.value)), encodeOption(OPT_ENDOFOPT, new Uint8Array(0)));
}

/** Block Type, Block Total Length, body (already 32-bit aligned), Block Total Length. */
function encodeBlock(type: number, body: Uint8Array): Uint8Array {
  if (body.length % 4 !== 0) throw new Error('pcapng: block body is not 32-bit aligned');
  const total = body.length + 12;
  const out = new Uint8Array(total);
  const v = view(out);
  v.setUint32(0, type, true);
  v.setUint32(4, total, true);
  out.set(body, 8);
  v.setUint32(total - 4, total, true);
  return out;
}

/** Fixed fields followed by variable data padded to 32 bits, then options. */
function body(fixed: Uint8Array, data: Uint8Array, opts: readonly PcapngOption[]): Uint8Array {
  const padded = new Uint8Array(pad4(data.length));
  padded.set(data);
  return concat(fixed, padded, encodeOptions(opts));
}

function sectionHeader(userAppl: string | undefined): Uint8Array {
  const fixed = new Uint8Array(16);
  const v = view(fixed);
  v.setUint32(0, PCAPNG_BYTE_ORDER_MAGIC, true);
  v.setUint16(4, 1, true); // major
  v.setUint16(6, 0, true); // minor
  v.setInt32(8, -1, true); // section length: not given (-1 as a 64-bit value)
  v.setInt32(12, -1, true);
  const opts = userAppl ? [{ code: SHB_USERAPPL, value: utf8Encode(userAppl) }] : [];
  return encodeBlock(PCAPNG_BLOCK_SHB, body(fixed, new Uint8Array(0), opts));
}

function interfaceDescription(i: PcapngInterface): Uint8Array {
  const fixed = new Uint8Array(8);
  const v = view(fixed);
  v.setUint16(0, i.linktype ?? LINKTYPE_ETHERNET, true);
  v.setUint16(2, 0, true); // reserved
  v.setUint32(4, i.snaplen ?? 65535, true);
  const opts: PcapngOption[] = [{ code: IF_NAME, value: utf8Encode(i.name) }];
  if (i.description !== undefined) opts.push({ code: IF_DESCRIPTION, value: utf8Encode(i.description) });
  opts.push({ code: IF_TSRESOL, value: Uint8Array.of(TSRESOL_MICROSECONDS) });
  return encodeBlock(PCAPNG_BLOCK_IDB, body(fixed, new Uint8Array(0), opts));
}

function decryptionSecrets(type: number, data: Uint8Array): Uint8Array {
  const fixed = new Uint8Array(8);
  const v = view(fixed);
  v.setUint32(0, type, true);
  v.setUint32(4, data.length, true);
  return encodeBlock(PCAPNG_BLOCK_DSB, body(fixed, data, []));
}

function enhancedPacket(p: PcapngPacket, snaplen: number): Uint8Array {
  if (!(p.tMs >= 0) || !Number.isFinite(p.tMs)) throw new Error(`pcapng: bad timestamp ${p.tMs}`);
  const us = Math.round(p.tMs * 1000);
  if (!Number.isSafeInteger(us)) throw new Error(`pcapng: timestamp ${p.tMs} out of range`);
  const captured = p.bytes.subarray(0, snaplen);
  const fixed = new Uint8Array(20);
  const v = view(fixed);
  v.setUint32(0, p.iface, true);
  v.setUint32(4, Math.floor(us / 2 ** 32), true);
  v.setUint32(8, us % 2 ** 32, true);
  v.setUint32(12, captured.length, true);
  v.setUint32(16, p.bytes.length, true);
  const opts = p.comment !== undefined ? [{ code: OPT_COMMENT, value: utf8Encode(p.comment) }] : [];
  return encodeBlock(PCAPNG_BLOCK_EPB, body(fixed, captured, opts));
}

/**
 * One section: SHB, an IDB per interface (their order gives the interface ids),
 * the Decryption Secrets Block when there is a key log, then one EPB per packet
 * in the order given.
 */
export function writePcapng(spec: PcapngSpec): Uint8Array {
  if (spec.interfaces.length === 0) throw new Error('pcapng: at least one interface is needed');
  const parts: Uint8Array[] = [sectionHeader(spec.userAppl), ...spec.interfaces.map(interfaceDescription)];
  if (spec.tlsKeyLog !== undefined && spec.tlsKeyLog !== '') {
    parts.push(decryptionSecrets(SECRETS_TLS_KEY_LOG, utf8Encode(spec.tlsKeyLog)));
  }
  for (const p of spec.packets) {
    const iface = spec.interfaces[p.iface];
    if (!Number.isInteger(p.iface) || !iface) throw new Error(`pcapng: no interface ${p.iface}`);
    parts.push(enhancedPacket(p, iface.snaplen ?? 65535));
  }
  return concat(...parts);
}

// --- Reader ---------------------------------------------------------------

export interface PcapngBlockInfo {
  type: number;
  offset: number;
  length: number;
}

export interface PcapngReadInterface {
  linktype: number;
  snaplen: number;
  name?: string;
  description?: string;
  /** Seconds per timestamp unit (1e-6 by default). */
  tsUnit: number;
  options: PcapngOption[];
}

export interface PcapngReadPacket {
  iface: number;
  tMs: number;
  bytes: Uint8Array;
  origLen: number;
  comment?: string;
  options: PcapngOption[];
}

export interface PcapngFile {
  littleEndian: boolean;
  versionMajor: number;
  versionMinor: number;
  shbOptions: PcapngOption[];
  interfaces: PcapngReadInterface[];
  packets: PcapngReadPacket[];
  secrets: { type: number; data: Uint8Array; options: PcapngOption[] }[];
  /** Every block in file order, including ones this reader does not interpret. */
  blocks: PcapngBlockInfo[];
}

function readOptions(dv: DataView, file: Uint8Array, start: number, end: number, le: boolean): PcapngOption[] {
  const out: PcapngOption[] = [];
  let p = start;
  while (p + 4 <= end) {
    const code = dv.getUint16(p, le), len = dv.getUint16(p + 2, le);
    if (code === OPT_ENDOFOPT) break;
    if (p + 4 + len > end) throw new Error(`pcapng: option ${code} overruns its block`);
    out.push({ code, value: file.slice(p + 4, p + 4 + len) });
    p += 4 + pad4(len);
  }
  return out;
}

const text = (opts: PcapngOption[], code: number) => {
  const o = opts.find((x) => x.code === code);
  return o ? utf8Decode(o.value) : undefined;
};

/** Reads one section of a pcapng file (SHB, IDB, EPB, DSB interpreted; other blocks listed and skipped). */
export function readPcapng(file: Uint8Array): PcapngFile {
  if (file.length < 28) throw new Error('pcapng: shorter than a section header block');
  const dv = view(file);
  if (dv.getUint32(0, true) !== PCAPNG_BLOCK_SHB) throw new Error('pcapng: does not start with a section header block');
  let le: boolean;
  if (dv.getUint32(8, true) === PCAPNG_BYTE_ORDER_MAGIC) le = true;
  else if (dv.getUint32(8, false) === PCAPNG_BYTE_ORDER_MAGIC) le = false;
  else throw new Error('pcapng: bad byte-order magic');
  const out: PcapngFile = {
    littleEndian: le, versionMajor: 0, versionMinor: 0, shbOptions: [], interfaces: [], packets: [], secrets: [], blocks: [],
  };
  let p = 0;
  while (p < file.length) {
    if (p + 12 > file.length) throw new Error('pcapng: truncated block header');
    const type = dv.getUint32(p, le), length = dv.getUint32(p + 4, le);
    if (length < 12 || length % 4 !== 0) throw new Error(`pcapng: bad block length ${length} at ${p}`);
    if (p + length > file.length) throw new Error('pcapng: truncated block');
    if (dv.getUint32(p + length - 4, le) !== length) throw new Error(`pcapng: trailing block length differs at ${p}`);
    const b = p + 8, end = p + length - 4;
    out.blocks.push({ type, offset: p, length });
    switch (type) {
      case PCAPNG_BLOCK_SHB:
        if (p !== 0) throw new Error('pcapng: only one section is supported');
        out.versionMajor = dv.getUint16(b + 4, le);
        out.versionMinor = dv.getUint16(b + 6, le);
        out.shbOptions = readOptions(dv, file, b + 16, end, le);
        break;
      case PCAPNG_BLOCK_IDB: {
        const options = readOptions(dv, file, b + 8, end, le);
        const res = options.find((o) => o.code === IF_TSRESOL)?.value[0] ?? TSRESOL_MICROSECONDS;
        out.interfaces.push({
          linktype: dv.getUint16(b, le),
          snaplen: dv.getUint32(b + 4, le),
          name: text(options, IF_NAME),
          description: text(options, IF_DESCRIPTION),
          tsUnit: res & 0x80 ? 2 ** -(res & 0x7f) : 10 ** -res,
          options,
        });
        break;
      }
      case PCAPNG_BLOCK_EPB: {
        const iface = dv.getUint32(b, le);
        const ifc = out.interfaces[iface];
        if (!ifc) throw new Error(`pcapng: packet on undescribed interface ${iface}`);
        const units = dv.getUint32(b + 4, le) * 2 ** 32 + dv.getUint32(b + 8, le);
        const capLen = dv.getUint32(b + 12, le), origLen = dv.getUint32(b + 16, le);
        if (b + 20 + capLen > end) throw new Error('pcapng: packet data overruns its block');
        const options = readOptions(dv, file, b + 20 + pad4(capLen), end, le);
        out.packets.push({
          iface,
          // Microseconds are exact; other resolutions are converted through seconds.
          tMs: ifc.tsUnit === 1e-6 ? units / 1000 : units * ifc.tsUnit * 1000,
          bytes: file.slice(b + 20, b + 20 + capLen),
          origLen,
          comment: text(options, OPT_COMMENT),
          options,
        });
        break;
      }
      case PCAPNG_BLOCK_DSB: {
        const secretsType = dv.getUint32(b, le), len = dv.getUint32(b + 4, le);
        if (b + 8 + len > end) throw new Error('pcapng: secrets overrun their block');
        out.secrets.push({ type: secretsType, data: file.slice(b + 8, b + 8 + len), options: readOptions(dv, file, b + 8 + pad4(len), end, le) });
        break;
      }
      default:
        break;
    }
    p += length;
  }
  return out;
}
