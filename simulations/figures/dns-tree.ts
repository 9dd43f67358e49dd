/**
 * The DNS namespace figure (RFC 1034 §3.1): a tree of labels from the root down, laid out by the
 * engine (d3-hierarchy, rounded), with zones shaded as subtrees and delegations (zone cuts, NS
 * records at the cut, RFC 1034 §4.2) marked; and the record-type table it links to.
 */
import type { Text } from '../core/text';

/** One node of the namespace: a label, placed at (x, y) in the tree's own units. */
export interface DnsTreeNode {
  /** The node's domain name, lower-case ASCII, with the root's trailing dot: '.', 'com.', 'naver.com.'. */
  id: string;
  /** The label as stored (A-label for an IDN), '' for the root. */
  label: string;
  /** The Unicode form of an IDN label (U-label), when it differs from `label`. */
  unicode?: string;
  depth: number;
  x: number;
  y: number;
  /** The zone this node's data belongs to (its apex's id). */
  zone: string;
  /** Not in the base namespace: added for the typed name (shown from the beat its label is read). */
  added: boolean;
  /** Hidden until its label is read. */
  shown: boolean;
  /** 'path': on the typed name's path, already read; 'current': read at this step. */
  lit: 'none' | 'path' | 'current';
}

export interface DnsTreeEdge {
  /** Parent and child node ids. */
  from: string;
  to: string;
  /** A zone cut: the parent zone delegates the child's zone with NS records (RFC 1034 §4.2.1). */
  cut: boolean;
  lit: boolean;
}

export interface DnsZoneShade {
  /** The zone's apex node id. */
  apex: string;
  /** Every node of the zone (apex included), ids. */
  nodes: string[];
  /** Emphasised: the zone the current step is about. */
  lit: boolean;
}

/** A CNAME drawn from an alias to its canonical name (RFC 1034 §3.6.2). */
export interface DnsAliasLink {
  from: string;
  to: string;
  lit: boolean;
}

/** The typed name, label by label, as read right to left. */
export interface DnsNameLabel {
  /** As typed. */
  text: string;
  /** As stored (lower-case, A-label). */
  ascii: string;
  state: 'pending' | 'read' | 'current' | 'bad';
}

export interface DnsTreeEntity {
  kind: 'dns-tree';
  id: string;
  /** Size of the laid-out tree, in its units (nodes lie inside with a margin). */
  width: number;
  height: number;
  nodes: DnsTreeNode[];
  edges: DnsTreeEdge[];
  zones: DnsZoneShade[];
  aliases: DnsAliasLink[];
  /** The typed name, left to right as written; `fqdn` shows the root's trailing dot. */
  name: { labels: DnsNameLabel[]; fqdn: boolean; ok: boolean };
}

export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'MX' | 'TXT' | 'SOA';

export interface RecordTableRow {
  type: DnsRecordType;
  /** The TYPE value on the wire (RFC 1035 §3.2.2, RFC 3596 for AAAA). */
  code: number;
  meaning: Text;
  /** A record of this type from the typed name's zone, in zone-file form, or '' when the zone has none. */
  example: string;
  /** The zone holds records of this type. */
  inZone: boolean;
  /** The typed name itself owns records of this type. */
  atName: boolean;
}

export interface RecordTableEntity {
  kind: 'record-table';
  id: string;
  title: Text;
  /** The zone the rows are about (apex id), or '' before a zone is known. */
  zone: string;
  rows: RecordTableRow[];
  /** Rows are emphasised (the step is about the records). */
  lit: boolean;
}

declare module '../core/entities' {
  interface EntityMap {
    'dns-tree': DnsTreeEntity;
    'record-table': RecordTableEntity;
  }
}

declare module '../core/timeline' {
  interface StageMap {
    'dns-tree': true;
  }
}
