/**
 * The Fetch Standard's CORS rules, as the browser applies them (https://fetch.spec.whatwg.org/):
 * which methods and request headers are CORS-safelisted (§2.2.1–2.2.2), which header names a
 * page may not set at all (forbidden request-header names), when a request needs a CORS
 * preflight (§4.1 main fetch, §4.8), the CORS check (§4.9) and the checks on a preflight's
 * response (§4.8 steps 7.1–7.8). Pure functions on plain data; names compare as the standard
 * says (byte-case-insensitive for header names, byte-case-sensitive for methods).
 */

export type CredentialsMode = 'omit' | 'same-origin' | 'include';
export type Header = [name: string, value: string];

const lower = (s: string) => s.toLowerCase();

/** CORS-safelisted methods: GET, HEAD and POST (§2.2.1). */
export const isSafelistedMethod = (method: string): boolean => method === 'GET' || method === 'HEAD' || method === 'POST';

const FORBIDDEN = new Set(
  [
    'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method', 'connection',
    'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin', 'referer', 'set-cookie',
    'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
  ],
);

/** A header name a page's script may not set: the browser leaves it out of the request (§2.2.2). */
export const isForbiddenRequestHeader = (name: string): boolean => {
  const n = lower(name);
  return FORBIDDEN.has(n) || n.startsWith('proxy-') || n.startsWith('sec-');
};

/** A field name is a token (RFC 9110 §5.1, §5.6.2). */
export const isToken = (s: string): boolean => /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(s);

/** A CORS-unsafe request-header byte (§2.2.2). */
const unsafeByte = (c: number): boolean =>
  (c < 0x20 && c !== 0x09) || [0x22, 0x28, 0x29, 0x3a, 0x3c, 0x3e, 0x3f, 0x40, 0x5b, 0x5c, 0x5d, 0x7b, 0x7d, 0x7f].includes(c);
const hasUnsafeByte = (v: string): boolean => Array.from(v).some((ch) => unsafeByte(ch.charCodeAt(0)));

/** A MIME type's essence ("type/subtype", lower case), or null when the value does not parse. */
export function mimeEssence(value: string): string | null {
  const head = value.split(';')[0].trim();
  const m = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)$/.exec(head);
  return m ? lower(`${m[1]}/${m[2]}`) : null;
}

export const SAFELISTED_CONTENT_TYPES: readonly string[] = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Why a header is not CORS-safelisted, or null when it is (§2.2.2 "CORS-safelisted request-header"). */
export type UnsafeReason = 'name' | 'too-long' | 'bad-byte' | 'content-type' | 'range';

export function whyNotSafelisted(name: string, value: string): UnsafeReason | null {
  if (value.length > 128) return 'too-long';
  switch (lower(name)) {
    case 'accept':
      return hasUnsafeByte(value) ? 'bad-byte' : null;
    case 'accept-language':
    case 'content-language':
      return /^[0-9A-Za-z *,\-.;=]*$/.test(value) ? null : 'bad-byte';
    case 'content-type': {
      if (hasUnsafeByte(value)) return 'bad-byte';
      const essence = mimeEssence(value);
      return essence && SAFELISTED_CONTENT_TYPES.includes(essence) ? null : 'content-type';
    }
    case 'range': {
      // A single range with a first position ("bytes=0-" or "bytes=0-499"), no whitespace.
      const m = /^bytes=(\d+)-(\d*)$/.exec(value);
      return m && (m[2] === '' || Number(m[1]) <= Number(m[2])) ? null : 'range';
    }
    default:
      return 'name';
  }
}

/**
 * The CORS-unsafe request-header names of a header list (§2.2.2): lower case, sorted, without
 * repeats. Safelisted headers whose values add up to more than 1024 bytes all count as unsafe.
 */
export function unsafeHeaderNames(headers: readonly Header[]): string[] {
  const unsafe: string[] = [];
  const potentially: string[] = [];
  let size = 0;
  for (const [name, value] of headers) {
    if (whyNotSafelisted(name, value) !== null) unsafe.push(name);
    else {
      potentially.push(name);
      size += value.length;
    }
  }
  if (size > 1024) unsafe.push(...potentially);
  return [...new Set(unsafe.map(lower))].sort();
}

/** Why a cross-origin request needs a preflight: the method, the unsafe header names. Empty: it does not. */
export interface PreflightNeed {
  method: boolean;
  headers: string[];
}
export function preflightNeed(method: string, headers: readonly Header[]): PreflightNeed {
  return { method: !isSafelistedMethod(method), headers: unsafeHeaderNames(headers) };
}
export const needsPreflight = (n: PreflightNeed): boolean => n.method || n.headers.length > 0;

/** A response header's value: every field of that name, combined with ", " (§2.2.2 "get"). */
export function getHeader(headers: readonly Header[], name: string): string | null {
  const vs = headers.filter(([n]) => lower(n) === lower(name)).map(([, v]) => v);
  return vs.length ? vs.join(', ') : null;
}

/** A list header's items (Access-Control-Allow-Methods/-Headers), or null when absent. Fails (undefined) on an item that is not a token. */
export function listValues(headers: readonly Header[], name: string): string[] | null | undefined {
  const v = getHeader(headers, name);
  if (v === null) return null;
  const items = v.split(',').map((x) => x.trim()).filter((x) => x !== '');
  return items.every(isToken) ? items : undefined;
}

/** The outcome of a check, with the rule that decided it. */
export type CorsFailure =
  | { rule: 'no-allow-origin' }
  | { rule: 'wildcard-with-credentials' }
  | { rule: 'origin-mismatch'; got: string }
  | { rule: 'no-allow-credentials'; got: string | null }
  | { rule: 'status'; status: number }
  | { rule: 'bad-list'; header: string }
  | { rule: 'method'; method: string; allowed: string[] }
  | { rule: 'authorization' }
  | { rule: 'header'; name: string; allowed: string[] };
export type CheckResult = { ok: true; via: 'wildcard' | 'origin' | 'origin+credentials' } | ({ ok: false } & CorsFailure);

/** The CORS check (§4.9): may the page that sent `origin` read this response? */
export function corsCheck(origin: string, credentials: CredentialsMode, headers: readonly Header[]): CheckResult {
  const allow = getHeader(headers, 'Access-Control-Allow-Origin');
  if (allow === null) return { ok: false, rule: 'no-allow-origin' };
  const include = credentials === 'include';
  if (!include && allow === '*') return { ok: true, via: 'wildcard' };
  if (allow !== origin) return allow === '*' ? { ok: false, rule: 'wildcard-with-credentials' } : { ok: false, rule: 'origin-mismatch', got: allow };
  if (!include) return { ok: true, via: 'origin' };
  const cred = getHeader(headers, 'Access-Control-Allow-Credentials');
  return cred === 'true' ? { ok: true, via: 'origin+credentials' } : { ok: false, rule: 'no-allow-credentials', got: cred };
}

/** The checks on a preflight's response (§4.8): the CORS check, an ok status, the method and every unsafe header allowed. */
export function preflightCheck(
  req: { origin: string; credentials: CredentialsMode; method: string; headers: readonly Header[] },
  res: { status: number; headers: readonly Header[] },
): CheckResult {
  const cors = corsCheck(req.origin, req.credentials, res.headers);
  if (!cors.ok) return cors;
  if (res.status < 200 || res.status > 299) return { ok: false, rule: 'status', status: res.status };
  const methods = listValues(res.headers, 'Access-Control-Allow-Methods');
  if (methods === undefined) return { ok: false, rule: 'bad-list', header: 'Access-Control-Allow-Methods' };
  const names = listValues(res.headers, 'Access-Control-Allow-Headers');
  if (names === undefined) return { ok: false, rule: 'bad-list', header: 'Access-Control-Allow-Headers' };
  const include = req.credentials === 'include';
  const m = methods ?? [];
  // Methods compare byte for byte: "put" does not allow PUT.
  if (!m.includes(req.method) && !isSafelistedMethod(req.method) && (include || !m.includes('*'))) return { ok: false, rule: 'method', method: req.method, allowed: m };
  const h = (names ?? []).map(lower);
  // Authorization is a CORS non-wildcard request-header name: only its own name allows it.
  if (req.headers.some(([n]) => lower(n) === 'authorization') && !h.includes('authorization')) return { ok: false, rule: 'authorization' };
  for (const name of unsafeHeaderNames(req.headers)) {
    if (!h.includes(name) && (include || !h.includes('*'))) return { ok: false, rule: 'header', name, allowed: names ?? [] };
  }
  return cors;
}
