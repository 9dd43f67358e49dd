/**
 * One server host and N client hosts on the kernel (`core/kernel.ts`): each host is an actor
 * with its own socket table (server.ts, client.ts), and every client has a link to the
 * server and back, with a one-way delay drawn from the seed. The trace becomes a list of
 * moments (events at the same logical time), each with what happened and the tables after it.
 */
import { run } from '../../core/kernel';
import { createRandom, type Random } from '../../core/random';
import { clientActor } from './client';
import { serverActor } from './server';
import type { LookupRule, Proto, SocketEntry } from './table';
import { EPHEMERAL, GRID, SERVICE_PORT, WRONG_PORT, type ClientSocketView, type ClientState, type Fact, type HostPost, type HostState, type Pkt, type ServerState, type WorldPlan } from './types';

export * from './types';

/** A packet of the run: what was sent, when, and where the lookup delivered it. */
export interface Packet extends Pkt {
  id: string;
  sentAt: number;
  arriveAt: number;
  /** The client this packet comes from or goes to (1-based). */
  client: number;
  toServer: boolean;
  /** Set on arrival: the node the lookup delivered it to ('nic' when no socket took it). */
  toNode?: string;
  rule?: LookupRule;
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

/** The seed's decisions: timing, ephemeral ports, ISNs, the server's pid. */
function makePlan(protocol: Proto, clientCount: number, seed: number) {
  const rnd = createRandom(seed);
  const timing = rnd.fork('timing');
  const portRnd = rnd.fork('ports');
  const pid = rnd.fork('pid').int(1000, 9999);
  const gap = protocol === 'tcp' ? 40 : 25;
  const oneWay: number[] = [];
  const starts: number[] = [];
  for (let n = 1; n <= clientCount; n++) {
    oneWay.push(GRID * timing.int(1, 4));
    const base = 10 + (n - 1) * gap + timing.int(0, Math.floor(gap / 2));
    starts.push(base + ((((n - base) % GRID) + GRID) % GRID));
  }
  // RFC 6056 Algorithm 1 (simple random port selection), distinct across the scenario, in the
  // order the sockets are opened: clients 1..N, then the last client's second try.
  const used = new Set<number>();
  const draw = (r: Random): number => {
    let p = r.int(EPHEMERAL.min, EPHEMERAL.max);
    for (let k = 0; used.has(p) && k < 1000; k++) p = r.int(EPHEMERAL.min, EPHEMERAL.max);
    used.add(p);
    return p;
  };
  const ports = new Map<string, number>();
  for (let n = 1; n <= clientCount; n++) ports.set(`${n}/1`, draw(portRnd));
  ports.set(`${clientCount}/2`, draw(portRnd));
  const socketByPort = new Map<number, string>();
  for (const [k, p] of ports) socketByPort.set(p, `c${k.split('/')[0]}-s${k.split('/')[1]}`);
  const plan: WorldPlan = {
    protocol,
    clients: clientCount,
    pid,
    port: (n, a) => ports.get(`${n}/${a}`)!,
    isn: (socket) => rnd.fork(`isn:${socket}`).u32(),
    clientOf: (ip) => Number(ip.split('.')[3]) - 10,
    socketOf: (port) => socketByPort.get(port) ?? `x${port}`,
  };
  return { plan, oneWay, starts };
}

export function runWorld(protocol: Proto, clientCount: number, seed: number): WorldResult {
  const { plan, oneWay, starts } = makePlan(protocol, clientCount, seed);
  const actors: Record<string, ReturnType<typeof serverActor>> = { server: serverActor(plan) };
  const links: Record<string, { delay: number }> = {};
  for (let n = 1; n <= clientCount; n++) {
    actors[`c${n}`] = clientActor(n, plan);
    links[`c${n}>server`] = { delay: oneWay[n - 1] };
    links[`server>c${n}`] = { delay: oneWay[n - 1] };
  }
  const script: { at: number; to: string; data: HostPost }[] = [{ at: 0, to: 'server', data: { call: 'start' } }];
  starts.forEach((at, i) => script.push({ at, to: `c${i + 1}`, data: { call: 'connect', dstPort: i + 1 === clientCount ? WRONG_PORT : SERVICE_PORT[protocol], retry: false } }));
  const trace = run<HostState, Pkt, HostPost, Fact>({ actors, links, seed, script, maxEvents: 2000 });

  const packets: Packet[] = trace.wires.map((w) => {
    const toServer = w.to === 'server';
    return { ...w.msg, id: w.id, sentAt: w.sentAt, arriveAt: w.endAt, client: Number((toServer ? w.from : w.to).slice(1)), toServer };
  });
  const byId = new Map(packets.map((p) => [p.id, p]));
  const moments: Moment[] = [];
  for (const e of trace.entries.slice(1)) {
    // `#k` in a note: the k-th packet this step sent.
    const facts = e.notes.map(({ note }) => resolve(note, e.sent));
    for (const f of facts) {
      if (f.kind !== 'server-rx' && f.kind !== 'client-rx') continue;
      const p = byId.get(f.packet)!;
      p.toNode = f.toNode;
      p.rule = f.rule;
    }
    let m = moments[moments.length - 1];
    if (!m || m.t !== e.t) moments.push((m = { t: e.t, facts: [], server: [], clients: [] }));
    m.facts.push(...facts);
    m.server = (e.states.server as ServerState).table;
    m.clients = Array.from({ length: clientCount }, (_, i) => (e.states[`c${i + 1}`] as ClientState).view);
  }
  for (const m of moments) m.facts = mergeAccept(m.facts);
  return { protocol, clients: clientCount, pid: plan.pid, moments, packets };
}

function resolve(f: Fact, sent: string[]): Fact {
  const ids = (xs: string[]) => xs.map((x) => (x.startsWith('#') ? sent[Number(x.slice(1))] : x));
  if (f.kind === 'connect') return { ...f, packets: ids(f.packets) };
  if (f.kind === 'server-rx' || f.kind === 'client-rx') return { ...f, replies: ids(f.replies) };
  return f;
}

/** The ACK that completed the handshake and the request right behind it, in one moment: told as one. */
function mergeAccept(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) {
    const accepted = f.kind === 'server-rx' && f.outcome === 'data' ? out.find((x) => x.kind === 'server-rx' && x.socket === f.socket && x.outcome === 'established') : undefined;
    if (accepted && accepted.kind === 'server-rx' && f.kind === 'server-rx') {
      accepted.outcome = 'accept-data';
      accepted.also = f.packet;
      accepted.replies = [...accepted.replies, ...f.replies];
    } else out.push(f);
  }
  return out;
}

