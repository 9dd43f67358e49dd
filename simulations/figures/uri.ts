/**
 * The URI figures: a URI reference broken into its parts (RFC 3986 §3, the WHATWG URL Standard's
 * components, RFC 8141 for URNs), each part a character range of a row's text; and the Venn
 * figure of URI ⊃ URL, URN (RFC 3986 §1.1.3) with where the input falls.
 */
import type { Text } from '../core/text';

export type UriPartName = 'scheme' | 'userinfo' | 'host' | 'port' | 'path' | 'query' | 'fragment' | 'nid' | 'nss';

/** A part of a row's text: characters [start, end) (UTF-16 indices). */
export interface UriPartSpan {
  part: UriPartName;
  start: number;
  end: number;
  /** 'hidden': not coloured yet; 'shown': coloured; 'current': coloured and the step is about it. */
  state: 'hidden' | 'shown' | 'current';
}

export interface UriRow {
  id: 'input' | 'split' | 'href' | 'resolved';
  title: Text;
  text: string;
  parts: UriPartSpan[];
}

export interface UriChangeMark {
  part: string;
  from: string;
  to: string;
}

export interface UriPartsEntity {
  kind: 'uri-parts';
  id: string;
  rows: UriRow[];
  /** What the parser changed (shown under the rows at the normalisation step). */
  changes: UriChangeMark[];
  /** Problems to show in place of parts (invalid input). */
  errors: Text[];
}

export type VennRegion = 'url' | 'urn' | 'uri' | 'relative' | 'invalid';

export interface VennEntity {
  kind: 'venn';
  id: string;
  title: Text;
  /** Where the input falls; null: not placed yet. */
  region: VennRegion | null;
  /** The input, shortened, as the marker's label. */
  marker: string;
}

declare module '../core/entities' {
  interface EntityMap {
    'uri-parts': UriPartsEntity;
    venn: VennEntity;
  }
}

declare module '../core/timeline' {
  interface StageMap {
    'uri-parts': true;
  }
}
