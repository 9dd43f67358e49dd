import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { asciiEncode, fromHex, toHex } from './bytes';
import { findField, findFields } from './fields';
import { closePayload, decodeWsFrame, decodeWsFrames, describeWebSocket, encodeWsFrame, parseClosePayload, websocketAccept, WS_OPCODE, type WsFrame } from './websocket';

const hello = asciiEncode('Hello');
const MASK = fromHex('37fa213d');

describe('RFC 6455 §1.3 handshake', () => {
  it('accept key for the sample nonce', () => {
    expect(websocketAccept('dGhlIHNhbXBsZSBub25jZQ==')).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });
});

describe('RFC 6455 §5.7 examples', () => {
  it('single-frame unmasked text "Hello"', () => {
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.text, payload: hello });
    expect(toHex(b)).toBe('810548656c6c6f');
    const f = decodeWsFrame(b);
    expect([f.fin, f.opcode, f.mask, toHex(f.payload), f.length]).toEqual([true, 1, undefined, toHex(hello), 7]);
  });
  it('single-frame masked text "Hello"', () => {
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.text, mask: MASK, payload: hello });
    expect(toHex(b)).toBe('818537fa213d7f9f4d5158');
    const f = decodeWsFrame(b);
    expect([toHex(f.mask!), toHex(f.payload)]).toEqual(['37fa213d', toHex(hello)]);
  });
  it('fragmented unmasked text "Hel" + "lo"', () => {
    const b = new Uint8Array([
      ...encodeWsFrame({ fin: false, opcode: WS_OPCODE.text, payload: asciiEncode('Hel') }),
      ...encodeWsFrame({ fin: true, opcode: WS_OPCODE.continuation, payload: asciiEncode('lo') }),
    ]);
    expect(toHex(b)).toBe('010348656c' + '80026c6f');
    expect(decodeWsFrames(b).map((f) => [f.fin, f.opcode])).toEqual([[false, 1], [true, 0]]);
  });
  it('unmasked ping and masked pong', () => {
    expect(toHex(encodeWsFrame({ fin: true, opcode: WS_OPCODE.ping, payload: hello }))).toBe('890548656c6c6f');
    expect(toHex(encodeWsFrame({ fin: true, opcode: WS_OPCODE.pong, mask: MASK, payload: hello }))).toBe('8a8537fa213d7f9f4d5158');
  });
  it('256 bytes of binary uses the 16-bit length', () => {
    const payload = Uint8Array.from({ length: 256 }, (_, i) => i);
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.binary, payload });
    expect(toHex(b.subarray(0, 4))).toBe('827e0100');
    expect(b.length).toBe(4 + 256);
    expect(toHex(decodeWsFrame(b).payload)).toBe(toHex(payload));
  });
  it('64 KiB of binary uses the 64-bit length', () => {
    const payload = new Uint8Array(65536).fill(0xab);
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.binary, payload });
    expect(toHex(b.subarray(0, 10))).toBe('827f0000000000010000');
    expect(b.length).toBe(10 + 65536);
    expect(decodeWsFrame(b).payload.length).toBe(65536);
  });
  it('125/126 and 65535/65536 boundaries', () => {
    const len = (n: number) => encodeWsFrame({ fin: true, opcode: 2, payload: new Uint8Array(n) }).length - n;
    expect([len(125), len(126), len(65535), len(65536)]).toEqual([2, 4, 4, 10]);
  });
});

describe('close frames and validation', () => {
  it('close with status code and reason', () => {
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.close, payload: closePayload(1000, 'bye') });
    expect(toHex(b)).toBe('880503e8627965');
    expect(parseClosePayload(decodeWsFrame(b).payload)).toEqual({ code: 1000, reason: 'bye' });
    const layer = describeWebSocket(b);
    expect(findField([layer], 'websocket.payload.close.status_code')).toMatchObject({ value: '1000', offset: 2, length: 2 });
  });
  it('rejects oversized or fragmented control frames, bad masks, MSB-set 64-bit lengths, truncation', () => {
    expect(() => encodeWsFrame({ fin: true, opcode: WS_OPCODE.ping, payload: new Uint8Array(126) })).toThrow(/125/);
    expect(() => encodeWsFrame({ fin: false, opcode: WS_OPCODE.close, payload: new Uint8Array(0) })).toThrow();
    expect(() => encodeWsFrame({ fin: true, opcode: 1, mask: new Uint8Array(3), payload: hello })).toThrow(/4 bytes/);
    expect(() => decodeWsFrame(fromHex('827f8000000000000001'))).toThrow(/most significant/);
    expect(() => decodeWsFrame(fromHex('8105486565'))).toThrow(/past the end/);
  });
  it('describes header bits with masks and the masking key', () => {
    const b = encodeWsFrame({ fin: true, opcode: WS_OPCODE.text, mask: MASK, payload: hello });
    const layer = describeWebSocket(b, 0);
    expect(findField([layer], 'websocket.opcode')).toMatchObject({ mask: 0x0f, value: 'Text (1)' });
    expect(findField([layer], 'websocket.masking_key')).toMatchObject({ offset: 2, length: 4, value: '37fa213d' });
    expect(findField([layer], 'websocket.masked_payload')).toMatchObject({ offset: 6, length: 5, value: 'Hello' });
    expect(findFields([layer], 'websocket.frame')).toHaveLength(1);
  });
});

describe('WebSocket round trips', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const opcode = [0, 1, 2, 8, 9, 10, 3][r.int(0, 6)];
      const control = opcode >= 8;
      const size = control ? r.int(0, 125) : [r.int(0, 125), r.int(126, 70000), 65535, 65536][r.int(0, 3)];
      const f: WsFrame = {
        fin: control || r.chance(0.5), rsv1: r.chance(0.2), rsv2: r.chance(0.2), rsv3: r.chance(0.2), opcode,
        payload: Uint8Array.from({ length: size }, () => r.int(0, 255)),
      };
      if (r.chance(0.5)) f.mask = Uint8Array.from({ length: 4 }, () => r.int(0, 255));
      const b = encodeWsFrame(f);
      const d = decodeWsFrame(b);
      expect(d.length).toBe(b.length);
      expect({ ...d, payload: toHex(d.payload), mask: d.mask && toHex(d.mask), length: 0, payloadOffset: 0 })
        .toEqual({ ...f, payload: toHex(f.payload), mask: f.mask && toHex(f.mask), length: 0, payloadOffset: 0 });
      // on the wire, byte i of a masked payload is payload[i] XOR mask[i mod 4]
      const wire = b.subarray(b.length - size);
      const expected = f.mask ? f.payload.map((x, i) => x ^ f.mask![i % 4]) : f.payload;
      expect(toHex(wire)).toBe(toHex(expected));
    });
  }
});
