/**
 * The story of the retries, read from the kernel trace: one beat per event, each request
 * and response an arrow with its bytes (a TCP segment on that try's connection), the
 * client's timeout along its lifeline, and the panels: the server's state beside the state
 * one request would leave, each try's fate, and the method table.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import type { MessageEntity } from '../../figures/sequence';
import { flags, flagNames, segmentLabel, type Segment } from '../../tcp/segment';
import { createRandom } from '../../core/random';
import { handle, INITIAL, resourceOf, type Method, type PatchKind, type ResourceState } from './resource';
import { methodTable, stateTable, triesTable, type TryFate } from './tables';
import { applied, lost, promise, sent, timedOut, verdict } from './texts';
import type { IdemTrace, Msg, Note, ServerState } from './world';

const tx = (ko: string, en: string): Text => ({ ko, en });
export const CLIENT_IP = '192.0.2.10';
export const SERVER_IP = '198.51.100.20';

export interface StoryInput {
  trace: IdemTrace;
  method: Method;
  patch: PatchKind;
  key: boolean;
  request: string;
  timeout: number;
  seed: number;
}

const firstLine = (text: string) => text.slice(0, text.indexOf('\r\n'));
const same = (a: ResourceState, b: ResourceState) => JSON.stringify(resourceOf(a)) === JSON.stringify(resourceOf(b));

/** Each try is its own TCP connection: a port and initial sequence numbers from the seed. */
function segmentOf(m: Msg, seed: number, requestLength: number): Segment {
  const r = createRandom(seed).fork(`try:${m.attempt}`);
  const port = r.int(49152, 65535);
  const issC = r.u32(), issS = r.u32();
  const c = (issC + 1) >>> 0, s = (issS + 1) >>> 0;
  const req = m.dir === 'request';
  return {
    srcPort: req ? port : 80, dstPort: req ? 80 : port,
    seq: req ? c : s, ack: req ? s : (c + requestLength) >>> 0,
    flags: flags(['psh', 'ack']), window: 502, data: m.text,
  };
}

export function buildStory(o: StoryInput): { story: Story; view: View } {
  const { trace } = o;
  const b = new StoryBuilder();
  const once = handle(INITIAL, o.request).state;
  const rows = trace.entries.length;
  const sentRow = new Map<string, number>();
  const endRow = new Map<string, number>();
  trace.entries.forEach((e, i) => {
    for (const id of e.sent) sentRow.set(id, i);
    if (e.cause.kind === 'msg' || e.cause.kind === 'lost') endRow.set(e.cause.wire, i);
  });
  const tries = new Map<number, { attempt: number; status?: string; fate: TryFate; replayed: boolean }>();
  const keys = new Set<string>();
  const key = (k: string) => (keys.has(k) ? undefined : (keys.add(k), k));
  const flying = new Set<string>();
  let timerFrom = 0;
  let applications = 0;

  trace.entries.forEach((e, i) => {
    const parts: Text[] = [];
    let caption = tx(`${e.t} ms`, `${e.t} ms`);
    let k: string | undefined;
    const srv = e.states.server as ServerState;
    const c = e.cause;
    if (c.kind === 'start') {
      caption = tx(`시작: ${o.method}`, `Start: ${o.method}`);
      k = key('start');
      parts.push(promise(o.method, o.patch, o.key));
    } else if (c.kind === 'lost') {
      const w = trace.wire(c.wire);
      caption = w.msg.dir === 'response' ? tx(`✕ ${w.msg.attempt}번째 응답 손실`, `✕ response ${w.msg.attempt} lost`) : tx(`✕ ${w.msg.attempt}번째 요청 손실`, `✕ request ${w.msg.attempt} lost`);
      k = key(w.msg.dir === 'response' ? 'response-lost' : 'request-lost');
      parts.push(lost(w.msg.dir, w.msg.attempt));
      tries.set(w.msg.attempt, { ...tries.get(w.msg.attempt)!, fate: w.msg.dir === 'response' ? 'lost-response' : 'lost-request' });
    }
    for (const { note } of e.notes as { note: Note }[]) {
      if (note.kind === 'send') {
        caption = note.attempt === 1 ? tx(`클라이언트 → ${firstLine(o.request)}`, `Client → ${firstLine(o.request)}`) : tx(`재시도 ${note.attempt}`, `Retry ${note.attempt}`);
        k = key(note.attempt === 1 ? 'send' : 'retry');
        parts.push(sent(note.attempt, firstLine(o.request), o.timeout));
        tries.set(note.attempt, { attempt: note.attempt, fate: 'flight', replayed: false });
        timerFrom = i;
      } else if (note.kind === 'applied') {
        const h = srv.handled[srv.handled.length - 1];
        const before = i > 0 ? (trace.entries[i - 1].states.server as ServerState).resource : INITIAL;
        if (!h.replayed) applications++;
        caption = tx(`서버: ${firstLine(h.response)}`, `Server: ${firstLine(h.response)}`);
        k = key(applications === 1 && !h.replayed ? 'applied' : h.replayed ? 'replayed' : 'applied-again');
        parts.push(applied(firstLine(h.response).slice(9), h.replayed, !same(before, srv.resource), applications));
        tries.set(note.attempt, { ...tries.get(note.attempt)!, status: firstLine(h.response).slice(9, 12), fate: 'waiting', replayed: h.replayed });
      } else if (note.kind === 'timeout') {
        caption = note.retry ? tx('시간 초과 → 재시도', 'Timeout → retry') : tx('시간 초과 → 포기', 'Timeout → give up');
        k = key(note.retry ? 'timeout' : 'give-up');
        parts.unshift(timedOut(note.attempt, note.retry));
      } else if (note.kind === 'answer') {
        const t = tries.get(note.attempt)!;
        caption = tx(`클라이언트 ← ${t.status} (${note.attempt}번째)`, `Client ← ${t.status} (try ${note.attempt})`);
        k = key('answer');
        tries.set(note.attempt, { ...t, fate: 'answered' });
        parts.push(tx(`클라이언트가 ${note.attempt}번째 시도의 응답을 받고 멈춥니다.`, `The client has the response to try ${note.attempt} and stops.`));
      } else if (note.kind === 'late') {
        tries.set(note.attempt, { ...tries.get(note.attempt)!, fate: 'late' });
      }
    }
    const done = i === trace.entries.length - 1;
    if (done) parts.push(verdict(same(srv.resource, once), applications));
    b.beat({ t: e.t, key: k ?? (done ? key('end') : undefined), caption, narration: { ko: parts.map((p) => p.ko).join(' '), en: parts.map((p) => p.en).join(' ') } });
    if (i === 0) {
      b.show({ kind: 'actor', id: 'client', label: tx('클라이언트', 'Client'), sublabel: CLIENT_IP, x: 20, role: 'client' });
      b.show({ kind: 'actor', id: 'server', label: tx('서버', 'Server'), sublabel: `${SERVER_IP}:80`, x: 80, role: 'server' });
      b.show(methodTable(o.method));
    }
    for (const tm of e.timers) {
      const id = `timeout-${timerFrom}`;
      if (tm.action === 'set') b.show({ kind: 'timer', id, on: 'client', y0: i, y1: i, label: tx('타임아웃', 'timeout'), status: 'running', ms: o.timeout });
    }
    for (const id of b.shownIds()) {
      const tm = b.get(id);
      if (tm?.kind !== 'timer' || tm.status !== 'running') continue;
      const fired = c.kind === 'timer';
      const cancelled = e.timers.some((x) => x.action === 'cancel');
      b.show({ ...tm, y1: i, status: fired && tm.y0 < i ? 'fired' : cancelled ? 'cancelled' : 'running' });
    }
    for (const id of e.sent) flying.add(id);
    for (const id of [...flying]) {
      const w = trace.wire(id);
      const y0 = sentRow.get(id)!;
      const y1 = endRow.get(id) ?? rows;
      const arrived = y1 <= i;
      const seg = segmentOf(w.msg, o.seed, o.request.length);
      const req = w.msg.dir === 'request';
      const msg: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((i - y0) / Math.max(1, y1 - y0)),
        status: arrived ? (w.lost ? 'lost' : 'delivered') : 'flight',
        label: `${segmentLabel(seg)} ${firstLine(w.msg.text)}`,
        short: firstLine(w.msg.text) || flagNames(seg.flags),
        chip: req ? `${o.method} #${w.msg.attempt}` : `${firstLine(w.msg.text).slice(9, 12)} #${w.msg.attempt}`,
        tone: req ? 'query' : 'answer', fresh: y0 === i, retransmission: w.retransmission,
        packet: { proto: 'tcp', fields: { src: req ? CLIENT_IP : SERVER_IP, dst: req ? SERVER_IP : CLIENT_IP, seg, t: w.sentAt, app: 'http' } },
      };
      b.show(msg);
      if (arrived) flying.delete(id);
    }
    b.show(stateTable(srv.resource, once));
    if (tries.size) b.show(triesTable([...tries.values()]));
  });
  return { story: b.build(), view: { rows, ticks: trace.entries.map((e, y) => ({ y, t: e.t })) } };
}
