/** The jwt narration: what each call sends, and why the API accepts or refuses it. */
import { t, type Text } from '../../core/text';
import type { Alg, Verdict } from './jose';
import type { Call, Tamper } from './world';

export const TAMPER: Record<Tamper, Text> = {
  none: t('', ''),
  payload: t('이번에는 토큰을 손에 넣은 사람이 페이로드의 "role":"user"를 "role":"admin"으로 고쳐 보냅니다. base64url일 뿐이라 고치기는 쉽습니다.', 'This time whoever holds the token changes "role":"user" to "role":"admin" in its payload before sending it: it is only base64url, easy to edit.'),
  signature: t('이번에는 토큰의 서명 한 글자가 바뀐 채 보내집니다.', 'This time the token goes out with one character of its signature changed.'),
  'alg-none': t('이번에는 헤더를 {"alg":"none"}으로 바꾸고 서명을 떼어 낸 토큰을 보냅니다 ("서명 없음"을 믿는 검증기를 노리는 공격).', 'This time the header is rewritten to {"alg":"none"} and the signature dropped (an attack on verifiers that trust "no signature").'),
};

export function callText(call: Call, tamper: Tamper, ttl: number): Text {
  switch (call) {
    case 'tampered':
      return t(`고친 토큰을 Authorization 헤더에 Bearer로 싣습니다 (RFC 6750). ${TAMPER[tamper].ko}`, `The altered token goes in the Authorization header as a Bearer token (RFC 6750). ${TAMPER[tamper].en}`);
    case 'first':
      return t('받은 액세스 토큰을 Authorization: Bearer 헤더에 실어 API를 부릅니다 (RFC 6750). API 서버는 세션 저장소 없이 토큰만 보고 판단합니다.', 'The access token goes in the Authorization: Bearer header (RFC 6750). The API server decides from the token alone, with no session store.');
    case 'expired':
      return t(`${ttl + 1}초가 지났습니다. 클라이언트는 같은 토큰으로 다시 부릅니다.`, `${ttl + 1} s later, the client calls again with the same token.`);
    case 'retry':
      return t('새 액세스 토큰으로 같은 요청을 다시 보냅니다.', 'It sends the same request again with the new access token.');
  }
}

export function verdictText(v: Verdict, alg: Alg, now: number): Text {
  if (v.ok) return t(`헤더의 alg가 ${alg}이고, 헤더.페이로드에 다시 계산한 서명이 토큰의 서명과 같고, 지금(${now})이 exp 전이므로 통과입니다. 데이터베이스를 조회하지 않았습니다.`, `The header's alg is ${alg}, the signature recomputed over header.payload equals the token's, and now (${now}) is before exp: it passes, with no database lookup.`);
  switch (v.reason) {
    case 'signature':
      return t('헤더.페이로드에 대해 다시 계산한 서명이 토큰의 서명과 다릅니다: 바이트 하나만 바뀌어도 그렇습니다. WWW-Authenticate: Bearer error="invalid_token".', 'The signature recomputed over header.payload differs from the token\'s: one changed byte is enough. WWW-Authenticate: Bearer error="invalid_token".');
    case 'alg':
      return t(`헤더는 alg "${v.alg}"라고 하지만 API는 ${alg}만 받습니다. 어떤 알고리즘으로 검증할지는 헤더가 아니라 검증하는 쪽이 정합니다 (RFC 8725 §3.1).`, `The header says alg "${v.alg}", but the API takes ${alg} only: the verifier, not the header, picks the algorithm (RFC 8725 §3.1).`);
    case 'expired':
      return t(`서명은 맞지만 지금(${now})이 exp(${v.exp}) 이후라 거절합니다: error="invalid_token", "The access token expired".`, `The signature is good, but now (${now}) is past exp (${v.exp}): refused, error="invalid_token", "The access token expired".`);
    default:
      return t('토큰의 형식이 잘못되었습니다.', 'The token is malformed.');
  }
}
