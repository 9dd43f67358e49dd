/**
 * HPACK header compression for HTTP/2 (RFC 7541): prefixed integers, string
 * literals (optionally Huffman-coded), the static table, a size-accounted
 * dynamic table with eviction, an encoder and a decoder.
 */
import { concat, utf8Decode, utf8Encode } from './bytes';
import { huffmanDecode, huffmanEncode, huffmanEncodedLength } from './huffman';
import { HPACK_STATIC_TABLE } from './hpack-static';

export interface HeaderField {
  name: string;
  value: string;
  /** Must never be put in a table (encoded as "never indexed"). */
  sensitive?: boolean;
}

/** RFC 7541 Appendix A (hpack-static.ts); index i is HPACK_STATIC_TABLE[i - 1]. */
export { HPACK_STATIC_TABLE };
const STATIC_LEN = HPACK_STATIC_TABLE.length; // 61

// ---------------------------------------------------------------- integers and strings

/**
 * Integer with an N-bit prefix (§5.1). `flags` holds the bits above the prefix
 * in the first byte (e.g. 0x80 for an indexed field).
 */
export function encodeInteger(value: number, prefixBits: number, flags = 0): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`HPACK: integer ${value} out of range`);
  const max = (1 << prefixBits) - 1;
  if (value < max) return Uint8Array.of(flags | value);
  const out = [flags | max];
  let v = value - max;
  while (v >= 128) {
    out.push((v % 128) + 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return Uint8Array.from(out);
}

export function decodeInteger(bytes: Uint8Array, offset: number, prefixBits: number): { value: number; next: number } {
  if (offset >= bytes.length) throw new Error('HPACK: integer runs past the end of the block');
  const max = (1 << prefixBits) - 1;
  let value = bytes[offset] & max;
  let p = offset + 1;
  if (value < max) return { value, next: p };
  let shift = 0;
  for (;;) {
    if (p >= bytes.length) throw new Error('HPACK: integer runs past the end of the block');
    const b = bytes[p++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (value > 0xffffffff) throw new Error('HPACK: integer overflow');
    if ((b & 0x80) === 0) return { value, next: p };
  }
}

/** 'shorter' uses Huffman only when it saves bytes. */
export type HuffmanPolicy = boolean | 'shorter';

export function encodeString(s: string, huffman: HuffmanPolicy): Uint8Array {
  const raw = utf8Encode(s);
  const useHuffman = huffman === 'shorter' ? huffmanEncodedLength(raw) < raw.length : huffman;
  const data = useHuffman ? huffmanEncode(raw) : raw;
  return concat(encodeInteger(data.length, 7, useHuffman ? 0x80 : 0), data);
}

export function decodeString(bytes: Uint8Array, offset: number): { value: string; huffman: boolean; next: number } {
  if (offset >= bytes.length) throw new Error('HPACK: string runs past the end of the block');
  const huffman = (bytes[offset] & 0x80) !== 0;
  const { value: len, next } = decodeInteger(bytes, offset, 7);
  if (next + len > bytes.length) throw new Error('HPACK: string runs past the end of the block');
  const data = bytes.subarray(next, next + len);
  return { value: utf8Decode(huffman ? huffmanDecode(data) : data), huffman, next: next + len };
}

// ---------------------------------------------------------------- dynamic table

/** §4.1: an entry costs 32 octets plus the octet lengths of its name and value. */
export function entrySize(name: string, value: string): number {
  return 32 + utf8Encode(name).length + utf8Encode(value).length;
}

export class HpackDynamicTable {
  /** Newest first: entries[0] is index 62. */
  entries: { name: string; value: string }[] = [];
  size = 0;
  constructor(public maxSize = 4096) {}

  /** §4.4: evict from the end until the new entry fits; an entry larger than the table empties it. */
  add(name: string, value: string): void {
    const s = entrySize(name, value);
    this.evictTo(this.maxSize - s);
    if (s <= this.maxSize) {
      this.entries.unshift({ name, value });
      this.size += s;
    }
  }

  /** §4.3: a smaller maximum evicts entries at once. */
  setMaxSize(n: number): void {
    this.maxSize = n;
    this.evictTo(n);
  }

  private evictTo(limit: number): void {
    while (this.entries.length && this.size > Math.max(limit, 0)) {
      const e = this.entries.pop()!;
      this.size -= entrySize(e.name, e.value);
    }
    if (limit < 0) {
      this.entries = [];
      this.size = 0;
    }
  }
}

/** The field at a combined index (1..61 static, 62.. dynamic). */
function lookup(table: HpackDynamicTable, index: number): { name: string; value: string } {
  if (index === 0) throw new Error('HPACK: index 0 is not allowed');
  if (index <= STATIC_LEN) {
    const [name, value] = HPACK_STATIC_TABLE[index - 1];
    return { name, value };
  }
  const e = table.entries[index - STATIC_LEN - 1];
  if (!e) throw new Error(`HPACK: index ${index} is past the end of the dynamic table`);
  return e;
}

// ---------------------------------------------------------------- encoder

export interface HpackEncoderOptions {
  /** Default 'shorter'. */
  huffman?: HuffmanPolicy;
  /**
   * How fields that are not fully indexed are sent (default 'incremental'):
   * 'incremental' adds them to the dynamic table, 'without' does not,
   * 'never' marks them never-indexed for every hop.
   */
  indexing?: 'incremental' | 'without' | 'never';
  /** Initial dynamic table size, default 4096 (SETTINGS_HEADER_TABLE_SIZE). */
  maxTableSize?: number;
}

export class HpackEncoder {
  readonly table: HpackDynamicTable;
  private huffman: HuffmanPolicy;
  private indexing: 'incremental' | 'without' | 'never';
  private pendingMin: number | undefined;
  private pendingFinal: number | undefined;

  constructor(opts: HpackEncoderOptions = {}) {
    this.table = new HpackDynamicTable(opts.maxTableSize ?? 4096);
    this.huffman = opts.huffman ?? 'shorter';
    this.indexing = opts.indexing ?? 'incremental';
  }

  /** Changes the table size; a Dynamic Table Size Update starts the next block (§4.2). */
  setMaxTableSize(n: number): void {
    this.pendingMin = Math.min(this.pendingMin ?? n, n);
    this.pendingFinal = n;
  }

  encode(headers: readonly HeaderField[]): Uint8Array {
    const parts: Uint8Array[] = [];
    if (this.pendingFinal !== undefined) {
      if (this.pendingMin! < this.pendingFinal) {
        parts.push(encodeInteger(this.pendingMin!, 5, 0x20));
        this.table.setMaxSize(this.pendingMin!);
      }
      parts.push(encodeInteger(this.pendingFinal, 5, 0x20));
      this.table.setMaxSize(this.pendingFinal);
      this.pendingMin = this.pendingFinal = undefined;
    }
    for (const h of headers) parts.push(this.encodeField(h));
    return concat(...parts);
  }

  private findIndex(h: HeaderField): { full?: number; name?: number } {
    let full: number | undefined, name: number | undefined;
    HPACK_STATIC_TABLE.forEach(([n, v], i) => {
      if (n !== h.name) return;
      name ??= i + 1;
      if (v === h.value) full ??= i + 1;
    });
    this.table.entries.forEach((e, i) => {
      if (e.name !== h.name) return;
      name ??= STATIC_LEN + 1 + i;
      if (e.value === h.value) full ??= STATIC_LEN + 1 + i;
    });
    return { full, name };
  }

  private encodeField(h: HeaderField): Uint8Array {
    const { full, name } = this.findIndex(h);
    if (full !== undefined && !h.sensitive) return encodeInteger(full, 7, 0x80);
    const mode = h.sensitive ? 'never' : this.indexing;
    const [prefix, flags] = mode === 'incremental' ? [6, 0x40] : mode === 'without' ? [4, 0x00] : [4, 0x10];
    const head = name !== undefined
      ? encodeInteger(name, prefix, flags)
      : concat(encodeInteger(0, prefix, flags), encodeString(h.name, this.huffman));
    if (mode === 'incremental') this.table.add(h.name, h.value);
    return concat(head, encodeString(h.value, this.huffman));
  }
}

// ---------------------------------------------------------------- decoder

export type HpackRepresentationKind = 'indexed' | 'incremental' | 'without' | 'never' | 'sizeUpdate';

/** One representation in a header block, with its position (relative to the block + base). */
export interface HpackRepresentation {
  kind: HpackRepresentationKind;
  offset: number;
  length: number;
  /** Full index (indexed) or name index (literal with indexed name); 0 = new name. */
  index?: number;
  name?: string;
  value?: string;
  nameHuffman?: boolean;
  valueHuffman?: boolean;
  /** For 'sizeUpdate'. */
  newSize?: number;
}

export class HpackDecoder {
  readonly table: HpackDynamicTable;
  /** The largest size the encoder may ask for (our SETTINGS_HEADER_TABLE_SIZE). */
  maxTableSizeLimit: number;

  constructor(maxTableSize = 4096) {
    this.table = new HpackDynamicTable(maxTableSize);
    this.maxTableSizeLimit = maxTableSize;
  }

  decode(block: Uint8Array): HeaderField[] {
    return this.decodeDetailed(block)
      .filter((r) => r.kind !== 'sizeUpdate')
      .map((r) => (r.kind === 'never' ? { name: r.name!, value: r.value!, sensitive: true } : { name: r.name!, value: r.value! }));
  }

  /** Decodes a whole header block, reporting each representation. Updates the table. */
  decodeDetailed(block: Uint8Array, base = 0): HpackRepresentation[] {
    const out: HpackRepresentation[] = [];
    let p = 0;
    let seenField = false;
    while (p < block.length) {
      const b = block[p];
      const start = p;
      if (b & 0x80) {
        const { value: index, next } = decodeInteger(block, p, 7);
        const e = lookup(this.table, index);
        p = next;
        out.push({ kind: 'indexed', offset: base + start, length: p - start, index, name: e.name, value: e.value });
        seenField = true;
      } else if ((b & 0xe0) === 0x20) {
        if (seenField) throw new Error('HPACK: dynamic table size update after a header field');
        const { value: n, next } = decodeInteger(block, p, 5);
        if (n > this.maxTableSizeLimit) throw new Error(`HPACK: table size update ${n} exceeds the limit ${this.maxTableSizeLimit}`);
        this.table.setMaxSize(n);
        p = next;
        out.push({ kind: 'sizeUpdate', offset: base + start, length: p - start, newSize: n });
      } else {
        const kind = b & 0x40 ? 'incremental' : b & 0x10 ? 'never' : 'without';
        const prefix = kind === 'incremental' ? 6 : 4;
        const { value: index, next } = decodeInteger(block, p, prefix);
        p = next;
        let name: string;
        let nameHuffman: boolean | undefined;
        if (index === 0) {
          const s = decodeString(block, p);
          name = s.value;
          nameHuffman = s.huffman;
          p = s.next;
        } else name = lookup(this.table, index).name;
        const v = decodeString(block, p);
        p = v.next;
        if (kind === 'incremental') this.table.add(name, v.value);
        const rep: HpackRepresentation = { kind, offset: base + start, length: p - start, index, name, value: v.value, valueHuffman: v.huffman };
        if (nameHuffman !== undefined) rep.nameHuffman = nameHuffman;
        out.push(rep);
        seenField = true;
      }
    }
    return out;
  }
}
