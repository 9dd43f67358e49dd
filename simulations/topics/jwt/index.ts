/**
 * jwt: a login that issues an access token (a JWT, RFC 7519) and a refresh token; an API that
 * verifies the token alone (HS256 or ES256, with @noble); a token altered on the way, refused;
 * the token expiring, and the refresh (RFC 6749 §6). Signatures are computed for real.
 */
import { createRandom } from '../../core/random';
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { t } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { toHex } from '../../wire/bytes';
import { p256KeyFromSeed } from '../../tls13/x509';
import type { Key } from './jose';
import { jwtStory } from './story';
import { runJwt } from './world';

export const params = [
  param({
    name: 'alg', kind: 'enum', default: 'hs256', label: t('서명 알고리즘', 'Signing algorithm'),
    options: [
      { value: 'hs256', label: t('HS256 (공유 비밀키)', 'HS256 (shared secret)') },
      { value: 'es256', label: t('ES256 (개인키/공개키)', 'ES256 (private/public key)') },
    ],
  }),
  param({
    name: 'tamper', kind: 'enum', default: 'none', label: t('토큰 변조', 'Tampering'),
    options: [
      { value: 'none', label: t('없음', 'none') },
      { value: 'payload', label: t('페이로드 (role → admin)', 'payload (role → admin)') },
      { value: 'signature', label: t('서명 한 글자', 'one signature character') },
      { value: 'alg-none', label: t('alg: none', 'alg: none') },
    ],
  }),
  param({ name: 'ttl', kind: 'int', min: 5, max: 60, unit: 's', default: 15, label: t('액세스 토큰 수명', 'Access token lifetime'), help: t('exp = 발급 시각 + 이 값 (초).', 'exp = issue time + this (seconds).') }),
  SEED_PARAM,
] as const;

/** The run's keys and nonces from the seed: the HMAC secret (256 bits) or a P-256 key pair, refresh tokens and JWT ids. */
export function keysFor(alg: 'hs256' | 'es256', seed: number): { key: Key; nonces: string[] } {
  const r = createRandom(seed);
  const k = r.fork('hs256');
  const n = r.fork('nonces');
  const nonces = Array.from({ length: 4 }, () => toHex(Uint8Array.from({ length: 16 }, () => n.int(0, 255))));
  if (alg === 'hs256') return { key: { alg: 'HS256', secret: Uint8Array.from({ length: 32 }, () => k.int(0, 255)) }, nonces };
  const pair = p256KeyFromSeed(`jwt/${seed}`);
  return { key: { alg: 'ES256', privateKey: pair.privateKey, publicKey: pair.publicKey }, nonces };
}

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed): Timeline {
    const { key, nonces } = keysFor(p.alg, seed);
    const trace = runJwt({ key, ttl: p.ttl, tamper: p.tamper, nonces, oneWay: 20, seed });
    const { story, view } = jwtStory({ trace, alg: key.alg, ttl: p.ttl, tamper: p.tamper });
    return {
      topic: 'jwt', scenario: p.tamper === 'none' ? 'refresh' : `tamper-${p.tamper}`, params: { ...p }, seed, view, steps: story.beats, spans: story.spans,
      noPackets: t('토큰은 https(TLS) 안에서만 오가야 하므로 여기서는 HTTP 메시지만 보여 줍니다. TLS 바이트는 http-https 주제에 있습니다.', 'Tokens must only travel inside https (TLS), so only the HTTP messages are shown here; the TLS bytes are in the http-https topic.'),
    };
  },
});
