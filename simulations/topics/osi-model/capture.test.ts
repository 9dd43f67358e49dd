import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bytesEqual } from '../../wire/bytes';
import { readPcapng } from '../../wire/pcapng';
import { osiPcapng } from './capture';
import { NET } from './encap';
import { LINK_NAMES, runWorld } from './world';

const dir = mkdtempSync(join(tmpdir(), 'pt-osi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('osi-model pcapng', () => {
  it('puts every frame on the interface of the link it crossed, bytes unchanged', () => {
    const w = runWorld('hello', 'cold', 2);
    const f = readPcapng(osiPcapng(w));
    expect(f.interfaces.map((i) => i.name)).toEqual([...LINK_NAMES]);
    expect(f.packets.length).toBe(w.trace.wires.length);
    const want: Record<string, string> = { 'A>SW': 'a-sw', 'SW>A': 'a-sw', 'SW>R': 'sw-r', 'R>SW': 'sw-r', 'R>B': 'r-b', 'B>R': 'r-b', 'SW>C': 'sw-c' };
    f.packets.forEach((p, i) => {
      const wire = w.trace.wires[i];
      expect(f.interfaces[p.iface].name).toBe(want[`${wire.from}>${wire.to}`]);
      expect(bytesEqual(p.bytes, wire.msg.frame)).toBe(true);
      expect(p.tMs).toBe(wire.sentAt);
    });
  });

  for (const arp of ['cold', 'warm'] as const) {
    it(`tshark (${arp}): the packet before and after the router differs in TTL, a good checksum each, and MACs; nothing malformed`, () => {
      const w = runWorld('Hello, OSI!', arp, 11);
      const file = join(dir, `osi-${arp}.pcapng`);
      writeFileSync(file, osiPcapng(w));
      const fields = ['frame.interface_name', 'eth.src', 'eth.dst', 'ip.ttl', 'ip.checksum.status', 'ip.src', 'ip.dst', 'arp.opcode', 'tcp.checksum.status', 'http.request.method', '_ws.malformed'];
      const out = execFileSync(
        'tshark',
        ['-r', file, '-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((x) => ['-e', x])],
        { encoding: 'utf8' },
      );
      const rows = out.trim().split('\n').map((l) => Object.fromEntries(l.split('|').map((v, i) => [fields[i], v])));
      expect(rows.length).toBe(w.trace.wires.length);
      for (const r of rows) expect(r['_ws.malformed']).toBe('');
      const ip = rows.filter((r) => r['ip.ttl'] !== '');
      // Seen on A–switch, on switch–router (and, flooded, on switch–C when warm), then on router–B.
      const before = ip.find((r) => r['frame.interface_name'] === 'sw-r')!;
      const after = ip.find((r) => r['frame.interface_name'] === 'r-b')!;
      expect(before).toMatchObject({ 'eth.src': NET.a.mac, 'eth.dst': NET.r0.mac, 'ip.ttl': '64', 'ip.checksum.status': '1', 'tcp.checksum.status': '1' });
      expect(after).toMatchObject({ 'eth.src': NET.r1.mac, 'eth.dst': NET.b.mac, 'ip.ttl': '63', 'ip.checksum.status': '1', 'tcp.checksum.status': '1' });
      // tshark dissects HTTP on the first copy; the later ones carry the same seq, so it takes them for retransmissions.
      expect(ip[0]['http.request.method']).toBe('POST');
      for (const r of ip) expect([r['ip.src'], r['ip.dst']]).toEqual([NET.a.ip, NET.b.ip]);
      expect(rows.filter((r) => r['arp.opcode'] !== '').length).toBe(arp === 'cold' ? 7 : 0);
      expect(ip.map((r) => r['frame.interface_name'])).toEqual(arp === 'cold' ? ['a-sw', 'sw-r', 'r-b'] : ['a-sw', 'sw-r', 'sw-c', 'r-b']);
    });
  }
});
