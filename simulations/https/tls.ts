/**
 * What a TLS run looks like to the rest of the site, whatever the version: the
 * records in wire order (each with its bytes and what it protects), what each side
 * can compute after each record, both sides' secrets, the NSS key log, and how it
 * failed if it did. `runTls13` (RFC 8446) and `runTls12` (RFC 5246) produce it.
 */
import { createRandom } from '../core/random';
import type { Side } from './transport';

export interface TlsRecordInfo {
  from: Side;
  /** "ClientHello", "Certificate", "Application Data", "Alert: close_notify"… */
  label: string;
  /** The record as sent (5-byte header included). */
  bytes: Uint8Array;
  encrypted: boolean;
  /** The real content type: 22 handshake, 23 application data, 20 change_cipher_spec, 21 alert. */
  contentType: number;
  /** The content before protection. */
  plaintext: Uint8Array;
}

/** A secret of one side, by a stable name (see SECRET_ORDER_13 / SECRET_ORDER_12). */
export type SecretTable = Record<string, Uint8Array>;

export interface TlsKnowledge {
  /** After this record has been sent and read by its receiver. */
  afterRecord: number;
  client: string[];
  server: string[];
}

export interface TlsFailure {
  side: Side;
  alert: { description: number; name: string };
  /** `tls13/x509` ChainFailureReason when the certificate was refused. */
  chain?: string;
  detail: string;
  /** Index of the alert record. */
  alertRecord: number;
}

export interface TlsRun {
  version: '1.3' | '1.2';
  records: TlsRecordInfo[];
  knowledge: TlsKnowledge[];
  secrets: { client: SecretTable; server: SecretTable };
  /** The (EC)DHE output each side computed: equal when both did. */
  sharedSecret: { client?: Uint8Array; server?: Uint8Array };
  keylog: string;
  alpn?: string;
  clientRandom: Uint8Array;
  /** Index of the request and response records, when application data flowed. */
  request?: number;
  response?: number;
  failure?: TlsFailure;
}

/** What the caller of a TLS run decides. */
export interface TlsRunOptions {
  seed: number;
  serverName: string;
  /** ALPN offered by the client, e.g. ['h2', 'http/1.1']. */
  alpn: string[];
  cert: import('./pki').CertCase;
  /** Application bytes: the client's request, the server's response. */
  request: Uint8Array;
  response: Uint8Array;
  /**
   * Optional: the application data as several records each way (one entry per record, e.g.
   * kept under an MSS so one record is one segment); when given, used instead of
   * `request` / `response`.
   */
  clientData?: Uint8Array[];
  serverData?: Uint8Array[];
  /**
   * Optional: the server's chain and key, when several connections to one server must show
   * the same certificate (default: `serverPki(serverName, cert, seed)`).
   */
  pki?: import('./pki').ServerPki;
}

/** 32 bytes from the seed, one independent stream per label. */
export function seeded32(seed: number, label: string): Uint8Array {
  const r = createRandom(seed).fork(`tls:${label}`);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i += 4) {
    const x = r.u32();
    out[i] = x >>> 24; out[i + 1] = (x >>> 16) & 0xff; out[i + 2] = (x >>> 8) & 0xff; out[i + 3] = x & 0xff;
  }
  return out;
}

/** The knowledge entry in force after record `i` (the last one at or before it). */
export function knowledgeAt(run: TlsRun, i: number): TlsKnowledge | undefined {
  let k: TlsKnowledge | undefined;
  for (const e of run.knowledge) if (e.afterRecord <= i) k = e;
  return k;
}

export const ALERT_NAMES: Record<number, string> = { 0: 'close_notify', 42: 'bad_certificate', 45: 'certificate_expired', 48: 'unknown_ca' };
