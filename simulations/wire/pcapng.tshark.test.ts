/**
 * Outside judge for pcapng: tshark reads a file with two interfaces (one packet
 * before and after a router), packet comments and a TLS key log, and must see
 * the interfaces, times, comments and key log lines we wrote, with no malformed
 * packets and no error expert info. editcap, Wireshark's own writer, must put
 * the same key log into a byte-identical Decryption Secrets Block.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asciiEncode, toHex } from './bytes';
import { buildFrame, type FrameSpec } from './frame';
import { PCAPNG_BLOCK_DSB, readPcapng, writePcapng, type PcapngPacket } from './pcapng';

function tsharkVersion(): string | undefined {
  try {
    return execFileSync('tshark', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  } catch {
    return undefined;
  }
}
const version = tsharkVersion();
const MISSING = 'tshark is not on PATH: install it with `apt-get install -y tshark` (these tests must not be skipped)';
const OPTS = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];
const ERROR_SEVERITY = 8388608; // PI_ERROR

const CLIENT = '192.0.2.10';
const SERVER = '198.51.100.20';
// Host → router on the LAN, router → next hop on the WAN.
const LAN = { src: '02:00:c0:00:02:0a', dst: '02:00:00:00:01:01' };
const WAN = { src: '02:00:00:00:02:01', dst: '02:00:00:00:02:02' };

const INTERFACES = [
  { name: 'r1-lan', description: 'router R1, LAN side (before forwarding)' },
  { name: 'r1-wan', description: 'router R1, WAN side (after forwarding)' },
];

/** The same IPv4 packet as it enters R1 and as R1 forwards it: TTL one less, checksum recomputed, new MACs. */
function forwarded(spec: FrameSpec, tMs: number, what: string): PcapngPacket[] {
  const before = buildFrame({ ...spec, eth: LAN, ip: { ...spec.ip, ttl: 64 } }).bytes;
  const after = buildFrame({ ...spec, eth: WAN, ip: { ...spec.ip, ttl: 63 } }).bytes;
  return [
    { iface: 0, tMs, bytes: before, comment: `${what} arrives at R1` },
    { iface: 1, tMs: tMs + 0.125, bytes: after, comment: `${what} leaves R1 — TTL 63` },
  ];
}

const PACKETS: PcapngPacket[] = [
  ...forwarded({ ip: { src: CLIENT, dst: SERVER, id: 1 }, tcp: { srcPort: 49152, dstPort: 443, seq: 0xfffffff0, ack: 0, flags: { syn: true }, window: 64240, options: [{ kind: 'mss', value: 1460 }] }, payload: new Uint8Array(0) }, 1000, 'SYN'),
  ...forwarded({ ip: { src: CLIENT, dst: SERVER, id: 2 }, udp: { srcPort: 53001, dstPort: 9 }, payload: asciiEncode('discard me') }, 1500.5, 'UDP datagram'),
  { iface: 0, tMs: 5_000_000.001, bytes: buildFrame({ eth: LAN, ip: { src: CLIENT, dst: SERVER, id: 3 }, udp: { srcPort: 53001, dstPort: 9 }, payload: new Uint8Array(3) }).bytes },
];

// TLS 1.3 (RFC 8446) and 1.2 lines of an NSS key log, made-up secrets. The
// comment line makes its length odd, so the secrets data needs padding.
const CR = 'cb34ecb1e78163ba1c38c6dacb196a6dffa21a8d9912ec18a2ef6283024dece7';
const KEY_LOG = [
  '# Packet Theater test keys',
  `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${CR} ${'b3'.repeat(32)}`,
  `SERVER_HANDSHAKE_TRAFFIC_SECRET ${CR} ${'b6'.repeat(32)}`,
  `CLIENT_TRAFFIC_SECRET_0 ${CR} ${'9e'.repeat(32)}`,
  `SERVER_TRAFFIC_SECRET_0 ${CR} ${'a1'.repeat(32)}`,
  `CLIENT_RANDOM ${'00'.repeat(32)} ${'11'.repeat(48)}`,
].join('\n') + '\n';

describe('tshark reads our pcapng', () => {
  let dir = '';
  let file = '';
  let rows: Record<string, string>[] = [];
  const FIELDS = [
    'frame.number', 'frame.interface_id', 'frame.interface_name', 'frame.interface_description', 'frame.time_epoch', 'frame.comment',
    'frame.len', 'eth.src', 'eth.dst', 'ip.ttl', 'ip.id', 'ip.checksum.status', 'tcp.seq_raw', 'tcp.checksum.status', 'udp.checksum.status',
    '_ws.malformed', '_ws.expert.severity',
  ];

  beforeAll(() => {
    if (!version) throw new Error(MISSING);
    dir = mkdtempSync(join(tmpdir(), 'pcapng-tshark-'));
    file = join(dir, 'router.pcapng');
    writeFileSync(file, writePcapng({ interfaces: INTERFACES, packets: PACKETS, tlsKeyLog: KEY_LOG, userAppl: 'Packet Theater' }));
    const out = execFileSync('tshark', ['-r', file, ...OPTS, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    rows = out.replace(/\n$/, '').split('\n').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [FIELDS[i], v])));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('tshark is installed', () => {
    expect(version, MISSING).toBeTruthy();
  });

  it('reads every packet with no malformed data and no error expert info', () => {
    expect(rows).toHaveLength(PACKETS.length);
    rows.forEach((row, i) => {
      expect(row['_ws.malformed'], `packet ${i + 1}`).toBe('');
      const sev = row['_ws.expert.severity'] ? row['_ws.expert.severity'].split(',').map(Number) : [];
      expect(sev.filter((s) => s >= ERROR_SEVERITY), `packet ${i + 1}`).toEqual([]);
      expect(row['ip.checksum.status'], `packet ${i + 1}`).toBe('1');
      expect(row['tcp.checksum.status'] || row['udp.checksum.status'], `packet ${i + 1}`).toBe('1');
    });
    const stats = execFileSync('tshark', ['-r', file, ...OPTS, '-q', '-z', 'expert,error'], { encoding: 'utf8' });
    expect(stats).not.toMatch(/Errors \(\d+\)/);
  });

  it('puts each packet on its interface, with the interface name and description', () => {
    expect(rows.map((r) => [r['frame.interface_id'], r['frame.interface_name'], r['frame.interface_description']])).toEqual(
      PACKETS.map((p) => [String(p.iface), INTERFACES[p.iface].name, INTERFACES[p.iface].description]));
  });

  it('has the logical times (µs) and the comments', () => {
    expect(rows.map((r) => Math.round(Number(r['frame.time_epoch']) * 1e6))).toEqual(PACKETS.map((p) => Math.round(p.tMs * 1000)));
    expect(rows.map((r) => r['frame.comment'])).toEqual(PACKETS.map((p) => p.comment ?? ''));
    expect(rows.map((r) => Number(r['frame.len']))).toEqual(PACKETS.map((p) => p.bytes.length));
  });

  it('sees the router: same IP id and TCP seq, TTL one less, new MACs on the far side', () => {
    for (const [before, after] of [[rows[0], rows[1]], [rows[2], rows[3]]]) {
      expect([before['ip.ttl'], after['ip.ttl']]).toEqual(['64', '63']);
      expect(after['ip.id']).toBe(before['ip.id']);
      expect(after['tcp.seq_raw']).toBe(before['tcp.seq_raw']);
      expect([before['eth.src'], before['eth.dst']]).toEqual([LAN.src, LAN.dst]);
      expect([after['eth.src'], after['eth.dst']]).toEqual([WAN.src, WAN.dst]);
    }
    expect(rows[0]['tcp.seq_raw']).toBe(String(0xfffffff0));
  });

  it('hands every key log line of the Decryption Secrets Block to the TLS dissector', () => {
    const debug = join(dir, 'tls-debug.txt');
    execFileSync('tshark', ['-r', file, '-q', '-o', `tls.debug_file:${debug}`], { encoding: 'utf8' });
    const log = readFileSync(debug, 'utf8');
    for (const line of KEY_LOG.trim().split('\n').filter((l) => !l.startsWith('#'))) {
      // tshark logs each line it reads from the block, then which key kind it matched.
      expect(log, line.split(' ')[0]).toMatch(new RegExp(`checking keylog line: ${line}\\n\\s+matched `));
    }
    const capinfos = execFileSync('capinfos', [file], { encoding: 'utf8' });
    expect(capinfos).toMatch(/Number of decryption secrets in file: 1/);
    expect(capinfos).toMatch(/Number of interfaces in file: 2/);
  });

  it('writes the same Decryption Secrets Block as Wireshark (editcap --inject-secrets)', () => {
    const plain = join(dir, 'plain.pcapng');
    const keys = join(dir, 'keys.txt');
    const injected = join(dir, 'injected.pcapng');
    writeFileSync(plain, writePcapng({ interfaces: INTERFACES, packets: PACKETS }));
    writeFileSync(keys, KEY_LOG);
    execFileSync('editcap', ['--inject-secrets', `tls,${keys}`, plain, injected], { stdio: 'ignore' });
    const dsbOf = (f: Uint8Array) => {
      const b = readPcapng(f).blocks.filter((x) => x.type === PCAPNG_BLOCK_DSB);
      expect(b).toHaveLength(1);
      return toHex(f.subarray(b[0].offset, b[0].offset + b[0].length));
    };
    const ours = writePcapng({ interfaces: INTERFACES, packets: PACKETS, tlsKeyLog: KEY_LOG });
    expect(KEY_LOG.length % 4).not.toBe(0);
    expect(dsbOf(ours)).toBe(dsbOf(new Uint8Array(readFileSync(injected))));
  });
});
