import { describe, expect, it } from 'vitest';
import { createRandom, type Random } from '../core/random';
import { concat, fromHex, latin1Decode, toHex } from './bytes';
import { findField, findFields } from './fields';
import { HpackDecoder } from './hpack';
import {
  decodeFrameHeader, decodeHttp2, decodeHttp2Frame, describeHttp2, encodeHttp2, encodeHttp2Frame, HTTP2_PREFACE, type Http2Frame,
} from './http2';

describe('HTTP/2 framing', () => {
  it('the client preface is the 24 magic octets', () => {
    expect(toHex(HTTP2_PREFACE)).toBe('505249202a20485454502f322e300d0a0d0a534d0d0a0d0a');
    expect(latin1Decode(HTTP2_PREFACE)).toBe('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n');
  });

  it('frame header: 24-bit length, type, flags, R + 31-bit stream id', () => {
    const h = decodeFrameHeader(fromHex('0102030104ffffffff'));
    expect(h).toEqual({ length: 0x010203, type: 1, flags: 4, reserved: true, streamId: 0x7fffffff });
  });

  it('SETTINGS and SETTINGS ACK', () => {
    const s = encodeHttp2Frame({ type: 'SETTINGS', settings: [[3, 100], [4, 65535]] });
    // length 12, type 4, flags 0, stream 0; MAX_CONCURRENT_STREAMS=100, INITIAL_WINDOW_SIZE=65535
    expect(toHex(s)).toBe('00000c040000000000' + '000300000064' + '00040000ffff');
    expect(toHex(encodeHttp2Frame({ type: 'SETTINGS', ack: true, settings: [] }))).toBe('000000040100000000');
    expect(() => decodeHttp2Frame(fromHex('000005040000000000aabbccddee'))).toThrow(/multiple of 6/);
  });

  it('HEADERS carrying the RFC 7541 C.3.1 block, END_STREAM | END_HEADERS', () => {
    const block = fromHex('828684410f7777772e6578616d706c652e636f6d');
    const f = encodeHttp2Frame({ type: 'HEADERS', streamId: 1, endStream: true, endHeaders: true, headerBlock: block });
    expect(toHex(f.subarray(0, 9))).toBe('000014010500000001');
    const layer = describeHttp2(f, 0, f.length, new HpackDecoder());
    expect(findFields([layer], 'http2.header').map((x) => x.name)).toEqual([':method: GET', ':scheme: http', ':path: /', ':authority: www.example.com']);
    expect(findField([layer], 'http2.flags.end_stream')).toMatchObject({ value: 'Set', mask: 1, offset: 4 });
    expect(findField([layer], 'http2.flags.eh')).toMatchObject({ value: 'Set', mask: 4 });
    expect(findField([layer], 'http2.header_block_fragment')).toMatchObject({ offset: 9, length: 20 });
    expect(findFields([layer], 'http2.header')[3]).toMatchObject({ offset: 12, length: 17 });
  });

  it('HEADERS with PADDED and PRIORITY flags parsed', () => {
    const f: Http2Frame = { type: 'HEADERS', streamId: 3, endHeaders: true, padLength: 2, priority: { exclusive: true, dependency: 1, weight: 16 }, headerBlock: fromHex('82') };
    const b = encodeHttp2Frame(f);
    // length 1 (pad len) + 5 (priority) + 1 (block) + 2 (padding) = 9; flags PRIORITY|PADDED|END_HEADERS = 0x2c
    expect(toHex(b)).toBe('00000901' + '2c' + '00000003' + '02' + '80000001' + '0f' + '82' + '0000');
    expect(decodeHttp2Frame(b).frame).toEqual({ ...f, endStream: false });
    expect(() => decodeHttp2Frame(fromHex('00000100080000000105'))).toThrow(/padding/);
  });

  it('the other frame types', () => {
    const frames: [Http2Frame, string][] = [
      [{ type: 'DATA', streamId: 1, endStream: true, data: fromHex('6869') }, '000002000100000001' + '6869'],
      [{ type: 'PRIORITY', streamId: 5, exclusive: false, dependency: 3, weight: 256 }, '000005020000000005' + '00000003ff'],
      [{ type: 'RST_STREAM', streamId: 1, errorCode: 8 }, '000004030000000001' + '00000008'],
      [{ type: 'PUSH_PROMISE', streamId: 1, endHeaders: true, promisedStreamId: 2, headerBlock: fromHex('82') }, '000005050400000001' + '00000002' + '82'],
      [{ type: 'PING', ack: true, data: fromHex('0102030405060708') }, '000008060100000000' + '0102030405060708'],
      [{ type: 'GOAWAY', lastStreamId: 7, errorCode: 0, debugData: fromHex('6f6b') }, '00000a070000000000' + '00000007' + '00000000' + '6f6b'],
      [{ type: 'WINDOW_UPDATE', streamId: 0, increment: 0x7fffffff }, '000004080000000000' + '7fffffff'],
      [{ type: 'CONTINUATION', streamId: 1, endHeaders: true, headerBlock: fromHex('84') }, '000001090400000001' + '84'],
      [{ type: 'UNKNOWN', typeCode: 0xfa, flags: 0x33, streamId: 9, payload: fromHex('00') }, '000001fa3300000009' + '00'],
    ];
    for (const [frame, hex] of frames) {
      const b = encodeHttp2Frame(frame);
      expect(toHex(b), frame.type).toBe(hex);
      expect(decodeHttp2Frame(b).frame, frame.type).toEqual(frame);
    }
    expect(() => encodeHttp2Frame({ type: 'WINDOW_UPDATE', streamId: 0, increment: 0 })).toThrow();
    expect(() => decodeHttp2Frame(fromHex('000003060000000000010203'))).toThrow(/8 bytes/);
  });

  it('decodes and describes a connection start after the preface', () => {
    const wire = concat(HTTP2_PREFACE, encodeHttp2([{ type: 'SETTINGS', settings: [[1, 4096]] }, { type: 'WINDOW_UPDATE', streamId: 0, increment: 1000 }]));
    const d = decodeHttp2(wire);
    expect(d.preface).toBe(true);
    expect(d.frames.map((f) => f.type)).toEqual(['SETTINGS', 'WINDOW_UPDATE']);
    const layer = describeHttp2(wire, 0);
    expect(findField([layer], 'http2.magic')).toMatchObject({ offset: 0, length: 24 });
    expect(findField([layer], 'http2.settings.id')).toMatchObject({ value: 'HEADER_TABLE_SIZE (1)', offset: 24 + 9 });
    expect(findField([layer], 'http2.window_update.window_size_increment')!.value).toBe('1000');
    expect(() => decodeHttp2(wire.subarray(0, wire.length - 1))).toThrow(/past the end/);
  });
});

function randomFrame(r: Random): Http2Frame {
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => r.int(0, 255));
  const sid = () => r.int(1, 0x7fffffff);
  const pad = () => (r.chance(0.3) ? r.int(0, 20) : undefined);
  const withPad = <T extends object>(f: T, p: number | undefined) => (p === undefined ? f : { ...f, padLength: p });
  switch (r.int(0, 9)) {
    case 0: return withPad({ type: 'DATA' as const, streamId: sid(), endStream: r.chance(0.5), data: bytes(r.int(0, 50)) }, pad());
    case 1: {
      const f: Http2Frame = withPad({ type: 'HEADERS' as const, streamId: sid(), endStream: r.chance(0.5), endHeaders: r.chance(0.5), headerBlock: bytes(r.int(0, 30)) }, pad());
      return r.chance(0.5) ? { ...f, priority: { exclusive: r.chance(0.5), dependency: r.int(0, 0x7fffffff), weight: r.int(1, 256) } } : f;
    }
    case 2: return { type: 'PRIORITY', streamId: sid(), exclusive: r.chance(0.5), dependency: r.int(0, 0x7fffffff), weight: r.int(1, 256) };
    case 3: return { type: 'RST_STREAM', streamId: sid(), errorCode: r.u32() };
    case 4: return r.chance(0.3) ? { type: 'SETTINGS', ack: true, settings: [] } : { type: 'SETTINGS', ack: false, settings: Array.from({ length: r.int(0, 6) }, () => [r.int(0, 0xffff), r.u32()] as [number, number]) };
    case 5: return withPad({ type: 'PUSH_PROMISE' as const, streamId: sid(), endHeaders: r.chance(0.5), promisedStreamId: r.int(0, 0x7fffffff), headerBlock: bytes(r.int(0, 30)) }, pad());
    case 6: return { type: 'PING', ack: r.chance(0.5), data: bytes(8) };
    case 7: return { type: 'GOAWAY', lastStreamId: r.int(0, 0x7fffffff), errorCode: r.int(0, 13), debugData: bytes(r.int(0, 10)) };
    case 8: return { type: 'WINDOW_UPDATE', streamId: r.int(0, 0x7fffffff), increment: r.int(1, 0x7fffffff) };
    default: return { type: 'CONTINUATION', streamId: sid(), endHeaders: r.chance(0.5), headerBlock: bytes(r.int(0, 30)) };
  }
}

describe('HTTP/2 round trips', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const frames = Array.from({ length: r.int(1, 6) }, () => randomFrame(r));
      const wire = concat(...(r.chance(0.5) ? [HTTP2_PREFACE] : []), encodeHttp2(frames));
      const d = decodeHttp2(wire);
      expect(d.frames).toEqual(frames);
      let p = d.preface ? 24 : 0;
      for (const f of frames) {
        const h = decodeFrameHeader(wire, p);
        expect(h.length).toBe(encodeHttp2Frame(f).length - 9);
        p += 9 + h.length;
      }
      expect(p).toBe(wire.length);
      expect(describeHttp2(wire).fields.filter((f) => f.key === 'http2.stream')).toHaveLength(frames.length);
    });
  }
});
