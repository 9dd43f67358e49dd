/**
 * The dns story: the typed name read right to left, one beat per label (root, TLD, second
 * level, …), its path lit in the namespace tree; then the zones and delegations on the way,
 * the CNAME if the name is an alias, and the record types of its zone. An invalid name gets
 * a beat listing every rule it breaks, over the base tree.
 */
import { StoryBuilder, type Story } from '../../core/story';
import type { Text } from '../../core/text';
import type { DnsNameLabel, DnsTreeEntity } from '../../figures/dns-tree';
import { checkHostname, type HostnameFail, type HostnameOk } from '../../names';
import { cnameOf, ZONE_RECORDS } from './namespace';
import { recordsAt, recordTable } from './records';
import { cnameText, invalidTexts, labelText, nameText, ROOT_TEXT, recordsText, zoneCutText } from './texts';
import { buildNamespace, idOf, type Namespace } from './tree';

/** Milliseconds between beats (the story has no network time; beats are evenly spaced). */
const BEAT_MS = 1000;

interface Lit {
  read: Set<string>;
  current: string | null;
  zones: string[];
  alias: boolean;
  labels: DnsNameLabel[];
  fqdn: boolean;
  ok: boolean;
}

function treeEntity(ns: Namespace, v: Lit): DnsTreeEntity {
  const aliases = ns.nodes.flatMap((n) => {
    const target = cnameOf(n.name);
    return target !== null && ns.byName.has(target) ? [{ from: n.id, to: idOf(target), lit: v.alias }] : [];
  });
  return {
    kind: 'dns-tree',
    id: 'namespace',
    width: ns.width,
    height: ns.height,
    nodes: ns.nodes.map((n) => ({
      id: n.id,
      label: n.label,
      ...(n.unicode ? { unicode: n.unicode } : {}),
      depth: n.depth,
      x: n.x,
      y: n.y,
      zone: idOf(n.zone),
      added: n.added,
      shown: !n.added || v.read.has(n.name),
      lit: n.name === v.current ? 'current' : v.read.has(n.name) ? 'path' : 'none',
    })),
    edges: ns.nodes
      .filter((n) => n.parent !== null)
      .map((n) => ({ from: idOf(n.parent!), to: n.id, cut: ns.apexes.has(n.name), lit: v.read.has(n.name) && v.read.has(n.parent!) })),
    zones: [...ns.apexes]
      .filter((a) => ns.byName.has(a))
      .map((a) => ({ apex: idOf(a), nodes: ns.nodes.filter((n) => n.zone === a).map((n) => n.id), lit: v.zones.includes(a) })),
    aliases,
    name: { labels: v.labels, fqdn: v.fqdn, ok: v.ok },
  };
}

export interface DnsStory {
  story: Story;
  ok: boolean;
  notices: Text[];
  /** The lit path, root first (names without the trailing dot, '' for the root). */
  path: string[];
}

function validStory(h: HostnameOk): DnsStory {
  const b = new StoryBuilder();
  const ns = buildNamespace(h.ascii);
  const chain = h.reversed.slice(1).map((_, i, all) => all.slice(0, i + 1).reverse().join('.'));
  const path = ['', ...chain];
  const v: Lit = {
    read: new Set(),
    current: null,
    zones: [],
    alias: false,
    labels: h.labels.map((l) => ({ text: l.text, ascii: l.ascii, state: 'pending' })),
    fqdn: h.fqdn,
    ok: true,
  };
  let t = 0;
  const beat = (key: string, x: { caption: Text; narration: Text }) => {
    b.beat({ t, key, ...x });
    t += BEAT_MS;
  };
  const draw = (lit: boolean, zone: string | null = null) => {
    b.show(treeEntity(ns, v));
    b.show(recordTable(zone, zone === null ? null : h.ascii, lit));
  };
  beat('name', nameText(h));
  draw(false);
  beat('root', ROOT_TEXT);
  v.read.add('');
  v.current = '';
  draw(false);
  const n = h.labels.length;
  for (let i = 0; i < n; i++) {
    const name = chain[i];
    const node = ns.byName.get(name)!;
    const labelIndex = n - 1 - i;
    const last = i === n - 1;
    const key = i === 0 ? 'tld' : i === 1 ? 'sld' : last ? 'host' : `label-${i + 1}`;
    const parentZone = ns.byName.get(node.parent!)!.zone;
    beat(key, labelText(node, last, h.labels[labelIndex].octets, parentZone));
    v.read.add(name);
    v.current = name;
    v.labels = v.labels.map((l, j) => ({ ...l, state: j === labelIndex ? 'current' : j > labelIndex ? 'read' : 'pending' }));
    draw(false);
  }
  const target = ns.byName.get(h.ascii)!;
  const zones = [...new Set(path.map((p) => ns.byName.get(p)!.zone))];
  beat('zone-cut', zoneCutText(h.ascii, zones, target.zone));
  v.current = null;
  v.labels = v.labels.map((l) => ({ ...l, state: 'read' }));
  v.zones = zones;
  draw(false, target.zone);
  const alias = cnameOf(h.ascii);
  let zone = target.zone;
  if (alias !== null && ns.byName.has(alias)) {
    const aliasZone = ns.byName.get(alias)!.zone;
    beat('cname', cnameText(h.ascii, alias, aliasZone));
    v.alias = true;
    v.zones = [target.zone, aliasZone];
    draw(false, target.zone);
    zone = target.zone;
  }
  const rows = recordTable(zone, h.ascii, true).rows;
  const hasChildren = ns.nodes.some((x) => x.parent === h.ascii);
  beat('records', recordsText(h.ascii, zone, rows.filter((r) => r.inZone).map((r) => r.type), recordsAt(zone, h.ascii), hasChildren, zone in ZONE_RECORDS));
  v.zones = [zone];
  draw(true, zone);
  return { story: b.build(), ok: true, notices: h.warnings.map((w) => w.message), path };
}

/** Splits what was typed into labels the way the checker numbers them (a single trailing dot is the root). */
function typedLabels(input: string): { labels: string[]; fqdn: boolean } {
  const s = input.trim();
  const fqdn = s.length > 1 && /[.\u3002\uFF0E\uFF61]$/.test(s) && !/[.\u3002\uFF0E\uFF61]{2}$/.test(s);
  const body = fqdn ? s.slice(0, -1) : s;
  return { labels: body === '' ? [] : body.split(/[.\u3002\uFF0E\uFF61]/), fqdn };
}

function invalidStory(h: HostnameFail): DnsStory {
  const b = new StoryBuilder();
  const ns = buildNamespace(null);
  const { labels, fqdn } = typedLabels(h.input);
  const bad = new Set(h.problems.filter((p) => p.severity === 'error' && p.index !== undefined).map((p) => p.index!));
  const v: Lit = {
    read: new Set(),
    current: null,
    zones: [],
    alias: false,
    labels: labels.map((text, i) => ({ text, ascii: text.toLowerCase(), state: bad.has(i) ? 'bad' : 'read' })),
    fqdn,
    ok: false,
  };
  const x = invalidTexts(h);
  b.beat({ t: 0, key: 'name', ...x.name });
  b.show(treeEntity(ns, v));
  b.show(recordTable(null, null, false));
  b.beat({ t: BEAT_MS, key: 'invalid', ...x.invalid });
  return { story: b.build(), ok: false, notices: h.problems.map((p) => p.message), path: [] };
}

/** The whole story for what was typed. Never throws: any string gets a story. */
export function dnsStory(input: string): DnsStory {
  const h = checkHostname(input);
  return h.ok ? validStory(h) : invalidStory(h);
}
