/**
 * The page loads, run on the kernel: one browser and one server per way of loading,
 * each pair joined by its own link (one-way delays that add up to the RTT), all on one
 * clock so their timings compare directly.
 */
import { run, type Machine, type Trace } from '../../core/kernel';
import { createRandom } from '../../core/random';
import type { Segment } from '../../tcp/segment';
import { browserApp, type Browser, type BrowserNote, type Mode } from './browser';
import { hostActor, type HostNote, type HostPost, type HostState } from './host';
import { imagePath } from './http';
import { serverApp, type Server, type ServerNote } from './server';

export const MODES: readonly Mode[] = ['http10', 'keepalive', 'pipelining', 'parallel'];

export interface LoadConfig {
  modes: readonly Mode[];
  /** Images on the page (the HTML is one more resource). */
  resources: number;
  rtt: number;
  /** Extra server time for the first image (ms), 0 for none. */
  slow: number;
  connections: number;
  seed: number;
}

export type ActorState = HostState<Browser> | HostState<Server>;
export type Note = HostNote<BrowserNote> | HostNote<ServerNote>;
export type LoadTrace = Trace<ActorState, Segment, HostPost, Note>;

export const clientId = (m: Mode) => `${m}-client`;
export const serverId = (m: Mode) => `${m}-server`;

/**
 * Browsers and servers share one world: the kernel runs them all with one state type.
 * Each actor only ever receives the state it produced, so widening its type is sound.
 */
function lane<A, AN>(m: Machine<HostState<A>, Segment, HostPost, HostNote<AN>>): Machine<ActorState, Segment, HostPost, Note> {
  return m as unknown as Machine<ActorState, Segment, HostPost, Note>;
}

export function runLoads(cfg: LoadConfig): LoadTrace {
  const rnd = createRandom(cfg.seed);
  const actors: Record<string, Machine<ActorState, Segment, HostPost, Note>> = {};
  const links: Record<string, { delay: number }> = {};
  // The RTT split into two integer one-way delays.
  const there = Math.floor(cfg.rtt / 2);
  const back = cfg.rtt - there;
  for (const m of cfg.modes) {
    const r = rnd.fork(`lane:${m}`);
    const firstPort = r.int(49152, 60000);
    const iss = (side: string) => (conn: number) => createRandom(cfg.seed).fork(`iss:${m}:${side}:${conn}`).u32();
    actors[clientId(m)] = lane(hostActor<Browser, BrowserNote>({
      self: clientId(m), peer: serverId(m), side: 'client', port: 80, iss: iss('client'),
      app: browserApp({ mode: m, connections: cfg.connections, firstPort }),
    }));
    actors[serverId(m)] = lane(hostActor<Server, ServerNote>({
      self: serverId(m), peer: clientId(m), side: 'server', port: 80, iss: iss('server'),
      app: serverApp({ images: cfg.resources, work: (path) => (path === imagePath(1) ? cfg.slow : 0) }),
    }));
    links[`${clientId(m)}>${serverId(m)}`] = { delay: there };
    links[`${serverId(m)}>${clientId(m)}`] = { delay: back };
  }
  const clients = cfg.modes.map(clientId);
  const all = Object.keys(actors);
  return run<ActorState, Segment, HostPost, Note>({
    actors,
    links,
    seed: cfg.seed,
    script: clients.map((c) => ({ at: 0, to: c, data: { kind: 'start' } as HostPost })),
    maxEvents: 5000,
    // Done when every page is loaded and every connection is closed (or in TIME-WAIT).
    until: (e) =>
      clients.every((c) => (e.states[c] as HostState<Browser>).app.loadedAt !== undefined) &&
      all.every((a) => Object.values(e.states[a].tcbs).every((t) => t.state === 'CLOSED' || t.state === 'TIME-WAIT')),
  });
}
