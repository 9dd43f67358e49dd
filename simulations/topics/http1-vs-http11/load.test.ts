import { describe, expect, it } from 'vitest';
import scenario, { SLOW_MS } from './index';
import { MODES, clientId, runLoads, serverId, type LoadConfig } from './world';
import { results } from './story';
import type { HostState } from './host';
import type { Browser } from './browser';
import { decodeHttp1 } from '../../wire/http1';
import { asciiEncode } from '../../wire/bytes';
import { withScenes } from '../../core/timeline';
import { capture } from '../../capture';
import { findField } from '../../wire/fields';

const run = (o: Partial<LoadConfig>) => {
  const cfg: LoadConfig = { modes: MODES, resources: 4, rtt: 100, slow: 0, connections: 6, seed: 1, ...o };
  const trace = runLoads(cfg);
  return { trace, res: Object.fromEntries(results(trace, cfg.modes).map((r) => [r.mode, r])) };
};

describe('timings, hand-computed (zero server time, transmission time neglected, RTT r)', () => {
  // HTTP/1.0: each of the 1+N resources costs a handshake (r) and a request/response (r).
  // Keep-alive: one handshake, then 1+N request/response round trips.
  // Pipelining: handshake, the HTML, then every image request at once: 3r.
  // c parallel connections: the HTML at 2r, then connection 1 takes an image at once and
  // c-1 new ones are ready at 3r; by (2+k)r, k + (c-1)(k-1) images are in, so the last
  // arrives at (3 + ceil((N-1)/c))·r.
  for (const r of [100, 37]) {
    for (let n = 1; n <= 12; n++) {
      for (const c of [1, 2, 3, 6]) {
        it(`N=${n}, r=${r}, c=${c}`, () => {
          const { res } = run({ resources: n, rtt: r, connections: c, seed: n * 7 + c });
          expect(res.http10.loadedAt).toBe((1 + n) * 2 * r);
          expect(res.keepalive.loadedAt).toBe(r + (1 + n) * r);
          expect(res.pipelining.loadedAt).toBe(3 * r);
          expect(res.parallel.loadedAt).toBe((3 + Math.ceil((n - 1) / c)) * r);
          expect(res.http10.connections).toBe(1 + n);
          expect(res.keepalive.connections).toBe(1);
          expect(res.pipelining.connections).toBe(1);
          expect(res.parallel.connections).toBe(Math.min(c, n));
          for (const m of MODES) expect(res[m].requests).toBe(1 + n);
        });
      }
    }
  }

  it('a slow first image (S ms of server work) delays everything behind it on its connection', () => {
    const r = 100, S = SLOW_MS;
    const { res } = run({ resources: 4, rtt: r, slow: S, connections: 6 });
    expect(res.http10.loadedAt).toBe(5 * 2 * r + S);
    expect(res.keepalive.loadedAt).toBe(r + 5 * r + S);
    expect(res.pipelining.loadedAt).toBe(3 * r + S);
    // Images 2–4 go over three other connections and are in at 4r; only image 1 waits.
    expect(res.parallel.loadedAt).toBe(Math.max(4 * r, 3 * r + S));
  });
});

describe('pipelining', () => {
  for (const slow of [0, SLOW_MS]) {
    it(`responses come back in request order (slow=${slow}), and a slow first one holds back every later one`, () => {
      const { trace } = run({ modes: ['pipelining'], resources: 6, slow });
      const c = clientId('pipelining');
      const sent: string[] = [];
      const got: { path: string; t: number }[] = [];
      for (const e of trace.entries) {
        for (const { actor, note } of e.notes) {
          if (actor !== c || note.type !== 'app') continue;
          if (note.note.kind === 'request') sent.push(note.note.path);
          if (note.note.kind === 'response') got.push({ path: note.note.path, t: e.t });
        }
      }
      expect(got.map((g) => g.path)).toEqual(sent);
      const slowAt = got.find((g) => g.path === '/img/1.svg')!.t;
      for (const g of got.slice(2)) expect(g.t).toBeGreaterThanOrEqual(slowAt);
      const blocked = trace.entries.flatMap((e) => e.notes).filter((n) => n.actor === serverId('pipelining') && n.note.type === 'app' && n.note.note.kind === 'blocked');
      expect(blocked.length).toBe(slow > 0 ? 5 : 0);
      // All image requests left the browser at the same instant, back to back.
      const reqTimes = new Set(trace.wires.filter((w) => w.from === c && w.msg.data.startsWith('GET /img')).map((w) => w.sentAt));
      expect(reqTimes.size).toBe(1);
    });
  }
});

describe('the wire', () => {
  it('every TCP payload is one HTTP message with Host and Connection, in the version of its way', () => {
    for (const seed of [1, 2, 3]) {
      const { trace } = run({ resources: 5, seed, slow: SLOW_MS, connections: 3 });
      let n = 0;
      for (const w of trace.wires) {
        if (!w.msg.data) continue;
        const m = decodeHttp1(asciiEncode(w.msg.data));
        const h = (name: string) => m.headers.find(([k]) => k.toLowerCase() === name)?.[1];
        const v = w.from.startsWith('http10') ? 'HTTP/1.0' : 'HTTP/1.1';
        expect(m.version).toBe(v);
        expect(h('connection')).toMatch(/^(close|keep-alive)$/);
        if (m.kind === 'request') expect(h('host')).toBe('www.example.com');
        else {
          expect(m.status).toBe(200);
          expect(Number(h('content-length'))).toBe(m.body.length);
        }
        n++;
      }
      expect(n).toBe(4 * 2 * 6);
      expect(trace.wires.every((w) => !w.lost && !w.retransmission)).toBe(true);
    }
  });

  it('every connection ends closed or in TIME-WAIT, and every page is loaded', () => {
    for (const seed of [1, 5, 9]) {
      const { trace } = run({ seed, resources: 3 });
      const last = trace.entries[trace.entries.length - 1].states;
      expect(trace.truncated).toBe(false);
      for (const a of Object.keys(last)) for (const t of Object.values(last[a].tcbs)) expect(['CLOSED', 'TIME-WAIT']).toContain(t.state);
      for (const m of MODES) expect((last[clientId(m)] as HostState<Browser>).app.loadedAt).toBeGreaterThan(0);
    }
  });
});

describe('the timeline', () => {
  it('is deterministic, and the captured packets carry the HTTP the diagram labels', () => {
    const a = scenario.run({ resources: 3, 'slow-first': true }, 4);
    expect(JSON.stringify(scenario.run({ resources: 3, 'slow-first': true }, 4))).toBe(JSON.stringify(a));
    const pk = capture(a);
    const gets = pk.filter((p) => findField(p.dissection.layers, 'http.request.method'));
    expect(gets.length).toBe(4 * 4);
    for (const p of gets) expect(p.label).toMatch(/GET \/(img\/\d+\.svg)? HTTP\/1\.[01]$/);
  });

  it('side by side, each browser lifeline is named by what sets its way apart; alone, it says it is the browser', () => {
    const names = (tl: ReturnType<typeof scenario.run>, lang: 'ko' | 'en') =>
      MODES.map((m) => withScenes(tl).steps[0].scene.entities[clientId(m)]).filter((e) => e?.kind === 'actor').map((e) => (e.kind === 'actor' ? e.label[lang] : ''));
    const all = scenario.run({}, 1);
    for (const lang of ['ko', 'en'] as const) {
      const four = names(all, lang);
      expect(four).toHaveLength(4);
      expect(new Set(four).size).toBe(4);
      // Short enough for a lane a quarter of the stage wide (the header cuts what does not fit).
      for (const n of four) expect([...n].length).toBeLessThanOrEqual(10);
    }
    expect(names(scenario.run({ mode: 'pipelining' }, 1), 'ko')).toEqual(['브라우저 · HTTP/1.1 파이프라이닝']);
    expect(names(scenario.run({ mode: 'pipelining' }, 1), 'en')).toEqual(['Browser · HTTP/1.1 pipelining']);
  });

  it('has step keys for the text, and the chart ends with every lane', () => {
    const tl = withScenes(scenario.run({ 'slow-first': true }, 1));
    const keys = tl.steps.map((s) => s.key).filter(Boolean);
    for (const k of ['start', 'new-connection', 'hol', 'loaded-http10', 'loaded-keepalive']) expect(keys).toContain(k);
    // Every instant at which a lane finishes is reachable by a key (two lanes may finish together).
    const marks = tl.steps.filter((s) => Object.values(s.scene.entities).some((e) => e.kind === 'mark' && e.id.startsWith('loaded-') && e.fresh));
    expect(marks.length).toBeGreaterThanOrEqual(3);
    for (const s of marks) expect(s.key).toMatch(/^loaded-/);
    const one = (mode: 'keepalive' | 'pipelining') => scenario.run({ mode }, 1).steps.map((s) => s.key);
    expect(one('keepalive')).toContain('html');
    expect(one('pipelining')).toContain('pipeline');
    const last = tl.steps[tl.steps.length - 1].scene.entities['load-time'];
    expect(last && last.kind === 'chart' && last.groups.map((g) => g.key).sort()).toEqual([...MODES].sort());
  });

  it('one way alone draws one browser and one server', () => {
    const tl = withScenes(scenario.run({ mode: 'pipelining' }, 1));
    const actors = Object.values(tl.steps[0].scene.entities).filter((e) => e.kind === 'actor');
    expect(actors.map((a) => a.id)).toEqual(['pipelining-client', 'pipelining-server']);
  });
});
