import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import scenario, { METHODS, PRESETS, params } from './index';
import { withScenes, type FullTimeline } from '../../core/timeline';
import { entitiesOf } from '../../core/entities';
import { normalize, parseParams } from '../../core/params';
import type { MessageEntity } from '../../figures/sequence';
import type { ResourceTreeEntity } from '../../figures/resources';
import { decodeHttp1 } from '../../wire/http1';
import { utf8Encode } from '../../wire/bytes';
import { dataLength } from '../../tcp/segment';
import { capture } from '../../capture';

const sim = (p: Record<string, string | number>, seed = 1): FullTimeline => withScenes(scenario.simulate(p, seed));
const last = (tl: FullTimeline) => tl.steps[tl.steps.length - 1].scene;
const treeAt = (tl: FullTimeline, key: string) => tl.steps.find((s) => s.key === key)!.scene.entities.resources as ResourceTreeEntity;
const dataMessages = (tl: FullTimeline) => {
  const seen = new Map<string, MessageEntity>();
  for (const s of tl.steps) for (const m of entitiesOf(s.scene, 'message')) seen.set(m.id, m);
  return [...seen.values()].filter((m) => m.packet?.proto === 'tcp' && dataLength(m.packet.fields.seg.data) > 0);
};
const http = (m: MessageEntity) => decodeHttp1(utf8Encode((m.packet as { fields: { seg: { data: string } } }).fields.seg.data));
const statuses = (tl: FullTimeline) => dataMessages(tl).map(http).filter((x) => x.kind === 'response').map((x) => (x.kind === 'response' ? x.status : 0));

describe('rest-api scenario', () => {
  it('GET /boards/13: 200, then a revalidation answered 304; over one TCP connection', () => {
    const tl = sim({});
    expect(statuses(tl)).toEqual([200, 304]);
    expect(tl.scenario).toBe('status-200');
    const keys = tl.steps.map((s) => s.key).filter(Boolean);
    expect(keys).toEqual(expect.arrayContaining(['start', 'listen', 'syn', 'established', 'request', 'status-200']));
    const reqs = dataMessages(tl).map(http).filter((x) => x.kind === 'request');
    expect(reqs[1].headers).toContainEqual(['If-None-Match', treeAt(tl, 'status-200').nodes.find((n) => n.path === '/boards/13')!.etag]);
  });
  it('the tree shows the store after each request: POST creates /boards/14, then the client follows Location', () => {
    const tl = sim(PRESETS.create);
    expect(statuses(tl)).toEqual([201, 200]);
    const t = treeAt(tl, 'status-201');
    expect(t.last).toEqual({ method: 'POST', path: '/boards', status: 201 });
    expect(t.nodes.filter((n) => n.state === 'created').map((n) => n.path)).toEqual(['/boards/14', '/boards/14/comments']);
    expect(t.nodes.find((n) => n.path === '/boards')!.state).toBe('changed');
    const before = treeAt(tl, 'start');
    expect(before.nodes.map((n) => n.path)).toEqual(['/boards', '/boards/7', '/boards/7/comments', '/boards/13', '/boards/13/comments', '/boards/13/comments/1']);
    expect((last(tl).entities.resources as ResourceTreeEntity).nodes.some((n) => n.path === '/boards/14')).toBe(true);
  });
  it('stale If-Match: read, another change, then 412 and the store keeps the other change', () => {
    const tl = sim(PRESETS.stale);
    expect(statuses(tl)).toEqual([200, 200, 412]);
    const t = treeAt(tl, 'status-412');
    expect(t.nodes.every((n) => n.state === 'same' || n.state === 'target')).toBe(true);
    const reqs = dataMessages(tl).map(http).filter((x) => x.kind === 'request');
    expect(reqs.map((r) => (r.kind === 'request' ? r.method : ''))).toEqual(['GET', 'PATCH', 'PUT']);
    const firstTag = dataMessages(tl).map(http).find((x) => x.kind === 'response')!.headers.find(([n]) => n === 'ETag')![1];
    expect(reqs[2].headers).toContainEqual(['If-Match', firstTag]);
    expect(t.nodes.find((n) => n.path === '/boards/13')!.summary).toBe('my-first-board · Edited in another tab');
  });
  it('fresh If-Match: the PUT succeeds (200)', () => {
    expect(statuses(sim({ ...PRESETS.stale, 'if-match': 'fresh' }))).toEqual([200, 200]);
  });
  it('405 with Allow, 409, 400, 404, 415 and OPTIONS reach the wire', () => {
    const allow = (tl: FullTimeline) => dataMessages(tl).map(http).find((x) => x.kind === 'response')!.headers.find(([n]) => n === 'Allow')?.[1];
    const na = sim(PRESETS.notAllowed);
    expect(statuses(na)).toEqual([405]);
    expect(allow(na)).toBe('GET, HEAD, POST, OPTIONS');
    expect(statuses(sim(PRESETS.conflict))).toEqual([409]);
    expect(statuses(sim(PRESETS.badJson))).toEqual([400]);
    expect(statuses(sim({ path: '/boards/99' }))).toEqual([404]);
    expect(statuses(sim({ method: 'post', path: '/boards', body: '{"name":"a"}', type: 'text' }))).toEqual([415]);
    const opt = sim({ method: 'options', path: '/boards/13' });
    expect(statuses(opt)).toEqual([204]);
    expect(allow(opt)).toBe('GET, HEAD, PUT, PATCH, DELETE, OPTIONS');
    const del = sim({ method: 'delete' });
    expect(statuses(del)).toEqual([204]);
    expect(treeAt(del, 'status-204').nodes.filter((n) => n.state === 'deleted').map((n) => n.path)).toEqual(['/boards/13', '/boards/13/comments', '/boards/13/comments/1']);
  });
  it('the URI checker result rides on the tree, every rule marked as a convention', () => {
    const t = treeAt(sim(PRESETS.sheetBad), 'start');
    expect(t.check!.path).toBe('/Board/13/getComments.json/');
    expect(t.check!.items.filter((c) => !c.ok).map((c) => c.rule)).toEqual(['trailing-slash', 'lowercase', 'extension', 'plural', 'nouns']);
    expect(t.check!.items.every((c) => c.kind === 'convention')).toBe(true);
  });
  it('bad params are clamped with a reason', () => {
    const { values, issues } = parseParams(params, new URLSearchParams('path=boards&if-match=abc&method=fetch'));
    expect(values.path).toBe('/boards/13');
    expect(values['if-match']).toBe('');
    expect(values.method).toBe('get');
    expect(issues.map((i) => i.param).sort()).toEqual(['if-match', 'method', 'path']);
  });
  it('a full URL uses its path; non-ASCII is percent-encoded, with a notice', () => {
    const u = scenario.simulate({ path: 'https://api.example.com/boards/13?x=1' }, 1);
    expect(u.notices?.[0].en).toContain('/boards/13?x=1');
    const k = sim({ path: '/boards/한글' });
    expect(http(dataMessages(k)[0])).toMatchObject({ kind: 'request', target: '/boards/%ED%95%9C%EA%B8%80' });
  });
  it('is deterministic: same params and seed, same bytes', () => {
    for (const p of Object.values(PRESETS)) {
      expect(JSON.stringify(scenario.simulate(p, 5))).toBe(JSON.stringify(scenario.simulate(p, 5)));
    }
    expect(JSON.stringify(scenario.simulate({}, 5))).not.toBe(JSON.stringify(scenario.simulate({}, 6)));
  });
  it('property: any method, path, body and If-Match gives well-formed HTTP on well-numbered TCP, and never throws', () => {
    const arb = fc.record({
      method: fc.constantFrom(...METHODS.map((m) => m.toLowerCase())),
      path: fc.oneof(fc.constantFrom('/boards', '/boards/13', '/boards/13/comments', '/boards/13/comments/1', '/boards/7', '/boards/99', '/Board_s/', '/x.json'), fc.string({ maxLength: 40 }).map((s) => '/' + s)),
      body: fc.oneof(fc.constant(''), fc.constantFrom('{"name":"n-1"}', '{"title":"t"}', '{"text":"x"}', '{', 'null', '[]', '{"name":null}'), fc.json({ maxDepth: 2 }), fc.string({ maxLength: 30 })),
      type: fc.constantFrom('json', 'merge-patch', 'text', 'form'),
      'if-match': fc.constantFrom('', 'fresh', 'stale', '*', '"x"', 'W/"x"'),
    });
    fc.assert(fc.property(arb, fc.integer({ min: 0, max: 1000 }), (raw, seed) => {
      const p = normalize(params, raw);
      const tl = withScenes(scenario.simulate(p, seed));
      const msgs = dataMessages(tl);
      const decoded = msgs.map(http);
      const reqs = decoded.filter((x) => x.kind === 'request');
      const resps = decoded.filter((x) => x.kind === 'response');
      expect(reqs.length).toBeGreaterThan(0);
      expect(resps.length).toBe(reqs.length);
      for (const r of resps) {
        if (r.kind !== 'response') continue;
        expect([200, 201, 204, 304, 400, 404, 405, 409, 412, 415]).toContain(r.status);
        const cl = r.headers.find(([n]) => n === 'Content-Length');
        expect(cl ? Number(cl[1]) : 0).toBe(r.body.length);
        if (r.status === 405) expect(r.headers.some(([n]) => n === 'Allow')).toBe(true);
        if (r.status === 201) expect(r.headers[0][0]).toBe('Location');
        if (r.status >= 400) expect(r.headers[0]).toEqual(['Content-Type', 'application/problem+json']);
      }
      for (const m of msgs) expect(dataLength((m.packet as { fields: { seg: { data: string } } }).fields.seg.data)).toBeLessThanOrEqual(1460);
      // Sequence numbers count bytes: each side's segments follow on.
      const pk = capture(tl);
      expect(pk.length).toBeGreaterThan(8);
      const last = tl.steps[tl.steps.length - 1].scene;
      expect(entitiesOf(last, 'actor').map((a) => a.state).sort()).toEqual(['CLOSED', 'TIME-WAIT']);
    }), { numRuns: 60 });
  });
  it('logic never depends on the text: a copy with one language blanked gives the same steps and entities', () => {
    const blank = (x: unknown): unknown => (Array.isArray(x) ? x.map(blank) : x && typeof x === 'object' ? ('ko' in x && 'en' in x && Object.keys(x).length === 2 ? { ko: '', en: (x as { en: string }).en } : Object.fromEntries(Object.entries(x).map(([k, v]) => [k, blank(v)]))) : x);
    const a = scenario.simulate(PRESETS.stale, 3);
    expect(blank(a)).toEqual(blank(scenario.simulate(PRESETS.stale, 3)));
    expect(a.steps.every((s) => s.caption.ko && s.caption.en && s.narration.ko && s.narration.en)).toBe(true);
  });
});
