/**
 * The race's time axis, read from the two traces: rows are the merged moments of the
 * lanes on show (everything at the same logical ms is one row), with where each wire
 * starts and ends, the keyed rows the page links to, and running counters per lane.
 */
import { dataLength } from '../../tcp/segment';
import type { LogEntry, Wire } from '../../tcp/world';
import { msgNumber, msgOf, type Plan, type TcpLane } from './race';
import { IPV4_HEADER, UDP_HEADER, tcpHeaderLength, type Focus } from './labels';
import type { UdpLane } from './udp';

export interface Row {
  t: number;
  setup: boolean;
  /** Log indexes (TCP) and event indexes (UDP) handled at this row. */
  tcp: number[];
  udp: number[];
}

/** Cumulative counts of one lane. */
export interface Sum {
  sent: number;
  lost: number;
  rtx: number;
  header: number;
  payload: number;
  got: number;
  last: number;
  inOrder: boolean;
  done: string;
}

export interface Layout {
  rows: Row[];
  showTcp: boolean;
  showUdp: boolean;
  byId: Map<string, Wire>;
  tcpRow: Map<number, number>;
  udpRow: Map<number, number>;
  /** Wire id → row where it was sent / where it ended (absent: still in flight at the end). */
  wireY0: Map<string, number>;
  wireY1: Map<string, number>;
  dgY0: Map<string, number>;
  dgY1: Map<string, number>;
  keyOfRow: Map<number, string>;
  listenAt: number;
  /** Log index at which the server app had every message, or -1. */
  tcpDoneAt: number;
  /** Index of the UDP lane's last arrival or loss. */
  udpLastEnd: number;
  /** tcpSum[i]: after log entry i; udpSum[k]: after the first k UDP events. */
  tcpSum: Sum[];
  udpSum: Sum[];
}

const ZERO: Sum = { sent: 0, lost: 0, rtx: 0, header: 0, payload: 0, got: 0, last: 0, inOrder: true, done: '—' };

export function layout(plan: Plan, tcp: TcpLane, udp: UdpLane, focus: Focus): Layout {
  const showTcp = focus !== 'udp';
  const showUdp = focus !== 'tcp';
  const { log, wires } = tcp;
  const byId = new Map(wires.map((w) => [w.id, w]));
  const listenAt = log.findIndex((e) => e.cause.kind === 'app' && e.cause.call.call === 'listen');

  const rows: Row[] = [{ t: 0, setup: true, tcp: showTcp && listenAt >= 0 ? [listenAt] : [], udp: [] }];
  const moments: { t: number; lane: 0 | 1; i: number }[] = [];
  if (showTcp) log.forEach((e, i) => i > 0 && i !== listenAt && moments.push({ t: e.t, lane: 0, i }));
  if (showUdp) udp.events.forEach((e, i) => moments.push({ t: e.t, lane: 1, i }));
  moments.sort((a, b) => a.t - b.t || a.lane - b.lane || a.i - b.i);
  for (const mo of moments) {
    let row = rows[rows.length - 1];
    if (row.setup || row.t !== mo.t) rows.push((row = { t: mo.t, setup: false, tcp: [], udp: [] }));
    (mo.lane === 0 ? row.tcp : row.udp).push(mo.i);
  }
  const tcpRow = new Map<number, number>();
  const udpRow = new Map<number, number>();
  rows.forEach((r, y) => {
    r.tcp.forEach((i) => tcpRow.set(i, y));
    r.udp.forEach((i) => udpRow.set(i, y));
  });
  const wireY0 = new Map<string, number>();
  const wireY1 = new Map<string, number>();
  log.forEach((e, i) => {
    const y = tcpRow.get(i);
    if (y === undefined) return;
    for (const id of e.sent) wireY0.set(id, y);
    if (e.cause.kind === 'arrive' || e.cause.kind === 'lost') wireY1.set(e.cause.wire, y);
  });
  const dgY0 = new Map<string, number>();
  const dgY1 = new Map<string, number>();
  udp.events.forEach((e, i) => {
    const y = udpRow.get(i);
    if (y !== undefined) (e.kind === 'send' ? dgY0 : dgY1).set(e.datagram, y);
  });

  // Lane milestones (whatever is on show: the counters cover both lanes).
  let tcpDoneAt = -1;
  let got = 0;
  log.forEach((e, i) => {
    got += e.delivered.filter((d) => d.host === 'server').length;
    if (got >= plan.n && tcpDoneAt < 0) tcpDoneAt = i;
  });
  const udpLastEnd = udp.events.reduce((last, e, i) => (e.kind !== 'send' ? i : last), -1);

  // Keys: the first row where each thing happens (one key per row, by priority).
  const firstLog = (pred: (e: LogEntry) => boolean) => tcpRow.get(log.findIndex(pred));
  const firstUdp = (pred: (e: UdpLane['events'][number]) => boolean) => udpRow.get(udp.events.findIndex(pred));
  const keyRows: [string, number | undefined][] = [
    ['start', 0],
    ['go', rows.length > 1 ? 1 : undefined],
    ['established', firstLog((e) => e.signals.some((s) => s.host === 'client' && s.signal === 'connected'))],
    ['rto', firstLog((e) => e.cause.kind === 'timer' && e.cause.timer === 'rtx')],
    ['tcp-lost', firstLog((e) => e.cause.kind === 'lost' && msgOf(byId.get(e.cause.wire)!.seg) > 0)],
    ['held', firstLog((e) => e.held.length > 0)],
    ['udp-lost', firstUdp((e) => e.kind === 'lost')],
    ['udp-out-of-order', firstUdp((e) => e.kind === 'arrive' && e.outOfOrder)],
    ['tcp-done', tcpRow.get(tcpDoneAt)],
    ['udp-done', udpRow.get(udpLastEnd)],
    ['fin', firstLog((e) => e.sent.some((id) => byId.get(id)!.from === 'client' && byId.get(id)!.seg.flags.fin))],
    ['closed', firstLog((e) => e.transitions.some((tr) => tr.host === 'server' && tr.to === 'CLOSED'))],
  ];
  const keyOfRow = new Map<number, string>();
  for (const [key, row] of keyRows) if (row !== undefined && !keyOfRow.has(row)) keyOfRow.set(row, key);

  const tcpSum: Sum[] = [ZERO];
  for (let i = 1; i < log.length; i++) {
    const e = log[i];
    const c = { ...tcpSum[i - 1] };
    for (const id of e.sent) {
      const w = byId.get(id)!;
      c.sent++;
      if (w.retransmission) c.rtx++;
      c.header += IPV4_HEADER + tcpHeaderLength(w.seg.options);
      c.payload += dataLength(w.seg.data);
    }
    if (e.cause.kind === 'lost') c.lost++;
    for (const d of e.delivered) {
      if (d.host !== 'server') continue;
      const m = msgNumber(d.data);
      if (m <= c.last) c.inOrder = false;
      c.last = m;
      c.got++;
    }
    if (i === tcpDoneAt) c.done = `${e.t} ms`;
    tcpSum.push(c);
  }
  const datagrams = new Map(udp.datagrams.map((d) => [d.id, d]));
  const udpSum: Sum[] = [ZERO];
  udp.events.forEach((e, i) => {
    const c = { ...udpSum[i] };
    if (e.kind === 'send') {
      c.sent++;
      c.header += IPV4_HEADER + UDP_HEADER;
      c.payload += dataLength(datagrams.get(e.datagram)!.data);
    } else if (e.kind === 'lost') c.lost++;
    else {
      if (e.msg <= c.last) c.inOrder = false;
      c.last = e.msg;
      c.got++;
    }
    if (i === udpLastEnd) c.done = `${e.t} ms`;
    udpSum.push(c);
  });

  return { rows, showTcp, showUdp, byId, tcpRow, udpRow, wireY0, wireY1, dgY0, dgY1, keyOfRow, listenAt, tcpDoneAt, udpLastEnd, tcpSum, udpSum };
}
