import { describe, expect, it } from 'vitest';
import { concat, fromHex, toHex } from '../wire/bytes';
import { finishedVerifyData, trafficKeys, transcriptHash } from './keyschedule';
import { encodeFinished } from './messages';
import {
  aesGcmOpen, aesGcmSeal, decodeInnerPlaintext, encodeInnerPlaintext, protectRecord, recordNonce, unprotectRecord,
} from './record';
import * as V from './rfc8448.fixture';

describe('AES-128-GCM (McGrew & Viega, "The GCM Mode of Operation", test case 4)', () => {
  const key = fromHex('feffe9928665731c6d6a8f9467308308');
  const iv = fromHex('cafebabefacedbaddecaf888');
  const aad = fromHex('feedfacedeadbeeffeedfacedeadbeefabaddad2');
  const pt = fromHex(
    'd9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39');
  const sealed =
    '42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091' +
    '5bc94fbc3221a5db94fae95ae7121a47';
  it('seals to the published ciphertext and tag', () => {
    expect(toHex(aesGcmSeal(key, iv, aad, pt))).toBe(sealed);
  });
  it('opens it again, and refuses a flipped tag bit', () => {
    expect(toHex(aesGcmOpen(key, iv, aad, fromHex(sealed))!)).toBe(toHex(pt));
    const bad = fromHex(sealed);
    bad[bad.length - 1] ^= 1;
    expect(aesGcmOpen(key, iv, aad, bad)).toBeNull();
  });
});

describe('TLSInnerPlaintext and the per-record nonce (RFC 8446 §5.3, §5.4)', () => {
  it('appends the type and zero padding, and strips them again', () => {
    const inner = encodeInnerPlaintext(fromHex('aabb'), 23, 3);
    expect(toHex(inner)).toBe('aabb17000000');
    expect(decodeInnerPlaintext(inner)).toEqual({ content: fromHex('aabb'), type: 23, padding: 3 });
    expect(decodeInnerPlaintext(new Uint8Array(4))).toBeNull();
  });
  it('XORs the big-endian 64-bit sequence number into the low bytes of the IV', () => {
    const iv = fromHex('000102030405060708090a0b');
    expect(toHex(recordNonce(iv, 0))).toBe('000102030405060708090a0b');
    expect(toHex(recordNonce(iv, 1))).toBe('000102030405060708090a0a');
    expect(toHex(recordNonce(iv, 0x0102030405))).toBe('0001020304050606' + '0a0a0e0e');
    expect(toHex(recordNonce(iv, 2 ** 40))).toBe('000102030405070708090a0b');
  });
});

describe('RFC 8448 §3 records', () => {
  const serverHs = trafficKeys(fromHex(V.SERVER_HS_TRAFFIC));
  const clientHs = trafficKeys(fromHex(V.CLIENT_HS_TRAFFIC));
  const clientAp = trafficKeys(fromHex(V.CLIENT_AP_TRAFFIC));
  const serverAp = trafficKeys(fromHex(V.SERVER_AP_TRAFFIC));
  const flight = concat(...[V.ENCRYPTED_EXTENSIONS, V.CERTIFICATE, V.CERTIFICATE_VERIFY, V.SERVER_FINISHED].map(fromHex));
  const appData = Uint8Array.from({ length: 50 }, (_, i) => i);

  it('protects the server handshake flight (EE, Certificate, CertificateVerify, Finished) to the RFC record', () => {
    expect(flight.length).toBe(657);
    expect(toHex(protectRecord(serverHs, 0, 22, flight))).toBe(V.SERVER_FLIGHT_RECORD);
  });

  it('unprotects the RFC server flight record back to the handshake messages', () => {
    const r = unprotectRecord(serverHs, 0, fromHex(V.SERVER_FLIGHT_RECORD));
    expect(r).toMatchObject({ ok: true, type: 22, padding: 0 });
    expect(r.ok && toHex(r.content)).toBe(toHex(flight));
  });

  it('protects the client Finished and both application data records', () => {
    // the client Finished computed from the transcript (§4.4.4), then protected, is the RFC record
    const th = transcriptHash(fromHex(V.CLIENT_HELLO), fromHex(V.SERVER_HELLO), flight);
    const fin = encodeFinished(finishedVerifyData(fromHex(V.CLIENT_HS_TRAFFIC), th));
    expect(toHex(protectRecord(clientHs, 0, 22, fin))).toBe(V.CLIENT_FINISHED_RECORD);
    const clientFinished = unprotectRecord(clientHs, 0, fromHex(V.CLIENT_FINISHED_RECORD));
    expect(clientFinished.ok && clientFinished.type).toBe(22);
    expect(clientFinished.ok && toHex(clientFinished.content).slice(0, 8)).toBe('14000020');
    expect(clientFinished.ok && toHex(protectRecord(clientHs, 0, 22, clientFinished.content))).toBe(V.CLIENT_FINISHED_RECORD);
    expect(toHex(protectRecord(clientAp, 0, 23, appData))).toBe(V.CLIENT_APP_RECORD);
    // the server's first application-key record was the NewSessionTicket (sequence 0)
    expect(toHex(protectRecord(serverAp, 1, 23, appData))).toBe(V.SERVER_APP_RECORD);
  });

  it('fails with bad_record_mac when any byte changes, or with the wrong sequence number', () => {
    const rec = fromHex(V.CLIENT_APP_RECORD);
    for (const at of [0 + 5, 20, rec.length - 1]) {
      const bad = rec.slice();
      bad[at] ^= 0x40;
      expect(unprotectRecord(clientAp, 0, bad)).toEqual({ ok: false, reason: 'bad_record_mac' });
    }
    const badHeader = rec.slice();
    badHeader[2] = 0x01; // the header is the additional data
    expect(unprotectRecord(clientAp, 0, badHeader)).toEqual({ ok: false, reason: 'bad_record_mac' });
    expect(unprotectRecord(clientAp, 1, rec)).toEqual({ ok: false, reason: 'bad_record_mac' });
    expect(unprotectRecord(clientAp, 0, rec.subarray(0, 40))).toEqual({ ok: false, reason: 'bad_length' });
  });
});
