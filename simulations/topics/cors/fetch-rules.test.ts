import { describe, expect, it } from 'vitest';
import {
  corsCheck, isForbiddenRequestHeader, isSafelistedMethod, listValues, mimeEssence, preflightCheck, preflightNeed, unsafeHeaderNames, whyNotSafelisted,
  type CredentialsMode, type Header,
} from './fetch-rules';

// Cases from the Fetch Standard's definitions (§2.2.1 methods, §2.2.2 headers, §4.8 CORS-preflight
// fetch, §4.9 CORS check), each checked by hand against the text.

describe('CORS-safelisted methods and request headers', () => {
  it('GET, HEAD and POST are safelisted; other methods, and methods in another case, are not', () => {
    expect(['GET', 'HEAD', 'POST'].map(isSafelistedMethod)).toEqual([true, true, true]);
    expect(['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'get', 'post'].map(isSafelistedMethod)).toEqual([false, false, false, false, false, false]);
  });

  it.each([
    ['Accept', 'application/json', null],
    ['accept', 'text/html, */*;q=0.8', null],
    ['Accept', 'a"b', 'bad-byte'],
    ['Accept', 'x{y}', 'bad-byte'],
    ['Accept-Language', 'ko-KR,ko;q=0.9', null],
    ['Content-Language', 'ko_KR', 'bad-byte'],
    ['Content-Type', 'text/plain;charset=UTF-8', null],
    ['Content-Type', 'TEXT/PLAIN', null],
    ['Content-Type', 'multipart/form-data; boundary=xyz', null],
    ['Content-Type', 'application/x-www-form-urlencoded', null],
    ['Content-Type', 'application/json', 'content-type'],
    ['Content-Type', 'text/plain; x=(y)', 'bad-byte'],
    ['Content-Type', 'text', 'content-type'],
    ['Range', 'bytes=0-99', null],
    ['Range', 'bytes=100-', null],
    ['Range', 'bytes=-500', 'range'],
    ['Range', 'bytes=9-2', 'range'],
    ['Range', 'bytes=0-1,5-6', 'range'],
    ['Authorization', 'Bearer x', 'name'],
    ['X-Request-Id', '1', 'name'],
    ['Accept', 'a'.repeat(129), 'too-long'],
  ] as const)('%s: %s → %s', (name, value, why) => {
    expect(whyNotSafelisted(name, value)).toBe(why);
  });

  it('unsafe names are lower case, sorted and without repeats', () => {
    const h: Header[] = [['X-B', '1'], ['x-a', '1'], ['X-b', '2'], ['Accept', 'text/html'], ['Content-Type', 'application/json']];
    expect(unsafeHeaderNames(h)).toEqual(['content-type', 'x-a', 'x-b']);
  });

  it('safelisted values adding up to more than 1024 bytes make every safelisted name unsafe', () => {
    const v = 'a'.repeat(128);
    const eight: Header[] = Array.from({ length: 8 }, () => ['Accept-Language', v] as Header);
    expect(unsafeHeaderNames(eight)).toEqual([]); // 1024: not more than
    expect(unsafeHeaderNames([...eight, ['Accept', 'b']])).toEqual(['accept', 'accept-language']);
  });

  it('a page may not set forbidden request headers', () => {
    expect(['Cookie', 'host', 'Origin', 'Sec-Fetch-Mode', 'Proxy-Authorization', 'Content-Length', 'Referer'].every(isForbiddenRequestHeader)).toBe(true);
    expect(['Authorization', 'X-Request-Id', 'Content-Type', 'Accept'].some(isForbiddenRequestHeader)).toBe(false);
  });

  it('MIME essences', () => {
    expect(mimeEssence(' Text/Plain ; charset=utf-8')).toBe('text/plain');
    expect(mimeEssence('text/')).toBeNull();
  });

  it('a preflight is needed for an unsafe method or any unsafe header, and only then', () => {
    expect(preflightNeed('POST', [['Content-Type', 'text/plain']])).toEqual({ method: false, headers: [] });
    expect(preflightNeed('POST', [['Content-Type', 'application/json']])).toEqual({ method: false, headers: ['content-type'] });
    expect(preflightNeed('PUT', [])).toEqual({ method: true, headers: [] });
    expect(preflightNeed('GET', [['Authorization', 'Bearer x']])).toEqual({ method: false, headers: ['authorization'] });
  });
});

describe('the CORS check', () => {
  const O = 'http://localhost:3000';
  const check = (h: Header[], cred: CredentialsMode = 'same-origin') => corsCheck(O, cred, h);
  it('* passes without credentials and fails with them', () => {
    expect(check([['Access-Control-Allow-Origin', '*']])).toEqual({ ok: true, via: 'wildcard' });
    expect(check([['Access-Control-Allow-Origin', '*'], ['Access-Control-Allow-Credentials', 'true']], 'include')).toEqual({ ok: false, rule: 'wildcard-with-credentials' });
  });
  it('the origin must match byte for byte: a trailing slash or another port fails', () => {
    expect(check([['Access-Control-Allow-Origin', O]])).toEqual({ ok: true, via: 'origin' });
    expect(check([['Access-Control-Allow-Origin', `${O}/`]])).toMatchObject({ ok: false, rule: 'origin-mismatch' });
    expect(check([['Access-Control-Allow-Origin', 'http://localhost:3001']])).toMatchObject({ ok: false, rule: 'origin-mismatch' });
    expect(check([])).toEqual({ ok: false, rule: 'no-allow-origin' });
  });
  it('two Allow-Origin fields combine into one value that matches no origin', () => {
    expect(check([['Access-Control-Allow-Origin', O], ['Access-Control-Allow-Origin', O]])).toMatchObject({ ok: false, rule: 'origin-mismatch', got: `${O}, ${O}` });
  });
  it('with credentials, Allow-Credentials must be exactly "true"', () => {
    const h: Header[] = [['Access-Control-Allow-Origin', O]];
    expect(check(h, 'include')).toEqual({ ok: false, rule: 'no-allow-credentials', got: null });
    expect(check([...h, ['Access-Control-Allow-Credentials', 'True']], 'include')).toMatchObject({ ok: false, rule: 'no-allow-credentials' });
    expect(check([...h, ['Access-Control-Allow-Credentials', 'true']], 'include')).toEqual({ ok: true, via: 'origin+credentials' });
  });
});

describe('the preflight response checks', () => {
  const O = 'http://localhost:3000';
  const pre = (method: string, headers: Header[], res: Header[], credentials: CredentialsMode = 'same-origin', status = 204) =>
    preflightCheck({ origin: O, credentials, method, headers }, { status, headers: [['Access-Control-Allow-Origin', O], ...res] });
  it('methods match case-sensitively; a safelisted method needs no listing', () => {
    expect(pre('PUT', [], [['Access-Control-Allow-Methods', 'GET, PUT']]).ok).toBe(true);
    expect(pre('PUT', [], [['Access-Control-Allow-Methods', 'get, put']])).toMatchObject({ ok: false, rule: 'method' });
    expect(pre('POST', [['X-A', '1']], [['Access-Control-Allow-Headers', 'x-a']]).ok).toBe(true);
  });
  it('* allows any method and header only without credentials', () => {
    expect(pre('DELETE', [['X-A', '1']], [['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*']]).ok).toBe(true);
    const cred: Header[] = [['Access-Control-Allow-Methods', '*'], ['Access-Control-Allow-Headers', '*'], ['Access-Control-Allow-Credentials', 'true']];
    expect(pre('DELETE', [], cred, 'include')).toMatchObject({ ok: false, rule: 'method' });
    expect(pre('POST', [['X-A', '1']], cred, 'include')).toMatchObject({ ok: false, rule: 'header', name: 'x-a' });
  });
  it('* never covers Authorization', () => {
    expect(pre('GET', [['Authorization', 'Bearer x']], [['Access-Control-Allow-Headers', '*']])).toEqual({ ok: false, rule: 'authorization' });
    expect(pre('GET', [['Authorization', 'Bearer x']], [['Access-Control-Allow-Headers', 'Authorization']]).ok).toBe(true);
  });
  it('header names match case-insensitively', () => {
    expect(pre('POST', [['Content-Type', 'application/json']], [['Access-Control-Allow-Headers', 'CONTENT-TYPE']]).ok).toBe(true);
  });
  it('a non-2xx status, or a list that is not tokens, fails', () => {
    expect(pre('PUT', [], [['Access-Control-Allow-Methods', 'PUT']], 'same-origin', 404)).toEqual({ ok: false, rule: 'status', status: 404 });
    expect(pre('PUT', [], [['Access-Control-Allow-Methods', 'GET PUT']])).toEqual({ ok: false, rule: 'bad-list', header: 'Access-Control-Allow-Methods' });
    expect(listValues([['A', ' GET ,, PUT ']], 'a')).toEqual(['GET', 'PUT']);
  });
  it('the preflight runs the CORS check first', () => {
    expect(preflightCheck({ origin: O, credentials: 'omit', method: 'PUT', headers: [] }, { status: 204, headers: [['Access-Control-Allow-Methods', 'PUT']] })).toEqual({ ok: false, rule: 'no-allow-origin' });
  });
});
