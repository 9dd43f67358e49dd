import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../wire/bytes';
import {
  certificateVerifyContent, CIPHER_SUITE, decodeCertificate, decodeCertificateVerify, decodeEncryptedExtensions, decodeFinished,
  encodeCertificate, encodeCertificateVerify, encodeClientHello, encodeEncryptedExtensions, encodeFinished, encodeServerHello, ext,
  extensionData, GROUP, parseAlpn, SIGNATURE_SCHEME as SIG, splitHandshakes, TLS13,
} from './messages';
import * as V from './rfc8448.fixture';

describe('RFC 8448 §3 handshake messages, built from their fields', () => {
  it('ClientHello, byte for byte, extensions in the RFC order', () => {
    const ch = encodeClientHello({
      random: fromHex('cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7'),
      cipherSuites: [CIPHER_SUITE.TLS_AES_128_GCM_SHA256, CIPHER_SUITE.TLS_CHACHA20_POLY1305_SHA256, CIPHER_SUITE.TLS_AES_256_GCM_SHA384],
      extensions: [
        ext.serverName('server'),
        ext.renegotiationInfo(),
        ext.supportedGroups([GROUP.x25519, GROUP.secp256r1, GROUP.secp384r1, GROUP.secp521r1, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104]),
        ext.sessionTicket(),
        ext.keyShare([{ group: GROUP.x25519, keyExchange: fromHex(V.CLIENT_PUBLIC) }]),
        ext.supportedVersions([TLS13]),
        ext.signatureAlgorithms([
          SIG.ecdsa_secp256r1_sha256, SIG.ecdsa_secp384r1_sha384, SIG.ecdsa_secp521r1_sha512, 0x0203, SIG.rsa_pss_rsae_sha256,
          SIG.rsa_pss_rsae_sha384, SIG.rsa_pss_rsae_sha512, SIG.rsa_pkcs1_sha256, 0x0501, 0x0601, 0x0201, 0x0402, 0x0502, 0x0602, 0x0202,
        ]),
        ext.pskKeyExchangeModes([1]),
        ext.recordSizeLimit(0x4001),
      ],
    });
    expect(toHex(ch)).toBe(V.CLIENT_HELLO);
  });

  it('ServerHello, byte for byte', () => {
    const sh = encodeServerHello({
      random: fromHex('a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155772ed3e26928'),
      cipherSuite: CIPHER_SUITE.TLS_AES_128_GCM_SHA256,
      extensions: [ext.keyShare([{ group: GROUP.x25519, keyExchange: fromHex(V.SERVER_PUBLIC) }]), ext.supportedVersions([TLS13])],
    });
    expect(toHex(sh)).toBe(V.SERVER_HELLO);
  });

  it('EncryptedExtensions: supported_groups, record_size_limit, empty server_name', () => {
    const ee = encodeEncryptedExtensions([
      ext.supportedGroups([GROUP.x25519, GROUP.secp256r1, GROUP.secp384r1, GROUP.secp521r1, 0x0100, 0x0101, 0x0102, 0x0103, 0x0104]),
      ext.recordSizeLimit(0x4001),
      ext.serverNameAck(),
    ]);
    expect(toHex(ee)).toBe(V.ENCRYPTED_EXTENSIONS);
    expect(decodeEncryptedExtensions(ee).map((e) => e.type)).toEqual([10, 28, 0]);
  });

  it('Certificate, CertificateVerify and Finished round-trip through their decoders', () => {
    const cert = decodeCertificate(fromHex(V.CERTIFICATE));
    expect(cert.requestContext.length).toBe(0);
    expect(cert.entries).toHaveLength(1);
    expect(cert.entries[0].cert.length).toBe(0x1b0);
    expect(toHex(encodeCertificate(cert.entries))).toBe(V.CERTIFICATE);

    const cv = decodeCertificateVerify(fromHex(V.CERTIFICATE_VERIFY));
    expect(cv.scheme).toBe(SIG.rsa_pss_rsae_sha256);
    expect(cv.signature.length).toBe(128);
    expect(toHex(encodeCertificateVerify(cv.scheme, cv.signature))).toBe(V.CERTIFICATE_VERIFY);

    const fin = decodeFinished(fromHex(V.SERVER_FINISHED));
    expect(toHex(encodeFinished(fin))).toBe(V.SERVER_FINISHED);
  });

  it('splits the server flight into its four messages', () => {
    const flight = fromHex(V.ENCRYPTED_EXTENSIONS + V.CERTIFICATE + V.CERTIFICATE_VERIFY + V.SERVER_FINISHED);
    expect(splitHandshakes(flight).map((m) => [m.msgType, m.bytes.length])).toEqual([[8, 40], [11, 445], [15, 136], [20, 36]]);
  });
});

describe('ALPN and the CertificateVerify content', () => {
  it('encodes and parses an ALPN list (RFC 7301)', () => {
    const e = ext.alpn(['h2', 'http/1.1']);
    const data = extensionData([e], 16)!;
    expect(toHex(data)).toBe('000c02683208687474702f312e31');
    expect(parseAlpn(data)).toEqual(['h2', 'http/1.1']);
  });
  it('pads the context string with 64 spaces and a zero byte (§4.4.3)', () => {
    const c = certificateVerifyContent('server', new Uint8Array(32).fill(1));
    expect(c.length).toBe(64 + 33 + 1 + 32);
    expect(c[0]).toBe(0x20);
    expect(String.fromCharCode(...c.subarray(64, 97))).toBe('TLS 1.3, server CertificateVerify');
    expect(c[97]).toBe(0);
  });
});
