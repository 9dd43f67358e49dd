/** Numbers leave the engine rounded, so that timelines compare byte for byte. */
export function round(x: number, digits = 3): number {
  const k = 10 ** digits;
  const r = Math.round(x * k) / k;
  return Object.is(r, -0) ? 0 : r;
}
