/**
 * TLS 1.3 record protection (RFC 8446 §5.2-§5.4) with AES-128-GCM:
 * TLSInnerPlaintext = content || type || zeros, per-record nonce from the
 * write IV and the 64-bit sequence number, the record header as AAD.
 */
import { gcm } from '@noble/ciphers/aes.js';
import { encodeTlsRecord, TLS_CONTENT_TYPE } from '../wire/tls';
import { IV_LENGTH, type TrafficKeys } from './keyschedule';

/** AES-GCM authentication tag length (RFC 5116 §5.1). */
export const TAG_LENGTH = 16;
/** §5.2: TLSCiphertext.length must not exceed 2^14 + 256. */
export const MAX_CIPHERTEXT = (1 << 14) + 256;

/** §5.4: content, then the real content type, then zero padding. */
export function encodeInnerPlaintext(content: Uint8Array, type: number, padding = 0): Uint8Array {
  const out = new Uint8Array(content.length + 1 + padding);
  out.set(content, 0);
  out[content.length] = type;
  return out;
}

/** §5.4: strips the zero padding; the last non-zero byte is the content type. Null when all bytes are zero. */
export function decodeInnerPlaintext(inner: Uint8Array): { content: Uint8Array; type: number; padding: number } | null {
  let i = inner.length - 1;
  while (i >= 0 && inner[i] === 0) i--;
  if (i < 0) return null;
  return { content: inner.slice(0, i), type: inner[i], padding: inner.length - 1 - i };
}

/** §5.3: the 64-bit sequence number, left-padded to iv_length and XORed with the write IV. */
export function recordNonce(iv: Uint8Array, seq: number): Uint8Array {
  if (iv.length !== IV_LENGTH) throw new Error('record: IV must be 12 bytes');
  if (!Number.isSafeInteger(seq) || seq < 0) throw new Error(`record: bad sequence number ${seq}`);
  const nonce = iv.slice();
  let n = seq;
  for (let i = IV_LENGTH - 1; i >= IV_LENGTH - 8; i--) {
    nonce[i] ^= n % 256;
    n = Math.floor(n / 256);
  }
  return nonce;
}

/** §5.2: additional_data = opaque_type || legacy_record_version || length (of the ciphertext with tag). */
export function recordAad(ciphertextLength: number): Uint8Array {
  return Uint8Array.of(TLS_CONTENT_TYPE.applicationData, 0x03, 0x03, ciphertextLength >> 8, ciphertextLength & 0xff);
}

/** AES-128-GCM seal: ciphertext || tag. */
export function aesGcmSeal(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return gcm(key, nonce, aad).encrypt(plaintext);
}

/** AES-128-GCM open; null when the tag does not verify. */
export function aesGcmOpen(key: Uint8Array, nonce: Uint8Array, aad: Uint8Array, sealed: Uint8Array): Uint8Array | null {
  try {
    return gcm(key, nonce, aad).decrypt(sealed);
  } catch {
    return null;
  }
}

/**
 * Protects one record: returns the whole TLSCiphertext (5-byte header
 * 17 03 03 length, then encrypted_record). `type` is the real content type.
 */
export function protectRecord(keys: TrafficKeys, seq: number, type: number, content: Uint8Array, padding = 0): Uint8Array {
  const inner = encodeInnerPlaintext(content, type, padding);
  const length = inner.length + TAG_LENGTH;
  if (length > MAX_CIPHERTEXT) throw new Error('record: ciphertext too long');
  const sealed = aesGcmSeal(keys.key, recordNonce(keys.iv, seq), recordAad(length), inner);
  return encodeTlsRecord({ type: TLS_CONTENT_TYPE.applicationData, version: 0x0303, fragment: sealed });
}

export type UnprotectResult =
  | { ok: true; type: number; content: Uint8Array; padding: number }
  | { ok: false; reason: 'not_application_data' | 'bad_length' | 'bad_record_mac' | 'no_content_type' };

/** Reverses protectRecord for one whole record (header included). Failures are results, not exceptions. */
export function unprotectRecord(keys: TrafficKeys, seq: number, record: Uint8Array): UnprotectResult {
  if (record.length < 5 || record[0] !== TLS_CONTENT_TYPE.applicationData) return { ok: false, reason: 'not_application_data' };
  const length = (record[3] << 8) | record[4];
  if (record.length !== 5 + length || length < TAG_LENGTH + 1 || length > MAX_CIPHERTEXT) return { ok: false, reason: 'bad_length' };
  const inner = aesGcmOpen(keys.key, recordNonce(keys.iv, seq), record.subarray(0, 5), record.subarray(5));
  if (!inner) return { ok: false, reason: 'bad_record_mac' };
  const decoded = decodeInnerPlaintext(inner);
  if (!decoded) return { ok: false, reason: 'no_content_type' };
  return { ok: true, ...decoded };
}
