/**
 * Outside judge: a full TLS 1.3 handshake and one HTTP/1.1 request/response
 * over TCP, written as a pcap; tshark must decrypt it with our key log, see
 * the GET and the 200, dissect the certificates, and report nothing malformed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFrame } from '../wire/frame';
import { writePcap } from '../wire/pcap';
import type { TcpFlags, TcpOption } from '../wire/tcp';
import { demoOptions } from './demo.fixture';
import { runHandshake, type HandshakeResult } from './handshake';

const CLIENT = '192.0.2.10';
const SERVER = '198.51.100.20';

/** Frames of one TCP connection with consistent sequence and acknowledgment numbers. */
function tcpFrames(result: HandshakeResult): Uint8Array[] {
  const frames: Uint8Array[] = [];
  const seq = { c: 0x1000, s: 0x9000 };
  const send = (from: 'c' | 's', flags: TcpFlags, payload: Uint8Array, options?: TcpOption[]) => {
    const client = from === 'c';
    frames.push(buildFrame({
      ip: { src: client ? CLIENT : SERVER, dst: client ? SERVER : CLIENT, id: frames.length },
      tcp: {
        srcPort: client ? 50000 : 443, dstPort: client ? 443 : 50000,
        seq: seq[from], ack: flags.ack ? seq[client ? 's' : 'c'] : 0, flags, window: 64240, options,
      },
      payload,
    }).bytes);
    seq[from] = (seq[from] + payload.length + (flags.syn ? 1 : 0) + (flags.fin ? 1 : 0)) >>> 0;
  };
  send('c', { syn: true }, new Uint8Array(0), [{ kind: 'mss', value: 1460 }]);
  send('s', { syn: true, ack: true }, new Uint8Array(0), [{ kind: 'mss', value: 1460 }]);
  send('c', { ack: true }, new Uint8Array(0));
  for (const r of result.records) send(r.from === 'client' ? 'c' : 's', { ack: true, psh: true }, r.bytes);
  send('c', { ack: true, fin: true }, new Uint8Array(0));
  send('s', { ack: true, fin: true }, new Uint8Array(0));
  send('c', { ack: true }, new Uint8Array(0));
  return frames;
}

type Layers = Record<string, unknown>;

/** Every value of a field anywhere in a packet's tree. */
function values(node: unknown, key: string, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => values(n, key, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === key) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(typeof x === 'string' ? x : JSON.stringify(x)));
      values(v, key, out);
    }
  }
  return out;
}

function tsharkAvailable(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('tshark decrypts our TLS 1.3 with the NSS key log', () => {
  let dir = '';
  let pcap = '';
  let keylog = '';
  let packets: Layers[] = [];
  const result = runHandshake(demoOptions({ alpn: ['http/1.1'] }));
  const checks = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];
  const read = (extra: string[]) => {
    const json = execFileSync('tshark', ['-r', pcap, ...checks, ...extra, '-T', 'json', '--no-duplicate-keys'], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
    return (JSON.parse(json) as { _source: { layers: Layers } }[]).map((p) => p._source.layers);
  };

  beforeAll(() => {
    if (!tsharkAvailable()) throw new Error('tshark is not on PATH: install it with `apt-get install -y tshark`');
    dir = mkdtempSync(join(tmpdir(), 'tls13-tshark-'));
    pcap = join(dir, 'https.pcap');
    keylog = join(dir, 'keys.log');
    writeFileSync(pcap, writePcap(tcpFrames(result).map((bytes, i) => ({ tMs: 1000 + i * 10, bytes }))));
    writeFileSync(keylog, result.keylog);
    packets = read(['-o', `tls.keylog_file:${keylog}`]);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the handshake itself succeeded', () => {
    expect(result.ok).toBe(true);
    expect(result.alpn).toBe('http/1.1');
  });

  it('finds nothing malformed and no error-level expert info', () => {
    expect(packets.length).toBe(3 + result.records.length + 3);
    packets.forEach((p, i) => {
      expect(values(p, '_ws.malformed'), `packet ${i + 1}`).toEqual([]);
      expect(values(p, '_ws.expert.severity').filter((s) => Number(s) >= 8388608), `packet ${i + 1}: ${values(p, '_ws.expert.message')}`).toEqual([]);
    });
    const stats = execFileSync('tshark', ['-r', pcap, ...checks, '-o', `tls.keylog_file:${keylog}`, '-q', '-z', 'expert,error'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    expect(stats).not.toMatch(/Errors \(\d+\)/);
  });

  it('decrypts the server flight: EncryptedExtensions, Certificate, CertificateVerify, Finished, then the client Finished', () => {
    const types = packets.flatMap((p) => values(p, 'tls.handshake.type'));
    expect(types).toEqual(['1', '2', '8', '11', '15', '20', '20']);
    expect(packets.flatMap((p) => values(p, 'tls.handshake.extensions_alpn_str'))).toContain('http/1.1');
    expect(packets.flatMap((p) => values(p, 'tls.handshake.sig_hash_alg'))).toContain('0x0403');
  });

  it('dissects the X.509 chain: SAN www.example.com, leaf and intermediate', () => {
    expect(packets.flatMap((p) => values(p, 'x509ce.dNSName'))).toEqual(['www.example.com']);
    const certs = packets.flatMap((p) => values(p, 'tls.handshake.certificate_length'));
    expect(certs).toHaveLength(2);
  });

  it('shows the decrypted HTTP/1.1 GET and the 200 response', () => {
    expect(packets.flatMap((p) => values(p, 'http.request.method'))).toEqual(['GET']);
    expect(packets.flatMap((p) => values(p, 'http.host'))).toEqual(['www.example.com']);
    expect(packets.flatMap((p) => values(p, 'http.response.code'))).toEqual(['200']);
  });

  it('without the key log, the same capture shows no HTTP (so it really was decryption)', () => {
    const sealed = read([]);
    expect(sealed.flatMap((p) => values(p, 'http.request.method'))).toEqual([]);
    expect(sealed.flatMap((p) => values(p, 'tls.handshake.type'))).toEqual(['1', '2']);
  });
});
