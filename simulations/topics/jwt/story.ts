/**
 * The jwt story, read from the kernel trace: a beat per event, the HTTP messages as arrows,
 * the token in play decoded (as anyone holding it can), and the API's checks on it.
 */
import { Arrows } from '../../core/arrows';
import { StoryBuilder, type Story } from '../../core/story';
import { t, joinText, sentence, type Text } from '../../core/text';
import { round } from '../../core/round';
import type { View } from '../../core/timeline';
import type { MessageEntity, MessageTone } from '../../figures/sequence';
import type { CountersEntity } from '../../figures/panels';
import { utf8Encode } from '../../wire/bytes';
import { decodeHttp1 } from '../../wire/http1';
import { decodeJwt, type Alg, type Verdict } from './jose';
import type { JwtTrace, Msg, Note, Tamper } from './world';
import { callText, TAMPER, verdictText } from './text';

const mark = (b: boolean | undefined) => (b === undefined ? '…' : b ? '✓' : '✗');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export interface StoryInput {
  trace: JwtTrace;
  alg: Alg;
  ttl: number;
  tamper: Tamper;
}

function arrow(m: Msg): { label: string; short: string; chip: string; tone: MessageTone } {
  const h = decodeHttp1(utf8Encode(m.text));
  if (h.kind === 'request') return { label: `${h.method} ${h.target}`, short: `${h.method} ${h.target}`, chip: h.method, tone: 'query' };
  return { label: `${h.status} ${h.reason}`, short: `${h.status} ${h.reason}`, chip: String(h.status), tone: h.status >= 400 ? 'reset' : 'answer' };
}

function tokenPanel(token: string | undefined): CountersEntity {
  const d = token ? decodeJwt(token) : null;
  return {
    kind: 'counters', id: 'token', title: t('토큰 (누구나 풀어 읽을 수 있음)', 'The token (anyone can decode it)'), columns: [t('base64url을 푼 내용', 'decoded from base64url')],
    rows: [
      { label: t('헤더', 'Header'), values: [d ? d.header : '…'] },
      { label: t('페이로드 (클레임)', 'Payload (claims)'), values: [d ? d.payload : '…'] },
      { label: t('서명', 'Signature'), values: [d ? clip(d.signature || '(비어 있음 / empty)', 24) : '…'] },
    ],
  };
}

function checksPanel(alg: Alg, v: { verdict: Verdict; now: number; token: string } | undefined): CountersEntity {
  const r = v?.verdict;
  const header = v ? (() => { try { return String(JSON.parse(decodeJwt(v.token)?.header ?? '{}').alg); } catch { return '?'; } })() : '';
  const exp = v ? (() => { try { return Number(JSON.parse(decodeJwt(v.token)?.payload ?? '{}').exp); } catch { return NaN; } })() : NaN;
  const algOk = r ? r.ok || r.reason !== 'alg' : undefined;
  const sigOk = r ? (r.ok || r.reason === 'expired' || r.reason === 'not-yet' ? true : r.reason === 'signature' ? false : undefined) : undefined;
  const expOk = r ? (r.ok ? true : r.reason === 'expired' ? false : undefined) : undefined;
  return {
    kind: 'counters', id: 'checks', title: t('API 서버의 검증', "The API server's checks"), columns: [t('결과', 'result')],
    rows: [
      { label: t(`alg: API는 ${alg}만 받음${v ? ` (헤더: ${header})` : ''}`, `alg: the API takes ${alg} only${v ? ` (header: ${header})` : ''}`), values: [mark(algOk)] },
      { label: t(`서명 (${alg === 'HS256' ? '공유 비밀키' : '공개키'}로 검증)`, `Signature (checked with the ${alg === 'HS256' ? 'shared secret' : 'public key'})`), values: [r && sigOk === undefined ? '—' : mark(sigOk)] },
      { label: t(`exp${v && Number.isFinite(exp) ? `: 지금 ${v.now}, 만료 ${exp}` : ''}`, `exp${v && Number.isFinite(exp) ? `: now ${v.now}, expires ${exp}` : ''}`), values: [r && expOk === undefined ? '—' : mark(expOk)] },
    ],
  };
}

export function jwtStory(o: StoryInput): { story: Story; view: View } {
  const { trace } = o;
  const b = new StoryBuilder();
  const keys = new Set<string>();
  const key = (k: string | undefined) => (k && !keys.has(k) ? (keys.add(k), k) : undefined);
  const arrows = new Arrows(trace);
  let token: string | undefined;
  let lastVerdict: { verdict: Verdict; now: number; token: string } | undefined;

  trace.entries.forEach((e, i) => {
    let caption: Text = t(`${e.t} ms`, `${e.t} ms`);
    const parts: Text[] = [];
    let k: string | undefined;
    if (i === 0) {
      caption = t(`시작: ${o.alg} 토큰, 수명 ${o.ttl}초`, `Start: ${o.alg} tokens that live ${o.ttl} s`);
      parts.push(
        o.alg === 'HS256'
          ? t('인증 서버와 API 서버가 같은 비밀키를 나눠 가집니다 (HS256: HMAC-SHA-256). 검증할 수 있는 쪽은 발급도 할 수 있습니다.', 'The auth server and the API server share one secret (HS256: HMAC-SHA-256): whoever can verify can also issue.')
          : t('인증 서버만 개인키를 갖고, API 서버는 공개키만 갖습니다 (ES256: P-256 ECDSA). API는 검증만 할 수 있고 토큰을 만들 수 없습니다.', 'Only the auth server holds the private key; the API server has the public key (ES256: P-256 ECDSA): it can verify, never issue.'),
      );
      if (o.tamper !== 'none') parts.push(TAMPER[o.tamper]);
      k = 'start';
    }
    if (e.cause.kind === 'msg') {
      const w = trace.wire(e.cause.wire);
      const h = decodeHttp1(utf8Encode(w.msg.text));
      if (h.kind === 'response' && w.to === 'client' && i === trace.entries.length - 1) {
        caption = t(`클라이언트 ← ${h.status} ${h.reason}`, `Client ← ${h.status} ${h.reason}`);
        parts.push(t('새 토큰으로 다시 성공했습니다. 리프레시 토큰은 인증 서버가 기록해 둔 값이라 서버가 지우면 바로 막을 수 있지만, 이미 발급된 JWT는 exp까지 유효합니다.', 'The retry with the new token succeeds. The refresh token is a value the auth server keeps, so it can be revoked at once; an access JWT already issued stays valid until its exp.'));
        k = 'end';
      } else if (h.kind === 'response' && w.to === 'client' && w.from === 'api') {
        caption = t(`클라이언트 ← ${h.status} ${h.reason}`, `Client ← ${h.status} ${h.reason}`);
        parts.push(h.status === 200 ? t('사용자 정보를 받았습니다. 같은 토큰은 exp까지 몇 번이든 쓸 수 있습니다.', 'The user\'s data is in. The same token serves any number of calls until its exp.') : t('401을 받았습니다. 응답의 WWW-Authenticate 헤더가 이유를 알려 줍니다.', 'A 401: its WWW-Authenticate header says why.'));
      }
    }
    for (const { note } of e.notes as { note: Note }[]) {
      switch (note.type) {
        case 'login':
          caption = t('클라이언트 → POST /login', 'Client → POST /login');
          parts.push(t('아이디와 비밀번호를 JSON으로 보냅니다 (실제로는 TLS 안에서).', 'It sends the id and password as JSON (inside TLS in real life).'));
          k = 'login';
          break;
        case 'issued': {
          const d = decodeJwt(note.access)!;
          token = note.access;
          caption = note.refreshed ? t('인증 서버 → 새 액세스 토큰', 'Auth server → a new access token') : t('인증 서버 → 액세스 토큰 + 리프레시 토큰', 'Auth server → access token + refresh token');
          parts.push(t(`헤더 ${d.header}와 클레임 ${d.payload}를 각각 base64url로 적고, 둘을 점으로 이은 바이트에 서명합니다. exp ${note.exp}는 발급 ${o.ttl}초 뒤입니다.`, `The header ${d.header} and the claims ${d.payload} are each written in base64url, and the two joined by a dot are signed. exp ${note.exp} is ${o.ttl} s after issue.`));
          parts.push(note.refreshed ? t('리프레시 토큰이 자기가 발급한 것인지 확인한 뒤 새 액세스 토큰을 줍니다 (RFC 6749 §6).', 'It checks that the refresh token is one it issued, then gives a new access token (RFC 6749 §6).') : t('리프레시 토큰은 JWT가 아닌 무작위 값으로, 인증 서버가 기억해 둡니다.', 'The refresh token is not a JWT but a random value the auth server remembers.'));
          k = note.refreshed ? 'refreshed' : 'issued';
          break;
        }
        case 'call':
          token = note.token;
          caption = t('클라이언트 → GET /me, Authorization: Bearer …', 'Client → GET /me, Authorization: Bearer …');
          parts.push(callText(note.call, o.tamper, o.ttl));
          k = note.call === 'retry' ? 'retry' : 'call';
          break;
        case 'verdict':
          lastVerdict = { verdict: note.verdict, now: note.now, token: note.token };
          caption = note.verdict.ok ? t('API 서버: 검증 통과 → 200 OK', 'API server: verified → 200 OK') : t('API 서버: 401 Unauthorized', 'API server: 401 Unauthorized');
          parts.push(verdictText(note.verdict, o.alg, note.now));
          k = note.verdict.ok ? 'verified' : note.verdict.reason === 'expired' ? 'expired' : 'tampered';
          break;
        case 'refresh':
          caption = t('클라이언트 → POST /token (refresh_token)', 'Client → POST /token (refresh_token)');
          parts.push(t('401의 WWW-Authenticate가 invalid_token이라 알려 주므로, 클라이언트는 리프레시 토큰으로 새 액세스 토큰을 청합니다. 사용자는 다시 로그인하지 않습니다.', 'The 401\'s WWW-Authenticate says invalid_token, so the client asks for a new access token with its refresh token; the user does not log in again.'));
          k = 'refresh';
          break;
      }
    }
    const kk = key(k);
    b.beat({ t: e.t, ...(kk ? { key: kk } : {}), caption, narration: joinText([sentence(caption), ...parts]) });
    if (i === 0) {
      b.show({ kind: 'actor', id: 'client', label: t('클라이언트', 'Client'), sublabel: 'app.example', x: 12, role: 'client' });
      b.show({ kind: 'actor', id: 'auth', label: t('인증 서버', 'Auth server'), sublabel: 'auth.example', x: 50, role: 'authority' });
      b.show({ kind: 'actor', id: 'api', label: t('API 서버', 'API server'), sublabel: 'api.example', x: 88, role: 'server' });
    }
    for (const { id, y0, y1, arrived } of arrows.at(i)) {
      const w = trace.wire(id);
      const m: MessageEntity = {
        kind: 'message', id, from: w.from, to: w.to, y0, y1,
        progress: arrived ? 1 : round((e.t - w.sentAt) / Math.max(1, w.endAt - w.sentAt)),
        status: arrived ? 'delivered' : 'flight', ...arrow(w.msg), fresh: y0 === i,
      };
      b.show(m);
    }
    b.show(tokenPanel(token));
    b.show(checksPanel(o.alg, lastVerdict));
  });
  return { story: b.build(), view: { rows: trace.entries.length, ticks: trace.entries.map((e, y) => ({ y, t: e.t })) } };
}
