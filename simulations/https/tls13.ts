/**
 * A TLS 1.3 run (RFC 8446) for a page: `tls13/runHandshake` with keys, randoms and
 * certificates from the seed, then what the handshake engine stops short of:
 * - when the client refuses the certificate, the rest of the server's flight
 *   (CertificateVerify, Finished) still went out with it: the server computed and
 *   sent them before the client read anything, so they are computed here the same way;
 * - after the exchange, close_notify each way (§6.1) under the application keys.
 */
import { TLS_CONTENT_TYPE as CT } from '../wire/tls';
import {
  certificateVerifyContent, ecdsaSign, encodeCertificateVerify, encodeFinished, finishedVerifyData, protectRecord, runHandshake,
  SIGNATURE_SCHEME, transcriptHash, type HandshakeResult, type SideSecrets,
} from '../tls13';
import { NOW, serverPki } from './pki';
import { seeded32, type SecretTable, type TlsRecordInfo, type TlsRun, type TlsRunOptions } from './tls';

/** Rows of the keys panel, in the order the key schedule derives them (§7.1). */
export const SECRET_ORDER_13 = [
  'shared_secret', 'handshake_secret', 'client_handshake_traffic_secret', 'server_handshake_traffic_secret',
  'master_secret', 'client_application_traffic_secret_0', 'server_application_traffic_secret_0',
] as const;

function table(s: SideSecrets): SecretTable {
  const out: SecretTable = {};
  const put = (k: string, v?: Uint8Array) => { if (v) out[k] = v; };
  put('shared_secret', s.sharedSecret);
  put('handshake_secret', s.handshakeSecret);
  put('client_handshake_traffic_secret', s.clientHandshakeTrafficSecret);
  put('server_handshake_traffic_secret', s.serverHandshakeTrafficSecret);
  put('master_secret', s.masterSecret);
  put('client_application_traffic_secret_0', s.clientApplicationTrafficSecret0);
  put('server_application_traffic_secret_0', s.serverApplicationTrafficSecret0);
  return out;
}

const KEEP = new Set<string>(SECRET_ORDER_13);

export function runTls13(o: TlsRunOptions): TlsRun {
  const pki = o.pki ?? serverPki(o.serverName, o.cert, o.seed);
  const clientRandom = seeded32(o.seed, 'client-random');
  const r: HandshakeResult = runHandshake({
    clientRandom, serverRandom: seeded32(o.seed, 'server-random'),
    clientPrivateKey: seeded32(o.seed, 'client-x25519'), serverPrivateKey: seeded32(o.seed, 'server-x25519'),
    sessionId: seeded32(o.seed, 'session-id'),
    serverName: o.serverName, alpn: o.alpn, serverAlpn: ['h2', 'http/1.1'],
    certificateChain: pki.chain, certificatePrivateKey: pki.leafPrivateKey, trustedRoots: pki.roots, now: NOW,
    clientData: o.clientData ?? [o.request], serverData: o.serverData ?? [o.response],
  });
  const records: TlsRecordInfo[] = r.records.map((x) => ({ from: x.from, label: x.label, bytes: x.bytes, encrypted: x.encrypted, contentType: x.contentType, plaintext: x.plaintext }));
  const knowledge = r.knowledge.map((k) => ({ afterRecord: k.afterRecord, client: k.client.filter((n) => KEEP.has(n)), server: k.server.filter((n) => KEEP.has(n)) }));
  const run: TlsRun = {
    version: '1.3', records, knowledge, secrets: { client: table(r.client), server: table(r.server) },
    sharedSecret: { client: r.sharedSecret.client, server: r.sharedSecret.server }, keylog: r.keylog, alpn: r.alpn, clientRandom,
  };
  if (!r.ok) {
    // The server sent its whole flight before the client read any of it: add what the engine never reached.
    const at = records.findIndex((x) => x.from === 'client' && x.contentType === CT.alert);
    const serverHs = r.records.filter((x) => x.from === 'server' && x.contentType === CT.handshake);
    if (!serverHs.some((x) => x.label === 'CertificateVerify')) {
      const msgs = r.records.filter((x) => x.contentType === CT.handshake).flatMap((x) => x.messages.map((m) => m.bytes)).filter((m) => m[0] !== 15 && m[0] !== 20);
      const cv = encodeCertificateVerify(SIGNATURE_SCHEME.ecdsa_secp256r1_sha256, ecdsaSign(certificateVerifyContent('server', transcriptHash(...msgs)), pki.leafPrivateKey));
      const fin = encodeFinished(finishedVerifyData(r.server.serverHandshakeTrafficSecret!, transcriptHash(...msgs, cv)));
      const seq0 = serverHs.filter((x) => x.encrypted).length;
      const add = (label: string, content: Uint8Array, seq: number): TlsRecordInfo => ({
        from: 'server', label, bytes: protectRecord(r.server.serverHandshakeKeys!, seq, CT.handshake, content), encrypted: true, contentType: CT.handshake, plaintext: content,
      });
      records.splice(at, 0, add('CertificateVerify', cv, seq0), add('Finished', fin, seq0 + 1));
      for (const k of knowledge) if (k.afterRecord >= at) k.afterRecord += 2;
    }
    const alertRecord = records.findIndex((x) => x.from === 'client' && x.contentType === CT.alert);
    run.failure = { side: r.failure.side, alert: r.failure.alert, chain: r.failure.chain, detail: r.failure.detail, alertRecord };
    return run;
  }
  run.request = records.findIndex((x) => x.from === 'client' && x.contentType === CT.applicationData);
  run.response = records.findIndex((x) => x.from === 'server' && x.contentType === CT.applicationData);
  // close_notify (§6.1): the client first, then the server, each under its application keys.
  const closeNotify = Uint8Array.of(1, 0);
  const appSeq = (side: 'client' | 'server') => records.filter((x) => x.from === side && x.encrypted && x.contentType !== CT.handshake).length;
  const cSeq = appSeq('client');
  const sSeq = appSeq('server');
  records.push({ from: 'client', label: 'Alert: close_notify', bytes: protectRecord(r.client.clientApplicationKeys!, cSeq, CT.alert, closeNotify), encrypted: true, contentType: CT.alert, plaintext: closeNotify });
  records.push({ from: 'server', label: 'Alert: close_notify', bytes: protectRecord(r.server.serverApplicationKeys!, sSeq, CT.alert, closeNotify), encrypted: true, contentType: CT.alert, plaintext: closeNotify });
  return run;
}
