import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { asciiEncode, latin1Decode, toHex } from './bytes';
import { findField, findFields } from './fields';
import { decodeHttp1, describeHttp1, encodeHttp1, type HttpMessage } from './http1';

describe('HTTP/1.1 text', () => {
  it('encodes a request exactly, CRLF everywhere', () => {
    const b = encodeHttp1({ kind: 'request', method: 'GET', target: '/index.html', headers: [['Host', 'example.com'], ['Accept', '*/*']] });
    expect(latin1Decode(b)).toBe('GET /index.html HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\n\r\n');
  });
  it('encodes a response with a body', () => {
    const b = encodeHttp1({ kind: 'response', status: 200, reason: 'OK', headers: [['Content-Length', '2']], body: asciiEncode('hi') });
    expect(latin1Decode(b)).toBe('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi');
  });
  it('parses, trimming optional whitespace, bounded by Content-Length', () => {
    const m = decodeHttp1(asciiEncode('HTTP/1.1 404 Not Found\r\ncontent-length:  3 \r\nX-A:b\r\n\r\nabcEXTRA'));
    expect(m).toMatchObject({ kind: 'response', version: 'HTTP/1.1', status: 404, reason: 'Not Found', headers: [['content-length', '3'], ['X-A', 'b']] });
    expect(latin1Decode(m.body)).toBe('abc');
  });
  it('rejects malformed messages', () => {
    expect(() => decodeHttp1(asciiEncode('GET / HTTP/1.1\r\nHost: x\r\n'))).toThrow(/empty line/);
    expect(() => decodeHttp1(asciiEncode('GET / HTTP/1.1\r\nno colon\r\n\r\n'))).toThrow(/header/);
    expect(() => decodeHttp1(asciiEncode('GET /\r\n\r\n'))).toThrow(/start line/);
    expect(() => decodeHttp1(asciiEncode('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc'))).toThrow(/Content-Length/);
    expect(() => encodeHttp1({ kind: 'request', method: 'GET', target: '/', headers: [['Bad Name', 'x']] })).toThrow();
    expect(() => encodeHttp1({ kind: 'request', method: 'GET', target: '/', headers: [['X', 'a\r\nInjected: 1']] })).toThrow();
  });
  it('describes one field per header line with exact byte ranges', () => {
    const text = 'GET /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n\r\n';
    const b = asciiEncode(text);
    const layer = describeHttp1(b, 0);
    expect(layer.length).toBe(b.length);
    const lines = findFields([layer], 'http.request.line');
    expect(lines.map((f) => [f.name, f.value, f.offset, f.length])).toEqual([
      ['Host', 'server.example.com', 20, 26],
      ['Upgrade', 'websocket', 46, 20],
    ]);
    expect(lines[0].meaning!.ko.length).toBeGreaterThan(0);
    expect(findField([layer], 'http.request.method')).toMatchObject({ value: 'GET', offset: 0, length: 3 });
    expect(findField([layer], 'http.request.uri')).toMatchObject({ value: '/chat', offset: 4, length: 5 });
    expect(findField([layer], 'http.request.version')).toMatchObject({ value: 'HTTP/1.1', offset: 10, length: 8 });
  });
});

describe('HTTP/1.1 round trips', () => {
  const tokens = ['Host', 'Accept', 'X-Id', 'Content-Type', 'Cache-Control', 'Upgrade'];
  for (let seed = 1; seed <= 30; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const body = Uint8Array.from({ length: r.int(0, 50) }, () => r.int(0, 255));
      const headers: [string, string][] = Array.from({ length: r.int(0, 6) }, () => [
        tokens[r.int(0, tokens.length - 1)],
        String.fromCharCode(...Array.from({ length: r.int(1, 20) }, () => r.int(33, 126))),
      ]);
      headers.push(['Content-Length', String(body.length)]);
      const m: HttpMessage = r.chance(0.5)
        ? { kind: 'request', method: ['GET', 'POST', 'PUT'][r.int(0, 2)], target: '/p/' + r.int(0, 999), version: 'HTTP/1.1', headers, body }
        : { kind: 'response', status: r.int(100, 599), reason: ['OK', 'Not Found', 'Switching Protocols'][r.int(0, 2)], version: 'HTTP/1.1', headers, body };
      const wire = encodeHttp1(m);
      const d = decodeHttp1(wire);
      expect({ ...d, body: toHex(d.body) }).toEqual({ ...m, body: toHex(body) });
      expect(toHex(encodeHttp1(d))).toBe(toHex(wire));
      expect(describeHttp1(wire).length).toBe(wire.length);
    });
  }
});
