/**
 * Outside judge: every variant over several seeds is exported as pcapng with the run's
 * key log in a Decryption Secrets Block; tshark (no key file) must decrypt the HTTPS runs
 * and find the very request and response the diagram shows, report nothing malformed and
 * no error-level expert info, and see the refusing alert when the certificate is bad.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capture } from '../../capture';
import { timelinePcapng } from '../../capture-pcapng';
import scenario from '.';
import { FORM, PASSWORD, STATUS, USER } from './messages';

const FIELDS = ['http.request.method', 'http.request.uri', 'urlencoded-form.key', 'urlencoded-form.value', 'http.response.code', 'tls.alert_message.desc', 'tls.handshake.type', 'tcp.payload', '_ws.malformed', '_ws.expert.severity'];
const OPTS = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE'];
const dir = mkdtempSync(join(tmpdir(), 'pt-https-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dissect(file: string): Record<string, string>[] {
  const out = execFileSync('tshark', ['-r', file, ...OPTS, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return out.replace(/\n$/, '').split('\n').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [FIELDS[i], v])));
}
const all = (rows: Record<string, string>[], f: string) => rows.flatMap((r) => (r[f] ? r[f].split(',') : []));

const ALERT = { expired: '45', 'wrong-host': '42', 'self-signed': '48' } as const;

describe('tshark decrypts the HTTPS capture with the embedded keys', () => {
  for (const tls of ['1.3', '1.2'] as const) {
    for (const cert of ['valid', 'expired', 'wrong-host', 'self-signed'] as const) {
      it(`TLS ${tls}, ${cert} certificate, eavesdropper on and off, seeds 1–3`, () => {
        for (const attacker of [true, false]) {
          for (const seed of [1, 2, 3]) {
            const tl = scenario.simulate({ protocol: 'https', tls, cert, attacker }, seed);
            const file = join(dir, `https-${tls}-${cert}-${attacker}-${seed}.pcapng`);
            writeFileSync(file, timelinePcapng(tl, { tlsKeyLog: tl.tlsKeyLog }));
            const rows = dissect(file);
            const where = `${tls} ${cert} ${attacker} seed ${seed}`;
            expect(rows.length, where).toBe(capture(tl).length);
            rows.forEach((r, i) => {
              expect(r['_ws.malformed'], `${where} #${i + 1}`).toBe('');
              expect((r['_ws.expert.severity'] || '').split(',').filter(Boolean).map(Number).filter((s) => s >= 8388608), `${where} #${i + 1}`).toEqual([]);
            });
            if (cert === 'valid') {
              expect(all(rows, 'http.request.method'), where).toEqual(['POST']);
              expect(all(rows, 'http.request.uri'), where).toEqual(['/login']);
              expect(all(rows, 'urlencoded-form.key'), where).toEqual(['id', 'pw']);
              expect(all(rows, 'urlencoded-form.value'), where).toEqual([USER, PASSWORD]);
              expect(all(rows, 'http.response.code'), where).toEqual([String(STATUS)]);
              // Decrypted: the Finished messages are read, and the close_notify alerts (0) both ways.
              expect(all(rows, 'tls.handshake.type').filter((t) => t === '20').length, where).toBe(2);
              expect(all(rows, 'tls.alert_message.desc'), where).toEqual(['0', '0']);
            } else {
              expect(all(rows, 'http.request.method'), where).toEqual([]);
              expect(all(rows, 'tls.alert_message.desc'), where).toEqual([ALERT[cert]]);
            }
            // The password never crosses the wire as bytes, in any packet.
            const hexPw = Buffer.from(PASSWORD).toString('hex');
            expect(all(rows, 'tcp.payload').join('').replace(/:/g, ''), where).not.toContain(hexPw);
          }
        }
      }, 120_000);
    }
  }

  it('without the key log tshark sees only the hellos and ciphertext', () => {
    const tl = scenario.simulate({ protocol: 'https', tls: '1.3' }, 5);
    const file = join(dir, 'sealed.pcapng');
    writeFileSync(file, timelinePcapng(tl));
    const rows = dissect(file);
    expect(all(rows, 'http.request.method')).toEqual([]);
    expect(all(rows, 'tls.handshake.type')).toEqual(['1', '2']);
  });

  it('plain HTTP: tshark reads the POST and the password in clear, on port 80', () => {
    for (const seed of [1, 2, 3, 4]) {
      const tl = scenario.simulate({ protocol: 'http' }, seed);
      expect(tl.tlsKeyLog).toBeUndefined();
      const file = join(dir, `http-${seed}.pcapng`);
      writeFileSync(file, timelinePcapng(tl));
      const rows = dissect(file);
      expect(all(rows, 'http.request.method')).toEqual(['POST']);
      expect(all(rows, 'urlencoded-form.value')).toEqual([USER, PASSWORD]);
      expect(all(rows, 'http.response.code')).toEqual(['200']);
      expect(all(rows, 'tcp.payload').join('').replace(/:/g, '')).toContain(Buffer.from(FORM).toString('hex'));
    }
  });
});
