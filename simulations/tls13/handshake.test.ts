import { describe, expect, it } from 'vitest';
import { concat, toHex } from '../wire/bytes';
import { decodeTls } from '../wire/tls';
import { daysFromCivil } from './der';
import { demoOptions } from './demo.fixture';
import { runHandshake, type WireRecord } from './handshake';
import { trafficKeys } from './keyschedule';
import { unprotectRecord } from './record';
import { buildDemoChain } from './x509';

const T0 = daysFromCivil(2025, 1, 1) * 86400;
const YEAR = 365 * 86400;

describe('runHandshake: a full, successful handshake', () => {
  const r = runHandshake(demoOptions());

  it('succeeds and both sides agree on every secret', () => {
    expect(r.ok).toBe(true);
    expect(toHex(r.sharedSecret.client!)).toBe(toHex(r.sharedSecret.server!));
    for (const k of ['handshakeSecret', 'clientHandshakeTrafficSecret', 'serverHandshakeTrafficSecret', 'masterSecret',
      'clientApplicationTrafficSecret0', 'serverApplicationTrafficSecret0', 'exporterMasterSecret'] as const) {
      expect(r.client[k], k).toBeDefined();
      expect(toHex(r.client[k]!), k).toBe(toHex(r.server[k]!));
    }
    expect(r.alpn).toBe('h2');
  });

  it('sends the records in the RFC 8446 Figure 1 order, CCS compatibility records included', () => {
    expect(r.records.map((x) => `${x.from}:${x.label}`)).toEqual([
      'client:ClientHello', 'server:ServerHello', 'server:ChangeCipherSpec', 'server:EncryptedExtensions', 'server:Certificate',
      'server:CertificateVerify', 'server:Finished', 'client:ChangeCipherSpec', 'client:Finished', 'client:Application Data',
      'server:Application Data',
    ]);
    expect(r.byDirection.client.map((x) => x.label)).toEqual(['ClientHello', 'ChangeCipherSpec', 'Finished', 'Application Data']);
    expect(r.records.filter((x) => x.encrypted).every((x) => x.bytes[0] === 23)).toBe(true);
    // the whole stream parses as TLS records
    expect(decodeTls(concat(...r.records.map((x) => x.bytes))).length).toBe(r.records.length);
  });

  it('decrypts every encrypted record with the derived keys back to its plaintext', () => {
    const keysFor = (x: WireRecord) => {
      const s = r.client;
      if (x.protection!.keys === 'handshake') return x.from === 'client' ? s.clientHandshakeKeys! : s.serverHandshakeKeys!;
      return x.from === 'client' ? s.clientApplicationKeys! : s.serverApplicationKeys!;
    };
    for (const x of r.records.filter((y) => y.encrypted)) {
      const opened = unprotectRecord(keysFor(x), x.protection!.seq, x.bytes);
      expect(opened.ok, x.label).toBe(true);
      expect(opened.ok && toHex(opened.content), x.label).toBe(toHex(x.plaintext));
      expect(opened.ok && opened.type).toBe(x.contentType);
      // and tampering with any byte breaks it
      const bad = x.bytes.slice();
      bad[Math.floor(bad.length / 2)] ^= 0x80;
      expect(unprotectRecord(keysFor(x), x.protection!.seq, bad)).toEqual({ ok: false, reason: 'bad_record_mac' });
    }
    expect(r.received.server.map((b) => String.fromCharCode(...b))).toEqual(['GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n']);
    expect(r.received.client.map((b) => String.fromCharCode(...b))[0]).toMatch(/^HTTP\/1.1 200 OK/);
    // keys really are the §7.3 expansion of the traffic secrets
    expect(toHex(r.client.serverHandshakeKeys!.key)).toBe(toHex(trafficKeys(r.client.serverHandshakeTrafficSecret!).key));
  });

  it('writes the NSS key log with the four TLS 1.3 traffic secrets', () => {
    const lines = r.keylog.trim().split('\n');
    const cr = toHex(demoOptions().clientRandom);
    expect(lines.map((l) => l.split(' ')[0])).toEqual([
      'CLIENT_HANDSHAKE_TRAFFIC_SECRET', 'SERVER_HANDSHAKE_TRAFFIC_SECRET', 'CLIENT_TRAFFIC_SECRET_0', 'SERVER_TRAFFIC_SECRET_0']);
    expect(lines.every((l) => l.split(' ')[1] === cr)).toBe(true);
    expect(lines[0].split(' ')[2]).toBe(toHex(r.client.clientHandshakeTrafficSecret!));
  });

  it('records what each side knows after each step', () => {
    const at = (label: string, from: string) => r.knowledge.find((k) => k.label === label && r.records[k.afterRecord].from === from)!;
    // before the server answers, only the early secret (no PSK: a constant) is known
    expect(r.knowledge[0]).toEqual({ afterRecord: 0, label: 'ClientHello', client: ['early_secret'], server: [] });
    expect(r.knowledge.map((k) => k.afterRecord)).toEqual(r.records.map((_, i) => i));
    expect(at('ServerHello', 'server').client).toContain('client_handshake_traffic_secret');
    expect(at('ServerHello', 'server').client).not.toContain('master_secret');
    expect(at('ServerHello', 'server').server).toContain('handshake_secret');
    // the server can derive the application secrets once it has sent its Finished; the client once it has checked it
    expect(at('EncryptedExtensions', 'server').server).toContain('server_application_traffic_secret_0');
    expect(at('EncryptedExtensions', 'server').client).not.toContain('server_application_traffic_secret_0');
    expect(at('Finished', 'server').client).toContain('client_application_traffic_secret_0');
  });

  it('is deterministic: the same inputs give the same bytes', () => {
    const again = runHandshake(demoOptions());
    expect(again.records.map((x) => toHex(x.bytes))).toEqual(r.records.map((x) => toHex(x.bytes)));
    expect(again.keylog).toBe(r.keylog);
  });

  it('splits application data longer than 2^14 bytes into several records', () => {
    const big = new Uint8Array(40000).map((_, i) => i % 251);
    const b = runHandshake(demoOptions({ clientData: [], serverData: [big] }));
    expect(b.ok).toBe(true);
    expect(b.byDirection.server.filter((x) => x.label === 'Application Data').map((x) => x.plaintext.length)).toEqual([16384, 16384, 7232]);
    expect(toHex(concat(...b.received.client))).toBe(toHex(big));
  });

  it('can coalesce the server flight into one record and leave out the CCS records', () => {
    const c = runHandshake(demoOptions({ coalesceServerFlight: true, compatibilityMode: false, alpn: undefined }));
    expect(c.ok).toBe(true);
    expect(c.records.map((x) => x.label)).toEqual([
      'ClientHello', 'ServerHello', 'EncryptedExtensions, Certificate, CertificateVerify, Finished', 'Finished', 'Application Data', 'Application Data']);
    expect(c.records[2].messages.map((m) => m.name)).toEqual(['EncryptedExtensions', 'Certificate', 'CertificateVerify', 'Finished']);
    expect(c.alpn).toBeUndefined();
  });
});

describe('runHandshake: failures are results, with the alert that ends the connection', () => {
  it('a chain to an untrusted root: unknown_ca', () => {
    const other = buildDemoChain({ host: 'www.example.com', seed: 'other', notBefore: T0, notAfter: T0 + YEAR, organization: 'Other' });
    const r = runHandshake(demoOptions({ trustedRoots: [other.root.der] }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.failure).toMatchObject({ side: 'client', at: 'Certificate', reason: 'certificate', chain: 'unknown_issuer', alert: { description: 48 } });
    expect(r.records[r.records.length - 1]).toMatchObject({ from: 'client', label: 'Alert: unknown_ca', encrypted: true });
    expect(r.client.masterSecret).toBeUndefined();
  });

  it('the wrong host name and an expired leaf', () => {
    const wrongHost = runHandshake(demoOptions({ serverName: 'www.example.org' }));
    expect(!wrongHost.ok && [wrongHost.failure.chain, wrongHost.failure.alert.name]).toEqual(['host_mismatch', 'bad_certificate']);
    const expired = runHandshake(demoOptions({ now: T0 + 2 * YEAR }));
    expect(!expired.ok && [expired.failure.chain, expired.failure.alert.name]).toEqual(['expired', 'certificate_expired']);
  });

  it('a bad CertificateVerify signature, a bad server Finished, a bad client Finished', () => {
    const cv = runHandshake(demoOptions({ tamper: 'certificate_verify' }));
    expect(!cv.ok && cv.failure).toMatchObject({ side: 'client', at: 'CertificateVerify', reason: 'bad_certificate_verify', alert: { name: 'decrypt_error' } });
    const sf = runHandshake(demoOptions({ tamper: 'server_finished' }));
    expect(!sf.ok && sf.failure).toMatchObject({ side: 'client', at: 'Finished', reason: 'bad_server_finished' });
    const cf = runHandshake(demoOptions({ tamper: 'client_finished' }));
    expect(!cf.ok && cf.failure).toMatchObject({ side: 'server', at: 'Finished', reason: 'bad_client_finished' });
    expect(cf.records[cf.records.length - 1]).toMatchObject({ from: 'server', protection: { keys: 'application' } });
  });

  it('a record altered on the wire fails its AEAD check', () => {
    const r = runHandshake(demoOptions({ tamper: 'server_record' }));
    expect(!r.ok && r.failure).toMatchObject({ side: 'client', at: 'EncryptedExtensions', reason: 'bad_record_mac', alert: { description: 20 } });
  });

  it('the same server key with the wrong signing key fails CertificateVerify', () => {
    const other = buildDemoChain({ host: 'www.example.com', seed: 'other', notBefore: T0, notAfter: T0 + YEAR });
    const r = runHandshake(demoOptions({ certificatePrivateKey: other.leaf.privateKey }));
    expect(!r.ok && r.failure.reason).toBe('bad_certificate_verify');
  });

  it('no common ALPN protocol: the server refuses before ServerHello', () => {
    const r = runHandshake(demoOptions({ alpn: ['spdy/3'] }));
    expect(!r.ok && r.failure).toMatchObject({ side: 'server', reason: 'no_application_protocol', alert: { description: 120 } });
    expect(r.records.map((x) => x.label)).toEqual(['ClientHello', 'Alert: no_application_protocol']);
    expect(r.records[1].encrypted).toBe(false);
  });
});
