/**
 * The browser and the chat server as kernel actors, over one TCP connection (its handshake
 * left out of the story). The server receives chat messages at scripted times; the client
 * gets them by polling, by long polling, or over a WebSocket (RFC 6455): the opening
 * handshake, then frames both ways, client frames masked, a ping answered by a pong, and
 * the closing handshake. Every message is the bytes on the wire, parsed by the receiver.
 */
import { run, type KernelEffect, type Machine, type Trace } from '../../core/kernel';
import { fromHex, toHex, utf8Decode, utf8Encode } from '../../wire/bytes';
import { closePayload, decodeWsFrame, encodeWsFrame, websocketAccept, WS_OPCODE } from '../../wire/websocket';
import { parseHttp, pollRequest, pollResponse, switchingResponse, upgradeRequest } from './http';
import { pollBody, type ChatMessage } from './workload';

export type Transport = 'polling' | 'long-polling' | 'websocket';

export type Msg = { proto: 'http'; text: string } | { proto: 'ws'; hex: string };

export type Note =
  | { type: 'produced'; msg: ChatMessage }
  | { type: 'poll'; after: number }
  | { type: 'hold'; after: number }
  | { type: 'answer'; ids: number[] }
  | { type: 'delivered'; ids: number[] }
  | { type: 'upgrade'; key: string }
  | { type: 'switching'; accept: string }
  | { type: 'open'; accept: string; expected: string }
  | { type: 'client-message'; text: string }
  | { type: 'server-got'; text: string }
  | { type: 'push'; id: number }
  | { type: 'ping' }
  | { type: 'pong' }
  | { type: 'pong-received' }
  | { type: 'close'; code: number }
  | { type: 'close-echo'; code: number }
  | { type: 'closed'; code: number };

type Post = { call: 'start' } | { call: 'produce'; msg: ChatMessage };
export interface ClientState { kind: 'client'; got: number[]; inFlight: boolean; due: boolean; /** Frames sent: picks the next masking key. */ frames: number }
export interface ServerState { kind: 'server'; chat: ChatMessage[]; held: number | null; open: boolean; pushed: number }
export type State = ClientState | ServerState;
type Fx = KernelEffect<Msg, Post, Note>;
export type WsTrace = Trace<State, Msg, Post, Note>;

export interface WorldOptions {
  transport: Transport;
  chat: readonly ChatMessage[];
  /** Polling period, ms. */
  interval: number;
  /** Sec-WebSocket-Key (base64 of 16 random bytes) and the client's masking keys (4 bytes each, hex). */
  key: string;
  masks: string[];
  oneWay: number;
  seed: number;
}

const http = (text: string): Msg => ({ proto: 'http', text });
const ws = (opcode: number, payload: Uint8Array, mask?: string): Msg => ({ proto: 'ws', hex: toHex(encodeWsFrame({ fin: true, opcode, payload, ...(mask ? { mask: fromHex(mask) } : {}) })) });
const idsIn = (body: string): number[] => (JSON.parse(body) as { id: number }[]).map((m) => m.id);

function client(o: WorldOptions): Machine<State, Msg, Post, Note> {
  const total = o.chat.length;
  return {
    init: { kind: 'client', got: [], inFlight: false, due: false, frames: 0 },
    step(st, input) {
      const s = st as ClientState;
      const fx: Fx[] = [];
      const mask = () => o.masks[s.frames % o.masks.length];
      const after = (x: ClientState) => (x.got.length ? Math.max(...x.got) : 0);
      const poll = (state: ClientState): ClientState => {
        fx.push({ type: 'send', to: 'server', msg: http(pollRequest(after(state))) }, { type: 'note', note: { type: 'poll', after: after(state) } });
        if (o.transport === 'polling') fx.push({ type: 'timer', name: 'poll', after: o.interval });
        return { ...state, inFlight: true, due: false };
      };
      if (input.type === 'post') {
        if (o.transport === 'websocket') {
          fx.push({ type: 'send', to: 'server', msg: http(upgradeRequest(o.key)) }, { type: 'note', note: { type: 'upgrade', key: o.key } });
          return { state: s, effects: fx };
        }
        return { state: poll(s), effects: fx };
      }
      if (input.type === 'timer') {
        if (input.name === 'hello') {
          fx.push({ type: 'send', to: 'server', msg: ws(WS_OPCODE.text, utf8Encode('hello'), mask()) }, { type: 'note', note: { type: 'client-message', text: 'hello' } });
          return { state: { ...s, frames: s.frames + 1 }, effects: fx };
        }
        if (input.name === 'close') {
          fx.push({ type: 'send', to: 'server', msg: ws(WS_OPCODE.close, closePayload(1000), mask()) }, { type: 'note', note: { type: 'close', code: 1000 } });
          return { state: { ...s, frames: s.frames + 1 }, effects: fx };
        }
        // Polling: the period is up. One request at a time on the connection: if one is still out, the next waits for its answer.
        if (s.got.length >= total) return { state: s, effects: [] };
        return s.inFlight ? { state: { ...s, due: true }, effects: [] } : { state: poll(s), effects: fx };
      }
      if (input.type !== 'msg') return { state: s, effects: [] };
      const m = input.msg;
      if (m.proto === 'http') {
        const res = parseHttp(m.text);
        if (res.kind !== 'response') return { state: s, effects: [] };
        if (res.status === 101) {
          const accept = res.headers.find(([n]) => n.toLowerCase() === 'sec-websocket-accept')?.[1] ?? '';
          const expected = websocketAccept(o.key);
          fx.push({ type: 'note', note: { type: 'open', accept, expected } });
          if (accept !== expected) return { state: s, effects: fx };
          // The page's script, told the socket is open (the open event), says hello a moment later.
          fx.push({ type: 'timer', name: 'hello', after: 100 });
          return { state: s, effects: fx };
        }
        const ids = idsIn(utf8Decode(res.body));
        const got = [...s.got, ...ids.filter((id) => !s.got.includes(id))];
        fx.push({ type: 'note', note: { type: 'delivered', ids } });
        let next: ClientState = { ...s, got, inFlight: false };
        if (got.length < total && (o.transport === 'long-polling' || s.due)) next = poll(next);
        if (got.length >= total) fx.push({ type: 'cancel', name: 'poll' });
        return { state: next, effects: fx };
      }
      const f = decodeWsFrame(fromHex(m.hex));
      if (f.opcode === WS_OPCODE.text) {
        const id = JSON.parse(utf8Decode(f.payload)).id as number;
        fx.push({ type: 'note', note: { type: 'delivered', ids: [id] } });
        return { state: { ...s, got: [...s.got, id] }, effects: fx };
      }
      if (f.opcode === WS_OPCODE.ping) {
        // A pong carries the ping's payload back (§5.5.3); then, with every message in, the client says goodbye.
        fx.push({ type: 'send', to: 'server', msg: ws(WS_OPCODE.pong, f.payload, mask()) }, { type: 'note', note: { type: 'pong' } });
        if (s.got.length >= total) fx.push({ type: 'timer', name: 'close', after: 200 });
        return { state: { ...s, frames: s.frames + 1 }, effects: fx };
      }
      if (f.opcode === WS_OPCODE.close) {
        const code = f.payload.length >= 2 ? (f.payload[0] << 8) | f.payload[1] : 1005;
        return { state: s, effects: [{ type: 'note', note: { type: 'closed', code } }] };
      }
      return { state: s, effects: [] };
    },
  };
}

function server(o: WorldOptions): Machine<State, Msg, Post, Note> {
  const total = o.chat.length;
  const push = (msg: ChatMessage): Fx[] => [
    { type: 'send', to: 'client', msg: ws(WS_OPCODE.text, utf8Encode(JSON.stringify({ id: msg.id, text: msg.text }))) },
    { type: 'note', note: { type: 'push', id: msg.id } },
  ];
  const answer = (msgs: ChatMessage[]): Fx[] => [{ type: 'send', to: 'client', msg: http(pollResponse(pollBody(msgs))) }, { type: 'note', note: { type: 'answer', ids: msgs.map((m) => m.id) } }];
  return {
    init: { kind: 'server', chat: [], held: null, open: false, pushed: 0 },
    step(st, input) {
      const s = st as ServerState;
      const fx: Fx[] = [];
      if (input.type === 'post' && input.data.call === 'produce') {
        const msg = input.data.msg;
        const chat = [...s.chat, msg];
        fx.push({ type: 'note', note: { type: 'produced', msg } });
        if (o.transport === 'websocket' && s.open) {
          fx.push(...push(msg));
          if (s.pushed + 1 === total) fx.push({ type: 'timer', name: 'ping', after: 300 });
          return { state: { ...s, chat, pushed: s.pushed + 1 }, effects: fx };
        }
        if (o.transport === 'long-polling' && s.held !== null) {
          fx.push(...answer(chat.filter((m) => m.id > s.held!)));
          return { state: { ...s, chat, held: null }, effects: fx };
        }
        return { state: { ...s, chat }, effects: fx };
      }
      if (input.type === 'timer' && input.name === 'ping') {
        return { state: s, effects: [{ type: 'send', to: 'client', msg: ws(WS_OPCODE.ping, utf8Encode('hb-1')) }, { type: 'note', note: { type: 'ping' } }] };
      }
      if (input.type !== 'msg') return { state: s, effects: [] };
      const m = input.msg;
      if (m.proto === 'http') {
        const req = parseHttp(m.text);
        if (req.kind !== 'request') return { state: s, effects: [] };
        if (req.target === '/chat') {
          const key = req.headers.find(([n]) => n.toLowerCase() === 'sec-websocket-key')?.[1] ?? '';
          fx.push({ type: 'send', to: 'client', msg: http(switchingResponse(key)) }, { type: 'note', note: { type: 'switching', accept: websocketAccept(key) } });
          // Messages that came in before the connection opened go out right behind the 101.
          for (const msg of s.chat) fx.push(...push(msg));
          if (s.chat.length === total && total > 0) fx.push({ type: 'timer', name: 'ping', after: 300 });
          return { state: { ...s, open: true, pushed: s.chat.length }, effects: fx };
        }
        const after = Number(/after=(\d+)/.exec(req.target)?.[1] ?? 0);
        const fresh = s.chat.filter((x) => x.id > after);
        if (o.transport === 'long-polling' && fresh.length === 0) return { state: { ...s, held: after }, effects: [{ type: 'note', note: { type: 'hold', after } }] };
        return { state: s, effects: answer(fresh) };
      }
      const f = decodeWsFrame(fromHex(m.hex));
      if (f.opcode === WS_OPCODE.text) return { state: s, effects: [{ type: 'note', note: { type: 'server-got', text: utf8Decode(f.payload) } }] };
      if (f.opcode === WS_OPCODE.pong) return { state: s, effects: [{ type: 'note', note: { type: 'pong-received' } }] };
      if (f.opcode === WS_OPCODE.close) {
        const code = f.payload.length >= 2 ? (f.payload[0] << 8) | f.payload[1] : 1005;
        // The closing handshake (§5.5.1): answer a close with a close, then the server closes TCP.
        return { state: { ...s, open: false }, effects: [{ type: 'send', to: 'client', msg: ws(WS_OPCODE.close, closePayload(code)) }, { type: 'note', note: { type: 'close-echo', code } }] };
      }
      return { state: s, effects: [] };
    },
  };
}

export function runChat(o: WorldOptions): WsTrace {
  return run<State, Msg, Post, Note>({
    actors: { client: client(o), server: server(o) },
    links: { 'client>server': { delay: o.oneWay }, 'server>client': { delay: o.oneWay } },
    seed: o.seed,
    script: [{ at: 0, to: 'client', data: { call: 'start' } }, ...o.chat.map((msg) => ({ at: msg.at, to: 'server', data: { call: 'produce' as const, msg } }))],
    maxEvents: 400,
  });
}
