/**
 * cors: a page's script calls fetch() for a URL of another origin; the browser applies the
 * Fetch Standard's CORS protocol (origin comparison, simple request or preflight, the CORS
 * check) against a server whose CORS policy the params set. The messages are real HTTP/1.1
 * bytes, parsed by the side that receives them.
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { t, type Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { isToken } from './fetch-rules';
import { CONTENT_TYPES, endpoint, fetchCall, headerNames, METHODS, type ContentTypeKey, type Method } from './request';
import { corsStory } from './story';
import { runCors } from './world';

export const DEFAULT_ORIGIN = 'http://localhost:3000';
export const DEFAULT_TARGET = 'http://localhost:8080/api/boards';

const urlCheck = (v: string): Text | null => (endpoint(v) ? null : t('http:// 또는 https://로 시작하는 URL이어야 합니다 (예: http://localhost:3000).', 'must be an http:// or https:// URL (e.g. http://localhost:3000).'));
const namesCheck = (v: string): Text | null =>
  headerNames(v).every(isToken) ? null : t('쉼표로 나눈 헤더 이름이어야 합니다 (예: authorization, x-request-id).', 'must be header names separated by commas (e.g. authorization, x-request-id).');
const valueCheck = (v: string): Text | null => (/^[\x20-\x7e]*$/.test(v) ? null : t('출력 가능한 ASCII 문자만 쓸 수 있습니다.', 'only printable ASCII characters are allowed.'));

export const params = [
  param({ name: 'origin', kind: 'string', maxLength: 120, default: DEFAULT_ORIGIN, label: t('페이지의 출처', "The page's origin"), help: t('스크립트를 실행하는 페이지의 URL. 출처는 스킴, 호스트, 포트입니다.', 'The URL of the page running the script. Its origin is the scheme, host and port.'), validate: urlCheck }),
  param({ name: 'target', kind: 'string', maxLength: 200, default: DEFAULT_TARGET, label: t('요청할 URL', 'URL fetched'), validate: urlCheck }),
  param({ name: 'method', kind: 'enum', default: 'post', label: t('메서드', 'Method'), options: METHODS.map((m) => ({ value: m.toLowerCase() as Lowercase<Method>, label: { ko: m, en: m } })) }),
  param({
    name: 'content-type', kind: 'enum', default: 'json', label: t('Content-Type', 'Content-Type'),
    options: (Object.keys(CONTENT_TYPES) as ContentTypeKey[]).map((k) => ({ value: k, label: k === 'none' ? t('없음', 'none') : { ko: CONTENT_TYPES[k].split(';')[0], en: CONTENT_TYPES[k].split(';')[0] } })),
  }),
  param({ name: 'headers', kind: 'string', maxLength: 120, default: '', label: t('추가 요청 헤더', 'Extra request headers'), help: t('쉼표로 나눈 이름. 예: authorization, x-request-id, accept-language', 'Names separated by commas, e.g. authorization, x-request-id, accept-language'), validate: namesCheck }),
  param({
    name: 'credentials', kind: 'enum', default: 'same-origin', label: t('credentials', 'credentials'),
    help: t('쿠키를 보낼지: omit(안 보냄), same-origin(같은 출처에만, 기본값), include(항상)', 'Whether cookies go: omit (never), same-origin (same origin only, the default), include (always)'),
    options: (['omit', 'same-origin', 'include'] as const).map((v) => ({ value: v, label: { ko: v, en: v } })),
  }),
  param({ name: 'allow-origin', kind: 'string', maxLength: 120, default: DEFAULT_ORIGIN, label: t('서버: Access-Control-Allow-Origin', 'Server: Access-Control-Allow-Origin'), help: t('출처, *, 또는 비움(헤더를 보내지 않음)', 'An origin, *, or empty (no header sent)'), validate: valueCheck }),
  param({ name: 'allow-methods', kind: 'string', maxLength: 100, default: 'GET, POST, PUT', label: t('서버: Access-Control-Allow-Methods', 'Server: Access-Control-Allow-Methods'), validate: valueCheck }),
  param({ name: 'allow-headers', kind: 'string', maxLength: 100, default: 'Content-Type', label: t('서버: Access-Control-Allow-Headers', 'Server: Access-Control-Allow-Headers'), validate: valueCheck }),
  param({ name: 'allow-credentials', kind: 'bool', default: false, label: t('서버: Access-Control-Allow-Credentials: true', 'Server: Access-Control-Allow-Credentials: true') }),
  SEED_PARAM,
] as const;

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed): Timeline {
    const page = endpoint(p.origin) ?? endpoint(DEFAULT_ORIGIN)!;
    const url = endpoint(p.target) ?? endpoint(DEFAULT_TARGET)!;
    const method = METHODS.find((m) => m.toLowerCase() === p.method) ?? 'POST';
    const call = fetchCall({ page, url, method, contentType: p['content-type'], headers: p.headers, credentials: p.credentials });
    const rnd = createRandom(seed);
    const cr = rnd.fork('cookie');
    const cookie = `sid=${Array.from({ length: 8 }, () => cr.int(0, 255).toString(16).padStart(2, '0')).join('')}`;
    const isn = rnd.fork('isn');
    const iss = { client: isn.u32(), server: isn.u32() };
    const ports = { client: rnd.fork('port').int(49152, 65535), server: url.port };
    const policy = { allowOrigin: p['allow-origin'].trim(), allowMethods: p['allow-methods'], allowHeaders: p['allow-headers'], allowCredentials: p['allow-credentials'] };
    const trace = runCors({ call, policy, cookie, oneWay: 20, seed });
    const packets = url.scheme === 'http';
    const { story, view } = corsStory({ trace, call, ports, iss, packets });
    const notices: Text[] = [];
    if (p.origin.trim() !== page.origin && endpoint(p.origin)) notices.push(t(`페이지 URL의 출처만 씁니다: ${page.origin}`, `Only the page URL's origin is used: ${page.origin}`));
    const main = story.beats.find((x) => x.key === 'preflight' || x.key === 'simple' || x.key === 'same-origin' || x.key === 'mixed-content')?.key ?? 'request';
    return {
      topic: 'cors', scenario: main, params: { ...p }, seed, view, steps: story.beats, spans: story.spans,
      ...(notices.length ? { notices } : {}),
      ...(packets ? {} : { noPackets: t('https에서는 이 HTTP 메시지들이 TLS 레코드 안에 암호화되어 오갑니다 (http-https 주제 참고). 여기서는 바이트 대신 메시지만 보여 줍니다.', 'Over https these HTTP messages travel encrypted inside TLS records (see the http-https topic); here the messages are shown without their bytes.') }),
    };
  },
});
