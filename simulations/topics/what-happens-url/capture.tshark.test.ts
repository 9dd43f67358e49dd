/**
 * Outside judge: the whole journey as pcapng with its TLS key log embedded (a Decryption
 * Secrets Block, as the download writes it); tshark must decrypt it with no key file, find
 * the DNS question and answer for www.naver.com, the TLS handshake with SNI www.naver.com and
 * the ALPN the param asks for, the request for "/", and nothing malformed or in error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capture } from '../../capture';
import { timelinePcapng } from '../../capture-pcapng';
import scenario from './index';

const dir = mkdtempSync(join(tmpdir(), 'pt-url-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ERROR = 8388608;
const FIELDS = ['frame.number', 'dns.qry.name', 'dns.a', 'tls.handshake.extensions_server_name', 'tls.handshake.extensions_alpn_str', 'tls.handshake.type', 'http.request.uri', 'http2.header.value', 'http2.type', 'http.response.code', 'tls.handshake.certificate', '_ws.malformed', '_ws.expert.severity', 'tcp.analysis.retransmission'];

function dissect(file: string) {
  const out = execFileSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=|', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return out.replace(/\n$/, '').split('\n').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [FIELDS[i], v])));
}

describe('the journey capture, decrypted by tshark with the embedded keys', () => {
  for (const http of ['1.1', '2'] as const) {
    for (const hsts of [true, false]) {
      it(`http=${http} hsts=${hsts ? 'on' : 'off'}`, () => {
        const tl = scenario.run({ http, hsts, cache: 'cold' }, 3);
        expect(tl.tlsKeyLog).toMatch(/CLIENT_HANDSHAKE_TRAFFIC_SECRET/);
        const file = join(dir, `url-${http}-${hsts}.pcapng`);
        writeFileSync(file, timelinePcapng(tl, { tlsKeyLog: tl.tlsKeyLog }));
        const rows = dissect(file);
        expect(rows.length).toBe(capture(tl).length);
        for (const r of rows) {
          expect(r['_ws.malformed'], `frame ${r['frame.number']}`).toBe('');
          const sev = r['_ws.expert.severity'] ? r['_ws.expert.severity'].split('|').map(Number) : [];
          expect(sev.filter((s) => s >= ERROR), `frame ${r['frame.number']}`).toEqual([]);
        }
        const col = (f: string) => rows.flatMap((r) => (r[f] ? r[f].split('|') : []));
        expect(col('dns.qry.name')).toContain('www.naver.com');
        expect(col('dns.a')).toContain('203.0.113.101');
        expect(new Set(col('tls.handshake.extensions_server_name'))).toEqual(new Set(['www.naver.com']));
        // ClientHello offers, ServerHello's EncryptedExtensions (decrypted) picks.
        expect(col('tls.handshake.extensions_alpn_str')).toContain(http === '2' ? 'h2' : 'http/1.1');
        if (http === '1.1') expect(col('tls.handshake.extensions_alpn_str')).not.toContain('h2');
        // Finished decrypted: handshake type 20 is visible only with the keys.
        expect(col('tls.handshake.type')).toContain('20');
        if (http === '2') expect(col('http2.header.value')).toContain('/');
        else expect(col('http.request.uri')).toContain('/');
        if (!hsts) expect(col('http.response.code')).toContain('301');
        // One server, one certificate chain: every connection's (decrypted) Certificate shows the same bytes.
        const certs = rows.filter((r) => r['tls.handshake.certificate']).map((r) => r['tls.handshake.certificate']);
        expect(certs.length).toBe(http === '2' ? 1 : 6);
        expect(new Set(certs).size).toBe(1);
      });
    }
  }
});
