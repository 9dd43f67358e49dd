/**
 * The time-wait scenario as data, decided from the params and the seed before the run:
 * the ports and ISNs, which segment the network delays and which it loses, and what each
 * app does. The apps decide from their socket's own state (which incarnation of the
 * connection it is), never from flags set during the run.
 */
import { createRandom } from '../../core/random';
import { dataLength, segmentKind } from '../../tcp/segment';
import type { AppCall, HostId, LogEntry, Wire, WorldConfig } from '../../tcp/world';

export const REQUEST = 'GET /report HTTP/1.1\r\nHost: example.com\r\n\r\n';
export const PART1 = 'HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nfirst half, ';
export const PART2 = 'second half';
export const REQUEST2 = 'GET /new HTTP/1.1\r\nHost: example.com\r\n\r\n';
export const RESPONSE2 = 'HTTP/1.1 204 No Content\r\n\r\n';
export const ONE_WAY = 50;
export const IPS: Record<HostId, string> = { client: '192.0.2.10', server: '198.51.100.20' };

export interface Plan {
  ports: Record<HostId, number>;
  /** ISNs of the first connection. */
  iss: Record<HostId, number>;
  /** ISNs of the second connection (no-time-wait only): the server's sits just below the late segment. */
  iss2: Record<HostId, number>;
  /** Sequence number of the late data segment, and of the server's FIN after it. */
  lateSeq: number;
  finSeq: number;
  config: WorldConfig;
}

export interface PlanInput {
  delay: number;
  msl: number;
  dropLastAck: boolean;
  noTimeWait: boolean;
}

export function makePlan(p: PlanInput, seed: number): Plan {
  const rnd = createRandom(seed);
  const clientPort = rnd.fork('port').int(49152, 65535);
  const isnRnd = rnd.fork('isn');
  const iss = { client: isnRnd.u32(), server: isnRnd.u32() };
  const ports: Record<HostId, number> = { client: clientPort, server: 80 };
  // The late segment starts after the SYN and the first part; the FIN comes after it.
  const lateSeq = (iss.server + 1 + dataLength(PART1)) >>> 0;
  const finSeq = (lateSeq + dataLength(PART2)) >>> 0;
  const iss2 = { client: (iss.client + 100_000) >>> 0, server: (lateSeq - 1) >>> 0 };
  const config: WorldConfig = {
    client: { localPort: ports.client, remotePort: ports.server, iss: iss.client, msl: p.noTimeWait ? 0 : p.msl },
    server: { localPort: ports.server, remotePort: ports.client, iss: iss.server, msl: p.msl },
    oneWay: ONE_WAY,
    faults: {
      // The server's last data segment, the first time it is sent, lingers in the network.
      delay: [{ from: 'server', kind: 'data', seq: lateSeq, copy: 0, ms: p.delay }],
      // The client's ACK of the server's FIN (ack = FIN.seq + 1), the first time it is sent.
      drop: p.dropLastAck ? [{ from: 'client', kind: 'ack', ack: (finSeq + 1) >>> 0, copy: 0 }] : [],
    },
    script: [
      { at: 0, host: 'server', call: { call: 'listen' } },
      { at: 20, host: 'client', call: { call: 'connect' } },
    ],
    app: {
      react(host, signal, { tcb }, data): { after: number; call: AppCall }[] {
        const second = tcb.iss === iss2[host];
        if (host === 'client' && signal === 'connected') return [{ after: 5, call: { call: 'send', data: second ? REQUEST2 : REQUEST } }];
        if (host === 'server' && signal === 'data' && data === REQUEST) return [{ after: 5, call: { call: 'send', data: PART1 } }];
        if (host === 'server' && signal === 'data' && data === REQUEST2) return [{ after: 5, call: { call: 'send', data: RESPONSE2 } }];
        // The client has sent all it will send: it half-closes after the first part and keeps reading.
        if (host === 'client' && signal === 'data' && data === PART1) return [{ after: 5, call: { call: 'shutdown' } }];
        // recv() returned 0: the client has read everything and lets go of the socket.
        if (host === 'client' && signal === 'eof') return [{ after: 5, call: { call: 'close' } }];
        // The server still has the second part to send, then closes.
        if (host === 'server' && signal === 'eof' && tcb.state === 'CLOSE-WAIT') {
          return [
            { after: 5, call: { call: 'send', data: PART2 } },
            { after: 15, call: { call: 'close' } },
          ];
        }
        // Without TIME-WAIT: the same port again at once; the server listens again.
        if (p.noTimeWait && host === 'client' && signal === 'closed' && tcb.iss === iss.client) {
          return [{ after: 80, call: { call: 'connect', iss: iss2.client } }];
        }
        if (p.noTimeWait && host === 'server' && (signal === 'closed' || signal === 'reset') && tcb.iss === iss.server) {
          return [{ after: 10, call: { call: 'listen', iss: iss2.server } }];
        }
        return [];
      },
    },
    stopWhenClosed: !p.noTimeWait,
    // Without TIME-WAIT, the story ends once the old duplicate has met the client after the first
    // connection, and what it caused has played out.
    stopWhen: (e, ws, log) =>
      p.noTimeWait && log.some((x) => isStaleArrival(x, ws, lateSeq, iss.client)) && (e.delivered.length > 0 || e.signals.some((x) => x.signal === 'reset' || x.signal === 'connected')),
    maxEntries: p.noTimeWait ? 45 : 80,
  };
  return { ports, iss, iss2, lateSeq, finSeq, config };
}

/** The late segment's first copy (the one the network held up). */
export const isLateOriginal = (w: Wire, lateSeq: number) =>
  w.from === 'server' && !w.retransmission && segmentKind(w.seg) === 'data' && w.seg.seq === lateSeq && w.seg.data === PART2;

/** The late original reaching a client that is no longer in the first connection. */
export function isStaleArrival(x: LogEntry, ws: ReadonlyMap<string, Wire>, lateSeq: number, firstIss: number): boolean {
  if (x.cause.kind !== 'arrive') return false;
  const c = x.tcbs.client;
  return isLateOriginal(ws.get(x.cause.wire)!, lateSeq) && (c.iss !== firstIss || c.state === 'CLOSED');
}
