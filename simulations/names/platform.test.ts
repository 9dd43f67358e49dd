import { afterEach, describe, expect, test } from 'vitest';
import { parseUri } from './uri';

const RealURL = globalThis.URL;
afterEach(() => {
  globalThis.URL = RealURL;
});

describe('parseUri holds the platform parser to the URL Standard', () => {
  test('a parser that escapes a space in the host (as Chromium does) still fails with the reason', () => {
    // Chromium returns https://exa%20mple.com/ where the URL Standard (and Node) fail.
    class ChromiumLikeURL extends RealURL {
      constructor(input: string | URL, base?: string | URL) {
        const odd = String(input).includes('exa mple.com');
        super(String(input).replace('exa mple.com', 'example.com'), base);
        if (odd) {
          for (const [k, v] of Object.entries({ hostname: 'exa%20mple.com', host: 'exa%20mple.com', href: 'https://exa%20mple.com/', origin: 'https://exa%20mple.com' })) {
            Object.defineProperty(this, k, { get: () => v });
          }
        }
      }
    }
    globalThis.URL = ChromiumLikeURL as typeof URL;
    expect(new URL('https://exa mple.com/').href).toBe('https://exa%20mple.com/');
    const r = parseUri('https://exa mple.com/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.rule)).toContain('forbidden-host-code-point');
  });
});
