import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { fromHex, onesComplementSum, toHex } from './bytes';
import { decodeIpv4, describeIpv4, encodeIpv4, type Ipv4Packet } from './ipv4';
import { findField } from './fields';

describe('IPv4 header checksum', () => {
  // The classic example: 4500 0073 0000 4000 4011 ???? c0a8 0001 c0a8 00c7.
  // Words: 4500 + 0073 + 0000 + 4000 + 4011 + c0a8 + 0001 + c0a8 + 00c7 = 2479c
  // fold: 479c + 2 = 479e; one's complement: ~479e = b861.
  it('computes b861 for the classic example header', () => {
    const p = encodeIpv4({
      src: '192.168.0.1', dst: '192.168.0.199', protocol: 17, ttl: 64, df: true, identification: 0,
      payload: new Uint8Array(0x73 - 20),
    });
    expect(toHex(p.subarray(0, 20))).toBe('450000730000400040' + '11b861c0a80001c0a800c7');
  });

  it('a correct header sums to 0xFFFF', () => {
    const header = fromHex('4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7');
    expect(onesComplementSum(header)).toBe(0xffff);
    const d = decodeIpv4(new Uint8Array([...header, ...new Uint8Array(0x73 - 20)]));
    expect(d.checksumValid).toBe(true);
    expect(d.checksum).toBe(0xb861);
  });

  it('flags a corrupted header', () => {
    const p = encodeIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 6, payload: new Uint8Array(4) });
    p[8] ^= 0x01; // TTL flipped in transit
    expect(decodeIpv4(p).checksumValid).toBe(false);
    expect(findField([describeIpv4(p, 0)], 'ip.checksum')!.value).toMatch(/incorrect/);
  });

  it('honours an explicit (wrong) checksum for teaching', () => {
    const p = encodeIpv4({ src: '10.0.0.1', dst: '10.0.0.2', protocol: 6, payload: new Uint8Array(0), checksum: 0x1234 });
    expect(decodeIpv4(p).checksum).toBe(0x1234);
    expect(decodeIpv4(p).checksumValid).toBe(false);
  });
});

describe('IPv4 fields', () => {
  it('describes every header byte with the DF flag bit', () => {
    const p = encodeIpv4({ src: '192.0.2.10', dst: '198.51.100.20', protocol: 6, df: true, dscp: 46, ecn: 1, payload: new Uint8Array(0) });
    const layer = describeIpv4(p, 0);
    const df = findField([layer], 'ip.flags.df')!;
    expect([df.offset, df.length, df.mask, df.value]).toEqual([6, 1, 0x40, 'Set']);
    expect(findField([layer], 'ip.dsfield.dscp')!.value).toBe('46');
    expect(findField([layer], 'ip.dsfield.ecn')!.value).toBe('1');
    expect(findField([layer], 'ip.dst')!.offset).toBe(16);
  });
  it('rejects malformed headers', () => {
    expect(() => decodeIpv4(fromHex('4500001c'))).toThrow();
    expect(() => decodeIpv4(fromHex('6500001400000000401100000a0000010a000002'))).toThrow(/version/);
    expect(() => decodeIpv4(fromHex('4400001400000000401100000a0000010a000002'))).toThrow(/header length/);
    expect(() => decodeIpv4(fromHex('4500009900000000401100000a0000010a000002'))).toThrow(/past the end/);
  });
});

describe('IPv4 round trips', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const ip = () => [0, 0, 0, 0].map(() => r.int(0, 255)).join('.');
      const p: Required<Omit<Ipv4Packet, 'checksum'>> = {
        src: ip(), dst: ip(), protocol: r.int(0, 255), payload: Uint8Array.from({ length: r.int(0, 200) }, () => r.int(0, 255)),
        dscp: r.int(0, 63), ecn: r.int(0, 3), identification: r.int(0, 0xffff), df: r.chance(0.5), mf: r.chance(0.5),
        fragmentOffset: r.int(0, 0x1fff), ttl: r.int(0, 255), options: Uint8Array.from({ length: 4 * r.int(0, 10) }, () => r.int(0, 255)),
      };
      const bytes = encodeIpv4(p);
      const d = decodeIpv4(bytes);
      expect(d.checksumValid).toBe(true);
      expect(onesComplementSum(bytes.subarray(0, d.ihl * 4))).toBe(0xffff);
      expect(d.totalLength).toBe(bytes.length);
      const { version, ihl, totalLength, checksum, checksumValid, ...rest } = d;
      expect({ ...rest, payload: toHex(rest.payload), options: toHex(rest.options) }).toEqual({ ...p, payload: toHex(p.payload), options: toHex(p.options) });
    });
  }
});
