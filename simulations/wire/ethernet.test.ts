import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { toHex } from './bytes';
import { decodeEthernet, describeEthernet, encodeEthernet, macToBytes } from './ethernet';

describe('Ethernet II', () => {
  it('lays out dst, src, type', () => {
    const b = encodeEthernet({ dst: 'ff:ff:ff:ff:ff:ff', src: '02:00:c0:00:02:0a', etherType: 0x0800, payload: Uint8Array.of(0x45) });
    expect(toHex(b)).toBe('ffffffffffff' + '0200c000020a' + '0800' + '45');
    const layer = describeEthernet(b, 0);
    expect(layer.fields.map((f) => [f.key, f.offset, f.length])).toEqual([['eth.dst', 0, 6], ['eth.src', 6, 6], ['eth.type', 12, 2]]);
  });
  it('rejects bad MACs and short frames', () => {
    expect(() => macToBytes('02:00:00:00:00')).toThrow();
    expect(() => macToBytes('02:00:00:00:00:zz')).toThrow();
    expect(() => decodeEthernet(new Uint8Array(13))).toThrow();
  });
  for (let seed = 1; seed <= 20; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const mac = () => Array.from({ length: 6 }, () => r.int(0, 255).toString(16).padStart(2, '0')).join(':');
      const f = { dst: mac(), src: mac(), etherType: r.int(0, 0xffff), payload: Uint8Array.from({ length: r.int(0, 60) }, () => r.int(0, 255)) };
      const d = decodeEthernet(encodeEthernet(f));
      expect({ ...d, payload: toHex(d.payload) }).toEqual({ ...f, payload: toHex(f.payload) });
    });
  }
});
