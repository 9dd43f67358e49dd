import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { asciiEncode, fromHex, latin1Decode, toHex } from './bytes';
import { HUFFMAN_TABLE, huffmanDecode, huffmanEncode, huffmanEncodedLength } from './huffman';

describe('Huffman table (RFC 7541 Appendix B)', () => {
  it('has 257 entries ending with EOS = 0x3fffffff, 30 bits', () => {
    expect(HUFFMAN_TABLE).toHaveLength(257);
    expect(HUFFMAN_TABLE[256]).toEqual([0x3fffffff, 30]);
  });

  it('every code fits its length', () => {
    HUFFMAN_TABLE.forEach(([code, len]) => expect(code < 2 ** len).toBe(true));
  });

  it('is complete: the Kraft sum of 2^-len is exactly 1', () => {
    // scaled by 2^30 to stay in integers
    const sum = HUFFMAN_TABLE.reduce((s, [, len]) => s + 2 ** (30 - len), 0);
    expect(sum).toBe(2 ** 30);
  });

  it('is canonical: every code is re-derived from the lengths alone', () => {
    // Canonical Huffman: sort by (length, symbol); each code is the previous + 1,
    // shifted left when the length grows. A typo in any code or length breaks this.
    const order = HUFFMAN_TABLE.map(([, len], sym) => ({ len, sym })).sort((a, b) => a.len - b.len || a.sym - b.sym);
    let code = 0;
    let prevLen = order[0].len;
    const derived = new Array<number>(257);
    order.forEach(({ len, sym }, i) => {
      if (i > 0) {
        code = (code + 1) * 2 ** (len - prevLen);
        prevLen = len;
      }
      derived[sym] = code;
    });
    expect(derived).toEqual(HUFFMAN_TABLE.map(([c]) => c));
  });

  it('matches rows copied from the RFC 7541 Appendix B text', () => {
    // "( 0) |11111111|11000  1ff8 [13]", "( 10) |11111111|11111111|11111111|111100  3ffffffc [30]", ...
    const rows: [number, number, number][] = [
      [0, 0x1ff8, 13], [1, 0x7fffd8, 23], [2, 0xfffffe2, 28], [9, 0xffffea, 24], [10, 0x3ffffffc, 30],
      [13, 0x3ffffffd, 30], [19, 0xffffff0, 28], [22, 0x3ffffffe, 30], [26, 0xffffff6, 28],
    ];
    for (const [sym, code, len] of rows) expect([sym, ...HUFFMAN_TABLE[sym]]).toEqual([sym, code, len]);
  });
});

describe('Huffman strings (RFC 7541 C.4 / C.6)', () => {
  const vectors: [string, string][] = [
    ['www.example.com', 'f1e3 c2e5 f23a 6ba0 ab90 f4ff'],
    ['no-cache', 'a8eb 1064 9cbf'],
    ['custom-key', '25a8 49e9 5ba9 7d7f'],
    ['custom-value', '25a8 49e9 5bb8 e8b4 bf'],
    ['302', '6402'],
    ['307', '640e ff'],
    ['private', 'aec3 771a 4b'],
    ['Mon, 21 Oct 2013 20:13:21 GMT', 'd07a be94 1054 d444 a820 0595 040b 8166 e082 a62d 1bff'],
    ['Mon, 21 Oct 2013 20:13:22 GMT', 'd07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff'],
    ['https://www.example.com', '9d29 ad17 1863 c78f 0b97 c8e9 ae82 ae43 d3'],
    ['gzip', '9bd9 ab'],
    ['foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1', '94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f 9587 3160 65c0 03ed 4ee5 b106 3d50 07'],
  ];
  for (const [text, hex] of vectors) {
    it(`"${text}"`, () => {
      expect(toHex(huffmanEncode(asciiEncode(text)))).toBe(hex.replace(/ /g, ''));
      expect(latin1Decode(huffmanDecode(fromHex(hex)))).toBe(text);
      expect(huffmanEncodedLength(asciiEncode(text))).toBe(fromHex(hex).length);
    });
  }
});

describe('Huffman decoding errors (RFC 7541 §5.2)', () => {
  it('rejects padding longer than 7 bits', () => {
    // "0" is 00000 (5 bits); then 11 bits of ones -> 3 + 8 bits of padding
    expect(() => huffmanDecode(fromHex('07ff'))).toThrow(/padding/);
    expect(() => huffmanDecode(fromHex('ff'))).toThrow(/padding/);
  });
  it('rejects padding that is not all ones', () => {
    // "0" (00000) then 001 as padding
    expect(() => huffmanDecode(fromHex('01'))).toThrow(/padding/);
  });
  it('rejects an encoded EOS', () => {
    expect(() => huffmanDecode(fromHex('ffffffff'))).toThrow(/EOS/);
  });
  it('accepts the empty string', () => {
    expect(huffmanDecode(new Uint8Array(0))).toHaveLength(0);
    expect(huffmanEncode(new Uint8Array(0))).toHaveLength(0);
  });
});

describe('Huffman round trips', () => {
  it('every single octet', () => {
    for (let b = 0; b < 256; b++) expect(Array.from(huffmanDecode(huffmanEncode(Uint8Array.of(b))))).toEqual([b]);
  });
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const data = Uint8Array.from({ length: r.int(0, 200) }, () => r.int(0, 255));
      const enc = huffmanEncode(data);
      expect(toHex(huffmanDecode(enc))).toBe(toHex(data));
      const bits = Array.from(data).reduce((s, b) => s + HUFFMAN_TABLE[b][1], 0);
      expect(enc.length).toBe(Math.ceil(bits / 8));
    });
  }
});
