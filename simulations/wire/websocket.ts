/** WebSocket (RFC 6455): the handshake accept key and the frame format. */
import { t, type Text } from '../core/text';
import { asciiEncode, base64Encode, concat, sha1, toHex, utf8Decode, utf8Encode, view } from './bytes';
import { field, hex8, type Field, type Layer } from './fields';

export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const WS_OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Sec-WebSocket-Accept = base64(SHA-1(key + GUID)) (§4.2.2). */
export function websocketAccept(key: string): string {
  return base64Encode(sha1(asciiEncode(key + WEBSOCKET_GUID)));
}

export interface WsFrame {
  fin: boolean;
  rsv1?: boolean;
  rsv2?: boolean;
  rsv3?: boolean;
  opcode: number;
  /** 4-byte masking key; clients must mask, servers must not. */
  mask?: Uint8Array;
  /** The payload as the application sees it (unmasked). */
  payload: Uint8Array;
}

export interface WsFrameDecoded extends Required<Omit<WsFrame, 'mask'>> {
  mask?: Uint8Array;
  /** Total bytes of this frame on the wire. */
  length: number;
  /** Where the (possibly masked) payload starts, absolute. */
  payloadOffset: number;
}

/** XORs data with the 4-byte key, starting at key position 0. */
export function applyMask(data: Uint8Array, mask: Uint8Array): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] ^ mask[i & 3];
  return out;
}

/** Close frame body: 2-byte status code then an optional UTF-8 reason. */
export function closePayload(code: number, reason = ''): Uint8Array {
  const b = new Uint8Array(2);
  view(b).setUint16(0, code);
  return concat(b, utf8Encode(reason));
}

export function parseClosePayload(p: Uint8Array): { code?: number; reason: string } {
  if (p.length === 0) return { reason: '' };
  if (p.length === 1) throw new Error('WebSocket: close payload of 1 byte');
  return { code: view(p).getUint16(0), reason: utf8Decode(p.subarray(2)) };
}

export function encodeWsFrame(f: WsFrame): Uint8Array {
  if (!Number.isInteger(f.opcode) || f.opcode < 0 || f.opcode > 15) throw new Error('WebSocket: opcode must be 0..15');
  const control = f.opcode >= 8;
  if (control && (f.payload.length > 125 || !f.fin)) throw new Error('WebSocket: control frames must be final and carry at most 125 bytes');
  if (f.mask && f.mask.length !== 4) throw new Error('WebSocket: the masking key is 4 bytes');
  const n = f.payload.length;
  const extLen = n <= 125 ? 0 : n <= 0xffff ? 2 : 8;
  const head = new Uint8Array(2 + extLen + (f.mask ? 4 : 0));
  const dv = view(head);
  head[0] = (f.fin ? 0x80 : 0) | (f.rsv1 ? 0x40 : 0) | (f.rsv2 ? 0x20 : 0) | (f.rsv3 ? 0x10 : 0) | f.opcode;
  head[1] = (f.mask ? 0x80 : 0) | (extLen === 0 ? n : extLen === 2 ? 126 : 127);
  if (extLen === 2) dv.setUint16(2, n);
  if (extLen === 8) {
    dv.setUint32(2, Math.floor(n / 0x100000000));
    dv.setUint32(6, n >>> 0);
  }
  if (f.mask) head.set(f.mask, 2 + extLen);
  return concat(head, f.mask ? applyMask(f.payload, f.mask) : f.payload);
}

/** Decodes one frame at offset and unmasks its payload. */
export function decodeWsFrame(bytes: Uint8Array, offset = 0): WsFrameDecoded {
  const need = (n: number) => {
    if (offset + n > bytes.length) throw new Error('WebSocket: frame runs past the end of the data');
  };
  need(2);
  const dv = view(bytes);
  const b0 = bytes[offset], b1 = bytes[offset + 1];
  let len = b1 & 0x7f;
  let p = offset + 2;
  if (len === 126) {
    need(4);
    len = dv.getUint16(p);
    p += 2;
  } else if (len === 127) {
    need(10);
    const hi = dv.getUint32(p);
    if (hi & 0x80000000) throw new Error('WebSocket: the most significant bit of a 64-bit length must be 0');
    len = hi * 0x100000000 + dv.getUint32(p + 4);
    if (len > Number.MAX_SAFE_INTEGER) throw new Error('WebSocket: payload length too large');
    p += 8;
  }
  let mask: Uint8Array | undefined;
  if (b1 & 0x80) {
    need(p - offset + 4);
    mask = bytes.slice(p, p + 4);
    p += 4;
  }
  need(p - offset + len);
  const raw = bytes.subarray(p, p + len);
  const out: WsFrameDecoded = {
    fin: (b0 & 0x80) !== 0,
    rsv1: (b0 & 0x40) !== 0,
    rsv2: (b0 & 0x20) !== 0,
    rsv3: (b0 & 0x10) !== 0,
    opcode: b0 & 0x0f,
    payload: mask ? applyMask(raw, mask) : raw.slice(),
    length: p + len - offset,
    payloadOffset: p,
  };
  if (mask) out.mask = mask;
  return out;
}

/** Decodes back-to-back frames in bytes[offset, end). */
export function decodeWsFrames(bytes: Uint8Array, offset = 0, end = bytes.length): WsFrameDecoded[] {
  const data = bytes.subarray(0, end);
  const out: WsFrameDecoded[] = [];
  for (let p = offset; p < end; ) {
    const f = decodeWsFrame(data, p);
    out.push(f);
    p += f.length;
  }
  return out;
}

const OPCODE_NAMES: Record<number, [string, Text]> = {
  0: ['Continuation', t('앞 프레임에 이어지는 조각', 'continues the previous fragment')],
  1: ['Text', t('UTF-8 텍스트 메시지', 'a UTF-8 text message')],
  2: ['Binary', t('바이너리 메시지', 'a binary message')],
  8: ['Connection Close', t('연결을 닫자는 제어 프레임 (상태 코드 포함)', 'control frame that closes the connection (with a status code)')],
  9: ['Ping', t('살아 있는지 묻는 제어 프레임', 'control frame asking "are you there?"')],
  10: ['Pong', t('Ping에 대한 대답', 'the answer to a ping')],
};

export function describeWebSocket(bytes: Uint8Array, offset = 0, end = bytes.length): Layer {
  const fields: Field[] = [];
  const data = bytes.subarray(0, end);
  for (let s = offset; s < end; ) {
    const f = decodeWsFrame(data, s);
    const [opName, opMeaning] = OPCODE_NAMES[f.opcode] ?? ['Reserved', t('정의되지 않은 opcode', 'an undefined opcode')];
    const b1 = bytes[s + 1] & 0x7f;
    const kids: Field[] = [
      field('websocket.fin', 'Fin', f.fin ? 'True' : 'False', s, 1, { mask: 0x80, meaning: t('메시지의 마지막 조각', 'last fragment of the message') }),
      field('websocket.rsv', 'Reserved', hex8((bytes[s] >> 4) & 7), s, 1, { mask: 0x70, meaning: t('확장용 예약 비트 (압축 확장이 RSV1을 씀)', 'reserved for extensions (compression uses RSV1)') }),
      field('websocket.opcode', 'Opcode', `${opName} (${f.opcode})`, s, 1, { mask: 0x0f, meaning: opMeaning }),
      field('websocket.mask', 'Mask', f.mask ? 'True' : 'False', s + 1, 1, { mask: 0x80, meaning: t('클라이언트가 보낸 프레임은 반드시 마스킹함', 'frames from the client are always masked') }),
      field('websocket.payload_length', 'Payload length', b1, s + 1, 1, { mask: 0x7f, meaning: t('126이면 뒤 2바이트, 127이면 뒤 8바이트가 진짜 길이', '126: the real length is in the next 2 bytes; 127: in the next 8') }),
    ];
    if (b1 === 126) kids.push(field('websocket.payload_length_ext_16', 'Extended Payload length (16 bits)', f.payload.length, s + 2, 2));
    if (b1 === 127) kids.push(field('websocket.payload_length_ext_64', 'Extended Payload length (64 bits)', f.payload.length, s + 2, 8));
    if (f.mask) kids.push(field('websocket.masking_key', 'Masking-Key', toHex(f.mask), f.payloadOffset - 4, 4, {
      meaning: t('페이로드를 XOR로 가리는 4바이트 키: 중간 캐시가 오해하지 않게 함', '4-byte XOR key hiding the payload, so proxies cannot misread it'),
    }));
    if (f.payload.length) {
      const shown = f.opcode === 1 ? utf8Decode(f.payload) : toHex(f.payload.subarray(0, 32)) + (f.payload.length > 32 ? '…' : '');
      const pk: Field[] = [];
      if (f.opcode === 8 && f.payload.length >= 2) {
        const c = parseClosePayload(f.payload);
        pk.push(field('websocket.payload.close.status_code', 'Status code', c.code!, f.payloadOffset, 2, {
          meaning: t('닫는 이유 코드 (1000은 정상 종료)', 'why it closes (1000 = normal closure)'),
        }));
        if (c.reason) pk.push(field('websocket.payload.close.reason', 'Reason', c.reason, f.payloadOffset + 2, f.payload.length - 2));
      }
      kids.push(field(f.mask ? 'websocket.masked_payload' : 'websocket.payload', f.mask ? 'Masked payload (shown unmasked)' : 'Payload', shown, f.payloadOffset, f.payload.length, pk.length ? { children: pk } : {}));
    }
    fields.push(field('websocket.frame', `${opName}${f.fin ? '' : ' (fragment)'}`, `${f.payload.length} bytes`, s, f.length, {
      children: kids,
      meaning: opMeaning,
    }));
    s += f.length;
  }
  return { key: 'websocket', title: 'WebSocket', offset, length: end - offset, fields };
}
