import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../wire/bytes';
import {
  applicationStage, finishedKey, finishedVerifyData, handshakeStage, hkdfExpand, hkdfExpandLabel, hkdfExtract, hkdfLabel,
  trafficKeys, transcriptHash,
} from './keyschedule';
import * as V from './rfc8448.fixture';

describe('HKDF (RFC 5869 appendix A.1, test case 1: SHA-256)', () => {
  const ikm = fromHex('0b'.repeat(22));
  const salt = fromHex('000102030405060708090a0b0c');
  const info = fromHex('f0f1f2f3f4f5f6f7f8f9');
  it('extracts the PRK', () => {
    expect(toHex(hkdfExtract(salt, ikm))).toBe('077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5');
  });
  it('expands to the 42-byte OKM', () => {
    expect(toHex(hkdfExpand(hkdfExtract(salt, ikm), info, 42))).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });
});

describe('HkdfLabel (RFC 8446 §7.1)', () => {
  it('encodes length, "tls13 " + label and context', () => {
    expect(toHex(hkdfLabel('key', new Uint8Array(0), 16))).toBe('001009746c733133206b657900');
  });
});

describe('RFC 8448 §3 key schedule', () => {
  const clientHello = fromHex(V.CLIENT_HELLO);
  const serverHello = fromHex(V.SERVER_HELLO);

  it('x25519: the RFC private keys give the RFC public keys and shared secret, on both sides', () => {
    expect(toHex(x25519.getPublicKey(fromHex(V.CLIENT_PRIVATE)))).toBe(V.CLIENT_PUBLIC);
    expect(toHex(x25519.getPublicKey(fromHex(V.SERVER_PRIVATE)))).toBe(V.SERVER_PUBLIC);
    expect(toHex(x25519.getSharedSecret(fromHex(V.CLIENT_PRIVATE), fromHex(V.SERVER_PUBLIC)))).toBe(V.SHARED_SECRET);
    expect(toHex(x25519.getSharedSecret(fromHex(V.SERVER_PRIVATE), fromHex(V.CLIENT_PUBLIC)))).toBe(V.SHARED_SECRET);
  });

  it('derives the early, handshake and handshake traffic secrets', () => {
    const hs = handshakeStage(fromHex(V.SHARED_SECRET), transcriptHash(clientHello, serverHello));
    expect(toHex(hs.helloHash)).toBe(V.HELLO_HASH);
    expect(toHex(hs.earlySecret)).toBe(V.EARLY_SECRET);
    expect(toHex(hs.derivedEarly)).toBe('6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba');
    expect(toHex(hs.handshakeSecret)).toBe(V.HANDSHAKE_SECRET);
    expect(toHex(hs.clientHandshakeTrafficSecret)).toBe(V.CLIENT_HS_TRAFFIC);
    expect(toHex(hs.serverHandshakeTrafficSecret)).toBe(V.SERVER_HS_TRAFFIC);
  });

  it('derives the handshake traffic keys and IVs (§7.3) and the server finished_key', () => {
    const s = trafficKeys(fromHex(V.SERVER_HS_TRAFFIC));
    const c = trafficKeys(fromHex(V.CLIENT_HS_TRAFFIC));
    expect([toHex(s.key), toHex(s.iv)]).toEqual([V.SERVER_HS_KEY, V.SERVER_HS_IV]);
    expect([toHex(c.key), toHex(c.iv)]).toEqual([V.CLIENT_HS_KEY, V.CLIENT_HS_IV]);
    expect(toHex(finishedKey(fromHex(V.SERVER_HS_TRAFFIC)))).toBe(V.SERVER_FINISHED_KEY);
    expect(toHex(hkdfExpandLabel(fromHex(V.SERVER_HS_TRAFFIC), 'finished', new Uint8Array(0), 32))).toBe(V.SERVER_FINISHED_KEY);
  });

  it('computes the server Finished verify_data over ClientHello..CertificateVerify', () => {
    const th = transcriptHash(clientHello, serverHello, fromHex(V.ENCRYPTED_EXTENSIONS), fromHex(V.CERTIFICATE), fromHex(V.CERTIFICATE_VERIFY));
    const verify = finishedVerifyData(fromHex(V.SERVER_HS_TRAFFIC), th);
    expect(toHex(verify)).toBe(V.SERVER_FINISHED.slice(8));
  });

  it('derives the master secret and the application traffic secrets, keys and IVs', () => {
    const th = transcriptHash(clientHello, serverHello, ...[V.ENCRYPTED_EXTENSIONS, V.CERTIFICATE, V.CERTIFICATE_VERIFY, V.SERVER_FINISHED].map(fromHex));
    const ap = applicationStage(fromHex(V.HANDSHAKE_SECRET), th);
    expect(toHex(ap.derivedHandshake)).toBe('43de77e0c77713859a944db9db2590b53190a65b3ee2e4f12dd7a0bb7ce254b4');
    expect(toHex(ap.masterSecret)).toBe(V.MASTER_SECRET);
    expect(toHex(ap.clientApplicationTrafficSecret0)).toBe(V.CLIENT_AP_TRAFFIC);
    expect(toHex(ap.serverApplicationTrafficSecret0)).toBe(V.SERVER_AP_TRAFFIC);
    const c = trafficKeys(ap.clientApplicationTrafficSecret0);
    const s = trafficKeys(ap.serverApplicationTrafficSecret0);
    expect([toHex(c.key), toHex(c.iv), toHex(s.key), toHex(s.iv)]).toEqual([V.CLIENT_AP_KEY, V.CLIENT_AP_IV, V.SERVER_AP_KEY, V.SERVER_AP_IV]);
  });
});
