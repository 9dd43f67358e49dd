/**
 * The one source of randomness in the engine: a small seeded PRNG (sfc32,
 * seeded through splitmix32). Same seed, same sequence, on every machine.
 * Nothing else in simulations/ may draw random numbers (no unseeded platform randomness).
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** true with probability p (0..1). */
  chance(p: number): boolean;
  /** An unsigned 32-bit integer. */
  u32(): number;
  /** An independent stream derived from this seed and a label (order of forks does not matter). */
  fork(label: string): Random;
}

function splitmix32(a: number): () => number {
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

/** FNV-1a over a string, used to turn fork labels into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: number): Random {
  const base = seed >>> 0;
  const init = splitmix32(base);
  let a = init(), b = init(), c = init(), d = init();
  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    u32,
    int(min, max) {
      return min + Math.floor(next() * (max - min + 1));
    },
    chance(p) {
      return p > 0 && next() < p;
    },
    fork(label) {
      return createRandom((base ^ hashString(label)) >>> 0);
    },
  };
}
