/** The cors narration: why a header is not safelisted, why a check failed, what differs between two origins. */
import { t, type Text } from '../../core/text';
import type { CheckResult, PreflightNeed, UnsafeReason } from './fetch-rules';
import { whyNotSafelisted, type Header } from './fetch-rules';
import type { Endpoint } from './request';
import { josa } from '../../names/ko';

/** Which parts of the (scheme, host, port) tuple differ. */
export function originDiff(a: Endpoint, b: Endpoint): Text {
  const parts: Text[] = [];
  if (a.scheme !== b.scheme) parts.push(t(`스킴 ${a.scheme} ≠ ${b.scheme}`, `scheme ${a.scheme} ≠ ${b.scheme}`));
  if (a.hostname !== b.hostname) parts.push(t(`호스트 ${a.hostname} ≠ ${b.hostname}`, `host ${a.hostname} ≠ ${b.hostname}`));
  if (a.port !== b.port) parts.push(t(`포트 ${a.port} ≠ ${b.port}`, `port ${a.port} ≠ ${b.port}`));
  return parts.length ? t(parts.map((p) => p.ko).join(', '), parts.map((p) => p.en).join(', ')) : t('스킴, 호스트, 포트가 모두 같음', 'scheme, host and port all equal');
}

const REASON: Record<UnsafeReason, Text> = {
  name: t('안전 목록에 없는 이름', 'a name not on the safelist'),
  'too-long': t('값이 128바이트를 넘음', 'value longer than 128 bytes'),
  'bad-byte': t('값에 허용되지 않는 바이트', 'a byte not allowed in its value'),
  'content-type': t('세 가지(text/plain, multipart/form-data, application/x-www-form-urlencoded) 밖의 형식', 'not one of text/plain, multipart/form-data, application/x-www-form-urlencoded'),
  range: t('단순한 바이트 범위가 아님', 'not a simple byte range'),
};

/** Why a preflight is needed (or not), naming the method and each unsafe header with its reason. */
export function needText(method: string, headers: readonly Header[], need: PreflightNeed): Text {
  const parts: Text[] = [];
  if (need.method) parts.push(t(`메서드 ${josa(method, '은')} CORS 안전 목록(GET, HEAD, POST)에 없습니다.`, `The method ${method} is not CORS-safelisted (GET, HEAD, POST).`));
  for (const name of need.headers) {
    const h = headers.find(([n]) => n.toLowerCase() === name);
    const why = h ? whyNotSafelisted(h[0], h[1]) : null;
    const r = why ? REASON[why] : t('안전 목록 헤더 값이 합쳐서 1024바이트를 넘음', 'the safelisted values add up to over 1024 bytes');
    parts.push(t(`헤더 ${name}${h ? `: ${h[1]}` : ''}: ${r.ko}.`, `The header ${name}${h ? `: ${h[1]}` : ''}: ${r.en}.`));
  }
  if (!parts.length) return t(`메서드 ${josa(method, '과')} 헤더가 모두 안전 목록에 있어 사전 요청 없이 바로 보냅니다 (단순 요청).`, `The method ${method} and every header are safelisted: no preflight, the request goes at once (a "simple" request).`);
  return t(`${parts.map((p) => p.ko).join(' ')} 그래서 브라우저는 실제 요청 전에 OPTIONS로 서버에 묻습니다.`, `${parts.map((p) => p.en).join(' ')} So the browser asks the server with OPTIONS before the actual request.`);
}

/** A failed or passed check, said as a browser console would, with the rule of the Fetch Standard. */
export function checkText(r: CheckResult, origin: string): Text {
  if (r.ok) {
    if (r.via === 'wildcard') return t('Access-Control-Allow-Origin: * 이고 자격 증명이 없으므로 통과합니다.', 'Access-Control-Allow-Origin is * and no credentials are involved: it passes.');
    if (r.via === 'origin') return t(`Access-Control-Allow-Origin이 이 페이지의 출처 ${josa(origin, '과')} 바이트 단위로 같아 통과합니다.`, `Access-Control-Allow-Origin equals this page's origin ${origin} byte for byte: it passes.`);
    return t(`출처가 같고 Access-Control-Allow-Credentials: true라서 자격 증명을 실은 요청도 통과합니다.`, 'The origin matches and Access-Control-Allow-Credentials is true, so a request with credentials passes too.');
  }
  switch (r.rule) {
    case 'no-allow-origin': return t('응답에 Access-Control-Allow-Origin이 없습니다.', 'The response has no Access-Control-Allow-Origin header.');
    case 'wildcard-with-credentials': return t("자격 증명 모드가 include일 때 Access-Control-Allow-Origin은 *일 수 없습니다: 정확한 출처여야 합니다.", "With credentials mode 'include', Access-Control-Allow-Origin may not be *: it must be the exact origin.");
    case 'origin-mismatch': return t(`Access-Control-Allow-Origin은 ${r.got}인데 페이지의 출처는 ${origin}입니다.`, `Access-Control-Allow-Origin is ${r.got}, but the page's origin is ${origin}.`);
    case 'no-allow-credentials': return t(`자격 증명 모드가 include인데 Access-Control-Allow-Credentials가 ${r.got === null ? '없습니다' : `"${r.got}"입니다`} ("true"여야 함).`, `Credentials mode is 'include' but Access-Control-Allow-Credentials is ${r.got === null ? 'missing' : `"${r.got}"`} (it must be "true").`);
    case 'status': return t(`사전 요청의 응답 상태가 ${r.status}입니다: 2xx여야 합니다.`, `The preflight's response status is ${r.status}: it must be 2xx.`);
    case 'bad-list': return t(`${r.header}의 값이 쉼표로 나눈 토큰 목록이 아닙니다.`, `${r.header} is not a comma-separated list of tokens.`);
    case 'method': return t(`메서드 ${josa(r.method, '이')} Access-Control-Allow-Methods(${r.allowed.join(', ') || '없음'})에 없습니다. 메서드는 대소문자까지 같아야 합니다.`, `The method ${r.method} is not in Access-Control-Allow-Methods (${r.allowed.join(', ') || 'none'}). Methods must match case too.`);
    case 'authorization': return t('Authorization 헤더는 Access-Control-Allow-Headers에 이름으로 적혀야 합니다: *로는 허용되지 않습니다.', 'The Authorization header must be named in Access-Control-Allow-Headers: * does not cover it.');
    case 'header': return t(`헤더 ${josa(r.name, '이')} Access-Control-Allow-Headers(${r.allowed.join(', ') || '없음'})에 없습니다.`, `The header ${r.name} is not in Access-Control-Allow-Headers (${r.allowed.join(', ') || 'none'}).`);
  }
}

