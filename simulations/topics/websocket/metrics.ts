/** What a run cost and how late each message was, read from its trace: the numbers the chart compares. */
import { fromHex } from '../../wire/bytes';
import { decodeWsFrame } from '../../wire/websocket';
import { parseHttp, headerBytes } from './http';
import type { WsTrace } from './world';
import type { ChatMessage } from './workload';

export interface Metrics {
  /** HTTP requests the client sent (a WebSocket sends one: its opening handshake). */
  requests: number;
  /** Bytes of HTTP start lines and header fields, and of WebSocket frame headers (both ways). */
  headerBytes: number;
  /** When the client had each message, by id. */
  deliveredAt: Record<number, number>;
  /** Mean and largest delay from the server having a message to the client having it, ms. */
  avgDelay: number;
  maxDelay: number;
}

export function metrics(trace: WsTrace, chat: readonly ChatMessage[]): Metrics {
  let requests = 0;
  let head = 0;
  for (const w of trace.wires) {
    if (w.msg.proto === 'http') {
      if (parseHttp(w.msg.text).kind === 'request') requests++;
      head += headerBytes(w.msg.text);
    } else {
      const f = decodeWsFrame(fromHex(w.msg.hex));
      head += f.length - f.payload.length;
    }
  }
  const deliveredAt: Record<number, number> = {};
  for (const e of trace.entries) for (const { note } of e.notes) if (note.type === 'delivered') for (const id of note.ids) deliveredAt[id] ??= e.t;
  const delays = chat.map((m) => (deliveredAt[m.id] ?? trace.end) - m.at);
  const avgDelay = delays.length ? Math.round(delays.reduce((a, b) => a + b, 0) / delays.length) : 0;
  return { requests, headerBytes: head, deliveredAt, avgDelay, maxDelay: Math.max(0, ...delays) };
}
