import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../core/entities';
import { withScenes, type FullTimeline } from '../../core/timeline';
import type { UriPartsEntity, UriRow, VennEntity } from '../../figures/uri';
import { parseUri, rfc3986Split, type UrlOk } from '../../names';
import { DEFAULT_URI, PRESETS, simulate } from '.';

const run = (uri: string): FullTimeline => withScenes(simulate({ uri }, 1));
const partsAt = (tl: FullTimeline, i: number): UriPartsEntity => entitiesOf(tl.steps[i].scene, 'uri-parts')[0];
const vennAt = (tl: FullTimeline, i: number): VennEntity => entitiesOf(tl.steps[i].scene, 'venn')[0];
const keyAt = (tl: FullTimeline, key: string) => tl.steps.findIndex((s) => s.key === key);
const row = (tl: FullTimeline, key: string, id: UriRow['id']) => partsAt(tl, keyAt(tl, key)).rows.find((r) => r.id === id)!;
const values = (r: UriRow) => Object.fromEntries(r.parts.map((p) => [p.part, r.text.slice(p.start, p.end)]));

// RFC 3986 §1.1.2's examples, the URL Standard's normalisations, URNs (RFC 8141), mailto (RFC 6068), relative and invalid input.
const KINDS: [string, string][] = [
  ['ftp://ftp.is.co.za/rfc/rfc1808.txt', 'url'],
  ['http://www.ietf.org/rfc/rfc2396.txt', 'url'],
  ['ldap://[2001:db8::7]/c=GB?objectClass?one', 'url'],
  ['mailto:John.Doe@example.com', 'url'],
  ['news:comp.infosystems.www.servers.unix', 'url'],
  ['tel:+1-816-555-1212', 'url'],
  ['telnet://192.0.2.16:80/', 'url'],
  ['urn:oasis:names:specification:docbook:dtd:xml:4.1.2', 'urn'],
  ['urn:isbn:0451450523', 'urn'],
  ['urn:ietf:rfc:3986', 'urn'],
  ['data:text/plain,hello', 'uri'],
  ['tag:example.com,2005:x', 'uri'],
  ['test.com/food/salad.png', 'relative'],
  ['/a/b?c#d', 'relative'],
  ['//example.com/x', 'relative'],
  ['https://exa mple.com/', 'invalid'],
  ['http://[::1/', 'invalid'],
  ['http://example.com:99999/', 'invalid'],
  ['urn:x:abc', 'invalid'],
  ['', 'invalid'],
];

/** The WHATWG component each part of the href row must equal. */
function expected(url: UrlOk): Record<string, string> {
  const c = url.components;
  const out: Record<string, string> = { scheme: url.scheme };
  if (c.username || c.password) out.userinfo = c.username + (c.password ? ':' + c.password : '');
  if (c.hostname) out.host = c.hostname;
  if (c.port) out.port = c.port;
  if (c.pathname) out.path = c.pathname;
  if (c.search.length > 1) out.query = c.search.slice(1);
  if (c.hash.length > 1) out.fragment = c.hash.slice(1);
  return out;
}

describe('uri-url-urn: classification', () => {
  for (const [uri, kind] of KINDS) {
    it(`${JSON.stringify(uri)} is ${kind}`, () => {
      const tl = run(uri);
      expect(tl.scenario).toBe(kind);
      expect(vennAt(tl, keyAt(tl, 'classify')).region).toBe(kind);
      expect(vennAt(tl, 0).region).toBeNull();
      expect(tl.steps.slice(0, 2).map((s) => s.key)).toEqual(['input', 'split']);
      expect(tl.steps.slice(-2).map((s) => s.key)).toEqual(['classify', 'venn']);
      if (kind === 'invalid') expect(tl.notices?.length).toBeGreaterThan(0);
      else expect(tl.notices).toBeUndefined();
    });
  }
});

describe('uri-url-urn: parts', () => {
  it('the default URL: one beat per component, in order, with the exact values', () => {
    const tl = run(DEFAULT_URI);
    expect(tl.steps.map((s) => s.key)).toEqual(['input', 'split', 'scheme', 'userinfo', 'host', 'port', 'path', 'query', 'fragment', 'normalise', 'classify', 'venn']);
    expect(values(row(tl, 'normalise', 'href'))).toEqual({ scheme: 'https', userinfo: 'user:pw', host: 'www.example.com', port: '8080', path: '/board/list', query: 'page=2&sort=new', fragment: 'comments' });
    // Each component beat makes its own part current, the earlier ones shown, the later ones hidden.
    const names = ['scheme', 'userinfo', 'host', 'port', 'path', 'query', 'fragment'];
    names.forEach((name, i) => {
      const r = row(tl, name, 'href');
      expect(r.parts.map((p) => p.state)).toEqual(names.map((_, j) => (j < i ? 'shown' : j === i ? 'current' : 'hidden')));
      expect(r.parts[i].part).toBe(name);
    });
    expect(partsAt(tl, keyAt(tl, 'normalise')).changes).toEqual([]);
  });

  it('spans colour exactly the href\'s components, and nothing but delimiters is left between them', () => {
    const inputs = [...KINDS.map(([u]) => u), ...PRESETS.map((p) => p.uri), 'https://:pw@h.example/', 'http://a.example/#', 'http://a.example/?', 'HTTP://[2001:DB8::1]:8080/%7e?x#y', 'urn:example:a?+r?=q#f'];
    for (const uri of inputs) {
      const url = parseUri(uri);
      if (!url.ok) continue;
      const tl = run(uri);
      const r = row(tl, 'normalise', 'href');
      expect(r.text).toBe(url.href);
      const got = values(r);
      const want = expected(url);
      if ('nid' in got) {
        expect(`${got.nid}:${got.nss}`).toBe(want.path);
        delete want.path;
        delete got.nid;
        delete got.nss;
      }
      expect(got, uri).toEqual(want);
      let at = 0;
      for (const p of r.parts) {
        expect(p.start).toBeGreaterThanOrEqual(at);
        expect(r.text.slice(at, p.start)).toMatch(/^[:/@?#]*$/);
        at = p.end;
      }
      expect(r.text.slice(at)).toMatch(/^[:/@?#]*$/);
    }
  });

  it('the split row follows RFC 3986 Appendix B on the input as typed', () => {
    for (const [uri] of KINDS) {
      const s = rfc3986Split(uri);
      const got = values(row(run(uri), 'split', 'input'));
      const want: Record<string, string> = {};
      for (const k of ['scheme', 'userinfo', 'host', 'port', 'path', 'query', 'fragment'] as const) if (s[k]) want[k] = s[k]!;
      expect(got, uri).toEqual(want);
    }
  });

  it('the normalisation showcase reports each change the parser made', () => {
    const tl = run('HTTP://EXAMPLE.com:80/a/../b/./c?q=a b');
    const e = partsAt(tl, keyAt(tl, 'normalise'));
    expect(e.rows[1].text).toBe('http://example.com/b/c?q=a%20b');
    expect(e.changes).toEqual(
      expect.arrayContaining([
        { part: 'scheme', from: 'HTTP', to: 'http' },
        { part: 'host', from: 'EXAMPLE.com', to: 'example.com' },
        { part: 'port', from: ':80', to: '' },
        { part: 'path', from: '/a/../b/./c', to: '/b/c' },
      ]),
    );
    expect(e.changes.some((c) => c.to.includes('%20'))).toBe(true);
    expect(tl.steps[keyAt(tl, 'normalise')].caption.en).toMatch(/^\d+ things the parser changed$/);
  });

  it('an IDN host is shown as its Punycode A-label', () => {
    const tl = run('https://한국.kr/');
    expect(values(row(tl, 'normalise', 'href')).host).toBe('xn--3e0b707e.kr');
    expect(tl.steps[keyAt(tl, 'normalise')].narration.en).toContain('xn--3e0b707e');
  });

  it('a URN is split into NID and NSS, and says it names without locating', () => {
    const tl = run('urn:isbn:0451450523');
    expect(tl.steps.map((s) => s.key)).toEqual(['input', 'split', 'scheme', 'nid', 'nss', 'normalise', 'classify', 'venn']);
    expect(values(row(tl, 'nss', 'href'))).toEqual({ scheme: 'urn', nid: 'isbn', nss: '0451450523' });
    expect(tl.steps[keyAt(tl, 'nid')].narration.en).toContain('RFC 8254');
  });

  it('the sheet\'s test.com/food/salad.png is a relative reference, resolved against a base', () => {
    const tl = run('test.com/food/salad.png');
    expect(tl.steps.map((s) => s.key)).toEqual(['input', 'split', 'relative', 'resolved', 'classify', 'venn']);
    expect(values(row(tl, 'split', 'input'))).toEqual({ path: 'test.com/food/salad.png' });
    const resolved = row(tl, 'resolved', 'resolved');
    expect(resolved.text).toBe('https://example.com/a/test.com/food/salad.png');
    expect(values(resolved).host).toBe('example.com');
    expect(tl.steps[keyAt(tl, 'relative')].narration.en).toMatch(/relative reference/);
  });

  it('an input the parser rejects shows its reasons instead of parts', () => {
    for (const uri of ['https://exa mple.com/', 'http://[::1/', 'http://example.com:99999/']) {
      const tl = run(uri);
      const i = keyAt(tl, 'invalid');
      expect(i).toBe(2);
      const e = partsAt(tl, i);
      expect(e.errors.length).toBeGreaterThan(0);
      const r = parseUri(uri);
      expect(!r.ok && e.errors).toEqual(!r.ok && r.errors.map((x) => x.message));
    }
  });
});

describe('uri-url-urn: any input', () => {
  const pieces = fc.constantFrom('http', 'https', 'HTTP', 'urn', 'mailto', 'isbn', ':', '://', '//', '/', '\\', '.', '..', '?', '#', '@', '[', ']', '%', '%41', ' ', '\t', '80', '99999', '한국', 'a', 'Z', '-');
  const anyString = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 30 }), fc.array(pieces, { maxLength: 12 }).map((p) => p.join('')));

  it('any string gives a timeline whose every beat has ko and en text, with parts inside their row and in order', () => {
    fc.assert(
      fc.property(anyString, (uri) => {
        const tl = run(uri);
        for (const s of tl.steps) {
          for (const x of [s.caption, s.narration]) expect(x.ko !== '' && x.en !== '').toBe(true);
          expect(entitiesOf(s.scene, 'venn')).toHaveLength(1);
          const e = entitiesOf(s.scene, 'uri-parts');
          expect(e).toHaveLength(1);
          for (const r of e[0].rows) {
            let at = 0;
            for (const p of r.parts) {
              expect(p.start >= at && p.end > p.start && p.end <= r.text.length).toBe(true);
              at = p.end;
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    for (const [uri] of KINDS) expect(JSON.stringify(simulate({ uri }, 5))).toBe(JSON.stringify(simulate({ uri }, 5)));
  });

  it('every preset parses to its intended kind', () => {
    const kinds = Object.fromEntries(PRESETS.map((p) => [p.key, run(p.uri).scenario]));
    expect(kinds).toEqual({ url: 'url', 'urn-isbn': 'urn', 'urn-ietf': 'urn', mailto: 'url', relative: 'relative', idn: 'url', normalise: 'url' });
  });
});
