import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import {
  asciiEncode, base64Decode, base64Encode, concat, fromHex, hexdump, hexdumpText, internetChecksum,
  onesComplementSum, sha1, toHex, utf8Decode, utf8Encode,
} from './bytes';

const ascii = (s: string) => asciiEncode(s);

describe('hex', () => {
  it('round-trips and tolerates separators', () => {
    expect(toHex(Uint8Array.of(0, 1, 0xab, 0xff))).toBe('0001abff');
    expect(toHex(Uint8Array.of(0xde, 0xad), ' ')).toBe('de ad');
    expect(Array.from(fromHex('de ad:be-EF'))).toEqual([0xde, 0xad, 0xbe, 0xef]);
    expect(() => fromHex('abc')).toThrow(/odd/);
    expect(() => fromHex('zz')).toThrow(/invalid/);
  });

  it('hexdump has offset, hex and ascii columns', () => {
    const b = concat(ascii('GET / HTTP/1.1\r\n'), ascii('Host'));
    const lines = hexdump(b);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual({
      offset: 0,
      offsetHex: '0000',
      hex: '47 45 54 20 2f 20 48 54  54 50 2f 31 2e 31 0d 0a',
      ascii: 'GET / HTTP/1.1..',
    });
    expect(lines[1]).toEqual({ offset: 16, offsetHex: '0010', hex: '48 6f 73 74', ascii: 'Host' });
    expect(hexdumpText(b).split('\n')[1].startsWith('0010  48 6f 73 74 ')).toBe(true);
  });
});

describe('text encodings', () => {
  it('UTF-8 and ASCII', () => {
    expect(toHex(utf8Encode('한'))).toBe('ed959c');
    expect(utf8Decode(fromHex('ed959c'))).toBe('한');
    expect(() => asciiEncode('é')).toThrow(/non-ASCII/);
  });
});

describe('base64 (RFC 4648 §10 vectors)', () => {
  const vectors: [string, string][] = [
    ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
  ];
  for (const [plain, enc] of vectors) {
    it(`"${plain}" <-> "${enc}"`, () => {
      expect(base64Encode(ascii(plain))).toBe(enc);
      expect(toHex(base64Decode(enc))).toBe(toHex(ascii(plain)));
    });
  }
  it('rejects bad input', () => {
    expect(() => base64Decode('Zm9')).toThrow();
    expect(() => base64Decode('Zm=v')).toThrow();
    expect(() => base64Decode('Zm9*')).toThrow();
  });
  for (let seed = 1; seed <= 20; seed++) {
    it(`matches Buffer base64 for seed ${seed}`, () => {
      const r = createRandom(seed);
      const b = Uint8Array.from({ length: r.int(0, 100) }, () => r.int(0, 255));
      expect(base64Encode(b)).toBe(Buffer.from(b).toString('base64'));
      expect(toHex(base64Decode(base64Encode(b)))).toBe(toHex(b));
    });
  }
});

describe('SHA-1', () => {
  it('FIPS 180 examples', () => {
    expect(toHex(sha1(ascii('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(toHex(sha1(ascii('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709');
    expect(toHex(sha1(ascii('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe('84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });
  it('one million "a"', () => {
    expect(toHex(sha1(new Uint8Array(1_000_000).fill(0x61)))).toBe('34aa973cd4c4daa4f61eeb2bdbad27316534016f');
  });
  for (let seed = 1; seed <= 30; seed++) {
    it(`matches node:crypto for seed ${seed}`, () => {
      const r = createRandom(seed);
      // lengths around the 55/56/64-byte padding edges are the interesting ones
      const len = seed <= 10 ? 50 + seed : r.int(0, 300);
      const b = Uint8Array.from({ length: len }, () => r.int(0, 255));
      expect(toHex(sha1(b))).toBe(createHash('sha1').update(b).digest('hex'));
    });
  }
});

describe('internet checksum (RFC 1071)', () => {
  it('RFC 1071 §3 example: 00 01 f2 03 f4 f5 f6 f7 sums to ddf2', () => {
    const b = fromHex('0001f203f4f5f6f7');
    // 0001 + f203 + f4f5 + f6f7 = 2ddf0 -> fold: ddf0 + 2 = ddf2
    expect(onesComplementSum(b)).toBe(0xddf2);
    expect(internetChecksum(b)).toBe(0x220d);
  });
  it('odd length pads a zero byte on the right', () => {
    // 0102 + 0300 = 0402 -> ~ = fbfd
    expect(internetChecksum(fromHex('010203'))).toBe(0xfbfd);
    expect(internetChecksum(fromHex('01020300'))).toBe(0xfbfd);
  });
  it('carries wrap around', () => {
    // ffff + 0001 = 10000 -> 0001 -> ~ = fffe
    expect(internetChecksum(fromHex('ffff0001'))).toBe(0xfffe);
  });
});
