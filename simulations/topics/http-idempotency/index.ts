/**
 * http-idempotency: a request whose response is lost, retried on timeout, against a server
 * whose resource state is shown after every request. What N identical requests leave
 * behind is idempotency (RFC 9110 §9.2.2); an Idempotency-Key
 * (draft-ietf-httpapi-idempotency-key-header) makes a retried POST or PATCH replay its
 * first response instead of running again.
 */
import { SEED_PARAM } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { createRandom } from '../../core/random';
import type { Timeline } from '../../core/timeline';
import { requestFor, type Method } from './resource';
import { runRetries } from './world';
import { buildStory } from './story';

export const ONE_WAY = 40;
export const TIMEOUT = 300;
const METHODS: readonly Method[] = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'POST', 'PATCH'];

export const params = [
  param({
    name: 'method', kind: 'enum', default: 'post', label: { ko: '메서드', en: 'Method' },
    // Enum values are lower-case in URLs (the codec lower-cases what it reads).
    options: METHODS.map((m) => ({ value: m.toLowerCase() as Lowercase<Method>, label: { ko: m, en: m } })),
  }),
  param({ name: 'repeats', kind: 'int', min: 1, max: 5, default: 3, label: { ko: '보내는 횟수', en: 'Sends in all' }, help: { ko: '처음 한 번과 재시도를 합친 횟수. 마지막 것을 뺀 모든 시도의 응답이 돌아오는 길에 사라집니다.', en: 'The first send plus the retries. The response to every try but the last is lost on the way back.' } }),
  param({ name: 'idempotency-key', kind: 'bool', default: false, label: { ko: 'Idempotency-Key 헤더', en: 'Idempotency-Key header' }, help: { ko: 'POST와 PATCH 요청에 고유 키를 붙입니다.', en: 'Adds a unique key to POST and PATCH requests.' } }),
  param({
    name: 'patch', kind: 'enum', default: 'increment', label: { ko: 'PATCH 종류', en: 'PATCH kind' },
    options: [
      { value: 'set', label: { ko: '값 설정 (JSON Merge Patch)', en: 'set a value (JSON Merge Patch)' } },
      { value: 'increment', label: { ko: '10 더하기 (증분)', en: 'add 10 (increment)' } },
    ],
  }),
  param({ name: 'loss', kind: 'int', min: 0, max: 50, unit: '%', default: 0, label: { ko: '추가 손실률', en: 'Extra loss rate' }, help: { ko: '양방향 모든 메시지에 더해지는 무작위 손실 (시드로 재현).', en: 'Random loss on every message, both ways (replayed by the seed).' } }),
  SEED_PARAM,
] as const;

/** A version 4 UUID from the seed (RFC 9562 §5.4): the key a client would generate. */
export function uuidFrom(seed: number): string {
  const r = createRandom(seed).fork('idempotency-key');
  const b = Array.from({ length: 16 }, () => r.int(0, 255));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export default defineScenario({
  diagram: 'sequence',
  params,
  simulate(p, seed): Timeline {
    const method = METHODS.find((m) => m.toLowerCase() === p.method) ?? 'GET';
    const key = p['idempotency-key'] ? uuidFrom(seed) : undefined;
    const request = requestFor(method, p.patch, key);
    const trace = runRetries({ request, repeats: p.repeats, oneWay: ONE_WAY, timeout: TIMEOUT, loss: p.loss / 100, seed });
    const { story, view } = buildStory({ trace, method, patch: p.patch, key: Boolean(key), request, timeout: TIMEOUT, seed });
    return { topic: 'http-idempotency', scenario: 'retries', params: { ...p }, seed, view, steps: story.beats, spans: story.spans };
  },
});
