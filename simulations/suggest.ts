/** Nearest slugs to a mistyped one, by edit distance (a substring match counts as close). */
export function suggest<T extends { slug: string; n: number }>(topics: readonly T[], input: string, limit = 3): T[] {
  const s = input.toLowerCase().replace(/[^a-z0-9-]/g, '');
  const scored = topics.map((t) => {
    const bonus = s.length >= 3 && (t.slug.includes(s) || s.includes(t.slug)) ? -3 : 0;
    return { t, score: distance(s, t.slug) + bonus };
  });
  scored.sort((a, b) => a.score - b.score || a.t.n - b.t.n);
  return scored.slice(0, limit).map((x) => x.t);
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}
