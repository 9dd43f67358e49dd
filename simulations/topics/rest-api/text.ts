/** What the story says about each request and answer, in both languages. */
import { t, type Text } from '../../core/text';
import type { Role } from './plan';
import { header, type ApiRequest, type ApiResponse, type Outcome } from './server';
import type { Problem, ProblemCode } from './validate';

export const ROLE: Record<Role, Text> = {
  'setup-read': t('준비: 먼저 읽어서 ETag를 받아 둡니다', 'Setup: read first, to get the ETag'),
  'setup-change': t('준비: 그사이 다른 탭(다른 사용자)이 같은 자원을 바꿉니다', 'Setup: meanwhile another tab (another user) changes the same resource'),
  main: t('요청', 'The request'),
  revalidate: t('다시 요청: 캐시한 사본이 아직 유효한지 If-None-Match로 묻습니다', 'Again: is the cached copy still current? (If-None-Match)'),
  follow: t('Location을 따라가 새 자원을 읽습니다', 'Following Location to read the new resource'),
};

const PROBLEM: Record<ProblemCode, Text> = {
  'bad-json': t('본문이 올바른 JSON이 아닙니다 (RFC 8259).', 'the content is not valid JSON (RFC 8259).'),
  'no-content': t('이 메서드에는 JSON 본문이 필요한데 비어 있습니다.', 'this method needs JSON content and there is none.'),
  'not-object': t('본문은 JSON 객체({ … })여야 합니다.', 'the content must be a JSON object ({ … }).'),
  'unknown-member': t('모르는 멤버가 있습니다.', 'it has a member the API does not know.'),
  'name-missing': t('게시판에는 "name"이 있어야 합니다.', 'a board needs a "name".'),
  'name-format': t('"name"은 소문자·숫자·하이픈 1–40자여야 합니다.', '"name" must be 1–40 lower-case letters, digits and hyphens.'),
  'title-format': t('"title"은 80자 이하의 문자열이어야 합니다.', '"title" must be a string of at most 80 characters.'),
  'text-missing': t('댓글에는 "text"가 있어야 합니다.', 'a comment needs a "text".'),
  'text-format': t('"text"는 비어 있지 않은 200자 이하의 문자열이어야 합니다.', '"text" must be a non-empty string of at most 200 characters.'),
  'id-mismatch': t('"id"는 서버가 정하거나 URI의 id와 같아야 합니다.', '"id" is assigned by the server, or must equal the id in the URI.'),
  'name-null': t('"name"은 지울 수 없습니다 (null).', '"name" cannot be removed (null).'),
};

/** Why the server answered as it did. */
export function explain(req: ApiRequest, res: ApiResponse, outcome: Outcome, problem?: Problem): Text {
  const path = req.target.split('?')[0];
  const allow = header(res.headers, 'Allow') ?? '';
  const etag = header(res.headers, 'ETag') ?? '';
  switch (outcome) {
    case 'not-found':
      return t(`${path}라는 자원이 없습니다: 404 Not Found. 본문은 RFC 9457의 문제 상세(application/problem+json)입니다.`, `There is no resource ${path}: 404 Not Found. The body is an RFC 9457 problem details object (application/problem+json).`);
    case 'method-not-allowed':
      return t(`${path}는 있지만 ${req.method}를 지원하지 않습니다: 405 Method Not Allowed. 서버는 Allow 헤더로 지원하는 메서드를 알려야 합니다 (RFC 9110 §15.5.6): ${allow}.`, `${path} exists but does not support ${req.method}: 405 Method Not Allowed. The server must list what it supports in Allow (RFC 9110 §15.5.6): ${allow}.`);
    case 'options':
      return t(`OPTIONS는 이 자원이 무엇을 지원하는지 묻습니다 (RFC 9110 §9.3.7). 204 No Content와 Allow: ${allow}.`, `OPTIONS asks what this resource supports (RFC 9110 §9.3.7): 204 No Content with Allow: ${allow}.`);
    case 'precondition-failed':
      return header(req.headers, 'If-Match') !== undefined
        ? t(`If-Match의 ETag가 지금 표현의 ETag와 다릅니다: 읽은 뒤에 누군가 바꿨다는 뜻입니다. 서버는 아무것도 바꾸지 않고 412 Precondition Failed로 답합니다 (RFC 9110 §13.1.1). 잃어버린 갱신(lost update)을 막는 낙관적 잠금입니다.`, `The ETag in If-Match is not the current representation's ETag: someone changed it after it was read. The server changes nothing and answers 412 Precondition Failed (RFC 9110 §13.1.1): optimistic locking against lost updates.`)
        : t('If-None-Match가 지금 ETag와 맞으므로 이 메서드에는 412입니다 (RFC 9110 §13.1.2).', 'If-None-Match matches the current ETag, so for this method the answer is 412 (RFC 9110 §13.1.2).');
    case 'not-modified':
      return t(`If-None-Match의 ETag ${etag}가 지금도 같습니다: 본문 없이 304 Not Modified. 클라이언트는 캐시한 사본을 그대로 씁니다 (RFC 9110 §15.4.5). REST의 '캐시 가능' 제약이 이것입니다.`, `The ETag ${etag} in If-None-Match is still current: 304 Not Modified, no body. The client reuses its cached copy (RFC 9110 §15.4.5): REST's "cacheable" constraint at work.`);
    case 'unsupported-media-type':
      return t(`본문의 Content-Type(${header(req.headers, 'Content-Type') ?? '없음'})을 이 자원은 받지 않습니다: 415 Unsupported Media Type (RFC 9110 §15.5.16).`, `This resource does not accept content of type ${header(req.headers, 'Content-Type') ?? '(none)'}: 415 Unsupported Media Type (RFC 9110 §15.5.16).`);
    case 'bad-json':
    case 'invalid': {
      const why = PROBLEM[problem?.code ?? 'bad-json'];
      // The caption gives the status (400 Bad Request); this says why.
      return t(`${why.ko} 문제 상세(RFC 9457)의 detail에 이유가 적혀 있습니다.`, `${why.en.charAt(0).toUpperCase()}${why.en.slice(1)} The problem details' detail (RFC 9457) says why.`);
    }
    case 'conflict':
      return t('같은 이름의 게시판이 이미 있습니다: 요청은 올바르지만 자원의 현재 상태와 충돌하므로 409 Conflict (RFC 9110 §15.5.10).', 'A board with that name exists already: the request is well-formed but conflicts with the current state, so 409 Conflict (RFC 9110 §15.5.10).');
    case 'read':
      return t(`본문은 JSON 표현이고, 그 바이트의 SHA-256에서 만든 강한 ETag ${etag}가 함께 옵니다. 클라이언트가 받는 것은 자원 그 자체가 아니라 자원의 표현(representation)입니다.`, `The content is the JSON representation, with a strong ETag ${etag} made from its bytes' SHA-256. The client gets a representation of the resource, not the resource itself.`);
    case 'head':
      return t('HEAD는 GET과 같은 헤더를 주되 본문은 보내지 않습니다 (RFC 9110 §9.3.2).', 'HEAD gets the same header fields as GET, without the content (RFC 9110 §9.3.2).');
    case 'created':
      return t(`새 자원을 만들었습니다: 201 Created, Location: ${header(res.headers, 'Location')} (RFC 9110 §15.3.2). 새 id는 서버가 정합니다.`, `A new resource: 201 Created with Location: ${header(res.headers, 'Location')} (RFC 9110 §15.3.2). The server picks the new id.`);
    case 'replaced':
      return t(`PUT은 표현 전체를 바꿉니다 (빠진 멤버는 기본값). 200 OK와 새 ETag ${etag}. 같은 PUT을 다시 보내도 결과는 같습니다 (멱등).`, `PUT replaces the whole representation (members left out get defaults): 200 OK and the new ETag ${etag}. Sending the same PUT again gives the same state (idempotent).`);
    case 'patched':
      return t(`PATCH는 보낸 멤버만 바꿉니다 (JSON Merge Patch, RFC 7396). 200 OK와 ETag ${etag}: 표현이 바뀌었을 때만 ETag도 바뀝니다.`, `PATCH changes only the members sent (JSON Merge Patch, RFC 7396): 200 OK with ETag ${etag}, which changes only if the representation did.`);
    case 'deleted':
      return t('자원을 지웠습니다: 204 No Content (본문 없음). 이제 이 URI에 GET하면 404입니다.', 'The resource is gone: 204 No Content (no body). A GET on this URI now gives 404.');
  }
}

const WHO = { client: t('클라이언트', 'Client'), server: t('서버', 'Server') };

/** A TCP state change, as a caption: who entered which state, and what that means here. */
export function tcpCaption(side: 'client' | 'server', to: string): Text {
  const w = WHO[side];
  const what: Record<string, Text> = {
    LISTEN: t('80번 포트에서 연결을 기다립니다 (LISTEN)', 'listens on port 80 (LISTEN)'),
    'SYN-SENT': t('→ SYN: TCP 연결을 엽니다', '→ SYN: opens a TCP connection'),
    'SYN-RECEIVED': t('→ SYN-ACK', '→ SYN-ACK'),
    ESTABLISHED: t('연결 수립 (ESTABLISHED): 이제 HTTP 메시지가 이 연결 위로 오갑니다', 'connected (ESTABLISHED): HTTP messages now travel over this connection'),
    'FIN-WAIT-1': t('→ FIN: 보낼 요청이 더 없어 연결을 닫습니다', '→ FIN: no more requests, so it closes'),
    'CLOSE-WAIT': t('← FIN: 클라이언트가 다 보냈습니다', '← FIN: the client is done'),
    'LAST-ACK': t('→ FIN: 서버도 닫습니다', '→ FIN: the server closes too'),
    'FIN-WAIT-2': t('← 자기 FIN에 대한 ACK', '← the ACK of its FIN'),
    'TIME-WAIT': t('→ 마지막 ACK, TIME-WAIT', '→ the last ACK; TIME-WAIT'),
    CLOSED: t('연결 종료 (CLOSED)', 'closed (CLOSED)'),
  };
  const x = what[to] ?? t(to, to);
  return t(`${w.ko}: ${x.ko}`, `${w.en}: ${x.en}`);
}

export const NARRATE_TCP: Text = t(
  'HTTP/1.1 메시지는 TCP 연결 위의 바이트입니다. 한 연결을 여러 요청에 다시 씁니다 (지속 연결, RFC 9112 §9.3).',
  'HTTP/1.1 messages are bytes on a TCP connection; one connection carries every request (persistent connection, RFC 9112 §9.3).',
);
