import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { toHex } from './bytes';
import { readPcap, writePcap } from './pcap';

describe('pcap writer', () => {
  it('writes the classic little-endian global header and record headers', () => {
    const f = writePcap([{ tMs: 1500.25, bytes: Uint8Array.of(1, 2, 3) }]);
    expect(toHex(f.subarray(0, 24))).toBe(
      'd4c3b2a1' + '0200' + '0400' + '00000000' + '00000000' + 'ffff0000' + '01000000');
    // ts_sec 1, ts_usec 500250, incl_len 3, orig_len 3
    expect(toHex(f.subarray(24, 40))).toBe('01000000' + '1aa20700' + '03000000' + '03000000');
    expect(toHex(f.subarray(40))).toBe('010203');
  });
  it('rounds to microseconds and carries into seconds', () => {
    const f = readPcap(writePcap([{ tMs: 1999.9996, bytes: new Uint8Array(0) }, { tMs: 0, bytes: new Uint8Array(0) }]));
    expect(f.records.map((r) => r.tMs)).toEqual([2000, 0]);
  });
  it('rejects negative or non-finite times and bad files', () => {
    expect(() => writePcap([{ tMs: -1, bytes: new Uint8Array(0) }])).toThrow();
    expect(() => writePcap([{ tMs: NaN, bytes: new Uint8Array(0) }])).toThrow();
    expect(() => readPcap(new Uint8Array(24))).toThrow(/magic/);
    expect(() => readPcap(writePcap([{ tMs: 0, bytes: new Uint8Array(5) }]).subarray(0, 44))).toThrow(/truncated/);
  });
  for (let seed = 1; seed <= 20; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      let t = 0;
      const records = Array.from({ length: r.int(0, 10) }, () => {
        t += r.int(0, 5000) + r.int(0, 999) / 1000;
        return { tMs: t, bytes: Uint8Array.from({ length: r.int(0, 1600) }, () => r.int(0, 255)) };
      });
      const f = readPcap(writePcap(records));
      expect([f.versionMajor, f.versionMinor, f.snaplen, f.linktype]).toEqual([2, 4, 65535, 1]);
      expect(f.records.map((x) => [Math.round(x.tMs * 1000), toHex(x.bytes), x.origLen])).toEqual(
        records.map((x) => [Math.round(x.tMs * 1000), toHex(x.bytes), x.bytes.length]));
    });
  }
});
