import { describe, expect, it } from 'vitest';
import { entitiesOf } from '../../core/entities';
import { stepsOf, type Timeline } from '../../core/timeline';
import { capture } from '../../capture';
import { findField } from '../../wire/fields';
import type { WaterfallEntity } from '../../figures/waterfall';
import scenario, { journeyOf } from './index';
import { dnsRtts } from './journey';
import { MODEL } from './plans';
import { timings } from './timing';

const P = { cache: 'cold', rtt: 40, http: '2', hsts: true, loss: 0 } as const;
const lastScene = (tl: Timeline) => stepsOf(tl)[tl.steps.length - 1].scene;
const waterfall = (tl: Timeline) => entitiesOf(lastScene(tl), 'waterfall')[0] as WaterfallEntity;

describe('what-happens-url: the journey', () => {
  it('steps through the phases in order, by key', () => {
    for (const http of ['1.1', '2'] as const) {
      const keys = scenario.run({ http }, 1).steps.map((s) => s.key).filter(Boolean);
      const want = ['url-parse', 'hsts', 'dns-cache', 'dns-query', 'dns-answer', 'tcp-syn', 'tcp-established', 'tls-client-hello', 'tls-finished', 'request', 'response', 'parse-html', 'subresources', 'dom-content-loaded', 'load'];
      const at = want.map((k) => keys.indexOf(k));
      expect(at.every((i) => i >= 0), `${http}: ${keys.join(' ')}`).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      const tl = scenario.run({ http }, 1);
      tl.steps.forEach((s, i) => i && expect(s.t).toBeGreaterThanOrEqual(tl.steps[i - 1].t));
    }
  });

  it('phases are contiguous from 0 and add up to the load time the table shows', () => {
    for (const [http, hsts, cache] of [['2', true, 'cold'], ['1.1', false, 'warm'], ['2', false, 'cold'], ['1.1', true, 'warm']] as const) {
      const j = journeyOf({ ...P, http, hsts, cache }, 5);
      const tm = timings(j)!;
      expect(tm.phases[0].start).toBe(0);
      tm.phases.forEach((p, i) => {
        expect(p.end).toBeGreaterThanOrEqual(p.start);
        if (i) expect(p.start).toBe(tm.phases[i - 1].end);
      });
      const sum = tm.phases.reduce((n, p) => n + (p.end - p.start), 0);
      expect(sum).toBe(tm.milestones.load);
      expect(tm.phases.some((p) => p.key === 'redirect')).toBe(!hsts);
      const tl = scenario.run({ http, hsts, cache }, 5);
      const table = entitiesOf(lastScene(tl), 'counters').find((c) => c.id === 'phases')!;
      const took = table.rows.slice(0, -1).reduce((n, r) => n + Number(r.values[1]), 0);
      expect(took).toBe(tm.milestones.load);
      expect(table.rows[table.rows.length - 1].values[1]).toBe(String(tm.milestones.load));
      expect(tl.steps[tl.steps.length - 1].t).toBe(tm.milestones.load);
    }
  });

  it('hand-computed at zero loss: the DNS walk is the sum of its hops, TCP one RTT plus serialisation, TLS 1-RTT', () => {
    for (const rtt of [20, 40, 101]) {
      const h = dnsRtts(rtt);
      const cold = timings(journeyOf({ ...P, rtt }, 2))!;
      const dns = cold.phases.find((p) => p.key === 'dns')!;
      // stub→resolver, root, .com, naver.com (CNAME), .com again for nheos.com, nheos.com.
      expect(dns.end - dns.start).toBe(h.stub + h.root + h.tld + h.auth + h.tld + h.auth);
      const warm = timings(journeyOf({ ...P, rtt, cache: 'warm' }, 2))!;
      const wd = warm.phases.find((p) => p.key === 'dns')!;
      expect(wd.end - wd.start).toBe(h.stub);
      const tcp = cold.phases.find((p) => p.key === 'tcp')!;
      // SYN and SYN-ACK are 66-byte frames: 1 ms each on the 1000 B/ms link.
      expect(tcp.end - tcp.start).toBe(rtt + 2);
      const tls = cold.phases.find((p) => p.key === 'tls')!;
      expect(tls.end - tls.start).toBeGreaterThanOrEqual(rtt);
      expect(tls.end - tls.start).toBeLessThan(2 * rtt);
      const parse = cold.phases.find((p) => p.key === 'parse')!;
      expect(parse.end - parse.start).toBe(MODEL.parse);
    }
  });

  it("the waterfall's segments are the traces' own times", () => {
    for (const http of ['1.1', '2'] as const) {
      const j = journeyOf({ ...P, http, hsts: false }, 9);
      const tl = scenario.run({ http, hsts: false }, 9);
      const wf = waterfall(tl);
      const { trace, shift, plans } = j.web!;
      expect(wf.rows.length).toBe(1 + 1 + 7);
      for (const row of wf.rows) {
        // Contiguous: each segment starts where the one before ended.
        row.segments.forEach((s, i) => i && expect(s.start, row.label).toBe(row.segments[i - 1].end));
        const conn = row.conn - 1;
        const wires = trace.wires.filter((w) => w.msg.conn === conn);
        const syn = wires.find((w) => w.from === 'browser' && w.msg.seg.flags.syn)!;
        const synAck = wires.find((w) => w.from === 'server' && w.msg.seg.flags.syn && !w.lost)!;
        const connect = row.segments.find((s) => s.kind === 'connect');
        if (connect) {
          expect(connect.start).toBe(syn.sentAt + shift);
          expect(connect.end).toBe(synAck.endAt + shift);
        }
        // Download ends when the last byte of this response arrived: the wire carrying its last unit.
        const path = row.label.startsWith('http://') ? 'http:/' : row.label.startsWith('https://') ? '/' : row.label;
        const plan = plans.plans[conn];
        const lastUnit = plan.units.findIndex((u) => u.parts.some((p) => p.path === path && p.role === 'response' && p.last));
        const offset = plan.units.slice(0, lastUnit + 1).filter((u) => u.from === 'server').reduce((n, u) => n + u.bytes.length, 0);
        const iss = plan.iss.server;
        const carrier = wires.find((w) => w.from === 'server' && !w.lost && ((w.msg.seg.seq - iss - 1) >>> 0) + w.msg.bytes.length === offset)!;
        expect(row.segments[row.segments.length - 1].kind).toBe('download');
        expect(row.segments[row.segments.length - 1].end, row.label).toBe(carrier.endAt + shift);
      }
      expect(wf.end).toBe(timings(j)!.milestones.load);
    }
  });

  it('a warm resolver cache sends nothing past the resolver; a cold one walks the tree', () => {
    const upstream = ['root', 'gtld', 'naver', 'nheos'];
    const dnsPackets = (cache: 'cold' | 'warm') => capture(scenario.run({ cache }, 4)).filter((p) => findField(p.dissection.layers, 'udp.srcport'));
    const msgs = (cache: 'cold' | 'warm') => entitiesOf(lastScene(scenario.run({ cache }, 4)), 'message').filter((m) => m.id.startsWith('d'));
    expect(msgs('warm').length).toBe(2);
    expect(msgs('warm').every((m) => !upstream.includes(m.from) && !upstream.includes(m.to))).toBe(true);
    expect(dnsPackets('warm').length).toBe(2);
    const cold = msgs('cold');
    for (const a of upstream) expect(cold.some((m) => m.to === a), a).toBe(true);
    expect(dnsPackets('cold').length).toBe(12);
  });

  it('HTTP/1.1 opens up to six connections for the subresources; HTTP/2 uses one', () => {
    // Client ports of the connections to 443, read from the encoded packets.
    const ports = (http: '1.1' | '2') => new Set(capture(scenario.run({ http }, 6)).flatMap((p) => {
      const dst = findField(p.dissection.layers, 'tcp.dstport');
      return dst && dst.value.startsWith('443') ? [findField(p.dissection.layers, 'tcp.srcport')!.value] : [];
    }));
    expect(ports('1.1').size).toBe(6);
    expect(ports('2').size).toBe(1);
    const rows = waterfall(scenario.run({ http: '1.1' }, 6)).rows;
    expect(new Set(rows.map((r) => r.conn)).size).toBe(6);
    expect(rows.filter((r) => r.segments.some((s) => s.kind === 'tls')).length).toBe(6);
    const h2rows = waterfall(scenario.run({ http: '2' }, 6)).rows;
    expect(new Set(h2rows.map((r) => r.conn)).size).toBe(1);
    expect(h2rows.filter((r) => r.segments.some((s) => s.kind === 'tls')).length).toBe(1);
    expect(h2rows.every((r) => r.protocol === 'h2')).toBe(true);
  });

  it('is deterministic, and the seed matters', () => {
    const a = JSON.stringify(scenario.run({ loss: 5 }, 11));
    expect(JSON.stringify(scenario.run({ loss: 5 }, 11))).toBe(a);
    expect(JSON.stringify(scenario.run({ loss: 5 }, 12))).not.toBe(a);
  });

  it('under loss, over many seeds, the journey completes with retransmissions or fails clearly', () => {
    let completed = 0;
    let retransmitted = 0;
    for (let seed = 1; seed <= 16; seed++) {
      const loss = 5 + (seed % 4) * 5;
      const http = seed % 2 ? '1.1' : '2';
      const tl = scenario.run({ loss, http, hsts: seed % 3 !== 0 }, seed);
      const keys = tl.steps.map((s) => s.key);
      const end = keys[keys.length - 1];
      expect(['load', 'dns-failed', 'web-failed'], `seed ${seed}`).toContain(end);
      if (end === 'load') {
        completed++;
        const tm = timings(journeyOf({ ...P, loss, http, hsts: seed % 3 !== 0 }, seed))!;
        if (tm.retransmissions > 0) retransmitted++;
        expect(tl.steps[tl.steps.length - 1].t).toBe(tm.milestones.load);
      } else expect(tl.tlsKeyLog === undefined || end === 'web-failed').toBe(true);
    }
    expect(completed).toBeGreaterThan(8);
    expect(retransmitted).toBeGreaterThan(0);
  });
});

describe('the omnibox', () => {
  it('tells an address from a search, adds the scheme HSTS asks for, and parses the URL', async () => {
    const { omnibox } = await import('./omnibox');
    expect(omnibox('www.naver.com', ['www.naver.com'])).toEqual({ kind: 'url', href: 'https://www.naver.com/', scheme: 'https', host: 'www.naver.com', port: 443, path: '/' });
    expect(omnibox('www.naver.com', [])).toEqual({ kind: 'url', href: 'http://www.naver.com/', scheme: 'http', host: 'www.naver.com', port: 80, path: '/' });
    // RFC 6797 §8.3: an explicit http:// URL for a known HSTS host is rewritten too.
    expect(omnibox('http://www.naver.com/news', ['www.naver.com'])).toMatchObject({ kind: 'url', href: 'https://www.naver.com/news', port: 443, path: '/news' });
    expect(omnibox('naver 뉴스', []).kind).toBe('search');
    expect(omnibox('네이버', []).kind).toBe('search');
    expect(omnibox('localhost', []).kind).toBe('search');
    expect(omnibox('naver.com:8080/a', [])).toMatchObject({ kind: 'url', href: 'http://naver.com:8080/a', port: 8080, path: '/a' });
  });
});

describe('the byte streams', () => {
  it('each side reassembles exactly the units its peer planned, in order, with and without loss', async () => {
    const { concat } = await import('../../wire/bytes');
    for (const [http, loss, seed] of [['1.1', 0, 1], ['2', 0, 2], ['1.1', 15, 3], ['2', 15, 4], ['1.1', 10, 8]] as const) {
      const j = journeyOf({ ...P, http, loss, hsts: seed % 2 === 0 }, seed);
      if (!j.web) continue;
      const last = j.web.trace.entries[j.web.trace.entries.length - 1].states;
      j.web.plans.plans.forEach((plan, k) => {
        const want = (from: 'client' | 'server') => concat(...plan.units.filter((u) => u.from === from).map((u) => u.bytes));
        expect(Buffer.from(last.browser.conns[k].received).equals(Buffer.from(want('server'))), `${http} ${seed} conn ${k}`).toBe(true);
        expect(Buffer.from(last.server.conns[k].received).equals(Buffer.from(want('client'))), `${http} ${seed} conn ${k}`).toBe(true);
      });
    }
  });
});
