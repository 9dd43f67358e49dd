/**
 * One page load, everything computed: the HTTP/2 conversation (and the HTTP/1.1 one when
 * compared), each wrapped in TLS 1.3 with its ALPN, both connections run on one kernel
 * clock, and what each response's bytes went through on the way (delivered when, held
 * behind which lost segment).
 */
import { createRandom } from '../../core/random';
import { endpoints } from '../../https';
import { buildH1 } from './h1';
import { buildH2, type AppUnit, type H2Conversation } from './h2';
import { actorOf, runConns, unitOffsets, type ConnSpec, type ConnTrace } from './conn';
import { secure, type SecureRun } from './secure';

export interface LoadParams {
  streams: number;
  loss: number;
  priority: boolean;
  compare: boolean;
  tableSize: number;
  seed: number;
}

export interface ConnRun {
  id: 'h2' | 'h1';
  app: AppUnit[];
  tls: SecureRun;
  spec: ConnSpec;
  /** When the receiver's app got each wire unit (ms), undefined if never. */
  receivedAt: (number | undefined)[];
}

export interface Load {
  h2: H2Conversation;
  conns: ConnRun[];
  trace: ConnTrace;
  keylog: string;
}

/** The seed of the second connection's TLS keys and ports: independent of the first's. */
const h1Seed = (seed: number) => createRandom(seed).fork('http2:h1').int(0, 2 ** 31 - 1);

export function runLoad(p: LoadParams): Load {
  const h2 = buildH2({ streams: p.streams, priority: p.priority, tableSize: p.tableSize, seed: p.seed });
  const make = (id: 'h2' | 'h1', app: AppUnit[], alpn: string[], seed: number): Omit<ConnRun, 'receivedAt'> => {
    const tls = secure(app, alpn, seed);
    const { clientPort, iss } = endpoints(seed);
    return { id, app, tls, spec: { id, units: tls.units, clientPort, serverPort: 443, iss } };
  };
  const runs = [make('h2', h2.units, ['h2', 'http/1.1'], p.seed)];
  if (p.compare) runs.push(make('h1', buildH1(p.streams, p.seed), ['http/1.1'], h1Seed(p.seed)));
  const trace = runConns(runs.map((r) => r.spec), p.loss, p.seed);
  const conns = runs.map((r) => {
    const receivedAt: (number | undefined)[] = r.spec.units.map(() => undefined);
    for (const e of trace.entries) {
      for (const n of e.notes) {
        if (n.note.type !== 'unit-received') continue;
        const peerOf = r.spec.units[n.note.unit]?.from === 'client' ? 'server' : 'client';
        if (n.actor === actorOf(r.id, peerOf)) receivedAt[n.note.unit] = e.t;
      }
    }
    return { ...r, receivedAt };
  });
  return { h2, conns, trace, keylog: conns.map((c) => c.tls.keylog).join('') };
}

export { unitOffsets };
