/** HTTP/2 framing (RFC 9113): the 9-byte frame header and every frame type. */
import { t, type Text } from '../core/text';
import { asciiEncode, bytesEqual, concat, toHex, view } from './bytes';
import { field, hex8, type Field, type Layer } from './fields';
import type { HpackDecoder } from './hpack';

/** The client connection preface: "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n". */
export const HTTP2_PREFACE: Uint8Array = asciiEncode('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');

export const HTTP2_FRAME_TYPE = {
  DATA: 0, HEADERS: 1, PRIORITY: 2, RST_STREAM: 3, SETTINGS: 4, PUSH_PROMISE: 5, PING: 6, GOAWAY: 7, WINDOW_UPDATE: 8, CONTINUATION: 9,
} as const;
export type Http2FrameTypeName = keyof typeof HTTP2_FRAME_TYPE;

export const HTTP2_FLAG = { END_STREAM: 0x1, ACK: 0x1, END_HEADERS: 0x4, PADDED: 0x8, PRIORITY: 0x20 } as const;

export const HTTP2_SETTINGS = {
  HEADER_TABLE_SIZE: 1, ENABLE_PUSH: 2, MAX_CONCURRENT_STREAMS: 3, INITIAL_WINDOW_SIZE: 4, MAX_FRAME_SIZE: 5, MAX_HEADER_LIST_SIZE: 6,
} as const;

export interface Http2Priority {
  exclusive: boolean;
  /** Stream this one depends on. */
  dependency: number;
  /** Effective weight 1..256 (the wire carries weight - 1). */
  weight: number;
}

export type Http2Frame =
  | { type: 'DATA'; streamId: number; endStream?: boolean; padLength?: number; data: Uint8Array }
  | { type: 'HEADERS'; streamId: number; endStream?: boolean; endHeaders?: boolean; padLength?: number; priority?: Http2Priority; headerBlock: Uint8Array }
  | ({ type: 'PRIORITY'; streamId: number } & Http2Priority)
  | { type: 'RST_STREAM'; streamId: number; errorCode: number }
  | { type: 'SETTINGS'; ack?: boolean; settings: [id: number, value: number][] }
  | { type: 'PUSH_PROMISE'; streamId: number; endHeaders?: boolean; padLength?: number; promisedStreamId: number; headerBlock: Uint8Array }
  | { type: 'PING'; ack?: boolean; data: Uint8Array }
  | { type: 'GOAWAY'; lastStreamId: number; errorCode: number; debugData?: Uint8Array }
  | { type: 'WINDOW_UPDATE'; streamId: number; increment: number }
  | { type: 'CONTINUATION'; streamId: number; endHeaders?: boolean; headerBlock: Uint8Array }
  /** Unknown types must be ignored by receivers; kept raw. */
  | { type: 'UNKNOWN'; typeCode: number; flags: number; streamId: number; payload: Uint8Array };

export interface Http2FrameHeader {
  length: number;
  type: number;
  flags: number;
  /** The reserved bit R, normally 0. */
  reserved: boolean;
  streamId: number;
}

export function encodeFrameHeader(h: Http2FrameHeader): Uint8Array {
  if (h.length > 0xffffff) throw new Error('HTTP/2: frame payload longer than 2^24-1');
  const b = new Uint8Array(9);
  const dv = view(b);
  b[0] = h.length >> 16;
  dv.setUint16(1, h.length & 0xffff);
  b[3] = h.type;
  b[4] = h.flags;
  dv.setUint32(5, ((h.reserved ? 0x80000000 : 0) | checkStream(h.streamId)) >>> 0);
  return b;
}

export function decodeFrameHeader(bytes: Uint8Array, offset = 0): Http2FrameHeader {
  if (offset + 9 > bytes.length) throw new Error('HTTP/2: fewer than 9 bytes for a frame header');
  const dv = view(bytes);
  const sid = dv.getUint32(offset + 5);
  return {
    length: (bytes[offset] << 16) | dv.getUint16(offset + 1),
    type: bytes[offset + 3],
    flags: bytes[offset + 4],
    reserved: (sid & 0x80000000) !== 0,
    streamId: sid & 0x7fffffff,
  };
}

function checkStream(id: number): number {
  if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new Error(`HTTP/2: stream id ${id} out of range`);
  return id;
}
function u32(n: number): Uint8Array {
  const b = new Uint8Array(4);
  view(b).setUint32(0, n >>> 0);
  return b;
}
function priorityBytes(p: Http2Priority): Uint8Array {
  if (p.weight < 1 || p.weight > 256) throw new Error('HTTP/2: weight must be 1..256');
  return concat(u32((p.exclusive ? 0x80000000 : 0) | checkStream(p.dependency)), Uint8Array.of(p.weight - 1));
}
function padded(padLength: number | undefined, body: Uint8Array): Uint8Array {
  if (padLength === undefined) return body;
  if (padLength < 0 || padLength > 255) throw new Error('HTTP/2: pad length must be 0..255');
  return concat(Uint8Array.of(padLength), body, new Uint8Array(padLength));
}

export function encodeHttp2Frame(f: Http2Frame): Uint8Array {
  let type: number, flags = 0, streamId = 0, payload: Uint8Array;
  switch (f.type) {
    case 'DATA':
      type = 0; streamId = f.streamId;
      flags = (f.endStream ? 0x1 : 0) | (f.padLength !== undefined ? 0x8 : 0);
      payload = padded(f.padLength, f.data);
      break;
    case 'HEADERS':
      type = 1; streamId = f.streamId;
      flags = (f.endStream ? 0x1 : 0) | (f.endHeaders ? 0x4 : 0) | (f.padLength !== undefined ? 0x8 : 0) | (f.priority ? 0x20 : 0);
      payload = padded(f.padLength, f.priority ? concat(priorityBytes(f.priority), f.headerBlock) : f.headerBlock);
      break;
    case 'PRIORITY':
      type = 2; streamId = f.streamId;
      payload = priorityBytes(f);
      break;
    case 'RST_STREAM':
      type = 3; streamId = f.streamId; payload = u32(f.errorCode);
      break;
    case 'SETTINGS':
      type = 4; flags = f.ack ? 0x1 : 0;
      if (f.ack && f.settings.length) throw new Error('HTTP/2: a SETTINGS ACK must be empty');
      payload = concat(...f.settings.map(([id, v]) => {
        const b = new Uint8Array(6);
        view(b).setUint16(0, id);
        view(b).setUint32(2, v >>> 0);
        return b;
      }));
      break;
    case 'PUSH_PROMISE':
      type = 5; streamId = f.streamId;
      flags = (f.endHeaders ? 0x4 : 0) | (f.padLength !== undefined ? 0x8 : 0);
      payload = padded(f.padLength, concat(u32(checkStream(f.promisedStreamId)), f.headerBlock));
      break;
    case 'PING':
      if (f.data.length !== 8) throw new Error('HTTP/2: PING carries exactly 8 bytes');
      type = 6; flags = f.ack ? 0x1 : 0; payload = f.data;
      break;
    case 'GOAWAY':
      type = 7; payload = concat(u32(checkStream(f.lastStreamId)), u32(f.errorCode), f.debugData ?? new Uint8Array(0));
      break;
    case 'WINDOW_UPDATE':
      if (f.increment < 1 || f.increment > 0x7fffffff) throw new Error('HTTP/2: window increment must be 1..2^31-1');
      type = 8; streamId = f.streamId; payload = u32(f.increment);
      break;
    case 'CONTINUATION':
      type = 9; streamId = f.streamId; flags = f.endHeaders ? 0x4 : 0; payload = f.headerBlock;
      break;
    case 'UNKNOWN':
      type = f.typeCode; flags = f.flags; streamId = f.streamId; payload = f.payload;
      break;
  }
  return concat(encodeFrameHeader({ length: payload.length, type, flags, reserved: false, streamId }), payload);
}

export function encodeHttp2(frames: readonly Http2Frame[]): Uint8Array {
  return concat(...frames.map(encodeHttp2Frame));
}

function readPriority(b: Uint8Array, at: number): Http2Priority {
  const dep = view(b).getUint32(at);
  return { exclusive: (dep & 0x80000000) !== 0, dependency: dep & 0x7fffffff, weight: b[at + 4] + 1 };
}

/** Returns [start, end) of the unpadded body, checking the pad length. */
function unpad(b: Uint8Array, start: number, end: number, flags: number): { padLength?: number; start: number; end: number } {
  if (!(flags & 0x8)) return { start, end };
  if (start >= end) throw new Error('HTTP/2: PADDED frame without a pad length');
  const padLength = b[start];
  if (start + 1 + padLength > end) throw new Error('HTTP/2: padding longer than the payload');
  return { padLength, start: start + 1, end: end - padLength };
}

/** Decodes one frame at offset; `next` is the offset after it. */
export function decodeHttp2Frame(bytes: Uint8Array, offset = 0): { frame: Http2Frame; header: Http2FrameHeader; next: number } {
  const h = decodeFrameHeader(bytes, offset);
  const start = offset + 9, end = start + h.length;
  if (end > bytes.length) throw new Error(`HTTP/2: frame payload of ${h.length} bytes runs past the end of the data`);
  const dv = view(bytes);
  const sid = h.streamId;
  const need = (n: number, name: string) => {
    if (h.length !== n) throw new Error(`HTTP/2: ${name} payload must be ${n} bytes, got ${h.length}`);
  };
  let frame: Http2Frame;
  switch (h.type) {
    case 0: {
      const u = unpad(bytes, start, end, h.flags);
      frame = { type: 'DATA', streamId: sid, endStream: (h.flags & 1) !== 0, data: bytes.slice(u.start, u.end) };
      if (u.padLength !== undefined) frame.padLength = u.padLength;
      break;
    }
    case 1: {
      const u = unpad(bytes, start, end, h.flags);
      let s = u.start;
      const f: Extract<Http2Frame, { type: 'HEADERS' }> = { type: 'HEADERS', streamId: sid, endStream: (h.flags & 1) !== 0, endHeaders: (h.flags & 4) !== 0, headerBlock: new Uint8Array(0) };
      if (h.flags & 0x20) {
        if (s + 5 > u.end) throw new Error('HTTP/2: HEADERS too short for its priority fields');
        f.priority = readPriority(bytes, s);
        s += 5;
      }
      f.headerBlock = bytes.slice(s, u.end);
      if (u.padLength !== undefined) f.padLength = u.padLength;
      frame = f;
      break;
    }
    case 2:
      need(5, 'PRIORITY');
      frame = { type: 'PRIORITY', streamId: sid, ...readPriority(bytes, start) };
      break;
    case 3:
      need(4, 'RST_STREAM');
      frame = { type: 'RST_STREAM', streamId: sid, errorCode: dv.getUint32(start) };
      break;
    case 4: {
      if (h.length % 6 !== 0) throw new Error('HTTP/2: SETTINGS length is not a multiple of 6');
      const settings: [number, number][] = [];
      for (let p = start; p < end; p += 6) settings.push([dv.getUint16(p), dv.getUint32(p + 2)]);
      frame = { type: 'SETTINGS', ack: (h.flags & 1) !== 0, settings };
      break;
    }
    case 5: {
      const u = unpad(bytes, start, end, h.flags);
      if (u.start + 4 > u.end) throw new Error('HTTP/2: PUSH_PROMISE too short');
      const f: Extract<Http2Frame, { type: 'PUSH_PROMISE' }> = {
        type: 'PUSH_PROMISE', streamId: sid, endHeaders: (h.flags & 4) !== 0,
        promisedStreamId: dv.getUint32(u.start) & 0x7fffffff, headerBlock: bytes.slice(u.start + 4, u.end),
      };
      if (u.padLength !== undefined) f.padLength = u.padLength;
      frame = f;
      break;
    }
    case 6:
      need(8, 'PING');
      frame = { type: 'PING', ack: (h.flags & 1) !== 0, data: bytes.slice(start, end) };
      break;
    case 7:
      if (h.length < 8) throw new Error('HTTP/2: GOAWAY too short');
      frame = { type: 'GOAWAY', lastStreamId: dv.getUint32(start) & 0x7fffffff, errorCode: dv.getUint32(start + 4), debugData: bytes.slice(start + 8, end) };
      break;
    case 8:
      need(4, 'WINDOW_UPDATE');
      frame = { type: 'WINDOW_UPDATE', streamId: sid, increment: dv.getUint32(start) & 0x7fffffff };
      break;
    case 9:
      frame = { type: 'CONTINUATION', streamId: sid, endHeaders: (h.flags & 4) !== 0, headerBlock: bytes.slice(start, end) };
      break;
    default:
      frame = { type: 'UNKNOWN', typeCode: h.type, flags: h.flags, streamId: sid, payload: bytes.slice(start, end) };
  }
  return { frame, header: h, next: end };
}

/** Decodes back-to-back frames in bytes[offset, end); a leading client preface is skipped. */
export function decodeHttp2(bytes: Uint8Array, offset = 0, end = bytes.length): { preface: boolean; frames: Http2Frame[] } {
  const data = bytes.subarray(0, end);
  let p = offset;
  const preface = hasPreface(data, p);
  if (preface) p += HTTP2_PREFACE.length;
  const frames: Http2Frame[] = [];
  while (p < end) {
    const r = decodeHttp2Frame(data, p);
    frames.push(r.frame);
    p = r.next;
  }
  return { preface, frames };
}

function hasPreface(b: Uint8Array, at: number): boolean {
  return at + HTTP2_PREFACE.length <= b.length && bytesEqual(b.subarray(at, at + HTTP2_PREFACE.length), HTTP2_PREFACE);
}

// ---------------------------------------------------------------- describe

const TYPE_NAMES = Object.keys(HTTP2_FRAME_TYPE) as Http2FrameTypeName[];
const SETTING_NAMES: Record<number, string> = Object.fromEntries(Object.entries(HTTP2_SETTINGS).map(([k, v]) => [v, k]));
const ERROR_NAMES = ['NO_ERROR', 'PROTOCOL_ERROR', 'INTERNAL_ERROR', 'FLOW_CONTROL_ERROR', 'SETTINGS_TIMEOUT', 'STREAM_CLOSED',
  'FRAME_SIZE_ERROR', 'REFUSED_STREAM', 'CANCEL', 'COMPRESSION_ERROR', 'CONNECT_ERROR', 'ENHANCE_YOUR_CALM', 'INADEQUATE_SECURITY', 'HTTP_1_1_REQUIRED'];
const errorName = (c: number) => `${ERROR_NAMES[c] ?? 'UNKNOWN'} (${c})`;

const TYPE_MEANINGS: Record<string, Text> = {
  DATA: t('요청이나 응답의 본문 데이터', 'body data of a request or response'),
  HEADERS: t('HPACK으로 압축한 헤더 목록: 새 요청/응답의 시작', 'HPACK-compressed header list; opens a request or response'),
  PRIORITY: t('스트림 우선순위 (RFC 9113에서는 더 쓰지 않음)', 'stream priority (deprecated in RFC 9113)'),
  RST_STREAM: t('이 스트림 하나만 즉시 끝냄', 'ends this one stream at once'),
  SETTINGS: t('연결 설정값을 알림 (ACK는 받았다는 확인)', 'announces connection parameters (ACK confirms them)'),
  PUSH_PROMISE: t('서버가 요청받지 않은 자원을 미리 보내겠다는 약속', 'the server promises to push an unrequested resource'),
  PING: t('연결이 살아 있는지와 왕복 시간 확인', 'checks liveness and round-trip time'),
  GOAWAY: t('연결을 닫겠다는 통보, 마지막으로 처리한 스트림 번호 포함', 'announces shutdown, with the last stream processed'),
  WINDOW_UPDATE: t('흐름 제어 창을 늘려 더 보내도 된다고 알림', 'grows the flow-control window: more data may be sent'),
  CONTINUATION: t('HEADERS에 다 못 담은 헤더 블록의 이어짐', 'the rest of a header block that did not fit'),
};

function flagFields(type: number, flags: number, at: number): Field[] {
  const defs: [number, string, string, Text][] = [];
  if (type === 0 || type === 1) defs.push([0x1, 'http2.flags.end_stream', 'End Stream', t('이 스트림에서 이쪽이 보낼 것은 끝', 'this side is done sending on the stream')]);
  if (type === 4 || type === 6) defs.push([0x1, 'http2.flags.ack', 'ACK', t('받은 프레임에 대한 확인', 'acknowledges the received frame')]);
  if (type === 1 || type === 5 || type === 9) defs.push([0x4, 'http2.flags.eh', 'End Headers', t('헤더 블록이 이 프레임에서 끝남', 'the header block ends in this frame')]);
  if (type === 0 || type === 1 || type === 5) defs.push([0x8, 'http2.flags.padded', 'Padded', t('길이를 숨기려는 채움 바이트가 있음', 'padding is present, to hide the real length')]);
  if (type === 1) defs.push([0x20, 'http2.flags.priority', 'Priority', t('우선순위 필드가 있음', 'priority fields are present')]);
  return defs.map(([mask, key, name, meaning]) => field(key, name, (flags & mask) ? 'Set' : 'Not set', at, 1, { mask, meaning }));
}

const HPACK_KIND_TEXT: Record<string, Text> = {
  indexed: t('표에 있는 항목을 번호로만 보냄 (1바이트로 끝나기도 함)', 'sent as a table index only (often a single byte)'),
  incremental: t('값을 직접 보내고 동적 표에도 추가함', 'sent literally and added to the dynamic table'),
  without: t('값을 직접 보내되 표에는 넣지 않음', 'sent literally, not added to the table'),
  never: t('민감한 값: 어느 구간에서도 표에 넣지 말 것', 'sensitive: must never be added to a table, on any hop'),
  sizeUpdate: t('동적 표 크기를 바꿈', 'changes the dynamic table size'),
};

/**
 * Describes back-to-back frames (optionally after the client preface).
 * Pass the connection's HPACK decoder to also decode header blocks.
 */
export function describeHttp2(bytes: Uint8Array, offset = 0, end = bytes.length, hpack?: HpackDecoder): Layer {
  const fields: Field[] = [];
  const data = bytes.subarray(0, end);
  let p = offset;
  if (hasPreface(data, p)) {
    fields.push(field('http2.magic', 'Connection Preface', 'PRI * HTTP/2.0\\r\\n\\r\\nSM\\r\\n\\r\\n', p, HTTP2_PREFACE.length, {
      meaning: t('HTTP/2로 말하겠다는 클라이언트의 첫 24바이트', "the client's first 24 bytes: it will speak HTTP/2"),
    }));
    p += HTTP2_PREFACE.length;
  }
  while (p < end) {
    const s = p;
    const { frame, header: h, next } = decodeHttp2Frame(data, p);
    const typeName = TYPE_NAMES[h.type] ?? `UNKNOWN(${h.type})`;
    const kids: Field[] = [
      field('http2.length', 'Length', h.length, s, 3, { meaning: t('9바이트 헤더를 뺀 페이로드 길이 (24비트)', 'payload length, excluding the 9-byte header (24 bits)') }),
      field('http2.type', 'Type', `${typeName} (${h.type})`, s + 3, 1, { meaning: TYPE_MEANINGS[typeName] }),
      field('http2.flags', 'Flags', hex8(h.flags), s + 4, 1, { children: flagFields(h.type, h.flags, s + 4) }),
      field('http2.r', 'Reserved', h.reserved ? 1 : 0, s + 5, 4, { mask: 0x80000000, meaning: t('예약 비트, 항상 0', 'reserved bit, always 0') }),
      field('http2.streamid', 'Stream Identifier', h.streamId, s + 5, 4, {
        mask: 0x7fffffff,
        meaning: t('어느 스트림의 프레임인지 (0은 연결 전체)', 'which stream the frame belongs to (0 = the whole connection)'),
      }),
    ];
    const body = s + 9;
    const padOff = h.flags & 0x8 && (h.type === 0 || h.type === 1 || h.type === 5) ? 1 : 0;
    if (padOff) kids.push(field('http2.padding', 'Pad Length', data[body], body, 1));
    const blockAt = (f: { headerBlock: Uint8Array }, at: number) => {
      const bf = field('http2.header_block_fragment', 'Header Block Fragment', toHex(f.headerBlock), at, f.headerBlock.length, {
        meaning: t('HPACK으로 압축된 헤더 바이트', 'HPACK-compressed header bytes'),
      });
      if (hpack) {
        bf.children = hpack.decodeDetailed(f.headerBlock, at).map((r) =>
          field('http2.header', r.kind === 'sizeUpdate' ? 'Table size update' : `${r.name}: ${r.value}`,
            r.kind === 'sizeUpdate' ? String(r.newSize) : r.index ? `${r.kind} (index ${r.index})` : r.kind, r.offset, r.length,
            { meaning: HPACK_KIND_TEXT[r.kind] }));
      }
      kids.push(bf);
    };
    switch (frame.type) {
      case 'DATA':
        kids.push(field('http2.data.data', 'Data', `${frame.data.length} bytes`, body + padOff, frame.data.length));
        break;
      case 'HEADERS': {
        let at = body + padOff;
        if (frame.priority) {
          kids.push(field('http2.exclusive', 'Exclusive', frame.priority.exclusive ? 'True' : 'False', at, 4, { mask: 0x80000000 }));
          kids.push(field('http2.stream_dependency', 'Stream Dependency', frame.priority.dependency, at, 4, { mask: 0x7fffffff }));
          kids.push(field('http2.headers.weight', 'Weight', `${frame.priority.weight - 1} (effective ${frame.priority.weight})`, at + 4, 1));
          at += 5;
        }
        blockAt(frame, at);
        break;
      }
      case 'PRIORITY':
        kids.push(field('http2.exclusive', 'Exclusive', frame.exclusive ? 'True' : 'False', body, 4, { mask: 0x80000000 }));
        kids.push(field('http2.stream_dependency', 'Stream Dependency', frame.dependency, body, 4, { mask: 0x7fffffff }));
        kids.push(field('http2.headers.weight', 'Weight', `${frame.weight - 1} (effective ${frame.weight})`, body + 4, 1));
        break;
      case 'RST_STREAM':
        kids.push(field('http2.rst_stream.error', 'Error', errorName(frame.errorCode), body, 4));
        break;
      case 'SETTINGS':
        frame.settings.forEach(([id, v], i) => {
          const at = body + i * 6;
          kids.push(field('http2.settings', `Settings - ${SETTING_NAMES[id] ?? 'Unknown'}`, v, at, 6, {
            children: [field('http2.settings.id', 'Settings Identifier', `${SETTING_NAMES[id] ?? 'Unknown'} (${id})`, at, 2), field('http2.settings.value', 'Value', v, at + 2, 4)],
          }));
        });
        break;
      case 'PUSH_PROMISE':
        kids.push(field('http2.push_promise.promised_stream_id', 'Promised-Stream-ID', frame.promisedStreamId, body + padOff, 4, { mask: 0x7fffffff }));
        blockAt(frame, body + padOff + 4);
        break;
      case 'PING':
        kids.push(field(frame.ack ? 'http2.pong' : 'http2.ping', frame.ack ? 'Pong' : 'Ping', toHex(frame.data), body, 8));
        break;
      case 'GOAWAY':
        kids.push(field('http2.goaway.last_stream_id', 'Last-Stream-ID', frame.lastStreamId, body, 4, { mask: 0x7fffffff }));
        kids.push(field('http2.goaway.error', 'Error', errorName(frame.errorCode), body + 4, 4));
        if (frame.debugData?.length) kids.push(field('http2.goaway.addata', 'Additional Debug Data', `${frame.debugData.length} bytes`, body + 8, frame.debugData.length));
        break;
      case 'WINDOW_UPDATE':
        kids.push(field('http2.window_update.window_size_increment', 'Window Size Increment', frame.increment, body, 4, { mask: 0x7fffffff }));
        break;
      case 'CONTINUATION':
        blockAt(frame, body);
        break;
      case 'UNKNOWN':
        kids.push(field('http2.unknown', 'Payload', `${frame.payload.length} bytes`, body, frame.payload.length));
        break;
    }
    if (padOff && data[body] > 0) kids.push(field('http2.padding', 'Padding', `${data[body]} bytes`, next - data[body], data[body]));
    fields.push(field('http2.stream', `Stream: ${typeName}, Stream ID: ${h.streamId}, Length ${h.length}`, '', s, next - s, { children: kids }));
    p = next;
  }
  return { key: 'http2', title: 'HyperText Transfer Protocol 2', offset, length: end - offset, fields };
}
