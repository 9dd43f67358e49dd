/**
 * The websocket story, read from the kernel trace: a beat per event, the HTTP messages and
 * WebSocket frames as arrows carrying their bytes on one TCP connection, each chat message's
 * delay, and a chart of the three transports run on the same chat.
 */
import { Arrows } from '../../core/arrows';
import { StoryBuilder, type Story } from '../../core/story';
import { t, joinText, sentence, type Text } from '../../core/text';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import type { MessageEntity, MessageTone } from '../../figures/sequence';
import type { ChartEntity, CountersEntity } from '../../figures/panels';
import { flags, flagNames, type Segment } from '../../tcp/segment';
import { fromHex, toHex, utf8Decode, utf8Encode } from '../../wire/bytes';
import { decodeWsFrame, WS_OPCODE } from '../../wire/websocket';
import { parseHttp } from './http';
import type { Metrics } from './metrics';
import type { Msg, Note, Transport, WsTrace } from './world';
import type { ChatMessage } from './workload';
import { narrate, summaryText, TRANSPORT_NAME } from './text';

export const IPS = { client: '192.0.2.10', server: '198.51.100.7' } as const;

export interface StoryInput {
  trace: WsTrace;
  transport: Transport;
  chat: readonly ChatMessage[];
  interval: number;
  ports: { client: number; server: number };
  iss: { client: number; server: number };
  /** The three transports run on the same chat, this run's among them. */
  all: Record<Transport, Metrics>;
}

const bytesOf = (m: Msg): Uint8Array => (m.proto === 'http' ? utf8Encode(m.text) : fromHex(m.hex));

/** What an arrow says: the HTTP start line, or the frame's opcode and content. */
function summary(m: Msg): { short: string; chip: string; tone: MessageTone } {
  if (m.proto === 'http') {
    const h = parseHttp(m.text);
    if (h.kind === 'request') return { short: `${h.method} ${h.target}`, chip: h.method, tone: 'query' };
    const body = utf8Decode(h.body);
    return { short: `${h.status} ${h.reason}${body ? ` ${body.length > 24 ? `[${(JSON.parse(body) as unknown[]).length} msg]` : body}` : ''}`, chip: String(h.status), tone: 'answer' };
  }
  const f = decodeWsFrame(fromHex(m.hex));
  const masked = f.mask ? ' (masked)' : '';
  switch (f.opcode) {
    case WS_OPCODE.text: {
      const text = utf8Decode(f.payload);
      const id = /"id":(\d+)/.exec(text)?.[1];
      return { short: id ? `Text #${id}${masked}` : `Text "${text}"${masked}`, chip: 'TEXT', tone: 'data' };
    }
    case WS_OPCODE.ping: return { short: `Ping${masked}`, chip: 'PING', tone: 'control' };
    case WS_OPCODE.pong: return { short: `Pong${masked}`, chip: 'PONG', tone: 'control' };
    case WS_OPCODE.close: return { short: `Close ${(f.payload[0] << 8) | f.payload[1]}${masked}`, chip: 'CLOSE', tone: 'close' };
    default: return { short: `opcode ${f.opcode}`, chip: 'WS', tone: 'data' };
  }
}

function delays(chat: readonly ChatMessage[], got: Record<number, number>): CountersEntity {
  return {
    kind: 'counters', id: 'delays', title: t('메시지별 지연', 'Delay of each message'),
    columns: [t('서버 도착', 'at server'), t('브라우저 도착', 'at browser'), t('지연', 'delay')],
    rows: chat.map((m) => ({
      label: t(`#${m.id} ${m.text}`, `#${m.id} ${m.text}`),
      values: [`${m.at} ms`, got[m.id] !== undefined ? `${got[m.id]} ms` : '…', got[m.id] !== undefined ? `${got[m.id] - m.at} ms` : '…'],
    })),
  };
}

function compare(all: Record<Transport, Metrics>, current: Transport): ChartEntity {
  const order: Transport[] = ['polling', 'long-polling', 'websocket'];
  return {
    kind: 'chart', id: 'compare', title: t('같은 메시지, 세 가지 방식', 'The same messages, three ways'),
    series: [
      { key: 'requests', label: t('HTTP 요청 수', 'HTTP requests'), unit: '' },
      { key: 'headers', label: t('헤더 바이트 (양방향)', 'Header bytes (both ways)'), unit: 'B' },
      { key: 'delay', label: t('평균 지연', 'Average delay'), unit: 'ms' },
    ],
    groups: order.map((k) => ({ key: k, label: TRANSPORT_NAME[k], values: { requests: all[k].requests, headers: all[k].headerBytes, delay: all[k].avgDelay } })),
    highlight: current,
  };
}

export function chatStory(o: StoryInput): { story: Story; view: View } {
  const { trace } = o;
  const b = new StoryBuilder();
  const keys = new Set<string>();
  const key = (k: string) => (keys.has(k) ? undefined : (keys.add(k), k));
  // One connection: each side's next sequence number after what it has sent.
  const next = { client: (o.iss.client + 1) >>> 0, server: (o.iss.server + 1) >>> 0 };
  const segs = new Map<string, { seg: Segment; len: number }>();
  for (const w of trace.wires) {
    const c = w.from === 'client';
    const len = bytesOf(w.msg).length;
    segs.set(w.id, { seg: { srcPort: c ? o.ports.client : o.ports.server, dstPort: c ? o.ports.server : o.ports.client, seq: c ? next.client : next.server, ack: c ? next.server : next.client, flags: flags(['psh', 'ack']), window: 502, data: '' }, len });
    if (c) next.client = (next.client + len) >>> 0;
    else next.server = (next.server + len) >>> 0;
  }
  // A row per entry, and one for the summary at the end.
  const rows = trace.entries.length + 1;
  const arrows = new Arrows(trace, rows);
  const got: Record<number, number> = {};
  const show = (i: number, tms: number) => {
    for (const { id, y0, y1, arrived } of arrows.at(i)) {
      const w = trace.wire(id);
      const { seg, len } = segs.get(id)!;
      const s = summary(w.msg);
      const toServer = w.to === 'server';
      const m: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((tms - w.sentAt) / Math.max(1, w.endAt - w.sentAt)),
        status: arrived ? 'delivered' : 'flight',
        label: `${flagNames(seg.flags)} seq=${seg.seq} ack=${seg.ack} len=${len} ${s.short}`, short: s.short, chip: s.chip, tone: s.tone, fresh: y0 === i,
        packet: { proto: 'tcp', fields: { src: toServer ? IPS.client : IPS.server, dst: toServer ? IPS.server : IPS.client, seg, t: w.sentAt, payloadHex: toHex(bytesOf(w.msg)), app: w.msg.proto === 'ws' ? 'websocket' : 'http' } },
      };
      b.show(m);
    }
  };

  trace.entries.forEach((e, i) => {
    const said = narrate({ entry: e, i, transport: o.transport, chat: o.chat, got, interval: o.interval, all: o.all, notes: e.notes.map((n) => n.note as Note) });
    for (const { note } of e.notes) if (note.type === 'delivered') for (const id of note.ids) got[id] ??= e.t;
    const k = said.keys.find((x) => !keys.has(x));
    if (k) keys.add(k);
    b.beat({ t: e.t, ...(k ? { key: k } : {}), caption: said.caption, narration: joinText([sentence(said.caption), ...said.parts]) });
    if (i === 0) {
      b.show({ kind: 'actor', id: 'client', label: t('브라우저', 'Browser'), sublabel: `${IPS.client}:${o.ports.client}`, x: 18, role: 'client' });
      b.show({ kind: 'actor', id: 'server', label: t('채팅 서버', 'Chat server'), sublabel: `chat.example · ${IPS.server}:${o.ports.server}`, x: 82, role: 'server' });
      b.show(compare(o.all, o.transport));
    }
    for (const { note } of e.notes) if (note.type === 'produced') b.show({ kind: 'mark', id: `produced-${note.msg.id}`, on: 'server', y: i, tone: 'app', text: t(`새 메시지 #${note.msg.id}`, `new message #${note.msg.id}`), fresh: true });
    show(i, e.t);
    b.show(delays(o.chat, got));
  });
  // A last beat: what the run cost, beside the other two ways.
  const m = o.all[o.transport];
  const endCaption = t(`끝: 요청 ${m.requests}개, 헤더 ${m.headerBytes}바이트, 평균 지연 ${m.avgDelay} ms`, `End: ${m.requests} request${m.requests === 1 ? '' : 's'}, ${m.headerBytes} header bytes, ${m.avgDelay} ms average delay`);
  b.beat({ t: trace.end, ...(key('end') ? { key: 'end' } : {}), caption: endCaption, narration: joinText([sentence(endCaption), summaryText(o.transport, o.all)]) });
  show(trace.entries.length, trace.end);
  return { story: b.build(), view: { rows, ticks: [...trace.entries.map((e, y) => ({ y, t: e.t })), { y: trace.entries.length, t: trace.end }] } };
}
