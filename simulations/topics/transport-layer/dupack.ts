/**
 * Duplicate ACKs as RFC 5681 §2 defines them, read from the TCP world's log. An arriving
 * acknowledgment is a duplicate only when
 *   (a) the receiver of the ACK has outstanding data,
 *   (b) the incoming acknowledgment carries no data,
 *   (c) the SYN and FIN bits are both off,
 *   (d) its acknowledgment number equals the greatest one received so far (SND.UNA), and
 *   (e) its advertised window equals the one in the last incoming acknowledgment.
 * An ACK that fails any of these (one that arrives in SYN-SENT, or when nothing is
 * outstanding) is not a duplicate and does not count towards fast retransmit's three.
 */
import { seqGt } from '../../tcp/seq';
import { dataLength } from '../../tcp/segment';
import type { HostId, LogEntry, Wire } from '../../tcp/world';

export interface DupAck {
  host: HostId;
  ack: number;
  /** 1 for the first duplicate of this acknowledgment number, 2 for the second… */
  k: number;
}

/** Why an arriving pure ACK that acknowledged nothing new is not a duplicate. */
export type NotDup =
  | 'not-synchronized'
  | 'nothing-outstanding'
  /** The last acknowledgment was the SYN-ACK, whose window field is never scaled (RFC 7323 §2.2). */
  | 'window-after-syn'
  | 'window-changed';

export interface AckReading {
  /** Log index → the duplicate ACK handled there. */
  dups: Map<number, DupAck>;
  /** Log index → why a bare ACK that moved nothing is still not a duplicate. */
  notDup: Map<number, NotDup>;
}

export function readAcks(log: readonly LogEntry[], wires: ReadonlyMap<string, Wire>): AckReading {
  const dups = new Map<number, DupAck>();
  const notDup = new Map<number, NotDup>();
  const lastWindow: Partial<Record<HostId, { window: number; syn: boolean }>> = {};
  const run: Partial<Record<HostId, { ack: number; k: number }>> = {};
  for (let i = 1; i < log.length; i++) {
    const c = log[i].cause;
    if (c.kind !== 'arrive') continue;
    const seg = wires.get(c.wire)!.seg;
    if (!seg.flags.ack || seg.flags.rst) continue;
    const h = c.host;
    const before = log[i - 1].tcbs[h];
    const bare = dataLength(seg.data) === 0 && !seg.flags.syn && !seg.flags.fin;
    const outstanding = before.rtxQueue.some((s) => dataLength(s.data) > 0);
    const synchronized = before.state !== 'SYN-SENT' && before.state !== 'SYN-RECEIVED' && before.state !== 'LISTEN' && before.state !== 'CLOSED';
    const sameWindow = lastWindow[h]?.window === seg.window;
    if (bare && !synchronized) {
      notDup.set(i, 'not-synchronized');
    } else if (bare && seg.ack === before.sndUna) {
      if (outstanding && sameWindow) {
        const r = run[h];
        const k = r && r.ack === seg.ack ? r.k + 1 : 1;
        run[h] = { ack: seg.ack, k };
        dups.set(i, { host: h, ack: seg.ack, k });
      } else {
        notDup.set(i, !outstanding ? 'nothing-outstanding' : lastWindow[h]?.syn ? 'window-after-syn' : 'window-changed');
      }
    } else if (seqGt(seg.ack, before.sndUna)) {
      // New data acknowledged: the count starts again.
      delete run[h];
    }
    lastWindow[h] = { window: seg.window, syn: seg.flags.syn };
  }
  return { dups, notDup };
}
