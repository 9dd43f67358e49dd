/**
 * The namespace tree for one typed name: the base tree plus a node for every label of the name
 * that is not in it, each node assigned to its zone, laid out with d3-hierarchy's tidy tree
 * (Reingold–Tilford). Coordinates leave this module rounded to whole units.
 */
import { hierarchy, tree } from 'd3-hierarchy';
import { punycodeDecode } from '../../names';
import { BASE_NAMES, ZONE_APEXES } from './namespace';

/** Horizontal distance between sibling centres, vertical distance between levels, margin (tree units). */
export const DX = 140;
export const DY = 96;
export const MARGIN = 60;

export interface NsNode {
  /** Lower-case ASCII name without the trailing dot ('' is the root). */
  name: string;
  /** Node id: the name with its trailing dot ('.' for the root). */
  id: string;
  label: string;
  unicode?: string;
  parent: string | null;
  depth: number;
  zone: string;
  added: boolean;
  x: number;
  y: number;
}

export interface Namespace {
  nodes: NsNode[];
  byName: Map<string, NsNode>;
  apexes: Set<string>;
  width: number;
  height: number;
}

export const idOf = (name: string): string => (name === '' ? '.' : name + '.');
const parentOf = (name: string): string | null => (name === '' ? null : name.includes('.') ? name.slice(name.indexOf('.') + 1) : '');

interface Build {
  name: string;
  children: Build[];
}

/**
 * Builds and lays out the tree. `typed` is the name's ASCII form (no trailing dot), or null when
 * there is no valid name to add. A TLD or a second-level name that is not in the base tree is
 * taken for a zone of its own (the root delegates every TLD; registries delegate the names
 * registered under them); deeper new names stay in their parent's zone.
 */
export function buildNamespace(typed: string | null): Namespace {
  const base = new Set<string>(['']);
  for (const n of BASE_NAMES) for (let x: string | null = n; x !== null; x = parentOf(x)) base.add(x);
  const names: string[] = [...base];
  const apexes = new Set(ZONE_APEXES);
  if (typed !== null && typed !== '') {
    const chain: string[] = [];
    for (let x: string | null = typed; x !== null && x !== ''; x = parentOf(x)) chain.unshift(x);
    for (const n of chain) {
      if (base.has(n)) continue;
      names.push(n);
      const depth = n.split('.').length;
      if (depth <= 2) apexes.add(n);
    }
  }
  const builds = new Map<string, Build>(names.map((n) => [n, { name: n, children: [] }]));
  for (const n of names) if (n !== '') builds.get(parentOf(n)!)!.children.push(builds.get(n)!);
  const root = hierarchy(builds.get('')!);
  const laid = tree<Build>()
    .nodeSize([DX, DY])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.25))(root);
  const all = laid.descendants();
  const minX = Math.min(...all.map((d) => d.x));
  const maxX = Math.max(...all.map((d) => d.x));
  const maxDepth = Math.max(...all.map((d) => d.depth));
  const zoneOf = (name: string): string => {
    for (let x: string | null = name; x !== null; x = parentOf(x)) if (apexes.has(x)) return x;
    return '';
  };
  const nodes: NsNode[] = all.map((d) => {
    const name = d.data.name;
    const label = name === '' ? '' : name.split('.')[0];
    const unicode = label.startsWith('xn--') ? (punycodeDecode(label.slice(4)) ?? undefined) : undefined;
    return {
      name,
      id: idOf(name),
      label,
      ...(unicode ? { unicode } : {}),
      parent: name === '' ? null : parentOf(name),
      depth: d.depth,
      zone: zoneOf(name),
      added: !base.has(name),
      x: Math.round(d.x - minX + MARGIN),
      y: Math.round(d.y + MARGIN),
    };
  });
  return {
    nodes,
    byName: new Map(nodes.map((n) => [n.name, n])),
    apexes,
    width: Math.round(maxX - minX + 2 * MARGIN),
    height: Math.round(maxDepth * DY + 2 * MARGIN),
  };
}
