import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random';
import { toHex } from './bytes';
import { decodeArp, describeArp, dissectArpFrame, encodeArp, encodeArpFrame, type ArpPacket } from './arp';
import { writePcap } from './pcap';

const REQ: ArpPacket = { op: 'request', senderMac: '02:00:5e:00:00:0a', senderIp: '192.0.2.10', targetMac: '00:00:00:00:00:00', targetIp: '192.0.2.1' };

describe('ARP (RFC 826)', () => {
  it('lays out a request field by field', () => {
    // htype 1, ptype 0x0800, hlen 6, plen 4, op 1, sha, spa, tha, tpa
    expect(toHex(encodeArp(REQ))).toBe('0001' + '0800' + '06' + '04' + '0001' + '02005e00000a' + 'c000020a' + '000000000000' + 'c0000201');
  });

  it('frames a request to the broadcast address and pads it to 60 bytes', () => {
    const f = encodeArpFrame(REQ);
    expect(f.length).toBe(60);
    expect(toHex(f.subarray(0, 14))).toBe('ffffffffffff' + '02005e00000a' + '0806');
    expect(Array.from(f.subarray(42))).toEqual(new Array(18).fill(0));
    const d = dissectArpFrame(f);
    expect(d.layers.map((l) => l.key)).toEqual(['eth', 'arp', 'eth.padding']);
  });

  it('frames a reply straight to the asker', () => {
    const reply: ArpPacket = { op: 'reply', senderMac: '02:00:5e:00:00:01', senderIp: '192.0.2.1', targetMac: REQ.senderMac, targetIp: REQ.senderIp };
    const f = encodeArpFrame(reply);
    expect(toHex(f.subarray(0, 14))).toBe('02005e00000a' + '02005e000001' + '0806');
    expect(f[21]).toBe(2);
  });

  it('describes every byte of the 28 once', () => {
    const layer = describeArp(encodeArp(REQ));
    const covered = new Array(28).fill(0);
    for (const f of layer.fields) for (let i = f.offset; i < f.offset + f.length; i++) covered[i]++;
    expect(covered).toEqual(new Array(28).fill(1));
  });

  it('rejects other hardware/protocol types, unknown opcodes and short input', () => {
    const b = encodeArp(REQ);
    expect(() => decodeArp(b.subarray(0, 27))).toThrow();
    const bad = b.slice();
    bad[1] = 6;
    expect(() => decodeArp(bad)).toThrow();
    const op = b.slice();
    op[7] = 9;
    expect(() => decodeArp(op)).toThrow();
  });

  it('round-trips random packets', () => {
    const r = createRandom(826);
    const mac = () => Array.from({ length: 6 }, () => r.int(0, 255).toString(16).padStart(2, '0')).join(':');
    const ip = () => Array.from({ length: 4 }, () => r.int(0, 255)).join('.');
    for (let i = 0; i < 200; i++) {
      const p: ArpPacket = { op: r.chance(0.5) ? 'request' : 'reply', senderMac: mac(), senderIp: ip(), targetMac: mac(), targetIp: ip() };
      expect(decodeArp(encodeArp(p))).toEqual(p);
    }
  });

  it('tshark reads the request and the reply as the same fields, not malformed', () => {
    const reply: ArpPacket = { op: 'reply', senderMac: '02:00:5e:00:00:01', senderIp: '192.0.2.1', targetMac: REQ.senderMac, targetIp: REQ.senderIp };
    const dir = mkdtempSync(join(tmpdir(), 'pt-arp-'));
    try {
      const file = join(dir, 'arp.pcap');
      writeFileSync(file, writePcap([{ tMs: 0, bytes: encodeArpFrame(REQ) }, { tMs: 1, bytes: encodeArpFrame(reply) }]));
      const fields = ['arp.opcode', 'arp.src.hw_mac', 'arp.src.proto_ipv4', 'arp.dst.hw_mac', 'arp.dst.proto_ipv4', 'eth.dst', '_ws.malformed'];
      const out = execFileSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=|', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
      expect(out.trim().split('\n')).toEqual([
        '1|02:00:5e:00:00:0a|192.0.2.10|00:00:00:00:00:00|192.0.2.1|ff:ff:ff:ff:ff:ff|',
        '2|02:00:5e:00:00:01|192.0.2.1|02:00:5e:00:00:0a|192.0.2.10|02:00:5e:00:00:0a|',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
