import { describe, expect, it } from 'vitest';
import { checkHostname, sameHostname, type HostnameRule } from './hostname';
import { punycodeDecode, punycodeEncode } from './punycode';

const l63 = 'a'.repeat(63);
const l64 = 'a'.repeat(64);
// 253 characters: four labels of 63 plus three dots = 255, so trim: 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253.
const n253 = [l63, l63, l63, 'b'.repeat(61)].join('.');
const n254 = [l63, l63, l63, 'b'.repeat(62)].join('.');

interface Valid {
  input: string;
  ascii: string;
  unicode?: string;
  warnings?: HostnameRule[];
  idn?: number[];
  fqdn?: boolean;
}

const valid: Valid[] = [
  // RFC 1035 §2.3.1 examples.
  { input: 'A.ISI.EDU', ascii: 'a.isi.edu' },
  { input: 'XX.LCS.MIT.EDU', ascii: 'xx.lcs.mit.edu' },
  { input: 'SRI-NIC.ARPA', ascii: 'sri-nic.arpa' },
  { input: 'example.com', ascii: 'example.com' },
  { input: 'www.example.com.', ascii: 'www.example.com', fqdn: true },
  { input: 'localhost', ascii: 'localhost' },
  // RFC 1123 §2.1: a label may start with a digit.
  { input: '3com.com', ascii: '3com.com' },
  { input: '1.2.3.4.example', ascii: '1.2.3.4.example' },
  { input: 'a-b.c-d.example', ascii: 'a-b.c-d.example' },
  { input: `${l63}.com`, ascii: `${l63}.com` },
  { input: n253, ascii: n253 },
  { input: n253 + '.', ascii: n253, fqdn: true },
  // IDN.
  { input: '한국.kr', ascii: 'xn--3e0b707e.kr', unicode: '한국.kr', idn: [0] },
  { input: 'bücher.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', idn: [0] },
  { input: 'ÉXAMPLE.com', ascii: 'xn--xample-9ua.com', unicode: 'éxample.com', idn: [0] },
  { input: 'xn--3e0b707e.kr', ascii: 'xn--3e0b707e.kr', unicode: '한국.kr', idn: [0] },
  { input: 'XN--BCHER-KVA.example', ascii: 'xn--bcher-kva.example', unicode: 'bücher.example', idn: [0] },
  { input: 'ＡＢＣ.com', ascii: 'abc.com' },
  { input: '例え。テスト', ascii: 'xn--r8jz45g.xn--zckzah', unicode: '例え.テスト', idn: [0, 1] },
  // Warnings only.
  { input: 'a_b.com', ascii: 'a_b.com', warnings: ['underscore'] },
  { input: '_dmarc.example.com', ascii: '_dmarc.example.com', warnings: ['underscore'] },
  { input: 'ab--cd.example', ascii: 'ab--cd.example', warnings: ['reserved-hyphens'] },
];

interface Invalid {
  input: string;
  rules: HostnameRule[];
  indexes?: (number | undefined)[];
}

const invalid: Invalid[] = [
  { input: '', rules: ['empty-name'] },
  { input: '.', rules: ['empty-name'] },
  { input: 'a..b', rules: ['empty-label'], indexes: [1] },
  { input: '.a.com', rules: ['empty-label'], indexes: [0] },
  { input: 'a.com..', rules: ['empty-label'], indexes: [2] },
  { input: `${l64}.com`, rules: ['label-too-long'], indexes: [0] },
  { input: n254, rules: ['name-too-long'], indexes: [undefined] },
  { input: '-a.com', rules: ['hyphen-edge'], indexes: [0] },
  { input: 'a-.com', rules: ['hyphen-edge'], indexes: [0] },
  { input: 'ok.-a-.com', rules: ['hyphen-edge'], indexes: [1] },
  { input: 'exa mple.com', rules: ['ldh'], indexes: [0] },
  { input: 'a!b.com', rules: ['ldh'] },
  { input: 'a/b', rules: ['ldh'] },
  { input: 'host:80', rules: ['ldh'] },
  { input: '1.2.3.4', rules: ['numeric-tld'], indexes: [3] },
  { input: 'example.123', rules: ['numeric-tld'] },
  { input: 'xn--zz.com', rules: ['a-label-invalid'], indexes: [0] },
  { input: '\u00ad.com', rules: ['idn-invalid'], indexes: [0] },
  // The URL parser maps '㈀' to '(ᄀ)': the A-label would hold '(' and ')'.
  { input: '㈀.com', rules: ['ldh'], indexes: [0] },
  // Several rules at once, each reported.
  { input: '-a_b.c..d', rules: ['hyphen-edge', 'underscore', 'empty-label'], indexes: [0, 0, 2] },
  { input: `-${l63}.com`, rules: ['hyphen-edge', 'label-too-long'] },
  { input: `${l64}.${'b'.repeat(63)}.${l63}.${l63}`, rules: ['label-too-long', 'name-too-long'] },
  { input: 'a b-.1', rules: ['ldh', 'hyphen-edge', 'numeric-tld'] },
];

describe('checkHostname: valid names', () => {
  it.each(valid)('$input', ({ input, ascii, unicode, warnings = [], idn = [], fqdn = false }) => {
    const r = checkHostname(input);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.map((p) => p.rule)));
    expect(r.ascii).toBe(ascii);
    expect(r.unicode).toBe(unicode ?? ascii);
    expect(r.warnings.map((w) => w.rule)).toEqual(warnings);
    expect(r.warnings.every((w) => w.severity === 'warning')).toBe(true);
    expect(r.idnLabels).toEqual(idn);
    expect(r.fqdn).toBe(fqdn);
    expect(r.length).toBe(ascii.length);
    expect(r.wireOctets).toBe(ascii.length + 2);
    expect(r.labels.map((l) => l.ascii).join('.')).toBe(ascii);
    for (const l of r.labels) expect(l.octets).toBe(l.ascii.length);
  });
});

describe('checkHostname: invalid names', () => {
  it.each(invalid)('$input → $rules', ({ input, rules, indexes }) => {
    const r = checkHostname(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.rule)).toEqual(rules);
    if (indexes) expect(r.problems.map((p) => p.index)).toEqual(indexes);
    for (const p of r.problems) {
      expect(p.message.ko.length).toBeGreaterThan(10);
      expect(p.message.en.length).toBeGreaterThan(10);
    }
  });
});

describe('checkHostname: details', () => {
  it('63 octets is the label limit, 64 is over', () => {
    expect(checkHostname(`${l63}.com`).ok).toBe(true);
    const r = checkHostname(`${l64}.com`);
    expect(!r.ok && r.problems[0].message.en).toContain('64 octets');
  });

  it('253 characters is the name limit; the message explains 255 octets on the wire', () => {
    expect(n253.length).toBe(253);
    expect(n254.length).toBe(254);
    const ok = checkHostname(n253);
    expect(ok.ok && ok.wireOctets).toBe(255);
    const r = checkHostname(n254);
    if (r.ok) throw new Error('expected failure');
    const msg = r.problems.find((p) => p.rule === 'name-too-long')!.message;
    expect(msg.en).toContain('255');
    expect(msg.en).toContain('L + 2');
    expect(msg.en).toContain('256 octets');
    expect(msg.ko).toContain('255 − 2 = 253');
  });

  it('an IDN label counts its A-label octets', () => {
    // 20 Hangul syllables: 20 characters, but the A-label is longer than 63 octets.
    const label = '가나다라마바사아자차카타파하거너더러머버';
    const r = checkHostname(`${label}.kr`);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.rule)).toEqual(['label-too-long']);
  });

  it('reversed starts at the root; zones go from the root down', () => {
    const r = checkHostname('www.Example.com.');
    if (!r.ok) throw new Error('expected ok');
    expect(r.reversed).toEqual(['.', 'com', 'example', 'www']);
    expect(r.zones).toEqual(['.', 'com.', 'example.com.', 'www.example.com.']);
    expect(r.notes.map((n) => n.kind)).toEqual(['fqdn', 'lowercased']);
    expect(r.labels.map((l) => l.text)).toEqual(['www', 'Example', 'com']);
  });

  it('says which labels are IDNs', () => {
    const r = checkHostname('www.한국.kr');
    if (!r.ok) throw new Error('expected ok');
    expect(r.labels.map((l) => l.idn)).toEqual([false, true, false]);
    expect(r.notes.find((n) => n.kind === 'idn')!.message.en).toContain('한국 → xn--3e0b707e');
  });

  it('underscore is a warning explained with RFC 2181, not an error', () => {
    const r = checkHostname('_sip._tcp.example.com');
    if (!r.ok) throw new Error('expected ok');
    expect(r.warnings.map((w) => [w.rule, w.severity, w.index])).toEqual([
      ['underscore', 'warning', 0],
      ['underscore', 'warning', 1],
    ]);
    expect(r.warnings[0].message.en).toContain('RFC 2181 §11');
  });

  it('compares case-insensitively (RFC 4343) and by A-label', () => {
    expect(sameHostname('WWW.Example.COM', 'www.example.com.')).toBe(true);
    expect(sameHostname('한국.KR', 'xn--3e0b707e.kr')).toBe(true);
    expect(sameHostname('a.com', 'b.com')).toBe(false);
  });

  it('lists the offending characters', () => {
    const r = checkHostname('a b.c!d.com');
    if (r.ok) throw new Error('expected failure');
    expect(r.problems.map((p) => p.index)).toEqual([0, 1]);
    expect(r.problems[0].message.en).toContain("' ' (U+0020)");
    expect(r.problems[1].message.en).toContain("'!'");
  });
});

describe('punycode', () => {
  it.each([
    ['한국', '3e0b707e'],
    ['bücher', 'bcher-kva'],
    ['例え', 'r8jz45g'],
    ['テスト', 'zckzah'],
    ['éxample', 'xample-9ua'],
  ])('%s ⇄ %s', (u, p) => {
    expect(punycodeEncode(u)).toBe(p);
    expect(punycodeDecode(p)).toBe(u);
  });
  it('rejects garbage', () => {
    expect(punycodeDecode('zz')).toBe(null);
    expect(punycodeDecode('é-')).toBe(null);
  });
});
