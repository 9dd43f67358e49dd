/**
 * The server host as a kernel actor: a socket table, the demultiplexing lookup for every
 * arriving segment or datagram (table.ts), and one RFC 9293 machine per TCP connection.
 * The web server app answers a request in the same step it reads it; the echo server
 * sends each datagram back to the address recvfrom() reported.
 */
import type { KernelEffect, KernelInput, Machine } from '../../core/kernel';
import { createTcb, step, type Effect, type Tcb } from '../../tcp/machine';
import type { Segment } from '../../tcp/segment';
import { lookup, portUnreachableFor, resetFor, WILDCARD, type SocketEntry } from './table';
import { LISTEN_FD, PROCESS, SERVER_IP, SERVICE_PORT, responseFor, type Fact, type HostPost, type HostState, type Pkt, type ServerOutcome, type ServerState, type WorldPlan } from './types';

type Fx = KernelEffect<Pkt, HostPost, Fact>;

export const sends = (effects: Effect[]): Segment[] => effects.flatMap((e) => (e.type === 'send' ? [e.seg] : []));
export const signals = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'signal' ? [e.signal] : []));
const delivered = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'deliver' ? [e.data] : []));
const isPureAck = (s: Segment) => s.flags.ack && !s.flags.syn && !s.flags.fin && !s.flags.rst && s.data.length === 0;

/**
 * Delayed ACK, the way real stacks use it (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2): when the
 * app answers within the same step, its data segment carries the same acknowledgment,
 * so the bare ACK is not sent on its own.
 */
function piggyback(out: Segment[]): Segment[] {
  const withData = out.filter((s) => s.data.length > 0);
  return out.filter((s) => !(isPureAck(s) && withData.some((d) => d.ack === s.ack)));
}

export function serverActor(plan: WorldPlan): Machine<HostState, Pkt, HostPost, Fact> {
  const proto = plan.protocol;
  const owner = PROCESS[proto];
  return {
    init: { kind: 'server', table: [], tcbs: {}, nextFd: LISTEN_FD + 1, datagrams: 0 },
    step(st, input: KernelInput<Pkt, HostPost>) {
      const s = st as ServerState;
      if (input.type === 'post') {
        // socket() · bind(0.0.0.0:port) · listen() (TCP only).
        const e: SocketEntry =
          proto === 'tcp'
            ? { id: 'listen', proto: 'tcp', local: { ip: WILDCARD, port: SERVICE_PORT.tcp }, state: 'LISTEN', owner, fd: LISTEN_FD }
            : { id: 'udp-sock', proto: 'udp', local: { ip: WILDCARD, port: SERVICE_PORT.udp }, state: 'UNCONN', owner, fd: LISTEN_FD };
        return { state: { ...s, table: [e] }, effects: [{ type: 'note', note: { kind: 'setup', proto, pid: plan.pid } }] };
      }
      if (input.type !== 'msg') return { state: s, effects: [] };
      const pkt = input.msg;
      const client = plan.clientOf(pkt.src.ip);
      const to = `c${client}`;
      const res = lookup(s.table, { proto: pkt.kind === 'tcp' ? 'tcp' : 'udp', src: pkt.src, dst: pkt.dst });
      const table = s.table.map((e) => ({ ...e }));
      const tcbs: Record<string, Tcb> = { ...s.tcbs };
      const fx: Fx[] = [];
      let nextFd = s.nextFd;
      let datagrams = s.datagrams;
      const reply = (p: Omit<Pkt, 'fromNode'>, fromNode: string) => fx.push({ type: 'send', to, msg: { ...p, fromNode } });
      const fact = (outcome: ServerOutcome, toNode: string, entry?: SocketEntry, earlier = 0) => {
        const sent = fx.filter((f) => f.type === 'send').length;
        const f: Fact = { kind: 'server-rx', proto, packet: input.id, client, rule: res.rule, toNode, outcome, replies: Array.from({ length: sent }, (_, k) => `#${k}`), earlier };
        if (entry) f.socket = entry.id;
        if (entry?.fd !== undefined) f.fd = entry.fd;
        fx.push({ type: 'note', note: f });
      };
      const done = () => ({ state: { ...s, table, tcbs, nextFd, datagrams }, effects: fx });

      if (pkt.kind === 'udp') {
        if (!res.entry) {
          // ICMP has no ports: port 0 here only fills the address type (the error quotes the datagram's ports).
          reply({ kind: 'icmp', src: { ip: SERVER_IP, port: 0 }, dst: { ip: pkt.src.ip, port: 0 }, icmp: portUnreachableFor(pkt.src, pkt.dst) }, 'nic');
          fact('unreachable', 'nic');
          return done();
        }
        // recvfrom() returns the data and the sender's (IP, port); sendto() answers there.
        const earlier = datagrams++;
        reply({ kind: 'udp', src: { ip: pkt.dst.ip, port: res.entry.local.port }, dst: { ...pkt.src }, data: pkt.data }, res.entry.id);
        fact('echo', res.entry.id, res.entry, earlier);
        return done();
      }

      const seg = pkt.seg!;
      if (res.rule === 'none') {
        const rst = resetFor(seg);
        if (rst) reply({ kind: 'tcp', src: pkt.dst, dst: pkt.src, seg: rst }, 'nic');
        fact('reset', 'nic');
        return done();
      }
      const entry = table.find((e) => e.id === res.entry!.id)!;
      if (res.rule === 'listener') {
        if (!seg.flags.syn || seg.flags.ack || seg.flags.rst) {
          // Not a connection request: a listener answers an ACK with a RST and ignores the rest (RFC 9293 §3.10.7.2).
          const rst = seg.flags.ack ? resetFor(seg) : undefined;
          if (rst) reply({ kind: 'tcp', src: pkt.dst, dst: pkt.src, seg: rst }, entry.id);
          fact('reset', entry.id, entry);
          return done();
        }
        // The listener stays in LISTEN; the kernel makes a new connection for this 4-tuple.
        const id = `srv-${plan.socketOf(pkt.src.port)}`;
        let child = step(createTcb({ localPort: seg.dstPort, remotePort: seg.srcPort, iss: plan.isn(id) }), { type: 'open', mode: 'passive' }).tcb;
        const r = step(child, { type: 'segment', seg });
        child = r.tcb;
        table.push({ id, proto: 'tcp', local: { ...pkt.dst }, remote: { ...pkt.src }, state: child.state });
        tcbs[id] = child;
        for (const out of sends(r.effects)) reply({ kind: 'tcp', src: pkt.dst, dst: pkt.src, seg: out }, entry.id);
        fact('syn', entry.id, entry);
        return done();
      }
      // An exact 4-tuple match: a half-open or an established connection.
      const r = step(tcbs[entry.id], { type: 'segment', seg });
      let tcb = r.tcb;
      let out = sends(r.effects);
      let outcome: ServerOutcome = 'ack';
      if (signals(r.effects).includes('connected')) {
        // The handshake is complete; the web server is blocked in accept(), which returns it as a new descriptor.
        entry.fd = nextFd++;
        entry.owner = owner;
        outcome = 'established';
      }
      if (delivered(r.effects).length > 0) {
        // The app reads the request and writes its response in the same step.
        const w = step(tcb, { type: 'send', data: responseFor(entry.remote!) });
        tcb = w.tcb;
        out = piggyback([...out, ...sends(w.effects)]);
        outcome = 'data';
      }
      tcbs[entry.id] = tcb;
      entry.state = tcb.state;
      const node = entry.fd !== undefined ? entry.id : 'listen';
      for (const o of out) reply({ kind: 'tcp', src: pkt.dst, dst: pkt.src, seg: o }, node);
      fact(outcome, node, entry);
      return done();
    },
  };
}
