import { describe, expect, it } from 'vitest';
import { dnsTypeCode, type DnsRecord, type DnsTypeName } from '../wire/dns';
import { answerQuery } from './server';
import { decodeDatagram, rdataText, responseKind } from './message';
import { runDns, type DnsWorldOptions, type DnsTrace } from './world';
import { ZONES, ancestors, isUnder } from './zones';
import type { DnsNote } from './types';

const NAMES = ['www.naver.com', 'naver.com', 'm.naver.com', 'www.example.com', 'example.com', 'google.com', 'www.google.com', 'xn--3e0b707e.kr', 'www.xn--3e0b707e.kr', 'example.org', 'nope.naver.com', 'nothing.com', 'foo.de', 'www.naver.com.nheos.com', 'com'];
const TYPES: DnsTypeName[] = ['A', 'AAAA', 'MX', 'TXT'];
const RTT = { stub: 10, root: 40, tld: 60, auth: 80 };
const opts = (o: Partial<DnsWorldOptions>): DnsWorldOptions => ({ name: 'www.naver.com', qtype: 'A', mode: 'recursive', warm: false, stubCache: false, rtt: RTT, loss: 0, seed: 1, ...o });

/** The truth, read straight from the zone files: follow delegations and CNAMEs by hand. */
function truth(name: string, qtype: DnsTypeName): { rcode: number; data: string[] } {
  const chain: string[] = [];
  let n = name;
  for (let i = 0; i < 8; i++) {
    const zone = ancestors(n).find((z) => ZONES[z]);
    if (zone === undefined) return { rcode: 3, data: chain };
    const recs = ZONES[zone].records.filter((r) => r.name === n);
    const own = recs.filter((r) => r.type === qtype);
    if (own.length) return { rcode: 0, data: [...chain, ...own.map(rdataText)] };
    const cn = recs.find((r) => r.type === 'CNAME') as Extract<DnsRecord, { type: 'CNAME' }> | undefined;
    if (cn) { chain.push(rdataText(cn)); n = cn.host; continue; }
    const exists = recs.length > 0 || ZONES[zone].records.some((r) => r.name.endsWith('.' + n));
    return { rcode: exists ? 0 : 3, data: chain };
  }
  throw new Error('loop');
}

const notes = (tr: DnsTrace) => tr.entries.flatMap((e) => e.notes.map((n) => ({ t: e.t, actor: n.actor, note: n.note as DnsNote })));
const dones = (tr: DnsTrace) => notes(tr).filter((n) => n.note.kind === 'done') as { t: number; note: Extract<DnsNote, { kind: 'done' }> }[];

describe('authoritative servers answer from their zone data (RFC 1034 §4.3.2)', () => {
  const q = (name: string, type: DnsTypeName) => ({ id: 7, qr: false, rd: false, questions: [{ name, type }] });
  it('the root refers to com with NS in authority and glue in additional, AA=0', () => {
    const r = answerQuery('root', q('www.naver.com', 'A'));
    expect(r.aa).toBe(false);
    expect(r.answers).toEqual([]);
    expect(r.authority!.map((x) => [x.name, x.type])).toEqual([['com', 'NS'], ['com', 'NS']]);
    expect(r.additional!.map((x) => (x as { address: string }).address)).toEqual(['198.51.100.1', '198.51.100.2']);
  });
  it('naver.com answers the CNAME with AA=1 and stops at its zone edge', () => {
    const r = answerQuery('naver', q('www.naver.com', 'A'));
    expect(r.aa).toBe(true);
    expect(r.answers!.map(rdataText)).toEqual(['www.naver.com.nheos.com']);
  });
  it('NXDOMAIN carries the SOA with TTL min(SOA TTL, MINIMUM) (RFC 2308 §3)', () => {
    const r = answerQuery('google', q('nope.google.com', 'A'));
    expect(r.rcode).toBe(3);
    expect(r.authority![0]).toMatchObject({ type: 'SOA', ttl: 60, minimum: 60 });
    const nd = answerQuery('nheos', q('naver.com.nheos.com', 'A')); // empty non-terminal: NODATA (RFC 8020)
    expect([nd.rcode, responseKind(nd)]).toEqual([0, 'nodata']);
  });
  it('refuses zones it does not serve', () => {
    expect(answerQuery('naver', q('www.google.com', 'A')).rcode).toBe(5);
  });
});

describe('resolution over many seeds, names, modes and loss rates', () => {
  const cases: DnsWorldOptions[] = [];
  let seed = 1;
  for (const name of NAMES) for (const qtype of TYPES) for (const loss of [0, 0.2, 0.5]) {
    cases.push(opts({ name, qtype, loss, seed: seed++, mode: seed % 3 === 0 ? 'iterative' : 'recursive', warm: seed % 2 === 0, stubCache: seed % 5 === 0 }));
  }

  it('every lookup ends with an answer or a clear failure, and answers equal the zone data', () => {
    let answered = 0;
    for (const o of cases) {
      const tr = runDns(o);
      expect(tr.truncated).toBe(false);
      const d = dones(tr);
      expect(d.map((x) => x.note.n), JSON.stringify(o)).toEqual([1, 2]);
      const want = truth(o.name, o.qtype);
      for (const { note } of d) {
        if (note.failure) { expect(note.rcode).toBe(2); continue; }
        answered++;
        expect(note.rcode, o.name).toBe(want.rcode);
        expect(note.answers.map(rdataText), `${o.name} ${o.qtype}`).toEqual(want.data);
      }
    }
    expect(answered).toBeGreaterThan(cases.length);
  });

  it('without loss every lookup succeeds, and the second sends nothing past the resolver', () => {
    for (const o of cases.filter((c) => c.loss === 0)) {
      const tr = runDns(o);
      const d = dones(tr);
      expect(d.every((x) => !x.note.failure)).toBe(true);
      const after = tr.wires.filter((w) => w.sentAt >= d[0].t);
      const allowed = o.mode === 'iterative' ? [] : ['stub', 'resolver'];
      for (const w of after) expect([w.from, w.to].every((a) => allowed.includes(a)), `${o.name} ${w.from}>${w.to}`).toBe(true);
      expect(d[1].t - (d[0].t + 30_000)).toBeLessThan(d[0].t || 1);
    }
  });

  it('no cache serves a record past its TTL: every TTL handed on ends before the authoritative one does', () => {
    for (const o of cases) {
      const tr = runDns({ ...o, gap: 250_000 });
      // When each record left its authoritative server, with its TTL there.
      const born: { key: string; at: number; end: number }[] = [];
      const key = (r: DnsRecord) => `${r.name}|${r.type}|${rdataText(r)}`;
      for (const w of tr.wires) {
        const m = decodeDatagram(w.msg);
        if (m.qr && m.aa && !w.lost) for (const r of [...m.answers, ...m.authority]) born.push({ key: key(r), at: w.endAt, end: w.endAt + r.ttl * 1000 });
        if (m.qr && !m.aa) {
          for (const r of [...m.answers, ...m.authority.filter((x) => x.type === 'SOA')]) {
            // The latest authoritative copy that had arrived when this one left.
            const ends = born.filter((b) => b.key === key(r) && b.at <= w.sentAt).map((b) => b.end);
            expect(ends.length, key(r)).toBeGreaterThan(0);
            expect(w.sentAt + r.ttl * 1000, key(r)).toBeLessThanOrEqual(Math.max(...ends));
          }
        }
      }
    }
  });

  it('an expired RRset is fetched again, from the closest zone cut still cached', () => {
    // nheos A has TTL 300; the CNAME (21600) and nheos.com's NS (172800) outlive it.
    const tr = runDns(opts({ gap: 301_000 }));
    const d = dones(tr);
    const second = tr.wires.filter((w) => w.sentAt >= d[0].t && w.from === 'resolver' && w.to !== 'stub');
    expect(second.map((w) => w.to)).toEqual(['nheos']);
    // The CNAME, learned 301.3 s earlier, is served with 21600 - 302 s left (rounded down); the A RRset is new.
    expect(d[1].note.answers.map((r) => r.ttl)).toEqual([21298, 300, 300]);
  });

  it('a server that never answers ends in SERVFAIL to the stub, not a hang', () => {
    const drop = { 'naver>resolver': [0, 1, 2, 3, 4, 5, 6, 7] };
    const tr = runDns(opts({ drop, lookups: 1 }));
    const d = dones(tr);
    expect(d[0].note).toMatchObject({ rcode: 2, failure: 'servfail' });
    expect(notes(tr).some((n) => n.note.kind === 'servfail')).toBe(true);
    const toNaver = tr.wires.filter((w) => w.to === 'naver');
    expect(toNaver.map((w) => decodeDatagram(w.msg).id).length).toBe(4);
    expect(new Set(toNaver.map((w) => w.msg.dst))).toEqual(new Set(['198.51.100.101', '198.51.100.102']));
  });

  it('query IDs and source ports come from the seed (RFC 5452): same seed same values, another seed others', () => {
    const ids = (s: number) => runDns(opts({ seed: s })).wires.filter((w) => !decodeDatagram(w.msg).qr).map((w) => [decodeDatagram(w.msg).id, w.msg.srcPort]);
    expect(ids(5)).toEqual(ids(5));
    expect(ids(5)).not.toEqual(ids(6));
    for (const [, port] of ids(9)) expect(port).toBeGreaterThanOrEqual(1024);
    expect(JSON.stringify(runDns(opts({ seed: 4, loss: 0.3 })).wires)).toBe(JSON.stringify(runDns(opts({ seed: 4, loss: 0.3 })).wires));
  });

  it('the resolver only caches in-bailiwick data and every query is to a server of the zone it names', () => {
    for (const o of cases.slice(0, 40)) {
      const tr = runDns(o);
      for (const w of tr.wires) {
        const m = decodeDatagram(w.msg);
        if (m.qr || w.to === 'resolver') continue;
        expect(isUnder(m.questions[0].name, '')).toBe(true);
        expect(dnsTypeCode(m.questions[0].type)).toBe(dnsTypeCode(o.qtype));
      }
    }
  });
});
