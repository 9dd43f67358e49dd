import { describe, expect, it } from 'vitest';
import { capture } from '../../capture';
import { withScenes, type MessageEntity } from '../../core/timeline';
import type { CountersEntity } from '../../figures/panels';
import { bytesEqual, latin1Decode, toHex } from '../../wire/bytes';
import { open12, prf12, pSha256, runHttps, runPlainHttp, runTls12, runTls13 } from '../../https';
import scenario from '.';
import { FORM, HOST, loginRequest, loginResponse, PASSWORD } from './messages';

const SEEDS = [1, 2, 3, 7, 42, 1234, 99999];
const CERTS = ['valid', 'expired', 'wrong-host', 'self-signed'] as const;
const VERSIONS = ['1.3', '1.2'] as const;
const tlsOpts = (seed: number, cert: (typeof CERTS)[number] = 'valid') => ({ seed, serverName: HOST, alpn: ['http/1.1'], cert, request: loginRequest(true), response: loginResponse(true, seed) });

describe('http-https engine', () => {
  it('the eavesdropper copies exactly the bytes on the wire, and every data segment', () => {
    for (const seed of SEEDS.slice(0, 4)) {
      for (const version of VERSIONS) {
        const r = runHttps({ ...tlsOpts(seed), version, eavesdropper: true });
        const data = r.conn.trace.wires.filter((w) => w.to !== 'eve' && w.msg.bytes.length > 0);
        expect(r.conn.captured.length).toBe(data.length);
        r.conn.captured.forEach((c, i) => {
          expect(bytesEqual(c.bytes, data[i].msg.bytes)).toBe(true);
          expect(c.seq).toBe(data[i].msg.seg.seq);
        });
        // The TCP stream of each direction reassembles to the TLS records in order.
        for (const side of ['client', 'server'] as const) {
          const stream = data.filter((w) => w.from === side).map((w) => toHex(w.msg.bytes)).join('');
          expect(stream).toBe(r.tls.records.filter((x) => x.from === side).map((x) => toHex(x.bytes)).join(''));
        }
      }
    }
  });

  it('both sides compute the same shared secret and the same keys (TLS 1.3 and 1.2)', () => {
    for (const seed of SEEDS) {
      for (const run of [runTls13(tlsOpts(seed)), runTls12(tlsOpts(seed))]) {
        expect(run.sharedSecret.client).toBeDefined();
        expect(toHex(run.sharedSecret.client!)).toBe(toHex(run.sharedSecret.server!));
        for (const [k, v] of Object.entries(run.secrets.client)) expect(toHex(v), k).toBe(toHex(run.secrets.server[k]));
      }
    }
  });

  it('a different seed gives different keys and randoms', () => {
    expect(toHex(runTls13(tlsOpts(1)).sharedSecret.client!)).not.toBe(toHex(runTls13(tlsOpts(2)).sharedSecret.client!));
  });

  it('TLS 1.2 PRF: P_SHA256 matches the published test vector', () => {
    // The widely used TLS 1.2 PRF (SHA-256) vector posted to the IETF TLS list (secret 9bbe…, label "test label").
    const secret = Uint8Array.from([0x9b, 0xbe, 0x43, 0x6b, 0xa9, 0x40, 0xf0, 0x17, 0xb1, 0x76, 0x52, 0x84, 0x9a, 0x71, 0xdb, 0x35]);
    const seed = Uint8Array.from([0xa0, 0xba, 0x9f, 0x93, 0x6c, 0xda, 0x31, 0x18, 0x27, 0xa6, 0xf7, 0x96, 0xff, 0xd5, 0x19, 0x8c]);
    expect(toHex(prf12(secret, 'test label', seed, 100))).toBe('e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187347b66');
    expect(pSha256(secret, seed, 100).length).toBe(100);
  });

  it('TLS 1.2 records open with the receiver\'s own keys, and carry the request', () => {
    const r = runTls12(tlsOpts(5));
    const req = r.records[r.request!];
    // GCM refuses the record under the wrong key (the server's write key instead of the client's).
    expect(open12({ key: r.secrets.server.server_write_key, salt: new Uint8Array(4) }, 1, req.bytes)).toBeNull();
    expect(latin1Decode(req.plaintext)).toContain(FORM);
    expect(req.bytes[0]).toBe(23);
    expect(latin1Decode(req.bytes)).not.toContain(PASSWORD);
  });

  it('a bad certificate aborts before any application data, with the RFC 8446 §6.2 alert', () => {
    const want = { expired: 'certificate_expired', 'wrong-host': 'bad_certificate', 'self-signed': 'unknown_ca' } as const;
    for (const version of VERSIONS) {
      for (const cert of ['expired', 'wrong-host', 'self-signed'] as const) {
        const r = runHttps({ ...tlsOpts(3, cert), version, eavesdropper: false });
        expect(r.tls.failure?.alert.name, `${version} ${cert}`).toBe(want[cert]);
        expect(r.tls.records.some((x) => x.contentType === 23 && x.label === 'Application Data')).toBe(false);
        expect(r.tls.records[r.tls.records.length - 1].label).toBe(`Alert: ${want[cert]}`);
        // Nothing of the request ever leaves the client, in any form.
        const sent = r.conn.trace.wires.filter((w) => w.from === 'client').map((w) => latin1Decode(w.msg.bytes)).join('');
        expect(sent).not.toContain('POST');
        // The connection still closes cleanly.
        const last = r.conn.trace.entries[r.conn.trace.entries.length - 1].states.server as { tcb: { state: string } };
        expect(last.tcb.state).toBe('CLOSED');
      }
    }
  });

  it('plain HTTP: the password crosses the wire in clear, on port 80', () => {
    const c = runPlainHttp({ seed: 9, request: loginRequest(false), response: loginResponse(false, 9), eavesdropper: true });
    expect(latin1Decode(c.captured[0].bytes)).toContain(`pw=${PASSWORD}`);
    expect(c.ports.server).toBe(80);
  });
});

describe('http-https timeline', () => {
  it('is deterministic, with every key the page links to', () => {
    for (const version of VERSIONS) {
      const a = scenario.simulate({ protocol: 'https', tls: version }, 11);
      expect(JSON.stringify(a)).toBe(JSON.stringify(scenario.simulate({ protocol: 'https', tls: version }, 11)));
      const keys = a.steps.map((s) => s.key).filter(Boolean);
      for (const k of ['tcp-handshake', 'client-hello', 'server-hello', 'keys-handshake', 'certificate', 'cert-verify', 'finished', 'request', 'response', 'eavesdropper', 'close']) expect(keys, `${version} ${k}`).toContain(k);
      if (version === '1.3') expect(keys).toContain('encrypted-extensions');
      expect(new Set(keys).size).toBe(keys.length);
    }
    const bad = scenario.simulate({ cert: 'expired' }, 4);
    expect(bad.steps.map((s) => s.key)).toContain('alert');
    expect(bad.steps.map((s) => s.key)).not.toContain('request');
  });

  it('the keys table shows the shared secret equal on both sides once both hold it, and never for the eavesdropper', () => {
    for (const seed of SEEDS.slice(0, 3)) {
      for (const version of VERSIONS) {
        const tl = withScenes(scenario.simulate({ tls: version }, seed));
        const rows = tl.steps.map((s) => (s.scene.entities.keys as CountersEntity).rows[0]);
        const both = rows.findIndex((r) => r.values[0] !== '—' && r.values[1] !== '—');
        expect(both).toBeGreaterThan(0);
        expect(rows[both].values[0]).toBe(rows[both].values[1]);
        for (const s of tl.steps) for (const r of (s.scene.entities.keys as CountersEntity).rows) expect(r.values[2]).toBe('—');
        // Before the ClientHello arrives, nobody holds anything.
        const ch = tl.steps.findIndex((s) => s.key === 'client-hello');
        expect((tl.steps[ch].scene.entities.keys as CountersEntity).rows.every((r) => r.values[0] === '—' && r.values[1] === '—')).toBe(true);
        // TLS 1.3: the server has its keys when it sends the ServerHello; TLS 1.2: only after the ClientKeyExchange.
        const sh = tl.steps.findIndex((s) => s.key === 'server-hello');
        expect((tl.steps[sh].scene.entities.keys as CountersEntity).rows[0].values[1] !== '—').toBe(version === '1.3');
      }
    }
  });

  it('the chain table ticks every check when valid and shows the failing one otherwise', () => {
    const cell = (cert: string) => {
      const tl = withScenes(scenario.simulate({ cert }, 2));
      const at = tl.steps.find((s) => s.key === 'certificate')!;
      return (at.scene.entities.chain as CountersEntity).rows.map((r) => r.values.join(''));
    };
    expect(cell('valid')).toEqual(['✓✓✓', '✓✓✓', '✓✓✓']);
    expect(cell('expired')).toEqual(['✓✓✓', '✓✓✓', '✗✓✓']);
    expect(cell('wrong-host')).toEqual(['✓✓✓', '✓✓✓', '✓✓✗']);
    expect(cell('self-signed')).toEqual(['✓✗✓']);
  });

  it('the eavesdropper table shows the password over HTTP and never over HTTPS', () => {
    const last = (tl: ReturnType<typeof scenario.simulate>) => withScenes(tl).steps.at(-1)!.scene.entities['eve-copied'] as CountersEntity;
    expect(last(scenario.simulate({ protocol: 'http' }, 3)).rows[0].values[2]).toContain(`pw=${PASSWORD}`);
    for (const version of VERSIONS) {
      const rows = last(scenario.simulate({ protocol: 'https', tls: version }, 3)).rows;
      expect(rows[0].values[2]).toContain(HOST); // the SNI
      expect(rows.map((r) => r.values[2]).join(' ')).not.toContain(PASSWORD);
    }
  });

  it('every packet carries its real bytes: labels start with TCP flags, payloads are the records', () => {
    const tl = scenario.simulate({}, 8);
    const packets = capture(tl);
    expect(packets.length).toBeGreaterThan(20);
    const msgs = withScenes(tl).steps.at(-1)!.scene.entities;
    const data = Object.values(msgs).filter((e): e is MessageEntity => e.kind === 'message' && Boolean(e.packet && 'payloadHex' in e.packet.fields && e.packet.fields.payloadHex));
    expect(data[0].label).toMatch(/^PSH, ACK seq=\d+ ack=\d+ len=\d+ · ClientHello$/);
    expect(tl.tlsKeyLog).toMatch(/^CLIENT_HANDSHAKE_TRAFFIC_SECRET [0-9a-f]{64} [0-9a-f]{64}\n/);
  });
});
