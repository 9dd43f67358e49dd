/**
 * The sheet's URI rules, checked on a path. They are naming conventions many HTTP APIs
 * follow, not part of REST: Fielding's REST treats URIs as opaque identifiers, and a
 * server may name its resources however it likes (RFC 3986 §3.3 only defines the syntax).
 * Collection and item positions are guessed from the shape /collection/id/collection/id,
 * after an optional /api and /v1 prefix: a heuristic, and it says so.
 */
import { parseUri } from '../../names/uri';
import { t, type Text } from '../../core/text';

export type UriRule = 'trailing-slash' | 'hierarchy' | 'hyphens' | 'lowercase' | 'extension' | 'plural' | 'nouns';
export const URI_RULES: readonly UriRule[] = ['trailing-slash', 'hierarchy', 'hyphens', 'lowercase', 'extension', 'plural', 'nouns'];

export interface UriFinding {
  rule: UriRule;
  /** Always a convention: breaking it is still REST, and still valid HTTP. */
  kind: 'convention';
  /** The segment concerned (without slashes), when there is one. */
  segment?: string;
  message: Text;
}

export interface UriCheck {
  /** The path checked (from a full URL, its path). */
  path: string;
  findings: UriFinding[];
  /** Rules with no finding. */
  passed: UriRule[];
}

/** Verbs that name actions rather than resources (the method already says the action). */
export const VERBS: readonly string[] = ['get', 'set', 'create', 'delete', 'remove', 'update', 'edit', 'modify', 'make', 'do', 'show', 'add', 'insert', 'fetch', 'save', 'write', 'read', 'list', 'change', 'put', 'post'];
/** Words that need no plural (uncountable, or not collections). */
const NO_PLURAL = new Set(['api', 'me', 'search', 'data', 'info', 'news', 'status', 'health', 'media', 'feedback', 'staff', 'software', 'metadata']);

/** The path to check: a full URL's path (parsed by the URL Standard), else the text up to ? or #. */
export function pathToCheck(input: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input.trim())) {
    const u = parseUri(input.trim());
    if (u.ok) return u.components.pathname;
  }
  return input.split(/[?#]/)[0];
}

/** Words of a segment: split at hyphens, underscores and camelCase humps, lower-cased. */
export const wordsOf = (seg: string): string[] =>
  seg.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[-_\s]+/).filter(Boolean).map((w) => w.toLowerCase());

const isId = (seg: string) => /^\d+$/.test(seg) || /^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(seg);
const EXT = /\.([A-Za-z][A-Za-z0-9]{0,4})$/;

export function checkUri(input: string): UriCheck {
  const path = pathToCheck(input);
  const findings: UriFinding[] = [];
  const add = (rule: UriRule, message: Text, segment?: string) => findings.push({ rule, kind: 'convention', message, ...(segment !== undefined ? { segment } : {}) });

  if (path.length > 1 && path.endsWith('/')) {
    add('trailing-slash', t(`끝의 "/"를 빼세요: ${path.replace(/\/+$/, '') || '/'}. 서버에게 /boards와 /boards/는 서로 다른 URI입니다.`, `Drop the final "/": ${path.replace(/\/+$/, '') || '/'}. To a server, /boards and /boards/ are different URIs.`));
  }
  const segs = path.split('/').filter((s) => s !== '');
  // Skip an /api and a version prefix; then collections and ids alternate.
  let i = 0;
  if (segs[i]?.toLowerCase() === 'api') i++;
  if (/^v\d+$/i.test(segs[i] ?? '')) i++;
  segs.forEach((seg, k) => {
    if (/_/.test(seg)) add('hyphens', t(`"${seg}": 밑줄(_) 대신 하이픈(-)으로 단어를 이으세요 (${seg.replace(/_/g, '-')}). 밑줄은 링크 밑줄에 가려 잘 안 보입니다.`, `"${seg}": join words with hyphens, not underscores (${seg.replace(/_/g, '-')}); underscores hide under link underlines.`), seg);
    if (/[A-Z]/.test(seg)) add('lowercase', t(`"${seg}": 소문자로 쓰세요 (${seg.toLowerCase()}). 경로는 대소문자를 구분하므로 (RFC 3986 §6.2.2.1) 섞어 쓰면 헷갈립니다.`, `"${seg}": use lower case (${seg.toLowerCase()}). Paths are case-sensitive (RFC 3986 §6.2.2.1), so mixed case is a trap.`), seg);
    if (!/^v\d+$/i.test(seg) && (/^[A-Za-z]+[-_]?\d+$/.test(seg) || /^\d+[-_][A-Za-z]+$/.test(seg))) {
      const [word, num] = /^\d/.test(seg) ? [seg.replace(/^\d+[-_]/, ''), seg.match(/^\d+/)![0]] : [seg.replace(/[-_]?\d+$/, ''), seg.match(/\d+$/)![0]];
      add('hierarchy', t(`"${seg}": 계층은 슬래시로 나누세요: /${word}/${num}.`, `"${seg}": show the hierarchy with slashes: /${word}/${num}.`), seg);
    }
    const verb = wordsOf(seg).find((w) => VERBS.includes(w));
    if (verb && !isId(seg)) add('nouns', t(`"${seg}": 동사("${verb}")가 들어 있습니다. 동작은 메서드(GET, POST, PATCH, DELETE…)가 말하고, URI는 자원(명사)을 가리킵니다.`, `"${seg}" holds a verb ("${verb}"). The method (GET, POST, PATCH, DELETE…) says the action; the URI names a resource (a noun).`), seg);
    if (k >= i && (k - i) % 2 === 0 && !isId(seg) && !verb) {
      const words = wordsOf(seg);
      const last = words[words.length - 1] ?? '';
      if (/^[a-z]+$/.test(last) && !last.endsWith('s') && !NO_PLURAL.has(last)) {
        add('plural', t(`"${seg}": 컬렉션 이름은 복수형으로 쓰는 것이 관례입니다 (예: ${seg}s). /boards는 게시판 전체, /boards/13은 그중 하나입니다.`, `"${seg}": collections are usually named in the plural (e.g. ${seg}s): /boards is all of them, /boards/13 one of them.`), seg);
      }
    }
  });
  const lastSeg = segs[segs.length - 1];
  const ext = lastSeg ? EXT.exec(lastSeg) : null;
  if (ext) {
    add('extension', t(`"${lastSeg}": 확장자(.${ext[1]})를 URI에 넣지 마세요. 형식은 Content-Type과 Accept 헤더로 주고받습니다 (RFC 9110 §8.3, §12.5.1).`, `"${lastSeg}": leave the extension (.${ext[1]}) out of the URI. The format travels in the Content-Type and Accept headers (RFC 9110 §8.3, §12.5.1).`), lastSeg);
  }
  const hit = new Set(findings.map((f) => f.rule));
  return { path, findings, passed: URI_RULES.filter((r) => !hit.has(r)) };
}
