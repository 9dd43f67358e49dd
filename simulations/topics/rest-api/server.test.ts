import { describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { serve, tagMatches, type ApiRequest, type Served } from './server';
import { INITIAL_STORE, allResources, base64url, currentEtag, etagOf, representation, type Store } from './store';
import { request } from './plan';

const S0 = INITIAL_STORE;
const board13 = '{"id":13,"name":"my-first-board","title":"Hello, REST","comments":"/boards/13/comments"}';
const E13 = currentEtag(S0, { kind: 'board', board: 13 })!;
const go = (req: ApiRequest, s: Store = S0): Served => serve(s, req);
const heads = (r: Served) => r.response.headers;
const problem = (r: Served) => JSON.parse(r.response.body);

describe('ETags', () => {
  it('are base64url of the SHA-256 of the representation, 16 characters, strong', () => {
    expect(representation(S0, { kind: 'board', board: 13 })).toBe(board13);
    const full = base64url(sha256(new TextEncoder().encode(board13)));
    expect(full).toHaveLength(43); // 256 bits, no padding (RFC 4648 §5)
    expect(E13).toBe(`"${full.slice(0, 16)}"`);
    expect(E13).toMatch(/^"[A-Za-z0-9_-]{16}"$/);
  });
  it('base64url matches RFC 4648 §10 vectors (URL alphabet, no padding)', () => {
    const b = (s: string) => base64url(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(b)).toEqual(['', 'Zg', 'Zm8', 'Zm9v', 'Zm9vYg', 'Zm9vYmE', 'Zm9vYmFy']);
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });
  it('change iff the representation changes', () => {
    const same = go(request('PATCH', '/boards/13', [], '{"title":"Hello, REST"}'));
    expect(same.response.status).toBe(200);
    expect(currentEtag(same.store, { kind: 'board', board: 13 })).toBe(E13);
    const changed = go(request('PATCH', '/boards/13', [], '{"title":"Changed"}'));
    expect(currentEtag(changed.store, { kind: 'board', board: 13 })).not.toBe(E13);
    // A new comment changes the comments collection, not the board (its representation only links to it).
    const c = go(request('POST', '/boards/13/comments', [], '{"text":"hi"}'));
    expect(currentEtag(c.store, { kind: 'board', board: 13 })).toBe(E13);
    expect(currentEtag(c.store, { kind: 'comments', board: 13 })).not.toBe(currentEtag(S0, { kind: 'comments', board: 13 }));
    // Over every resource: equal representations ⇔ equal tags.
    const all = [...allResources(S0), ...allResources(changed.store), ...allResources(c.store)];
    for (const a of all) for (const b of all) {
      const ra = representation([S0, changed.store, c.store].find((s) => allResources(s).some((x) => x.etag === a.etag))!, a.route);
      const rb = representation([S0, changed.store, c.store].find((s) => allResources(s).some((x) => x.etag === b.etag))!, b.route);
      expect(a.etag === b.etag).toBe(ra === rb);
    }
  });
  it('If-Match compares strongly, If-None-Match weakly (RFC 9110 §8.8.3.2)', () => {
    expect(tagMatches(E13, E13, true)).toBe(true);
    expect(tagMatches(`W/${E13}`, E13, true)).toBe(false);
    expect(tagMatches(`W/${E13}`, E13, false)).toBe(true);
    expect(tagMatches(`"x", ${E13}`, E13, true)).toBe(true);
    expect(tagMatches('*', E13, true)).toBe(true);
    expect(tagMatches('*', null, true)).toBe(false);
  });
});

describe('every status code, with its exact header fields', () => {
  it('200 GET: JSON, Content-Length, ETag, Cache-Control; the store unchanged', () => {
    const r = go(request('GET', '/boards/13'));
    expect(r.response).toEqual({ status: 200, reason: 'OK', body: board13, headers: [['Content-Type', 'application/json'], ['Content-Length', String(board13.length)], ['ETag', E13], ['Cache-Control', 'no-cache']] });
    expect(r.store).toBe(S0);
  });
  it('200 HEAD: the GET headers without Content-Length, no body', () => {
    const r = go(request('HEAD', '/boards/13'));
    expect(r.response).toEqual({ status: 200, reason: 'OK', body: '', headers: [['Content-Type', 'application/json'], ['ETag', E13], ['Cache-Control', 'no-cache']] });
  });
  it('201 POST: Location of the new resource, its representation and ETag', () => {
    const r = go(request('POST', '/boards', [], '{"name":"my-second-board","title":"Hi"}'));
    const rep = '{"id":14,"name":"my-second-board","title":"Hi","comments":"/boards/14/comments"}';
    expect(r.response).toEqual({ status: 201, reason: 'Created', body: rep, headers: [['Location', '/boards/14'], ['Content-Type', 'application/json'], ['Content-Length', String(rep.length)], ['ETag', etagOf(rep)]] });
    expect(r.store.boards.map((b) => b.id)).toEqual([7, 13, 14]);
    expect(r.store.nextBoard).toBe(15);
    const c = go(request('POST', '/boards/13/comments', [], '{"text":"second"}'));
    expect(c.response.status).toBe(201);
    expect(c.response.headers[0]).toEqual(['Location', '/boards/13/comments/2']);
    expect(c.store.boards[1].comments).toEqual([{ id: 1, text: 'first!' }, { id: 2, text: 'second' }]);
  });
  it('204 DELETE: no content, no Content-Length; the resource and its children are gone', () => {
    const r = go(request('DELETE', '/boards/13'));
    expect(r.response).toEqual({ status: 204, reason: 'No Content', body: '', headers: [] });
    expect(r.store.boards.map((b) => b.id)).toEqual([7]);
    expect(go(request('GET', '/boards/13/comments/1'), r.store).response.status).toBe(404);
  });
  it('204 OPTIONS: Allow lists exactly the supported methods', () => {
    expect(go(request('OPTIONS', '/boards')).response).toEqual({ status: 204, reason: 'No Content', body: '', headers: [['Allow', 'GET, HEAD, POST, OPTIONS']] });
    expect(go(request('OPTIONS', '/boards/13')).response.headers).toEqual([['Allow', 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS'], ['Accept-Patch', 'application/merge-patch+json, application/json']]);
    expect(go(request('OPTIONS', '/boards/13/comments')).response.headers).toEqual([['Allow', 'GET, HEAD, POST, OPTIONS']]);
  });
  it('304 for If-None-Match with the current ETag: ETag again, no body', () => {
    const r = go(request('GET', '/boards/13', [['If-None-Match', E13]]));
    expect(r.response).toEqual({ status: 304, reason: 'Not Modified', body: '', headers: [['ETag', E13], ['Cache-Control', 'no-cache']] });
    expect(go(request('GET', '/boards/13', [['If-None-Match', '"other"']])).response.status).toBe(200);
  });
  it('400 for bad JSON and for a wrong shape, with problem+json (RFC 9457)', () => {
    const r = go(request('POST', '/boards/13/comments', [], '{"text": "hi",}'));
    expect(r.response.status).toBe(400);
    expect(r.response.headers[0]).toEqual(['Content-Type', 'application/problem+json']);
    expect(r.response.headers[1]).toEqual(['Content-Length', String(new TextEncoder().encode(r.response.body).length)]);
    expect(problem(r)).toEqual({ type: 'https://api.example.com/problems/invalid-json', title: 'Bad Request', status: 400, detail: 'The content is not valid JSON (RFC 8259).', instance: '/boards/13/comments' });
    expect(r.store).toBe(S0);
    const shape = go(request('POST', '/boards', [], '{"name":"Bad Name"}'));
    expect(shape.response.status).toBe(400);
    expect(shape.problem?.code).toBe('name-format');
    expect(go(request('PUT', '/boards/13', [], '')).problem?.code).toBe('no-content');
    expect(go(request('PUT', '/boards/13', [], '{"id":12,"name":"x"}')).problem?.code).toBe('id-mismatch');
    expect(go(request('PATCH', '/boards/13', [], '{"name":null}')).problem?.code).toBe('name-null');
    expect(go(request('POST', '/boards', [], '[1]')).problem?.code).toBe('not-object');
  });
  it('404 for an unknown path and for a missing id (trailing slash and case matter)', () => {
    for (const p of ['/boards/99', '/boards/', '/Boards', '/board/13', '/boards/13/comments/9', '/']) {
      const r = go(request('GET', p));
      expect(r.response.status, p).toBe(404);
      expect(problem(r).type).toBe('about:blank');
      expect(problem(r).title).toBe('Not Found');
    }
  });
  it('405 with Allow for a method the resource does not support', () => {
    const r = go(request('DELETE', '/boards'));
    expect(r.response.status).toBe(405);
    expect(r.response.headers).toEqual([['Content-Type', 'application/problem+json'], ['Content-Length', String(r.response.body.length)], ['Allow', 'GET, HEAD, POST, OPTIONS']]);
    expect(r.store).toBe(S0);
    expect(go(request('POST', '/boards/13')).response.headers.find(([n]) => n === 'Allow')).toEqual(['Allow', 'GET, HEAD, PUT, PATCH, DELETE, OPTIONS']);
  });
  it('409 when a board with that name exists', () => {
    const r = go(request('POST', '/boards', [], '{"name":"my-first-board"}'));
    expect(r.response.status).toBe(409);
    expect(problem(r).type).toBe('https://api.example.com/problems/name-taken');
    expect(r.store).toBe(S0);
    expect(go(request('PATCH', '/boards/7', [], '{"name":"my-first-board"}')).response.status).toBe(409);
    // Renaming a board to its own name is no conflict.
    expect(go(request('PUT', '/boards/13', [], '{"name":"my-first-board"}')).response.status).toBe(200);
  });
  it('412 for a stale If-Match: nothing changes; a fresh one succeeds', () => {
    const edited = go(request('PATCH', '/boards/13', [], '{"title":"Edited elsewhere"}')).store;
    const r = go(request('PUT', '/boards/13', [['If-Match', E13]], '{"name":"my-first-board","title":"Mine"}'), edited);
    expect(r.response.status).toBe(412);
    expect(r.response.headers.map(([n]) => n)).toEqual(['Content-Type', 'Content-Length']);
    expect(r.store).toBe(edited);
    const fresh = go(request('PUT', '/boards/13', [['If-Match', E13]], '{"name":"my-first-board","title":"Mine"}'));
    expect(fresh.response.status).toBe(200);
    expect(fresh.store.boards[1].title).toBe('Mine');
    expect(go(request('DELETE', '/boards/13', [['If-Match', `W/${E13}`]])).response.status).toBe(412);
    expect(go(request('DELETE', '/boards/13', [['If-Match', '*']])).response.status).toBe(204);
    expect(go(request('DELETE', '/boards/13', [['If-None-Match', '*']])).response.status).toBe(412);
  });
  it('415 for a Content-Type the resource does not take (PATCH says what it accepts)', () => {
    const r = go(request('POST', '/boards', [], '{"name":"x"}', 'text'));
    expect(r.response.status).toBe(415);
    expect(r.response.headers.map(([n]) => n)).toEqual(['Content-Type', 'Content-Length']);
    const p = go(request('PATCH', '/boards/13', [], 'name=x', 'form'));
    expect(p.response.status).toBe(415);
    expect(p.response.headers[2]).toEqual(['Accept-Patch', 'application/merge-patch+json, application/json']);
    expect(go(request('PATCH', '/boards/13', [], '{"title":"t"}', 'merge-patch')).response.status).toBe(200);
    expect(go(request('POST', '/boards', [], '{"name":"y"}', 'merge-patch')).response.status).toBe(415);
  });
  it('check order: 404 before 405, 405 before 412, 412 before 415 and 400', () => {
    expect(go(request('POST', '/boards/99')).response.status).toBe(404);
    expect(go(request('POST', '/boards/13', [['If-Match', '"nope"']])).response.status).toBe(405);
    expect(go(request('PUT', '/boards/13', [['If-Match', '"nope"']], 'x', 'text')).response.status).toBe(412);
  });
});
