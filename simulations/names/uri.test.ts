import { describe, expect, it } from 'vitest';
import {
  classify,
  parseUri,
  parseUrn,
  rfc3986Split,
  urnEquivalent,
  URL_COMPONENTS,
  type UrlChangeKind,
  type UrlErrorRule,
  type UrlOk,
  type UriKind,
  type UrnRule,
} from './uri';

function expectSpans(r: UrlOk) {
  for (const name of URL_COMPONENTS) {
    const value = r.components[name];
    const span = r.spans[name];
    if (value === '') {
      expect(span, name).toBe(null);
    } else {
      expect(span, name).not.toBe(null);
      expect(r.href.slice(span!.start, span!.end), name).toBe(value);
    }
  }
}

interface UrlCase {
  input: string;
  href: string;
  changes?: UrlChangeKind[];
  parts?: Partial<UrlOk['components']>;
  special?: boolean;
  opaquePath?: boolean;
}

const urls: UrlCase[] = [
  // RFC 3986 §1.1.2.
  { input: 'ftp://ftp.is.co.za/rfc/rfc1808.txt', href: 'ftp://ftp.is.co.za/rfc/rfc1808.txt', parts: { hostname: 'ftp.is.co.za', pathname: '/rfc/rfc1808.txt' }, special: true },
  { input: 'http://www.ietf.org/rfc/rfc2396.txt', href: 'http://www.ietf.org/rfc/rfc2396.txt', parts: { host: 'www.ietf.org' } },
  {
    input: 'ldap://[2001:db8::7]/c=GB?objectClass?one',
    href: 'ldap://[2001:db8::7]/c=GB?objectClass?one',
    parts: { hostname: '[2001:db8::7]', pathname: '/c=GB', search: '?objectClass?one' },
    special: false,
    opaquePath: false,
  },
  { input: 'mailto:John.Doe@example.com', href: 'mailto:John.Doe@example.com', parts: { pathname: 'John.Doe@example.com', host: '' }, opaquePath: true },
  { input: 'news:comp.infosystems.www.servers.unix', href: 'news:comp.infosystems.www.servers.unix', opaquePath: true },
  { input: 'tel:+1-816-555-1212', href: 'tel:+1-816-555-1212', parts: { pathname: '+1-816-555-1212' }, opaquePath: true },
  { input: 'telnet://192.0.2.16:80/', href: 'telnet://192.0.2.16:80/', parts: { hostname: '192.0.2.16', port: '80' } },
  {
    input: 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
    href: 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
    parts: { protocol: 'urn:', pathname: 'oasis:names:specification:docbook:dtd:xml:4.1.2' },
    opaquePath: true,
  },
  // URL Standard examples and normalisations.
  { input: 'https://EXAMPLE.com/../x', href: 'https://example.com/x', changes: ['host-lowercased', 'dot-segments'] },
  { input: 'http://example.com:80/', href: 'http://example.com/', changes: ['default-port-dropped'] },
  { input: 'https://example.com:443/a', href: 'https://example.com/a', changes: ['default-port-dropped'] },
  { input: 'https://example.com:80/a', href: 'https://example.com:80/a', changes: [], parts: { port: '80', host: 'example.com:80' } },
  { input: 'https://ex%61mple.com', href: 'https://example.com/', changes: ['host-percent-decoded', 'empty-path'] },
  { input: 'http://[::1]:8080', href: 'http://[::1]:8080/', changes: ['empty-path'], parts: { hostname: '[::1]', port: '8080', host: '[::1]:8080' } },
  { input: 'https://한국.kr/', href: 'https://xn--3e0b707e.kr/', changes: ['idn-punycode'] },
  { input: 'https://user:pass@host/', href: 'https://user:pass@host/', changes: [], parts: { username: 'user', password: 'pass' } },
  { input: 'HTTP://example.com/', href: 'http://example.com/', changes: ['scheme-lowercased'] },
  { input: '  https://example.com/ \n', href: 'https://example.com/', changes: ['whitespace-trimmed'] },
  { input: 'https://exa\tmple.com/a\nb', href: 'https://example.com/ab', changes: ['tab-newline-removed'] },
  { input: 'http:\\\\example.com\\a\\b', href: 'http://example.com/a/b', changes: ['backslashes'] },
  { input: 'http:example.com', href: 'http://example.com/', changes: ['slashes', 'empty-path'] },
  { input: 'http:////example.com/', href: 'http://example.com/', changes: ['slashes'] },
  { input: 'http://example.com/a b/ü', href: 'http://example.com/a%20b/%C3%BC', changes: ['percent-encoded'] },
  { input: 'http://example.com/?q=a b', href: 'http://example.com/?q=a%20b', changes: ['percent-encoded'], parts: { search: '?q=a%20b' } },
  { input: 'http://example.com/#a b', href: 'http://example.com/#a%20b', changes: ['percent-encoded'], parts: { hash: '#a%20b' } },
  { input: 'http://example.com/a/./b/../c', href: 'http://example.com/a/c', changes: ['dot-segments'] },
  { input: 'http://example.com/%2e%2E/x', href: 'http://example.com/x', changes: ['dot-segments'] },
  { input: 'http://0x7f.1/', href: 'http://127.0.0.1/', changes: ['ipv4-normalised'] },
  { input: 'http://[0:0:0:0:0:0:0:1]/', href: 'http://[::1]/', changes: ['ipv6-normalised'] },
  { input: 'http://example.com:/', href: 'http://example.com/', changes: ['empty-port-dropped'] },
  { input: 'http://example.com:0080/', href: 'http://example.com/', changes: ['default-port-dropped'] },
  { input: 'http://example.com:08080/', href: 'http://example.com:8080/', changes: ['port-normalised'] },
  { input: 'file://localhost/etc/hosts', href: 'file:///etc/hosts', changes: ['localhost-removed'] },
  { input: 'https://ＡＢＣ.com/', href: 'https://abc.com/', changes: ['host-mapped'] },
  { input: 'http://u s@example.com/', href: 'http://u%20s@example.com/', changes: ['percent-encoded'], parts: { username: 'u%20s' } },
  { input: 'http://example.com/?', href: 'http://example.com/?', changes: [], parts: { search: '' } },
  { input: 'non-spec:/.//p', href: 'non-spec:/.//p', changes: [], parts: { pathname: '//p' } },
  { input: 'foo://Example.COM/a/../b', href: 'foo://Example.COM/b', changes: ['dot-segments'], parts: { hostname: 'Example.COM' } },
  { input: 'urn:isbn:0451450523', href: 'urn:isbn:0451450523', changes: [], opaquePath: true },
  {
    input: '  HTTP://Ex\tAmple.COM:80/a/./b/../c d?q=ü x#f g  ',
    href: 'http://example.com/a/c%20d?q=%C3%BC%20x#f%20g',
    changes: [
      'whitespace-trimmed',
      'tab-newline-removed',
      'scheme-lowercased',
      'host-lowercased',
      'default-port-dropped',
      'dot-segments',
      'percent-encoded',
      'percent-encoded',
      'percent-encoded',
    ],
  },
];

describe('parseUri: valid URLs', () => {
  it.each(urls)('$input', ({ input, href, changes, parts, special, opaquePath }) => {
    const r = parseUri(input);
    if (!r.ok) throw new Error(JSON.stringify(r.errors.map((e) => e.rule)));
    expect(r.href).toBe(href);
    expect(r.href).toBe(new URL(input).href);
    expectSpans(r);
    if (changes) expect(r.changes.map((c) => c.kind)).toEqual(changes);
    for (const [k, v] of Object.entries(parts ?? {})) if (v !== undefined) expect(r.components[k as keyof UrlOk['components']]).toBe(v);
    if (special !== undefined) expect(r.special).toBe(special);
    if (opaquePath !== undefined) expect(r.opaquePath).toBe(opaquePath);
    for (const c of r.changes) {
      expect(c.message.ko).not.toBe('');
      expect(c.message.en).not.toBe('');
    }
  });

  it('reports what changed with from and to', () => {
    const r = parseUri('HTTP://EXAMPLE.com:80/a/../b');
    if (!r.ok) throw new Error('expected ok');
    expect(r.changes.map((c) => [c.kind, c.from, c.to])).toEqual([
      ['scheme-lowercased', 'HTTP', 'http'],
      ['host-lowercased', 'EXAMPLE.com', 'example.com'],
      ['default-port-dropped', ':80', ''],
      ['dot-segments', '/a/../b', '/b'],
    ]);
    expect(r.origin).toBe('http://example.com');
  });

  it('IDN → punycode names both forms', () => {
    const r = parseUri('https://한국.kr/');
    if (!r.ok) throw new Error('expected ok');
    expect(r.changes[0]).toMatchObject({ kind: 'idn-punycode', from: '한국.kr', to: 'xn--3e0b707e.kr' });
  });

  it('an unchanged URL reports no changes', () => {
    for (const u of ['https://example.com/', 'http://a.b/c?d#e', 'mailto:x@y.z']) {
      const r = parseUri(u);
      expect(r.ok && r.changes).toEqual([]);
    }
  });
});

const invalidUrls: [string, UrlErrorRule[]][] = [
  ['', ['empty']],
  ['   ', ['empty']],
  ['test.com/food/salad.png', ['no-scheme']],
  ['/a/b', ['no-scheme']],
  ['//example.com/x', ['no-scheme']],
  ['?q=1', ['no-scheme']],
  ['1http://x', ['invalid-scheme']],
  ['http://a:99999', ['invalid-port']],
  ['http://a:8x/', ['invalid-port']],
  ['http://[::1', ['invalid-ipv6']],
  ['http://[::g]/', ['invalid-ipv6']],
  ['http://exa mple.com', ['forbidden-host-code-point']],
  ['http://a<b/', ['forbidden-host-code-point']],
  ['http://a%20b/', ['forbidden-host-code-point']],
  ['foo://exa mple/', ['forbidden-host-code-point']],
  ['http://', ['empty-host']],
  ['http:///', ['empty-host']],
  ['https://:443/', ['empty-host']],
  ['http://user@/', ['empty-host']],
  ['http://256.1.1.1/', ['invalid-ipv4']],
  ['http://1.2.3.4.5/', ['invalid-ipv4']],
  ['http://xn--zz.com/', ['invalid-idn']],
  ['http://:99999', ['empty-host', 'invalid-port']],
];

describe('parseUri: invalid input', () => {
  it.each(invalidUrls)('%j → %j', (input, rules) => {
    expect(() => new URL(input)).toThrow();
    const r = parseUri(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.rule)).toEqual(rules);
  });

  it('explains test.com/food/salad.png as a relative reference', () => {
    const r = parseUri('test.com/food/salad.png');
    if (r.ok) throw new Error('expected failure');
    const m = r.errors[0].message;
    expect(m.en).toContain('relative reference, not an absolute URL');
    expect(m.en).toContain('address bar guesses https://');
    expect(m.en).toContain('needs a base URL');
    expect(m.en).toContain('https://example.com/a/test.com/food/salad.png');
    expect(m.ko).toContain('상대 참조');
    expect(m.ko).toContain('주소창');
    expect(m.ko).toContain('기준 URL');
  });

  it('says why a port is invalid', () => {
    const r = parseUri('http://a:99999');
    expect(!r.ok && r.errors[0].message.en).toContain('0–65535');
  });
});

describe('parseUrn (RFC 8141)', () => {
  it.each([
    ['urn:isbn:0451450523', 'isbn', '0451450523', 'RFC 8254'],
    ['urn:ietf:rfc:3986', 'ietf', 'rfc:3986', 'RFC 2648'],
    ['urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66', 'uuid', '6e8bc430-9c3a-11d9-9669-0800200c9a66', 'RFC 9562'],
    ['urn:oid:1.3.6.1', 'oid', '1.3.6.1', 'RFC 3061'],
    ['urn:issn:0167-6423', 'issn', '0167-6423', 'RFC 8254'],
    ['URN:ISBN:0451450523', 'isbn', '0451450523', 'RFC 8254'],
  ])('%s', (input, nidKey, nss, rfc) => {
    const r = parseUrn(input);
    if (!r.ok) throw new Error(JSON.stringify(r.problems.map((p) => p.rule)));
    expect(r.nidKey).toBe(nidKey);
    expect(r.nss).toBe(nss);
    expect(r.known?.rfc).toBe(rfc);
    expect(r.warnings).toEqual([]);
    expect(r.whatwg.ok).toBe(true);
    expect(r.explanation.en).toContain('identify a resource without locating it');
    expect(r.explanation.en).toContain('opaque path');
  });

  it('splits r-, q- and f-components and ignores them for equivalence', () => {
    const r = parseUrn('urn:example:a123,z456?+abc?=xyz#789');
    if (!r.ok) throw new Error('expected ok');
    expect([r.nid, r.nss, r.rComponent, r.qComponent, r.fComponent]).toEqual(['example', 'a123,z456', 'abc', 'xyz', '789']);
    expect(r.known).toBe(null);
    expect(urnEquivalent('urn:example:a123,z456?+abc', 'URN:EXAMPLE:a123,z456#x')).toBe(true);
    expect(urnEquivalent('urn:example:a%2cb', 'urn:example:a%2Cb')).toBe(true);
    // The NSS is case-sensitive.
    expect(urnEquivalent('urn:example:ABC', 'urn:example:abc')).toBe(false);
  });

  it('shows the WHATWG view: a URL with an opaque path', () => {
    const r = parseUrn('urn:isbn:0451450523');
    if (!r.ok || !r.whatwg.ok) throw new Error('expected ok');
    expect(r.whatwg.components.pathname).toBe('isbn:0451450523');
    expect(r.whatwg.components.host).toBe('');
    expect(r.whatwg.opaquePath).toBe(true);
    expect(r.whatwg.origin).toBe('null');
  });

  it('warns about an NSS that does not fit its namespace', () => {
    const isbn = parseUrn('urn:isbn:0451450524');
    expect(isbn.ok && isbn.warnings.map((w) => w.rule)).toEqual(['nss-format']);
    const uuid = parseUrn('urn:uuid:not-a-uuid');
    expect(uuid.ok && uuid.warnings.map((w) => w.rule)).toEqual(['nss-format']);
    expect(parseUrn('urn:isbn:978-0-306-40615-7').ok && (parseUrn('urn:isbn:978-0-306-40615-7') as { warnings: unknown[] }).warnings).toEqual([]);
  });

  it('recognises informal NIDs', () => {
    const r = parseUrn('urn:urn-7:foo');
    expect(r.ok && r.informal).toBe(true);
  });

  it.each<[string, UrnRule[]]>([
    ['isbn:0451450523', ['not-urn']],
    ['urn:x:abc', ['nid-length']],
    ['urn:' + 'a'.repeat(33) + ':abc', ['nid-length']],
    ['urn:-ab:c', ['nid-hyphen']],
    ['urn:ab-:c', ['nid-hyphen']],
    ['urn:a_b:c', ['nid-chars']],
    ['urn:isbn', ['nss-empty']],
    ['urn:isbn:', ['nss-empty']],
    ['urn:example:/abc', ['nss-slash']],
    ['urn:example:a b', ['nss-chars']],
    ['urn:example:a%zz', ['percent']],
    ['urn:example:a?x', ['component-order']],
    ['urn:example:a?+', ['r-component']],
    ['urn:example:a?=', ['q-component']],
    ['urn:example:a#b c', ['f-component']],
    ['urn:x', ['nid-length', 'nss-empty']],
  ])('%s → %j', (input, rules) => {
    const r = parseUrn(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.rule)).toEqual(rules);
  });
});

describe('rfc3986Split (Appendix B)', () => {
  it('splits the §3 example', () => {
    expect(rfc3986Split('foo://example.com:8042/over/there?name=ferret#nose')).toMatchObject({
      scheme: 'foo',
      authority: 'example.com:8042',
      host: 'example.com',
      port: '8042',
      path: '/over/there',
      query: 'name=ferret',
      fragment: 'nose',
    });
    expect(rfc3986Split('urn:example:animal:ferret:nose')).toMatchObject({ scheme: 'urn', path: 'example:animal:ferret:nose', authority: undefined });
  });
  it('splits userinfo and an IPv6 host', () => {
    expect(rfc3986Split('ldap://user@[2001:db8::7]:389/c=GB')).toMatchObject({ userinfo: 'user', host: '[2001:db8::7]', port: '389', path: '/c=GB' });
  });
  it('validates nothing', () => {
    const s = rfc3986Split('test.com/food/salad.png');
    expect(s).toMatchObject({ scheme: undefined, authority: undefined, path: 'test.com/food/salad.png', schemeValid: false });
    expect(rfc3986Split('http://a b').uriChars).toBe(false);
  });
});

describe('classify', () => {
  it.each<[string, UriKind]>([
    ['ftp://ftp.is.co.za/rfc/rfc1808.txt', 'url'],
    ['http://www.ietf.org/rfc/rfc2396.txt', 'url'],
    ['ldap://[2001:db8::7]/c=GB?objectClass?one', 'url'],
    ['mailto:John.Doe@example.com', 'url'],
    ['news:comp.infosystems.www.servers.unix', 'url'],
    ['tel:+1-816-555-1212', 'url'],
    ['telnet://192.0.2.16:80/', 'url'],
    ['file:///etc/hosts', 'url'],
    ['urn:oasis:names:specification:docbook:dtd:xml:4.1.2', 'urn'],
    ['urn:isbn:0451450523', 'urn'],
    ['data:text/plain,hello', 'uri'],
    ['tag:example.com,2024:notes', 'uri'],
    ['foo:bar', 'uri'],
    ['test.com/food/salad.png', 'relative'],
    ['../x', 'relative'],
    ['//example.com/x', 'relative'],
    ['', 'invalid'],
    ['http://a:99999', 'invalid'],
    ['urn:x', 'invalid'],
    ['1http://x', 'invalid'],
  ])('%s → %s', (input, kind) => {
    const c = classify(input);
    expect(c.kind).toBe(kind);
    expect(c.explanation.ko).not.toBe('');
    expect(c.explanation.en).not.toBe('');
  });

  it('RFC 3986 §1.1.2 examples split the same way by both parsers', () => {
    for (const u of [
      'ftp://ftp.is.co.za/rfc/rfc1808.txt',
      'http://www.ietf.org/rfc/rfc2396.txt',
      'ldap://[2001:db8::7]/c=GB?objectClass?one',
      'mailto:John.Doe@example.com',
      'news:comp.infosystems.www.servers.unix',
      'tel:+1-816-555-1212',
      'telnet://192.0.2.16:80/',
      'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
    ]) {
      expect(classify(u).differences, u).toEqual([]);
    }
  });

  it('explains where the RFC 3986 split and the WHATWG parser differ', () => {
    const c = classify('HTTP://EXAMPLE.com:80/a/../b');
    expect(c.differences.map((d) => [d.component, d.rfc3986, d.whatwg])).toEqual([
      ['scheme', 'HTTP', 'http'],
      ['host', 'EXAMPLE.com', 'example.com'],
      ['port', '80', undefined],
      ['path', '/a/../b', '/b'],
    ]);
    expect(c.differences[3].message.en).toContain('only splits');
    expect(c.differences[3].message.en).toContain('".."');
  });

  it('backslashes: RFC 3986 sees no authority, WHATWG finds a host', () => {
    const c = classify('http:\\\\example.com\\a');
    expect(c.rfc3986.authority).toBe(undefined);
    const host = c.differences.find((d) => d.component === 'host')!;
    expect(host.whatwg).toBe('example.com');
    expect(host.message.en).toContain('backslashes');
  });

  it('a URN is a URI scheme that names without locating', () => {
    const c = classify('urn:isbn:0451450523');
    expect(c.urn?.ok).toBe(true);
    expect(c.explanation.en).toContain('without locating');
    expect(c.explanation.ko).toContain('위치');
  });
});
