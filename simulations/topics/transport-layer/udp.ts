/**
 * The UDP lane, as small as UDP itself (RFC 768), run on the kernel: a sending socket
 * that turns each sendto() into one datagram, a receiving socket that hands each
 * datagram to the app the moment it arrives, and a link that carries, delays or drops
 * it. No connection, no sequence numbers, no acknowledgements, no timers: what the
 * network loses is gone, and what it reorders stays reordered.
 */
import { run, type KernelEffect, type KernelInput, type Machine } from '../../core/kernel';

/** What the receiving socket knows: the messages handed to the app, in arrival order. */
export interface UdpReceiver {
  delivered: number[];
}

/** The datagram as it travels: header ports and payload (message number kept for the story). */
export interface UdpMsg {
  msg: number;
  srcPort: number;
  dstPort: number;
  data: string;
}

/** A datagram on the wire: the header fields and payload, plus its fate. */
export interface Datagram extends UdpMsg {
  id: string;
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

type State = UdpReceiver | { sent: number };
type Post = { sendto: number };
type Note = UdpRxEffect;

/** The sending socket: one sendto(), one datagram. */
function sender(input: UdpLaneInput): Machine<State, UdpMsg, Post, Note> {
  return {
    init: { sent: 0 },
    step(s, ev: KernelInput<UdpMsg, Post>) {
      if (ev.type !== 'post') return { state: s, effects: [] };
      const i = ev.data.sendto;
      const msg: UdpMsg = { msg: i + 1, srcPort: input.srcPort, dstPort: input.dstPort, data: input.data[i] };
      return { state: { sent: (s as { sent: number }).sent + 1 }, effects: [{ type: 'send', to: 'server', msg }] };
    },
  };
}

/** The receiving socket: recvfrom() gets each datagram as it lands. */
const receiver: Machine<State, UdpMsg, Post, Note> = {
  init: { delivered: [] },
  step(s, ev) {
    if (ev.type !== 'msg') return { state: s, effects: [] };
    const r = udpReceive(s as UdpReceiver, ev.msg);
    return { state: r.rx, effects: r.effects.map((note): KernelEffect<UdpMsg, Post, Note> => ({ type: 'note', note })) };
  },
};

/** Runs the lane on the kernel: the app's sendto() calls are the script, the path is one link. */
export function runUdpLane(input: UdpLaneInput): UdpLane {
  const trace = run<State, UdpMsg, Post, Note>({
    actors: { client: sender(input), server: receiver },
    links: {
      'client>server': {
        delay: input.oneWay,
        drop: (m) => input.lost[m.msg - 1],
        extraDelay: (m) => input.extra[m.msg - 1],
      },
    },
    seed: 0,
    script: input.sendAt.map((at, i) => ({ at, to: 'client', data: { sendto: i } })),
  });
  const idOf = (wire: string) => `u${trace.wire(wire).msg.msg}`;
  const datagrams: Datagram[] = trace.wires.map((w) => ({ id: `u${w.msg.msg}`, ...w.msg, sentAt: w.sentAt, endAt: w.endAt, lost: w.lost }));
  const events: UdpEvent[] = [];
  for (const e of trace.entries) {
    const c = e.cause;
    if (c.kind === 'post') {
      for (const id of e.sent) events.push({ kind: 'send', t: e.t, datagram: idOf(id), msg: trace.wire(id).msg.msg });
    } else if (c.kind === 'lost') {
      events.push({ kind: 'lost', t: e.t, datagram: idOf(c.wire), msg: trace.wire(c.wire).msg.msg });
    } else if (c.kind === 'msg') {
      const note = e.notes[0].note;
      const rx = e.states.server as UdpReceiver;
      events.push({ kind: 'arrive', t: e.t, datagram: idOf(c.wire), msg: note.msg, outOfOrder: note.outOfOrder, delivered: [...rx.delivered] });
    }
  }
  return { datagrams, events };
}
