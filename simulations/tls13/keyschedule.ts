/**
 * The TLS 1.3 key schedule (RFC 8446 §7.1) for TLS_AES_128_GCM_SHA256 with
 * (EC)DHE and no PSK, the traffic keys (§7.3) and Finished (§4.4.4).
 * Pure and synchronous: SHA-256, HMAC and HKDF come from @noble/hashes.
 */
import { expand, extract } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { asciiEncode, concat } from '../wire/bytes';

/** Hash.length for SHA-256. */
export const HASH_LENGTH = 32;
/** AES-128-GCM key and IV (nonce) lengths, §7.3 and RFC 5116. */
export const KEY_LENGTH = 16;
export const IV_LENGTH = 12;

export function sha256Hash(data: Uint8Array): Uint8Array {
  return sha256(data);
}

/** RFC 5869 §2.2: HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM). An empty salt means HashLen zeros. */
export function hkdfExtract(salt: Uint8Array, ikm: Uint8Array): Uint8Array {
  return extract(sha256, ikm, salt.length ? salt : new Uint8Array(HASH_LENGTH));
}

/** RFC 5869 §2.3: HKDF-Expand(PRK, info, L). */
export function hkdfExpand(prk: Uint8Array, info: Uint8Array, length: number): Uint8Array {
  return expand(sha256, prk, info, length);
}

/**
 * §7.1 HkdfLabel: uint16 length, opaque label<7..255> = "tls13 " + Label,
 * opaque context<0..255>.
 */
export function hkdfLabel(label: string, context: Uint8Array, length: number): Uint8Array {
  const full = asciiEncode('tls13 ' + label);
  if (full.length > 255 || context.length > 255) throw new Error('HkdfLabel: label or context too long');
  return concat(Uint8Array.of(length >> 8, length & 0xff, full.length), full, Uint8Array.of(context.length), context);
}

/** §7.1 HKDF-Expand-Label(Secret, Label, Context, Length). */
export function hkdfExpandLabel(secret: Uint8Array, label: string, context: Uint8Array, length: number): Uint8Array {
  return hkdfExpand(secret, hkdfLabel(label, context, length), length);
}

/** §4.4.1 Transcript-Hash(M1 ... Mn): SHA-256 over the handshake messages (4-byte header included, no record headers). */
export function transcriptHash(...messages: Uint8Array[]): Uint8Array {
  return sha256(concat(...messages));
}

/** §7.1 Derive-Secret(Secret, Label, Messages) = HKDF-Expand-Label(Secret, Label, Transcript-Hash(Messages), Hash.length). */
export function deriveSecret(secret: Uint8Array, label: string, messages: Uint8Array[]): Uint8Array {
  return hkdfExpandLabel(secret, label, transcriptHash(...messages), HASH_LENGTH);
}

/** Derive-Secret with an already computed transcript hash. */
export function deriveSecretFromHash(secret: Uint8Array, label: string, hash: Uint8Array): Uint8Array {
  return hkdfExpandLabel(secret, label, hash, HASH_LENGTH);
}

export interface TrafficKeys {
  key: Uint8Array;
  iv: Uint8Array;
}

/** §7.3: [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length); [sender]_write_iv likewise with "iv". */
export function trafficKeys(secret: Uint8Array): TrafficKeys {
  return {
    key: hkdfExpandLabel(secret, 'key', new Uint8Array(0), KEY_LENGTH),
    iv: hkdfExpandLabel(secret, 'iv', new Uint8Array(0), IV_LENGTH),
  };
}

/** §4.4.4: finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length). */
export function finishedKey(baseKey: Uint8Array): Uint8Array {
  return hkdfExpandLabel(baseKey, 'finished', new Uint8Array(0), HASH_LENGTH);
}

/** §4.4.4: verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*)). */
export function finishedVerifyData(baseKey: Uint8Array, transcript: Uint8Array): Uint8Array {
  return hmac(sha256, finishedKey(baseKey), transcript);
}

/** Constant-shape comparison of two byte strings (no early exit on the first difference). */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

/** The secrets of §7.1 down to the handshake traffic secrets. */
export interface HandshakeStage {
  /** HKDF-Extract(0, 0): no PSK, so the IKM is Hash.length zeros. */
  earlySecret: Uint8Array;
  /** Derive-Secret(early_secret, "derived", ""). */
  derivedEarly: Uint8Array;
  /** HKDF-Extract(derived, (EC)DHE shared secret). */
  handshakeSecret: Uint8Array;
  /** Transcript-Hash(ClientHello...ServerHello). */
  helloHash: Uint8Array;
  clientHandshakeTrafficSecret: Uint8Array;
  serverHandshakeTrafficSecret: Uint8Array;
}

/** The secrets of §7.1 from the master secret on. */
export interface ApplicationStage {
  /** Derive-Secret(handshake_secret, "derived", ""). */
  derivedHandshake: Uint8Array;
  /** HKDF-Extract(derived, 0). */
  masterSecret: Uint8Array;
  /** Transcript-Hash(ClientHello...server Finished). */
  serverFinishedHash: Uint8Array;
  clientApplicationTrafficSecret0: Uint8Array;
  serverApplicationTrafficSecret0: Uint8Array;
  /** Derive-Secret(master, "exp master", ClientHello...server Finished). */
  exporterMasterSecret: Uint8Array;
}

const ZEROS = new Uint8Array(HASH_LENGTH);
const EMPTY_HASH = sha256(new Uint8Array(0));

/** §7.1: early_secret = HKDF-Extract(0, PSK) with no PSK, so both are Hash.length zeros. */
export function earlySecret(): Uint8Array {
  return hkdfExtract(ZEROS, ZEROS);
}

/** §7.1, top half: from the (EC)DHE shared secret and the hello transcript hash. */
export function handshakeStage(sharedSecret: Uint8Array, helloHash: Uint8Array): HandshakeStage {
  const earlySecret = hkdfExtract(ZEROS, ZEROS);
  const derivedEarly = deriveSecretFromHash(earlySecret, 'derived', EMPTY_HASH);
  const handshakeSecret = hkdfExtract(derivedEarly, sharedSecret);
  return {
    earlySecret, derivedEarly, handshakeSecret, helloHash,
    clientHandshakeTrafficSecret: deriveSecretFromHash(handshakeSecret, 'c hs traffic', helloHash),
    serverHandshakeTrafficSecret: deriveSecretFromHash(handshakeSecret, 's hs traffic', helloHash),
  };
}

/** §7.1, bottom half: from the handshake secret and the transcript hash through the server Finished. */
export function applicationStage(handshakeSecret: Uint8Array, serverFinishedHash: Uint8Array): ApplicationStage {
  const derivedHandshake = deriveSecretFromHash(handshakeSecret, 'derived', EMPTY_HASH);
  const masterSecret = hkdfExtract(derivedHandshake, ZEROS);
  return {
    derivedHandshake, masterSecret, serverFinishedHash,
    clientApplicationTrafficSecret0: deriveSecretFromHash(masterSecret, 'c ap traffic', serverFinishedHash),
    serverApplicationTrafficSecret0: deriveSecretFromHash(masterSecret, 's ap traffic', serverFinishedHash),
    exporterMasterSecret: deriveSecretFromHash(masterSecret, 'exp master', serverFinishedHash),
  };
}

/** §7.1: resumption_master_secret = Derive-Secret(master, "res master", ClientHello...client Finished). */
export function resumptionMasterSecret(masterSecret: Uint8Array, clientFinishedHash: Uint8Array): Uint8Array {
  return deriveSecretFromHash(masterSecret, 'res master', clientFinishedHash);
}
