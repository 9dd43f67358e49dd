/**
 * The page's script, the browser and the API server as kernel actors (`core/kernel.ts`). The
 * page calls fetch() and waits. The browser, which alone enforces CORS, compares origins,
 * sends a preflight when the Fetch rules ask for one and checks its response, sends the
 * actual request, runs the CORS check on the answer and hands the page a Response or a
 * TypeError. The server answers by its policy. Requests and responses travel as HTTP/1.1
 * bytes (`wire/http1.ts`) that each side parses, on one connection whose handshake the story leaves out.
 */
import { run, type KernelEffect, type Machine, type Trace } from '../../core/kernel';
import { utf8Decode } from '../../wire/bytes';
import { decodeHttp1, encodeHttp1 } from '../../wire/http1';
import { corsCheck, needsPreflight, preflightCheck, preflightNeed, type CheckResult, type Header, type PreflightNeed } from './fetch-rules';
import { actualRequest, isLoopback, preflightRequest, sameOrigin, type FetchCall } from './request';
import { INITIAL_DATA, serve, type Handled, type Policy, type ServerData } from './server';

export type Role = 'preflight' | 'actual';

export type Msg =
  | { kind: 'call' }
  | { kind: 'http'; role: Role; dir: 'request' | 'response'; text: string }
  | { kind: 'result'; ok: true; status: number; reason: string }
  | { kind: 'result'; ok: false; why: 'mixed-content' | 'preflight' | 'cors' };

export type Decision = { sameOrigin: boolean; mixed: boolean; need: PreflightNeed };

export type Note =
  | { type: 'call' }
  | { type: 'decide'; decision: Decision }
  | { type: 'preflight-check'; result: CheckResult; headers: Header[]; status: number }
  | { type: 'served'; handled: Handled }
  | { type: 'cors-check'; result: CheckResult | null; status: number; headers: Header[] }
  | { type: 'result'; msg: Extract<Msg, { kind: 'result' }> };

export type State = { kind: 'page'; result?: Extract<Msg, { kind: 'result' }> } | { kind: 'browser'; phase: 'idle' | 'preflight' | 'actual' | 'done' } | { kind: 'server'; data: ServerData };

type Fx = KernelEffect<Msg, 'start', Note>;
export type CorsTrace = Trace<State, Msg, 'start', Note>;

const text = (m: Parameters<typeof encodeHttp1>[0]) => utf8Decode(encodeHttp1(m));
const parse = (s: string) => decodeHttp1(new TextEncoder().encode(s));

/** Mixed content (§4.1 main fetch via the Mixed Content spec): an https page may not fetch plain http, loopback aside. */
export const isMixed = (c: FetchCall): boolean => c.page.scheme === 'https' && c.url.scheme === 'http' && !isLoopback(c.url.hostname);

function decide(c: FetchCall): Decision {
  return { sameOrigin: sameOrigin(c), mixed: isMixed(c), need: preflightNeed(c.method, c.headers) };
}

const page: Machine<State, Msg, 'start', Note> = {
  init: { kind: 'page' },
  step(s, input) {
    if (input.type === 'post') return { state: s, effects: [{ type: 'send', to: 'browser', msg: { kind: 'call' } }, { type: 'note', note: { type: 'call' } }] };
    if (input.type === 'msg' && input.msg.kind === 'result') return { state: { kind: 'page', result: input.msg }, effects: [{ type: 'note', note: { type: 'result', msg: input.msg } }] };
    return { state: s, effects: [] };
  },
};

function browser(c: FetchCall, cookie: string): Machine<State, Msg, 'start', Note> {
  const d = decide(c);
  const actual = (): Fx => ({ type: 'send', to: 'server', msg: { kind: 'http', role: 'actual', dir: 'request', text: text(actualRequest(c, cookie)) } });
  const fail = (why: 'mixed-content' | 'preflight' | 'cors'): Fx => ({ type: 'send', to: 'page', msg: { kind: 'result', ok: false, why } });
  return {
    init: { kind: 'browser', phase: 'idle' },
    step(s, input) {
      if (input.type !== 'msg') return { state: s, effects: [] };
      const m = input.msg;
      if (m.kind === 'call') {
        const note: Fx = { type: 'note', note: { type: 'decide', decision: d } };
        if (d.mixed) return { state: { kind: 'browser', phase: 'done' }, effects: [note, fail('mixed-content')] };
        if (!d.sameOrigin && needsPreflight(d.need)) {
          return { state: { kind: 'browser', phase: 'preflight' }, effects: [note, { type: 'send', to: 'server', msg: { kind: 'http', role: 'preflight', dir: 'request', text: text(preflightRequest(c, d.need.headers)) } }] };
        }
        return { state: { kind: 'browser', phase: 'actual' }, effects: [note, actual()] };
      }
      if (m.kind !== 'http' || m.dir !== 'response') return { state: s, effects: [] };
      const res = parse(m.text);
      const status = res.kind === 'response' ? res.status : 0;
      const headers = res.headers.map(([n, v]) => [n, v] as Header);
      if (m.role === 'preflight') {
        const result = preflightCheck({ origin: c.page.origin, credentials: c.credentials, method: c.method, headers: c.headers }, { status, headers });
        const note: Fx = { type: 'note', note: { type: 'preflight-check', result, headers, status } };
        return result.ok ? { state: { kind: 'browser', phase: 'actual' }, effects: [note, actual()] } : { state: { kind: 'browser', phase: 'done' }, effects: [note, fail('preflight')] };
      }
      // Same origin: no CORS check; cross origin: the CORS check decides whether the page sees the response at all.
      const result = d.sameOrigin ? null : corsCheck(c.page.origin, c.credentials, headers);
      const note: Fx = { type: 'note', note: { type: 'cors-check', result, status, headers } };
      const out: Fx = result === null || result.ok ? { type: 'send', to: 'page', msg: { kind: 'result', ok: true, status, reason: res.kind === 'response' ? res.reason : '' } } : fail('cors');
      return { state: { kind: 'browser', phase: 'done' }, effects: [note, out] };
    },
  };
}

function server(p: Policy): Machine<State, Msg, 'start', Note> {
  return {
    init: { kind: 'server', data: INITIAL_DATA },
    step(s, input) {
      if (s.kind !== 'server' || input.type !== 'msg' || input.msg.kind !== 'http') return { state: s, effects: [] };
      const m = input.msg;
      const req = parse(m.text);
      if (req.kind !== 'request') return { state: s, effects: [] };
      const r = serve(s.data, p, { method: req.method, target: req.target, headers: req.headers.map(([n, v]) => [n, v] as Header) });
      return {
        state: { kind: 'server', data: r.data },
        effects: [{ type: 'note', note: { type: 'served', handled: r.handled } }, { type: 'send', to: 'browser', msg: { kind: 'http', role: m.role, dir: 'response', text: text(r.res) } }],
      };
    },
  };
}

export interface WorldOptions {
  call: FetchCall;
  policy: Policy;
  cookie: string;
  /** One-way delay between the browser and the server, ms. */
  oneWay: number;
  seed: number;
}

export function runCors(o: WorldOptions): CorsTrace {
  return run<State, Msg, 'start', Note>({
    actors: { page, browser: browser(o.call, o.cookie), server: server(o.policy) },
    links: {
      'page>browser': { delay: 1 }, 'browser>page': { delay: 1 },
      'browser>server': { delay: o.oneWay }, 'server>browser': { delay: o.oneWay },
    },
    seed: o.seed,
    script: [{ at: 0, to: 'page', data: 'start' }],
    maxEvents: 20,
  });
}
