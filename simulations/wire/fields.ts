/**
 * The dissection model shared by every format: a layer is a range of the frame
 * with a tree of fields; every field points at its bytes (absolute offsets) so an
 * inspector can highlight them in a hex view.
 */
import type { Text } from '../core/text';

export interface Field {
  /** Human label, e.g. 'SYN'. */
  name: string;
  /** Wireshark-like filter name, e.g. 'tcp.flags.syn'. */
  key: string;
  /** Display value, e.g. 'Set' or '0x0002'. */
  value: string;
  /** Short explanation, Korean first. */
  meaning?: Text;
  /** Absolute byte offset within the frame. */
  offset: number;
  length: number;
  /** Bit mask within the bytes, for flag bits. */
  mask?: number;
  children?: Field[];
}

export interface Layer {
  /** 'eth', 'ip', 'tcp', 'udp', 'dns', 'http', 'tls', 'http2', 'websocket' */
  key: string;
  title: string;
  offset: number;
  length: number;
  fields: Field[];
}

export interface Dissection {
  bytes: Uint8Array;
  layers: Layer[];
}

/** Builds a field; `extra` carries mask/children/meaning. */
export function field(
  key: string,
  name: string,
  value: string | number,
  offset: number,
  length: number,
  extra: { meaning?: Text; mask?: number; children?: Field[] } = {},
): Field {
  const f: Field = { name, key, value: String(value), offset, length };
  if (extra.meaning) f.meaning = extra.meaning;
  if (extra.mask !== undefined) f.mask = extra.mask;
  if (extra.children) f.children = extra.children;
  return f;
}

export const hex16 = (n: number): string => '0x' + n.toString(16).padStart(4, '0');
export const hex8 = (n: number): string => '0x' + n.toString(16).padStart(2, '0');
export const setOrNot = (b: boolean): string => (b ? 'Set' : 'Not set');

/** Depth-first walk over every field of the given layers. */
export function* walkFields(layers: readonly Layer[]): Generator<Field> {
  const stack: Field[] = [];
  for (let i = layers.length - 1; i >= 0; i--) for (let j = layers[i].fields.length - 1; j >= 0; j--) stack.push(layers[i].fields[j]);
  while (stack.length) {
    const f = stack.pop()!;
    yield f;
    if (f.children) for (let j = f.children.length - 1; j >= 0; j--) stack.push(f.children[j]);
  }
}

/** The first field with this key, depth-first, or undefined. */
export function findField(layers: readonly Layer[], key: string): Field | undefined {
  for (const f of walkFields(layers)) if (f.key === key) return f;
  return undefined;
}

/** Every field with this key, in order. */
export function findFields(layers: readonly Layer[], key: string): Field[] {
  const out: Field[] = [];
  for (const f of walkFields(layers)) if (f.key === key) out.push(f);
  return out;
}
