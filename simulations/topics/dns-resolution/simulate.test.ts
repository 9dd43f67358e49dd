import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withScenes } from '../../core/timeline';
import { parseParams, type ParamValues } from '../../core/params';
import { fromHex } from '../../wire/bytes';
import { decodeDns } from '../../wire/dns';
import { capture, timelinePcap } from '../../capture';
import { labelOf } from '../../dns/message';
import { entitiesOf } from '../../core/entities';
import scenario, { params, simulate } from './index';

const NAMES = ['www.naver.com', 'naver.com', 'example.com', 'www.google.com', '한국.kr', 'www.example.org', 'nope.naver.com', 'foo.de', 'localhost'];
const messages = (tl: ReturnType<typeof simulate>) => tl.spans.map((s) => s.entity).filter((e) => e.kind === 'message') as import('../../figures/sequence').MessageEntity[];

describe('dns-resolution scenario', () => {
  it('same params and seed give the same JSON; another seed changes the IDs', () => {
    for (const loss of [0, 30]) {
      const a = JSON.stringify(simulate({ loss }, 11));
      expect(JSON.stringify(simulate({ loss }, 11))).toBe(a);
      expect(JSON.stringify(simulate({ loss }, 12))).not.toBe(a);
    }
  });

  it('every arrow carries bytes that decode to exactly what its label says, on UDP port 53', () => {
    for (const [i, name] of NAMES.entries()) {
      for (const mode of ['recursive', 'iterative-from-stub']) {
        const tl = simulate({ name, mode, loss: 20, qtype: ['a', 'aaaa', 'mx', 'txt'][i % 4] }, i + 1);
        for (const m of messages(tl)) {
          const f = m.packet!;
          expect(f.proto).toBe('udp');
          if (f.proto !== 'udp') continue;
          expect([f.fields.srcPort, f.fields.dstPort]).toContain(53);
          const d = decodeDns(fromHex(f.fields.dataHex!));
          expect(labelOf(d)).toBe(m.label);
          expect(m.tone).toBe(d.qr ? 'answer' : 'query');
        }
      }
    }
  });

  it('tells the story by keys: stub query, root and TLD referrals, the answer, then the cached answer with no hop past the resolver', () => {
    const tl = withScenes(simulate({}, 1));
    const keys = tl.steps.map((s) => s.key).filter(Boolean);
    expect(keys).toEqual(['stub-query', 'resolver-query', 'root-referral', 'tld-referral', 'cname', 'auth-answer', 'answer', 'second-lookup', 'cached-answer', 'second-answer']);
    const second = tl.steps.findIndex((s) => s.key === 'second-lookup');
    const later = messages(simulate({}, 1)).filter((m) => m.y0 >= second);
    expect(later.map((m) => `${m.from}>${m.to}`)).toEqual(['stub>resolver', 'resolver>stub']);
    // The authoritative answer is the resolver's to return: AA=1 from nheos, AA=0 from the resolver.
    const auth = tl.steps.find((s) => s.key === 'auth-answer')!;
    expect(auth.narration.en).toContain('returns the address to the resolver');
    // The cache panel counts the A record's TTL down: learned with 300 s at 325 ms, 299 s left at 330 ms, 269 s 30 s later.
    const ttl = (i: number) => (tl.steps[i].scene.entities.cache as import('../../figures/panels').CountersEntity).rows.find((r) => r.label.en === 'www.naver.com.nheos.com')?.values[2];
    expect(ttl(tl.steps.findIndex((s) => s.key === 'answer'))).toBe('299 s');
    expect(ttl(tl.steps.findIndex((s) => s.key === 'second-answer'))).toBe('269 s');
    const t = (k: string) => tl.steps.find((s) => s.key === k)!.t;
    expect(t('second-answer') - t('second-lookup')).toBeLessThan((t('answer') - t('stub-query')) / 10);
  });

  it('warm cache skips the root; loss brings retransmissions; a dead zone gives SERVFAIL', () => {
    const warm = simulate({ cache: 'warm' }, 1);
    expect(messages(warm).some((m) => m.to === 'root')).toBe(false);
    let sawRetransmit = false;
    let sawFailure = false;
    for (let seed = 1; seed <= 40; seed++) {
      const tl = simulate({ loss: 50 }, seed);
      const keys = tl.steps.map((s) => s.key);
      sawRetransmit ||= keys.includes('retransmit');
      sawFailure ||= keys.includes('servfail') || keys.includes('stub-timeout');
      // Every lookup ends: an answer to the app or a clear failure.
      expect(tl.steps.filter((s) => /getaddrinfo\(\) (fails|reports)|The lookup is done|no .* record/.test(s.narration.en)).length, `seed ${seed}`).toBe(2);
    }
    expect(sawRetransmit && sawFailure).toBe(true);
  });

  it('IDN names are looked up as A-labels and said so; bad names are refused by the codec', () => {
    const tl = simulate({ name: '한국.kr' }, 1);
    expect(tl.notices?.[0].en).toContain('xn--3e0b707e.kr');
    expect(messages(tl)[0].label).toMatch(/^xn--3e0b707e\.kr A\?/);
    const r = parseParams(params, new URLSearchParams('name=bad_name..com&loss=80&rtt-root=0&qtype=SRV'));
    expect(r.values).toMatchObject({ name: 'www.naver.com', loss: 50, 'rtt-root': 1, qtype: 'a' });
    expect(r.issues.map((i) => i.param).sort()).toEqual(['loss', 'name', 'qtype', 'rtt-root']);
  });

  it('localhost is answered by the hosts file with no packet at all', () => {
    const tl = simulate({ name: 'localhost' }, 1);
    expect(messages(tl)).toEqual([]);
    expect(tl.steps.some((s) => s.narration.en.includes('hosts file'))).toBe(true);
  });

  it('no story file is over 250 lines and the scene never lists a message twice', () => {
    for (const f of ['story.ts', 'narrate.ts', 'index.ts']) expect(readFileSync(join(__dirname, f), 'utf8').split('\n').length, f).toBeLessThanOrEqual(250);
    const tl = withScenes(simulate({ loss: 30 }, 3));
    for (const s of tl.steps) {
      const ids = entitiesOf(s.scene, 'message').map((m) => m.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

function hasTshark(): boolean {
  try { execFileSync('tshark', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
}

describe.runIf(hasTshark())('tshark reads every hop as the diagram labels it', () => {
  it('UDP port 53, dns.qry.name, dns.flags.authoritative and dns.count.answers match each label', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pt-dns-'));
    try {
      for (const [i, v] of ([{}, { mode: 'iterative-from-stub', cache: 'warm' }, { name: 'nope.naver.com', qtype: 'aaaa' }, { loss: 40, name: 'www.google.com' }] as ParamValues[]).entries()) {
        const tl = scenario.simulate(v, i + 1);
        const file = join(dir, `dns-${i}.pcap`);
        writeFileSync(file, timelinePcap(tl));
        const fields = ['udp.srcport', 'udp.dstport', 'dns.qry.name', 'dns.flags.response', 'dns.flags.authoritative', 'dns.count.answers'];
        const out = execFileSync('tshark', ['-r', file, '-T', 'fields', '-E', 'separator=\t', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
        const rows = out.trim().split('\n').map((l) => l.split('\t'));
        const packets = capture(tl);
        expect(rows.length).toBe(packets.length);
        rows.forEach(([sp, dp, qname, resp, aa, an], j) => {
          const label = packets[j].label;
          expect([sp, dp]).toContain('53');
          expect(label.startsWith(`${qname} `), label).toBe(true);
          if (resp === 'True' || resp === '1') {
            expect(label).toContain(`aa=${aa === 'True' || aa === '1' ? 1 : 0} an=${an}`);
          } else expect(label).toMatch(/\? id=0x/);
        });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
