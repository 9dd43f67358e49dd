/**
 * The story of a DNS run, read from the kernel trace: one beat per event, a lifeline per
 * actor that takes part, every datagram as an arrow carrying its bytes, and the cache of
 * whoever resolves as a table with the TTL left at each step.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { ActorEntity, MessageEntity } from '../../figures/sequence';
import type { CountersEntity } from '../../figures/panels';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import { ttlLeft, NX_TYPE, type Cache } from '../../dns/cache';
import { chipOf, decodeDatagram, labelOf, packetRef, rdataText } from '../../dns/message';
import type { DnsNote } from '../../dns/types';
import { RESOLVER_IP, STUB_IP, type ActorState, type DnsTrace } from '../../dns/world';
import { SERVERS, showName } from '../../dns/zones';
import { hex4, noteText, serverSays, serverText, type NoteContext } from './narrate';

const tx = (ko: string, en: string): Text => ({ ko, en });
const join = (parts: (Text | undefined)[]): Text => {
  const p = parts.filter((x): x is Text => Boolean(x));
  return { ko: p.map((x) => x.ko).join(' '), en: p.map((x) => x.en).join(' ') };
};

export interface StoryInput {
  trace: DnsTrace;
  name: string;
  qtype: string;
  mode: 'recursive' | 'iterative';
  warm: boolean;
  stubCache: boolean;
  gapS: number;
  /** Server lanes to draw even if nobody talks to them (the name's TLD and zone). */
  lanes: string[];
}

const TYPE_NAMES: Record<number, string> = { 1: 'A', 2: 'NS', 5: 'CNAME', 6: 'SOA', 15: 'MX', 16: 'TXT', 28: 'AAAA', [NX_TYPE]: 'NXDOMAIN' };

/** The cache as a table: one row per live RRset, TTL left at `now`. */
export function cacheTable(id: string, title: Text, cache: Cache, now: number): CountersEntity {
  const live = cache.filter((e) => e.expiresAt > now);
  return {
    kind: 'counters', id, title,
    columns: [tx('종류', 'type'), tx('데이터', 'data'), tx('남은 TTL', 'TTL left')],
    rows: live.map((e) => ({
      label: tx(showName(e.name), showName(e.name)),
      values: [
        e.negative === 'nodata' ? `NODATA ${TYPE_NAMES[e.type] ?? e.type}` : (TYPE_NAMES[e.type] ?? String(e.type)),
        e.negative ? `SOA ${showName(e.soa!.name)}` : `${rdataText(e.records[0])}${e.records.length > 1 ? ` +${e.records.length - 1}` : ''}`,
        e.rank === 'hint' ? 'hint' : `${ttlLeft(e, now)} s`,
      ],
    })),
  };
}

export function buildStory(o: StoryInput): { story: Story; view: View } {
  const { trace } = o;
  const b = new StoryBuilder();
  const used = new Set<string>(['stub', 'resolver', 'root', ...o.lanes]);
  for (const w of trace.wires) used.add(w.to).add(w.from);
  if (o.mode === 'iterative' && !trace.wires.some((w) => w.to === 'resolver' || w.from === 'resolver')) used.delete('resolver');
  const order = ['stub', 'resolver', 'root', ...o.lanes, ...trace.wires.map((w) => w.to)].filter((a, i, all) => used.has(a) && all.indexOf(a) === i);
  const x = (i: number) => round(8 + (84 * i) / Math.max(1, order.length - 1), 1);
  const lane = (id: string, i: number): ActorEntity => {
    if (id === 'stub') return { kind: 'actor', id, label: tx('브라우저 · OS 스텁', 'Browser · OS stub'), sublabel: STUB_IP, x: x(i), role: 'client' };
    if (id === 'resolver') return { kind: 'actor', id, label: tx('재귀 리졸버', 'Recursive resolver'), sublabel: RESOLVER_IP, x: x(i), role: 'resolver' };
    const s = serverText(id, o.name);
    const host = SERVERS.find((h) => h.actor === id)!;
    return { kind: 'actor', id, label: tx(s.ko, id === 'root' ? 'Root server' : s.en.replace(/^the /, '').replace(' authoritative server', ' authoritative')), sublabel: `${host.name} ${host.ip}`, x: x(i), role: 'authority' };
  };

  const who = o.mode === 'iterative' ? tx('스텁', 'The stub') : tx('리졸버', 'The resolver');
  const whoShort = o.mode === 'iterative' ? tx('스텁', 'Stub') : tx('리졸버', 'Resolver');
  const holder = o.mode === 'iterative' ? 'stub' : 'resolver';
  const sentRow = new Map<string, number>();
  const endRow = new Map<string, number>();
  trace.entries.forEach((e, i) => {
    for (const id of e.sent) sentRow.set(id, i);
    if (e.cause.kind === 'msg' || e.cause.kind === 'lost') endRow.set(e.cause.wire, i);
  });
  const keys = new Set<string>();
  const key = (k: string | undefined) => (k && !keys.has(k) ? (keys.add(k), k) : undefined);
  let startedAt = 0;
  let lookupN = 0;
  const flying = new Set<string>();

  trace.entries.forEach((e, i) => {
    const c = e.cause;
    const notes = e.notes.map((n) => ({ actor: n.actor, note: n.note as DnsNote }));
    const has = (k: DnsNote['kind']) => notes.find((n) => n.note.kind === k);
    for (const n of notes) if (n.note.kind === 'lookup') { startedAt = e.t; lookupN = n.note.n; }
    const ctx: NoteContext = { who, iterative: o.mode === 'iterative', name: o.name, qtype: o.qtype, stubCache: o.stubCache, startedAt, now: e.t, gapS: o.gapS };
    const parts: (Text | undefined)[] = [];
    let caption: Text = tx('', '');
    let k: string | undefined;

    if (c.kind === 'start') {
      caption = tx(`시작: ${showName(o.name)} ${o.qtype}, ${o.warm ? '따뜻한' : '차가운'} 캐시`, `Start: ${showName(o.name)} ${o.qtype}, ${o.warm ? 'warm' : 'cold'} cache`);
      parts.push(o.warm
        ? tx(`${who.ko}의 캐시가 따뜻합니다: 한 시간 전 다른 이름을 찾으며 배운 이 TLD의 NS와 글루 주소가 아직 남아 있습니다. 루트 서버에 물을 필요가 없습니다.`, `${who.en}'s cache is warm: it still holds this TLD's NS records and glue addresses, learned an hour ago while looking up another name, so the root need not be asked.`)
        : tx(`${who.ko}의 캐시가 차갑습니다: 아는 것은 설정 파일의 루트 힌트(루트 서버의 이름과 주소)뿐입니다.`, `${who.en}'s cache is cold: all it knows are the root hints from its configuration (the root servers' names and addresses).`));
      parts.push(o.mode === 'iterative'
        ? tx('이 시나리오에서는 스텁이 리졸버 없이 루트 → TLD → 권한 서버를 직접 차례로 묻습니다.', 'In this scenario the stub has no resolver: it walks root → TLD → authoritative server itself.')
        : tx('스텁은 리졸버에게 재귀 질의(RD=1) 하나만 보내고, 리졸버가 루트 → TLD → 권한 서버에 반복 질의(RD=0)를 보내 답을 찾아 줍니다.', 'The stub sends one recursive query (RD=1) to the resolver; the resolver finds the answer with iterative queries (RD=0) to the root, the TLD and the authoritative server.'));
    } else if (c.kind === 'post') {
      caption = lookupN === 1 ? tx(`앱: getaddrinfo("${o.name}")`, `App: getaddrinfo("${o.name}")`) : tx(`${o.gapS}초 뒤: 같은 이름 다시 조회`, `${o.gapS} s later: the same name again`);
      k = lookupN === 1 ? 'stub-query' : 'second-lookup';
    } else if (c.kind === 'msg') {
      const w = trace.wire(c.wire);
      const m = decodeDatagram(w.msg);
      if (!m.qr && c.actor !== 'resolver') {
        const said = serverSays(c.actor, m.qr ? m : decodeDatagram(trace.wire(e.sent[0]).msg));
        caption = said.caption;
        parts.push(said.narration);
        const kind = chipOf(decodeDatagram(trace.wire(e.sent[0]).msg));
        k = c.actor === 'root' ? 'root-referral' : kind === 'NS ↓' ? 'tld-referral' : kind === 'CNAME' ? 'cname' : kind === 'NXDOMAIN' ? 'nxdomain' : kind === 'NODATA' ? 'nodata' : 'auth-answer';
      } else if (!m.qr) {
        caption = tx(`리졸버 ← 재귀 질의 (ID ${hex4(m.id)})`, `Resolver ← recursive query (ID ${hex4(m.id)})`);
        parts.push(tx(`리졸버가 스텁의 질의를 받습니다: ${showName(m.questions[0].name)} ${o.qtype}, RD=1 (끝까지 찾아 달라는 재귀 질의).`, `The resolver receives the stub's query: ${showName(m.questions[0].name)} ${o.qtype}, RD=1 (a recursive query: resolve it all the way).`));
        k = has('cache-hit') && lookupN > 1 ? 'cached-answer' : 'resolver-query';
      } else if (c.actor === 'stub' && has('done')) {
        caption = lookupN === 1 ? tx(`스텁 ← 답 (${e.t - startedAt} ms)`, `Stub ← answer (${e.t - startedAt} ms)`) : tx(`스텁 ← 캐시에서 온 답 (${e.t - startedAt} ms)`, `Stub ← answer from cache (${e.t - startedAt} ms)`);
        k = lookupN === 1 ? 'answer' : 'second-answer';
      } else {
        const ask = has('ask');
        caption = has('reply') ? tx(`${whoShort.ko}: 캐시에 저장 → 스텁에게 답`, `${whoShort.en}: cache → answer the stub`) : ask && ask.note.kind === 'ask' ? tx(`${whoShort.ko}: 캐시에 저장 → ${ask.note.server}`, `${whoShort.en}: cache → ask ${ask.note.server}`) : tx(`${whoShort.ko} ← 응답`, `${whoShort.en} ← response`);
      }
    } else if (c.kind === 'lost') {
      const w = trace.wire(c.wire);
      caption = tx(`✕ ${chipOf(decodeDatagram(w.msg))} 손실`, `✕ ${chipOf(decodeDatagram(w.msg))} lost`);
      parts.push(tx(`${labelOf(decodeDatagram(w.msg))} 데이터그램이 네트워크에서 사라집니다. UDP에는 재전송이 없으므로 보낸 쪽의 타이머만이 이를 알아챕니다.`, `The datagram ${labelOf(decodeDatagram(w.msg))} is lost in the network. UDP does not retransmit: only the sender's timer will notice.`));
      k = 'lost';
    } else if (c.kind === 'timer') {
      const sf = has('servfail');
      caption = sf ? tx('SERVFAIL: 포기', 'SERVFAIL: giving up') : has('stub-retry') ? tx('스텁 시간 초과 → 재전송', 'Stub timeout → resend') : has('done') ? tx('스텁: 조회 실패', 'Stub: lookup failed') : tx('시간 초과 → 다른 서버에 재전송', 'Timeout → ask another server');
      k = sf ? 'servfail' : has('done') ? 'stub-timeout' : 'retransmit';
    }
    for (const n of notes) parts.push(noteText(n.actor, n.note, ctx));
    for (const id of e.sent) {
      const w = trace.wire(id);
      const m = decodeDatagram(w.msg);
      if (!m.qr) parts.push(tx(`질의: ID ${hex4(m.id)}, 출발지 포트 ${w.msg.srcPort} → ${w.msg.dst}:53 (UDP). ID와 포트는 무작위입니다 (RFC 5452).`, `Query: ID ${hex4(m.id)}, source port ${w.msg.srcPort} → ${w.msg.dst}:53 (UDP). ID and port are random (RFC 5452).`));
    }
    b.beat({ t: e.t, key: key(k), caption, narration: join(parts) });
    if (i === 0) order.forEach((a, j) => b.show(lane(a, j)));

    for (const id of e.sent) flying.add(id);
    for (const id of [...flying]) {
      const w = trace.wire(id);
      const y0 = sentRow.get(id)!;
      const y1 = endRow.get(id) ?? trace.entries.length;
      const arrived = y1 <= i;
      const m = decodeDatagram(w.msg);
      const msg: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((i - y0) / Math.max(1, y1 - y0)),
        status: arrived ? (w.lost ? 'lost' : 'delivered') : 'flight',
        label: labelOf(m), chip: chipOf(m), tone: m.qr ? 'answer' : 'query', fresh: y0 === i,
        retransmission: w.retransmission, packet: packetRef(w.msg, w.sentAt),
      };
      b.show(msg);
      if (arrived) flying.delete(id);
    }
    const st = e.states[holder] as ActorState;
    if (st.kind !== 'server') b.show(cacheTable('cache', o.mode === 'iterative' ? tx('스텁의 캐시 (남은 TTL)', "The stub's cache (TTL left)") : tx('리졸버 캐시 (남은 TTL)', 'Resolver cache (TTL left)'), st.iter.cache, e.t));
    const stub = e.states.stub as ActorState;
    if (o.stubCache && o.mode === 'recursive' && stub.kind === 'stub') b.show(cacheTable('stub-cache', tx('OS 스텁 캐시 (남은 TTL)', 'OS stub cache (TTL left)'), stub.cache, e.t));
  });
  const view: View = { rows: trace.entries.length, ticks: trace.entries.map((e, i) => ({ y: i, t: e.t })) };
  return { story: b.build(), view };
}
