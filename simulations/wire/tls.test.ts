import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../core/random';
import { fromHex, toHex } from './bytes';
import { findField, findFields } from './fields';
import {
  decodeClientHello, decodeHandshakes, decodeServerHello, decodeTls, describeTls, encodeClientHello, encodeServerHello, encodeTls,
  encodeTlsRecord, type ClientHello, type ServerHello, type TlsExtension,
} from './tls';

// RFC 8448 §3 "Simple 1-RTT Handshake": the ClientHello (196 octets) and ServerHello (90 octets)
// handshake messages, and the record headers they travel in.
const RFC8448_CLIENT_HELLO = fromHex(
  '010000c00303cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef' +
  '6283024dece7000006130113031302010000910000000b000900000673657276' +
  '6572ff01000100000a00140012001d0017001800190100010101020103010400' +
  '230000003300260024001d002099381de560e4bd43d23d8e435a7dbafeb3c06e' +
  '51c13cae4d5413691e529aaf2c002b0003020304000d0020001e040305030603' +
  '020308040805080604010501060102010402050206020202002d00020101001c' +
  '00024001');
const RFC8448_SERVER_HELLO = fromHex(
  '020000560303a6af06a4121860dc5e6e60249cd34c95930c8ac5cb1434dac155' +
  '772ed3e2692800130100002e00330024001d0020c9828876112095fe66762bdb' +
  'f7c672e156d6cc253b833df1dd69b1b04e751f0f002b00020304');

describe('TLS 1.3 hellos from RFC 8448', () => {
  it('decodes the ClientHello and re-encodes it byte for byte', () => {
    expect(RFC8448_CLIENT_HELLO.length).toBe(196);
    const ch = decodeClientHello(RFC8448_CLIENT_HELLO);
    expect(ch.legacyVersion).toBe(0x0303);
    expect(toHex(ch.random)).toBe('cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7');
    expect(ch.sessionId.length).toBe(0);
    expect(ch.cipherSuites).toEqual([0x1301, 0x1303, 0x1302]);
    expect(ch.compressionMethods).toEqual([0]);
    expect(ch.extensions.find((e) => e.type === 'server_name')).toEqual({ type: 'server_name', host: 'server' });
    expect(ch.extensions.find((e) => e.type === 'supported_versions')).toEqual({ type: 'supported_versions', versions: [0x0304] });
    const ks = ch.extensions.find((e) => e.type === 'key_share') as Extract<TlsExtension, { type: 'key_share' }>;
    expect(ks.shares.map((s) => [s.group, toHex(s.keyExchange)])).toEqual([[0x001d, '99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c']]);
    expect(ch.extensions.map((e) => (typeof e.type === 'number' ? e.type : e.type))).toEqual(
      ['server_name', 0xff01, 10, 35, 'key_share', 'supported_versions', 13, 45, 28]);
    expect(toHex(encodeClientHello(ch))).toBe(toHex(RFC8448_CLIENT_HELLO));
  });

  it('decodes the ServerHello and re-encodes it byte for byte', () => {
    const sh = decodeServerHello(RFC8448_SERVER_HELLO);
    expect(sh.cipherSuite).toBe(0x1301);
    expect(sh.extensions).toEqual([
      { type: 'key_share', shares: [{ group: 0x001d, keyExchange: fromHex('c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f') }] },
      { type: 'supported_versions', versions: [0x0304] },
    ]);
    expect(toHex(encodeServerHello(sh))).toBe(toHex(RFC8448_SERVER_HELLO));
  });

  it('wraps them in records: 16 0301 00c4 and 16 0303 005a', () => {
    expect(toHex(encodeTlsRecord({ type: 22, version: 0x0301, fragment: RFC8448_CLIENT_HELLO }).subarray(0, 5))).toBe('16030100c4');
    expect(toHex(encodeTlsRecord({ type: 22, fragment: RFC8448_SERVER_HELLO }).subarray(0, 5))).toBe('160303005a');
  });

  it('describes the ClientHello record with absolute offsets', () => {
    const wire = encodeTls([{ type: 22, version: 0x0301, fragment: RFC8448_CLIENT_HELLO }, { type: 23, fragment: fromHex('deadbeef') }]);
    const base = 54;
    const framed = new Uint8Array(base + wire.length);
    framed.set(wire, base);
    const layer = describeTls(framed, base);
    expect(layer.length).toBe(wire.length);
    expect(findField([layer], 'tls.record.content_type')).toMatchObject({ offset: base, length: 1, value: 'Handshake (22)' });
    expect(findField([layer], 'tls.handshake.type')).toMatchObject({ offset: base + 5, value: 'Client Hello (1)' });
    expect(findField([layer], 'tls.handshake.length')).toMatchObject({ offset: base + 6, length: 3, value: '192' });
    expect(findField([layer], 'tls.handshake.random')).toMatchObject({ offset: base + 11, length: 32 });
    const sni = findField([layer], 'tls.handshake.extensions_server_name')!;
    expect(sni.value).toBe('server');
    expect(String.fromCharCode(...framed.subarray(sni.offset, sni.offset + sni.length))).toBe('server');
    expect(findFields([layer], 'tls.handshake.ciphersuite').map((f) => f.value)).toEqual([
      'TLS_AES_128_GCM_SHA256 (0x1301)', 'TLS_CHACHA20_POLY1305_SHA256 (0x1303)', 'TLS_AES_256_GCM_SHA384 (0x1302)']);
    expect(findField([layer], 'tls.app_data')).toMatchObject({ length: 4 });
  });

  it('splits records and handshake messages; rejects truncation', () => {
    const recs = decodeTls(encodeTls([{ type: 22, fragment: RFC8448_SERVER_HELLO }, { type: 20, fragment: Uint8Array.of(1) }]));
    expect(recs.map((r) => [r.type, r.version, r.fragment.length])).toEqual([[22, 0x0303, 90], [20, 0x0303, 1]]);
    expect(decodeHandshakes(recs[0].fragment).map((h) => [h.msgType, h.body.length])).toEqual([[2, 86]]);
    expect(() => decodeTls(fromHex('1603030005aabb'))).toThrow(/truncated/);
    expect(() => decodeClientHello(RFC8448_CLIENT_HELLO.subarray(0, 100))).toThrow(/truncated/);
  });
});

const bytes = (r: Random, n: number) => Uint8Array.from({ length: n }, () => r.int(0, 255));
function randomExtensions(r: Random, side: 'client' | 'server'): TlsExtension[] {
  const out: TlsExtension[] = [];
  if (side === 'client' && r.chance(0.7)) out.push({ type: 'server_name', host: ['example.com', 'server', 'a.b.c'][r.int(0, 2)] });
  if (r.chance(0.7)) out.push({ type: 'supported_versions', versions: side === 'server' ? [0x0304] : [0x0304, 0x0303].slice(0, r.int(1, 2)) });
  if (r.chance(0.7)) {
    const n = side === 'server' ? 1 : r.int(0, 2);
    out.push({ type: 'key_share', shares: Array.from({ length: n }, () => ({ group: [0x001d, 0x0017][r.int(0, 1)], keyExchange: bytes(r, r.int(1, 65)) })) });
  }
  for (let i = r.int(0, 3); i > 0; i--) out.push({ type: [10, 13, 16, 45, 0xff01][r.int(0, 4)], data: bytes(r, r.int(0, 20)) });
  return out;
}

describe('TLS round trips', () => {
  for (let seed = 1; seed <= 30; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const ch: Required<ClientHello> = {
        legacyVersion: 0x0303, random: bytes(r, 32), sessionId: bytes(r, r.chance(0.5) ? 32 : 0),
        cipherSuites: Array.from({ length: r.int(1, 5) }, () => r.int(0, 0xffff)), compressionMethods: [0], extensions: randomExtensions(r, 'client'),
      };
      const sh: Required<ServerHello> = {
        legacyVersion: 0x0303, random: bytes(r, 32), sessionId: ch.sessionId, cipherSuite: 0x1301, compressionMethod: 0, extensions: randomExtensions(r, 'server'),
      };
      const chBytes = encodeClientHello(ch), shBytes = encodeServerHello(sh);
      expect(decodeClientHello(chBytes)).toEqual(ch);
      expect(decodeServerHello(shBytes)).toEqual(sh);
      const records = [{ type: 22, version: 0x0301, fragment: chBytes }, { type: 22, version: 0x0303, fragment: shBytes }, { type: 23, version: 0x0303, fragment: bytes(r, r.int(1, 100)) }];
      const wire = encodeTls(records);
      expect(decodeTls(wire)).toEqual(records);
      expect(describeTls(wire).length).toBe(wire.length);
    });
  }
});
