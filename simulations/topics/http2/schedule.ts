/**
 * The order in which the server interleaves response frames on one connection.
 *
 * - `priority: on` follows RFC 9218 §10: the lowest urgency with something to send goes
 *   first; inside one urgency, non-incremental responses are sent one after another in
 *   stream order, incremental ones take turns frame by frame.
 * - `priority: off` is a plain round-robin over the open streams in stream order: one
 *   frame each in turn, whatever the client asked for.
 */
export interface Pending {
  streamId: number;
  urgency: number;
  incremental: boolean;
  /** Frames still to send on this stream (HEADERS first, then DATA). */
  frames: number;
}

/** Returns the stream id of each frame in send order. */
export function interleave(streams: readonly Pending[], priority: boolean): number[] {
  const left = new Map(streams.map((s) => [s.streamId, s.frames]));
  const order: number[] = [];
  const open = () => streams.filter((s) => (left.get(s.streamId) ?? 0) > 0);
  const take = (id: number) => {
    order.push(id);
    left.set(id, left.get(id)! - 1);
  };
  let turn = 0; // round-robin cursor: the last stream served
  while (open().length) {
    let pool = open();
    if (priority) {
      const u = Math.min(...pool.map((s) => s.urgency));
      pool = pool.filter((s) => s.urgency === u);
      const sequential = pool.filter((s) => !s.incremental);
      if (sequential.length) {
        take(sequential[0].streamId);
        continue;
      }
    }
    // Round-robin: the first open stream after the one served last.
    const next = pool.find((s) => s.streamId > turn) ?? pool[0];
    take(next.streamId);
    turn = next.streamId;
  }
  return order;
}
