/**
 * The API's HTTP semantics (RFC 9110) over the store: one request in, one response out,
 * and the store after it. Order of checks: the resource (404), the method (405 + Allow),
 * OPTIONS, preconditions (RFC 9110 §13.2.2: If-Match → 412, If-None-Match → 304 or 412),
 * then the content (415, 400 with a problem+json body, RFC 9457), conflicts (409), the change.
 * No Date header: a server without a clock must not send one (RFC 9110 §6.6.1).
 */
import {
  allowOf, boardOf, currentEtag, exists, isCollection, pathOf, representation, route,
  type Board, type Route, type Store,
} from './store';
import { validateBoard, validateComment, validatePatch, type Problem } from './validate';

export type Header = [name: string, value: string];

export interface ApiRequest {
  method: string;
  target: string;
  headers: readonly Header[];
  body: string;
}

export interface ApiResponse {
  status: number;
  reason: string;
  headers: Header[];
  /** UTF-8 text; empty for 204, 304 and HEAD. */
  body: string;
}

/** Why the server answered as it did: the story narrates from this, never from the text. */
export type Outcome =
  | 'not-found' | 'method-not-allowed' | 'options' | 'precondition-failed' | 'not-modified'
  | 'unsupported-media-type' | 'bad-json' | 'invalid' | 'conflict'
  | 'read' | 'head' | 'created' | 'replaced' | 'patched' | 'deleted';

export interface Served {
  store: Store;
  response: ApiResponse;
  outcome: Outcome;
  route: Route | null;
  /** Present for 400s: what was wrong with the content. */
  problem?: Problem;
}

export const REASONS: Readonly<Record<number, string>> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 304: 'Not Modified', 400: 'Bad Request', 404: 'Not Found',
  405: 'Method Not Allowed', 409: 'Conflict', 412: 'Precondition Failed', 415: 'Unsupported Media Type',
};

const PROBLEM_BASE = 'https://api.example.com/problems/';

export const header = (h: readonly Header[], name: string): string | undefined =>
  h.find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];

function respond(status: number, headers: Header[], body = ''): ApiResponse {
  return { status, reason: REASONS[status], headers, body };
}

/** A problem details response (RFC 9457 §3): `about:blank` types use the status phrase as title. */
function problem(status: number, instance: string, detail: string, type?: string, extra: Header[] = []): ApiResponse {
  const body = JSON.stringify({ type: type ? PROBLEM_BASE + type : 'about:blank', title: REASONS[status], status, detail, instance });
  return respond(status, [['Content-Type', 'application/problem+json'], ['Content-Length', String(byteLength(body))], ...extra], body);
}

export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** Entity tags of an If-Match / If-None-Match list (RFC 9110 §13.1.1), or '*'. Unparseable members are kept as given (they match nothing). */
export function parseTags(v: string): '*' | { weak: boolean; opaque: string }[] {
  if (v.trim() === '*') return '*';
  const out: { weak: boolean; opaque: string }[] = [];
  const re = /\s*(W\/)?("[^"]*")\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while (last < v.length && (m = re.exec(v))) {
    out.push({ weak: Boolean(m[1]), opaque: m[2] });
    last = re.lastIndex;
  }
  return out;
}

/** Strong comparison for If-Match, weak for If-None-Match (RFC 9110 §8.8.3.2). */
export function tagMatches(field: string, etag: string | null, strong: boolean): boolean {
  if (etag === null) return false;
  const tags = parseTags(field);
  if (tags === '*') return true;
  return tags.some((t) => t.opaque === etag && (!strong || !t.weak));
}

const JSON_TYPES = ['application/json'];
const PATCH_TYPES = ['application/merge-patch+json', 'application/json'];
const mediaType = (ct: string | undefined) => (ct ?? '').split(';')[0].trim().toLowerCase();

function withBoard(s: Store, id: number, f: (b: Board) => Board | null): Store {
  return { ...s, boards: s.boards.flatMap((b) => (b.id === id ? [f(b)].filter((x): x is Board => x !== null) : [b])) };
}

export function serve(store: Store, req: ApiRequest): Served {
  const s = answer(store, req);
  if (req.method !== 'HEAD') return s;
  // A response to HEAD never has content (RFC 9110 §9.3.2); its Content-Length is left out too (§8.6 allows either).
  return { ...s, response: { ...s.response, body: '', headers: s.response.headers.filter(([n]) => n !== 'Content-Length') } };
}

function answer(store: Store, req: ApiRequest): Served {
  const r = route(req.target);
  const path = req.target.split('?')[0];
  const out = (response: ApiResponse, outcome: Outcome, s = store, p?: Problem): Served => ({ store: s, response, outcome, route: r, ...(p ? { problem: p } : {}) });
  if (!r || !exists(store, r)) return out(problem(404, path, r ? `${path} does not exist (any more).` : `No resource is named ${path}.`), 'not-found');
  const allow = allowOf(r).join(', ');
  if (!allowOf(r).includes(req.method)) {
    return out(problem(405, path, `${req.method} is not supported by ${isCollection(r) ? 'a collection' : 'a single resource'}; see Allow.`, undefined, [['Allow', allow]]), 'method-not-allowed');
  }
  if (req.method === 'OPTIONS') {
    const extra: Header[] = isCollection(r) ? [] : [['Accept-Patch', PATCH_TYPES.join(', ')]];
    return out(respond(204, [['Allow', allow], ...extra]), 'options');
  }
  const etag = currentEtag(store, r);
  const ifMatch = header(req.headers, 'If-Match');
  if (ifMatch !== undefined && !tagMatches(ifMatch, etag, true)) {
    return out(problem(412, path, `If-Match ${ifMatch} does not match the current ETag: the resource changed since it was read.`), 'precondition-failed');
  }
  const ifNone = header(req.headers, 'If-None-Match');
  if (ifNone !== undefined && tagMatches(ifNone, etag, false)) {
    if (req.method === 'GET' || req.method === 'HEAD') return out(respond(304, [['ETag', etag!], ['Cache-Control', 'no-cache']]), 'not-modified');
    return out(problem(412, path, `If-None-Match ${ifNone} matches the current ETag.`), 'precondition-failed');
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const rep = representation(store, r)!;
    const head: Header[] = [['Content-Type', 'application/json']];
    if (req.method === 'GET') head.push(['Content-Length', String(byteLength(rep))]);
    head.push(['ETag', etag!], ['Cache-Control', 'no-cache']);
    return out(respond(200, head, req.method === 'GET' ? rep : ''), req.method === 'GET' ? 'read' : 'head');
  }
  if (req.method === 'DELETE') {
    const next = r.kind === 'board' ? { ...store, boards: store.boards.filter((b) => b.id !== r.board) }
      : withBoard(store, (r as { board: number }).board, (b) => ({ ...b, comments: b.comments.filter((c) => c.id !== (r as { comment: number }).comment) }));
    return out(respond(204, []), 'deleted', next);
  }
  // POST, PUT, PATCH: the content must be JSON of the right shape.
  const types = req.method === 'PATCH' ? PATCH_TYPES : JSON_TYPES;
  const mt = mediaType(header(req.headers, 'Content-Type'));
  if (req.body !== '' && !types.includes(mt)) {
    const extra: Header[] = req.method === 'PATCH' ? [['Accept-Patch', PATCH_TYPES.join(', ')]] : [];
    return out(problem(415, path, `${mt || 'content without a Content-Type'} is not accepted here; send ${types.join(' or ')}.`, undefined, extra), 'unsupported-media-type');
  }
  let json: unknown;
  try {
    json = req.body === '' ? undefined : JSON.parse(req.body);
  } catch {
    return out(problem(400, path, 'The content is not valid JSON (RFC 8259).', 'invalid-json'), 'bad-json', store, { code: 'bad-json' });
  }
  const isBoard = r.kind === 'boards' || r.kind === 'board';
  const v = req.method === 'PATCH' ? validatePatch(json, isBoard) : isBoard ? validateBoard(json, r.kind === 'board' ? r.board : null) : validateComment(json, r.kind === 'comment' ? r.comment : null);
  if (!v.ok) return out(problem(400, path, v.problem.detail, 'invalid-content'), 'invalid', store, v.problem);
  const fields = v.fields;

  // A board's name is unique (it is how people refer to it): a second one is a conflict with the store's state.
  if (isBoard && fields.name !== undefined) {
    const other = store.boards.find((b) => b.name === fields.name && (r.kind === 'boards' || b.id !== (r as { board: number }).board));
    if (other) return out(problem(409, path, `A board named ${fields.name} exists already: /boards/${other.id}.`, 'name-taken'), 'conflict');
  }
  let next: Store;
  let target: Route;
  if (r.kind === 'boards') {
    const id = store.nextBoard;
    next = { boards: [...store.boards, { id, name: fields.name!, title: fields.title ?? '', comments: [], nextComment: 1 }], nextBoard: id + 1 };
    target = { kind: 'board', board: id };
  } else if (r.kind === 'comments') {
    const id = boardOf(store, r.board)!.nextComment;
    next = withBoard(store, r.board, (b) => ({ ...b, comments: [...b.comments, { id, text: fields.text! }], nextComment: id + 1 }));
    target = { kind: 'comment', board: r.board, comment: id };
  } else if (r.kind === 'board') {
    const put = req.method === 'PUT';
    next = withBoard(store, r.board, (b) => ({ ...b, name: fields.name ?? b.name, title: fields.title ?? (put ? '' : b.title) }));
    target = r;
  } else {
    next = withBoard(store, r.board, (b) => ({ ...b, comments: b.comments.map((c) => (c.id === r.comment ? { ...c, text: fields.text ?? c.text } : c)) }));
    target = r;
  }
  const rep = representation(next, target)!;
  const head: Header[] = [['Content-Type', 'application/json'], ['Content-Length', String(byteLength(rep))], ['ETag', currentEtag(next, target)!]];
  if (r.kind === 'boards' || r.kind === 'comments') {
    return out(respond(201, [['Location', pathOf(target)], ...head], rep), 'created', next);
  }
  return out(respond(200, head, rep), req.method === 'PUT' ? 'replaced' : 'patched', next);
}

