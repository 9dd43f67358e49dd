/**
 * The resource tree panel: every resource a server holds, by path (RFC 3986 §3.3), with its
 * current ETag and a one-line summary, the resources the last request touched marked, and
 * the typed path checked against common URI naming conventions.
 */
import type { Text } from '../core/text';

export type ResourceNodeState = 'same' | 'target' | 'created' | 'changed' | 'deleted';

export interface ResourceNode {
  path: string;
  /** Path segments below the root: /boards is 1, /boards/13/comments is 3. */
  depth: number;
  /** A collection (drawn as a folder) or a single resource. */
  collection: boolean;
  /** Short content: a count for collections, the name or text for items. */
  summary: string;
  /** Strong ETag of its representation; empty for a deleted node. */
  etag: string;
  state: ResourceNodeState;
}

export interface ResourceCheck {
  rule: string;
  /** 'convention': a naming habit, not part of REST or HTTP. */
  kind: 'convention';
  ok: boolean;
  message?: Text;
}

export interface ResourceTreeEntity {
  kind: 'resource-tree';
  id: string;
  title: Text;
  nodes: ResourceNode[];
  /** The request just answered, if any: "PUT /boards/13 → 412". */
  last?: { method: string; path: string; status: number };
  /** The typed path and the conventions it keeps or breaks. */
  check?: { path: string; items: ResourceCheck[] };
}

declare module '../core/entities' {
  interface EntityMap {
    'resource-tree': ResourceTreeEntity;
  }
}
