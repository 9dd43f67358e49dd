/**
 * TLS 1.3 (RFC 8446) around a conversation: the handshake from the seed, ALPN offered in
 * the ClientHello (RFC 7301: "h2" for HTTP/2, "http/1.1" for the comparison), then each
 * application unit as one record, then close_notify both ways (§6.1).
 *
 * Keys, randoms and the server's certificate chain come from `simulations/https` (the
 * shared TLS-over-TCP building blocks); the records go out in protocol order, the
 * server's first HTTP/2 SETTINGS right after its Finished (0.5-RTT data, §2).
 */
import { runHandshake, protectRecord } from '../../tls13';
import { seeded32, serverPki, NOW } from '../../https';
import { TLS_CONTENT_TYPE as CT } from '../../wire/tls';
import type { AppUnit, Side } from './h2';
import { HOST } from './site';

/** One record as it goes into the TCP stream. */
export interface WireUnit {
  from: Side;
  label: string;
  bytes: Uint8Array;
  lossy: boolean;
  /** Index of the application unit this record carries. */
  app?: number;
}

export interface SecureRun {
  units: WireUnit[];
  keylog: string;
  alpn?: string;
}

export function secure(app: readonly AppUnit[], alpn: string[], seed: number): SecureRun {
  const pki = serverPki(HOST, 'valid', seed);
  const idx = { client: [] as number[], server: [] as number[] };
  app.forEach((u, i) => idx[u.from].push(i));
  const r = runHandshake({
    clientRandom: seeded32(seed, 'client-random'), serverRandom: seeded32(seed, 'server-random'),
    clientPrivateKey: seeded32(seed, 'client-x25519'), serverPrivateKey: seeded32(seed, 'server-x25519'),
    sessionId: seeded32(seed, 'session-id'), serverName: HOST, alpn, serverAlpn: ['h2', 'http/1.1'],
    certificateChain: pki.chain, certificatePrivateKey: pki.leafPrivateKey, trustedRoots: pki.roots, now: NOW,
    clientData: idx.client.map((i) => app[i].bytes), serverData: idx.server.map((i) => app[i].bytes),
  });
  if (!r.ok) throw new Error(`http2: TLS handshake failed: ${r.failure.detail}`);
  const hs = r.records.filter((x) => x.contentType !== CT.applicationData || x.label !== 'Application Data');
  const data = { client: r.records.filter((x) => x.from === 'client' && x.label === 'Application Data'), server: r.records.filter((x) => x.from === 'server' && x.label === 'Application Data') };
  if (data.client.length !== idx.client.length || data.server.length !== idx.server.length) throw new Error('http2: a unit took more than one record');
  const units: WireUnit[] = [];
  const take = { client: 0, server: 0 };
  const clientFlight = hs.filter((x) => x.from === 'client' && x.label !== 'ClientHello');
  units.push(...hs.filter((x) => x.from === 'server' || x.label === 'ClientHello').map((x) => ({ from: x.from, label: x.label, bytes: x.bytes, lossy: false })));
  let finished = false;
  app.forEach((u, i) => {
    if (u.from === 'client' && !finished) {
      // The client's CCS and Finished go first, in the same flight as its first application data.
      units.push(...clientFlight.map((x) => ({ from: x.from, label: x.label, bytes: x.bytes, lossy: false })));
      finished = true;
    }
    const rec = data[u.from][take[u.from]++];
    units.push({ from: u.from, label: u.frames.map((f) => f.label).join(' + '), bytes: rec.bytes, lossy: u.lossy, app: i });
  });
  const closeNotify = Uint8Array.of(1, 0);
  units.push({ from: 'client', label: 'Alert: close_notify', bytes: protectRecord(r.client.clientApplicationKeys!, take.client, CT.alert, closeNotify), lossy: false });
  units.push({ from: 'server', label: 'Alert: close_notify', bytes: protectRecord(r.server.serverApplicationKeys!, take.server, CT.alert, closeNotify), lossy: false });
  return { units, keylog: r.keylog, alpn: r.alpn };
}
