/**
 * Network faults as data: which segments the network loses or holds up, decided before a
 * run from the params and the seed, keyed by what a segment is and which copy of it this is.
 */
import { segmentKind, type Segment, type SegmentKind } from './segment';
import type { HostId } from './world';

/**
 * Which segments a network fault applies to, as data decided before the run: by sender,
 * what the segment is, optionally its numbers, and which copy (0: the first time a segment
 * of that kind with those numbers is sent, 1: the second…; any copy when absent).
 */
export interface SegmentRule {
  from: HostId;
  kind: SegmentKind;
  seq?: number;
  ack?: number;
  copy?: number;
}

export interface Faults {
  /** Segments the network loses. */
  drop?: readonly SegmentRule[];
  /** Segments held up in the network for `ms` more. */
  delay?: readonly (SegmentRule & { ms: number })[];
}

/** Two segments are copies of each other when they have the same sender, kind, seq and length (and ack, for pure ACKs). */
export function copyKey(seg: Segment, from: HostId): string {
  const kind = segmentKind(seg);
  return `${from}|${kind}|${seg.seq}|${seg.data.length}|${kind === 'ack' ? seg.ack : ''}`;
}

export function matches(rule: SegmentRule, seg: Segment, from: HostId, copy: number): boolean {
  return (
    rule.from === from &&
    rule.kind === segmentKind(seg) &&
    (rule.seq === undefined || rule.seq === seg.seq) &&
    (rule.ack === undefined || rule.ack === seg.ack) &&
    (rule.copy === undefined || rule.copy === copy)
  );
}

