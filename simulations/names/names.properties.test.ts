import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Text } from '../core/text';
import { checkHostname, type HostnameResult } from './hostname';
import { classify, parseUri, parseUrn, URL_COMPONENTS, type UrlResult, type UrnResult } from './uri';

const isText = (x: Text) => typeof x.ko === 'string' && typeof x.en === 'string' && x.ko !== '' && x.en !== '';

/** Strings that look like names and URLs more often than uniform noise does. */
const pieces = fc.constantFrom(
  'http', 'https', 'HTTP', 'ftp', 'file', 'urn', 'mailto', 'foo', 'isbn', 'xn--', 'xn--3e0b707e',
  ':', '://', '//', '/', '\\', '.', '..', '?', '?+', '?=', '#', '@', '[', ']', '::1', '%', '%2e', '%41',
  '-', '_', ' ', '\t', '\n', '\u0000', '80', '443', '99999', '0x7f', '한국', 'ü', 'Ｅ', '。', '\u00ad', 'a', 'Z', '1',
);
const urlish = fc.array(pieces, { maxLength: 14 }).map((p) => p.join(''));
const anyString = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  urlish,
);

function checkHostnameShape(r: HostnameResult) {
  if (r.ok) {
    expect(r.ascii).toMatch(/^[\x00-\x7f]*$/);
    expect(r.ascii.length).toBeLessThanOrEqual(253);
    expect(r.wireOctets).toBeLessThanOrEqual(255);
    expect(r.reversed[0]).toBe('.');
    expect(r.reversed.length).toBe(r.labels.length + 1);
    expect(r.zones.length).toBe(r.labels.length + 1);
    for (const l of r.labels) {
      expect(l.octets).toBeGreaterThan(0);
      expect(l.octets).toBeLessThanOrEqual(63);
      expect(l.ascii).toMatch(/^[a-z0-9_-]+$/);
    }
    for (const w of r.warnings) {
      expect(w.severity).toBe('warning');
      expect(isText(w.message)).toBe(true);
    }
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
    for (const p of r.problems) expect(isText(p.message)).toBe(true);
  }
}

function checkUrlShape(r: UrlResult) {
  if (r.ok) {
    for (const name of URL_COMPONENTS) {
      const s = r.spans[name];
      if (s) {
        expect(s.start).toBeLessThanOrEqual(s.end);
        expect(r.href.slice(s.start, s.end)).toBe(r.components[name]);
      }
    }
    for (const c of r.changes) expect(isText(c.message)).toBe(true);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(isText(e.message)).toBe(true);
  }
}

function checkUrnShape(r: UrnResult) {
  checkUrlShape(r.whatwg);
  if (r.ok) {
    expect(r.nss).not.toBe('');
    expect(r.nidKey).toBe(r.nidKey.toLowerCase());
    expect(isText(r.explanation)).toBe(true);
  } else {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) expect(isText(p.message)).toBe(true);
  }
}

describe('properties: never throw, always well-formed', () => {
  it('checkHostname', () => {
    fc.assert(fc.property(anyString, (s) => checkHostnameShape(checkHostname(s))), { numRuns: 600 });
  });

  it('parseUri', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const r = parseUri(s);
        checkUrlShape(r);
        // Agrees with the URL parser on what is valid.
        let valid = true;
        try {
          new URL(s);
        } catch {
          valid = false;
        }
        expect(r.ok).toBe(valid);
      }),
      { numRuns: 600 },
    );
  });

  it('parseUri: every non-empty component of a valid URL has its span', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (s) => {
        const r = parseUri(s);
        if (!r.ok) return;
        for (const name of URL_COMPONENTS) if (r.components[name] !== '') expect(r.spans[name], name).not.toBe(null);
      }),
      { numRuns: 300 },
    );
  });

  it('parseUrn', () => {
    fc.assert(fc.property(anyString, (s) => checkUrnShape(parseUrn(s))), { numRuns: 600 });
    fc.assert(fc.property(anyString, (s) => checkUrnShape(parseUrn('urn:' + s))), { numRuns: 300 });
  });

  it('classify', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const c = classify(s);
        expect(['url', 'urn', 'uri', 'relative', 'invalid']).toContain(c.kind);
        expect(isText(c.explanation)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
