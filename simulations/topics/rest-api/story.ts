/**
 * The rest-api story, built from the kernel trace with StoryBuilder: a beat for every event
 * that sends something or changes something (pure ACK arrivals only complete their arrow),
 * the segments as messages with their real bytes, and the resource tree after each request.
 */
import { StoryBuilder, type Story } from '../../core/story';
import { t, joinText, sentence, type Text } from '../../core/text';
import type { View } from '../../core/timeline';
import type { MessageEntity, MessageTone } from '../../figures/sequence';
import type { ResourceNode, ResourceTreeEntity } from '../../figures/resources';
import { round } from '../../core/round';
import { dataLength, flagNames, segmentKind, segmentLabel, type Segment } from '../../tcp/segment';
import { allResources, isCollection, type Store } from './store';
import type { HostState, Note, RestTrace, Side } from './world';
import type { UriCheck } from './uri-check';
import { ROLE, NARRATE_TCP, explain, tcpCaption } from './text';
import type { Planned } from './plan';


export const IPS: Record<Side, string> = { client: '192.0.2.10', server: '198.51.100.80' };

const RULE_KEYS = ['trailing-slash', 'hierarchy', 'hyphens', 'lowercase', 'extension', 'plural', 'nouns'] as const;

function tree(store: Store, before: Store | null, touched: string | null, check: UriCheck, last?: ResourceTreeEntity['last']): ResourceTreeEntity {
  const now = allResources(store);
  const old = new Map((before ? allResources(before) : now).map((r) => [r.path, r]));
  const nodes: ResourceNode[] = now.map((r) => {
    const o = old.get(r.path);
    const state = !o ? 'created' : o.etag !== r.etag ? 'changed' : r.path === touched ? 'target' : 'same';
    return { path: r.path, depth: r.path.split('/').length - 1, collection: isCollection(r.route), summary: r.summary, etag: r.etag, state };
  });
  for (const [p, o] of old) {
    if (!now.some((r) => r.path === p)) {
      const at = nodes.findIndex((n) => n.path > p);
      const node: ResourceNode = { path: p, depth: p.split('/').length - 1, collection: isCollection(o.route), summary: o.summary, etag: '', state: 'deleted' };
      nodes.splice(at < 0 ? nodes.length : at, 0, node);
    }
  }
  return {
    kind: 'resource-tree', id: 'resources', title: t('서버의 자원 (경로 · ETag)', "The server's resources (path · ETag)"), nodes,
    ...(last ? { last } : {}),
    check: {
      path: check.path,
      items: RULE_KEYS.map((rule) => {
        const f = check.findings.find((x) => x.rule === rule);
        return f ? { rule, kind: 'convention' as const, ok: false, message: f.message } : { rule, kind: 'convention' as const, ok: true };
      }),
    },
  };
}

const firstLine = (data: string) => data.slice(0, data.indexOf('\r\n'));

function chipTone(seg: Segment, from: Side): { chip: string; tone: MessageTone } {
  const k = segmentKind(seg);
  if (k === 'data') {
    const line = firstLine(seg.data);
    if (from === 'client') {
      const [m, target] = line.split(' ');
      return { chip: `${m} ${target.length > 16 ? target.slice(0, 15) + '…' : target}`, tone: 'data' };
    }
    return { chip: line.split(' ').slice(1).join(' '), tone: 'answer' };
  }
  return { chip: k === 'syn-ack' ? 'SYN-ACK' : k.toUpperCase(), tone: k === 'syn' || k === 'syn-ack' ? 'control' : k === 'fin' ? 'close' : k === 'rst' ? 'reset' : 'ack' };
}

export function restStory(trace: RestTrace, check: UriCheck, ports: Record<Side, number>): { story: Story; view: View; mainStatus: number | null } {
  const b = new StoryBuilder();
  // Entry index → beat index, decided up front so an arrow's end row is known when it is drawn.
  const beatOf = new Map<number, number>();
  trace.entries.forEach((e, i) => {
    if (i === 0 || e.sent.length > 0 || e.notes.length > 0) beatOf.set(i, beatOf.size);
  });
  const keys = new Set<string>();
  const requests: Planned[] = [];
  let writes = 0;
  let mainStatus: number | null = null;
  const flying = new Set<string>();
  const srv = (i: number) => (trace.entries[i].states.server as HostState).app as { store: Store };
  let last: ResourceTreeEntity['last'];

  trace.entries.forEach((e, i) => {
    const notes = e.notes.map((n) => n.note);
    if (!beatOf.has(i)) return;
    for (const n of notes) if (n.type === 'request') requests.push(n.planned);
    const served = notes.find((n): n is Extract<Note, { type: 'served' }> => n.type === 'served');
    const response = notes.find((n): n is Extract<Note, { type: 'response' }> => n.type === 'response');
    const tcp = notes.filter((n): n is Extract<Note, { type: 'tcp' }> => n.type === 'tcp');
    const sentSegs = e.sent.map((id) => trace.wire(id));
    const dataSent = sentSegs.find((w) => dataLength(w.msg.data) > 0);
    let caption: Text;
    const parts: Text[] = [];
    let key: string | undefined;
    if (i === 0) {
      caption = t('요청 전: 서버의 자원', 'Before any request: the server\'s resources');
      parts.push(t('오른쪽 나무는 서버가 가진 자원과 각 표현의 ETag입니다. /boards는 컬렉션, /boards/13은 그 안의 자원 하나, /boards/13/comments는 그 아래 컬렉션입니다.', 'The tree shows what the server holds and each representation\'s ETag: /boards is a collection, /boards/13 one resource in it, /boards/13/comments a collection below it.'));
      key = 'start';
    } else if (served) {
      const { req, res } = served;
      caption = t(`서버: ${req.method} ${req.target.split('?')[0]} → ${res.status} ${res.reason}`, `Server: ${req.method} ${req.target.split('?')[0]} → ${res.status} ${res.reason}`);
      parts.push(explain(req, res, served.outcome, served.problem));
      const role = requests[served.i]?.role;
      if (role === 'main') { key = `status-${res.status}`; mainStatus = res.status; }
      else if (role) key = role;
      last = { method: req.method, path: req.target.split('?')[0], status: res.status };
    } else if (dataSent && dataSent.from === 'client') {
      const p = requests[writes++];
      const line = firstLine(dataSent.msg.data);
      caption = t(`클라이언트 → ${line}`, `Client → ${line}`);
      if (p && p.role !== 'main') parts.push(sentence(ROLE[p.role]));
      parts.push(t(`요청은 텍스트입니다: 시작 줄, 헤더, 빈 줄, 본문 (RFC 9112). ${dataLength(dataSent.msg.data)}바이트가 한 세그먼트에 실립니다.`, `The request is text: a start line, header fields, an empty line, the content (RFC 9112); ${dataLength(dataSent.msg.data)} bytes in one segment.`));
      key = p?.role === 'main' ? 'request' : undefined;
    } else if (response) {
      caption = t(`클라이언트 ← ${response.res.status} ${response.res.reason}`, `Client ← ${response.res.status} ${response.res.reason}`);
      parts.push(t('응답을 다 읽었습니다 (Content-Length, 또는 본문이 없는 상태 코드와 HEAD로 끝을 압니다, RFC 9112 §6.3).', 'The response is read in full (its end known from Content-Length, or from a status or HEAD that has no content, RFC 9112 §6.3).'));
    } else if (dataSent) {
      caption = t(`서버 → ${firstLine(dataSent.msg.data)}`, `Server → ${firstLine(dataSent.msg.data)}`);
      parts.push(t('응답: 상태 줄, 헤더, 빈 줄, 본문.', 'The response: a status line, header fields, an empty line, the content.'));
    } else {
      const change = e.notes.find((n) => n.note.type === 'tcp');
      const to = change && change.note.type === 'tcp' ? change.note.to : '';
      caption = change ? tcpCaption(change.actor as Side, to) : t('TCP', 'TCP');
      parts.push(NARRATE_TCP);
      const k = to === 'LISTEN' ? 'listen' : to === 'SYN-SENT' ? 'syn' : to === 'ESTABLISHED' ? 'established' : to === 'FIN-WAIT-1' ? 'fin' : undefined;
      if (k) key = k;
    }
    if (tcp.length) parts.push(t(`TCP 상태: ${tcp.map((x) => x.to).join(', ')}`, `TCP state: ${tcp.map((x) => x.to).join(', ')}`));
    const fresh = key !== undefined && !keys.has(key);
    if (key) keys.add(key);
    const bi = b.beat({ t: e.t, ...(fresh ? { key } : {}), caption, narration: joinText([sentence(caption), ...parts]) });
    if (bi === 0) {
      b.show({ kind: 'actor', id: 'client', label: t('클라이언트', 'Client'), sublabel: `${IPS.client}:${ports.client}`, x: 18, role: 'client' });
      b.show({ kind: 'actor', id: 'server', label: t('API 서버', 'API server'), sublabel: `${IPS.server}:${ports.server}`, x: 82, role: 'server' });
    }
    for (const side of ['client', 'server'] as const) b.set(side, { state: (e.states[side] as HostState).tcb.state });
    for (const id of e.sent) flying.add(id);
    for (const id of [...flying]) {
      const w = trace.wire(id);
      const y0 = beatOf.get(entryOfSend(trace, id))!;
      const arrived = arrivalEntry(trace, id) <= i;
      const y1 = arrivalBeat(trace, beatOf, id) ?? beatOf.size;
      const { chip, tone } = chipTone(w.msg, w.from as Side);
      const m: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((e.t - w.sentAt) / Math.max(1, w.endAt - w.sentAt)),
        status: arrived ? 'delivered' : 'flight', label: segmentLabel(w.msg), short: flagNames(w.msg.flags), chip, tone, fresh: y0 === bi,
        packet: { proto: 'tcp', fields: { src: IPS[w.from as Side], dst: IPS[w.to as Side], seg: w.msg, t: w.sentAt } },
      };
      b.show(m);
      if (arrived) flying.delete(id);
    }
    const store = srv(i).store;
    const prev = served ? served.before : store;
    b.show(tree(store, served ? prev : null, served ? served.req.target.split('?')[0] : null, check, last));
  });
  const story = b.build();
  return { story, view: { rows: story.beats.length, ticks: story.beats.map((x, y) => ({ y, t: x.t })) }, mainStatus };
}

function entryOfSend(trace: RestTrace, id: string): number {
  return trace.entries.findIndex((e) => e.sent.includes(id));
}

const arrivalEntry = (trace: RestTrace, id: string): number => {
  const at = trace.entries.findIndex((e) => e.cause.kind === 'msg' && e.cause.wire === id);
  return at < 0 ? Infinity : at;
};

/** The beat at which a wire's arrival is shown: its arrival entry's beat, or the next beat after it. */
function arrivalBeat(trace: RestTrace, beatOf: Map<number, number>, id: string): number | undefined {
  const at = trace.entries.findIndex((e) => e.cause.kind === 'msg' && e.cause.wire === id);
  for (let i = at; i >= 0 && i < trace.entries.length; i++) if (beatOf.has(i)) return beatOf.get(i);
  return undefined;
}
