import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { fromHex, toHex } from './bytes';
import {
  decodeInteger, encodeInteger, entrySize, HPACK_STATIC_TABLE, HpackDecoder, HpackDynamicTable, HpackEncoder,
  type HeaderField, type HpackEncoderOptions,
} from './hpack';

const hex = (s: string) => s.replace(/\s+/g, '');
const h = (name: string, value: string): HeaderField => ({ name, value });

describe('RFC 7541 C.1 integer representation', () => {
  it('C.1.1 encodes 10 with a 5-bit prefix', () => {
    expect(toHex(encodeInteger(10, 5))).toBe('0a');
    expect(decodeInteger(fromHex('0a'), 0, 5)).toEqual({ value: 10, next: 1 });
  });
  it('C.1.2 encodes 1337 with a 5-bit prefix', () => {
    expect(toHex(encodeInteger(1337, 5))).toBe('1f9a0a');
    expect(decodeInteger(fromHex('1f9a0a'), 0, 5)).toEqual({ value: 1337, next: 3 });
    // bits above the prefix are ignored when decoding
    expect(decodeInteger(fromHex('ff9a0a'), 0, 5).value).toBe(1337);
  });
  it('C.1.3 encodes 42 starting at an octet boundary', () => {
    expect(toHex(encodeInteger(42, 8))).toBe('2a');
  });
  it('edge values and errors', () => {
    expect(toHex(encodeInteger(31, 5))).toBe('1f00');
    expect(toHex(encodeInteger(127, 7, 0x80))).toBe('ff00');
    expect(() => decodeInteger(fromHex('1f9a'), 0, 5)).toThrow(/past the end/);
    expect(() => decodeInteger(fromHex('1fffffffffffff7f'), 0, 5)).toThrow(/overflow/);
  });
});

describe('static table (Appendix A)', () => {
  it('has 61 entries with the right landmarks', () => {
    expect(HPACK_STATIC_TABLE).toHaveLength(61);
    expect(HPACK_STATIC_TABLE[0]).toEqual([':authority', '']);
    expect(HPACK_STATIC_TABLE[1]).toEqual([':method', 'GET']);
    expect(HPACK_STATIC_TABLE[7]).toEqual([':status', '200']);
    expect(HPACK_STATIC_TABLE[15]).toEqual(['accept-encoding', 'gzip, deflate']);
    expect(HPACK_STATIC_TABLE[23]).toEqual(['cache-control', '']);
    expect(HPACK_STATIC_TABLE[32]).toEqual(['date', '']);
    expect(HPACK_STATIC_TABLE[45]).toEqual(['location', '']);
    expect(HPACK_STATIC_TABLE[54]).toEqual(['set-cookie', '']);
    expect(HPACK_STATIC_TABLE[60]).toEqual(['www-authenticate', '']);
  });
});

describe('RFC 7541 C.2 header field representations', () => {
  const cases: { name: string; opts: HpackEncoderOptions; field: HeaderField; wire: string; table: [string, string][]; size: number }[] = [
    { name: 'C.2.1 literal with indexing', opts: { huffman: false }, field: h('custom-key', 'custom-header'),
      wire: '400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572', table: [['custom-key', 'custom-header']], size: 55 },
    { name: 'C.2.2 literal without indexing', opts: { huffman: false, indexing: 'without' }, field: h(':path', '/sample/path'),
      wire: '040c 2f73 616d 706c 652f 7061 7468', table: [], size: 0 },
    { name: 'C.2.3 literal never indexed', opts: { huffman: false }, field: { name: 'password', value: 'secret', sensitive: true },
      wire: '1008 7061 7373 776f 7264 0673 6563 7265 74', table: [], size: 0 },
    { name: 'C.2.4 indexed', opts: { huffman: false }, field: h(':method', 'GET'), wire: '82', table: [], size: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const enc = new HpackEncoder(c.opts);
      expect(toHex(enc.encode([c.field]))).toBe(hex(c.wire));
      expect(enc.table.entries.map((e) => [e.name, e.value])).toEqual(c.table);
      const dec = new HpackDecoder();
      expect(dec.decode(fromHex(c.wire))).toEqual([c.field]);
      expect(dec.table.entries.map((e) => [e.name, e.value])).toEqual(c.table);
      expect(dec.table.size).toBe(c.size);
    });
  }
});

interface Step { headers: HeaderField[]; wire: string; table: [string, string][]; size: number }

function runSeries(steps: Step[], opts: HpackEncoderOptions & { maxTableSize: number }) {
  const enc = new HpackEncoder(opts);
  const dec = new HpackDecoder(opts.maxTableSize);
  steps.forEach((s, i) => {
    expect(toHex(enc.encode(s.headers)), `encode step ${i + 1}`).toBe(hex(s.wire));
    expect(dec.decode(fromHex(s.wire)), `decode step ${i + 1}`).toEqual(s.headers);
    for (const t of [enc.table, dec.table]) {
      expect(t.entries.map((e) => [e.name, e.value]), `table after step ${i + 1}`).toEqual(s.table);
      expect(t.size, `table size after step ${i + 1}`).toBe(s.size);
    }
  });
}

const REQ1 = [h(':method', 'GET'), h(':scheme', 'http'), h(':path', '/'), h(':authority', 'www.example.com')];
const REQ2 = [...REQ1, h('cache-control', 'no-cache')];
const REQ3 = [h(':method', 'GET'), h(':scheme', 'https'), h(':path', '/index.html'), h(':authority', 'www.example.com'), h('custom-key', 'custom-value')];
const REQ_TABLES: [string, string][][] = [
  [[':authority', 'www.example.com']],
  [['cache-control', 'no-cache'], [':authority', 'www.example.com']],
  [['custom-key', 'custom-value'], ['cache-control', 'no-cache'], [':authority', 'www.example.com']],
];

describe('RFC 7541 C.3 requests without Huffman', () => {
  it('C.3.1–C.3.3 encode and decode exactly, table 57 → 110 → 164', () => {
    runSeries([
      { headers: REQ1, wire: '8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d', table: REQ_TABLES[0], size: 57 },
      { headers: REQ2, wire: '8286 84be 5808 6e6f 2d63 6163 6865', table: REQ_TABLES[1], size: 110 },
      { headers: REQ3, wire: '8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65', table: REQ_TABLES[2], size: 164 },
    ], { huffman: false, maxTableSize: 4096 });
  });
});

describe('RFC 7541 C.4 requests with Huffman', () => {
  it('C.4.1–C.4.3 encode and decode exactly, table 57 → 110 → 164', () => {
    runSeries([
      { headers: REQ1, wire: '8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff', table: REQ_TABLES[0], size: 57 },
      { headers: REQ2, wire: '8286 84be 5886 a8eb 1064 9cbf', table: REQ_TABLES[1], size: 110 },
      { headers: REQ3, wire: '8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf', table: REQ_TABLES[2], size: 164 },
    ], { huffman: true, maxTableSize: 4096 });
  });
});

const DATE1 = 'Mon, 21 Oct 2013 20:13:21 GMT';
const DATE2 = 'Mon, 21 Oct 2013 20:13:22 GMT';
const COOKIE = 'foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1';
const RESP1 = [h(':status', '302'), h('cache-control', 'private'), h('date', DATE1), h('location', 'https://www.example.com')];
const RESP2 = [h(':status', '307'), h('cache-control', 'private'), h('date', DATE1), h('location', 'https://www.example.com')];
const RESP3 = [h(':status', '200'), h('cache-control', 'private'), h('date', DATE2), h('location', 'https://www.example.com'), h('content-encoding', 'gzip'), h('set-cookie', COOKIE)];
const RESP_TABLES: [string, string][][] = [
  [['location', 'https://www.example.com'], ['date', DATE1], ['cache-control', 'private'], [':status', '302']],
  // ":status: 302" is evicted to make room for ":status: 307"
  [[':status', '307'], ['location', 'https://www.example.com'], ['date', DATE1], ['cache-control', 'private']],
  [['set-cookie', COOKIE], ['content-encoding', 'gzip'], ['date', DATE2]],
];

describe('RFC 7541 C.5 responses without Huffman (table size 256, evictions)', () => {
  it('C.5.1–C.5.3 encode and decode exactly, table 222 → 222 → 215', () => {
    runSeries([
      { headers: RESP1, table: RESP_TABLES[0], size: 222, wire: `
        4803 3330 3258 0770 7269 7661 7465 611d
        4d6f 6e2c 2032 3120 4f63 7420 3230 3133
        2032 303a 3133 3a32 3120 474d 546e 1768
        7474 7073 3a2f 2f77 7777 2e65 7861 6d70
        6c65 2e63 6f6d` },
      { headers: RESP2, table: RESP_TABLES[1], size: 222, wire: '4803 3330 37c1 c0bf' },
      { headers: RESP3, table: RESP_TABLES[2], size: 215, wire: `
        88c1 611d 4d6f 6e2c 2032 3120 4f63 7420
        3230 3133 2032 303a 3133 3a32 3220 474d
        54c0 5a04 677a 6970 7738 666f 6f3d 4153
        444a 4b48 514b 425a 584f 5157 454f 5049
        5541 5851 5745 4f49 553b 206d 6178 2d61
        6765 3d33 3630 303b 2076 6572 7369 6f6e
        3d31` },
    ], { huffman: false, maxTableSize: 256 });
  });
});

describe('RFC 7541 C.6 responses with Huffman (table size 256, evictions)', () => {
  it('C.6.1–C.6.3 encode and decode exactly, table 222 → 222 → 215', () => {
    runSeries([
      { headers: RESP1, table: RESP_TABLES[0], size: 222, wire: `
        4882 6402 5885 aec3 771a 4b61 96d0 7abe
        9410 54d4 44a8 2005 9504 0b81 66e0 82a6
        2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8
        e9ae 82ae 43d3` },
      { headers: RESP2, table: RESP_TABLES[1], size: 222, wire: '4883 640e ffc1 c0bf' },
      { headers: RESP3, table: RESP_TABLES[2], size: 215, wire: `
        88c1 6196 d07a be94 1054 d444 a820 0595
        040b 8166 e084 a62d 1bff c05a 839b d9ab
        77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b
        3960 d5af 2708 7f36 72c1 ab27 0fb5 291f
        9587 3160 65c0 03ed 4ee5 b106 3d50 07` },
    ], { huffman: true, maxTableSize: 256 });
  });
});

describe('dynamic table', () => {
  it('counts 32 + name + value octets (UTF-8)', () => {
    expect(entrySize('custom-key', 'custom-header')).toBe(55);
    expect(entrySize('x', '한')).toBe(32 + 1 + 3);
  });
  it('evicts oldest first and empties on an oversized entry', () => {
    const t = new HpackDynamicTable(100);
    t.add('a', '1'); // 34
    t.add('b', '2'); // 68
    t.add('c', '3'); // 102 > 100 -> evict "a"
    expect(t.entries.map((e) => e.name)).toEqual(['c', 'b']);
    expect(t.size).toBe(68);
    t.add('big', 'x'.repeat(100));
    expect(t.entries).toEqual([]);
    expect(t.size).toBe(0);
  });
  it('shrinking evicts at once', () => {
    const t = new HpackDynamicTable(200);
    t.add('a', '1');
    t.add('b', '2');
    t.setMaxSize(40);
    expect(t.entries.map((e) => e.name)).toEqual(['b']);
    t.setMaxSize(0);
    expect(t.size).toBe(0);
  });
});

describe('table size updates', () => {
  it('are emitted at the start of the next block and honoured by the decoder', () => {
    const enc = new HpackEncoder({ huffman: false });
    const dec = new HpackDecoder();
    dec.decode(enc.encode([h('custom-key', 'custom-header')]));
    enc.setMaxTableSize(0);
    enc.setMaxTableSize(100);
    const block = enc.encode([h(':method', 'GET')]);
    // smallest size first (0 -> flush), then the final size 100: 20 | 3f 45 | 82
    expect(toHex(block)).toBe('20' + '3f45' + '82');
    const reps = dec.decodeDetailed(block);
    expect(reps.map((r) => r.kind)).toEqual(['sizeUpdate', 'sizeUpdate', 'indexed']);
    expect(dec.table.size).toBe(0);
    expect(dec.table.maxSize).toBe(100);
  });
  it('rejects an update above the limit or after a field', () => {
    expect(() => new HpackDecoder(4096).decode(fromHex('3fe21f'))).toThrow(/exceeds/); // 4097
    expect(() => new HpackDecoder().decode(fromHex('8220'))).toThrow(/after a header field/);
  });
});

describe('decoder errors', () => {
  it('index 0, index past the tables, truncated strings, bad Huffman', () => {
    expect(() => new HpackDecoder().decode(fromHex('80'))).toThrow(/index 0/);
    expect(() => new HpackDecoder().decode(fromHex('be'))).toThrow(/past the end of the dynamic table/);
    expect(() => new HpackDecoder().decode(fromHex('400a6375'))).toThrow(/past the end/);
    expect(() => new HpackDecoder().decode(fromHex('4081ff0161'))).toThrow(/huffman/);
  });
});

describe('HPACK round trips', () => {
  const names = [':method', ':path', ':authority', 'accept', 'cookie', 'x-trace', 'user-agent', 'content-type', 'x-한글'];
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const opts: HpackEncoderOptions = {
        huffman: [true, false, 'shorter' as const][r.int(0, 2)],
        indexing: (['incremental', 'without', 'never'] as const)[r.int(0, 2)],
        maxTableSize: [0, 64, 256, 4096][r.int(0, 3)],
      };
      const enc = new HpackEncoder(opts);
      const dec = new HpackDecoder(opts.maxTableSize);
      for (let block = 0; block < 5; block++) {
        if (r.chance(0.2)) enc.setMaxTableSize(r.int(0, opts.maxTableSize!));
        const headers: HeaderField[] = Array.from({ length: r.int(0, 8) }, () => {
          const f: HeaderField = { name: names[r.int(0, names.length - 1)], value: r.chance(0.3) ? 'GET' : String.fromCharCode(...Array.from({ length: r.int(0, 30) }, () => r.int(32, 126))) };
          if (r.chance(0.1)) f.sensitive = true;
          return f;
        });
        const decoded = dec.decode(enc.encode(headers));
        // Sensitive fields come back marked; with the 'never' policy (the dynamic table stays
        // empty) so does every field without an exact static-table match.
        const inStatic = (x: HeaderField) => HPACK_STATIC_TABLE.some(([n, v]) => n === x.name && v === x.value);
        expect(decoded).toEqual(headers.map((x) =>
          x.sensitive || (opts.indexing === 'never' && !inStatic(x)) ? { name: x.name, value: x.value, sensitive: true } : { name: x.name, value: x.value }));
        expect(dec.table.entries).toEqual(enc.table.entries);
        expect(dec.table.size).toBe(enc.table.size);
        expect(dec.table.size).toBeLessThanOrEqual(dec.table.maxSize);
      }
    });
  }
});
