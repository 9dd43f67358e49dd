/**
 * One server host and N client hosts, as a discrete-event simulation in logical
 * milliseconds. Every host has a socket table (table.ts) and demultiplexes each
 * arriving packet with `lookup`; TCP connections are RFC 9293 state machines
 * (tcp/machine.ts), one per socket. The result is a list of moments (events that
 * happen at the same logical time), each with what happened and the tables after it.
 */
import { createRandom, type Random } from '../../core/random';
import { createTcb, step, type Effect, type Tcb } from '../../tcp/machine';
import { dataLength, type Segment } from '../../tcp/segment';
import { lookup, portUnreachableFor, resetFor, WILDCARD, type Addr, type LookupRule, type PortUnreachable, type Proto, type SocketEntry } from './table';

export const SERVER_IP = '198.51.100.20';
/** The service port: a web server (HTTP) over TCP, an echo server (RFC 862) over UDP. */
export const SERVICE_PORT: Record<Proto, number> = { tcp: 80, udp: 7 };
/** The port the last client gets wrong on its first try: nothing is bound there. */
export const WRONG_PORT = 8443;
/** IANA's dynamic (ephemeral) range, RFC 6335 §6. */
export const EPHEMERAL = { min: 49152, max: 65535 } as const;
export const LISTEN_FD = 3;
export const clientIp = (n: number): string => `192.0.2.${10 + n}`;
export const REQUEST = 'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n';
export const ECHO_TEXT = 'hello, echo';
/**
 * Time grid: every delay is a multiple of 7 ms and client n starts at a time ≡ n (mod 7), so
 * each client's events fall on their own residue and no two clients ever act in the same
 * logical millisecond: every step is about one client. (Real hosts are never exactly
 * simultaneous either.)
 */
const GRID = 7;
/** The client app retries this long after connect() failed. */
export const RETRY_MS = GRID;
export const PROCESS: Record<Proto, string> = { tcp: 'web', udp: 'echo' };

/** The web server's answer: it tells each client which (IP, port) its connection came from. */
export function responseFor(peer: Addr): string {
  const body = `your address: ${peer.ip}:${peer.port}\n`;
  return `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${dataLength(body)}\r\n\r\n${body}`;
}

export interface Packet {
  id: string;
  kind: 'tcp' | 'udp' | 'icmp';
  src: Addr;
  dst: Addr;
  seg?: Segment;
  data?: string;
  icmp?: PortUnreachable;
  sentAt: number;
  arriveAt: number;
  /** The client this packet comes from or goes to (1-based). */
  client: number;
  toServer: boolean;
  /** The node it leaves from: a socket, or 'nic' for what the kernel sends without a socket. */
  fromNode: string;
  /** Set on arrival: the node the lookup delivered it to ('nic' when no socket took it). */
  toNode?: string;
  rule?: LookupRule;
}

/** 'accept-data': the handshake's last ACK and the first request, arriving together. */
export type ServerOutcome = 'syn' | 'established' | 'accept-data' | 'data' | 'ack' | 'reset' | 'echo' | 'unreachable';
export type ClientOutcome = 'syn-ack' | 'response' | 'refused' | 'echo';

export type Fact =
  | { kind: 'setup'; proto: Proto; pid: number }
  | { kind: 'connect'; proto: Proto; client: number; socket: string; port: number; dstPort: number; packets: string[]; retry: boolean }
  | {
      kind: 'server-rx';
      proto: Proto;
      packet: string;
      client: number;
      rule: LookupRule;
      socket?: string;
      fd?: number;
      outcome: ServerOutcome;
      /** With 'accept-data': the request that arrived right behind the ACK. */
      also?: string;
      replies: string[];
      /** How many datagrams the UDP socket had already taken before this one. */
      earlier: number;
    }
  | { kind: 'client-rx'; proto: Proto; packet: string; client: number; socket: string; outcome: ClientOutcome; replies: string[] };

export interface ClientSocketView {
  id: string;
  port: number;
  dstPort: number;
  state: string;
}

export interface Moment {
  t: number;
  facts: Fact[];
  /** The server's socket table after this moment. */
  server: SocketEntry[];
  /** Each client's current socket (index = client - 1), after this moment. */
  clients: (ClientSocketView | undefined)[];
}

export interface WorldResult {
  protocol: Proto;
  clients: number;
  pid: number;
  moments: Moment[];
  packets: Packet[];
}

interface Host {
  ip: string;
  table: SocketEntry[];
  tcbs: Map<string, Tcb>;
}

interface ClientHost extends Host {
  n: number;
  oneWay: number;
  attempts: number;
  view?: ClientSocketView;
}

interface QueuedEvent {
  at: number;
  order: number;
  run: () => void;
}

const copyEntry = (e: SocketEntry): SocketEntry => {
  const c: SocketEntry = { ...e, local: { ...e.local } };
  if (e.remote) c.remote = { ...e.remote };
  return c;
};

const sends = (effects: Effect[]): Segment[] => effects.flatMap((e) => (e.type === 'send' ? [e.seg] : []));
const signals = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'signal' ? [e.signal] : []));
const delivered = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'deliver' ? [e.data] : []));
const isPureAck = (s: Segment) => s.flags.ack && !s.flags.syn && !s.flags.fin && !s.flags.rst && s.data.length === 0;

/**
 * Delayed ACK, the way real stacks use it (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2): when the
 * app answers within the same moment, its data segment carries the same acknowledgment,
 * so the bare ACK is not sent on its own.
 */
function piggyback(out: Segment[]): Segment[] {
  const withData = out.filter((s) => s.data.length > 0);
  return out.filter((s) => !(isPureAck(s) && withData.some((d) => d.ack === s.ack)));
}

export function runWorld(protocol: Proto, clientCount: number, seed: number): WorldResult {
  const rnd = createRandom(seed);
  const timing = rnd.fork('timing');
  const portRnd = rnd.fork('ports');
  const isnRnd = rnd.fork('isn');
  const pid = rnd.fork('pid').int(1000, 9999);
  const service = SERVICE_PORT[protocol];
  const owner = PROCESS[protocol];

  const server: Host & { nextFd: number; datagrams: number } = { ip: SERVER_IP, table: [], tcbs: new Map(), nextFd: LISTEN_FD + 1, datagrams: 0 };
  const clients: ClientHost[] = [];
  const gap = protocol === 'tcp' ? 40 : 25;
  const starts: number[] = [];
  for (let n = 1; n <= clientCount; n++) {
    clients.push({ n, ip: clientIp(n), table: [], tcbs: new Map(), oneWay: GRID * timing.int(1, 4), attempts: 0 });
    const base = 10 + (n - 1) * gap + timing.int(0, Math.floor(gap / 2));
    starts.push(base + ((((n - base) % GRID) + GRID) % GRID));
  }
  const usedPorts = new Set<number>();
  /** RFC 6056 Algorithm 1 (simple random port selection), distinct across the scenario. */
  const ephemeral = (r: Random): number => {
    for (;;) {
      const p = r.int(EPHEMERAL.min, EPHEMERAL.max);
      if (!usedPorts.has(p)) {
        usedPorts.add(p);
        return p;
      }
    }
  };

  const queue: QueuedEvent[] = [];
  let order = 0;
  const at = (t: number, run: () => void) => queue.push({ at: t, order: order++, run });
  const packets: Packet[] = [];
  const moments: Moment[] = [];
  let now = 0;
  let facts: Fact[] = [];

  const emit = (p: Omit<Packet, 'id' | 'sentAt' | 'arriveAt'>, oneWay: number): Packet => {
    const pkt: Packet = { ...p, id: `p${packets.length + 1}`, sentAt: now, arriveAt: now + oneWay };
    packets.push(pkt);
    at(pkt.arriveAt, () => (pkt.toServer ? serverReceives(pkt) : clientReceives(pkt)));
    return pkt;
  };
  const fromClient = (c: ClientHost, socket: SocketEntry, seg: Segment | undefined, data?: string): Packet =>
    emit(
      {
        kind: seg ? 'tcp' : 'udp',
        src: { ...socket.local },
        dst: { ...socket.remote! },
        ...(seg ? { seg } : { data }),
        client: c.n,
        toServer: true,
        fromNode: socket.id,
      },
      c.oneWay,
    );
  const toClient = (c: ClientHost, fromNode: string, src: Addr, dst: Addr, body: { seg?: Segment; data?: string; icmp?: PortUnreachable }): Packet =>
    emit({ kind: body.seg ? 'tcp' : body.icmp ? 'icmp' : 'udp', src: { ...src }, dst: { ...dst }, ...body, client: c.n, toServer: false, fromNode }, c.oneWay);
  const clientByIp = (ip: string) => clients.find((c) => c.ip === ip)!;

  // --- clients -------------------------------------------------------------------------
  function clientStarts(c: ClientHost, dstPort: number, retry: boolean): void {
    c.attempts++;
    const port = ephemeral(portRnd);
    const entry: SocketEntry = {
      id: `c${c.n}-s${c.attempts}`,
      proto: protocol,
      local: { ip: c.ip, port },
      remote: { ip: SERVER_IP, port: dstPort },
      state: protocol === 'tcp' ? 'CLOSED' : 'ESTAB',
      owner: 'app',
      fd: 3,
    };
    c.table.push(entry);
    const sent: string[] = [];
    if (protocol === 'tcp') {
      const r = step(createTcb({ localPort: port, remotePort: dstPort, iss: isnRnd.u32() }), { type: 'open', mode: 'active' });
      c.tcbs.set(entry.id, r.tcb);
      entry.state = r.tcb.state;
      for (const seg of sends(r.effects)) sent.push(fromClient(c, entry, seg).id);
    } else {
      sent.push(fromClient(c, entry, undefined, ECHO_TEXT).id);
    }
    c.view = { id: entry.id, port, dstPort, state: entry.state };
    facts.push({ kind: 'connect', proto: protocol, client: c.n, socket: entry.id, port, dstPort, packets: sent, retry });
  }

  function refused(c: ClientHost, entry: SocketEntry): void {
    c.table = c.table.filter((e) => e.id !== entry.id);
    c.tcbs.delete(entry.id);
    c.view = { ...c.view!, state: 'CLOSED' };
    at(now + RETRY_MS, () => clientStarts(c, SERVICE_PORT[protocol], true));
  }

  function clientReceives(pkt: Packet): void {
    const c = clientByIp(pkt.dst.ip);
    if (pkt.kind === 'icmp') {
      // The ICMP error quotes the datagram it is about: its source port names our socket.
      const q = pkt.icmp!.quoted;
      const entry = lookup(c.table, { proto: 'udp', src: q.dst, dst: q.src }).entry!;
      pkt.rule = 'bound';
      pkt.toNode = entry.id;
      refused(c, entry);
      facts.push({ kind: 'client-rx', proto: protocol, packet: pkt.id, client: c.n, socket: entry.id, outcome: 'refused', replies: [] });
      return;
    }
    const res = lookup(c.table, { proto: pkt.kind as Proto, src: pkt.src, dst: pkt.dst });
    const entry = res.entry!;
    pkt.rule = res.rule;
    pkt.toNode = entry.id;
    if (pkt.kind === 'udp') {
      facts.push({ kind: 'client-rx', proto: protocol, packet: pkt.id, client: c.n, socket: entry.id, outcome: 'echo', replies: [] });
      return;
    }
    const r = step(c.tcbs.get(entry.id)!, { type: 'segment', seg: pkt.seg! });
    let tcb = r.tcb;
    const out = sends(r.effects);
    let outcome: ClientOutcome = 'response';
    if (signals(r.effects).includes('reset')) {
      entry.state = 'CLOSED';
      refused(c, entry);
      facts.push({ kind: 'client-rx', proto: protocol, packet: pkt.id, client: c.n, socket: entry.id, outcome: 'refused', replies: [] });
      return;
    }
    if (signals(r.effects).includes('connected')) {
      outcome = 'syn-ack';
      // connect() returned: the app writes its request at once.
      const w = step(tcb, { type: 'send', data: REQUEST });
      tcb = w.tcb;
      out.push(...sends(w.effects));
    }
    c.tcbs.set(entry.id, tcb);
    entry.state = tcb.state;
    c.view = { ...c.view!, state: tcb.state };
    const replies = out.map((seg) => fromClient(c, entry, seg).id);
    facts.push({ kind: 'client-rx', proto: protocol, packet: pkt.id, client: c.n, socket: entry.id, outcome, replies });
  }

  // --- server --------------------------------------------------------------------------
  function serverReceives(pkt: Packet): void {
    const c = clientByIp(pkt.src.ip);
    const res = lookup(server.table, { proto: pkt.kind as Proto, src: pkt.src, dst: pkt.dst });
    pkt.rule = res.rule;
    const fact = (outcome: ServerOutcome, replies: Packet[], entry?: SocketEntry, earlier = 0) => {
      const f: Fact = { kind: 'server-rx', proto: protocol, packet: pkt.id, client: c.n, rule: res.rule, outcome, replies: replies.map((p) => p.id), earlier };
      if (entry) f.socket = entry.id;
      if (entry?.fd !== undefined) f.fd = entry.fd;
      facts.push(f);
    };

    if (pkt.kind === 'udp') {
      if (!res.entry) {
        pkt.toNode = 'nic';
        fact('unreachable', [toClient(c, 'nic', { ip: SERVER_IP, port: 0 }, { ip: pkt.src.ip, port: 0 }, { icmp: portUnreachableFor(pkt.src, pkt.dst) })]);
        return;
      }
      // recvfrom() returns the data and the sender's (IP, port); sendto() answers there.
      pkt.toNode = res.entry.id;
      const earlier = server.datagrams++;
      fact('echo', [toClient(c, res.entry.id, { ip: pkt.dst.ip, port: res.entry.local.port }, pkt.src, { data: pkt.data })], res.entry, earlier);
      return;
    }

    const seg = pkt.seg!;
    if (res.rule === 'none') {
      pkt.toNode = 'nic';
      const rst = resetFor(seg);
      fact('reset', rst ? [toClient(c, 'nic', pkt.dst, pkt.src, { seg: rst })] : []);
      return;
    }
    const entry = res.entry!;
    if (res.rule === 'listener') {
      pkt.toNode = entry.id;
      if (!seg.flags.syn || seg.flags.ack || seg.flags.rst) {
        // Not a connection request: a listener answers an ACK with a RST and ignores the rest (RFC 9293 §3.10.7.2).
        const rst = seg.flags.ack ? resetFor(seg) : undefined;
        fact('reset', rst ? [toClient(c, entry.id, pkt.dst, pkt.src, { seg: rst })] : [], entry);
        return;
      }
      // The listener stays in LISTEN; the kernel makes a new connection for this 4-tuple.
      let child = step(createTcb({ localPort: seg.dstPort, remotePort: seg.srcPort, iss: isnRnd.u32() }), { type: 'open', mode: 'passive' }).tcb;
      const r = step(child, { type: 'segment', seg });
      child = r.tcb;
      const conn: SocketEntry = {
        id: `srv-${clientSocketId(c, pkt.src.port)}`,
        proto: 'tcp',
        local: { ip: pkt.dst.ip, port: pkt.dst.port },
        remote: { ...pkt.src },
        state: child.state,
      };
      server.table.push(conn);
      server.tcbs.set(conn.id, child);
      fact('syn', sends(r.effects).map((s) => toClient(c, entry.id, pkt.dst, pkt.src, { seg: s })), entry);
      return;
    }
    // An exact 4-tuple match: a half-open or an established connection.
    const r = step(server.tcbs.get(entry.id)!, { type: 'segment', seg });
    let tcb = r.tcb;
    let out = sends(r.effects);
    let outcome: ServerOutcome = 'ack';
    if (signals(r.effects).includes('connected')) {
      // The handshake is complete; the web server is blocked in accept(), which returns it as a new descriptor.
      entry.fd = server.nextFd++;
      entry.owner = owner;
      outcome = 'established';
    }
    const got = delivered(r.effects);
    if (got.length > 0) {
      // The app reads the request and writes its response in the same moment.
      const w = step(tcb, { type: 'send', data: responseFor(entry.remote!) });
      tcb = w.tcb;
      out = piggyback([...out, ...sends(w.effects)]);
      outcome = 'data';
    }
    server.tcbs.set(entry.id, tcb);
    entry.state = tcb.state;
    pkt.toNode = entry.fd !== undefined ? entry.id : 'listen';
    const from = entry.fd !== undefined ? entry.id : 'listen';
    const replies = out.map((s) => toClient(c, from, pkt.dst, pkt.src, { seg: s }));
    // The ACK that completed the handshake came in this same moment: tell the two as one.
    const accepted = facts.find((f) => f.kind === 'server-rx' && f.socket === entry.id && f.outcome === 'established');
    if (outcome === 'data' && accepted && accepted.kind === 'server-rx') {
      accepted.outcome = 'accept-data';
      accepted.also = pkt.id;
      accepted.replies.push(...replies.map((p) => p.id));
      return;
    }
    fact(outcome, replies, entry);
  }

  const clientSocketId = (c: ClientHost, port: number) => c.table.find((e) => e.local.port === port)?.id ?? `c${c.n}-x${port}`;

  // --- the run -------------------------------------------------------------------------
  at(0, () => {
    const e: SocketEntry =
      protocol === 'tcp'
        ? { id: 'listen', proto: 'tcp', local: { ip: WILDCARD, port: service }, state: 'LISTEN', owner, fd: LISTEN_FD }
        : { id: 'udp-sock', proto: 'udp', local: { ip: WILDCARD, port: service }, state: 'UNCONN', owner, fd: LISTEN_FD };
    server.table.push(e);
    facts.push({ kind: 'setup', proto: protocol, pid });
  });
  clients.forEach((c, i) => at(starts[i], () => clientStarts(c, c.n === clientCount ? WRONG_PORT : service, false)));

  while (queue.length > 0) {
    queue.sort((a, b) => a.at - b.at || a.order - b.order);
    now = queue[0].at;
    facts = [];
    while (queue.length > 0 && queue[0].at === now) {
      queue.shift()!.run();
      queue.sort((a, b) => a.at - b.at || a.order - b.order);
    }
    moments.push({
      t: now,
      facts,
      server: server.table.map(copyEntry),
      clients: clients.map((c) => (c.view ? { ...c.view } : undefined)),
    });
  }
  return { protocol, clients: clientCount, pid, moments, packets };
}
