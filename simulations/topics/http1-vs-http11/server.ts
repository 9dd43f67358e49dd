/**
 * The server's side: each request is parsed when it arrives and answered after the
 * server's work time; on one connection, responses leave in the order the requests came
 * (HTTP/1.1 has no other way to match them, RFC 9112 §9.3.2), so a slow response holds
 * back every finished one behind it: head-of-line blocking.
 */
import type { AppAction, HostApp, SocketEvent } from './host';
import { closes, decode, response, serve, type Version } from './http';

export interface ServerRequest {
  path: string;
  close: boolean;
  /** The response, made when the request arrived; sent once its work is done and its turn comes. */
  response: string;
  status: number;
  done: boolean;
}

export interface ServerConn {
  /** Requests received, in order. */
  requests: ServerRequest[];
  /** Index of the next response to send. */
  next: number;
}

export interface Server {
  conns: Readonly<Record<number, ServerConn>>;
}

export type ServerNote =
  | { kind: 'request'; conn: number; idx: number; path: string; work: number }
  | { kind: 'respond'; conn: number; idx: number; path: string; status: number; close: boolean }
  /** A finished response waits behind an earlier, unfinished one. */
  | { kind: 'blocked'; conn: number; idx: number; path: string; behind: string };

export interface ServerConfig {
  images: number;
  /** Work time for a request (ms). */
  work(path: string): number;
}

export function serverApp(cfg: ServerConfig): HostApp<Server, ServerNote> {
  return {
    init: { conns: {} },
    react(s0, ev: SocketEvent) {
      const conns: Record<number, ServerConn> = { ...s0.conns };
      const actions: AppAction[] = [];
      const notes: ServerNote[] = [];
      const markDone = (conn: number, idx: number) => {
        const c = conns[conn];
        conns[conn] = { ...c, requests: c.requests.map((r, i) => (i === idx ? { ...r, done: true } : r)) };
      };
      /** Sends every finished response whose turn has come, in request order. */
      const flush = (conn: number, justDone: number) => {
        let c = conns[conn];
        while (c.requests[c.next]?.done) {
          const idx = c.next;
          const r = c.requests[idx];
          actions.push({ type: 'send', conn, data: r.response });
          notes.push({ kind: 'respond', conn, idx, path: r.path, status: r.status, close: r.close });
          c = { ...c, next: idx + 1 };
          if (r.close) actions.push({ type: 'close', conn });
        }
        if (justDone > c.next) notes.push({ kind: 'blocked', conn, idx: justDone, path: c.requests[justDone].path, behind: c.requests[c.next].path });
        conns[conn] = c;
      };
      if (ev.type === 'data') {
        const m = decode(ev.data);
        if (m.kind !== 'request') return { app: s0, actions, notes };
        const c = conns[ev.conn] ?? { requests: [], next: 0 };
        const idx = c.requests.length;
        const close = closes(m);
        const version: Version = m.version === 'HTTP/1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
        const out = serve(m, cfg.images);
        const text = response(version, out.status, out.type, out.body, close ? 'close' : 'keep-alive');
        const work = cfg.work(m.target);
        conns[ev.conn] = { ...c, requests: [...c.requests, { path: m.target, close, response: text, status: out.status, done: false }] };
        notes.push({ kind: 'request', conn: ev.conn, idx, path: m.target, work });
        if (work > 0) actions.push({ type: 'later', after: work, data: { conn: ev.conn, idx } });
        else {
          markDone(ev.conn, idx);
          flush(ev.conn, idx);
        }
      } else if (ev.type === 'wake') {
        markDone(ev.data.conn, ev.data.idx);
        flush(ev.data.conn, ev.data.idx);
      } else if (ev.type === 'eof') {
        // The client closed its side (it has nothing more to ask): close ours.
        actions.push({ type: 'close', conn: ev.conn });
      }
      return { app: { conns }, actions, notes };
    },
  };
}
