import type { Field, Layer } from '@/simulations/wire/fields';

/** The bytes a field really occupies: for bit fields, only the bytes its mask touches. */
export function fieldBytes(f: Pick<Field, 'offset' | 'length' | 'mask'>): number[] {
  const out: number[] = [];
  for (let j = 0; j < f.length; j++) {
    if (f.mask !== undefined && f.length <= 4) {
      const shift = 8 * (f.length - 1 - j);
      if (((f.mask >>> shift) & 0xff) === 0) continue;
    }
    out.push(f.offset + j);
  }
  return out;
}

/** Every field with its path, depth first. */
export function flatten(layers: readonly Layer[]): { field: Field; path: string }[] {
  const out: { field: Field; path: string }[] = [];
  const walk = (fs: readonly Field[], prefix: string) =>
    fs.forEach((f, i) => {
      const path = `${prefix}.${i}`;
      out.push({ field: f, path });
      if (f.children) walk(f.children, path);
    });
  layers.forEach((l, i) => walk(l.fields, `${i}`));
  return out;
}

/** The most specific field that covers a byte (the smallest one), for hex → tree highlighting. */
export function fieldAt(all: { field: Field; path: string }[], byte: number): string | null {
  let best: { path: string; size: number } | null = null;
  for (const { field, path } of all) {
    const bytes = fieldBytes(field);
    if (!bytes.includes(byte)) continue;
    const size = field.mask !== undefined ? bytes.length - 0.5 : bytes.length;
    if (!best || size < best.size || (size === best.size && path.length > best.path.length)) best = { path, size };
  }
  return best?.path ?? null;
}
