import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { concat, ipv4ToBytes, toHex, utf8Encode } from './bytes';
import { decodeUdp, describeUdp, encodeUdp } from './udp';

/** Independent oracle: high and low bytes summed separately (RFC 1071 §2(B)), then folded. */
function oracleChecksum(data: Uint8Array): number {
  let hi = 0, lo = 0;
  data.forEach((b, i) => (i % 2 === 0 ? (hi += b) : (lo += b)));
  let s = hi * 256 + lo;
  while (s > 0xffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  return 0xffff - s;
}
const pseudo = (src: string, dst: string, len: number) => concat(ipv4ToBytes(src), ipv4ToBytes(dst), Uint8Array.of(0, 17, len >> 8, len & 0xff));

const IP = { src: '192.0.2.10', dst: '198.51.100.20' };

describe('UDP checksum by hand', () => {
  /*
   * 192.0.2.10:12345 -> 198.51.100.20:53, payload "hi" (68 69), UDP length 10.
   *
   * Pseudo-header: c000 + 020a + c633 + 6414 + 0011 (proto 17) + 000a (length)
   * UDP:           3039 (sport) + 0035 (dport) + 000a (length) + 0000 (checksum) + 6869 ("hi")
   *
   * Running sum: c000, c20a, 1883d, 1ec51, 1ec62, 1ec6c, 21ca5, 21cda, 21ce4, 21ce4, 2854d
   * Fold: 854d + 2 = 854f.   Checksum = ~854f = 7ab0.
   */
  it('"hi" to port 53 has checksum 0x7ab0', () => {
    const d = encodeUdp({ srcPort: 12345, dstPort: 53 }, utf8Encode('hi'), IP);
    expect(toHex(d)).toBe('30390035000a7ab06869');
    const zeroed = d.slice();
    zeroed[6] = zeroed[7] = 0;
    expect(oracleChecksum(concat(pseudo(IP.src, IP.dst, 10), zeroed))).toBe(0x7ab0);
    expect(decodeUdp(d, 0, IP).checksumValid).toBe(true);
  });

  it('a computed checksum of 0 is sent as 0xFFFF', () => {
    // Choose the last two payload bytes so the one's-complement sum is exactly 0xFFFF.
    const base = encodeUdp({ srcPort: 1000, dstPort: 2000, checksum: 0 }, new Uint8Array(4), IP);
    const sumWithoutFix = 0xffff - oracleChecksum(concat(pseudo(IP.src, IP.dst, base.length), base));
    const fix = 0xffff - sumWithoutFix; // adding this word makes the sum 0xffff
    const payload = Uint8Array.of(0, 0, fix >> 8, fix & 0xff);
    const d = encodeUdp({ srcPort: 1000, dstPort: 2000 }, payload, IP);
    expect(d[6] * 256 + d[7]).toBe(0xffff);
    // 0xFFFF and 0x0000 are the same number in one's complement, so it still verifies
    expect(decodeUdp(d, 0, IP).checksumValid).toBe(true);
  });

  it('checksum 0 means "none"', () => {
    const d = encodeUdp({ srcPort: 1, dstPort: 2, checksum: 0 }, utf8Encode('x'), IP);
    expect(decodeUdp(d, 0, IP).checksumValid).toBeUndefined();
    expect(describeUdp(d, 0, IP).fields[3].value).toBe('0x0000 [none]');
  });

  it('rejects bad lengths', () => {
    expect(() => decodeUdp(Uint8Array.of(0, 1, 0, 2, 0, 7, 0, 0))).toThrow(/below 8/);
    expect(() => decodeUdp(Uint8Array.of(0, 1, 0, 2, 0, 9, 0, 0))).toThrow(/past the end/);
  });
});

describe('UDP round trips', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const ip = { src: [1, 2, 3, 4].map(() => r.int(0, 255)).join('.'), dst: [1, 2, 3, 4].map(() => r.int(0, 255)).join('.') };
      const h = { srcPort: r.int(0, 0xffff), dstPort: r.int(0, 0xffff) };
      const payload = Uint8Array.from({ length: r.int(0, 300) }, () => r.int(0, 255));
      const d = encodeUdp(h, payload, ip);
      const back = decodeUdp(d, 0, ip);
      expect(back.checksumValid).toBe(true);
      expect(back.checksum).not.toBe(0);
      expect(oracleChecksum(concat(pseudo(ip.src, ip.dst, d.length), d, new Uint8Array(d.length % 2)))).toBe(0);
      expect([back.srcPort, back.dstPort, back.length, toHex(back.payload)]).toEqual([h.srcPort, h.dstPort, 8 + payload.length, toHex(payload)]);
    });
  }
});
