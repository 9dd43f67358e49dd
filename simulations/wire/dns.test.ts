import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../core/random';
import { fromHex, toHex } from './bytes';
import { decodeDns, describeDns, encodeDns, nameLabels, readDnsName, bytesToIpv6, ipv6ToBytes, type DnsMessage, type DnsRecord } from './dns';
import { findField, findFields } from './fields';

const response: DnsMessage = {
  id: 0x1234, qr: true, rd: true, ra: true,
  questions: [{ name: 'www.example.com', type: 'A' }],
  answers: [{ name: 'www.example.com', type: 'A', ttl: 3600, address: '93.184.216.34' }],
  authority: [{ name: 'example.com', type: 'NS', ttl: 3600, host: 'ns1.example.com' }],
  additional: [{ name: 'ns1.example.com', type: 'A', ttl: 3600, address: '192.0.2.53' }],
};

describe('DNS compression', () => {
  it('writes pointers at the exact offsets', () => {
    const b = encodeDns(response);
    const expected =
      '1234 8180 0001 0001 0001 0001' + // header: id, QR RD RA, counts
      '03777777 076578616d706c65 03636f6d 00 0001 0001' + // @12: www.example.com A IN
      'c00c 0001 0001 00000e10 0004 5db8d822' + // @33: pointer to 12, A, TTL 3600, 93.184.216.34
      'c010 0002 0001 00000e10 0006 036e7331 c010' + // @49: pointer to "example.com" at 16; NS ns1 + pointer to 16
      'c03d 0001 0001 00000e10 0004 c0000235'; // @67: pointer to "ns1.example.com" at 61
    expect(toHex(b)).toBe(expected.replace(/ /g, ''));
    expect(b[33]).toBe(0xc0);
    expect(b[34]).toBe(0x0c);
    expect(decodeDns(b)).toEqual({
      ...response, opcode: 0, aa: false, tc: false, z: 0, rcode: 0,
      questions: [{ name: 'www.example.com', type: 'A', class: 1 }],
      answers: [{ ...response.answers![0], class: 1 }],
      authority: [{ ...response.authority![0], class: 1 }],
      additional: [{ ...response.additional![0], class: 1 }],
    });
  });

  it('can be turned off', () => {
    const plain = encodeDns(response, { compress: false });
    expect(plain.length).toBeGreaterThan(encodeDns(response).length);
    expect(toHex(plain)).not.toContain('c00c');
    expect(decodeDns(plain)).toEqual(decodeDns(encodeDns(response)));
  });

  it('describes names, the pointer and the answer with absolute offsets', () => {
    const b = encodeDns(response);
    const framed = new Uint8Array(42 + b.length);
    framed.set(b, 42);
    const layer = describeDns(framed, 42);
    expect(layer.length).toBe(b.length);
    const qname = findField([layer], 'dns.qry.name')!;
    expect([qname.value, qname.offset, qname.length]).toEqual(['www.example.com', 42 + 12, 17]);
    const rname = findField([layer], 'dns.resp.name')!;
    expect([rname.value, rname.offset, rname.length]).toEqual(['www.example.com', 42 + 33, 2]);
    expect(rname.children![0]).toMatchObject({ key: 'dns.name.pointer', offset: 42 + 33, length: 2, value: '0xc00c → offset 12' });
    expect(findField([layer], 'dns.a')).toMatchObject({ value: '93.184.216.34', offset: 42 + 45, length: 4 });
    expect(findField([layer], 'dns.ns')!.value).toBe('ns1.example.com');
    expect(findFields([layer], 'dns.a').map((f) => f.value)).toEqual(['93.184.216.34', '192.0.2.53']);
    const resp = findField([layer], 'dns.flags.response')!;
    expect([resp.mask, resp.value]).toEqual([0x8000, 'Message is a response']);
  });
});

describe('DNS decompression guards', () => {
  const header = '0000 0100 0001 0000 0000 0000';
  it('rejects a pointer to itself', () => {
    expect(() => decodeDns(fromHex(header + 'c00c 0001 0001'))).toThrow(/pointer/);
  });
  it('rejects a loop through a label', () => {
    // @12: label "a", then a pointer back to 12 -> a.a.a.a... forever
    expect(() => decodeDns(fromHex(header + '0161 c00c 0001 0001'))).toThrow(/pointer/);
  });
  it('rejects a two-pointer cycle', () => {
    expect(() => decodeDns(fromHex(header + 'c00e c00c 0001 0001'))).toThrow(/pointer/);
  });
  it('rejects forward and out-of-bounds pointers', () => {
    expect(() => readDnsName(fromHex(header + 'c0ff'), 12)).toThrow(/pointer/);
    expect(() => readDnsName(fromHex(header + 'c0'), 12)).toThrow(/truncated/);
    expect(() => readDnsName(fromHex(header + '05616263'), 12)).toThrow(/past the end/);
    expect(() => readDnsName(fromHex(header + '0361'), 12)).toThrow(/past the end/);
  });
  it('rejects names longer than 255 octets built from pointers', () => {
    // Each name at @i is "<63-byte label>" + pointer to the previous name; the fifth is 5*64+1 > 255.
    const parts: number[] = [...fromHex(header)];
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      starts.push(parts.length);
      parts.push(63, ...new Array(63).fill(0x61));
      if (i === 0) parts.push(0); else parts.push(0xc0 | (starts[i - 1] >> 8), starts[i - 1] & 0xff);
    }
    const msg = Uint8Array.from(parts);
    expect(readDnsName(msg, starts[2]).name.length).toBe(3 * 63 + 2);
    expect(() => readDnsName(msg, starts[4])).toThrow(/255/);
  });
  it('rejects truncated records and mismatched RDATA lengths', () => {
    const ok = encodeDns(response);
    expect(() => decodeDns(ok.subarray(0, ok.length - 1))).toThrow();
    const bad = ok.slice();
    bad[44] = 5; // A record RDLENGTH 4 -> 5
    expect(() => decodeDns(bad)).toThrow();
  });
});

describe('DNS name rules', () => {
  it('63-octet labels pass, 64 fail', () => {
    expect(nameLabels('a'.repeat(63) + '.com')).toHaveLength(2);
    expect(() => nameLabels('a'.repeat(64) + '.com')).toThrow(/63/);
  });
  it('255 octets on the wire pass, 256 fail', () => {
    const l63 = 'a'.repeat(63);
    const ok = [l63, l63, l63, 'b'.repeat(61)].join('.'); // 3*64 + 62 + 1 = 255
    expect(() => nameLabels(ok)).not.toThrow();
    expect(() => nameLabels(ok + 'b')).toThrow(/255/);
  });
  it('empty labels and non-ASCII fail; root and trailing dots are fine', () => {
    expect(() => nameLabels('a..b')).toThrow(/empty/);
    expect(() => nameLabels('bücher.de')).toThrow();
    expect(nameLabels('')).toEqual([]);
    expect(nameLabels('.')).toEqual([]);
    expect(nameLabels('example.com.')).toEqual(['example', 'com']);
  });
});

describe('DNS record types', () => {
  it('encodes and decodes A, AAAA, NS, CNAME, MX, TXT, SOA and raw', () => {
    const records: DnsRecord[] = [
      { name: 'example.com', type: 'AAAA', ttl: 60, class: 1, address: '2001:db8::1' },
      { name: 'www.example.com', type: 'CNAME', ttl: 60, class: 1, host: 'example.com' },
      { name: 'example.com', type: 'MX', ttl: 60, class: 1, preference: 10, exchange: 'mail.example.com' },
      { name: 'example.com', type: 'TXT', ttl: 60, class: 1, texts: ['v=spf1 -all', '안녕'] },
      { name: 'example.com', type: 'SOA', ttl: 60, class: 1, mname: 'ns1.example.com', rname: 'hostmaster.example.com', serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 },
      { name: 'example.com', type: 99, ttl: 60, class: 1, data: Uint8Array.of(1, 2, 3) },
      { name: '', type: 'NS', ttl: 518400, class: 1, host: 'a.root-servers.net' },
    ];
    const m: DnsMessage = { id: 7, qr: true, aa: true, rcode: 0, questions: [{ name: 'example.com', type: 255 }], answers: records };
    const d = decodeDns(encodeDns(m));
    expect(d.answers).toEqual(records);
    expect(d.questions[0].type).toBe(255);
  });
  it('formats IPv6 per RFC 5952', () => {
    expect(bytesToIpv6(ipv6ToBytes('2001:0db8:0000:0000:0000:0000:0000:0001'))).toBe('2001:db8::1');
    expect(bytesToIpv6(ipv6ToBytes('2001:db8:0:1:0:0:0:1'))).toBe('2001:db8:0:1::1');
    expect(bytesToIpv6(ipv6ToBytes('2001:db8:0:0:1:0:0:1'))).toBe('2001:db8::1:0:0:1');
    expect(bytesToIpv6(ipv6ToBytes('::'))).toBe('::');
    expect(bytesToIpv6(ipv6ToBytes('2001:db8:0:1:1:1:1:1'))).toBe('2001:db8:0:1:1:1:1:1');
    expect(() => ipv6ToBytes('1::2::3')).toThrow();
    expect(() => ipv6ToBytes('1:2:3')).toThrow();
  });
});

function randomName(r: Random): string {
  const words = ['www', 'mail', 'example', 'com', 'net', 'ns1', 'a', 'cdn', 'edge', 'Org'];
  return Array.from({ length: r.int(0, 4) }, () => words[r.int(0, words.length - 1)]).join('.');
}
function randomRecord(r: Random): DnsRecord {
  const base = { name: randomName(r), ttl: r.u32(), class: r.chance(0.9) ? 1 : r.int(0, 0xffff) };
  switch (r.int(0, 7)) {
    case 0: return { ...base, type: 'A', address: [1, 2, 3, 4].map(() => r.int(0, 255)).join('.') };
    case 1: {
      const b = Uint8Array.from({ length: 16 }, () => (r.chance(0.4) ? 0 : r.int(0, 255)));
      return { ...base, type: 'AAAA', address: bytesToIpv6(b) };
    }
    case 2: return { ...base, type: 'NS', host: randomName(r) };
    case 3: return { ...base, type: 'CNAME', host: randomName(r) };
    case 4: return { ...base, type: 'MX', preference: r.int(0, 0xffff), exchange: randomName(r) };
    case 5: return { ...base, type: 'TXT', texts: Array.from({ length: r.int(1, 3) }, () => 'x'.repeat(r.int(0, 40))) };
    case 6: return { ...base, type: 'SOA', mname: randomName(r), rname: randomName(r), serial: r.u32(), refresh: r.u32(), retry: r.u32(), expire: r.u32(), minimum: r.u32() };
    default: return { ...base, type: r.int(100, 200), data: Uint8Array.from({ length: r.int(0, 10) }, () => r.int(0, 255)) };
  }
}

describe('DNS round trips', () => {
  for (let seed = 1; seed <= 60; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const m: Required<DnsMessage> = {
        id: r.int(0, 0xffff), qr: r.chance(0.5), opcode: r.int(0, 15), aa: r.chance(0.5), tc: r.chance(0.5), rd: r.chance(0.5),
        ra: r.chance(0.5), z: r.int(0, 7), rcode: r.int(0, 15),
        questions: Array.from({ length: r.int(0, 3) }, () => ({ name: randomName(r), type: r.chance(0.5) ? 'A' as const : r.int(0, 0xffff), class: 1 })),
        answers: Array.from({ length: r.int(0, 4) }, () => randomRecord(r)),
        authority: Array.from({ length: r.int(0, 2) }, () => randomRecord(r)),
        additional: Array.from({ length: r.int(0, 2) }, () => randomRecord(r)),
      };
      // numeric codes of known types come back as names
      for (const q of m.questions) if (q.type === 1) q.type = 'A';
      const compressed = encodeDns(m);
      const plain = encodeDns(m, { compress: false });
      expect(decodeDns(compressed)).toEqual(m);
      expect(decodeDns(plain)).toEqual(m);
      expect(compressed.length).toBeLessThanOrEqual(plain.length);
      expect(describeDns(compressed).length).toBe(compressed.length);
    });
  }
});
