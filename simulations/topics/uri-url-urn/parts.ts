/**
 * Rows of the uri-parts figure: a text and the character ranges of its parts.
 * - `splitParts`: RFC 3986 Appendix B's regular expression on the input as typed, with the
 *   authority split into userinfo, host and port (RFC 3986 §3.2); it splits and validates nothing.
 * - `hrefParts`: the WHATWG URL parser's components in the serialized href (their spans from
 *   `parseUri`), a URN's path split into NID and NSS (RFC 8141 §2).
 */
import type { UriPartName, UriPartSpan } from '../../figures/uri';
import { RFC3986_REGEX, type UrlOk, type UrnOk } from '../../names';

type Part = Omit<UriPartSpan, 'state'>;

const span = (part: UriPartName, start: number, end: number): Part[] => (end > start ? [{ part, start, end }] : []);

export function splitParts(input: string): Part[] {
  const m = RFC3986_REGEX.exec(input)!;
  const out: Part[] = [];
  let pos = 0;
  if (m[1] !== undefined) {
    out.push(...span('scheme', 0, m[2].length));
    pos = m[1].length;
  }
  if (m[3] !== undefined) {
    const auth = m[4];
    const start = pos + 2;
    const at = auth.lastIndexOf('@');
    if (at >= 0) out.push(...span('userinfo', start, start + at));
    const hp = at < 0 ? auth : auth.slice(at + 1);
    const hpStart = at < 0 ? start : start + at + 1;
    const pm = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hp);
    const host = pm ? pm[1] : hp;
    out.push(...span('host', hpStart, hpStart + host.length));
    if (pm && pm[2] !== undefined) out.push(...span('port', hpStart + host.length + 1, hpStart + hp.length));
    pos += m[3].length;
  }
  out.push(...span('path', pos, pos + m[5].length));
  pos += m[5].length;
  if (m[6] !== undefined) {
    out.push(...span('query', pos + 1, pos + m[6].length));
    pos += m[6].length;
  }
  if (m[8] !== undefined) out.push(...span('fragment', pos + 1, pos + m[8].length));
  return out;
}

export function hrefParts(url: UrlOk, urn: UrnOk | null): Part[] {
  const s = url.spans;
  const out: Part[] = [];
  if (s.protocol) out.push(...span('scheme', s.protocol.start, s.protocol.end - 1));
  // userinfo = user [":" password] (RFC 3986 §3.2.1): with an empty user it starts at the ':'.
  if (s.username || s.password) out.push(...span('userinfo', s.username ? s.username.start : s.password!.start - 1, (s.password ?? s.username)!.end));
  if (s.hostname) out.push(...span('host', s.hostname.start, s.hostname.end));
  if (s.port) out.push(...span('port', s.port.start, s.port.end));
  if (s.pathname) {
    const p = s.pathname;
    const path = url.href.slice(p.start, p.end);
    if (urn && path.startsWith(urn.nid + ':')) {
      out.push(...span('nid', p.start, p.start + urn.nid.length), ...span('nss', p.start + urn.nid.length + 1, p.end));
    } else {
      out.push(...span('path', p.start, p.end));
    }
  }
  if (s.search) out.push(...span('query', s.search.start + 1, s.search.end));
  if (s.hash) out.push(...span('fragment', s.hash.start + 1, s.hash.end));
  return out;
}
