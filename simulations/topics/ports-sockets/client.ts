/**
 * A client host as a kernel actor: its app opens a socket (the kernel binds an ephemeral
 * port), connects (TCP: an RFC 9293 active open; UDP: a connected datagram socket) and,
 * when the attempt is refused, tries again on a new socket. Arriving packets find their
 * socket through the same lookup the server uses.
 */
import type { KernelEffect, KernelInput, Machine } from '../../core/kernel';
import { createTcb, step, type Tcb } from '../../tcp/machine';
import { lookup, type LookupRule, type SocketEntry } from './table';
import { sends, signals } from './server';
import { ECHO_TEXT, REQUEST, RETRY_MS, SERVER_IP, SERVICE_PORT, clientIp, type ClientOutcome, type ClientState, type Fact, type HostPost, type HostState, type Pkt, type WorldPlan } from './types';

type Fx = KernelEffect<Pkt, HostPost, Fact>;

export function clientActor(n: number, plan: WorldPlan): Machine<HostState, Pkt, HostPost, Fact> {
  const proto = plan.protocol;
  const ip = clientIp(n);
  const placeholders = (fx: Fx[]) => fx.filter((f) => f.type === 'send').map((_, k) => `#${k}`);
  return {
    init: { kind: 'client', table: [], tcbs: {}, attempts: 0 },
    step(st, input: KernelInput<Pkt, HostPost>) {
      const s = st as ClientState;
      const fx: Fx[] = [];
      const toServer = (entry: SocketEntry, body: Omit<Pkt, 'fromNode' | 'src' | 'dst' | 'kind'>) =>
        fx.push({ type: 'send', to: 'server', msg: { kind: body.seg ? 'tcp' : 'udp', src: { ...entry.local }, dst: { ...entry.remote! }, ...body, fromNode: entry.id } });

      if (input.type === 'post') {
        if (input.data.call !== 'connect') return { state: s, effects: [] };
        const { dstPort, retry } = input.data;
        const attempts = s.attempts + 1;
        const port = plan.port(n, attempts);
        const id = `c${n}-s${attempts}`;
        const entry: SocketEntry = { id, proto, local: { ip, port }, remote: { ip: SERVER_IP, port: dstPort }, state: proto === 'tcp' ? 'CLOSED' : 'ESTAB', owner: 'app', fd: 3 };
        const tcbs = { ...s.tcbs };
        if (proto === 'tcp') {
          const r = step(createTcb({ localPort: port, remotePort: dstPort, iss: plan.isn(id) }), { type: 'open', mode: 'active' });
          tcbs[id] = r.tcb;
          entry.state = r.tcb.state;
          for (const seg of sends(r.effects)) toServer(entry, { seg });
        } else {
          toServer(entry, { data: ECHO_TEXT });
        }
        fx.push({ type: 'note', note: { kind: 'connect', proto, client: n, socket: id, port, dstPort, packets: placeholders(fx), retry } });
        return { state: { ...s, attempts, table: [...s.table, entry], tcbs, view: { id, port, dstPort, state: entry.state } }, effects: fx };
      }
      if (input.type !== 'msg') return { state: s, effects: [] };
      const pkt = input.msg;
      const note = (outcome: ClientOutcome, entry: SocketEntry, rule: LookupRule) =>
        fx.push({ type: 'note', note: { kind: 'client-rx', proto, packet: input.id, client: n, socket: entry.id, toNode: entry.id, rule, outcome, replies: placeholders(fx) } });
      /** The attempt failed: the socket goes, and the app tries the right port on a new one. */
      const refused = (entry: SocketEntry, rule: LookupRule) => {
        note('refused', entry, rule);
        fx.push({ type: 'post', to: `c${n}`, data: { call: 'connect', dstPort: SERVICE_PORT[proto], retry: true }, after: RETRY_MS });
        const tcbs = { ...s.tcbs };
        delete tcbs[entry.id];
        return { state: { ...s, table: s.table.filter((e) => e.id !== entry.id), tcbs, view: { ...s.view!, state: 'CLOSED' } }, effects: fx };
      };

      if (pkt.kind === 'icmp') {
        // The ICMP error quotes the datagram it is about: its source port names our socket.
        const q = pkt.icmp!.quoted;
        return refused(lookup(s.table, { proto: 'udp', src: q.dst, dst: q.src }).entry!, 'bound');
      }
      const res = lookup(s.table, { proto, src: pkt.src, dst: pkt.dst });
      const entry = res.entry!;
      if (pkt.kind === 'udp') {
        note('echo', entry, res.rule);
        return { state: s, effects: fx };
      }
      const r = step(s.tcbs[entry.id], { type: 'segment', seg: pkt.seg! });
      if (signals(r.effects).includes('reset')) return refused(entry, 'connection');
      let tcb: Tcb = r.tcb;
      const out = sends(r.effects);
      let outcome: ClientOutcome = 'response';
      if (signals(r.effects).includes('connected')) {
        outcome = 'syn-ack';
        // connect() returned: the app writes its request at once.
        const w = step(tcb, { type: 'send', data: REQUEST });
        tcb = w.tcb;
        out.push(...sends(w.effects));
      }
      const table = s.table.map((e) => (e.id === entry.id ? { ...e, state: tcb.state } : e));
      for (const seg of out) toServer(entry, { seg });
      note(outcome, entry, res.rule);
      return { state: { ...s, table, tcbs: { ...s.tcbs, [entry.id]: tcb }, view: { ...s.view!, state: tcb.state } }, effects: fx };
    },
  };
}
