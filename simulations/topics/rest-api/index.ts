/**
 * rest-api: a client sends HTTP/1.1 requests over one TCP connection to an API server whose
 * resources are boards and their comments. Status codes and header fields follow RFC 9110,
 * errors carry RFC 9457 problem details, ETags are SHA-256 of the representation; the typed
 * path is also checked against common URI naming conventions (which are not REST itself).
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { t, type Text } from '../../core/text';
import '../../figures/resources';
import { parseUri } from '../../names/uri';
import type { ContentType } from './plan';
import { restStory } from './story';
import { checkUri } from './uri-check';
import { runRest } from './world';

export const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;

/** Examples the page links to (`?method=…&path=…&body=…`). */
export const PRESETS = {
  read: { method: 'get', path: '/boards/13' },
  create: { method: 'post', path: '/boards', body: '{"name":"my-second-board","title":"Hi"}' },
  conflict: { method: 'post', path: '/boards', body: '{"name":"my-first-board"}' },
  stale: { method: 'put', path: '/boards/13', body: '{"name":"my-first-board","title":"Mine"}', 'if-match': 'stale' },
  notAllowed: { method: 'delete', path: '/boards' },
  badJson: { method: 'post', path: '/boards/13/comments', body: '{"text": "hi",}' },
  sheetBad: { method: 'get', path: '/Board/13/getComments.json/' },
} as const;

/** A path as typed: a full http(s) URL (its path and query are used) or an origin-form path. */
export function targetOf(input: string): { target: string; fromUrl: boolean } | null {
  const s = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    const u = parseUri(s);
    if (!u.ok || !u.special) return null;
    return { target: (u.components.pathname || '/') + u.components.search, fromUrl: true };
  }
  if (!s.startsWith('/')) return null;
  // What a client does before sending: percent-encode what may not appear in a request target (RFC 3986 §2.1).
  const enc = Array.from(s).map((c) => (/[\x21-\x7e]/.test(c) && !/["<>\\^`{|}]/.test(c) ? c : Array.from(new TextEncoder().encode(c), (x) => '%' + x.toString(16).toUpperCase().padStart(2, '0')).join(''))).join('');
  return { target: enc, fromUrl: false };
}

const pathCheck = (v: string): Text | null =>
  targetOf(v) ? null : t('"/"로 시작하는 경로나 http(s) URL이어야 합니다 (예: /boards/13).', 'must be a path starting with "/" or an http(s) URL (e.g. /boards/13).');

const jsonCheck = (v: string): Text | null => (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(v) ? t('제어 문자는 쓸 수 없습니다.', 'control characters are not allowed.') : null);

const ifMatchCheck = (v: string): Text | null =>
  v === '' || v === 'fresh' || v === 'stale' || v.trim() === '*' || /^\s*(W\/)?"[\x21\x23-\x7e]*"(\s*,\s*(W\/)?"[\x21\x23-\x7e]*")*\s*$/.test(v)
    ? null
    : t('비우거나, fresh, stale, *, 또는 "…" 꼴의 ETag 목록이어야 합니다.', 'must be empty, fresh, stale, *, or a list of entity tags like "…".');

export const params = [
  param({
    name: 'method', kind: 'enum', default: 'get', label: t('메서드', 'Method'),
    options: METHODS.map((m) => ({ value: m.toLowerCase(), label: { ko: m, en: m } })),
  }),
  param({
    name: 'path', kind: 'string', maxLength: 200, default: '/boards/13', label: t('경로', 'Path'),
    help: t('예: /boards, /boards/13, /boards/13/comments, /boards/99 (없음), /Board/13/ (관례 위반)', 'e.g. /boards, /boards/13, /boards/13/comments, /boards/99 (missing), /Board/13/ (breaks conventions)'),
    validate: pathCheck,
  }),
  param({
    name: 'body', kind: 'string', maxLength: 300, default: '', label: t('본문 (JSON)', 'Body (JSON)'),
    help: t('POST, PUT, PATCH의 본문. 예: {"name":"my-second-board"}, 댓글은 {"text":"hi"}', 'Content for POST, PUT, PATCH, e.g. {"name":"my-second-board"}, or {"text":"hi"} for a comment'),
    validate: jsonCheck,
  }),
  param({
    name: 'type', kind: 'enum', default: 'json', label: t('본문의 Content-Type', 'Content-Type of the body'),
    options: [
      { value: 'json', label: { ko: 'application/json', en: 'application/json' } },
      { value: 'merge-patch', label: { ko: 'application/merge-patch+json', en: 'application/merge-patch+json' } },
      { value: 'text', label: { ko: 'text/plain', en: 'text/plain' } },
      { value: 'form', label: { ko: 'application/x-www-form-urlencoded', en: 'application/x-www-form-urlencoded' } },
    ],
  }),
  param({
    name: 'if-match', kind: 'string', maxLength: 100, default: '', label: t('If-Match', 'If-Match'),
    help: t('fresh: 먼저 읽은 ETag를 보냄. stale: 읽은 뒤 다른 탭이 바꿔서 낡은 ETag. 또는 "…" 꼴의 ETag나 *.', 'fresh: send the ETag just read. stale: another tab changed it after the read. Or an ETag like "…", or *.'),
    validate: ifMatchCheck,
  }),
  SEED_PARAM,
] as const;

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed) {
    const rnd = createRandom(seed);
    const clientPort = rnd.fork('port').int(49152, 65535);
    const isn = rnd.fork('isn');
    const iss = { client: isn.u32(), server: isn.u32() };
    const ports = { client: clientPort, server: 80 };
    const tgt = targetOf(p.path) ?? { target: '/boards/13', fromUrl: false };
    const notices: Text[] = [];
    if (tgt.fromUrl) notices.push(t(`URL에서 경로 ${tgt.target}만 요청 대상으로 씁니다 (호스트는 Host 헤더로 갑니다).`, `Only the URL's path ${tgt.target} is the request target (the host goes in the Host header).`));
    else if (tgt.target !== p.path.trim()) notices.push(t(`요청 대상에 쓸 수 없는 문자를 퍼센트 인코딩했습니다: ${tgt.target}`, `Characters not allowed in a request target were percent-encoded: ${tgt.target}`));
    const method = p.method.toUpperCase();
    const plan = { method, target: tgt.target, body: p.body, type: p.type as ContentType, ifMatch: p['if-match'].trim() };
    const trace = runRest({ plan, ports, iss, oneWay: 20, seed });
    const check = checkUri(p.path);
    const { story, view, mainStatus } = restStory(trace, check, ports);
    return {
      topic: 'rest-api', scenario: mainStatus === null ? 'request' : `status-${mainStatus}`, params: p, seed, view,
      steps: story.beats, spans: story.spans, ...(notices.length ? { notices } : {}),
    };
  },
});
