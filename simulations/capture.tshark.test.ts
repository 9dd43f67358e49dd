/**
 * The outside judge for every topic with packets: export each scenario variant as
 * a pcap, let tshark dissect it with checksum validation on, and require no
 * malformed packets, no error-severity expert info, and the same seq/ack/flags
 * (TCP) and question/answers (DNS) as the simulation says.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { availableTopics } from './registry';
import { capture, timelinePcap } from './capture';
import { timelinePcapng } from './capture-pcapng';
import type { ParamSpec, ParamValues } from './core/params';
import { findField } from './wire/fields';
import { SYN_OPTIONS } from './tcp/machine';

const FIELDS = ['frame.number', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.flags', 'tcp.len', 'ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status', 'dns.qry.name', 'dns.a', 'arp.opcode', '_ws.malformed', '_ws.expert.severity'];
const OPTS = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];
const ERROR_SEVERITY = 8388608;

function hasTshark(): boolean {
  try {
    execFileSync('tshark', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every combination of a scenario's enum and bool params (ints and lists at their defaults). */
function variants(specs: readonly ParamSpec[]): ParamValues[] {
  let out: ParamValues[] = [{}];
  for (const s of specs) {
    const vals = s.kind === 'enum' ? s.options.map((o) => o.value) : s.kind === 'bool' ? [false, true] : null;
    if (vals) out = out.flatMap((v) => vals.map((x) => ({ ...v, [s.name]: x })));
  }
  return out;
}

/**
 * The variants tshark judges: all of them up to 48; past that (cors has 180), each enum and bool
 * value once beside the defaults, and every 7th combination (7 is prime to every option count,
 * so the strides reach every value of each param in combination with the others).
 */
function judged(specs: readonly ParamSpec[]): ParamValues[] {
  const all = variants(specs);
  if (all.length <= 48) return all;
  const one = specs.flatMap((s): ParamValues[] => (s.kind === 'enum' ? s.options.map((o) => ({ [s.name]: o.value })) : s.kind === 'bool' ? [{ [s.name]: true }] : []));
  return [...one, ...all.filter((_, i) => i % 7 === 0)];
}

const dir = mkdtempSync(join(tmpdir(), 'pt-tshark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tshark dissects every exported scenario as the page shows it', () => {
  it('tshark is installed (apt-get install -y tshark; these checks must not be skipped)', () => {
    expect(hasTshark()).toBe(true);
  });

  for (const topic of availableTopics()) {
    it(`${topic.slug}: every variant (or a spread of them past 48), each with its own seed`, async () => {
      const scenario = (await topic.load!()).default;
      let checked = 0;
      let carriers = 0;
      let said = 0;
      const runs = judged(scenario.params);
      for (const [v, params] of runs.entries()) {
        for (const seed of [v + 1]) {
          const tl = scenario.simulate(params, seed);
          carriers += tl.spans.filter((s) => s.entity.kind === 'message' || s.entity.kind === 'packet').length;
          const packets = capture(tl);
          // A run that says why it has no bytes (textbook protocols, tokens that only travel inside TLS) has none.
          if (tl.noPackets) {
            said++;
            expect(packets, `${topic.slug} ${JSON.stringify(params)}: noPackets, yet packets`).toEqual([]);
          }
          if (packets.length === 0) continue;
          const name = `${topic.slug}-${Object.values(params).join('-')}-${seed}`;
          const file = join(dir, `${name}.pcap`);
          // A run with TLS keys is judged decrypted: pcapng with its key log in a Decryption Secrets Block.
          writeFileSync(file, tl.tlsKeyLog ? timelinePcapng(tl, { tlsKeyLog: tl.tlsKeyLog }) : timelinePcap(tl));
          const out = execFileSync('tshark', ['-r', file, ...OPTS, '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,', ...FIELDS.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
          const rows = out.replace(/\n$/, '').split('\n').map((l) => Object.fromEntries(l.split('\t').map((v, i) => [FIELDS[i], v])));
          expect(rows.length, name).toBe(packets.length);
          rows.forEach((row, i) => {
            const p = packets[i];
            const where = `${name} packet ${i + 1} (${p.label})`;
            expect(row['_ws.malformed'], where).toBe('');
            const severities = row['_ws.expert.severity'] ? row['_ws.expert.severity'].split(',').map(Number) : [];
            expect(severities.filter((s) => s >= ERROR_SEVERITY), where).toEqual([]);
            const layers = p.dissection.layers;
            // Every IPv4 header has a valid checksum; an ARP frame (RFC 826) has no IP layer, only its opcode.
            if (findField(layers, 'arp.opcode')) expect(row['arp.opcode'], where).toBe(findField(layers, 'arp.opcode')!.value.startsWith('request') ? '1' : '2');
            else expect(row['ip.checksum.status'], where).toBe('1');
            if (findField(layers, 'tcp.seq_raw')) {
              expect(row['tcp.checksum.status'], where).toBe('1');
              expect(row['tcp.seq_raw'], where).toBe(findField(layers, 'tcp.seq_raw')!.value);
              expect(row['tcp.ack_raw'], where).toBe(findField(layers, 'tcp.ack_raw')!.value);
              // The label the diagram shows says the same flags as the bytes.
              const flags = Number(row['tcp.flags']);
              const want = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 } as const;
              for (const [name, bit] of Object.entries(want)) {
                const shown = p.label.split(' seq=')[0].split(', ').includes(name);
                expect(Boolean(flags & bit), `${where}: ${name}`).toBe(shown);
              }
              expect(p.label, where).toContain(`seq=${row['tcp.seq_raw']}`);
              // No segment carries more than the MSS both ends announce in their SYNs (RFC 9293 §3.7.1).
              expect(Number(row['tcp.len']), where).toBeLessThanOrEqual(SYN_OPTIONS.mss!);
            }
            if (findField(layers, 'dns.qry.name')) {
              expect(row['dns.qry.name'], where).toBe(findField(layers, 'dns.qry.name')!.value);
            }
          });
          checked++;
        }
      }
      // A topic that draws messages must put real bytes behind some of them, unless every run says
      // why not; a topic that draws none (the namespace tree, the URI parser) has nothing to judge.
      if (carriers > 0 && said < runs.length) expect(checked).toBeGreaterThan(0);
      else expect(checked).toBe(0);
    }, 120_000);
  }
});

describe('capture', () => {
  it('encodes segments from the state machine values and keeps send order', async () => {
    const topic = availableTopics().find((t) => t.slug === 'tcp-connection')!;
    const tl = (await topic.load!()).default.simulate({ isn: 'fixed' }, 1);
    const packets = capture(tl);
    expect(packets.map((p) => p.label.split(' ')[0])).toEqual(['SYN', 'SYN,', 'ACK', 'PSH,', 'ACK', 'PSH,', 'ACK', 'FIN,', 'ACK', 'FIN,', 'ACK']);
    expect(findField(packets[1].dissection.layers, 'tcp.ack_raw')!.value).toBe('1001');
    for (let i = 1; i < packets.length; i++) expect(packets[i].tMs).toBeGreaterThanOrEqual(packets[i - 1].tMs);
    const pcap = timelinePcap(tl);
    expect(Array.from(pcap.subarray(0, 4))).toEqual([0xd4, 0xc3, 0xb2, 0xa1]);
  });
});
