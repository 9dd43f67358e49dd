import { describe, expect, it } from 'vitest';
import type { CapturedPacket } from './capture';
import { capturedPcapng, DEFAULT_INTERFACE_NAME } from './capture-pcapng';
import { toHex } from './wire/bytes';
import { buildFrame } from './wire/frame';
import { readPcap, writePcap } from './wire/pcap';
import { PCAPNG_BLOCK_DSB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_SHB, readPcapng } from './wire/pcapng';

const C = '192.0.2.10', S = '198.51.100.20';
const seg = (id: number, fromClient: boolean, seq: number, ack: number, flags: { syn?: boolean; ack?: boolean }) => buildFrame({
  ip: { src: fromClient ? C : S, dst: fromClient ? S : C, id },
  tcp: { srcPort: fromClient ? 49152 : 80, dstPort: fromClient ? 80 : 49152, seq, ack, flags, window: 64240 },
  payload: new Uint8Array(0),
});
const PACKETS: CapturedPacket[] = [
  { id: 'm1', tMs: 0, label: 'SYN seq=100', dissection: seg(1, true, 100, 0, { syn: true }) },
  { id: 'm2', tMs: 40.5, label: 'SYN, ACK seq=300 ack=101', dissection: seg(1, false, 300, 101, { syn: true, ack: true }) },
  { id: 'm3', tMs: 81, label: 'ACK seq=101 ack=301', dissection: seg(2, true, 101, 301, { ack: true }) },
];

describe('capture as pcapng', () => {
  it('carries the same frames and times as the classic pcap export', () => {
    const ng = readPcapng(capturedPcapng(PACKETS));
    const classic = readPcap(writePcap(PACKETS.map((p) => ({ tMs: p.tMs, bytes: p.dissection.bytes }))));
    expect(ng.packets.map((p) => [p.iface, p.tMs, toHex(p.bytes), p.origLen])).toEqual(
      classic.records.map((r) => [0, r.tMs, toHex(r.bytes), r.origLen]));
  });

  it('has one Ethernet interface, named sim0 by default, and the labels as comments', () => {
    const f = readPcapng(capturedPcapng(PACKETS));
    expect(f.blocks.map((b) => b.type)).toEqual([PCAPNG_BLOCK_SHB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_EPB, PCAPNG_BLOCK_EPB]);
    expect(f.interfaces.map((i) => [i.name, i.description, i.linktype])).toEqual([[DEFAULT_INTERFACE_NAME, undefined, 1]]);
    expect(f.packets.map((p) => p.comment)).toEqual(PACKETS.map((p) => p.label));
  });

  it('takes a name, a description, no comments, and a key log placed before the packets', () => {
    const f = readPcapng(capturedPcapng(PACKETS, { interfaceName: 'client-eth0', interfaceDescription: 'the client NIC', comments: false, tlsKeyLog: 'CLIENT_RANDOM 00 11\n' }));
    expect(f.interfaces.map((i) => [i.name, i.description])).toEqual([['client-eth0', 'the client NIC']]);
    expect(f.packets.map((p) => p.comment)).toEqual([undefined, undefined, undefined]);
    expect(f.blocks.map((b) => b.type).slice(0, 3)).toEqual([PCAPNG_BLOCK_SHB, PCAPNG_BLOCK_IDB, PCAPNG_BLOCK_DSB]);
    expect(f.secrets).toHaveLength(1);
  });

  it('writes a valid file for a run with no packets', () => {
    const f = readPcapng(capturedPcapng([]));
    expect([f.interfaces.length, f.packets.length]).toEqual([1, 0]);
  });
});
