/**
 * What a request's JSON content must look like: a board `{ "name", "title"? }`, a comment
 * `{ "text" }`, or a JSON merge patch of either (RFC 7396: members replace, null removes).
 * Each failure names its rule, so the story can explain it in either language.
 */

export type ProblemCode =
  | 'bad-json' | 'no-content' | 'not-object' | 'unknown-member' | 'name-missing' | 'name-format'
  | 'title-format' | 'text-missing' | 'text-format' | 'id-mismatch' | 'name-null';

export interface Problem {
  code: ProblemCode;
  /** The member concerned, when there is one. */
  member?: string;
  /** English detail for the problem+json body (data on the wire, not page text). */
  detail?: string;
}

export interface Fields {
  name?: string;
  title?: string;
  text?: string;
}

export type Validated = { ok: true; fields: Fields } | { ok: false; problem: Required<Pick<Problem, 'code' | 'detail'>> & Problem };

/** A board name: lower-case words joined by hyphens, 1–40 characters (it shows in links). */
export const NAME_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_NAME = 40;
const MAX_TITLE = 80;
const MAX_TEXT = 200;

const fail = (code: ProblemCode, detail: string, member?: string): Validated => ({ ok: false, problem: { code, detail, ...(member ? { member } : {}) } });

function asObject(json: unknown): Record<string, unknown> | Validated {
  if (json === undefined) return fail('no-content', 'This method needs JSON content.');
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('not-object', 'The content must be a JSON object.');
  return json as Record<string, unknown>;
}
const isFail = (x: unknown): x is Validated => typeof x === 'object' && x !== null && 'ok' in x && (x as Validated).ok === false;

function unknownMember(o: Record<string, unknown>, allowed: readonly string[]): Validated | null {
  const extra = Object.keys(o).find((k) => !allowed.includes(k));
  return extra === undefined ? null : fail('unknown-member', `Unknown member "${extra}".`, extra);
}

function checkName(v: unknown): Validated | null {
  if (typeof v !== 'string' || v.length === 0 || v.length > MAX_NAME || !NAME_RE.test(v)) {
    return fail('name-format', `"name" must be 1–${MAX_NAME} lower-case letters, digits and hyphens.`, 'name');
  }
  return null;
}
function checkTitle(v: unknown): Validated | null {
  return typeof v === 'string' && v.length <= MAX_TITLE ? null : fail('title-format', `"title" must be a string of at most ${MAX_TITLE} characters.`, 'title');
}
function checkText(v: unknown): Validated | null {
  return typeof v === 'string' && v.trim().length > 0 && v.length <= MAX_TEXT ? null : fail('text-format', `"text" must be a non-empty string of at most ${MAX_TEXT} characters.`, 'text');
}
function checkId(o: Record<string, unknown>, id: number | null): Validated | null {
  if (!('id' in o)) return null;
  return id !== null && o.id === id ? null : fail('id-mismatch', id === null ? 'The server assigns "id".' : `"id" must be ${id}, the id in the URI.`, 'id');
}

/** A whole board (POST to /boards, PUT to /boards/{id}); `id` is the URI's id for PUT. */
export function validateBoard(json: unknown, id: number | null): Validated {
  const o = asObject(json);
  if (isFail(o)) return o;
  const bad = unknownMember(o, ['id', 'name', 'title']) ?? checkId(o, id);
  if (bad) return bad;
  if (!('name' in o)) return fail('name-missing', 'A board needs a "name".', 'name');
  const e = checkName(o.name) ?? ('title' in o ? checkTitle(o.title) : null);
  if (e) return e;
  return { ok: true, fields: { name: o.name as string, title: 'title' in o ? (o.title as string) : '' } };
}

/** A whole comment (POST to …/comments, PUT to …/comments/{id}). */
export function validateComment(json: unknown, id: number | null): Validated {
  const o = asObject(json);
  if (isFail(o)) return o;
  const bad = unknownMember(o, ['id', 'text']) ?? checkId(o, id);
  if (bad) return bad;
  if (!('text' in o)) return fail('text-missing', 'A comment needs a "text".', 'text');
  const e = checkText(o.text);
  return e ?? { ok: true, fields: { text: o.text as string } };
}

/** A JSON merge patch (RFC 7396) of a board or a comment: present members replace, null removes. */
export function validatePatch(json: unknown, board: boolean): Validated {
  const o = asObject(json);
  if (isFail(o)) return o;
  const bad = unknownMember(o, board ? ['name', 'title'] : ['text']);
  if (bad) return bad;
  const fields: Fields = {};
  if (board) {
    if ('name' in o) {
      if (o.name === null) return fail('name-null', '"name" cannot be removed.', 'name');
      const e = checkName(o.name);
      if (e) return e;
      fields.name = o.name as string;
    }
    if ('title' in o) {
      if (o.title === null) fields.title = '';
      else {
        const e = checkTitle(o.title);
        if (e) return e;
        fields.title = o.title as string;
      }
    }
  } else if ('text' in o) {
    const e = checkText(o.text);
    if (e) return e;
    fields.text = o.text as string;
  }
  return { ok: true, fields };
}
