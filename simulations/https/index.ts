/**
 * HTTP over TCP, and HTTP over TLS over TCP, on the kernel: reusable by any page that
 * needs a real connection (http-https, HTTP/2, "what happens when you type a URL").
 *
 *   const r = runHttps({ seed, serverName: 'www.example.com', alpn: ['h2', 'http/1.1'],
 *                        request, response, eavesdropper: true });
 *   r.tls.records        // every TLS record in wire order (bytes, label, plaintext)
 *   r.conn.trace         // the kernel trace: TCP handshake, one segment per record, close
 *   r.conn.unitsOfWire   // kernel wire id → indices of the records it carries
 *   r.conn.captured      // what the on-path eavesdropper copied, byte for byte
 *   r.tls.keylog         // NSS key log: put it in a pcapng Decryption Secrets Block
 *
 * The client port and both initial sequence numbers come from the seed, so do every TLS
 * key and random (`seeded32`). The server listens on 443 (HTTPS) or 80 (HTTP).
 */
import { createRandom } from '../core/random';
import { runConnection, type ConnectionRun, type Side } from './transport';
import { runTls12 } from './tls12';
import { runTls13 } from './tls13';
import type { TlsRun } from './tls';
import type { CertCase } from './pki';

export * from './transport';
export * from './tls';
export * from './pki';
export { runTls13, SECRET_ORDER_13 } from './tls13';
export { runTls12, SECRET_ORDER_12, pSha256, prf12, seal12, open12 } from './tls12';

export const CLIENT_IP = '192.168.0.23';
export const SERVER_IP = '203.0.113.80';

export interface HttpsOptions {
  seed: number;
  serverName: string;
  /** ALPN the client offers, in its order of preference. */
  alpn: string[];
  request: Uint8Array;
  response: Uint8Array;
  version?: '1.3' | '1.2';
  cert?: CertCase;
  eavesdropper?: boolean;
  /** One-way delay, ms (default 20). */
  oneWay?: number;
}

export interface HttpsRun {
  tls: TlsRun;
  conn: ConnectionRun;
}

export interface PlainOptions {
  seed: number;
  request: Uint8Array;
  response: Uint8Array;
  eavesdropper?: boolean;
  oneWay?: number;
  /** Default 80. */
  port?: number;
}

/** The seeded client port (RFC 6335 dynamic range) and initial sequence numbers. */
export function endpoints(seed: number): { clientPort: number; iss: Record<Side, number> } {
  const r = createRandom(seed);
  const isn = r.fork('isn');
  return { clientPort: r.fork('port').int(49152, 65535), iss: { client: isn.u32(), server: isn.u32() } };
}

/** TLS (1.3 by default) over TCP port 443: handshake, request, response, close_notify both ways, FINs. */
export function runHttps(o: HttpsOptions): HttpsRun {
  const tlsOpts = { seed: o.seed, serverName: o.serverName, alpn: o.alpn, cert: o.cert ?? 'valid', request: o.request, response: o.response };
  const tls = o.version === '1.2' ? runTls12(tlsOpts) : runTls13(tlsOpts);
  const { clientPort, iss } = endpoints(o.seed);
  const conn = runConnection({
    units: tls.records.map((r) => ({ from: r.from, label: r.label, bytes: r.bytes })),
    clientPort, serverPort: 443, iss, oneWay: o.oneWay ?? 20, eavesdropper: o.eavesdropper ?? false, closer: 'client',
  });
  return { tls, conn };
}

/** Plain HTTP/1.1 over TCP port 80: the request and the response as they are, then the client closes. */
export function runPlainHttp(o: PlainOptions): ConnectionRun {
  const { clientPort, iss } = endpoints(o.seed);
  return runConnection({
    units: [{ from: 'client', label: 'HTTP request', bytes: o.request }, { from: 'server', label: 'HTTP response', bytes: o.response }],
    clientPort, serverPort: o.port ?? 80, iss, oneWay: o.oneWay ?? 20, eavesdropper: o.eavesdropper ?? false, closer: 'client',
  });
}
