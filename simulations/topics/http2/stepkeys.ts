/**
 * Step keys for the beats. A beat carries at most one key, but one moment can qualify for
 * several (the page completes in the same burst that TCP holds back): the key that has the
 * fewest chances left takes the beat, so a key that can only happen here (`page`,
 * `page-loaded`) is not lost to one that recurs later (`hol` while the hole stays open).
 */
export function assignKeys(candidates: readonly (readonly string[])[]): (string | undefined)[] {
  const used = new Set<string>();
  return candidates.map((keys, i) => {
    const left = (k: string) => candidates.slice(i).filter((c) => c.includes(k)).length;
    let best: string | undefined;
    let bestLeft = Infinity;
    for (const k of keys) {
      if (used.has(k)) continue;
      const n = left(k);
      if (n < bestLeft) { best = k; bestLeft = n; }
    }
    if (best) used.add(best);
    return best;
  });
}
