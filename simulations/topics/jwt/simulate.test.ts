import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import scenario, { keysFor, params } from './index';
import { withScenes, type FullTimeline } from '../../core/timeline';
import { defaults } from '../../core/params';
import type { CountersEntity } from '../../figures/panels';
import { decodeJwt, verifyJwt } from './jose';
import { EPOCH, runJwt, tampered } from './world';
import { utf8Encode } from '../../wire/bytes';
import { decodeHttp1 } from '../../wire/http1';

type P = Record<string, string | number>;
const base = defaults(params);
const sim = (p: P = {}, seed = 1): FullTimeline => withScenes(scenario.simulate({ ...base, ...p }, seed));
const keys = (tl: FullTimeline) => tl.steps.map((s) => s.key).filter(Boolean);
const trace = (p: { alg?: 'hs256' | 'es256'; tamper?: 'none' | 'payload' | 'signature' | 'alg-none'; ttl?: number }, seed = 1) => {
  const { key, nonces } = keysFor(p.alg ?? 'hs256', seed);
  return { key, tr: runJwt({ key, ttl: p.ttl ?? 15, tamper: p.tamper ?? 'none', nonces, oneWay: 20, seed }) };
};
const wires = (tr: ReturnType<typeof trace>['tr']) => tr.wires.map((w) => ({ from: w.from, to: w.to, m: decodeHttp1(utf8Encode(w.msg.text)) }));
const bearer = (m: ReturnType<typeof decodeHttp1>) => m.headers.find(([n]) => n === 'Authorization')?.[1].replace('Bearer ', '');

describe('jwt: the default run', () => {
  it('login, a call that verifies, the token expiring, a refresh and a retry', () => {
    expect(keys(sim())).toEqual(['start', 'login', 'issued', 'call', 'verified', 'expired', 'refresh', 'refreshed', 'retry', 'end']);
    const ws = wires(trace({}).tr);
    expect(ws.map(({ m }) => (m.kind === 'request' ? `${m.method} ${m.target}` : String(m.status)))).toEqual(['POST /login', '200', 'GET /me', '200', 'GET /me', '401', 'POST /token', '200', 'GET /me', '200']);
    const www = ws[5].m.headers.find(([n]) => n === 'WWW-Authenticate')?.[1];
    expect(www).toBe('Bearer error="invalid_token", error_description="The access token expired"');
  });
  it('the token the API got verifies with the run\'s key, carries the claims, and expires ttl seconds after issue', () => {
    const { key, tr } = trace({ ttl: 30 });
    const token = bearer(wires(tr)[2].m)!;
    const claims = JSON.parse(decodeJwt(token)!.payload);
    expect(claims).toMatchObject({ sub: 'alice', role: 'user', iat: EPOCH, exp: EPOCH + 30 });
    const vk = key.alg === 'HS256' ? key : { alg: key.alg, publicKey: key.publicKey };
    expect(verifyJwt(token, vk, EPOCH + 29).ok).toBe(true);
    expect(verifyJwt(token, vk, EPOCH + 30).ok).toBe(false);
  });
  it('the token panel shows the payload as anyone can read it', () => {
    const tl = sim();
    const panel = tl.steps.find((s) => s.key === 'call')!.scene.entities.token as CountersEntity;
    expect(panel.rows[1].values[0]).toContain('"sub":"alice"');
  });
});

describe('jwt: tampering', () => {
  for (const tamper of ['payload', 'signature', 'alg-none'] as const) {
    it(`${tamper}: the API refuses the altered token with 401 invalid_token, then takes the real one`, () => {
      const tl = sim({ tamper });
      expect(keys(tl)).toEqual(['start', 'login', 'issued', 'call', 'tampered', 'verified', 'expired', 'refresh', 'refreshed', 'retry', 'end']);
      const ws = wires(trace({ tamper }).tr);
      const sent = bearer(ws[2].m)!;
      const issued = JSON.parse(new TextDecoder().decode(ws[1].m.body)).access_token as string;
      expect(sent).toBe(tampered(issued, tamper));
      expect(sent).not.toBe(issued);
      expect(ws[3].m.kind === 'response' && ws[3].m.status).toBe(401);
      if (tamper === 'payload') expect(decodeJwt(sent)!.payload).toContain('"role":"admin"');
    });
  }
});

describe('jwt: invariants', () => {
  it('for any alg, tamper, lifetime and seed: a call succeeds iff its token is the one issued and unexpired', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hs256' as const, 'es256' as const), fc.constantFrom('none' as const, 'payload' as const, 'signature' as const, 'alg-none' as const), fc.integer({ min: 5, max: 60 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (alg, tamper, ttl, seed) => {
          const { tr } = trace({ alg, tamper, ttl }, seed);
          const ws = tr.wires.map((w) => ({ w, m: decodeHttp1(utf8Encode(w.msg.text)) }));
          const issued: { token: string; exp: number }[] = [];
          for (const { w, m } of ws) {
            if (w.from === 'auth' && m.kind === 'response' && m.status === 200) {
              const token = JSON.parse(new TextDecoder().decode(m.body)).access_token as string;
              issued.push({ token, exp: JSON.parse(decodeJwt(token)!.payload).exp });
            }
          }
          ws.forEach(({ w, m }, i) => {
            if (w.to !== 'api') return;
            const token = bearer(m)!;
            const answer = ws.slice(i + 1).find((x) => x.w.from === 'api')!;
            const now = EPOCH + Math.floor(w.endAt / 1000);
            const good = issued.some((x) => x.token === token && now < x.exp);
            expect(answer.m.kind === 'response' && answer.m.status).toBe(good ? 200 : 401);
          });
          // The story ends with the retry's 200; keys are unique.
          const k = keys(withScenes(scenario.simulate({ ...base, alg, tamper, ttl }, seed)));
          expect(k.at(-1)).toBe('end');
          expect(new Set(k).size).toBe(k.length);
        },
      ),
      { numRuns: 40, seed: 20261201 },
    );
  });
  it('the same params and seed give the same timeline, byte for byte (ES256 signatures are deterministic, RFC 6979)', () => {
    for (const alg of ['hs256', 'es256']) expect(JSON.stringify(scenario.simulate({ ...base, alg }, 4))).toBe(JSON.stringify(scenario.simulate({ ...base, alg }, 4)));
  });
});
