/**
 * The UDP lane, as small as UDP itself (RFC 768): a sending socket that turns
 * each sendto() into one datagram, a receiving socket that hands each datagram
 * to the app the moment it arrives, and a network that carries or drops it.
 * No connection, no sequence numbers, no acknowledgements, no timers: what the
 * network loses is gone, and what it reorders stays reordered.
 */

/** What the receiving socket knows: the messages handed to the app, in arrival order. */
export interface UdpReceiver {
  delivered: number[];
}

/** A datagram on the wire: the header fields and payload, plus its fate. */
export interface Datagram {
  id: string;
  msg: number;
  srcPort: number;
  dstPort: number;
  data: string;
  sentAt: number;
  /** When it arrives, or when it is lost (then `lost` is true). */
  endAt: number;
  lost: boolean;
}

export type UdpRxEffect = { type: 'deliver'; msg: number; data: string; outOfOrder: boolean };

/**
 * The receiving socket's whole state machine: one state, one transition.
 * A datagram is delivered at once; `outOfOrder` says a later message already came.
 */
export function udpReceive(rx: UdpReceiver, d: { msg: number; data: string }): { rx: UdpReceiver; effects: UdpRxEffect[] } {
  const outOfOrder = rx.delivered.some((m) => m > d.msg);
  return { rx: { delivered: [...rx.delivered, d.msg] }, effects: [{ type: 'deliver', msg: d.msg, data: d.data, outOfOrder }] };
}

/** One moment of the UDP lane. */
export type UdpEvent =
  | { kind: 'send'; t: number; datagram: string; msg: number }
  | { kind: 'arrive'; t: number; datagram: string; msg: number; outOfOrder: boolean; delivered: number[] }
  | { kind: 'lost'; t: number; datagram: string; msg: number };

export interface UdpLaneInput {
  /** Payload of message i (index 0 is message 1). */
  data: string[];
  /** When the app calls sendto() for message i. */
  sendAt: number[];
  /** Does the network drop datagram i. */
  lost: boolean[];
  /** Extra delay of datagram i on the path (ms). */
  extra: number[];
  oneWay: number;
  srcPort: number;
  dstPort: number;
}

export interface UdpLane {
  datagrams: Datagram[];
  events: UdpEvent[];
}

/** Runs the lane in logical time: sends, then arrivals and losses in time order. */
export function runUdpLane(input: UdpLaneInput): UdpLane {
  const datagrams: Datagram[] = input.data.map((data, i) => {
    const delay = input.oneWay + input.extra[i];
    const lost = input.lost[i];
    return {
      id: `u${i + 1}`,
      msg: i + 1,
      srcPort: input.srcPort,
      dstPort: input.dstPort,
      data,
      sentAt: input.sendAt[i],
      // A lost datagram is drawn ending half way, like a lost TCP segment.
      endAt: lost ? input.sendAt[i] + Math.round(delay / 2) : input.sendAt[i] + delay,
      lost,
    };
  });
  type Item = { at: number; order: number; kind: 'send' | 'end'; d: Datagram };
  const queue: Item[] = [];
  let order = 0;
  for (const d of datagrams) queue.push({ at: d.sentAt, order: order++, kind: 'send', d });
  for (const d of datagrams) queue.push({ at: d.endAt, order: order++, kind: 'end', d });
  queue.sort((a, b) => a.at - b.at || a.order - b.order);

  let rx: UdpReceiver = { delivered: [] };
  const events: UdpEvent[] = [];
  for (const item of queue) {
    const d = item.d;
    if (item.kind === 'send') {
      events.push({ kind: 'send', t: item.at, datagram: d.id, msg: d.msg });
    } else if (d.lost) {
      events.push({ kind: 'lost', t: item.at, datagram: d.id, msg: d.msg });
    } else {
      const r = udpReceive(rx, d);
      rx = r.rx;
      const fx = r.effects[0];
      events.push({ kind: 'arrive', t: item.at, datagram: d.id, msg: d.msg, outOfOrder: fx.outOfOrder, delivered: [...rx.delivered] });
    }
  }
  return { datagrams, events };
}
