import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../core/random';
import { concat, fromHex, ipv4ToBytes, toHex } from './bytes';
import { findField, findFields } from './fields';
import { decodeTcp, describeTcp, encodeTcp, encodeTcpOptions, type TcpHeader, type TcpOption } from './tcp';

/**
 * An independent checksum oracle (no shared code with bytes.ts): sum the
 * high-order bytes and the low-order bytes separately (RFC 1071 §2(B):
 * byte order independence), combine, then fold the carries.
 */
function oracleChecksum(data: Uint8Array): number {
  let hi = 0, lo = 0;
  data.forEach((b, i) => (i % 2 === 0 ? (hi += b) : (lo += b)));
  let s = hi * 256 + lo;
  while (s > 0xffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  return 0xffff - s;
}
function pseudo(src: string, dst: string, proto: number, len: number): Uint8Array {
  return concat(ipv4ToBytes(src), ipv4ToBytes(dst), Uint8Array.of(0, proto, len >> 8, len & 0xff));
}

const IP = { src: '192.0.2.10', dst: '198.51.100.20' };

describe('TCP checksum by hand', () => {
  /*
   * SYN from 192.0.2.10:49152 to 198.51.100.20:80, seq 0x12345678, ack 0,
   * data offset 5, window 0xffff, no options, no data.
   *
   * Pseudo-header words: c000 020a (src) + c633 6414 (dst) + 0006 (zero, proto 6) + 0014 (TCP length 20)
   * TCP header words:    c000 (sport) 0050 (dport) 1234 5678 (seq) 0000 0000 (ack)
   *                      5002 (offset 5, flags SYN) ffff (window) 0000 (checksum) 0000 (urgent)
   *
   * Running sum: c000, c20a, 1883d, 1ec51, 1ec57, 1ec6b,
   *              2ac6b, 2acbb, 2beef, 31567, 31567, 31567, 36569, 46568, 46568, 46568
   * Fold: 6568 + 4 = 656c.   Checksum = ~656c = 9a93.
   */
  it('SYN segment checksum is 0x9a93', () => {
    const seg = encodeTcp({ srcPort: 49152, dstPort: 80, seq: 0x12345678, ack: 0, flags: { syn: true }, window: 0xffff }, new Uint8Array(0), IP);
    expect(toHex(seg)).toBe('c0000050' + '12345678' + '00000000' + '5002ffff' + '9a930000');
    // cross-check with the independent oracle: checksum field zeroed gives 9a93, and the full segment verifies to 0
    const zeroed = seg.slice();
    zeroed[16] = zeroed[17] = 0;
    expect(oracleChecksum(concat(pseudo(IP.src, IP.dst, 6, 20), zeroed))).toBe(0x9a93);
    expect(oracleChecksum(concat(pseudo(IP.src, IP.dst, 6, 20), seg))).toBe(0);
    expect(decodeTcp(seg, 0, IP).checksumValid).toBe(true);
  });

  it('odd-length payload is padded for the checksum only', () => {
    const payload = fromHex('414243'); // "ABC"
    const seg = encodeTcp({ srcPort: 1, dstPort: 2, seq: 3, ack: 4, flags: { ack: true, psh: true }, window: 5 }, payload, IP);
    expect(seg.length).toBe(23);
    expect(oracleChecksum(concat(pseudo(IP.src, IP.dst, 6, 23), seg, Uint8Array.of(0)))).toBe(0);
    expect(decodeTcp(seg, 0, IP).checksumValid).toBe(true);
    seg[22] ^= 0xff;
    expect(decodeTcp(seg, 0, IP).checksumValid).toBe(false);
  });
});

describe('TCP options', () => {
  it('encodes a typical SYN option block (MSS, SACK-permitted, timestamps, NOP, window scale)', () => {
    const opts: TcpOption[] = [
      { kind: 'mss', value: 1460 }, { kind: 'sackPermitted' }, { kind: 'timestamps', tsval: 0x01020304, tsecr: 0 },
      { kind: 'nop' }, { kind: 'wscale', shift: 7 },
    ];
    expect(toHex(encodeTcpOptions(opts))).toBe('020405b4' + '0402' + '080a0102030400000000' + '01' + '030307');
  });
  it('pads with EOL/zero bytes to 32 bits and reports the EOL', () => {
    expect(toHex(encodeTcpOptions([{ kind: 'sackPermitted' }]))).toBe('04020000');
    const seg = encodeTcp({ srcPort: 1, dstPort: 2, seq: 0, ack: 0, flags: { syn: true }, window: 1, options: [{ kind: 'sackPermitted' }] }, new Uint8Array(0), IP);
    expect(decodeTcp(seg).dataOffset).toBe(6);
    expect(decodeTcp(seg).options).toEqual([{ kind: 'sackPermitted' }, { kind: 'eol' }]);
  });
  it('SACK blocks', () => {
    const o: TcpOption = { kind: 'sack', blocks: [[1000, 2000], [0xfffffff0, 0x10]] };
    expect(toHex(encodeTcpOptions([{ kind: 'nop' }, { kind: 'nop' }, o]))).toBe('0101' + '0512' + '000003e8000007d0' + 'fffffff000000010');
  });
  it('refuses more than 40 bytes of options', () => {
    const many: TcpOption[] = Array.from({ length: 5 }, () => ({ kind: 'timestamps', tsval: 1, tsecr: 2 }));
    expect(() => encodeTcpOptions(many)).toThrow(/40/);
  });
  it('rejects a bad option length', () => {
    const seg = fromHex('0001000200000000000000006002ffff00000000' + '02090000');
    expect(() => decodeTcp(seg)).toThrow(/option length/);
  });
});

describe('TCP describe', () => {
  it('has flag bits with masks and a Korean-first meaning for SYN', () => {
    const seg = encodeTcp({ srcPort: 49152, dstPort: 80, seq: 1, ack: 0, flags: { syn: true }, window: 64240, options: [{ kind: 'mss', value: 1460 }] }, new Uint8Array(0), IP);
    const layer = describeTcp(seg, 0, IP);
    const syn = findField([layer], 'tcp.flags.syn')!;
    expect([syn.value, syn.offset, syn.length, syn.mask]).toEqual(['Set', 12, 2, 0x0002]);
    expect(syn.meaning!.ko).toContain('연결을 열자는 요청');
    expect(findField([layer], 'tcp.flags.ack')!.value).toBe('Not set');
    expect(findField([layer], 'tcp.options.mss_val')!.value).toBe('1460 bytes');
    expect(findField([layer], 'tcp.checksum')!.value).toMatch(/correct/);
    expect(layer.length).toBe(24);
    expect(findFields([layer], 'tcp.seq_raw')).toHaveLength(1);
  });
});

/** Unpadded wire length of one option, written out independently of the encoder. */
function exactOptionLength(o: TcpOption): number {
  switch (o.kind) {
    case 'eol': case 'nop': return 1;
    case 'mss': return 4;
    case 'wscale': return 3;
    case 'sackPermitted': return 2;
    case 'sack': return 2 + 8 * o.blocks.length;
    case 'timestamps': return 10;
    case 'unknown': return 2 + o.data.length;
  }
}

function randomOptions(r: Random): TcpOption[] {
  const out: TcpOption[] = [];
  let size = 0;
  const u32 = () => r.u32();
  for (let n = r.int(0, 6); n > 0; n--) {
    const pick = r.int(0, 6);
    const o: TcpOption =
      pick === 0 ? { kind: 'nop' }
      : pick === 1 ? { kind: 'mss', value: r.int(0, 0xffff) }
      : pick === 2 ? { kind: 'wscale', shift: r.int(0, 14) }
      : pick === 3 ? { kind: 'sackPermitted' }
      : pick === 4 ? { kind: 'sack', blocks: Array.from({ length: r.int(1, 3) }, () => [u32(), u32()] as [number, number]) }
      : pick === 5 ? { kind: 'timestamps', tsval: u32(), tsecr: u32() }
      : { kind: 'unknown', type: r.int(9, 250), data: Uint8Array.from({ length: r.int(0, 4) }, () => r.int(0, 255)) };
    const len = exactOptionLength(o);
    if (size + len > 40) break;
    size += len;
    out.push(o);
  }
  return out;
}

describe('TCP round trips', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const flags = { cwr: r.chance(0.5), ece: r.chance(0.5), urg: r.chance(0.5), ack: r.chance(0.5), psh: r.chance(0.5), rst: r.chance(0.5), syn: r.chance(0.5), fin: r.chance(0.5) };
      const h: TcpHeader = {
        srcPort: r.int(0, 0xffff), dstPort: r.int(0, 0xffff), seq: r.u32(), ack: r.u32(), flags,
        window: r.int(0, 0xffff), urgentPointer: r.int(0, 0xffff), options: randomOptions(r),
      };
      const ip = { src: [1, 2, 3, 4].map(() => r.int(0, 255)).join('.'), dst: [1, 2, 3, 4].map(() => r.int(0, 255)).join('.') };
      const payload = Uint8Array.from({ length: r.int(0, 100) }, () => r.int(0, 255));
      const seg = encodeTcp(h, payload, ip);
      const d = decodeTcp(seg, 0, ip);
      expect(d.checksumValid).toBe(true);
      expect(oracleChecksum(concat(pseudo(ip.src, ip.dst, 6, seg.length), seg, Uint8Array.of(0).subarray(0, seg.length % 2)))).toBe(0);
      expect(d.dataOffset * 4 + payload.length).toBe(seg.length);
      const exactLen = h.options!.map(exactOptionLength).reduce((a, b) => a + b, 0);
      const expectedOptions = exactLen % 4 === 0 ? h.options : [...h.options!, { kind: 'eol' }];
      expect(d.options).toEqual(expectedOptions);
      const { dataOffset, checksum, checksumValid, payload: p, options, ...rest } = d;
      expect(rest).toEqual({ srcPort: h.srcPort, dstPort: h.dstPort, seq: h.seq, ack: h.ack, flags, window: h.window, urgentPointer: h.urgentPointer });
      expect(toHex(p)).toBe(toHex(payload));
      // decode -> encode reproduces the exact bytes
      expect(toHex(encodeTcp({ ...rest, options }, p, ip))).toBe(toHex(seg));
    });
  }
});
