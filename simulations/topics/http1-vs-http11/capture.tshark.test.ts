/**
 * tshark reads the exported page loads as HTTP over TCP: every request's method and Host
 * as the simulation sent them, every response's status, no malformed packet.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import scenario from './index';
import { capture, timelinePcap } from '../../capture';
import { findField } from '../../wire/fields';

const dir = mkdtempSync(join(tmpdir(), 'pt-http1-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const FIELDS = ['frame.number', 'http.request.method', 'http.host', 'http.request.version', 'http.response.code', 'http.connection', '_ws.malformed'];

for (const [mode, slow] of [['compare', true], ['http10', false], ['pipelining', true], ['parallel', false]] as const) {
  it(`${mode}, slow-first=${slow}: tshark sees each GET with its Host and each response's status`, () => {
    const tl = scenario.run({ mode, resources: 3, 'slow-first': slow, connections: 2 }, 3);
    const packets = capture(tl);
    const file = join(dir, `${mode}-${slow}.pcap`);
    writeFileSync(file, timelinePcap(tl));
    const out = execFileSync('tshark', ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=f', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    const rows = out.replace(/\n$/, '').split('\n').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [FIELDS[i], v])));
    expect(rows.length).toBe(packets.length);
    let gets = 0;
    rows.forEach((row, i) => {
      const layers = packets[i].dissection.layers;
      expect(row['_ws.malformed']).toBe('');
      const method = findField(layers, 'http.request.method')?.value;
      if (method) {
        gets++;
        expect(row['http.request.method']).toBe('GET');
        expect(row['http.host']).toBe('www.example.com');
        expect(row['http.request.version']).toBe(findField(layers, 'http.request.version')!.value);
        if (mode !== 'compare') expect(row['http.request.version']).toBe(mode === 'http10' ? 'HTTP/1.0' : 'HTTP/1.1');
        expect(row['http.connection']).toMatch(/^(close|keep-alive)$/);
      }
      const code = findField(layers, 'http.response.code')?.value;
      if (code) expect(row['http.response.code']).toBe(code);
    });
    expect(gets).toBe((mode === 'compare' ? 4 : 1) * 4);
  }, 60_000);
}
