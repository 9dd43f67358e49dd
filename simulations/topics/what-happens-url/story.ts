/**
 * The journey's story: beats at the moments the traces say (a DNS message arriving, a
 * connection established, a response's first and last byte, the modelled page milestones),
 * every DNS datagram and TCP segment as an arrow carrying its real bytes, and beside the
 * stage the waterfall and the phase table.
 */
import { round } from '../../core/round';
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { View } from '../../core/timeline';
import type { ActorEntity, MarkEntity, MessageEntity } from '../../figures/sequence';
import { chipOf, decodeDatagram, labelOf, packetRef, responseKind, type ResponseKind } from '../../dns/message';
import { RESOLVER_IP, STUB_IP } from '../../dns/world';
import { flagNames, segmentLabel } from '../../tcp/segment';
import { toHex } from '../../wire/bytes';
import type { Journey } from './journey';
import { TEXT, type Ctx } from './narrate';
import { omnibox } from './omnibox';
import { HOST } from './page';
import { phaseTable, waterfallEntity } from './panels';
import { MODEL } from './plans';
import type { Timings } from './timing';

const tx = (ko: string, en: string): Text => ({ ko, en });

interface Moment {
  t: number;
  text: string;
  key?: string;
  ctx?: Partial<Ctx>;
  mark?: Text;
  /** DNS responses: what kind. */
  kind?: ResponseKind;
}

const ACTORS: readonly [string, Text, string, ActorEntity['role']][] = [
  ['server', tx('웹 서버', 'Web server'), '', 'server'],
  ['browser', tx('브라우저', 'Browser'), STUB_IP, 'client'],
  ['stub', tx('OS 스텁', 'OS stub'), STUB_IP, 'client'],
  ['resolver', tx('재귀 리졸버', 'Recursive resolver'), RESOLVER_IP, 'resolver'],
  ['root', tx('루트', 'Root'), 'a.root-servers.net', 'authority'],
  ['gtld', tx('.com TLD', '.com TLD'), 'a.gtld-servers.net', 'authority'],
  ['naver', tx('naver.com 권한', 'naver.com auth.'), 'ns1.naver.com', 'authority'],
  ['nheos', tx('nheos.com 권한', 'nheos.com auth.'), 'ns1.nheos.com', 'authority'],
];

/**
 * Where each actor's lifeline stands (0..100). The DNS lanes keep 12.5 apart, the least that
 * leaves a box room for "servers.net" on a laptop, even as the static HTML's generous estimate
 * measures it (seqHeader.test.ts); the web server takes the far left, so the
 * whole HTTP phase (dozens of TCP segments between it and the browser) gets the widest column.
 */
const DNS_GAP = 12.5;
const LANE_X: readonly number[] = ACTORS.map((_, k) => (k === 0 ? 1 : round(95 - (ACTORS.length - 1 - k) * DNS_GAP, 1)));

/** The moments of the run, in time order (stable for equal times). */
function moments(j: Journey, tm: Timings | undefined): Moment[] {
  const out: Moment[] = [
    { t: 0, text: 'url-parse', key: 'url-parse', mark: tx('URL 해석', 'parse URL') },
    { t: MODEL.url, text: 'hsts', key: 'hsts', mark: tx('HSTS 확인', 'HSTS check') },
    { t: MODEL.url, text: 'dns-cache', key: 'dns-cache', mark: tx('캐시 · hosts 없음', 'caches · hosts: miss') },
  ];
  const d = j.dns;
  for (const e of d.trace.entries) {
    if (e.t < d.from || e.cause.kind === 'start') continue;
    const t = e.t + d.shift;
    if (e.cause.kind === 'post') out.push({ t, text: 'dns-query', key: 'dns-query' });
    else if (e.cause.kind === 'msg' && e.cause.actor === 'stub') out.push({ t, text: 'dns-answer', key: 'dns-answer', ctx: { ms: d.end - d.start } });
    else if (e.cause.kind === 'lost') out.push({ t, text: 'lost', ctx: { path: chipOf(decodeDatagram(d.trace.wire(e.cause.wire).msg)) } });
    else if (e.cause.kind === 'msg') {
      const m = decodeDatagram(d.trace.wire(e.cause.wire).msg);
      out.push({ t, text: `dns:${e.cause.actor}:${labelOf(m)}${m.qr ? ` (${chipOf(m)})` : ''}`, ...(m.qr ? { kind: responseKind(m) } : {}) });
    }
  }
  if (!tm || !j.web) {
    out.push(j.web ? { t: j.web.shift + j.web.trace.end, text: 'web-failed', key: 'web-failed' } : { t: d.end, text: 'dns-failed', key: 'dns-failed', ctx: { path: d.failure } });
    return out;
  }
  const { plans } = j.web;
  const main = tm.conns[plans.main];
  const doc = tm.requests.find((r) => r.path === '/')!;
  if (plans.main > 0) {
    const r = tm.requests.find((x) => x.path === 'http:/')!;
    out.push({ t: r.sentAt, text: 'http-request', key: 'http-request' }, { t: r.lastByteAt, text: 'redirect', key: 'redirect' });
  }
  out.push(
    { t: main.connectAt, text: 'tcp-syn', key: 'tcp-syn' },
    { t: main.establishedAt!, text: 'tcp-established', key: 'tcp-established', ctx: { ms: main.establishedAt! - main.connectAt } },
    { t: main.establishedAt!, text: 'tls-client-hello', key: 'tls-client-hello' },
    { t: main.tlsDoneAt!, text: 'tls-server-flight', key: 'tls-server-flight' },
    { t: main.tlsDoneAt!, text: 'tls-finished', key: 'tls-finished', ctx: { ms: main.tlsDoneAt! - main.establishedAt! } },
    { t: doc.sentAt, text: 'request', key: 'request' },
    { t: doc.firstByteAt, text: 'response', key: 'response', ctx: { ms: doc.firstByteAt - doc.sentAt } },
    { t: doc.lastByteAt, text: 'html-downloaded', key: 'html-downloaded', ctx: { ms: doc.lastByteAt - doc.firstByteAt } },
    { t: tm.milestones.parsed, text: 'parse-html', key: 'parse-html', ctx: { n: tm.requests.length - 1 - plans.main }, mark: tx('DOM', 'DOM') },
    { t: tm.milestones.parsed, text: 'subresources', key: 'subresources', ctx: { n: tm.requests.length - 1 - plans.main, ms: new Set(tm.requests.filter((r) => r.path !== 'http:/').map((r) => r.conn)).size } },
  );
  for (const r of tm.requests) if (r.path !== '/' && r.path !== 'http:/') out.push({ t: r.lastByteAt, text: 'sub-done', ctx: { path: r.path } });
  // Losses after the load event (a last ACK) change nothing the page shows.
  for (const w of j.web.trace.wires) if (w.lost && w.endAt + j.web.shift <= tm.milestones.load) out.push({ t: w.endAt + j.web.shift, text: 'lost', ctx: { path: `${flagNames(w.msg.seg.flags)}${w.msg.bytes.length ? ` ${w.msg.bytes.length} B` : ''}` } });
  out.push(
    { t: tm.milestones.fcp, text: 'first-contentful-paint', key: 'first-contentful-paint', ctx: { ms: tm.milestones.fcp }, mark: tx('FCP', 'FCP') },
    { t: tm.milestones.dcl, text: 'dom-content-loaded', key: 'dom-content-loaded', ctx: { ms: tm.milestones.dcl }, mark: tx('DOMContentLoaded', 'DOMContentLoaded') },
    { t: tm.milestones.load, text: 'load', key: 'load', ctx: { ms: tm.milestones.load }, mark: tx('load', 'load') },
  );
  return out.map((m, i) => ({ m, i })).sort((a, b) => a.m.t - b.m.t || a.i - b.i).map((x) => x.m);
}

/** What a DNS response tells the resolver, by its kind (RFC 1034 §4.3.2). */
const KIND_TEXT: Partial<Record<ResponseKind, Text>> = {
  referral: tx('위임(referral): 답 대신, 이 이름을 아는 다음 영역의 서버(NS)와 그 주소(글루)를 알려 줍니다.', 'A referral: no answer, but the servers (NS) of the next zone down and their addresses (glue).'),
  cname: tx('CNAME: 이 이름은 다른 이름의 별칭입니다. 리졸버는 새 이름을 처음부터 다시 찾습니다 (RFC 1034 §3.6.2).', 'A CNAME: this name is an alias of another; the resolver looks the new name up in turn (RFC 1034 §3.6.2).'),
  answer: tx('권한 있는 답(AA=1): A 레코드.', 'An authoritative answer (AA=1): the A records.'),
};

/** A DNS hop's beat: who received what. */
function dnsText(text: string, kind?: ResponseKind): { caption: Text; narration: Text } {
  const [, actor, label] = text.split(':');
  const who = ACTORS.find((a) => a[0] === actor)?.[1] ?? tx(actor, actor);
  const what = kind ? KIND_TEXT[kind] : undefined;
  return {
    caption: tx(`${who.ko} ← ${label}`, `${who.en} ← ${label}`),
    narration: what ? tx(`${who.ko}에 응답 도착: ${label}. ${what.ko}`, `${who.en} receives ${label}. ${what.en}`) : tx(`${who.ko}에 질의 도착: ${label}.`, `${who.en} receives the query ${label}.`),
  };
}

interface Arrow {
  id: string;
  from: string;
  to: string;
  sentAt: number;
  endAt: number;
  lost: boolean;
  retransmission: boolean;
  label: string;
  short?: string;
  chip: string;
  tone: MessageEntity['tone'];
  packet: MessageEntity['packet'];
}

function arrows(j: Journey): Arrow[] {
  const out: Arrow[] = [];
  const d = j.dns;
  for (const w of d.trace.wires) {
    if (w.sentAt < d.from) continue;
    const m = decodeDatagram(w.msg);
    out.push({ id: `d${w.id}`, from: w.from, to: w.to, sentAt: w.sentAt + d.shift, endAt: w.endAt + d.shift, lost: w.lost, retransmission: w.retransmission, label: labelOf(m), chip: chipOf(m), tone: m.qr ? 'answer' : 'query', packet: packetRef(w.msg, w.sentAt + d.shift) });
  }
  if (!j.web) return out;
  const { trace, shift, plans } = j.web;
  const server = d.address!;
  for (const w of trace.wires) {
    const { seg, bytes, conn } = w.msg;
    const tls = plans.plans[conn].serverPort === 443;
    const browser = w.from === 'browser';
    const label = `${segmentLabel(seg)} · #${conn + 1}`;
    out.push({
      id: `w${w.id}`, from: w.from, to: w.to, sentAt: w.sentAt + shift, endAt: w.endAt + shift, lost: w.lost, retransmission: w.retransmission, label, short: `${flagNames(seg.flags)} · #${conn + 1}`,
      chip: bytes.length ? (tls ? 'TLS' : 'HTTP') : seg.flags.syn ? (seg.flags.ack ? 'SYN-ACK' : 'SYN') : 'ACK',
      tone: bytes.length ? 'data' : seg.flags.syn ? 'control' : 'ack',
      packet: { proto: 'tcp', fields: { src: browser ? STUB_IP : server, dst: browser ? server : STUB_IP, seg, t: w.sentAt + shift, ...(bytes.length ? { payloadHex: toHex(bytes), app: tls ? 'tls' as const : 'http' as const } : {}) } },
    });
  }
  return out;
}

export function buildStory(j: Journey, tm: Timings | undefined): { story: Story; view: View } {
  const b = new StoryBuilder();
  const ms = moments(j, tm);
  const url = omnibox(HOST, j.o.hsts ? [HOST] : []);
  const base: Ctx = { hsts: j.o.hsts, warm: j.o.cache === 'warm', http: j.o.http, address: j.dns.address, ...(url.kind === 'url' ? { href: url.href, scheme: url.scheme, port: url.port } : {}) };
  const keys = new Set<string>();
  const times = ms.map((m) => m.t);
  /** Row of a time: the beat's index, interpolated between beats. */
  const yOf = (t: number) => {
    let i = 0;
    while (i + 1 < times.length && times[i + 1] <= t) i++;
    return i + 1 < times.length && times[i + 1] > times[i] ? round(i + Math.max(0, t - times[i]) / (times[i + 1] - times[i]), 2) : i;
  };
  const all = arrows(j).sort((a, c) => a.sentAt - c.sentAt);
  const done = new Set<string>();
  ms.forEach((m, i) => {
    const text = m.text.startsWith('dns:') ? dnsText(m.text, m.kind) : TEXT[m.text]({ ...base, ...m.ctx });
    const key = m.key && !keys.has(m.key) ? (keys.add(m.key), m.key) : undefined;
    b.beat({ t: m.t, ...(key ? { key } : {}), caption: text.caption, narration: text.narration });
    if (i === 0) ACTORS.forEach(([id, label, sub], k) => b.show({ kind: 'actor', id, label, ...(id === 'server' && j.dns.address ? { sublabel: `${j.dns.address}:443` } : sub ? { sublabel: sub } : {}), x: LANE_X[k], role: ACTORS[k][3] }));
    if (m.mark) {
      const mark: MarkEntity = { kind: 'mark', id: `mark-${m.text}`, on: 'browser', y: i, tone: 'app', text: m.mark, fresh: true };
      b.show(mark);
    }
    for (const a of all) {
      if (a.sentAt > m.t || done.has(a.id)) continue;
      const arrived = a.endAt <= m.t;
      const msg: MessageEntity = {
        kind: 'message', id: a.id, from: a.from, to: a.to, y0: yOf(a.sentAt), y1: Math.max(yOf(a.endAt), yOf(a.sentAt) + 0.2),
        progress: arrived ? 1 : round((m.t - a.sentAt) / Math.max(1, a.endAt - a.sentAt)), status: arrived ? (a.lost ? 'lost' : 'delivered') : 'flight',
        label: a.label, ...(a.short ? { short: a.short } : {}), chip: a.chip, tone: a.tone, fresh: false, retransmission: a.retransmission, packet: a.packet,
      };
      b.show(msg);
      if (arrived) done.add(a.id);
    }
    if (tm) {
      b.show(waterfallEntity(j, tm, m.t));
      b.show(phaseTable(tm, m.t));
    }
  });
  const view: View = { rows: ms.length, ticks: ms.map((m, i) => ({ y: i, t: m.t })) };
  return { story: b.build(), view };
}

