/**
 * The HPACK figure (RFC 7541): the 61-entry static table with the entries a connection has
 * used lit, the dynamic table as it stands (newest first, index 62 on, each entry's size
 * = name + value + 32 octets, §4.1) with what the last block evicted, and the encoded size
 * of every header block so far beside the same headers as HTTP/1.1 text.
 */
import type { Text } from '../core/text';

export type HpackFieldKind = 'indexed' | 'incremental' | 'without' | 'never';

export interface HpackEntity {
  kind: 'hpack';
  id: string;
  title: Text;
  /** SETTINGS_HEADER_TABLE_SIZE the decoder announced: the most the encoder may use. */
  limit: number;
  /** Static indices (1..61) referenced by any block so far, and by the current one. */
  staticUsed: number[];
  staticNow: number[];
  /** Newest first: dynamic[0] is index 62. `fresh`: added by the current block. */
  dynamic: { name: string; value: string; size: number; fresh: boolean }[];
  size: number;
  max: number;
  /** Entries the current block pushed out (oldest first out). */
  evicted: { name: string; value: string; size: number }[];
  /** Every request block so far: encoded bytes vs. the same header lines as text. */
  blocks: { stream: number; path: string; bytes: number; plain: number }[];
  /** Index in `blocks` of the block this step is about, if any. */
  current?: number;
  /** The current block's representations, in order. */
  fields: { name: string; value: string; kind: HpackFieldKind; index?: number; bytes: number; huffman: boolean }[];
  /** A Dynamic Table Size Update at the start of the current block (§6.3). */
  sizeUpdate?: number;
}

declare module '../core/entities' {
  interface EntityMap {
    hpack: HpackEntity;
  }
}
