/**
 * Small bounded caches for pure, expensive crypto: the same inputs give the same bytes
 * (RFC 6979 deterministic ECDSA, X25519, seeded keys and certificates), so a run that
 * repeats a handshake, or a page that reruns a scenario with the same seed, pays once.
 * A cache keeps at most `max` entries and drops the least recently used one first.
 * Results are copied on the way out (bytes with `slice`), so a caller that writes into
 * what it got cannot change what the next caller gets.
 */

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex of some bytes, for cache keys (a table lookup per byte, no padding calls). */
export function keyHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]];
  return out;
}

export interface Memo<R> {
  /** The cached result for key, or make()'s, stored. */
  get(key: string, make: () => R): R;
  readonly size: number;
  clear(): void;
}

/** A least-recently-used cache of at most max entries; `copy` runs on every result handed out. */
export function memo<R>(max: number, copy: (r: R) => R = (r) => r): Memo<R> {
  const m = new Map<string, R>();
  return {
    get(key, make) {
      let v = m.get(key);
      if (v !== undefined || m.has(key)) {
        m.delete(key);
        m.set(key, v as R);
        return copy(v as R);
      }
      v = make();
      m.set(key, v);
      if (m.size > max) m.delete(m.keys().next().value as string);
      return copy(v);
    },
    get size() {
      return m.size;
    },
    clear() {
      m.clear();
    },
  };
}

export const copyBytes = (b: Uint8Array): Uint8Array => b.slice();
