/** Captions and narrations of the uri-url-urn topic, in Korean and English. */
import { joinText, t, type Text } from '../../core/text';
import type { UriPartName, VennRegion } from '../../figures/uri';
import { COMPONENT_NAMES, DEFAULT_PORTS, KNOWN_SCHEMES, type Classification, type UrlOk, type UrnOk } from '../../names';
import { josa } from '../../names/ko';

const q = (s: string) => `"${s}"`;
const short = (s: string, n = 60) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export const PART_NAMES: Record<UriPartName, Text> = {
  ...COMPONENT_NAMES,
  nid: t('NID', 'NID'),
  nss: t('NSS', 'NSS'),
};

export const ROW_TITLES = {
  input: t('입력', 'Input'),
  split: t('RFC 3986 정규식으로 나누기', 'Split by the RFC 3986 regex'),
  href: t('URL 파서의 결과 (href)', "The URL parser's result (href)"),
  resolved: t('기준 URL https://example.com/a/b 에 대해 해석', 'Resolved against https://example.com/a/b'),
};

export function inputText(input: string): { caption: Text; narration: Text } {
  const s = short(input);
  return {
    caption: t(`입력: ${s || '(빈 문자열)'}`, `Input: ${s || '(empty)'}`),
    narration: t(
      `입력한 문자열 ${q(s)}입니다. 이것이 URI인지, URL인지 URN인지, 아니면 다른 것인지 하나씩 따져 봅니다.`,
      `The string typed: ${q(s)}. Step by step: is it a URI, a URL, a URN, or something else?`,
    ),
  };
}

export function splitText(parts: { part: UriPartName; value: string }[], c: Classification): { caption: Text; narration: Text } {
  const list = (lang: 'ko' | 'en') => (parts.length ? parts.map((p) => `${PART_NAMES[p.part][lang]} ${q(short(p.value, 40))}`).join(', ') : lang === 'ko' ? '(없음)' : '(none)');
  return {
    caption: t('RFC 3986 일반 문법으로 나누기', 'Split by the RFC 3986 generic syntax'),
    narration: joinText([
      t(
        `RFC 3986 부록 B의 정규식은 어떤 URI 참조든 스킴, 권한(사용자 정보@호스트:포트), 경로, 쿼리, 프래그먼트로 나눕니다: ${list('ko')}. 이 정규식은 나누기만 하고 올바른지는 따지지 않습니다.`,
        `RFC 3986 Appendix B's regular expression splits any URI reference into scheme, authority (userinfo@host:port), path, query and fragment: ${list('en')}. It only splits; it checks nothing.`,
      ),
      ...c.differences.slice(0, 3).map((d) => d.message),
    ]),
  };
}

export function partText(part: UriPartName, value: string, url: UrlOk, urn: UrnOk | null): { caption: Text; narration: Text } {
  const v = q(short(value, 80));
  const name = PART_NAMES[part];
  const scheme = KNOWN_SCHEMES[url.scheme];
  const port = DEFAULT_PORTS[url.scheme];
  const body: Record<UriPartName, Text> = {
    scheme: joinText([
      t(`스킴 ${v}: 자원에 접근하는 방법(또는 이름 체계)을 정합니다. 대소문자를 구별하지 않고 정규 형식은 소문자입니다(RFC 3986 §3.1).`, `Scheme ${v}: says how to reach the resource (or which naming system it is in). Case-insensitive; the canonical form is lower case (RFC 3986 §3.1).`),
      scheme ? scheme.description : t('', ''),
    ]),
    userinfo: t(
      `사용자 정보 ${v}: 서버에 접속할 사용자 이름(과 비밀번호)입니다. "사용자:비밀번호" 형식은 비밀번호가 그대로 드러나므로 쓰지 말라고 RFC 3986 §3.2.1이 권고합니다.`,
      `Userinfo ${v}: a user name (and password) for the server. RFC 3986 §3.2.1 deprecates the "user:password" form, since it puts the password in the clear.`,
    ),
    host: t(
      `호스트 ${v}: 자원을 가진 서버의 도메인 이름이나 IP 주소입니다(RFC 3986 §3.2.2). 도메인 이름이면 DNS로 IP 주소를 찾고, 대소문자를 구별하지 않습니다.`,
      `Host ${v}: the domain name or IP address of the server holding the resource (RFC 3986 §3.2.2). A domain name is looked up in the DNS and is case-insensitive.`,
    ),
    port: t(
      `포트 ${v}: 서버의 TCP 포트입니다(RFC 3986 §3.2.3).${port ? ` 적지 않으면 ${url.scheme}의 기본 포트 ${port}번을 씁니다.` : ''}`,
      `Port ${v}: the server's TCP port (RFC 3986 §3.2.3).${port ? ` Without it, ${url.scheme}'s default port ${port} is used.` : ''}`,
    ),
    path: url.opaquePath
      ? t(
          `불투명 경로 ${v}: "/"로 나뉜 계층이 없는 경로로, 뜻은 스킴이 정합니다${url.scheme === 'mailto' ? '(mailto는 받는 사람 주소, RFC 6068)' : ''}.`,
          `Opaque path ${v}: a path with no "/" hierarchy, whose meaning the scheme defines${url.scheme === 'mailto' ? ' (for mailto, the recipient\'s address, RFC 6068)' : ''}.`,
        )
      : t(`경로 ${v}: 서버 안에서 자원을 가리키는 계층적 경로입니다(RFC 3986 §3.3).`, `Path ${v}: the hierarchical path to the resource within the server (RFC 3986 §3.3).`),
    query: t(
      `쿼리 ${v}: "?" 뒤의 계층이 아닌 데이터입니다(RFC 3986 §3.4). 이름=값 쌍을 "&"로 잇는 것은 HTML 폼이 만든 관례이지 URI 문법의 규칙은 아닙니다.`,
      `Query ${v}: non-hierarchical data after "?" (RFC 3986 §3.4). Joining name=value pairs with "&" is a convention from HTML forms, not a rule of the URI syntax.`,
    ),
    fragment: t(
      `프래그먼트 ${v}: 자원 안의 한 부분(문서의 한 절 등)을 가리킵니다. 브라우저는 프래그먼트를 서버에 보내지 않습니다(RFC 3986 §3.5).`,
      `Fragment ${v}: points at a part of the resource (a section of a document, say). Browsers do not send it to the server (RFC 3986 §3.5).`,
    ),
    nid: joinText([
      t(`네임스페이스 식별자(NID) ${v}: 어느 이름 체계인지 정합니다(RFC 8141 §2).`, `Namespace identifier (NID) ${v}: which naming system this is (RFC 8141 §2).`),
      urn?.known ? t(`${urn.known.name.ko}, ${urn.known.rfc}: ${urn.known.description.ko}`, `${urn.known.name.en}, ${urn.known.rfc}: ${urn.known.description.en}`) : t('', ''),
    ]),
    nss: t(
      `네임스페이스별 문자열(NSS) ${v}: 그 체계 안에서의 이름입니다. 이름일 뿐, 어디서 어떻게 가져오는지는 말하지 않습니다.`,
      `Namespace-specific string (NSS) ${v}: the name within that system. It names; it does not say where or how to fetch anything.`,
    ),
  };
  return { caption: t(`${name.ko}: ${short(value, 40)}`, `${name.en[0].toUpperCase() + name.en.slice(1)}: ${short(value, 40)}`), narration: body[part] };
}

export function normaliseText(url: UrlOk): { caption: Text; narration: Text } {
  const n = url.changes.length;
  return {
    caption: n ? t(`파서가 고친 것 ${n}가지`, `${n} thing${n === 1 ? '' : 's'} the parser changed`) : t('바뀐 것 없음', 'Nothing changed'),
    narration: n
      ? joinText([t(`URL 파서는 입력을 정규화해서 ${josa(q(short(url.href, 80)), '으로')} 직렬화했습니다.`, `The URL parser normalised the input and serialised it as ${q(short(url.href, 80))}.`), ...url.changes.map((c) => c.message)])
      : t(`입력이 이미 URL 파서의 정규 형식(${q(short(url.href, 80))})이라 바뀐 것이 없습니다.`, `The input is already in the URL parser's canonical form (${q(short(url.href, 80))}); nothing changed.`),
  };
}

export const KIND_NAMES: Record<VennRegion, Text> = {
  url: t('URL (위치를 알려 주는 URI)', 'URL (a URI that locates)'),
  urn: t('URN (이름을 붙이는 URI)', 'URN (a URI that names)'),
  uri: t('URI (URL도 URN도 아님)', 'URI (neither URL nor URN)'),
  relative: t('상대 참조 (완전한 URI가 아님)', 'Relative reference (not a complete URI)'),
  invalid: t('올바르지 않음', 'Invalid'),
};

export function classifyText(c: Classification, region: VennRegion): { caption: Text; narration: Text } {
  return { caption: t(`분류: ${KIND_NAMES[region].ko}`, `Kind: ${KIND_NAMES[region].en}`), narration: c.explanation.ko || c.explanation.en ? c.explanation : KIND_NAMES[region] };
}

export const VENN_TEXT = {
  caption: t('URI ⊃ URL, URN', 'URI ⊃ URL, URN'),
  narration: t(
    'URI는 자원을 식별하는 문자열 전체입니다. 그중 접근 방법(http, ftp, mailto…)으로 자원의 위치를 알려 주는 것이 URL이고, "urn:" 스킴으로 위치와 무관하게 이름만 붙이는 것이 URN입니다(RFC 3986 §1.1.3, RFC 8141). 그러니 모든 URL은 URI이고, URN도 URI의 한 스킴입니다. data:나 tag:처럼 둘 다 아닌 URI도 있습니다. 스킴이 없는 "test.com/food/salad.png"는 완전한 URL이 아니라 기준 URL이 있어야 뜻이 정해지는 상대 참조입니다. 오늘날 WHATWG URL 표준은 URI와 URL을 구별하지 않고 모두 "URL"이라 부릅니다.',
    'A URI is any string that identifies a resource. A URL is a URI that also locates it through an access mechanism (http, ftp, mailto…); a URN, with the "urn:" scheme, names it independently of location (RFC 3986 §1.1.3, RFC 8141). So every URL is a URI, and URN is one URI scheme; some URIs, like data: or tag:, are neither. Without a scheme, "test.com/food/salad.png" is not a complete URL but a relative reference, meaningful only against a base URL. Today the WHATWG URL Standard drops the distinction and calls them all "URLs".',
  ),
};

export function failText(c: Classification): { caption: Text; narration: Text } {
  const errs = c.whatwg.ok ? [] : c.whatwg.errors.map((e) => e.message);
  return {
    caption: c.kind === 'relative' ? t('스킴이 없습니다: 상대 참조', 'No scheme: a relative reference') : t('URL 파서가 거부했습니다', 'The URL parser rejects it'),
    narration: joinText(errs.length ? errs : [c.explanation]),
  };
}
