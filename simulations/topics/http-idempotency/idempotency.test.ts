import { describe, expect, it } from 'vitest';
import scenario, { ONE_WAY, TIMEOUT, uuidFrom } from './index';
import { decode, handle, INITIAL, requestFor, resourceOf, type Method, type PatchKind, type ResourceState } from './resource';
import { runRetries, type ServerState, type ClientState } from './world';
import { PROPERTIES } from './tables';
import { withScenes } from '../../core/timeline';
import { capture } from '../../capture';
import { findField } from '../../wire/fields';

const METHODS: Method[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'];
const applyN = (req: string, n: number) => {
  let s: ResourceState = INITIAL;
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = handle(s, req);
    s = r.state;
    const m = decode(r.response);
    statuses.push(m.kind === 'response' ? m.status : 0);
  }
  return { state: s, statuses };
};
const final = (method: Method, patch: PatchKind, repeats: number, key: boolean, loss = 0, seed = 1) => {
  const request = requestFor(method, patch, key ? uuidFrom(seed) : undefined);
  const tr = runRetries({ request, repeats, oneWay: ONE_WAY, timeout: TIMEOUT, loss, seed });
  const last = tr.entries[tr.entries.length - 1].states;
  return { request, trace: tr, server: last.server as ServerState, client: last.client as ClientState };
};
const same = (a: ResourceState, b: ResourceState) => expect(resourceOf(a)).toEqual(resourceOf(b));

describe('the server state after N identical requests (no random loss: the first N-1 responses are lost)', () => {
  for (const method of METHODS) {
    for (const patch of ['set', 'increment'] as const) {
      if (method !== 'PATCH' && patch === 'increment') continue;
      for (const key of [false, true]) {
        it(`${method}${method === 'PATCH' ? ` (${patch})` : ''}, key ${key ? 'on' : 'off'}`, () => {
          for (let repeats = 1; repeats <= 5; repeats++) {
            const { request, server, client } = final(method, patch, repeats, key);
            expect(server.handled.length).toBe(repeats);
            expect(client.answer?.attempt).toBe(repeats);
            const one = applyN(request, 1).state;
            const idempotent = PROPERTIES[method].idempotent || (method === 'PATCH' && patch === 'set') || (key && (method === 'POST' || method === 'PATCH'));
            if (idempotent || repeats === 1) same(server.resource, one);
            else expect(resourceOf(server.resource)).not.toEqual(resourceOf(one));
            if (PROPERTIES[method].safe) same(server.resource, INITIAL);
          }
        });
      }
    }
  }
});

describe('responses as RFC 9110 says', () => {
  const statuses = (m: Method, patch: PatchKind = 'set', key?: string) => applyN(requestFor(m, patch, key), 3).statuses;
  it('GET and HEAD 200, OPTIONS 204 with Allow', () => {
    expect(statuses('GET')).toEqual([200, 200, 200]);
    expect(statuses('HEAD')).toEqual([200, 200, 200]);
    expect(statuses('OPTIONS')).toEqual([204, 204, 204]);
    const h = decode(handle(INITIAL, requestFor('HEAD', 'set')).response);
    expect(h.body.length).toBe(0);
    const o = decode(handle(INITIAL, requestFor('OPTIONS', 'set')).response);
    expect(o.headers.find(([n]) => n === 'Allow')?.[1]).toBe('GET, HEAD, OPTIONS, POST');
  });
  it('PUT: 201 when it creates, 204 when it replaces; DELETE: 204, then 404', () => {
    expect(statuses('PUT')).toEqual([201, 204, 204]);
    expect(statuses('DELETE')).toEqual([204, 404, 404]);
  });
  it('POST: 201 and a new Location every time, unless the key replays the first', () => {
    const locs = (key?: string) => {
      let s = INITIAL;
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = handle(s, requestFor('POST', 'set', key));
        s = r.state;
        const m = decode(r.response);
        expect(m.kind === 'response' && m.status).toBe(201);
        out.push(m.headers.find(([n]) => n === 'Location')![1]);
      }
      return out;
    };
    expect(locs()).toEqual(['/orders/2', '/orders/3', '/orders/4']);
    expect(locs(uuidFrom(5))).toEqual(['/orders/2', '/orders/2', '/orders/2']);
  });
  it('a replay is the first response byte for byte; a key reused for another request is a 422', () => {
    const k = uuidFrom(9);
    const a = handle(INITIAL, requestFor('POST', 'set', k));
    const b = handle(a.state, requestFor('POST', 'set', k));
    expect(b.replayed).toBe(true);
    expect(b.response).toBe(a.response);
    const c = handle(a.state, requestFor('PATCH', 'increment', k));
    expect(decode(c.response).kind === 'response' && (decode(c.response) as { status: number }).status).toBe(422);
  });
  it('the key is a version 4 UUID, quoted as a structured-field string', () => {
    expect(uuidFrom(3)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestFor('POST', 'set', uuidFrom(3))).toContain(`Idempotency-Key: "${uuidFrom(3)}"\r\n`);
    expect(requestFor('GET', 'set', uuidFrom(3))).not.toContain('Idempotency-Key');
  });
});

describe('invariants over many seeds with random loss', () => {
  it('the state is the state after as many requests as reached the server; the client stops at its first answer', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const method = METHODS[seed % METHODS.length];
      const patch: PatchKind = seed % 2 ? 'set' : 'increment';
      const key = seed % 3 === 0;
      const repeats = 1 + (seed % 5);
      const { request, trace, server, client } = final(method, patch, repeats, key, 0.3, seed);
      const arrived = trace.wires.filter((w) => w.msg.dir === 'request' && !w.lost).length;
      expect(server.handled.length).toBe(arrived);
      same(server.resource, applyN(request, arrived).state);
      expect(trace.wires.filter((w) => w.from === 'client').length).toBeLessThanOrEqual(repeats);
      const answered = trace.wires.filter((w) => w.msg.dir === 'response' && !w.lost);
      if (client.answer) expect(answered.map((w) => w.msg.attempt)).toContain(client.answer.attempt);
      else expect(client.gaveUp).toBe(true);
      expect(trace.truncated).toBe(false);
    }
  });
});

describe('the timeline', () => {
  it('shows the lost response, the retry and the replay, and exports the HTTP the arrows say', () => {
    const tl = withScenes(scenario.run({ method: 'post', repeats: 2, 'idempotency-key': true }, 2));
    const keys = tl.steps.map((s) => s.key);
    for (const k of ['start', 'send', 'applied', 'response-lost', 'retry', 'replayed', 'answer']) expect(keys).toContain(k);
    const methods = tl.steps[0].scene.entities.methods;
    expect(methods.kind === 'counters' && methods.rows.find((r) => r.label.en.startsWith('▶'))?.label.en).toBe('▶ POST');
    const pk = capture(scenario.run({ method: 'post', repeats: 2, 'idempotency-key': true }, 2));
    expect(pk.map((p) => findField(p.dissection.layers, 'http.request.method')?.value ?? findField(p.dissection.layers, 'http.response.code')?.value)).toEqual(['POST', '201', 'POST', '201']);
  });
  it('is the same for the same params and seed', () => {
    expect(JSON.stringify(scenario.run({ method: 'patch', loss: 30 }, 7))).toBe(JSON.stringify(scenario.run({ method: 'patch', loss: 30 }, 7)));
  });
});
