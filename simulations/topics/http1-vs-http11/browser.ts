/**
 * The browser's side: how it loads a page in each of the four ways. It fetches the HTML,
 * finds the images in it, then fetches them: one connection per request (HTTP/1.0), one
 * persistent connection used request by request (HTTP/1.1 keep-alive), one connection
 * with every image request sent back to back (HTTP/1.1 pipelining, RFC 9112 §9.3.2), or
 * up to `connections` persistent connections sharing the work.
 */
import type { AppAction, HostApp, SocketEvent } from './host';
import { latin1Decode } from '../../wire/bytes';
import { closes, decode, linkedImages, request, type Version } from './http';

export type Mode = 'http10' | 'keepalive' | 'pipelining' | 'parallel';

export interface Conn {
  /** Requests sent and not yet answered, in order. */
  inflight: string[];
  /** This connection was opened for these paths (HTTP/1.0: one). */
  open: boolean;
  /** The last request on it asked to close. */
  closing: boolean;
}

export interface Browser {
  mode: Mode;
  /** Paths known and not yet requested. */
  queue: string[];
  htmlDone: boolean;
  conns: Readonly<Record<number, Conn>>;
  /** Ports in the order the connections were opened. */
  opened: number[];
  nextPort: number;
  /** Path → time its response arrived. */
  received: Readonly<Record<string, number>>;
  /** Paths the page needs (known once the HTML is in). */
  total: number;
  loadedAt?: number;
}

export type BrowserNote =
  | { kind: 'connect'; conn: number; path?: string }
  | { kind: 'request'; conn: number; path: string; close: boolean; pipelined: boolean }
  | { kind: 'response'; conn: number; path: string; status: number; bytes: number }
  | { kind: 'html'; images: string[] }
  | { kind: 'loaded'; conns: number };

export interface BrowserConfig {
  mode: Mode;
  /** Parallel connections per host (mode 'parallel'). */
  connections: number;
  firstPort: number;
}

export function browserApp(cfg: BrowserConfig): HostApp<Browser, BrowserNote> {
  const version: Version = cfg.mode === 'http10' ? 'HTTP/1.0' : 'HTTP/1.1';
  return {
    init: { mode: cfg.mode, queue: ['/'], htmlDone: false, conns: {}, opened: [], nextPort: cfg.firstPort, received: {}, total: 1 },
    react(b0, ev: SocketEvent, now) {
      let b: Browser = { ...b0, conns: { ...b0.conns } };
      const actions: AppAction[] = [];
      const notes: BrowserNote[] = [];
      const connect = () => {
        const conn = b.nextPort;
        b = { ...b, nextPort: conn + 1, opened: [...b.opened, conn], conns: { ...b.conns, [conn]: { inflight: [], open: false, closing: false } } };
        actions.push({ type: 'connect', conn });
        notes.push({ kind: 'connect', conn, path: cfg.mode === 'http10' ? b.queue[0] : undefined });
      };
      const send = (conn: number, path: string, close: boolean, pipelined: boolean) => {
        const c = b.conns[conn];
        b = { ...b, queue: b.queue.filter((p) => p !== path), conns: { ...b.conns, [conn]: { ...c, inflight: [...c.inflight, path], closing: close } } };
        actions.push({ type: 'send', conn, data: request(version, path, close ? 'close' : 'keep-alive') });
        notes.push({ kind: 'request', conn, path, close, pipelined });
      };
      /** A connection with nothing in flight takes the next path, or is let go. */
      const work = (conn: number) => {
        const c = b.conns[conn];
        if (!c.open || c.closing || c.inflight.length > 0) return;
        if (cfg.mode === 'http10') {
          if (b.queue.length > 0) send(conn, b.queue[0], true, false);
          return;
        }
        if (cfg.mode === 'pipelining' && b.htmlDone) {
          // Every image request at once, back to back; the last one asks to close.
          const all = [...b.queue];
          all.forEach((p, i) => send(conn, p, i === all.length - 1, all.length > 1));
          return;
        }
        if (b.queue.length > 0) send(conn, b.queue[0], b.htmlDone && b.queue.length === 1, false);
        else if (b.htmlDone) {
          b = { ...b, conns: { ...b.conns, [conn]: { ...c, closing: true } } };
          actions.push({ type: 'close', conn });
        }
      };

      if (ev.type === 'start') connect();
      else if (ev.type === 'connected') {
        b = { ...b, conns: { ...b.conns, [ev.conn]: { ...b.conns[ev.conn], open: true } } };
        work(ev.conn);
      } else if (ev.type === 'data') {
        const m = decode(ev.data);
        const c = b.conns[ev.conn];
        const path = c.inflight[0];
        b = { ...b, received: { ...b.received, [path]: now }, conns: { ...b.conns, [ev.conn]: { ...c, inflight: c.inflight.slice(1) } } };
        notes.push({ kind: 'response', conn: ev.conn, path, status: m.kind === 'response' ? m.status : 0, bytes: m.body.length });
        if (path === '/') {
          const images = linkedImages(latin1Decode(m.body));
          b = { ...b, htmlDone: true, queue: [...b.queue, ...images], total: 1 + images.length };
          notes.push({ kind: 'html', images });
        }
        if (Object.keys(b.received).length === b.total && b.loadedAt === undefined) {
          b = { ...b, loadedAt: now };
          notes.push({ kind: 'loaded', conns: b.opened.length });
        }
        if (closes(m)) b = { ...b, conns: { ...b.conns, [ev.conn]: { ...b.conns[ev.conn], closing: true } } };
        if (cfg.mode === 'http10') {
          if (b.queue.length > 0) connect();
        } else {
          work(ev.conn);
          if (path === '/' && cfg.mode === 'parallel') {
            // The images are known: open more connections, up to the limit per host.
            const extra = Math.min(cfg.connections - 1, b.queue.length);
            for (let i = 0; i < extra; i++) connect();
          }
        }
      } else if (ev.type === 'eof') {
        // The server closed after its response (Connection: close): close our side too.
        actions.push({ type: 'close', conn: ev.conn });
      }
      return { app: b, actions, notes };
    },
  };
}
