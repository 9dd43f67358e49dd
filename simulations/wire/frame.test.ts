import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { asciiEncode, concat, toHex } from './bytes';
import { encodeDns } from './dns';
import { walkFields, findField, type Dissection, type Field } from './fields';
import { buildFrame, dissect, encodeFrame, macForIp, type AppProtocol, type FrameSpec } from './frame';
import { HpackEncoder } from './hpack';
import { encodeHttp1 } from './http1';
import { encodeHttp2, HTTP2_PREFACE } from './http2';
import { encodeClientHello, encodeTlsRecord } from './tls';
import { encodeWsFrame } from './websocket';

const IP = { src: '192.0.2.10', dst: '198.51.100.20' };

/** Layers tile the frame in order and every field stays inside its layer. */
function checkLayout(d: Dissection) {
  let at = 0;
  for (const layer of d.layers) {
    expect(layer.offset, `${layer.key} starts where the previous ended`).toBe(at);
    at += layer.length;
    for (const f of walkFields([layer])) {
      expect(f.offset, `${f.key} offset`).toBeGreaterThanOrEqual(layer.offset);
      expect(f.offset + f.length, `${f.key} end`).toBeLessThanOrEqual(layer.offset + layer.length);
      if (f.meaning) {
        expect(f.meaning.ko.length).toBeGreaterThan(0);
        expect(f.meaning.en.length).toBeGreaterThan(0);
      }
    }
  }
  expect(at).toBe(d.bytes.length);
}

describe('buildFrame', () => {
  it('nests Ethernet → IPv4 → TCP for a SYN with default MACs', () => {
    const d = buildFrame({ ip: { ...IP, id: 1 }, tcp: { srcPort: 49152, dstPort: 80, seq: 100, ack: 0, flags: { syn: true }, window: 64240, options: [{ kind: 'mss', value: 1460 }] }, payload: new Uint8Array(0) });
    expect(d.layers.map((l) => l.key)).toEqual(['eth', 'ip', 'tcp']);
    expect(findField(d.layers, 'eth.src')!.value).toBe('02:00:c0:00:02:0a');
    expect(macForIp('198.51.100.20')).toBe('02:00:c6:33:64:14');
    expect(findField(d.layers, 'ip.proto')!.value).toBe('TCP (6)');
    expect(findField(d.layers, 'ip.checksum')!.value).toMatch(/\[correct\]/);
    expect(findField(d.layers, 'tcp.checksum')!.value).toMatch(/\[correct\]/);
    expect(findField(d.layers, 'tcp.flags.syn')).toMatchObject({ offset: 14 + 20 + 12, value: 'Set' });
    expect(d.bytes.length).toBe(14 + 20 + 24);
    checkLayout(d);
  });

  it('describes a DNS query over UDP, and dissect() finds it again by port', () => {
    const payload = encodeDns({ id: 0xbeef, qr: false, rd: true, questions: [{ name: 'example.com', type: 'A' }] });
    const d = buildFrame({ ip: IP, udp: { srcPort: 53000, dstPort: 53 }, payload, app: 'dns' });
    expect(d.layers.map((l) => l.key)).toEqual(['eth', 'ip', 'udp', 'dns']);
    expect(findField(d.layers, 'dns.qry.name')).toMatchObject({ value: 'example.com', offset: 14 + 20 + 8 + 12 });
    expect(dissect(d.bytes).layers.map((l) => l.key)).toEqual(['eth', 'ip', 'udp', 'dns']);
    checkLayout(d);
  });

  it('shows an unknown payload as data, a broken one as malformed, and a trailer', () => {
    const spec: FrameSpec = { ip: IP, udp: { srcPort: 1, dstPort: 2 }, payload: asciiEncode('xyz') };
    expect(buildFrame(spec).layers.map((l) => l.key)).toEqual(['eth', 'ip', 'udp', 'data']);
    const bad = buildFrame({ ...spec, app: 'dns' });
    expect(bad.layers[3].key).toBe('malformed');
    expect(findField(bad.layers, '_ws.malformed')!.value).toMatch(/DNS/);
    const padded = concat(encodeFrame(spec), new Uint8Array(10));
    const d = dissect(padded);
    expect(d.layers.map((l) => l.key)).toEqual(['eth', 'ip', 'udp', 'data', 'eth.trailer']);
    checkLayout(d);
  });

  it('requires exactly one transport', () => {
    expect(() => buildFrame({ ip: IP, payload: new Uint8Array(0) })).toThrow(/exactly one/);
  });
});

function appPayload(app: AppProtocol, seed: number): Uint8Array {
  const r = createRandom(seed);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => r.int(0, 255));
  switch (app) {
    case 'dns': return encodeDns({ id: r.int(0, 0xffff), qr: true, questions: [{ name: 'a.example', type: 'AAAA' }], answers: [{ name: 'a.example', type: 'AAAA', ttl: 30, address: '2001:db8::' + r.int(1, 0xffff).toString(16) }] });
    case 'http': return encodeHttp1({ kind: 'request', method: 'GET', target: '/' + r.int(0, 99), headers: [['Host', 'example.com']] });
    case 'http2': return concat(HTTP2_PREFACE, encodeHttp2([
      { type: 'SETTINGS', settings: [[3, r.int(1, 1000)]] },
      { type: 'HEADERS', streamId: 1, endHeaders: true, endStream: true, headerBlock: new HpackEncoder().encode([{ name: ':method', value: 'GET' }, { name: ':path', value: '/' + r.int(0, 99) }]) },
    ]));
    case 'tls': return encodeTlsRecord({ type: 22, version: 0x0301, fragment: encodeClientHello({ random: bytes(32), cipherSuites: [0x1301], extensions: [{ type: 'server_name', host: 'example.com' }] }) });
    case 'websocket': return encodeWsFrame({ fin: true, opcode: 1, mask: bytes(4), payload: asciiEncode('hi ' + seed) });
  }
}

describe('frames for every app protocol', () => {
  const apps: AppProtocol[] = ['dns', 'http', 'http2', 'tls', 'websocket'];
  for (let seed = 1; seed <= 25; seed++) {
    it(`round-trips seed ${seed}`, () => {
      const r = createRandom(seed);
      const app = apps[seed % apps.length];
      const payload = appPayload(app, seed);
      const spec: FrameSpec = app === 'dns'
        ? { ip: { ...IP, id: r.int(0, 0xffff), ttl: r.int(1, 255) }, udp: { srcPort: r.int(1024, 65535), dstPort: 53 }, payload, app }
        : { ip: { ...IP, id: r.int(0, 0xffff) }, tcp: { srcPort: r.int(1024, 65535), dstPort: 443, seq: r.u32(), ack: r.u32(), flags: { ack: true, psh: true }, window: r.int(0, 0xffff) }, payload, app };
      const d = buildFrame(spec);
      expect(d.layers.map((l) => l.key)).toEqual(['eth', 'ip', app === 'dns' ? 'udp' : 'tcp', app]);
      checkLayout(d);
      // dissect with the same app hint gives the same tree
      expect(dissect(d.bytes, { app })).toEqual(d);
      // the payload bytes sit at the app layer's offset
      const last = d.layers[3];
      expect(toHex(d.bytes.subarray(last.offset, last.offset + last.length))).toBe(toHex(payload));
      const flat: Field[] = [...walkFields(d.layers)];
      expect(flat.every((f) => f.offset + f.length <= d.bytes.length)).toBe(true);
    });
  }
});
