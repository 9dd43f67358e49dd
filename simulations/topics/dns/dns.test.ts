import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../core/params';
import { entitiesOf } from '../../core/entities';
import { withScenes, type FullTimeline } from '../../core/timeline';
import type { DnsTreeEntity, RecordTableEntity } from '../../figures/dns-tree';
import { checkHostname } from '../../names';
import { DX } from './tree';
import { params, simulate } from '.';

const run = (name: string): FullTimeline => withScenes(simulate({ name }, 1));
const treeAt = (tl: FullTimeline, i: number): DnsTreeEntity => entitiesOf(tl.steps[i].scene, 'dns-tree')[0];
const tableAt = (tl: FullTimeline, i: number): RecordTableEntity => entitiesOf(tl.steps[i].scene, 'record-table')[0];
const stepOf = (tl: FullTimeline, key: string) => tl.steps.findIndex((s) => s.key === key);
const lit = (tree: DnsTreeEntity) => tree.nodes.filter((n) => n.lit !== 'none').map((n) => n.id);
/** Node ids from the root down: 'www.naver.com' → ['.', 'com.', 'naver.com.', 'www.naver.com.'] (hand-written in the tables below). */
const chainOf = (ascii: string) => ['.', ...ascii.split('.').map((_, i, a) => a.slice(a.length - 1 - i).join('.') + '.')];

// Valid names: RFC 1035 §2.3.1's and RFC 1034 §3.1's examples, IDN, FQDN, case, underscores, deep names.
const VALID: [string, string[]][] = [
  ['www.naver.com', ['.', 'com.', 'naver.com.', 'www.naver.com.']],
  ['A.ISI.EDU', ['.', 'edu.', 'isi.edu.', 'a.isi.edu.']],
  ['XX.LCS.MIT.EDU', ['.', 'edu.', 'mit.edu.', 'lcs.mit.edu.', 'xx.lcs.mit.edu.']],
  ['SRI-NIC.ARPA', ['.', 'arpa.', 'sri-nic.arpa.']],
  ['한국.kr', ['.', 'kr.', 'xn--3e0b707e.kr.']],
  ['WWW.Example.COM.', ['.', 'com.', 'example.com.', 'www.example.com.']],
  ['com', ['.', 'com.']],
  ['_dmarc.example.com', ['.', 'com.', 'example.com.', '_dmarc.example.com.']],
  ['3com.com', ['.', 'com.', '3com.com.']],
  ['www.naver.com.nheos.com', ['.', 'com.', 'nheos.com.', 'com.nheos.com.', 'naver.com.nheos.com.', 'www.naver.com.nheos.com.']],
  [`${'a'.repeat(63)}.example.org`, ['.', 'org.', 'example.org.', `${'a'.repeat(63)}.example.org.`]],
];

const INVALID: [string, string][] = [
  ['', 'empty-name'],
  ['-bad.com', 'hyphen-edge'],
  ['bad-.com', 'hyphen-edge'],
  ['a..b', 'empty-label'],
  ['.com', 'empty-label'],
  ['exa mple.com', 'ldh'],
  ['under$core.com', 'ldh'],
  [`${'a'.repeat(64)}.com`, 'label-too-long'],
  [Array.from({ length: 127 }, () => 'a').join('.') + '.bc', 'name-too-long'],
  ['1.2.3.4', 'numeric-tld'],
  ['xn--zz.com', 'a-label-invalid'],
];

describe('dns: a valid name is read right to left, label by label', () => {
  for (const [name, chain] of VALID) {
    it(`${JSON.stringify(name.length > 40 ? name.slice(0, 40) + '…' : name)} lights ${chain.length} nodes, root first`, () => {
      expect(chainOf(checkHostname(name).ok ? (checkHostname(name) as { ascii: string }).ascii : '')).toEqual(chain);
      const tl = run(name);
      const keys = tl.steps.map((s) => s.key);
      expect(keys.slice(0, 2)).toEqual(['name', 'root']);
      // One beat per label after the root, each lighting the next node down as 'current'.
      for (let i = 0; i < chain.length; i++) {
        const tree = treeAt(tl, 1 + i);
        const current = tree.nodes.filter((n) => n.lit === 'current').map((n) => n.id);
        expect(current).toEqual([chain[i]]);
        expect(lit(tree).sort()).toEqual(chain.slice(0, i + 1).sort());
      }
      const labelKeys = keys.slice(2, 1 + chain.length);
      const expectKeys = chain.slice(1).map((_, i, all) => (i === 0 ? 'tld' : i === 1 ? 'sld' : i === all.length - 1 ? 'host' : `label-${i + 1}`));
      expect(labelKeys).toEqual(expectKeys);
      expect(keys).toContain('zone-cut');
      expect(keys[keys.length - 1]).toBe('records');
      // The whole path stays lit to the end; nothing else is.
      expect(lit(treeAt(tl, tl.steps.length - 1)).sort()).toEqual([...chain].sort());
      for (const s of tl.steps) {
        expect(s.caption.ko && s.caption.en && s.narration.ko && s.narration.en).toBeTruthy();
      }
    });
  }

  it('labels not in the base tree appear at the beat that reads them, in zones of their own at the top two levels', () => {
    const tl = run('mail.google.dev');
    const byId = (i: number, id: string) => treeAt(tl, i).nodes.find((n) => n.id === id)!;
    for (const id of ['dev.', 'google.dev.', 'mail.google.dev.']) {
      expect(byId(0, id).added).toBe(true);
      expect(byId(0, id).shown).toBe(false);
    }
    expect(byId(stepOf(tl, 'tld'), 'dev.').shown).toBe(true);
    expect(byId(stepOf(tl, 'tld'), 'google.dev.').shown).toBe(false);
    expect(byId(stepOf(tl, 'host'), 'mail.google.dev.').shown).toBe(true);
    const tree = treeAt(tl, tl.steps.length - 1);
    expect(tree.nodes.find((n) => n.id === 'mail.google.dev.')!.zone).toBe('google.dev.');
    expect(tree.zones.map((z) => z.apex)).toEqual(expect.arrayContaining(['dev.', 'google.dev.']));
    // A zone outside the data is only known to have an SOA and NS records at its apex.
    const table = tableAt(tl, tl.steps.length - 1);
    expect(table.rows.filter((r) => r.inZone).map((r) => r.type).sort()).toEqual(['NS', 'SOA']);
    expect(tl.steps[tl.steps.length - 1].narration.en).toContain('NXDOMAIN');
  });

  it('www.naver.com: three zones, two cuts, a CNAME into nheos.com, and its zone\'s record types', () => {
    const tl = run('www.naver.com');
    expect(tl.steps.map((s) => s.key)).toEqual(['name', 'root', 'tld', 'sld', 'host', 'zone-cut', 'cname', 'records']);
    const cut = treeAt(tl, stepOf(tl, 'zone-cut'));
    expect(cut.zones.filter((z) => z.lit).map((z) => z.apex)).toEqual(['.', 'com.', 'naver.com.']);
    expect(cut.edges.filter((e) => e.cut && e.lit).map((e) => e.to)).toEqual(['com.', 'naver.com.']);
    const cname = treeAt(tl, stepOf(tl, 'cname'));
    expect(cname.aliases).toEqual([{ from: 'www.naver.com.', to: 'www.naver.com.nheos.com.', lit: true }]);
    expect(cname.zones.filter((z) => z.lit).map((z) => z.apex)).toEqual(['naver.com.', 'nheos.com.']);
    const table = tableAt(tl, tl.steps.length - 1);
    expect(table.zone).toBe('naver.com.');
    expect(table.lit).toBe(true);
    expect(table.rows.filter((r) => r.inZone).map((r) => r.type)).toEqual(['A', 'CNAME', 'NS', 'MX', 'TXT', 'SOA']);
    expect(table.rows.filter((r) => r.atName).map((r) => r.type)).toEqual(['CNAME']);
    expect(table.rows.find((r) => r.type === 'CNAME')!.example).toBe('www.naver.com. 21600 IN CNAME www.naver.com.nheos.com.');
    expect(table.rows.map((r) => [r.type, r.code])).toEqual([['A', 1], ['AAAA', 28], ['CNAME', 5], ['NS', 2], ['MX', 15], ['TXT', 16], ['SOA', 6]]);
  });

  it('an IDN label is drawn with its U-label and stored as its A-label', () => {
    const tl = run('한국.kr');
    const node = treeAt(tl, tl.steps.length - 1).nodes.find((n) => n.id === 'xn--3e0b707e.kr.')!;
    expect(node).toMatchObject({ label: 'xn--3e0b707e', unicode: '한국', added: false });
    expect(tl.steps[stepOf(tl, 'sld')].narration.en).toContain('xn--3e0b707e');
  });

  it('an empty non-terminal gets NODATA, not NXDOMAIN', () => {
    const tl = run('com.nheos.com');
    expect(tl.steps[tl.steps.length - 1].narration.en).toContain('NODATA');
  });

  it('the layout is whole numbers inside the frame, siblings never closer than one slot', () => {
    for (const [name] of VALID) {
      const tree = treeAt(run(name), 0);
      for (const n of tree.nodes) {
        expect(Number.isInteger(n.x) && Number.isInteger(n.y)).toBe(true);
        expect(n.x).toBeGreaterThan(0);
        expect(n.x).toBeLessThan(tree.width);
        expect(n.y).toBeLessThan(tree.height);
      }
      const byDepth = new Map<number, number[]>();
      for (const n of tree.nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), n.x]);
      for (const xs of byDepth.values()) {
        xs.sort((a, b) => a - b);
        for (let i = 1; i < xs.length; i++) expect(xs[i] - xs[i - 1]).toBeGreaterThanOrEqual(DX - 1);
      }
    }
  });
});

describe('dns: an invalid name gets its messages, over the base tree', () => {
  for (const [name, rule] of INVALID) {
    it(`${JSON.stringify(name.slice(0, 30))} breaks ${rule}`, () => {
      const h = checkHostname(name);
      expect(h.ok).toBe(false);
      if (h.ok) return;
      expect(h.problems.map((p) => p.rule)).toContain(rule);
      const tl = run(name);
      expect(tl.scenario).toBe('invalid-name');
      expect(tl.steps.map((s) => s.key)).toEqual(['name', 'invalid']);
      // Every problem is on the page (notices) and in the narration.
      expect(tl.notices).toEqual(h.problems.map((p) => p.message));
      for (const p of h.problems) expect(tl.steps[1].narration.en).toContain(p.message.en);
      const tree = treeAt(tl, 1);
      expect(tree.name.ok).toBe(false);
      expect(tree.nodes.length).toBeGreaterThanOrEqual(10);
      expect(tree.nodes.some((n) => n.added || n.lit !== 'none')).toBe(false);
      for (const p of h.problems) if (p.severity === 'error' && p.index !== undefined) expect(tree.name.labels[p.index].state).toBe('bad');
    });
  }
});

describe('dns: any input', () => {
  it('any string gives a timeline whose every beat has ko and en text and whose every step draws the tree', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(fc.constantFrom('a', '-', '.', '한', 'xn--', '_', '0', ' ', 'Z'), { maxLength: 20 }).map((x) => x.join(''))), (name) => {
        const tl = run(name);
        expect(tl.steps.length).toBeGreaterThanOrEqual(2);
        for (const s of tl.steps) {
          for (const x of [s.caption, s.narration]) expect(x.ko !== '' && x.en !== '').toBe(true);
          expect(entitiesOf(s.scene, 'dns-tree')).toHaveLength(1);
          expect(entitiesOf(s.scene, 'record-table')).toHaveLength(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same name gives the same bytes', () => {
    for (const [name] of [...VALID, ...INVALID]) expect(JSON.stringify(simulate({ name }, 3))).toBe(JSON.stringify(simulate({ name }, 3)));
  });

  it('the param codec keeps any name up to 300 characters and replaces a longer one with the default, saying so', () => {
    const long = 'a'.repeat(301);
    const { values, issues } = parseParams(params, new URLSearchParams({ name: long }));
    expect(values.name).toBe('www.naver.com');
    expect(issues).toHaveLength(1);
    expect(parseParams(params, new URLSearchParams({ name: '-bad-.com' })).values.name).toBe('-bad-.com');
  });
});

describe('dns: names that are also object keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty.com'])('%s gives a timeline, never an exception', async (name) => {
    const sc = (await import('.')).default;
    const tl = sc.simulate({ name }, 1);
    expect(tl.steps.length).toBeGreaterThan(0);
  });
});
