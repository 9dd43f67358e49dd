/**
 * URLs through the WHATWG URL parser (components, their spans in the serialized href,
 * and what the parser changed), with a clear reason when it rejects the input.
 *
 * The global `URL` class is the only platform API used (present in Node and browsers).
 * Nothing here throws: every input gets a result.
 */
import { joinText, t, type Text } from '../core/text';
import { josa, qj } from './ko';

export const SPECIAL_SCHEMES: readonly string[] = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];
export const DEFAULT_PORTS: Readonly<Record<string, string>> = { ftp: '21', http: '80', https: '443', ws: '80', wss: '443' };

export type UrlComponentName = 'protocol' | 'username' | 'password' | 'host' | 'hostname' | 'port' | 'pathname' | 'search' | 'hash';
export const URL_COMPONENTS: readonly UrlComponentName[] = [
  'protocol',
  'username',
  'password',
  'host',
  'hostname',
  'port',
  'pathname',
  'search',
  'hash',
];

/** The WHATWG getters, verbatim (`protocol` ends with ':', `search` starts with '?', `hash` with '#'). */
export type UrlComponents = Record<UrlComponentName, string>;

/** Half-open character range [start, end) in `href`. */
export interface Span {
  start: number;
  end: number;
}

export type UriPart = 'input' | 'scheme' | 'userinfo' | 'host' | 'port' | 'path' | 'query' | 'fragment';

export type UrlChangeKind =
  | 'whitespace-trimmed'
  | 'tab-newline-removed'
  | 'scheme-lowercased'
  | 'backslashes'
  | 'slashes'
  | 'host-lowercased'
  | 'host-percent-decoded'
  | 'idn-punycode'
  | 'host-mapped'
  | 'ipv4-normalised'
  | 'ipv6-normalised'
  | 'localhost-removed'
  | 'default-port-dropped'
  | 'empty-port-dropped'
  | 'port-normalised'
  | 'dot-segments'
  | 'empty-path'
  | 'percent-encoded'
  | 'other';

/** One thing the parser changed between the input and `href`. */
export interface UrlChange {
  kind: UrlChangeKind;
  part: UriPart;
  from: string;
  to: string;
  message: Text;
}

export interface UrlOk {
  ok: true;
  input: string;
  href: string;
  /** Lower-case scheme, without ':'. */
  scheme: string;
  /** http, https, ws, wss, ftp, file: the schemes the URL Standard treats specially (authority required, '\' = '/', default ports…). */
  special: boolean;
  /** The URL has an opaque path (non-special scheme, no "//", path not starting with '/'): `mailto:`, `urn:`, `data:`… */
  opaquePath: boolean;
  components: UrlComponents;
  /** Where each non-empty component sits in `href`: `href.slice(start, end) === components[name]`; null when empty. */
  spans: Record<UrlComponentName, Span | null>;
  origin: string;
  changes: UrlChange[];
}

export type UrlErrorRule =
  | 'empty'
  | 'no-scheme'
  | 'invalid-scheme'
  | 'empty-host'
  | 'invalid-port'
  | 'invalid-ipv6'
  | 'forbidden-host-code-point'
  | 'invalid-ipv4'
  | 'invalid-idn'
  | 'unknown';

export interface UrlError {
  rule: UrlErrorRule;
  message: Text;
}

export interface UrlFail {
  ok: false;
  input: string;
  /** At least one reason. */
  errors: UrlError[];
}

export type UrlResult = UrlOk | UrlFail;

// ---------------------------------------------------------------- helpers

/** Leading/trailing C0 controls and space, which the URL parser strips. */
const EDGE_WS = /^[\x00-\x20]+|[\x00-\x20]+$/g;
const TAB_NL = /[\t\n\r]/g;
const SCHEME_RE = /^([A-Za-z][A-Za-z0-9+.-]*):/;

const q = (s: string) => `"${s}"`;

function showChars(chars: Iterable<string>): string {
  return [...new Set(chars)]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
      if (cp === 0x20) return `' ' (${hex})`;
      if (cp === 0x09) return `TAB (${hex})`;
      if (cp === 0x0a) return `LF (${hex})`;
      if (cp === 0x0d) return `CR (${hex})`;
      if (cp < 0x20 || cp === 0x7f) return hex;
      return ch === "'" ? `"'"` : `'${ch}'`;
    })
    .join(', ');
}

function pctEncode(ch: string): string {
  return Array.from(new TextEncoder().encode(ch), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

/**
 * The platform's URL parser, held to the URL Standard where engines differ: Chromium escapes a
 * space or other forbidden domain code point in a special URL's host (`exa%20mple.com`) where
 * the standard (and Node) fail. The same input must give the same result on every machine.
 */
function tryUrl(s: string, base?: string): URL | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(s) : new URL(s, base);
  } catch {
    return null;
  }
  const special = ['http:', 'https:', 'ws:', 'wss:', 'ftp:'].includes(u.protocol);
  if (special && u.hostname && !u.hostname.startsWith('[') && /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/.test(safeDecode(u.hostname))) return null;
  return u;
}

function safeDecode(s: string): string {
  // Percent-decodes byte by byte like the URL parser (invalid sequences stay as typed).
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < s.length; ) {
    if (s[i] === '%' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const cp = s.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      bytes.push(...enc.encode(ch));
      i += ch.length;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The input split roughly the way the URL parser reads it (after trimming and removing tab/newline). */
export interface RawUrlParts {
  scheme: string | null;
  /** The run of slashes (and backslashes) right after "scheme:". */
  slashes: string;
  authority: string | null;
  userinfo: string | null;
  host: string | null;
  port: string | null;
  path: string;
  query: string | null;
  fragment: string | null;
}

export function rawSplit(cleaned: string): RawUrlParts {
  const m = SCHEME_RE.exec(cleaned);
  const scheme = m ? m[1].toLowerCase() : null;
  let rest = m ? cleaned.slice(m[0].length) : cleaned;
  const special = scheme !== null && SPECIAL_SCHEMES.includes(scheme);
  const slashRe = special ? /^[/\\]*/ : /^\/*/;
  const slashes = slashRe.exec(rest)![0];
  let authority: string | null = null;
  if (special && scheme !== 'file') {
    rest = rest.slice(slashes.length);
    const end = rest.search(/[/\\?#]/);
    authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
  } else if (slashes.length >= 2) {
    rest = rest.slice(2);
    const end = rest.search(special ? /[/\\?#]/ : /[/?#]/);
    authority = end < 0 ? rest : rest.slice(0, end);
    rest = end < 0 ? '' : rest.slice(end);
  }
  let userinfo: string | null = null;
  let host: string | null = null;
  let port: string | null = null;
  if (authority !== null) {
    const at = authority.lastIndexOf('@');
    userinfo = at < 0 ? null : authority.slice(0, at);
    const hostport = at < 0 ? authority : authority.slice(at + 1);
    if (hostport.startsWith('[')) {
      const close = hostport.indexOf(']');
      host = close < 0 ? hostport : hostport.slice(0, close + 1);
      const after = close < 0 ? '' : hostport.slice(close + 1);
      port = after.startsWith(':') ? after.slice(1) : null;
    } else {
      const colon = hostport.indexOf(':');
      host = colon < 0 ? hostport : hostport.slice(0, colon);
      port = colon < 0 ? null : hostport.slice(colon + 1);
    }
  }
  const hashAt = rest.indexOf('#');
  const fragment = hashAt < 0 ? null : rest.slice(hashAt + 1);
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt);
  const qAt = beforeHash.indexOf('?');
  const query = qAt < 0 ? null : beforeHash.slice(qAt + 1);
  const path = qAt < 0 ? beforeHash : beforeHash.slice(0, qAt);
  return { scheme, slashes, authority, userinfo, host, port, path, query, fragment };
}

/** Spans of the WHATWG components in `href` (a span is dropped rather than ever being wrong). */
function spansOf(u: URL): { spans: Record<UrlComponentName, Span | null>; query: string | null; fragment: string | null; userinfo: string | null } {
  const href = u.href;
  const spans: Record<UrlComponentName, Span | null> = {
    protocol: null,
    username: null,
    password: null,
    host: null,
    hostname: null,
    port: null,
    pathname: null,
    search: null,
    hash: null,
  };
  const put = (name: UrlComponentName, start: number, len: number) => {
    if (len > 0) spans[name] = { start, end: start + len };
  };
  let pos = 0;
  put('protocol', 0, u.protocol.length);
  pos = u.protocol.length;
  let userinfo: string | null = null;
  if (href.startsWith('//', pos) && !(u.host === '' && href.startsWith('/.//', pos))) {
    pos += 2;
    if (u.username !== '' || u.password !== '') {
      const uiStart = pos;
      put('username', pos, u.username.length);
      pos += u.username.length;
      if (u.password !== '') {
        pos += 1;
        put('password', pos, u.password.length);
        pos += u.password.length;
      }
      userinfo = href.slice(uiStart, pos);
      pos += 1; // '@'
    }
    put('hostname', pos, u.hostname.length);
    put('host', pos, u.host.length);
    if (u.port !== '') put('port', pos + u.hostname.length + 1, u.port.length);
    pos += u.host.length;
  } else if (href.startsWith('/.', pos) && u.pathname.startsWith('//')) {
    pos += 2; // the "/." the serializer puts before a path starting with "//" when there is no host
  }
  put('pathname', pos, u.pathname.length);
  pos += u.pathname.length;
  let query: string | null = null;
  let fragment: string | null = null;
  if (href[pos] === '?') {
    const hashAt = href.indexOf('#', pos);
    const end = hashAt < 0 ? href.length : hashAt;
    query = href.slice(pos + 1, end);
    put('search', pos, u.search.length);
    pos = end;
  }
  if (href[pos] === '#') {
    fragment = href.slice(pos + 1);
    put('hash', pos, u.hash.length);
  }
  for (const name of URL_COMPONENTS) {
    const s = spans[name];
    if (s && href.slice(s.start, s.end) !== u[name]) spans[name] = null;
  }
  return { spans, query, fragment, userinfo };
}

function encodedIn(raw: string, out: string): string[] {
  const found: string[] = [];
  for (const ch of new Set(Array.from(raw))) {
    if (ch === '%') continue;
    const enc = pctEncode(ch);
    if (!out.includes(ch) && out.includes(enc)) found.push(ch);
  }
  return found;
}

function applyEncoding(raw: string, chars: string[]): string {
  let s = raw;
  for (const ch of chars) s = s.split(ch).join(pctEncode(ch));
  return s;
}

/** The generic URI components' names (RFC 3986 §3), as the pages say them. */
export const COMPONENT_NAMES = {
  scheme: t('스킴', 'scheme'),
  userinfo: t('사용자 정보', 'userinfo'),
  host: t('호스트', 'host'),
  port: t('포트', 'port'),
  path: t('경로', 'path'),
  query: t('쿼리', 'query'),
  fragment: t('프래그먼트', 'fragment'),
} as const satisfies Record<string, Text>;

const PART_NAME: Record<UriPart, Text> = { input: t('입력', 'input'), ...COMPONENT_NAMES };

function percentChange(part: UriPart, raw: string, out: string, chars: string[]): UrlChange {
  const list = showChars(chars);
  const name = PART_NAME[part];
  return {
    kind: 'percent-encoded',
    part,
    from: raw,
    to: out,
    message: t(
      `${name.ko}에 있던 ${list} 문자를 퍼센트 인코딩했습니다(UTF-8 바이트마다 %XX). URL에 그대로 둘 수 없는 공백, 비ASCII 문자, 일부 기호는 이렇게 바뀝니다.`,
      `Percent-encoded ${list} in the ${name.en} (each UTF-8 byte becomes %XX): spaces, non-ASCII characters and some symbols cannot stay in a URL as they are.`,
    ),
  };
}

function otherChange(part: UriPart, raw: string, out: string): UrlChange {
  const name = PART_NAME[part];
  return {
    kind: 'other',
    part,
    from: raw,
    to: out,
    message: t(
      `파서가 ${josa(name.ko, '을')} ${q(raw)}에서 ${qj(out, '으로')} 바꿨습니다.`,
      `The parser changed the ${name.en} from ${q(raw)} to ${q(out)}.`,
    ),
  };
}

function hasDotSegment(path: string): boolean {
  return path
    .split('/')
    .some((seg) => {
      const s = seg.toLowerCase().replace(/%2e/g, '.');
      return s === '.' || s === '..';
    });
}

// ---------------------------------------------------------------- changes

function detectChanges(input: string, u: URL, out: ReturnType<typeof spansOf>): UrlChange[] {
  const changes: UrlChange[] = [];
  const trimmed = input.replace(EDGE_WS, '');
  if (trimmed !== input) {
    const lead = input.slice(0, input.length - input.replace(/^[\x00-\x20]+/, '').length);
    const trail = input.slice(input.replace(/[\x00-\x20]+$/, '').length);
    const stripped = lead + trail;
    changes.push({
      kind: 'whitespace-trimmed',
      part: 'input',
      from: stripped,
      to: '',
      message: t(
        `앞뒤의 공백·제어 문자(${showChars(Array.from(stripped))})를 잘라 냈습니다. URL 파서는 입력 양 끝의 C0 제어 문자와 공백을 먼저 지웁니다.`,
        `Stripped the leading/trailing whitespace or control characters (${showChars(Array.from(stripped))}): the URL parser first removes C0 controls and spaces at both ends of the input.`,
      ),
    });
  }
  const tabs = trimmed.match(TAB_NL);
  if (tabs) {
    changes.push({
      kind: 'tab-newline-removed',
      part: 'input',
      from: tabs.join(''),
      to: '',
      message: t(
        `입력 중간의 탭·줄바꿈(${showChars(tabs)})을 모두 지웠습니다. URL 파서는 이 문자들이 어디에 있든 없는 것으로 취급합니다(복사해 붙여 넣다가 끼어든 줄바꿈 대비).`,
        `Removed the tabs/newlines inside the input (${showChars(tabs)}): the URL parser ignores them wherever they are (think of a URL pasted across a line break).`,
      ),
    });
  }
  const cleaned = trimmed.replace(TAB_NL, '');
  // Serialized exactly as typed: nothing else changed (e.g. "non-spec:/.//p", whose "/." the serializer puts back).
  if (cleaned === u.href) return changes;
  const raw = rawSplit(cleaned);
  const scheme = u.protocol.slice(0, -1);
  const special = SPECIAL_SCHEMES.includes(scheme);
  const typedScheme = SCHEME_RE.exec(cleaned)?.[1] ?? scheme;
  if (typedScheme !== scheme) {
    changes.push({
      kind: 'scheme-lowercased',
      part: 'scheme',
      from: typedScheme,
      to: scheme,
      message: t(
        `스킴 ${qj(typedScheme, '을')} 소문자 ${qj(scheme, '으로')} 바꿨습니다. 스킴은 대소문자를 구별하지 않고, 정규 형식은 소문자입니다(RFC 3986 §3.1).`,
        `Lower-cased the scheme ${q(typedScheme)} to ${q(scheme)}: schemes are case-insensitive and their canonical form is lower case (RFC 3986 §3.1).`,
      ),
    });
  }
  const beforeQuery = cleaned.split(/[?#]/)[0];
  if (special && beforeQuery.includes('\\')) {
    changes.push({
      kind: 'backslashes',
      part: 'path',
      from: '\\',
      to: '/',
      message: t(
        `특수 스킴(${scheme})의 URL이므로 역슬래시(\\)를 슬래시(/)로 바꿨습니다. 윈도 경로처럼 쓴 주소도 받아 주려는 브라우저의 오래된 동작을 URL 표준이 그대로 정했습니다.`,
        `Turned backslashes (\\) into slashes (/), since this is a special-scheme (${scheme}) URL: the URL Standard keeps browsers' old habit of accepting Windows-style paths.`,
      ),
    });
  }
  if (special && scheme !== 'file' && raw.slashes.replace(/\\/g, '/') !== '//') {
    changes.push({
      kind: 'slashes',
      part: 'host',
      from: raw.slashes,
      to: '//',
      message: t(
        `스킴 뒤의 슬래시(${raw.slashes === '' ? '없음' : q(raw.slashes)})를 "//"로 고쳤습니다. 특수 스킴의 URL에는 언제나 "//"와 호스트가 있어야 하므로, 파서는 슬래시가 모자라거나 많아도 다음 글자를 호스트로 읽습니다.`,
        `Fixed the slashes after the scheme (${raw.slashes === '' ? 'none' : q(raw.slashes)}) to "//": a special-scheme URL always has "//" and a host, so the parser reads the host next however many slashes there are.`,
      ),
    });
  }

  // Host.
  const outHost = u.hostname;
  if (raw.host !== null && raw.host !== outHost) {
    const rawHost = raw.host;
    const lower = rawHost.replace(/[A-Z]+/g, (s) => s.toLowerCase());
    let explained = false;
    const before = changes.length;
    if (lower !== rawHost) {
      changes.push({
        kind: 'host-lowercased',
        part: 'host',
        from: rawHost,
        to: lower,
        message: t(
          `호스트 ${q(rawHost)}의 대문자를 소문자로 바꿨습니다. 도메인 이름은 대소문자를 구별하지 않습니다(RFC 4343).`,
          `Lower-cased the host ${q(rawHost)}: domain names are case-insensitive (RFC 4343).`,
        ),
      });
      explained = lower === outHost;
    }
    if (!explained && special && rawHost.includes('%')) {
      const decoded = safeDecode(lower);
      changes.push({
        kind: 'host-percent-decoded',
        part: 'host',
        from: rawHost,
        to: decoded,
        message: t(
          `호스트의 퍼센트 인코딩을 풀었습니다(${q(rawHost)} → ${q(decoded)}). 특수 스킴의 호스트는 디코딩한 뒤 도메인으로 검사합니다.`,
          `Percent-decoded the host (${q(rawHost)} → ${q(decoded)}): a special-scheme host is decoded before it is checked as a domain.`,
        ),
      });
    }
    if (!explained && /[^\x00-\x7f]/.test(rawHost)) {
      if (outHost.includes('xn--')) {
        changes.push({
          kind: 'idn-punycode',
          part: 'host',
          from: rawHost,
          to: outHost,
          message: t(
            `국제화 도메인 이름 ${qj(rawHost, '을')} ASCII 형식 ${qj(outHost, '으로')} 바꿨습니다. 비ASCII 레이블은 UTS #46 매핑(소문자화, 정규화) 뒤 퓨니코드 A-레이블(xn--…)이 됩니다.`,
            `Converted the internationalised domain name ${q(rawHost)} to its ASCII form ${q(outHost)}: non-ASCII labels go through the UTS #46 mapping (case folding, normalisation) and become Punycode A-labels (xn--…).`,
          ),
        });
      } else {
        changes.push({
          kind: 'host-mapped',
          part: 'host',
          from: rawHost,
          to: outHost,
          message: t(
            `호스트 ${q(rawHost)}의 비ASCII 문자가 UTS #46 매핑으로 ASCII 문자가 되었습니다(${q(outHost)}). 전각 영문자나 전각 마침표 같은 문자는 대응하는 ASCII 문자로 바뀝니다.`,
            `The non-ASCII characters of the host ${q(rawHost)} map to ASCII under UTS #46 (${q(outHost)}): full-width letters, ideographic full stops and the like become their ASCII counterparts.`,
          ),
        });
      }
    }
    if (!explained && /^\d+\.\d+\.\d+\.\d+$/.test(outHost) && lower !== outHost) {
      changes.push({
        kind: 'ipv4-normalised',
        part: 'host',
        from: rawHost,
        to: outHost,
        message: t(
          `호스트 ${qj(rawHost, '을')} IPv4 주소로 해석해 점으로 구분한 십진수 네 개(${q(outHost)})로 바꿨습니다. URL 파서는 16진수(0x…), 8진수(0…), 생략된 형식(예: 127.1)도 IPv4 주소로 읽습니다.`,
          `Read the host ${q(rawHost)} as an IPv4 address and wrote it as four dotted decimals (${q(outHost)}): the URL parser also accepts hexadecimal (0x…), octal (0…) and shortened forms (e.g. 127.1).`,
        ),
      });
    }
    if (!explained && outHost.startsWith('[') && lower !== outHost) {
      changes.push({
        kind: 'ipv6-normalised',
        part: 'host',
        from: rawHost,
        to: outHost,
        message: t(
          `IPv6 주소 ${qj(rawHost, '을')} 정규 형식 ${qj(outHost, '으로')} 썼습니다(앞자리 0 생략, 가장 긴 0 묶음을 ::로 줄임, RFC 5952).`,
          `Wrote the IPv6 address ${q(rawHost)} in its canonical form ${q(outHost)} (leading zeros dropped, the longest run of zeros shortened to ::, RFC 5952).`,
        ),
      });
    }
    if (!explained && scheme === 'file' && lower === 'localhost' && outHost === '') {
      changes.push({
        kind: 'localhost-removed',
        part: 'host',
        from: rawHost,
        to: '',
        message: t(
          'file: URL의 호스트 "localhost"를 지웠습니다. file: URL에서 localhost는 호스트가 없는 것과 같습니다.',
          'Removed the host "localhost" from the file: URL: in a file: URL, localhost is the same as no host.',
        ),
      });
    }
    if (!explained && changes.length === before + (lower !== rawHost ? 1 : 0)) {
      changes.push(otherChange('host', rawHost, outHost));
    }
  }

  // Port.
  if (raw.port !== null && (raw.port !== u.port || raw.port === '')) {
    if (raw.port === '') {
      changes.push({
        kind: 'empty-port-dropped',
        part: 'port',
        from: ':',
        to: '',
        message: t(
          '호스트 뒤의 빈 포트(":" 뒤에 아무것도 없음)를 지웠습니다.',
          'Dropped the empty port (a ":" after the host with nothing after it).',
        ),
      });
    } else if (u.port === '') {
      const def = DEFAULT_PORTS[scheme] ?? '';
      changes.push({
        kind: 'default-port-dropped',
        part: 'port',
        from: ':' + raw.port,
        to: '',
        message: t(
          `포트 ${josa(raw.port, '은')} ${scheme}의 기본 포트(${def})이므로 지웠습니다. 포트를 적지 않으면 기본 포트를 쓰기 때문에 같은 URL입니다.`,
          `Dropped port ${raw.port}: it is ${scheme}'s default port (${def}), which is used when no port is written, so the URL is the same.`,
        ),
      });
    } else {
      changes.push({
        kind: 'port-normalised',
        part: 'port',
        from: raw.port,
        to: u.port,
        message: t(
          `포트 ${qj(raw.port, '을')} 십진수 ${josa(u.port, '으로')} 썼습니다(앞의 0은 지웁니다).`,
          `Wrote the port ${q(raw.port)} as the decimal ${u.port} (leading zeros dropped).`,
        ),
      });
    }
  }

  // Userinfo.
  if (raw.userinfo !== null && raw.userinfo !== (out.userinfo ?? '')) {
    const o = out.userinfo ?? '';
    const chars = encodedIn(raw.userinfo, o);
    if (chars.length > 0) changes.push(percentChange('userinfo', raw.userinfo, o, chars));
    if (chars.length === 0 || applyEncoding(raw.userinfo, chars) !== o) changes.push(otherChange('userinfo', raw.userinfo, o));
  }

  // Path.
  const rawPath = special ? raw.path.replace(/\\/g, '/') : raw.path;
  const outPath = u.pathname;
  if (rawPath !== outPath) {
    let expected = rawPath;
    let checkable = true;
    if (rawPath === '' && outPath === '/' && special) {
      changes.push({
        kind: 'empty-path',
        part: 'path',
        from: '',
        to: '/',
        message: t(
          `경로가 비어 있어서 "/"로 채웠습니다. 특수 스킴(${scheme})의 URL은 경로가 적어도 "/"입니다.`,
          `The path was empty and became "/": a special-scheme (${scheme}) URL's path is at least "/".`,
        ),
      });
      expected = '/';
    }
    if (hasDotSegment(rawPath)) {
      changes.push({
        kind: 'dot-segments',
        part: 'path',
        from: rawPath,
        to: outPath,
        message: t(
          `경로의 "."와 ".." 세그먼트를 처리했습니다(${q(rawPath)} → ${q(outPath)}). "."는 현재 위치라 지우고, ".."는 앞 세그먼트와 함께 지웁니다. 루트보다 위로는 올라가지 않습니다(RFC 3986 §5.2.4와 같은 방식).`,
          `Resolved the "." and ".." segments of the path (${q(rawPath)} → ${q(outPath)}): "." (this place) is removed and ".." removes itself and the segment before it, never climbing above the root (as in RFC 3986 §5.2.4).`,
        ),
      });
      checkable = false;
    }
    const chars = encodedIn(rawPath, outPath);
    if (chars.length > 0) {
      changes.push(percentChange('path', rawPath, outPath, chars));
      expected = applyEncoding(expected, chars);
    }
    if (checkable && expected !== outPath) changes.push(otherChange('path', rawPath, outPath));
  }

  // Query and fragment.
  for (const [part, rawPart, outPart] of [
    ['query', raw.query, out.query],
    ['fragment', raw.fragment, out.fragment],
  ] as const) {
    if (rawPart === null || outPart === null || rawPart === outPart) continue;
    const chars = encodedIn(rawPart, outPart);
    if (chars.length > 0) changes.push(percentChange(part, rawPart, outPart, chars));
    if (chars.length === 0 || applyEncoding(rawPart, chars) !== outPart) changes.push(otherChange(part, rawPart, outPart));
  }
  return changes;
}

// ---------------------------------------------------------------- errors

const FORBIDDEN_HOST = /[\x00\t\n\r #/:<>?@[\\\]^|]/;
const FORBIDDEN_DOMAIN = /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/;

function hostAlone(scheme: string, host: string): boolean {
  return tryUrl(scheme + '://' + host + '/') !== null;
}

function explainFailure(input: string): UrlError[] {
  const cleaned = input.replace(EDGE_WS, '').replace(TAB_NL, '');
  if (cleaned === '') {
    return [
      {
        rule: 'empty',
        message: t(
          '입력이 비어 있습니다(공백만 있거나 아무것도 없음). URL은 적어도 스킴과 ":"가 있어야 합니다.',
          'The input is empty (nothing, or only whitespace): a URL needs at least a scheme and ":".',
        ),
      },
    ];
  }
  const m = SCHEME_RE.exec(cleaned);
  if (!m) {
    const colon = cleaned.search(/[:/?#]/);
    if (colon > 0 && cleaned[colon] === ':') {
      const typed = cleaned.slice(0, colon);
      return [
        {
          rule: 'invalid-scheme',
          message: t(
            `${qj(typed, '은')} 스킴이 될 수 없습니다. 스킴은 영문자로 시작하고 영문자, 숫자, "+", "-", "."만 쓸 수 있습니다(RFC 3986 §3.1). 스킴이 없으니 이 입력은 상대 참조로 읽히고, URL 파서는 기준 URL 없이는 상대 참조를 해석할 수 없습니다.`,
            `${q(typed)} cannot be a scheme: a scheme starts with a letter and contains only letters, digits, "+", "-" and "." (RFC 3986 §3.1). Without a scheme the input reads as a relative reference, which the URL parser cannot resolve without a base URL.`,
          ),
        },
      ];
    }
    return [{ rule: 'no-scheme', message: relativeExplanation(cleaned) }];
  }
  const scheme = m[1].toLowerCase();
  const special = SPECIAL_SCHEMES.includes(scheme);
  const raw = rawSplit(cleaned);
  const errors: UrlError[] = [];
  const host = raw.host ?? '';
  if (special && scheme !== 'file' && host === '') {
    errors.push({
      rule: 'empty-host',
      message: t(
        `호스트가 없습니다. ${scheme}: 같은 특수 스킴의 URL은 "//" 뒤에 호스트가 꼭 있어야 합니다(예: ${scheme}://example.com/).`,
        `There is no host: a URL with a special scheme such as ${scheme}: must have a host after "//" (e.g. ${scheme}://example.com/).`,
      ),
    });
  }
  if (raw.port !== null && raw.port !== '' && (!/^[0-9]+$/.test(raw.port) || Number(raw.port) > 65535)) {
    const numeric = /^[0-9]+$/.test(raw.port);
    errors.push({
      rule: 'invalid-port',
      message: numeric
        ? t(
            `포트 ${josa(raw.port, '은')} 범위를 벗어났습니다. TCP·UDP 포트 번호는 16비트라서 0–65535만 쓸 수 있습니다.`,
            `Port ${raw.port} is out of range: TCP and UDP port numbers are 16 bits, 0–65535.`,
          )
        : t(
            `포트 ${qj(raw.port, '은')} 숫자가 아닙니다. 호스트 뒤의 ":" 다음에는 십진수 포트 번호(0–65535)만 올 수 있습니다.`,
            `Port ${q(raw.port)} is not a number: after the ":" that follows the host, only a decimal port number (0–65535) may appear.`,
          ),
    });
  }
  if (host !== '' && !hostAlone(special ? scheme : 'x-test', host)) {
    if (host.startsWith('[')) {
      errors.push({
        rule: 'invalid-ipv6',
        message: host.endsWith(']')
          ? t(
              `대괄호 안의 ${qj(host.slice(1, -1), '은')} 올바른 IPv6 주소가 아닙니다. IPv6 주소는 16진수 묶음 여덟 개를 ":"로 잇고, 연속된 0 묶음은 "::" 한 번으로 줄일 수 있습니다(RFC 4291 §2.2).`,
              `${q(host.slice(1, -1))} inside the brackets is not a valid IPv6 address: eight groups of hex digits joined by ":", with one run of zero groups shortened to "::" (RFC 4291 §2.2).`,
            )
          : t(
              'IPv6 주소를 여는 "["는 있지만 닫는 "]"가 없습니다. URL 안의 IPv6 주소는 포트의 ":"와 구별하려고 대괄호로 감쌉니다(RFC 3986 §3.2.2).',
              'An IPv6 address opens with "[" but has no closing "]": IPv6 addresses in URLs are bracketed to tell their ":" from the port\'s (RFC 3986 §3.2.2).',
            ),
      });
    } else {
      const decoded = special ? safeDecode(host) : host;
      const forbidden = Array.from(decoded).filter((c) => (special ? FORBIDDEN_DOMAIN : FORBIDDEN_HOST).test(c));
      const labels = decoded.toLowerCase().split('.');
      if (labels.length > 1 && labels[labels.length - 1] === '') labels.pop();
      const lastLabel = labels[labels.length - 1] ?? '';
      if (forbidden.length > 0) {
        const viaPct = special && decoded !== host;
        errors.push({
          rule: 'forbidden-host-code-point',
          message: t(
            `호스트 ${q(host)}에 쓸 수 없는 문자가 있습니다: ${showChars(forbidden)}${viaPct ? ' (퍼센트 인코딩을 푼 뒤)' : ''}. 공백, "<", ">", "^", "|", "%" 같은 문자는 호스트에 올 수 없습니다. 경로나 쿼리에 들어갈 문자라면 "/" 뒤에 쓰세요.`,
            `The host ${q(host)} contains characters a host cannot have: ${showChars(forbidden)}${viaPct ? ' (after percent-decoding)' : ''}. Spaces, "<", ">", "^", "|", "%" and the like are forbidden in hosts; if they belong to the path or query, put them after a "/".`,
          ),
        });
      } else if (special && /^(0x[0-9a-f]*|[0-9]+)$/.test(lastLabel)) {
        errors.push({
          rule: 'invalid-ipv4',
          message: t(
            `호스트 ${qj(host, '은')} 마지막 레이블이 숫자라서 IPv4 주소로 읽히는데, 올바른 IPv4 주소가 아닙니다(각 부분은 0–255, 최대 네 부분). URL 파서는 마지막 레이블이 숫자인 호스트를 도메인 이름으로 보지 않습니다.`,
            `The host ${q(host)} ends in a number, so it is read as an IPv4 address, and it is not a valid one (each part 0–255, at most four parts). The URL parser never takes a host ending in a number for a domain name.`,
          ),
        });
      } else if (special && (/[^\x00-\x7f]/.test(decoded) || labels.some((l) => l.startsWith('xn--')))) {
        errors.push({
          rule: 'invalid-idn',
          message: t(
            `호스트 ${qj(host, '을')} 국제화 도메인 이름의 ASCII 형식(xn--…)으로 바꿀 수 없습니다. IDNA(UTS #46)가 허용하지 않는 문자가 있거나, "xn--" 레이블이 올바른 퓨니코드가 아닙니다.`,
            `The host ${q(host)} cannot be converted to an internationalised domain name's ASCII form (xn--…): it contains characters IDNA (UTS #46) does not allow, or an "xn--" label is not valid Punycode.`,
          ),
        });
      }
    }
  }
  if (errors.length === 0) {
    errors.push({
      rule: 'unknown',
      message: t(
        'URL 파서가 이 입력을 거부했지만, 여기서 검사하는 규칙으로는 이유를 특정하지 못했습니다.',
        'The URL parser rejected this input, and none of the rules checked here pins down why.',
      ),
    });
  }
  return errors;
}

function sentences(parts: Text[]): Text {
  return joinText(parts.filter((p) => p.en !== '' || p.ko !== ''));
}

/** Why an input without a scheme is a relative reference, by its shape (RFC 3986 §4.2). */
function relativeExplanation(s: string): Text {
  const resolved = tryUrl(s, 'https://example.com/a/b')?.href;
  const example = resolved
    ? t(
        `예를 들어 기준 URL이 https://example.com/a/b라면 이 참조를 해석한 결과는 ${resolved}입니다.`,
        `For instance, against the base https://example.com/a/b it resolves to ${resolved}.`,
      )
    : t('', '');
  const base = t(
    '스킴이 없으므로 이것은 절대 URL이 아니라 상대 참조(relative reference)입니다. URL 파서는 기준 URL(base)이 있어야 상대 참조를 해석할 수 있습니다.',
    'No scheme: this is a relative reference, not an absolute URL. The URL parser needs a base URL to resolve a relative reference.',
  );
  if (s.startsWith('//')) {
    return sentences([
      base,
      t(
        '"//"로 시작하므로 네트워크 경로 참조(스킴 상대 참조)로, 기준 URL의 스킴을 빌려 씁니다.',
        'It starts with "//", so it is a network-path (scheme-relative) reference that borrows the base URL\'s scheme.',
      ),
      example,
    ]);
  }
  if (s.startsWith('/')) {
    return sentences([
      base,
      t('"/"로 시작하므로 절대 경로 참조로, 기준 URL의 스킴과 호스트를 그대로 씁니다.', 'It starts with "/", so it is an absolute-path reference that keeps the base URL\'s scheme and host.'),
      example,
    ]);
  }
  if (s.startsWith('?') || s.startsWith('#')) {
    return sentences([
      base,
      t(
        `${s.startsWith('?') ? '"?"로 시작하므로 기준 URL의 쿼리' : '"#"으로 시작하므로 기준 URL의 프래그먼트'}만 바꾸는 참조입니다.`,
        `It starts with "${s[0]}", so it only replaces the base URL's ${s.startsWith('?') ? 'query' : 'fragment'}.`,
      ),
      example,
    ]);
  }
  const first = s.split(/[/?#]/)[0];
  if (/^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(first) && /[A-Za-z]/.test(first)) {
    return sentences([
      base,
      t(
        `브라우저 주소창은 이런 입력을 보면 https://를 붙여 ${qj(first, '을')} 호스트로 추측해 주지만, URL 파서는 추측하지 않고 ${qj(first, '을')} 경로의 첫 세그먼트로 읽습니다.`,
        `A browser's address bar guesses https:// for input like this and takes ${q(first)} for the host, but the URL parser does not guess: it reads ${q(first)} as the first path segment.`,
      ),
      example,
      t(
        `호스트를 뜻했다면 https://${s}처럼 스킴과 "//"를 붙이세요.`,
        `If you meant the host, write the scheme and "//": https://${s}.`,
      ),
    ]);
  }
  return sentences([
    base,
    t('상대 경로 참조로, 기준 URL의 마지막 경로 세그먼트를 이것으로 바꿉니다.', 'It is a relative-path reference: it replaces the last path segment of the base URL.'),
    example,
  ]);
}

// ---------------------------------------------------------------- parseUri

/** Parses an absolute URL with the WHATWG URL parser. Never throws. */
export function parseUri(input: string): UrlResult {
  const str = typeof input === 'string' ? input : String(input);
  const u = tryUrl(str);
  if (!u) return { ok: false, input: str, errors: explainFailure(str) };
  const out = spansOf(u);
  const scheme = u.protocol.slice(0, -1);
  const special = SPECIAL_SCHEMES.includes(scheme);
  const components = {} as UrlComponents;
  for (const name of URL_COMPONENTS) components[name] = u[name];
  const opaquePath = !special && !u.href.startsWith(u.protocol + '//') && !u.pathname.startsWith('/');
  let changes: UrlChange[];
  try {
    changes = detectChanges(str, u, out);
  } catch {
    changes = [];
  }
  return {
    ok: true,
    input: str,
    href: u.href,
    scheme,
    special,
    opaquePath,
    components,
    spans: out.spans,
    origin: u.origin,
    changes,
  };
}

// ---------------------------------------------------------------- URNs (RFC 8141)

export interface KnownNid {
  nid: string;
  name: Text;
  /** Where the namespace is registered. */
  rfc: string;
  description: Text;
  example: string;
}

export const KNOWN_NIDS: Readonly<Record<string, KnownNid>> = {
  isbn: {
    nid: 'isbn',
    name: t('국제 표준 도서 번호(ISBN)', 'International Standard Book Number (ISBN)'),
    rfc: 'RFC 8254',
    description: t('책 한 권(한 판본)을 식별합니다. 어느 도서관이나 서점에서 찾을 수 있는지는 알려 주지 않습니다.', 'Identifies a book (one edition); it says nothing about which library or shop holds it.'),
    example: 'urn:isbn:0451450523',
  },
  issn: {
    nid: 'issn',
    name: t('국제 표준 연속 간행물 번호(ISSN)', 'International Standard Serial Number (ISSN)'),
    rfc: 'RFC 8254',
    description: t('잡지·학술지 같은 연속 간행물을 식별합니다.', 'Identifies a serial publication such as a magazine or journal.'),
    example: 'urn:issn:0167-6423',
  },
  ietf: {
    nid: 'ietf',
    name: t('IETF 문서', 'IETF documents'),
    rfc: 'RFC 2648',
    description: t('RFC, BCP, STD 같은 IETF 문서와 프로토콜 매개변수를 식별합니다(예: urn:ietf:rfc:3986).', 'Identifies IETF documents such as RFCs, BCPs and STDs, and protocol parameters (e.g. urn:ietf:rfc:3986).'),
    example: 'urn:ietf:rfc:3986',
  },
  uuid: {
    nid: 'uuid',
    name: t('UUID', 'UUID'),
    rfc: 'RFC 9562',
    description: t('128비트 범용 고유 식별자(UUID)입니다. 중앙 등록 없이 누구나 만들어도 겹치지 않도록 설계되었습니다. RFC 9562가 RFC 4122를 대체했습니다.', 'A 128-bit universally unique identifier, designed so that anyone can mint one without a central registry and without collisions. RFC 9562 obsoletes RFC 4122.'),
    example: 'urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66',
  },
  oid: {
    nid: 'oid',
    name: t('객체 식별자(OID)', 'Object identifier (OID)'),
    rfc: 'RFC 3061',
    description: t('ISO/ITU-T 객체 식별자 트리의 한 노드를 점으로 구분한 숫자로 나타냅니다(예: urn:oid:1.3.6.1).', 'A node of the ISO/ITU-T object identifier tree, written as dotted numbers (e.g. urn:oid:1.3.6.1).'),
    example: 'urn:oid:1.3.6.1',
  },
  oasis: {
    nid: 'oasis',
    name: t('OASIS', 'OASIS'),
    rfc: 'RFC 3121',
    description: t('OASIS 표준 단체가 관리하는 스키마·DTD 같은 자원을 식별합니다.', 'Identifies resources such as schemas and DTDs managed by the OASIS standards body.'),
    example: 'urn:oasis:names:specification:docbook:dtd:xml:4.1.2',
  },
};

export type UrnRule =
  | 'not-urn'
  | 'nid-length'
  | 'nid-chars'
  | 'nid-hyphen'
  | 'nss-empty'
  | 'nss-chars'
  | 'nss-slash'
  | 'percent'
  | 'r-component'
  | 'q-component'
  | 'f-component'
  | 'component-order'
  | 'nss-format';

export interface UrnProblem {
  rule: UrnRule;
  severity: 'error' | 'warning';
  message: Text;
}

export interface UrnOk {
  ok: true;
  input: string;
  /** The namespace identifier as typed. */
  nid: string;
  /** Lower-cased NID: the form to compare (NIDs are case-insensitive). */
  nidKey: string;
  /** Namespace-specific string. */
  nss: string;
  /** `?+` resolution parameters, `?=` query, `#` fragment: null when absent. */
  rComponent: string | null;
  qComponent: string | null;
  fComponent: string | null;
  known: KnownNid | null;
  /** RFC 8141 §5.2 informal namespace `urn-<number>`. */
  informal: boolean;
  /** RFC 8141 §3.1 lexical equivalence key: "urn:" + lower-cased NID + ":" + NSS with %xx upper-cased; r/q/f ignored. */
  equivalenceKey: string;
  warnings: UrnProblem[];
  /** The same string through the WHATWG URL parser (a URL with an opaque path). */
  whatwg: UrlResult;
  explanation: Text;
}

export interface UrnFail {
  ok: false;
  input: string;
  problems: UrnProblem[];
  whatwg: UrlResult;
}

export type UrnResult = UrnOk | UrnFail;

const PCHAR = "A-Za-z0-9\\-._~!$&'()*+,;=:@";
const NSS_RE = new RegExp(`^(?:[${PCHAR}]|%[0-9A-Fa-f]{2})(?:[${PCHAR}/]|%[0-9A-Fa-f]{2})*$`);
const RQ_RE = new RegExp(`^(?:[${PCHAR}]|%[0-9A-Fa-f]{2})(?:[${PCHAR}/?]|%[0-9A-Fa-f]{2})*$`);
const FRAG_RE = new RegExp(`^(?:[${PCHAR}/?]|%[0-9A-Fa-f]{2})*$`);

function badChars(s: string, allowed: string): string[] {
  const re = new RegExp(`[${allowed}%]`);
  return Array.from(s).filter((c) => !re.test(c));
}

function badPercent(s: string): boolean {
  return /%(?![0-9A-Fa-f]{2})/.test(s);
}

function isbnCheck(nss: string): boolean {
  const d = nss.replace(/[- ]/g, '').toUpperCase();
  if (/^[0-9]{9}[0-9X]$/.test(d)) {
    let sum = 0;
    for (let i = 0; i < 10; i++) sum += (d[i] === 'X' ? 10 : Number(d[i])) * (10 - i);
    return sum % 11 === 0;
  }
  if (/^97[89][0-9]{10}$/.test(d)) {
    let sum = 0;
    for (let i = 0; i < 13; i++) sum += Number(d[i]) * (i % 2 === 0 ? 1 : 3);
    return sum % 10 === 0;
  }
  return false;
}

function issnCheck(nss: string): boolean {
  const m = /^([0-9]{4})-?([0-9]{3}[0-9Xx])$/.exec(nss);
  if (!m) return false;
  const d = (m[1] + m[2]).toUpperCase();
  let sum = 0;
  for (let i = 0; i < 7; i++) sum += Number(d[i]) * (8 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'X' : String(check)) === d[7];
}

function formatWarning(nid: string, nss: string): Text | null {
  switch (nid) {
    case 'uuid':
      return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(nss)
        ? null
        : t('uuid 네임스페이스의 NSS는 8-4-4-4-12자리 16진수 형식이어야 합니다(RFC 9562 §4).', 'A uuid NSS is 32 hex digits grouped 8-4-4-4-12 (RFC 9562 §4).');
    case 'isbn':
      return isbnCheck(nss)
        ? null
        : t('올바른 ISBN-10 또는 ISBN-13이 아닙니다(자릿수나 마지막 검사 숫자가 맞지 않음).', 'Not a valid ISBN-10 or ISBN-13 (wrong number of digits, or the check digit does not match).');
    case 'issn':
      return issnCheck(nss) ? null : t('올바른 ISSN(NNNN-NNNC, 마지막은 검사 숫자)이 아닙니다.', 'Not a valid ISSN (NNNN-NNNC, the last one a check digit).');
    case 'oid':
      return /^[0-2](\.(0|[1-9][0-9]*))*$/.test(nss)
        ? null
        : t('OID는 0, 1, 2 중 하나로 시작하고 점으로 구분한 숫자여야 합니다(예: 1.3.6.1).', 'An OID is dotted numbers starting with 0, 1 or 2 (e.g. 1.3.6.1).');
    default:
      return null;
  }
}

/** Parses a URN per RFC 8141. Never throws. */
export function parseUrn(input: string): UrnResult {
  const str = typeof input === 'string' ? input : String(input);
  const whatwg = parseUri(str);
  const problems: UrnProblem[] = [];
  const err = (rule: UrnRule, message: Text) => problems.push({ rule, severity: 'error', message });
  if (!/^urn:/i.test(str)) {
    err(
      'not-urn',
      t(
        'URN은 "urn:"으로 시작해야 합니다(대소문자 무관). 형식은 urn:<NID>:<NSS>입니다(RFC 8141).',
        'A URN starts with "urn:" (in any case): urn:<NID>:<NSS> (RFC 8141).',
      ),
    );
    return { ok: false, input: str, problems, whatwg };
  }
  const rest = str.slice(4);
  const hashAt = rest.indexOf('#');
  const fComponent = hashAt < 0 ? null : rest.slice(hashAt + 1);
  const beforeHash = hashAt < 0 ? rest : rest.slice(0, hashAt);
  const qAt = beforeHash.indexOf('?');
  const name = qAt < 0 ? beforeHash : beforeHash.slice(0, qAt);
  const rq = qAt < 0 ? '' : beforeHash.slice(qAt);
  const colon = name.indexOf(':');
  const nid = colon < 0 ? name : name.slice(0, colon);
  const nss = colon < 0 ? '' : name.slice(colon + 1);

  if (nid.length < 2 || nid.length > 32) {
    err(
      'nid-length',
      t(
        `NID(네임스페이스 식별자)는 2–32자여야 하는데 ${nid.length}자입니다(RFC 8141 §2).`,
        `The NID (namespace identifier) must be 2–32 characters long; it is ${nid.length} (RFC 8141 §2).`,
      ),
    );
  }
  const nidBad = Array.from(nid).filter((c) => !/[A-Za-z0-9-]/.test(c));
  if (nidBad.length > 0) {
    err(
      'nid-chars',
      t(
        `NID에 쓸 수 없는 문자가 있습니다: ${showChars(nidBad)}. NID에는 영문자, 숫자, 하이픈만 쓸 수 있습니다(RFC 8141 §2).`,
        `The NID contains characters it cannot have: ${showChars(nidBad)}. An NID uses only letters, digits and hyphens (RFC 8141 §2).`,
      ),
    );
  }
  if (nid.startsWith('-') || nid.endsWith('-')) {
    err(
      'nid-hyphen',
      t('NID는 하이픈으로 시작하거나 끝날 수 없습니다(RFC 8141 §2).', 'An NID cannot start or end with a hyphen (RFC 8141 §2).'),
    );
  }
  if (nss === '') {
    err(
      'nss-empty',
      colon < 0
        ? t(
            'NID 뒤에 ":"와 NSS(네임스페이스별 문자열)가 없습니다. URN은 urn:<NID>:<NSS> 형식입니다.',
            'There is no ":" and NSS (namespace-specific string) after the NID: a URN is urn:<NID>:<NSS>.',
          )
        : t('NSS(네임스페이스별 문자열)가 비어 있습니다. NSS는 한 글자 이상이어야 합니다(RFC 8141 §2).', 'The NSS (namespace-specific string) is empty; it needs at least one character (RFC 8141 §2).'),
    );
  } else {
    if (nss.startsWith('/')) {
      err('nss-slash', t('NSS는 "/"로 시작할 수 없습니다(RFC 8141 §2).', 'The NSS cannot start with "/" (RFC 8141 §2).'));
    }
    const bad = badChars(nss, PCHAR + '/');
    if (bad.length > 0) {
      err(
        'nss-chars',
        t(
          `NSS에 그대로 쓸 수 없는 문자가 있습니다: ${showChars(bad)}. 영문자, 숫자와 - . _ ~ ! $ & ' ( ) * + , ; = : @ /만 쓸 수 있고, 나머지는 퍼센트 인코딩(%XX)해야 합니다(RFC 8141 §2).`,
          `The NSS contains characters that must be percent-encoded (%XX): ${showChars(bad)}. Only letters, digits and - . _ ~ ! $ & ' ( ) * + , ; = : @ / may appear as they are (RFC 8141 §2).`,
        ),
      );
    }
  }
  if (badPercent(str)) {
    err('percent', t('"%" 뒤에는 16진수 두 자리가 와야 합니다(퍼센트 인코딩, RFC 3986 §2.1).', 'A "%" must be followed by two hex digits (percent-encoding, RFC 3986 §2.1).'));
  }
  let rComponent: string | null = null;
  let qComponent: string | null = null;
  if (rq !== '') {
    if (rq.startsWith('?+')) {
      const qPos = rq.indexOf('?=', 2);
      rComponent = qPos < 0 ? rq.slice(2) : rq.slice(2, qPos);
      qComponent = qPos < 0 ? null : rq.slice(qPos + 2);
    } else if (rq.startsWith('?=')) {
      qComponent = rq.slice(2);
    } else {
      err(
        'component-order',
        t(
          'NSS 뒤의 "?"는 "?+"(r-컴포넌트, 해석기에 넘기는 매개변수)나 "?="(q-컴포넌트, 자원에 넘기는 질의)로만 쓸 수 있고, 순서는 ?+ 다음 ?=입니다(RFC 8141 §2.3).',
          'A "?" after the NSS must start "?+" (r-component, parameters for a resolver) or "?=" (q-component, a query for the resource), in that order (RFC 8141 §2.3).',
        ),
      );
    }
    if (rComponent !== null && !RQ_RE.test(rComponent) && !badPercent(rComponent)) {
      err('r-component', t('r-컴포넌트("?+" 뒤)가 비어 있거나 쓸 수 없는 문자가 있습니다(RFC 8141 §2.3.1).', 'The r-component (after "?+") is empty or contains characters it cannot have (RFC 8141 §2.3.1).'));
    }
    if (qComponent !== null && !RQ_RE.test(qComponent) && !badPercent(qComponent)) {
      err('q-component', t('q-컴포넌트("?=" 뒤)가 비어 있거나 쓸 수 없는 문자가 있습니다(RFC 8141 §2.3.2).', 'The q-component (after "?=") is empty or contains characters it cannot have (RFC 8141 §2.3.2).'));
    }
  }
  if (fComponent !== null && !FRAG_RE.test(fComponent) && !badPercent(fComponent)) {
    err('f-component', t('f-컴포넌트("#" 뒤)에 쓸 수 없는 문자가 있습니다(RFC 8141 §2.3.3, RFC 3986 §3.5).', 'The f-component (after "#") contains characters it cannot have (RFC 8141 §2.3.3, RFC 3986 §3.5).'));
  }
  if (problems.length > 0 || !NSS_RE.test(nss)) {
    if (problems.length === 0) err('nss-chars', t('NSS가 RFC 8141 문법에 맞지 않습니다.', 'The NSS does not follow the RFC 8141 syntax.'));
    return { ok: false, input: str, problems, whatwg };
  }

  const nidKey = nid.toLowerCase();
  const known = KNOWN_NIDS[nidKey] ?? null;
  const informal = /^urn-[1-9][0-9]*$/.test(nidKey);
  const warnings: UrnProblem[] = [];
  const fmt = formatWarning(nidKey, nss);
  if (fmt) warnings.push({ rule: 'nss-format', severity: 'warning', message: fmt });
  const equivalenceKey = 'urn:' + nidKey + ':' + nss.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
  const whatwgView = whatwg.ok
    ? t(
        `WHATWG URL 파서도 이 문자열을 받아들이지만, "urn"을 특수하지 않은 스킴으로 보고 ":" 뒤를 통째로 불투명 경로(pathname = "${whatwg.components.pathname}")로 둡니다. 호스트가 없고 origin은 "${whatwg.origin}"이며, NID와 NSS를 나누지도 RFC 8141 규칙을 검사하지도 않습니다.`,
        `The WHATWG URL parser accepts this string too, but as a non-special scheme "urn" whose whole remainder is an opaque path (pathname = "${whatwg.components.pathname}"): no host, origin "${whatwg.origin}", no NID/NSS split and no RFC 8141 checks.`,
      )
    : t('WHATWG URL 파서는 이 문자열을 받아들이지 않습니다.', 'The WHATWG URL parser rejects this string.');
  const explanation = sentences([
    t(
      `URN은 URI 스킴의 하나로, 이름으로 자원을 식별할 뿐 위치(어디서 어떻게 가져오는지)는 알려 주지 않습니다. 여기서 NID는 "${nidKey}"${known ? `(${known.name.ko}, ${known.rfc})` : ''}, NSS는 "${nss}"입니다.`,
      `URN is a URI scheme whose names identify a resource without locating it (they say nothing about where or how to fetch it). Here the NID is "${nidKey}"${known ? ` (${known.name.en}, ${known.rfc})` : ''} and the NSS is "${nss}".`,
    ),
    known ? known.description : t('', ''),
    informal
      ? t('"urn-숫자" 꼴의 NID는 등록 절차가 가벼운 비공식 네임스페이스입니다(RFC 8141 §5.2).', 'An NID of the form "urn-<number>" is an informal namespace (RFC 8141 §5.2).')
      : t('', ''),
    whatwgView,
  ]);
  return {
    ok: true,
    input: str,
    nid,
    nidKey,
    nss,
    rComponent,
    qComponent,
    fComponent,
    known,
    informal,
    equivalenceKey,
    warnings,
    whatwg,
    explanation,
  };
}

/** RFC 8141 §3 lexical equivalence (r-, q- and f-components do not count). */
export function urnEquivalent(a: string, b: string): boolean {
  const x = parseUrn(a);
  const y = parseUrn(b);
  return x.ok && y.ok && x.equivalenceKey === y.equivalenceKey;
}

// ---------------------------------------------------------------- RFC 3986 split and classify

/** RFC 3986 Appendix B: the generic-syntax split by regular expression (it only splits; it validates nothing). */
export const RFC3986_REGEX = /^(([^:/?#]+):)?(\/\/([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?/;

export interface Rfc3986Split {
  scheme?: string;
  authority?: string;
  userinfo?: string;
  host?: string;
  port?: string;
  path: string;
  query?: string;
  fragment?: string;
  /** The scheme follows `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )` (RFC 3986 §3.1). */
  schemeValid: boolean;
  /** Every character may appear in a URI (unreserved, reserved, or '%' starting a valid %XX). */
  uriChars: boolean;
}

/** Splits with the Appendix B regex; authority = [userinfo "@"] host [":" port] (RFC 3986 §3.2). */
export function rfc3986Split(input: string): Rfc3986Split {
  const m = RFC3986_REGEX.exec(input)!;
  const authority = m[3] !== undefined ? m[4] : undefined;
  let userinfo: string | undefined;
  let host: string | undefined;
  let port: string | undefined;
  if (authority !== undefined) {
    const at = authority.lastIndexOf('@');
    userinfo = at < 0 ? undefined : authority.slice(0, at);
    const hostport = at < 0 ? authority : authority.slice(at + 1);
    const pm = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostport);
    host = pm ? pm[1] : hostport;
    port = pm ? pm[2] : undefined;
  }
  return {
    scheme: m[2],
    authority,
    userinfo,
    host,
    port,
    path: m[5] ?? '',
    query: m[7],
    fragment: m[9],
    schemeValid: m[2] !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(m[2]),
    uriChars: /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/.test(input),
  };
}

export type UriKind = 'url' | 'urn' | 'uri' | 'relative' | 'invalid';

export interface SchemeInfo {
  scheme: string;
  locator: boolean;
  description: Text;
}

export const KNOWN_SCHEMES: Readonly<Record<string, SchemeInfo>> = Object.fromEntries(
  (
    [
      ['http', true, '웹 자원을 HTTP로 가져옵니다.', 'Fetch a web resource over HTTP.'],
      ['https', true, '웹 자원을 TLS로 보호한 HTTP로 가져옵니다.', 'Fetch a web resource over HTTP protected by TLS.'],
      ['ws', true, 'WebSocket 연결을 엽니다.', 'Open a WebSocket connection.'],
      ['wss', true, 'TLS로 보호한 WebSocket 연결을 엽니다.', 'Open a WebSocket connection protected by TLS.'],
      ['ftp', true, 'FTP 서버의 파일을 가리킵니다.', 'A file on an FTP server.'],
      ['file', true, '이 컴퓨터(또는 지정한 호스트)의 파일을 가리킵니다.', 'A file on this computer (or on the named host).'],
      ['mailto', true, '전자우편 주소로 메일을 보내는 방법을 나타냅니다(RFC 6068).', 'How to send mail to an e-mail address (RFC 6068).'],
      ['ldap', true, 'LDAP 디렉터리 서버의 항목을 검색합니다(RFC 4516).', 'A search on an LDAP directory server (RFC 4516).'],
      ['ldaps', true, 'TLS로 보호한 LDAP 검색입니다.', 'An LDAP search protected by TLS.'],
      ['telnet', true, '텔넷 서버에 접속합니다(RFC 4248).', 'A connection to a Telnet server (RFC 4248).'],
      ['ssh', true, 'SSH 서버에 접속합니다.', 'A connection to an SSH server.'],
      ['sftp', true, 'SFTP로 파일에 접근합니다.', 'A file accessed over SFTP.'],
      ['news', true, '뉴스 서버의 뉴스그룹이나 글을 가리킵니다(RFC 5538).', 'A newsgroup or article on a news server (RFC 5538).'],
      ['nntp', true, '지정한 NNTP 서버의 뉴스 글을 가리킵니다(RFC 5538).', 'A news article on a named NNTP server (RFC 5538).'],
      ['tel', true, '전화를 걸 번호를 나타냅니다(RFC 3966).', 'A telephone number to call (RFC 3966).'],
      ['sip', true, 'SIP로 통화할 상대를 나타냅니다(RFC 3261).', 'A party to call over SIP (RFC 3261).'],
      ['sips', true, 'TLS로 보호한 SIP 통화 상대입니다.', 'A SIP party reached over TLS.'],
      ['gopher', true, 'Gopher 서버의 자원입니다(RFC 4266).', 'A resource on a Gopher server (RFC 4266).'],
      ['irc', true, 'IRC 서버나 채널입니다.', 'An IRC server or channel.'],
      ['git', true, 'git 프로토콜로 저장소를 가져옵니다.', 'A repository fetched over the git protocol.'],
      ['rtsp', true, 'RTSP로 스트리밍 미디어를 제어합니다(RFC 7826).', 'Streaming media controlled over RTSP (RFC 7826).'],
      ['data', false, '자원의 내용을 URI 안에 직접 담습니다(RFC 2397). 어딘가를 가리키지 않습니다.', 'Carries the resource\'s content inside the URI itself (RFC 2397); it points nowhere.'],
      ['tag', false, '누가 언제 만들었는지로 고유한 이름을 짓는 식별자입니다(RFC 4151).', 'An identifier made unique by who minted it and when (RFC 4151).'],
      ['about', false, '브라우저 내부 페이지 같은 것을 이름으로 가리킵니다(RFC 6694).', 'Names things such as a browser\'s internal pages (RFC 6694).'],
      ['javascript', false, '가져올 자원이 아니라 실행할 스크립트를 담습니다.', 'Holds a script to run, not a resource to fetch.'],
      ['info', false, '다른 식별 체계의 이름을 URI로 옮긴 것입니다(RFC 4452).', 'Carries names from other identifier schemes as URIs (RFC 4452).'],
      ['urn', false, '위치와 무관하게 오래 유지되는 이름입니다(RFC 8141).', 'A persistent, location-independent name (RFC 8141).'],
    ] as const
  ).map(([scheme, locator, ko, en]) => [scheme, { scheme, locator, description: t(ko, en) }]),
);

export interface SplitDifference {
  component: 'scheme' | 'userinfo' | 'host' | 'port' | 'path' | 'query' | 'fragment';
  rfc3986: string | undefined;
  whatwg: string | undefined;
  message: Text;
}

export interface Classification {
  input: string;
  kind: UriKind;
  explanation: Text;
  scheme: SchemeInfo | null;
  rfc3986: Rfc3986Split;
  whatwg: UrlResult;
  urn: UrnResult | null;
  /** Components where the RFC 3986 split and the WHATWG result differ (empty when the WHATWG parser failed). */
  differences: SplitDifference[];
}

const COMPONENT_TEXT: Record<SplitDifference['component'], Text> = COMPONENT_NAMES;

function splitDifferences(split: Rfc3986Split, url: UrlOk): SplitDifference[] {
  const c = url.components;
  const whatwg: Record<SplitDifference['component'], string | undefined> = {
    scheme: url.scheme,
    userinfo: c.username !== '' || c.password !== '' ? c.username + (c.password !== '' ? ':' + c.password : '') : undefined,
    host: url.spans.host !== null || url.href.startsWith(url.scheme + '://') ? c.hostname : undefined,
    port: c.port !== '' ? c.port : undefined,
    path: c.pathname,
    query: c.search !== '' ? c.search.slice(1) : undefined,
    fragment: c.hash !== '' ? c.hash.slice(1) : undefined,
  };
  const norm = (s: string | undefined) => s ?? '';
  const diffs: SplitDifference[] = [];
  for (const component of Object.keys(whatwg) as SplitDifference['component'][]) {
    const r = split[component];
    const w = whatwg[component];
    if (norm(r) === norm(w)) continue;
    const reasons = url.changes.filter(
      (ch) =>
        ch.part === component ||
        (component === 'scheme' && ch.part === 'input') ||
        (component === 'host' && ch.kind === 'slashes') ||
        (ch.kind === 'backslashes' && (norm(r).includes('\\') || r === undefined)) ||
        (ch.part === 'input' && /[\x00-\x20]/.test(norm(r))) ||
        (component === 'path' && ch.kind === 'slashes'),
    );
    const name = COMPONENT_TEXT[component];
    const show = (s: string | undefined) => (s === undefined ? t('(없음)', '(none)') : t(q(s), q(s)));
    const base = t(
      `${name.ko} — RFC 3986 정규식: ${show(r).ko}, WHATWG 파서: ${show(w).ko}. 정규식은 문자열을 나누기만 하고, WHATWG 파서는 값을 정규화하거나 다르게 해석합니다.`,
      `${name.en[0].toUpperCase() + name.en.slice(1)} — RFC 3986 regex: ${show(r).en}; WHATWG parser: ${show(w).en}. The regex only splits the string; the WHATWG parser normalises or reinterprets it.`,
    );
    diffs.push({ component, rfc3986: r, whatwg: w, message: sentences([base, ...reasons.map((ch) => ch.message)]) });
  }
  return diffs;
}

/** URL, URN, other URI, relative reference or invalid, with both the RFC 3986 split and the WHATWG result. Never throws. */
export function classify(input: string): Classification {
  const str = typeof input === 'string' ? input : String(input);
  const rfc3986 = rfc3986Split(str);
  const whatwg = parseUri(str);
  const cleaned = str.replace(EDGE_WS, '').replace(TAB_NL, '');
  const schemeMatch = SCHEME_RE.exec(cleaned);
  const schemeName = schemeMatch ? schemeMatch[1].toLowerCase() : null;
  const scheme = schemeName ? (KNOWN_SCHEMES[schemeName] ?? null) : null;
  const differences = whatwg.ok ? splitDifferences(rfc3986, whatwg) : [];
  const base = { input: str, scheme, rfc3986, whatwg, differences };
  const nonUri = [...new Set(Array.from(str).filter((c) => !/[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(c)))];
  const charsNote =
    rfc3986.uriChars || nonUri.length === 0
      ? t('', '')
      : t(
          `RFC 3986으로 엄밀히 보면 URI에 그대로 쓸 수 없는 문자(${showChars(nonUri)})가 있어서 퍼센트 인코딩해야 합니다. WHATWG 파서는 이런 입력을 너그럽게 받아 고쳐 줍니다.`,
          `Strictly by RFC 3986 it contains characters a URI cannot hold as they are (${showChars(nonUri)}), which must be percent-encoded; the WHATWG parser accepts such input leniently and fixes it.`,
        );

  if (cleaned === '' || !schemeName) {
    if (!whatwg.ok && whatwg.errors[0].rule === 'empty') {
      return { ...base, kind: 'invalid', urn: null, explanation: whatwg.errors[0].message };
    }
    if (!whatwg.ok && whatwg.errors[0].rule === 'invalid-scheme') {
      return { ...base, kind: 'invalid', urn: null, explanation: whatwg.errors[0].message };
    }
    return { ...base, kind: 'relative', urn: null, explanation: sentences([relativeExplanation(cleaned), charsNote]) };
  }
  if (schemeName === 'urn') {
    const urn = parseUrn(cleaned);
    if (urn.ok) return { ...base, kind: 'urn', urn, explanation: sentences([urn.explanation, charsNote]) };
    return {
      ...base,
      kind: 'invalid',
      urn,
      explanation: sentences([
        t('"urn:"으로 시작하지만 RFC 8141의 URN 문법을 어깁니다.', 'It starts with "urn:" but breaks the RFC 8141 URN syntax.'),
        ...urn.problems.map((p) => p.message),
        whatwg.ok
          ? t('(WHATWG URL 파서는 URN 규칙을 모르므로 불투명 경로를 가진 URL로 받아들입니다.)', '(The WHATWG URL parser knows no URN rules and still accepts it as a URL with an opaque path.)')
          : t('', ''),
      ]),
    };
  }
  if (!whatwg.ok) {
    return { ...base, kind: 'invalid', urn: null, explanation: sentences(whatwg.errors.map((e) => e.message)) };
  }
  if (scheme?.locator) {
    return {
      ...base,
      kind: 'url',
      urn: null,
      explanation: sentences([
        t(
          `URL입니다. "${schemeName}" 스킴은 자원에 접근하는 방법을 정하므로, 자원을 식별할 뿐 아니라 어디서 어떻게 가져오는지도 알려 줍니다(RFC 3986 §1.1.3).`,
          `A URL: the "${schemeName}" scheme defines an access mechanism, so besides identifying the resource it tells where and how to reach it (RFC 3986 §1.1.3).`,
        ),
        scheme.description,
        charsNote,
      ]),
    };
  }
  return {
    ...base,
    kind: 'uri',
    urn: null,
    explanation: sentences([
      scheme
        ? t(
            `URI이지만 위치를 알려 주는 URL은 아닙니다. "${schemeName}" 스킴은 접근 방법을 정하지 않습니다.`,
            `A URI, but not a locating URL: the "${schemeName}" scheme defines no access mechanism.`,
          )
        : t(
            `"${schemeName}" 스킴을 쓰는 URI입니다. 여기서 아는 스킴이 아니라서 위치를 알려 주는 URL인지는 판단하지 않고, 일반 URI 문법으로만 나눕니다.`,
            `A URI with the "${schemeName}" scheme. It is not a scheme known here, so whether it locates anything is not judged; it is split by the generic URI syntax only.`,
          ),
      scheme ? scheme.description : t('', ''),
      charsNote,
    ]),
  };
}
