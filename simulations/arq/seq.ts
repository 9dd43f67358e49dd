/**
 * Sequence-number arithmetic. Packets are numbered 0..N-1 by the application;
 * on the wire a packet carries n mod seqSpace. Machines keep absolute counters
 * for themselves (as a real implementation keeps its own 64-bit counters) and
 * turn the wire numbers they receive back into absolute ones with `ahead`.
 */

/** Wire number of absolute number n in a space of `space` numbers. */
export function wire(n: number, space: number): number {
  return ((n % space) + space) % space;
}

/** How far `to` lies ahead of `from` on the circle, 0..space-1. */
export function ahead(from: number, to: number, space: number): number {
  return wire(to - from, space);
}

/** [from, to) as a list. */
export function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n < to; n++) out.push(n);
  return out;
}
