/**
 * A complete TLS 1.3 1-RTT handshake (RFC 8446 §2, Figure 1) between a
 * simulated client and server, run as one pure function: X25519 key share,
 * TLS_AES_128_GCM_SHA256, an ECDSA P-256 certificate chain, optional ALPN,
 * then application data each way. Each side derives its own keys from its
 * own transcript; the client checks the chain, CertificateVerify and the
 * server Finished, the server checks the client Finished. A check that
 * fails ends the run with a typed failure and the alert that would be sent.
 */
import { x25519PublicKey, x25519SharedSecret } from './dh';
import { concat } from '../wire/bytes';
import { decodeClientHello, decodeServerHello, encodeTlsRecord, TLS_CONTENT_TYPE as CT, type TlsExtension } from '../wire/tls';
import { nssKeyLog } from './keylog';
import {
  applicationStage, bytesEqual, earlySecret, finishedKey, finishedVerifyData, handshakeStage, trafficKeys, transcriptHash,
  type ApplicationStage, type HandshakeStage, type TrafficKeys,
} from './keyschedule';
import {
  certificateVerifyContent, CIPHER_SUITE, decodeCertificate, decodeCertificateVerify, decodeEncryptedExtensions, decodeFinished,
  encodeCertificate, encodeCertificateVerify, encodeClientHello, encodeEncryptedExtensions, encodeFinished, encodeServerHello, ext,
  extensionData, GROUP, HANDSHAKE_NAME, parseAlpn, SIGNATURE_SCHEME, splitHandshakes, TLS13,
} from './messages';
import { protectRecord, unprotectRecord } from './record';
import { ecdsaSign, ecdsaVerify, verifyChain, type ChainFailureReason } from './x509';

export type Side = 'client' | 'server';

export interface HandshakeOptions {
  /** ClientHello.random and ServerHello.random, 32 bytes each (from the simulation's seed). */
  clientRandom: Uint8Array;
  serverRandom: Uint8Array;
  /** X25519 private keys, 32 bytes each (from the simulation's seed). */
  clientPrivateKey: Uint8Array;
  serverPrivateKey: Uint8Array;
  /** legacy_session_id; 32 bytes in middlebox compatibility mode (§D.4). Default: empty. */
  sessionId?: Uint8Array;
  /** SNI host name; also the name the client checks the leaf certificate against. */
  serverName: string;
  /** Protocols the client offers in ALPN (e.g. ['h2', 'http/1.1']); no extension when absent. */
  alpn?: string[];
  /** Protocols the server accepts, in its order of preference. Default ['h2', 'http/1.1']. */
  serverAlpn?: string[];
  /** The server's certificate_list, leaf first (DER). */
  certificateChain: Uint8Array[];
  /** The leaf's P-256 private key (signs CertificateVerify). */
  certificatePrivateKey: Uint8Array;
  /** The client's trust store (DER roots). */
  trustedRoots: Uint8Array[];
  /** Logical time (unix seconds) for certificate validity. */
  now: number;
  /** Application data, one record per entry (split at 2^14 bytes): client → server first, then server → client. */
  clientData?: Uint8Array[];
  serverData?: Uint8Array[];
  /** Send the change_cipher_spec compatibility records (§D.4). Default true. */
  compatibilityMode?: boolean;
  /** Put EncryptedExtensions..Finished in one record (as RFC 8448 does). Default false: one record per message. */
  coalesceServerFlight?: boolean;
  /** Something goes wrong on purpose, to show what the checks catch. */
  tamper?: 'certificate_verify' | 'server_finished' | 'client_finished' | 'server_record';
}

export interface HandshakeMessage {
  type: number;
  name: string;
  /** Header (type + 24-bit length) and body, as hashed into the transcript. */
  bytes: Uint8Array;
}

export interface WireRecord {
  from: Side;
  label: string;
  /** The record as sent on the wire (5-byte header included). */
  bytes: Uint8Array;
  /** The real content type: 22 handshake, 23 application data, 20 change_cipher_spec, 21 alert. */
  contentType: number;
  encrypted: boolean;
  /** Which traffic keys protect it, and its sequence number under them. */
  protection?: { keys: 'handshake' | 'application'; seq: number };
  /** The content before protection (handshake messages, application bytes, alert). */
  plaintext: Uint8Array;
  messages: HandshakeMessage[];
}

/** Everything one side has derived; fields appear as the side computes them. */
export interface SideSecrets {
  sharedSecret?: Uint8Array;
  earlySecret?: Uint8Array;
  handshakeSecret?: Uint8Array;
  clientHandshakeTrafficSecret?: Uint8Array;
  serverHandshakeTrafficSecret?: Uint8Array;
  clientHandshakeKeys?: TrafficKeys;
  serverHandshakeKeys?: TrafficKeys;
  serverFinishedKey?: Uint8Array;
  clientFinishedKey?: Uint8Array;
  masterSecret?: Uint8Array;
  clientApplicationTrafficSecret0?: Uint8Array;
  serverApplicationTrafficSecret0?: Uint8Array;
  clientApplicationKeys?: TrafficKeys;
  serverApplicationKeys?: TrafficKeys;
  exporterMasterSecret?: Uint8Array;
}

export type SecretName =
  | 'shared_secret' | 'early_secret' | 'handshake_secret' | 'client_handshake_traffic_secret' | 'server_handshake_traffic_secret'
  | 'handshake_keys' | 'master_secret' | 'client_application_traffic_secret_0' | 'server_application_traffic_secret_0'
  | 'application_keys' | 'exporter_master_secret';

/** After a record has been sent and handled by its receiver: the secrets each side can compute by then. */
export interface KnowledgeStep {
  afterRecord: number;
  label: string;
  client: SecretName[];
  server: SecretName[];
}

export type HandshakeFailureReason =
  | 'certificate' | 'bad_certificate_verify' | 'bad_server_finished' | 'bad_client_finished' | 'bad_record_mac'
  | 'unexpected_message' | 'no_application_protocol';

export interface HandshakeFailure {
  /** The side that detected the problem (and sends the alert). */
  side: Side;
  /** Label of the record being handled. */
  at: string;
  reason: HandshakeFailureReason;
  /** For reason 'certificate'. */
  chain?: ChainFailureReason;
  /** RFC 8446 §6 AlertDescription and its name. */
  alert: { description: number; name: string };
  detail: string;
}

export interface HandshakeTrace {
  /** Every record in wire order. */
  records: WireRecord[];
  byDirection: { client: WireRecord[]; server: WireRecord[] };
  client: SideSecrets;
  server: SideSecrets;
  sharedSecret: { client?: Uint8Array; server?: Uint8Array };
  /** NSS key log from the client's secrets (what SSLKEYLOGFILE would hold). */
  keylog: string;
  knowledge: KnowledgeStep[];
  /** The protocol both agreed on with ALPN, if any. */
  alpn?: string;
  /** Application data as each side decrypted it. */
  received: { client: Uint8Array[]; server: Uint8Array[] };
}

export type HandshakeResult = (HandshakeTrace & { ok: true }) | (HandshakeTrace & { ok: false; failure: HandshakeFailure });

const ALERTS = {
  unexpected_message: 10, bad_record_mac: 20, handshake_failure: 40, bad_certificate: 42, certificate_expired: 45,
  illegal_parameter: 47, unknown_ca: 48, decrypt_error: 51, no_application_protocol: 120,
} as const;
type AlertName = keyof typeof ALERTS;

const CHAIN_ALERT: Record<ChainFailureReason, AlertName> = {
  empty_chain: 'bad_certificate', malformed: 'bad_certificate', unsupported_algorithm: 'bad_certificate', host_mismatch: 'bad_certificate',
  not_yet_valid: 'bad_certificate', expired: 'certificate_expired', issuer_mismatch: 'unknown_ca', unknown_issuer: 'unknown_ca',
  not_ca: 'bad_certificate', bad_key_usage: 'bad_certificate', path_too_long: 'bad_certificate', bad_signature: 'bad_certificate',
};

const CCS_RECORD = () => encodeTlsRecord({ type: CT.changeCipherSpec, fragment: Uint8Array.of(1) });

/** §5.1: a record carries at most 2^14 bytes of plaintext, so longer data takes several records. */
function fragments(data: Uint8Array): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let p = 0; p < data.length; p += MAX_PLAINTEXT) out.push(data.subarray(p, p + MAX_PLAINTEXT));
  return out.length ? out : [data];
}
const MAX_PLAINTEXT = 1 << 14;

function flipLast(b: Uint8Array): Uint8Array {
  const c = b.slice();
  c[c.length - 1] ^= 0x01;
  return c;
}

function message(bytes: Uint8Array): HandshakeMessage {
  return { type: bytes[0], name: HANDSHAKE_NAME[bytes[0]] ?? `type ${bytes[0]}`, bytes };
}

function secretNames(s: SideSecrets): SecretName[] {
  const out: SecretName[] = [];
  const add = (cond: unknown, n: SecretName) => { if (cond) out.push(n); };
  add(s.sharedSecret, 'shared_secret');
  add(s.earlySecret, 'early_secret');
  add(s.handshakeSecret, 'handshake_secret');
  add(s.clientHandshakeTrafficSecret, 'client_handshake_traffic_secret');
  add(s.serverHandshakeTrafficSecret, 'server_handshake_traffic_secret');
  add(s.clientHandshakeKeys, 'handshake_keys');
  add(s.masterSecret, 'master_secret');
  add(s.clientApplicationTrafficSecret0, 'client_application_traffic_secret_0');
  add(s.serverApplicationTrafficSecret0, 'server_application_traffic_secret_0');
  add(s.clientApplicationKeys, 'application_keys');
  add(s.exporterMasterSecret, 'exporter_master_secret');
  return out;
}

function storeHandshake(s: SideSecrets, shared: Uint8Array, hs: HandshakeStage) {
  Object.assign(s, {
    sharedSecret: shared, earlySecret: hs.earlySecret, handshakeSecret: hs.handshakeSecret,
    clientHandshakeTrafficSecret: hs.clientHandshakeTrafficSecret, serverHandshakeTrafficSecret: hs.serverHandshakeTrafficSecret,
    clientHandshakeKeys: trafficKeys(hs.clientHandshakeTrafficSecret), serverHandshakeKeys: trafficKeys(hs.serverHandshakeTrafficSecret),
    clientFinishedKey: finishedKey(hs.clientHandshakeTrafficSecret), serverFinishedKey: finishedKey(hs.serverHandshakeTrafficSecret),
  } satisfies SideSecrets);
}

function storeApplication(s: SideSecrets, ap: ApplicationStage) {
  Object.assign(s, {
    masterSecret: ap.masterSecret,
    clientApplicationTrafficSecret0: ap.clientApplicationTrafficSecret0, serverApplicationTrafficSecret0: ap.serverApplicationTrafficSecret0,
    clientApplicationKeys: trafficKeys(ap.clientApplicationTrafficSecret0), serverApplicationKeys: trafficKeys(ap.serverApplicationTrafficSecret0),
    exporterMasterSecret: ap.exporterMasterSecret,
  } satisfies SideSecrets);
}

/** Runs the whole handshake and the application data exchange. Pure and deterministic. */
export function runHandshake(opts: HandshakeOptions): HandshakeResult {
  const compat = opts.compatibilityMode ?? true;
  const records: WireRecord[] = [];
  const knowledge: KnowledgeStep[] = [];
  const client: SideSecrets = {};
  const server: SideSecrets = {};
  const received = { client: [] as Uint8Array[], server: [] as Uint8Array[] };
  const seq = { client: { handshake: 0, application: 0 }, server: { handshake: 0, application: 0 } };
  let alpn: string | undefined;

  const emit = (r: Omit<WireRecord, 'messages'> & { messages?: HandshakeMessage[] }) => {
    records.push({ ...r, messages: r.messages ?? [] });
  };
  const note = () => {
    const last = records[records.length - 1];
    knowledge.push({ afterRecord: records.length - 1, label: last.label, client: secretNames(client), server: secretNames(server) });
  };
  /** Protects content under a side's current write keys and appends the record. */
  const sendProtected = (from: Side, phase: 'handshake' | 'application', type: number, content: Uint8Array, label: string) => {
    const s = from === 'client' ? client : server;
    const keys = phase === 'handshake'
      ? (from === 'client' ? s.clientHandshakeKeys : s.serverHandshakeKeys)
      : (from === 'client' ? s.clientApplicationKeys : s.serverApplicationKeys);
    if (!keys) throw new Error(`handshake: ${from} has no ${phase} keys yet`);
    const n = seq[from][phase]++;
    const messages = type === CT.handshake ? splitHandshakes(content).map((m) => message(m.bytes)) : [];
    emit({ from, label, bytes: protectRecord(keys, n, type, content), contentType: type, encrypted: true, protection: { keys: phase, seq: n }, plaintext: content, messages });
  };
  const finish = (failure?: HandshakeFailure): HandshakeResult => {
    const trace: HandshakeTrace = {
      records,
      byDirection: { client: records.filter((r) => r.from === 'client'), server: records.filter((r) => r.from === 'server') },
      client, server,
      sharedSecret: { client: client.sharedSecret, server: server.sharedSecret },
      keylog: nssKeyLog(opts.clientRandom, client),
      knowledge, alpn, received,
    };
    return failure ? { ...trace, ok: false, failure } : { ...trace, ok: true };
  };
  /** The detecting side sends a fatal alert (§6.2) under its current write keys, then the run ends. */
  const fail = (side: Side, at: string, reason: HandshakeFailureReason, alertName: AlertName, detail: string, chain?: ChainFailureReason): HandshakeResult => {
    const alertBody = Uint8Array.of(2, ALERTS[alertName]);
    const s = side === 'client' ? client : server;
    const phase = side === 'server' && s.serverApplicationKeys ? 'application' : 'handshake';
    const hasKeys = side === 'client' ? client.clientHandshakeKeys : server.serverHandshakeKeys;
    if (hasKeys) sendProtected(side, phase, CT.alert, alertBody, `Alert: ${alertName}`);
    else emit({ from: side, label: `Alert: ${alertName}`, bytes: encodeTlsRecord({ type: CT.alert, fragment: alertBody }), contentType: CT.alert, encrypted: false, plaintext: alertBody });
    note();
    return finish({ side, at, reason, ...(chain ? { chain } : {}), alert: { description: ALERTS[alertName], name: alertName }, detail });
  };

  // ---- client: ClientHello (§4.1.2)
  const clientPublic = x25519PublicKey(opts.clientPrivateKey);
  const clientExtensions: TlsExtension[] = [
    ext.serverName(opts.serverName),
    ext.supportedGroups([GROUP.x25519]),
    ext.signatureAlgorithms([SIGNATURE_SCHEME.ecdsa_secp256r1_sha256, SIGNATURE_SCHEME.rsa_pss_rsae_sha256]),
    ...(opts.alpn?.length ? [ext.alpn(opts.alpn)] : []),
    ext.keyShare([{ group: GROUP.x25519, keyExchange: clientPublic }]),
    ext.supportedVersions([TLS13]),
    ext.pskKeyExchangeModes([1]),
  ];
  const clientHello = encodeClientHello({
    random: opts.clientRandom, sessionId: opts.sessionId, cipherSuites: [CIPHER_SUITE.TLS_AES_128_GCM_SHA256], extensions: clientExtensions,
  });
  client.earlySecret = earlySecret();
  emit({ from: 'client', label: 'ClientHello', bytes: encodeTlsRecord({ type: CT.handshake, version: 0x0301, fragment: clientHello }), contentType: CT.handshake, encrypted: false, plaintext: clientHello, messages: [message(clientHello)] });
  note(); // the server has yet to process it

  // ---- server: reads the ClientHello, answers with ServerHello (§4.1.3)
  const ch = decodeClientHello(clientHello);
  const offeredShare = ch.extensions.flatMap((e) => (e.type === 'key_share' ? e.shares : [])).find((s) => s.group === GROUP.x25519);
  if (!offeredShare || !ch.cipherSuites.includes(CIPHER_SUITE.TLS_AES_128_GCM_SHA256)) {
    return fail('server', 'ClientHello', 'unexpected_message', 'handshake_failure', 'no x25519 key share or no TLS_AES_128_GCM_SHA256');
  }
  const offeredAlpn = extensionData(ch.extensions, 16);
  if (offeredAlpn) {
    const wanted = parseAlpn(offeredAlpn);
    alpn = (opts.serverAlpn ?? ['h2', 'http/1.1']).find((p) => wanted.includes(p));
    if (!alpn) return fail('server', 'ClientHello', 'no_application_protocol', 'no_application_protocol', `none of [${wanted.join(', ')}] is served`);
  }
  const serverPublic = x25519PublicKey(opts.serverPrivateKey);
  const serverHello = encodeServerHello({
    random: opts.serverRandom, sessionId: ch.sessionId, cipherSuite: CIPHER_SUITE.TLS_AES_128_GCM_SHA256,
    extensions: [ext.keyShare([{ group: GROUP.x25519, keyExchange: serverPublic }]), ext.supportedVersions([TLS13])],
  });
  const serverShared = x25519SharedSecret(opts.serverPrivateKey, offeredShare.keyExchange);
  const sHs = handshakeStage(serverShared, transcriptHash(clientHello, serverHello));
  storeHandshake(server, serverShared, sHs);
  emit({ from: 'server', label: 'ServerHello', bytes: encodeTlsRecord({ type: CT.handshake, fragment: serverHello }), contentType: CT.handshake, encrypted: false, plaintext: serverHello, messages: [message(serverHello)] });

  // ---- client: reads the ServerHello, derives the handshake keys (§7.1)
  const sh = decodeServerHello(serverHello);
  const chosen = sh.extensions.flatMap((e) => (e.type === 'key_share' ? e.shares : []))[0];
  const version = sh.extensions.find((e) => e.type === 'supported_versions');
  if (!chosen || chosen.group !== GROUP.x25519 || sh.cipherSuite !== CIPHER_SUITE.TLS_AES_128_GCM_SHA256 || !version || version.type !== 'supported_versions' || version.versions[0] !== TLS13) {
    return fail('client', 'ServerHello', 'unexpected_message', 'illegal_parameter', 'ServerHello does not select TLS 1.3, x25519, TLS_AES_128_GCM_SHA256');
  }
  const clientShared = x25519SharedSecret(opts.clientPrivateKey, chosen.keyExchange);
  const cHs = handshakeStage(clientShared, transcriptHash(clientHello, serverHello));
  storeHandshake(client, clientShared, cHs);
  note();
  if (compat) {
    emit({ from: 'server', label: 'ChangeCipherSpec', bytes: CCS_RECORD(), contentType: CT.changeCipherSpec, encrypted: false, plaintext: Uint8Array.of(1) });
    note();
  }

  // ---- server: EncryptedExtensions, Certificate, CertificateVerify, Finished (§4.3.1, §4.4)
  const encryptedExtensions = encodeEncryptedExtensions([ext.serverNameAck(), ...(alpn ? [ext.alpn([alpn])] : [])]);
  const certificate = encodeCertificate(opts.certificateChain.map((cert) => ({ cert })));
  let signature = ecdsaSign(certificateVerifyContent('server', transcriptHash(clientHello, serverHello, encryptedExtensions, certificate)), opts.certificatePrivateKey);
  if (opts.tamper === 'certificate_verify') signature = flipLast(signature);
  const certificateVerify = encodeCertificateVerify(SIGNATURE_SCHEME.ecdsa_secp256r1_sha256, signature);
  let serverVerify = finishedVerifyData(sHs.serverHandshakeTrafficSecret, transcriptHash(clientHello, serverHello, encryptedExtensions, certificate, certificateVerify));
  if (opts.tamper === 'server_finished') serverVerify = flipLast(serverVerify);
  const serverFinished = encodeFinished(serverVerify);
  storeApplication(server, applicationStage(sHs.handshakeSecret, transcriptHash(clientHello, serverHello, encryptedExtensions, certificate, certificateVerify, serverFinished)));
  const flight: [string, Uint8Array][] = opts.coalesceServerFlight
    ? [['EncryptedExtensions, Certificate, CertificateVerify, Finished', concat(encryptedExtensions, certificate, certificateVerify, serverFinished)]]
    : [['EncryptedExtensions', encryptedExtensions], ['Certificate', certificate], ['CertificateVerify', certificateVerify], ['Finished', serverFinished]];

  // ---- client: decrypts and checks each server record as it arrives
  const transcript: Uint8Array[] = [clientHello, serverHello];
  let clientSeqIn = 0;
  let leafPublicKey: Uint8Array | undefined;
  for (const [label, content] of flight) {
    sendProtected('server', 'handshake', CT.handshake, content, label);
    const rec = records[records.length - 1];
    if (opts.tamper === 'server_record' && rec.protection!.seq === 0) rec.bytes = flipLast(rec.bytes);
    const opened = unprotectRecord(client.serverHandshakeKeys!, clientSeqIn++, rec.bytes);
    if (!opened.ok) return fail('client', label, 'bad_record_mac', 'bad_record_mac', `cannot decrypt ${label}: ${opened.reason}`);
    if (opened.type !== CT.handshake) return fail('client', label, 'unexpected_message', 'unexpected_message', `content type ${opened.type}`);
    for (const m of splitHandshakes(opened.content)) {
      const hashBefore = transcriptHash(...transcript);
      transcript.push(m.bytes);
      if (m.msgType === 8) {
        const exts = decodeEncryptedExtensions(m.bytes);
        const sel = extensionData(exts, 16);
        if (sel) alpn = parseAlpn(sel)[0];
      } else if (m.msgType === 11) {
        const chain = decodeCertificate(m.bytes).entries.map((e) => e.cert);
        const verdict = verifyChain(chain, { roots: opts.trustedRoots, host: opts.serverName, now: opts.now });
        if (!verdict.ok) return fail('client', label, 'certificate', CHAIN_ALERT[verdict.reason], verdict.detail, verdict.reason);
        leafPublicKey = verdict.path[0].publicKey;
      } else if (m.msgType === 15) {
        const cv = decodeCertificateVerify(m.bytes);
        if (!leafPublicKey) return fail('client', label, 'unexpected_message', 'unexpected_message', 'CertificateVerify before Certificate');
        const good = cv.scheme === SIGNATURE_SCHEME.ecdsa_secp256r1_sha256
          && ecdsaVerify(cv.signature, certificateVerifyContent('server', hashBefore), leafPublicKey);
        if (!good) return fail('client', label, 'bad_certificate_verify', 'decrypt_error', 'the CertificateVerify signature does not verify with the leaf key');
      } else if (m.msgType === 20) {
        if (!leafPublicKey) return fail('client', label, 'unexpected_message', 'unexpected_message', 'Finished before the server authenticated');
        const expected = finishedVerifyData(client.serverHandshakeTrafficSecret!, hashBefore);
        if (!bytesEqual(decodeFinished(m.bytes), expected)) return fail('client', label, 'bad_server_finished', 'decrypt_error', 'the server Finished MAC does not match the transcript');
        storeApplication(client, applicationStage(cHs.handshakeSecret, transcriptHash(...transcript)));
      } else {
        return fail('client', label, 'unexpected_message', 'unexpected_message', `handshake type ${m.msgType}`);
      }
    }
    note();
  }

  // ---- client: ChangeCipherSpec (compat) and Finished under its handshake keys
  if (compat) {
    emit({ from: 'client', label: 'ChangeCipherSpec', bytes: CCS_RECORD(), contentType: CT.changeCipherSpec, encrypted: false, plaintext: Uint8Array.of(1) });
    note();
  }
  let clientVerify = finishedVerifyData(client.clientHandshakeTrafficSecret!, transcriptHash(...transcript));
  if (opts.tamper === 'client_finished') clientVerify = flipLast(clientVerify);
  const clientFinished = encodeFinished(clientVerify);
  sendProtected('client', 'handshake', CT.handshake, clientFinished, 'Finished');

  // ---- server: checks the client Finished
  {
    const rec = records[records.length - 1];
    const opened = unprotectRecord(server.clientHandshakeKeys!, 0, rec.bytes);
    if (!opened.ok) return fail('server', 'Finished', 'bad_record_mac', 'bad_record_mac', `cannot decrypt the client Finished: ${opened.reason}`);
    const expected = finishedVerifyData(server.clientHandshakeTrafficSecret!, transcriptHash(clientHello, serverHello, encryptedExtensions, certificate, certificateVerify, serverFinished));
    if (!bytesEqual(decodeFinished(opened.content), expected)) return fail('server', 'Finished', 'bad_client_finished', 'decrypt_error', 'the client Finished MAC does not match the transcript');
    note();
  }

  // ---- application data, each record decrypted by the receiver with its own keys (§5.2)
  const deliver = (from: Side, data: Uint8Array) => {
    sendProtected(from, 'application', CT.applicationData, data, 'Application Data');
    const rec = records[records.length - 1];
    const receiver = from === 'client' ? server : client;
    const keys = from === 'client' ? receiver.clientApplicationKeys! : receiver.serverApplicationKeys!;
    const opened = unprotectRecord(keys, rec.protection!.seq, rec.bytes);
    if (!opened.ok || opened.type !== CT.applicationData) return false;
    received[from === 'client' ? 'server' : 'client'].push(opened.content);
    note();
    return true;
  };
  for (const d of (opts.clientData ?? []).flatMap(fragments)) if (!deliver('client', d)) return fail('server', 'Application Data', 'bad_record_mac', 'bad_record_mac', 'cannot decrypt client data');
  for (const d of (opts.serverData ?? []).flatMap(fragments)) if (!deliver('server', d)) return fail('client', 'Application Data', 'bad_record_mac', 'bad_record_mac', 'cannot decrypt server data');
  return finish();
}
