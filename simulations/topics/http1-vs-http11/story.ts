/**
 * The story of the page loads, read from the kernel trace: one beat per instant (every
 * event at the same millisecond), a browser and a server lifeline per way of loading,
 * every TCP segment as an arrow carrying its bytes, and a table and a chart of what each
 * way cost, computed from the trace.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import type { ActorEntity, MessageEntity, MarkEntity } from '../../figures/sequence';
import type { ChartEntity, CountersEntity } from '../../figures/panels';
import { dataLength, flagNames, segmentKind, segmentLabel, type Segment } from '../../tcp/segment';
import type { HostState } from './host';
import type { Browser, Mode } from './browser';
import type { Server } from './server';
import { captionOf, laneName, modeName, noteText, short, weight } from './narrate';
import { clientId, serverId, type LoadTrace, type Note } from './world';

const tx = (ko: string, en: string): Text => ({ ko, en });
export const SERVER_IP = '198.51.100.20';
export const clientIp = (i: number) => `192.0.2.${10 + i}`;

export interface Result {
  mode: Mode;
  loadedAt: number;
  connections: number;
  requests: number;
}

/** What a run cost per lane, from the last state of the trace. */
export function results(trace: LoadTrace, modes: readonly Mode[]): Result[] {
  const last = trace.entries[trace.entries.length - 1].states;
  return modes.map((mode) => {
    const b = (last[clientId(mode)] as HostState<Browser>).app;
    const s = (last[serverId(mode)] as HostState<Server>).app;
    return { mode, loadedAt: b.loadedAt ?? -1, connections: b.opened.length, requests: Object.values(s.conns).reduce((a, c) => a + c.requests.length, 0) };
  });
}

function chipOf(seg: Segment): { chip: string; tone: MessageEntity['tone']; http?: string } {
  const k = segmentKind(seg);
  if (k === 'data') {
    const first = seg.data.slice(0, seg.data.indexOf('\r\n'));
    const req = /^GET (\S+)/.exec(first);
    if (req) return { chip: `GET ${short(req[1])}`, tone: 'query', http: first };
    return { chip: first.split(' ')[1] ?? 'DATA', tone: 'answer', http: first };
  }
  const chips = { syn: 'SYN', 'syn-ack': 'SYN-ACK', ack: 'ACK', fin: 'FIN', rst: 'RST' } as const;
  const tones = { syn: 'control', 'syn-ack': 'control', ack: 'ack', fin: 'close', rst: 'reset' } as const;
  return { chip: chips[k], tone: tones[k] };
}

export function buildStory(trace: LoadTrace, modes: readonly Mode[], connections: number): { story: Story; view: View } {
  const b = new StoryBuilder();
  const groups: number[][] = [];
  trace.entries.forEach((e, i) => {
    const g = groups[groups.length - 1];
    if (g && trace.entries[g[0]].t === e.t) g.push(i);
    else groups.push([i]);
  });
  const beatOf = new Map<number, number>();
  groups.forEach((g, bi) => g.forEach((i) => beatOf.set(i, bi)));
  const sentBeat = new Map<string, number>();
  const endBeat = new Map<string, number>();
  trace.entries.forEach((e, i) => {
    for (const id of e.sent) sentBeat.set(id, beatOf.get(i)!);
    if (e.cause.kind === 'msg' || e.cause.kind === 'lost') endBeat.set(e.cause.wire, beatOf.get(i)!);
  });
  const laneOf = new Map<string, { mode: Mode; side: 'client' | 'server'; i: number }>();
  modes.forEach((m, i) => {
    laneOf.set(clientId(m), { mode: m, side: 'client', i });
    laneOf.set(serverId(m), { mode: m, side: 'server', i });
  });
  const width = 100 / modes.length;
  const x = (i: number, side: 'client' | 'server') => round(i * width + width * (side === 'client' ? 0.22 : 0.78), 1);
  const keys = new Set<string>();
  const key = (k: string | undefined) => (k && !keys.has(k) ? (keys.add(k), k) : undefined);
  const flying = new Set<string>();
  const finished: Result[] = [];
  const final = results(trace, modes);
  let marks = 0;

  groups.forEach((g, bi) => {
    const t = trace.entries[g[0]].t;
    const parts: { text: Text; w: number }[] = [];
    let best: { w: number; caption: Text } | undefined;
    /** Candidate keys, the most telling first. */
    const cands: string[] = [];
    const newMarks: MarkEntity[] = [];
    for (const i of g) {
      const e = trace.entries[i];
      for (const { actor, note } of e.notes as { actor: string; note: Note }[]) {
        const lane = laneOf.get(actor)!;
        const name = modeName(lane.mode, connections);
        const prefix = (s: Text): Text => (modes.length > 1 ? tx(`[${name.ko}] ${s.ko}`, `[${name.en}] ${s.en}`) : s);
        const said = noteText(lane.side, note);
        const w = weight(note);
        if (said) parts.push({ text: prefix(said), w });
        if (w > 0 && (!best || w > best.w)) best = { w, caption: prefix(captionOf(note, lane.side, t)) };
        if (note.type === 'app') {
          const n = note.note;
          if (n.kind === 'connect' && bi > 0) cands.push('new-connection');
          if (n.kind === 'request' && 'pipelined' in n && n.pipelined) cands.push('pipeline');
          if (n.kind === 'blocked') cands.push('hol');
          if (n.kind === 'html') cands.push('html');
          if (n.kind === 'loaded') {
            cands.push(`loaded-${lane.mode}`);
            finished.push(final.find((r) => r.mode === lane.mode)!);
            newMarks.push({ kind: 'mark', id: `loaded-${lane.mode}`, on: actor, y: bi, tone: 'app', text: tx(`완성 ${t} ms · 연결 ${n.conns}개`, `loaded ${t} ms · ${n.conns} conn.`), fresh: true });
          }
          if (n.kind === 'blocked') newMarks.push({ kind: 'mark', id: `hol-${marks++}`, on: actor, y: bi, tone: 'state', text: tx(`${short(n.path)} 대기 (HOL)`, `${short(n.path)} waits (HOL)`), fresh: true });
        }
      }
    }
    const rank = (c: string) => ['loaded', 'hol', 'pipeline', 'html', 'new-connection'].findIndex((p) => c.startsWith(p));
    cands.sort((a, b2) => rank(a) - rank(b2));
    let k = cands.map((c) => (keys.has(c) ? undefined : c)).find(Boolean);
    if (k) keys.add(k);
    if (bi === 0) {
      k = key('start');
      best = { w: 0, caption: tx('시작: 같은 페이지를 불러오기', 'Start: loading the same page') };
      parts.unshift({ w: 99, text: modes.length > 1
        ? tx('HTML 문서 하나와 거기 연결된 이미지들을 네 가지 방법으로, 같은 시간축에서 불러옵니다.', 'One HTML document and the images it links, loaded four ways on one time axis.')
        : tx('HTML 문서 하나와 거기 연결된 이미지들을 불러옵니다.', 'One HTML document and the images it links, loaded from scratch.') });
    }
    b.beat({ t, key: k, caption: best?.caption ?? tx(`${t} ms`, `${t} ms`), narration: joinParts(parts, t) });
    if (bi === 0) {
      modes.forEach((m, i) => {
        const name = modeName(m, connections);
        // Side by side, four "Browser · HTTP/1.1 …" labels would all be cut to "Browser…": each lane shows what sets it apart.
        const lane = laneName(m, connections);
        const label = modes.length > 1 ? lane : tx(`브라우저 · ${name.ko}`, `Browser · ${name.en}`);
        b.show({ kind: 'actor', id: clientId(m), label, sublabel: clientIp(i), x: x(i, 'client'), role: 'client' });
        b.show({ kind: 'actor', id: serverId(m), label: tx('서버', 'Server'), sublabel: `${SERVER_IP}:80`, x: x(i, 'server'), role: 'server' });
      });
    }
    const states = trace.entries[g[g.length - 1]].states;
    modes.forEach((m) => {
      const br = (states[clientId(m)] as HostState<Browser>).app;
      const open = Object.values(states[clientId(m)].tcbs).filter((tcb) => tcb.state === 'ESTABLISHED').length;
      const a = b.get<ActorEntity>(clientId(m))!;
      b.show({ ...a, state: `${Object.keys(br.received).length}/${br.total} · TCP ${open}` });
    });
    for (const mk of newMarks) b.show(mk);
    for (const i of g) for (const id of trace.entries[i].sent) flying.add(id);
    for (const id of [...flying]) {
      const w = trace.wire(id);
      const y0 = sentBeat.get(id)!;
      const y1 = endBeat.get(id) ?? groups.length;
      const arrived = y1 <= bi;
      const lane = laneOf.get(w.from)!;
      const c = chipOf(w.msg);
      const ip = lane.side === 'client' ? clientIp(lane.i) : SERVER_IP;
      const peer = lane.side === 'client' ? SERVER_IP : clientIp(lane.i);
      b.show({
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((bi - y0) / Math.max(1, y1 - y0)),
        status: arrived ? (w.lost ? 'lost' : 'delivered') : 'flight',
        label: c.http ? `${segmentLabel(w.msg)} ${c.http}` : segmentLabel(w.msg), short: c.http ?? flagNames(w.msg.flags), chip: c.chip, tone: c.tone, fresh: y0 === bi,
        retransmission: w.retransmission,
        packet: { proto: 'tcp', fields: { src: ip, dst: peer, seg: w.msg, t: w.sentAt, app: dataLength(w.msg.data) > 0 ? 'http' : undefined } },
      });
      if (arrived) flying.delete(id);
    }
    b.show(countersAt(states, modes, connections, t));
    if (finished.length > 0) b.show(chartOf(finished, connections, finished[finished.length - 1].mode));
  });
  return { story: b.build(), view: { rows: groups.length, ticks: groups.map((g, y) => ({ y, t: trace.entries[g[0]].t })) } };
}

/** Sentences a beat's narration keeps (the weightiest, in the order they happened): more cannot be read aloud in one step. */
const MAX_PARTS = 4;

function joinParts(all: { text: Text; w: number }[], t: number): Text {
  if (all.length === 0) return tx(`${t} ms: 세그먼트가 오가는 중입니다.`, `${t} ms: segments in flight.`);
  const keep = new Set(all.map((p, i) => ({ ...p, i })).sort((a, b) => b.w - a.w || a.i - b.i).slice(0, MAX_PARTS).map((p) => p.i));
  const parts = all.filter((_, i) => keep.has(i)).map((p) => p.text);
  const more = all.length - parts.length;
  const rest = more > 0 ? tx(` 같은 시각에 일어난 다른 일 ${more}가지는 다이어그램에 있습니다.`, ` ${more} other event${more === 1 ? '' : 's'} at this moment ${more === 1 ? 'is' : 'are'} in the diagram.`) : tx('', '');
  return { ko: `${t} ms. ${parts.map((p) => p.ko).join(' ')}${rest.ko}`, en: `${t} ms. ${parts.map((p) => p.en).join(' ')}${rest.en}` };
}

function countersAt(states: LoadTrace['entries'][number]['states'], modes: readonly Mode[], connections: number, t: number): CountersEntity {
  const per = modes.map((m) => {
    const br = (states[clientId(m)] as HostState<Browser>).app;
    const sv = (states[serverId(m)] as HostState<Server>).app;
    return {
      conns: String(br.opened.length),
      reqs: String(Object.values(sv.conns).reduce((a, c) => a + c.requests.length, 0)),
      got: `${Object.keys(br.received).length}/${br.total}`,
      time: br.loadedAt !== undefined ? `${br.loadedAt} ms` : `… ${t} ms`,
    };
  });
  return {
    kind: 'counters', id: 'costs', title: tx('방식별 비용', 'Cost per way of loading'),
    columns: modes.map((m) => modeName(m, connections)),
    rows: [
      { label: tx('TCP 연결 (핸드셰이크)', 'TCP connections (handshakes)'), values: per.map((p) => p.conns) },
      { label: tx('서버가 받은 요청', 'Requests at the server'), values: per.map((p) => p.reqs) },
      { label: tx('받은 자원', 'Resources in'), values: per.map((p) => p.got) },
      { label: tx('페이지 완성 시각', 'Page loaded at'), values: per.map((p) => p.time) },
    ],
  };
}

function chartOf(done: Result[], connections: number, highlight: Mode): ChartEntity {
  return {
    kind: 'chart', id: 'load-time', title: tx('페이지 로드 시간', 'Page load time'),
    series: [{ key: 'ms', label: tx('완성까지', 'until loaded'), unit: 'ms' }],
    groups: done.map((r) => ({ key: r.mode, label: modeName(r.mode, connections), values: { ms: r.loadedAt } })),
    highlight,
  };
}
