import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { fromHex, toHex, utf8Decode, view } from './bytes';
import {
  IF_DESCRIPTION, IF_NAME, IF_TSRESOL, OPT_COMMENT, PCAPNG_BLOCK_DSB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_SHB,
  readPcapng, SECRETS_TLS_KEY_LOG, writePcapng,
} from './pcapng';

const le32 = (n: number) => toHex(Uint8Array.of(n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, n >>> 24));

describe('pcapng writer', () => {
  it('writes the exact bytes of SHB, IDB and EPB (little-endian, options padded, opt_endofopt)', () => {
    const f = writePcapng({ interfaces: [{ name: 'eth0' }], packets: [{ iface: 0, tMs: 1500.25, bytes: Uint8Array.of(1, 2, 3), comment: 'hi' }] });
    expect(toHex(f)).toBe(
      // SHB: type, length 28, byte-order magic, v1.0, section length -1, no options, length
      '0a0d0d0a' + '1c000000' + '4d3c2b1a' + '0100' + '0000' + 'ffffffffffffffff' + '1c000000' +
      // IDB: type 1, length 40, linktype 1, reserved, snaplen 65535,
      // if_name 'eth0', if_tsresol 6 (padded to 4), opt_endofopt, length
      '01000000' + '28000000' + '0100' + '0000' + 'ffff0000' +
      '0200' + '0400' + '65746830' + '0900' + '0100' + '06000000' + '0000' + '0000' + '28000000' +
      // EPB: type 6, length 48, interface 0, timestamp 1500250 µs (high, low), captured 3, original 3,
      // data padded to 4, opt_comment 'hi' padded, opt_endofopt, length
      '06000000' + '30000000' + '00000000' + '00000000' + '5ae41600' + '03000000' + '03000000' +
      '01020300' + '0100' + '0200' + '68690000' + '0000' + '0000' + '30000000');
  });

  it('writes the Decryption Secrets Block per the spec: type 0xA, TLSK, secrets length, data padded to 32 bits', () => {
    const log = 'CLIENT_RANDOM ab cd\n'; // 20 bytes; one more forces 3 bytes of padding
    const f = writePcapng({ interfaces: [{ name: 'eth0' }], packets: [], tlsKeyLog: log + 'x' });
    const r = readPcapng(f);
    expect(r.blocks.map((b) => b.type)).toEqual([PCAPNG_BLOCK_SHB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_DSB]);
    const dsb = f.subarray(r.blocks[2].offset, r.blocks[2].offset + r.blocks[2].length);
    expect(dsb.length).toBe(8 + 8 + 24 + 4);
    expect(toHex(dsb.subarray(0, 16))).toBe('0a000000' + le32(44) + '4b534c54' + le32(21));
    expect(utf8Decode(dsb.subarray(16, 37))).toBe(log + 'x');
    expect(toHex(dsb.subarray(37))).toBe('000000' + le32(44));
    expect(r.secrets).toEqual([{ type: SECRETS_TLS_KEY_LOG, data: expect.any(Uint8Array), options: [] }]);
    expect(utf8Decode(r.secrets[0].data)).toBe(log + 'x');
  });

  it('puts the secrets before every packet and omits the block when there are no keys', () => {
    const packets = [{ iface: 0, tMs: 0, bytes: new Uint8Array(60) }, { iface: 0, tMs: 1, bytes: new Uint8Array(60) }];
    const withKeys = readPcapng(writePcapng({ interfaces: [{ name: 'a' }], packets, tlsKeyLog: 'CLIENT_RANDOM 00 11\n' }));
    expect(withKeys.blocks.map((b) => b.type)).toEqual([PCAPNG_BLOCK_SHB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_DSB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_EPB]);
    for (const tlsKeyLog of [undefined, '']) {
      expect(readPcapng(writePcapng({ interfaces: [{ name: 'a' }], packets, tlsKeyLog })).blocks.map((b) => b.type))
        .toEqual([PCAPNG_BLOCK_SHB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_EPB]);
    }
  });

  it('describes several interfaces in order, with names, descriptions and µs resolution', () => {
    const f = writePcapng({
      userAppl: 'Packet Theater',
      interfaces: [{ name: 'r1-lan', description: 'router, LAN side' }, { name: 'r1-wan', linktype: 101, snaplen: 96 }],
      packets: [],
    });
    const r = readPcapng(f);
    expect(utf8Decode(r.shbOptions[0].value)).toBe('Packet Theater');
    expect(r.interfaces.map((i) => [i.name, i.description, i.linktype, i.snaplen, i.tsUnit])).toEqual([
      ['r1-lan', 'router, LAN side', 1, 65535, 1e-6],
      ['r1-wan', undefined, 101, 96, 1e-6],
    ]);
    expect(r.interfaces[0].options.map((o) => o.code)).toEqual([IF_NAME, IF_DESCRIPTION, IF_TSRESOL]);
    expect(toHex(r.interfaces[1].options.find((o) => o.code === IF_TSRESOL)!.value)).toBe('06');
  });

  it('pads packet data and every option to 32 bits for lengths 0 to 7', () => {
    for (let n = 0; n < 8; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => 0xa0 + i);
      const comment = 'c'.repeat(n);
      const f = writePcapng({ interfaces: [{ name: 'i'.repeat(n + 1) }], packets: [{ iface: 0, tMs: 0, bytes, comment }] });
      expect(f.length % 4).toBe(0);
      const r = readPcapng(f);
      for (const b of r.blocks) expect(b.length % 4, `n=${n}`).toBe(0);
      const epb = r.blocks[2];
      const pad = (k: number) => (k + 3) & ~3;
      expect(epb.length).toBe(32 + pad(n) + 4 + pad(n) + 4);
      // Padding bytes are zero.
      expect(toHex(f.subarray(epb.offset + 28 + n, epb.offset + 28 + pad(n)))).toBe('00'.repeat(pad(n) - n));
      expect(toHex(r.packets[0].bytes)).toBe(toHex(bytes));
      expect(r.packets[0].comment).toBe(comment);
      expect(r.interfaces[0].name).toBe('i'.repeat(n + 1));
    }
  });

  it('splits 64-bit microsecond timestamps into high and low words', () => {
    const tMs = 5_000_000.001; // 5 000 000 001 µs > 2^32
    const f = writePcapng({ interfaces: [{ name: 'a' }], packets: [{ iface: 0, tMs, bytes: new Uint8Array(0) }] });
    const r = readPcapng(f);
    const ts = view(f).getUint32(r.blocks[2].offset + 12, true);
    expect(ts).toBe(1);
    expect(view(f).getUint32(r.blocks[2].offset + 16, true)).toBe(5_000_000_001 - 2 ** 32);
    expect(r.packets[0].tMs).toBe(5_000_000.001);
    // Rounds to µs and carries.
    expect(readPcapng(writePcapng({ interfaces: [{ name: 'a' }], packets: [{ iface: 0, tMs: 1999.9996, bytes: new Uint8Array(0) }] })).packets[0].tMs).toBe(2000);
  });

  it('cuts packets to the interface snaplen and keeps the original length', () => {
    const r = readPcapng(writePcapng({ interfaces: [{ name: 'a', snaplen: 4 }], packets: [{ iface: 0, tMs: 0, bytes: fromHex('0102030405060708') }] }));
    expect([toHex(r.packets[0].bytes), r.packets[0].origLen]).toEqual(['01020304', 8]);
  });

  it('rejects bad input and bad files', () => {
    const ok = { interfaces: [{ name: 'a' }], packets: [] };
    expect(() => writePcapng({ interfaces: [], packets: [] })).toThrow(/interface/);
    expect(() => writePcapng({ ...ok, packets: [{ iface: 1, tMs: 0, bytes: new Uint8Array(0) }] })).toThrow(/no interface 1/);
    expect(() => writePcapng({ ...ok, packets: [{ iface: 0, tMs: -1, bytes: new Uint8Array(0) }] })).toThrow(/timestamp/);
    expect(() => writePcapng({ ...ok, packets: [{ iface: 0, tMs: NaN, bytes: new Uint8Array(0) }] })).toThrow(/timestamp/);
    expect(() => writePcapng({ ...ok, packets: [{ iface: 0, tMs: 0, bytes: new Uint8Array(0), comment: 'x'.repeat(70000) }] })).toThrow(/longer/);
    const f = writePcapng({ ...ok, packets: [{ iface: 0, tMs: 0, bytes: new Uint8Array(5) }] });
    expect(() => readPcapng(new Uint8Array(28))).toThrow(/section header/);
    expect(() => readPcapng(f.subarray(0, f.length - 4))).toThrow(/truncated/);
    const bad = f.slice();
    view(bad).setUint32(bad.length - 4, 12, true);
    expect(() => readPcapng(bad)).toThrow(/trailing block length/);
  });

  it('reads a big-endian file', () => {
    // SHB (no options) and IDB (no options) written big-endian by hand, then an EPB with 1 byte.
    const be = fromHex(
      '0a0d0d0a' + '0000001c' + '1a2b3c4d' + '0001' + '0000' + 'ffffffffffffffff' + '0000001c' +
      '00000001' + '00000014' + '0001' + '0000' + '0000ffff' + '00000014' +
      '00000006' + '00000024' + '00000000' + '00000000' + '000f4240' + '00000001' + '00000001' + 'ab000000' + '00000024');
    const r = readPcapng(be);
    expect(r.littleEndian).toBe(false);
    expect(r.packets.map((p) => [p.iface, p.tMs, toHex(p.bytes), p.origLen])).toEqual([[0, 1000, 'ab', 1]]);
  });

  for (let seed = 1; seed <= 20; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const interfaces = Array.from({ length: r.int(1, 4) }, (_, i) => ({ name: `if${i}`, description: r.int(0, 1) ? `side ${i}` : undefined }));
      let t = 0;
      const packets = Array.from({ length: r.int(0, 10) }, () => {
        t += r.int(0, 5000) + r.int(0, 999) / 1000;
        return {
          iface: r.int(0, interfaces.length - 1), tMs: t,
          bytes: Uint8Array.from({ length: r.int(0, 1600) }, () => r.int(0, 255)),
          comment: r.int(0, 1) ? 'ü'.repeat(r.int(0, 9)) : undefined,
        };
      });
      const tlsKeyLog = r.int(0, 1) ? 'CLIENT_RANDOM ' + 'a'.repeat(r.int(1, 9)) + '\n' : undefined;
      const f = readPcapng(writePcapng({ interfaces, packets, tlsKeyLog }));
      expect([f.versionMajor, f.versionMinor, f.littleEndian]).toEqual([1, 0, true]);
      expect(f.interfaces.map((i) => [i.name, i.description])).toEqual(interfaces.map((i) => [i.name, i.description]));
      expect(f.packets.map((x) => [x.iface, Math.round(x.tMs * 1000), toHex(x.bytes), x.origLen, x.comment])).toEqual(
        packets.map((x) => [x.iface, Math.round(x.tMs * 1000), toHex(x.bytes), x.bytes.length, x.comment]));
      expect(f.packets.every((p) => p.options.every((o) => o.code === OPT_COMMENT))).toBe(true);
      expect(f.secrets.map((s) => utf8Decode(s.data))).toEqual(tlsKeyLog ? [tlsKeyLog] : []);
    });
  }
});
