/**
 * The resource store behind the API: boards and their comments, as immutable values, and
 * the representations the server sends (JSON, with links to related resources).
 * Strong ETags are computed from a representation's bytes (RFC 9110 §8.8.3): SHA-256,
 * base64url, first 16 characters (96 bits), so a tag changes exactly when the bytes do.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8Encode } from '../../wire/bytes';

export interface Comment {
  id: number;
  text: string;
}

export interface Board {
  id: number;
  name: string;
  title: string;
  comments: readonly Comment[];
  nextComment: number;
}

export interface Store {
  boards: readonly Board[];
  nextBoard: number;
}

/** What the page starts with: board 13 (the sheet's example) and one comment on it. */
export const INITIAL_STORE: Store = {
  boards: [
    { id: 7, name: 'notice', title: 'Notices', comments: [], nextComment: 1 },
    { id: 13, name: 'my-first-board', title: 'Hello, REST', comments: [{ id: 1, text: 'first!' }], nextComment: 2 },
  ],
  nextBoard: 14,
};

/** The resources this API has: two collections and their members (RFC 3986 §3.3 path segments). */
export type Route =
  | { kind: 'boards' }
  | { kind: 'board'; board: number }
  | { kind: 'comments'; board: number }
  | { kind: 'comment'; board: number; comment: number };

const ID = '([1-9][0-9]{0,8})';
const ROUTES: readonly [RegExp, (m: RegExpExecArray) => Route][] = [
  [/^\/boards$/, () => ({ kind: 'boards' })],
  [new RegExp(`^/boards/${ID}$`), (m) => ({ kind: 'board', board: Number(m[1]) })],
  [new RegExp(`^/boards/${ID}/comments$`), (m) => ({ kind: 'comments', board: Number(m[1]) })],
  [new RegExp(`^/boards/${ID}/comments/${ID}$`), (m) => ({ kind: 'comment', board: Number(m[1]), comment: Number(m[2]) })],
];

/** The route of a request target's path (the query is ignored); null: no such resource here. */
export function route(target: string): Route | null {
  const path = target.split('?')[0];
  for (const [re, make] of ROUTES) {
    const m = re.exec(path);
    if (m) return make(m);
  }
  return null;
}

export const pathOf = (r: Route): string =>
  r.kind === 'boards' ? '/boards'
  : r.kind === 'board' ? `/boards/${r.board}`
  : r.kind === 'comments' ? `/boards/${r.board}/comments`
  : `/boards/${r.board}/comments/${r.comment}`;

export const isCollection = (r: Route): boolean => r.kind === 'boards' || r.kind === 'comments';

/** Methods each kind of resource supports, in the order `Allow` lists them (RFC 9110 §10.2.1). */
export const COLLECTION_METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'] as const;
export const ITEM_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export const allowOf = (r: Route): readonly string[] => (isCollection(r) ? COLLECTION_METHODS : ITEM_METHODS);

export const boardOf = (s: Store, id: number): Board | undefined => s.boards.find((b) => b.id === id);

/** Whether the resource exists now (a collection of comments exists while its board does). */
export function exists(s: Store, r: Route): boolean {
  if (r.kind === 'boards') return true;
  const b = boardOf(s, r.board);
  if (!b) return false;
  return r.kind === 'comment' ? b.comments.some((c) => c.id === r.comment) : true;
}

/** The JSON value a resource is represented by (members in a fixed order, so bytes are stable). */
function value(s: Store, r: Route): unknown {
  const b = r.kind === 'boards' ? undefined : boardOf(s, r.board);
  switch (r.kind) {
    case 'boards':
      return { boards: s.boards.map((x) => ({ id: x.id, name: x.name, href: `/boards/${x.id}` })) };
    case 'board':
      return { id: b!.id, name: b!.name, title: b!.title, comments: `/boards/${b!.id}/comments` };
    case 'comments':
      return { comments: b!.comments.map((c) => ({ id: c.id, text: c.text, href: `/boards/${b!.id}/comments/${c.id}` })) };
    case 'comment': {
      const c = b!.comments.find((x) => x.id === r.comment)!;
      return { id: c.id, text: c.text, board: `/boards/${b!.id}` };
    }
  }
}

/** The representation's text (application/json), or null when the resource does not exist. */
export function representation(s: Store, r: Route): string | null {
  return exists(s, r) ? JSON.stringify(value(s, r)) : null;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** base64url without padding (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += B64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** A strong entity tag for a representation: `"` + 16 base64url characters of its SHA-256 + `"`. */
export const etagOf = (rep: string): string => `"${base64url(sha256(utf8Encode(rep))).slice(0, 16)}"`;

/** The resource's current ETag, or null when it does not exist. */
export function currentEtag(s: Store, r: Route): string | null {
  const rep = representation(s, r);
  return rep === null ? null : etagOf(rep);
}

/** Every resource that exists, parents before children: what the tree panel draws. */
export function allResources(s: Store): { path: string; route: Route; etag: string; summary: string }[] {
  const out: { path: string; route: Route; etag: string; summary: string }[] = [];
  const add = (r: Route, summary: string) => out.push({ path: pathOf(r), route: r, etag: currentEtag(s, r)!, summary });
  add({ kind: 'boards' }, `${s.boards.length}`);
  for (const b of s.boards) {
    add({ kind: 'board', board: b.id }, `${b.name} · ${b.title}`);
    add({ kind: 'comments', board: b.id }, `${b.comments.length}`);
    for (const c of b.comments) add({ kind: 'comment', board: b.id, comment: c.id }, c.text);
  }
  return out;
}
