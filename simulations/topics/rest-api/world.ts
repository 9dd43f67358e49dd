/**
 * The client and the API server as kernel actors (`core/kernel.ts`), each an RFC 9293 TCP
 * endpoint (`tcp/machine.ts`) with an application on top: the client writes HTTP/1.1
 * requests (RFC 9112, encoded by `wire/http1.ts`) on one persistent connection and reads
 * each response before the next; the server frames requests by Content-Length, serves them
 * from its store and writes the response. The store lives in the server's state, so every
 * trace entry holds the store as it is after that event.
 */
import { run, type KernelEffect, type KernelInput, type Machine, type Trace } from '../../core/kernel';
import { createTcb, step, type Effect, type Tcb, type TcpEvent, type TimerName } from '../../tcp/machine';
import type { Segment } from '../../tcp/segment';
import type { TcpState } from '../../tcp/states';
import { concat, utf8Decode, utf8Encode } from '../../wire/bytes';
import { decodeHttp1, encodeHttp1 } from '../../wire/http1';
import { nextRequest, type Plan, type Planned } from './plan';
import { serve, type ApiRequest, type ApiResponse, type Outcome } from './server';
import { INITIAL_STORE, type Store } from './store';
import type { Problem } from './validate';

export type Side = 'client' | 'server';

export interface ClientApp { kind: 'client'; sent: Planned[]; got: ApiResponse[]; buf: Uint8Array }
export interface ServerApp { kind: 'server'; store: Store; buf: Uint8Array; served: number }
export interface HostState { tcb: Tcb; app: ClientApp | ServerApp }

type Post = { call: 'listen' } | { call: 'connect' } | { call: 'write'; data: string } | { call: 'close' };

export type Note =
  | { type: 'tcp'; from: TcpState; to: TcpState }
  | { type: 'request'; i: number; planned: Planned }
  | { type: 'served'; i: number; req: ApiRequest; res: ApiResponse; outcome: Outcome; problem?: Problem; before: Store; after: Store }
  | { type: 'response'; i: number; res: ApiResponse };

type Fx = KernelEffect<Segment, Post, Note>;

export const encodeRequest = (r: ApiRequest): string =>
  utf8Decode(encodeHttp1({ kind: 'request', method: r.method, target: r.target, headers: r.headers.map(([n, v]) => [n, v]), body: utf8Encode(r.body) }));
export const encodeResponse = (r: ApiResponse): string =>
  utf8Decode(encodeHttp1({ kind: 'response', status: r.status, reason: r.reason, headers: r.headers.map(([n, v]) => [n, v]), body: utf8Encode(r.body) }));

/** Length of the first complete message in buf (RFC 9112 §6.3), or null while it is incomplete. */
export function messageLength(buf: Uint8Array, bodyless: boolean): number | null {
  for (let i = 0; i + 3 < buf.length; i++) {
    if (buf[i] === 13 && buf[i + 1] === 10 && buf[i + 2] === 13 && buf[i + 3] === 10) {
      const head = utf8Decode(buf.subarray(0, i));
      const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const total = i + 4 + (bodyless || !cl ? 0 : Number(cl[1]));
      return total <= buf.length ? total : null;
    }
  }
  return null;
}

const toApi = (bytes: Uint8Array) => {
  const m = decodeHttp1(bytes);
  return { m, headers: m.headers.map(([n, v]) => [n, v] as [string, string]), body: utf8Decode(m.body) };
};

function host(side: Side, plan: Plan, ports: Record<Side, number>, iss: number, think: number): Machine<HostState, Segment, Post, Note> {
  const other: Side = side === 'client' ? 'server' : 'client';
  const app0: ClientApp | ServerApp = side === 'client' ? { kind: 'client', sent: [], got: [], buf: new Uint8Array(0) } : { kind: 'server', store: INITIAL_STORE, buf: new Uint8Array(0), served: 0 };
  return {
    init: { tcb: createTcb({ localPort: ports[side], remotePort: ports[other], iss, msl: 2000 }), app: app0 },
    step(state, input: KernelInput<Segment, Post>) {
      let tcb = state.tcb;
      let app = state.app;
      const fx: Fx[] = [];
      const feed = (ev: TcpEvent) => {
        const r = step(tcb, ev);
        tcb = r.tcb;
        r.effects.forEach(handle);
      };
      const write = (data: string) => fx.push({ type: 'post', to: side, data: { call: 'write', data }, after: think });
      const sendNext = (a: ClientApp): ClientApp => {
        const p = nextRequest(plan, a.sent, a.got);
        if (!p) {
          fx.push({ type: 'post', to: side, data: { call: 'close' }, after: think });
          return a;
        }
        fx.push({ type: 'note', note: { type: 'request', i: a.sent.length, planned: p } });
        write(encodeRequest(p.req));
        return { ...a, sent: [...a.sent, p] };
      };
      const onData = (data: string) => {
        if (app.kind === 'client') {
          let a: ClientApp = { ...app, buf: concat(app.buf, utf8Encode(data)) };
          const req = a.sent[a.got.length]?.req;
          const len = messageLength(a.buf, req?.method === 'HEAD' || /^HTTP\/1\.1 (204|304)/.test(utf8Decode(a.buf.subarray(0, 12))));
          if (len !== null) {
            const { m, headers, body } = toApi(a.buf.subarray(0, len));
            const res: ApiResponse = { status: m.kind === 'response' ? m.status : 0, reason: m.kind === 'response' ? m.reason : '', headers, body };
            fx.push({ type: 'note', note: { type: 'response', i: a.got.length, res } });
            a = sendNext({ ...a, got: [...a.got, res], buf: a.buf.slice(len) });
          }
          app = a;
        } else {
          let s: ServerApp = { ...app, buf: concat(app.buf, utf8Encode(data)) };
          const len = messageLength(s.buf, false);
          if (len !== null) {
            const { m, headers, body } = toApi(s.buf.subarray(0, len));
            const req: ApiRequest = { method: m.kind === 'request' ? m.method : '', target: m.kind === 'request' ? m.target : '', headers, body };
            const r = serve(s.store, req);
            fx.push({ type: 'note', note: { type: 'served', i: s.served, req, res: r.response, outcome: r.outcome, ...(r.problem ? { problem: r.problem } : {}), before: s.store, after: r.store } });
            write(encodeResponse(r.response));
            s = { ...s, store: r.store, buf: s.buf.slice(len), served: s.served + 1 };
          }
          app = s;
        }
      };
      const handle = (e: Effect) => {
        switch (e.type) {
          case 'send': fx.push({ type: 'send', to: other, msg: e.seg, retransmission: e.retransmission }); break;
          case 'start-timer': fx.push({ type: 'timer', name: e.timer, after: e.ms }); break;
          case 'stop-timer': fx.push({ type: 'cancel', name: e.timer }); break;
          case 'transition': fx.push({ type: 'note', note: { type: 'tcp', from: e.from, to: e.to } }); break;
          case 'deliver': onData(e.data); break;
          case 'signal':
            if (e.signal === 'connected' && app.kind === 'client') app = sendNext(app);
            if (e.signal === 'eof' && app.kind === 'server') fx.push({ type: 'post', to: side, data: { call: 'close' }, after: think });
            break;
          default: break;
        }
      };
      if (input.type === 'msg') feed({ type: 'segment', seg: input.msg });
      else if (input.type === 'timer') feed({ type: 'timeout', timer: input.name as TimerName });
      else {
        const c = input.data;
        if (c.call === 'listen') feed({ type: 'open', mode: 'passive' });
        else if (c.call === 'connect') feed({ type: 'open', mode: 'active' });
        else if (c.call === 'write') feed({ type: 'send', data: c.data });
        else feed({ type: 'close' });
      }
      return { state: { tcb, app }, effects: fx };
    },
  };
}

export interface WorldOptions {
  plan: Plan;
  ports: Record<Side, number>;
  iss: Record<Side, number>;
  /** One-way delay, ms. */
  oneWay: number;
  seed: number;
}

export type RestTrace = Trace<HostState, Segment, Post, Note>;

export function runRest(o: WorldOptions): RestTrace {
  const think = 5;
  return run<HostState, Segment, Post, Note>({
    actors: { client: host('client', o.plan, o.ports, o.iss.client, think), server: host('server', o.plan, o.ports, o.iss.server, think) },
    links: { 'client>server': { delay: o.oneWay }, 'server>client': { delay: o.oneWay } },
    seed: o.seed,
    script: [{ at: 0, to: 'server', data: { call: 'listen' } }, { at: 10, to: 'client', data: { call: 'connect' } }],
    maxEvents: 400,
    // Done when both ends are closed; TIME-WAIT's 2×MSL adds nothing to this story.
    until: (e) => (e.states.server as HostState).tcb.state === 'CLOSED' && ['TIME-WAIT', 'CLOSED'].includes((e.states.client as HostState).tcb.state) && e.i > 3,
  });
}
