import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import scenario, { ONE_WAY, params } from './index';
import { withScenes, type FullTimeline } from '../../core/timeline';
import { entitiesOf } from '../../core/entities';
import { defaults } from '../../core/params';
import type { MessageEntity } from '../../figures/sequence';
import type { ChartEntity } from '../../figures/panels';
import { fromHex, utf8Decode } from '../../wire/bytes';
import { decodeHttp1 } from '../../wire/http1';
import { decodeWsFrame, websocketAccept, WS_OPCODE } from '../../wire/websocket';
import { switchingResponse, upgradeRequest } from './http';
import { chatMessages } from './workload';

type P = Record<string, string | number>;
const base = defaults(params);
const sim = (p: P = {}, seed = 1): FullTimeline => withScenes(scenario.simulate({ ...base, ...p }, seed));
const messages = (tl: FullTimeline): MessageEntity[] => {
  const seen = new Map<string, MessageEntity>();
  for (const s of tl.steps) for (const m of entitiesOf(s.scene, 'message')) seen.set(m.id, m);
  return [...seen.values()].sort((a, b) => a.y0 - b.y0 || (a.packet as { fields: { t: number } }).fields.t - (b.packet as { fields: { t: number } }).fields.t);
};
const bytes = (m: MessageEntity) => fromHex((m.packet as { fields: { payloadHex: string } }).fields.payloadHex);
const keys = (tl: FullTimeline) => tl.steps.map((s) => s.key).filter(Boolean);
const chart = (tl: FullTimeline) => tl.steps[0].scene.entities.compare as ChartEntity;
const hdr = (h: { headers: [string, string][] }, name: string) => h.headers.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

describe('the opening handshake (RFC 6455 §4)', () => {
  it('the RFC\'s example key gives the RFC\'s accept value (§1.3)', () => {
    const res = decodeHttp1(new TextEncoder().encode(switchingResponse('dGhlIHNhbXBsZSBub25jZQ==')));
    expect(res.kind === 'response' && res.status).toBe(101);
    expect(hdr(res, 'Sec-WebSocket-Accept')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    const req = decodeHttp1(new TextEncoder().encode(upgradeRequest('dGhlIHNhbXBsZSBub25jZQ==')));
    expect([hdr(req, 'Upgrade'), hdr(req, 'Connection'), hdr(req, 'Sec-WebSocket-Version')]).toEqual(['websocket', 'Upgrade', '13']);
  });
  it('the default run: a GET with a 16-byte key, 101 with the accept computed from that key, then frames only', () => {
    const ms = messages(sim());
    const req = decodeHttp1(bytes(ms[0]));
    expect(req.kind === 'request' && `${req.method} ${req.target}`).toBe('GET /chat');
    const key = hdr(req, 'Sec-WebSocket-Key')!;
    expect(atob(key)).toHaveLength(16);
    const res = decodeHttp1(bytes(ms[1]));
    expect(hdr(res, 'Sec-WebSocket-Accept')).toBe(websocketAccept(key));
    for (const m of ms.slice(2)) expect(m.packet && (m.packet.proto === 'tcp' ? m.packet.fields.app : '')).toBe('websocket');
  });
});

describe('frames (RFC 6455 §5)', () => {
  const frames = () => messages(sim()).slice(2).map((m) => ({ from: m.from, f: decodeWsFrame(bytes(m)) }));
  it('every client frame is masked, every server frame is not', () => {
    for (const { from, f } of frames()) expect(Boolean(f.mask), `${from} opcode ${f.opcode}`).toBe(from === 'client');
  });
  it('hello, the pushes, ping, pong with the ping\'s payload, close 1000 both ways', () => {
    const fs = frames();
    expect(fs.map(({ from, f }) => `${from}:${f.opcode}`)).toEqual(['client:1', 'server:1', 'server:1', 'server:1', 'server:9', 'client:10', 'client:8', 'server:8']);
    const ping = fs.find(({ f }) => f.opcode === WS_OPCODE.ping)!.f;
    const pong = fs.find(({ f }) => f.opcode === WS_OPCODE.pong)!.f;
    expect(utf8Decode(pong.payload)).toBe(utf8Decode(ping.payload));
    for (const { f } of fs.filter(({ f }) => f.opcode === WS_OPCODE.close)) expect((f.payload[0] << 8) | f.payload[1]).toBe(1000);
    expect(utf8Decode(fs[0].f.payload)).toBe('hello');
  });
  it('steps are named for the handshake, the frames and the close', () => {
    expect(keys(sim())).toEqual(['start', 'upgrade', 'switching', 'open', 'client-message', 'push', 'produced', 'ping', 'pong', 'close', 'close-echo', 'closed', 'end']);
    expect(keys(sim({ transport: 'polling' }))).toEqual(expect.arrayContaining(['poll', 'empty', 'produced', 'poll-data', 'end']));
    expect(keys(sim({ transport: 'long-polling' }))).toEqual(expect.arrayContaining(['poll', 'hold', 'poll-data', 'end']));
  });
});

describe('the three transports on the same chat', () => {
  const arb = fc.record({ messages: fc.integer({ min: 1, max: 6 }), interval: fc.integer({ min: 250, max: 3000 }) });
  it('every message reaches the browser once, in order, within the bound its transport allows', () => {
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (p, seed) => {
        const chat = chatMessages(p.messages, seed);
        for (const transport of ['polling', 'long-polling', 'websocket'] as const) {
          const tl = sim({ ...p, transport }, seed);
          const got: number[] = [];
          for (const m of messages(tl).filter((x) => x.to === 'client')) {
            const b = bytes(m);
            if (transport === 'websocket') {
              if (m.y0 < 2) continue;
              const f = decodeWsFrame(b);
              if (f.opcode === WS_OPCODE.text) got.push(JSON.parse(utf8Decode(f.payload)).id);
            } else {
              const r = decodeHttp1(b);
              got.push(...(JSON.parse(utf8Decode(r.body)) as { id: number }[]).map((x) => x.id));
            }
          }
          expect(got, transport).toEqual(chat.map((m) => m.id));
          // The delay table at the end: each message's delay within its transport's bound.
          const table = tl.steps.at(-1)!.scene.entities.delays as { rows: { values: string[] }[] };
          const ds = table.rows.map((r) => Number(r.values[2].replace(' ms', '')));
          const bound = transport === 'polling' ? p.interval + 2 * ONE_WAY : transport === 'long-polling' ? 3 * ONE_WAY : Infinity;
          for (const d of ds) {
            expect(d).toBeGreaterThanOrEqual(ONE_WAY);
            expect(d).toBeLessThanOrEqual(bound);
          }
          // Messages that reach an open WebSocket arrive one way later.
          if (transport === 'websocket') for (const [i, m] of chat.entries()) if (m.at > 3 * ONE_WAY) expect(ds[i]).toBe(ONE_WAY);
        }
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('the chart is computed from the runs: one request for WebSocket, one per message and more when polling', () => {
    const c = chart(sim({ messages: 5 }, 3));
    const v = Object.fromEntries(c.groups.map((g) => [g.key, g.values]));
    expect(v.websocket.requests).toBe(1);
    expect(v['long-polling'].requests).toBeGreaterThanOrEqual(5);
    expect(v.polling.requests).toBeGreaterThan(v['long-polling'].requests);
    expect(v.websocket.headers).toBeLessThan(v.polling.headers);
    expect(c.highlight).toBe('websocket');
    // The same numbers whichever transport is shown.
    expect(chart(sim({ messages: 5, transport: 'polling' }, 3)).groups).toEqual(c.groups);
  });

  it('a shorter polling interval: less delay, more requests', () => {
    const v = (interval: number) => chart(sim({ transport: 'polling', interval, messages: 4 }, 9)).groups.find((g) => g.key === 'polling')!.values;
    expect(v(250).delay).toBeLessThan(v(3000).delay);
    expect(v(250).requests).toBeGreaterThan(v(3000).requests);
  });

  it('one TCP connection: each side\'s sequence numbers follow on from what it sent', () => {
    for (const transport of ['polling', 'long-polling', 'websocket']) {
      const ms = messages(sim({ transport, messages: 4 }, 5));
      for (const side of ['client', 'server']) {
        const mine = ms.filter((m) => m.from === side).map((m) => ({ seq: (m.packet as { fields: { seg: { seq: number } } }).fields.seg.seq, len: bytes(m).length }));
        for (let i = 1; i < mine.length; i++) expect(mine[i].seq).toBe((mine[i - 1].seq + mine[i - 1].len) >>> 0);
      }
    }
  });

  it('the same params and seed give the same timeline, byte for byte', () => {
    for (const transport of ['polling', 'long-polling', 'websocket']) {
      expect(JSON.stringify(scenario.simulate({ ...base, transport }, 11))).toBe(JSON.stringify(scenario.simulate({ ...base, transport }, 11)));
    }
  });
});
