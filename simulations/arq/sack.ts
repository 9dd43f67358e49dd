/**
 * SACK blocks (RFC 2018) in packet units. The receiver reports each contiguous
 * run of out-of-order data as a block [left, right). RFC 2018 §4: the first
 * block must contain the most recently received segment, and the others repeat
 * the most recently reported blocks; we order blocks by the latest arrival in
 * each, which satisfies both. At most 3 blocks fit next to a timestamp option.
 */
import type { SackBlock } from './types';

export const MAX_SACK_BLOCKS = 3;

/**
 * held: buffered packets (absolute numbers) with the arrival stamp of each;
 * returns the blocks to report, most recent first.
 */
export function sackBlocks(held: readonly { n: number; stamp: number }[], max = MAX_SACK_BLOCKS): SackBlock[] {
  const sorted = [...held].sort((a, b) => a.n - b.n);
  const runs: { left: number; right: number; recent: number }[] = [];
  for (const h of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.right === h.n) {
      last.right = h.n + 1;
      last.recent = Math.max(last.recent, h.stamp);
    } else {
      runs.push({ left: h.n, right: h.n + 1, recent: h.stamp });
    }
  }
  return runs
    .sort((a, b) => b.recent - a.recent)
    .slice(0, max)
    .map(({ left, right }) => ({ left, right }));
}
