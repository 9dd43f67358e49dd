/**
 * Arrows of a sequence story, read from a kernel trace: each wire is drawn from the row of the
 * entry that sent it to the row of the entry where it arrived (or was lost), and stays in the
 * scene, flying, from its send until its arrival.
 */
import type { Trace } from './kernel';

export interface Arrow {
  id: string;
  y0: number;
  /** The arrival row; one past the last row when it never arrives. */
  y1: number;
  arrived: boolean;
}

export class Arrows {
  private readonly sent = new Map<string, number>();
  private readonly end = new Map<string, number>();
  private readonly flying = new Set<string>();
  private readonly rows: number;

  constructor(private readonly trace: Pick<Trace<unknown, unknown, unknown, unknown>, 'entries'>, rows = trace.entries.length) {
    this.rows = rows;
    trace.entries.forEach((e, i) => {
      for (const id of e.sent) this.sent.set(id, i);
      if (e.cause.kind === 'msg' || e.cause.kind === 'lost') this.end.set(e.cause.wire, i);
    });
  }

  /** The arrows to show at row i (the wires sent at i included); an arrow is listed last at the row it arrives. */
  at(i: number): Arrow[] {
    for (const id of this.trace.entries[i]?.sent ?? []) this.flying.add(id);
    const out: Arrow[] = [];
    for (const id of [...this.flying]) {
      const y1 = this.end.get(id) ?? this.rows;
      const arrived = y1 <= i;
      out.push({ id, y0: this.sent.get(id)!, y1, arrived });
      if (arrived) this.flying.delete(id);
    }
    return out;
  }
}
