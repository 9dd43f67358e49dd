/**
 * A client that retries on timeout and a server with a resource state, as kernel actors
 * over a lossy path. Each try goes over a new connection (the client gave up on the old
 * one), carrying the very same request bytes. The path loses responses by an explicit rule
 * from the params (every try's response but the last: that is why the client retries) and
 * at random with `loss`, drawn from the seed.
 */
import { run, type Machine, type Trace } from '../../core/kernel';
import { handle, INITIAL, type ResourceState } from './resource';

export interface Msg {
  /** Which try (1-based) this request or response belongs to. */
  attempt: number;
  dir: 'request' | 'response';
  text: string;
}

export interface ClientState {
  kind: 'client';
  attempt: number;
  /** The response that finally arrived, and for which try. */
  answer?: { attempt: number; text: string };
  gaveUp: boolean;
}
export interface ServerState {
  kind: 'server';
  resource: ResourceState;
  /** What each request that arrived did: the try, the response, whether it was a replay. */
  handled: { attempt: number; response: string; replayed: boolean }[];
}
export type State = ClientState | ServerState;
export type Note = { kind: 'send'; attempt: number } | { kind: 'timeout'; attempt: number; retry: boolean } | { kind: 'answer'; attempt: number } | { kind: 'late'; attempt: number } | { kind: 'applied'; attempt: number; replayed: boolean };
export type IdemTrace = Trace<State, Msg, 'start', Note>;

export interface WorldConfig {
  request: string;
  /** Sends in all (the first plus the retries the client allows itself). */
  repeats: number;
  oneWay: number;
  timeout: number;
  /** Random loss on each direction, 0..1. */
  loss: number;
  seed: number;
}

function client(cfg: WorldConfig): Machine<State, Msg, 'start', Note> {
  const send = (attempt: number) => [
    { type: 'send' as const, to: 'server', msg: { attempt, dir: 'request' as const, text: cfg.request }, retransmission: attempt > 1 },
    { type: 'timer' as const, name: 'timeout', after: cfg.timeout },
    { type: 'note' as const, note: { kind: 'send' as const, attempt } },
  ];
  return {
    init: { kind: 'client', attempt: 0, gaveUp: false },
    step(s, input) {
      if (s.kind !== 'client') return { state: s, effects: [] };
      if (input.type === 'post') return { state: { ...s, attempt: 1 }, effects: send(1) };
      if (input.type === 'timer') {
        if (s.answer) return { state: s, effects: [] };
        const retry = s.attempt < cfg.repeats;
        const note = { type: 'note' as const, note: { kind: 'timeout' as const, attempt: s.attempt, retry } };
        if (!retry) return { state: { ...s, gaveUp: true }, effects: [note] };
        return { state: { ...s, attempt: s.attempt + 1 }, effects: [note, ...send(s.attempt + 1)] };
      }
      const m = input.msg;
      // A response on a connection the client already gave up on is never read.
      if (m.attempt !== s.attempt || s.answer) return { state: s, effects: [{ type: 'note', note: { kind: 'late', attempt: m.attempt } }] };
      return { state: { ...s, answer: { attempt: m.attempt, text: m.text } }, effects: [{ type: 'cancel', name: 'timeout' }, { type: 'note', note: { kind: 'answer', attempt: m.attempt } }] };
    },
  };
}

const server: Machine<State, Msg, 'start', Note> = {
  init: { kind: 'server', resource: INITIAL, handled: [] },
  step(s, input) {
    if (s.kind !== 'server' || input.type !== 'msg') return { state: s, effects: [] };
    const r = handle(s.resource, input.msg.text);
    return {
      state: { ...s, resource: r.state, handled: [...s.handled, { attempt: input.msg.attempt, response: r.response, replayed: r.replayed }] },
      effects: [
        { type: 'note', note: { kind: 'applied', attempt: input.msg.attempt, replayed: r.replayed } },
        { type: 'send', to: 'client', msg: { attempt: input.msg.attempt, dir: 'response', text: r.response } },
      ],
    };
  },
};

export function runRetries(cfg: WorldConfig): IdemTrace {
  return run<State, Msg, 'start', Note>({
    actors: { client: client(cfg), server },
    links: {
      'client>server': { delay: cfg.oneWay, loss: cfg.loss },
      // The explicit rule: the response to every try but the last is lost on the way back.
      'server>client': { delay: cfg.oneWay, loss: cfg.loss, drop: (m) => m.attempt < cfg.repeats },
    },
    seed: cfg.seed,
    script: [{ at: 0, to: 'client', data: 'start' }],
    maxEvents: 200,
  });
}
