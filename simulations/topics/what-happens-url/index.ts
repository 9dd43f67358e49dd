/**
 * what-happens-url: typing www.naver.com and pressing Enter, as one journey on one clock:
 * the omnibox and HSTS, the caches, a real DNS resolution (RFC 1034/1035) on the kernel,
 * the TCP handshake (RFC 9293), a real TLS 1.3 handshake (RFC 8446) with ALPN, HTTP/1.1
 * (RFC 9112) or HTTP/2 (RFC 9113), the subresources, and the page milestones, whose
 * browser-side durations are modelled constants (see `plans.ts` MODEL).
 */
import { defineScenario, param } from '../../core/scenario';
import { SEED_PARAM } from '../../core/params';
import type { Timeline } from '../../core/timeline';
import '../../figures/waterfall';
import { runJourney } from './journey';
import { buildStory } from './story';
import { timings } from './timing';

export const CACHE = param({
  name: 'cache', kind: 'enum', default: 'cold', label: { ko: 'DNS 캐시', en: 'DNS cache' },
  help: { ko: 'warm: 재귀 리졸버가 방금 이 이름을 찾아 두어 캐시에서 답합니다.', en: 'warm: the recursive resolver looked this name up a moment ago and answers from its cache.' },
  options: [
    { value: 'cold', label: { ko: '차가움 (전체 조회)', en: 'cold (full resolution)' } },
    { value: 'warm', label: { ko: '따뜻함 (리졸버 캐시 적중)', en: 'warm (resolver cache hit)' } },
  ],
});
export const RTT = param({ name: 'rtt', kind: 'int', min: 2, max: 400, unit: 'ms', default: 40, label: { ko: '서버까지 왕복 시간', en: 'Round trip to the server' }, help: { ko: 'DNS 구간의 왕복 시간은 이 값에서 정해집니다.', en: 'The DNS hops take their round trips from this.' } });
export const HTTP = param({
  name: 'http', kind: 'enum', default: '2', label: { ko: 'HTTP 버전', en: 'HTTP version' },
  options: [
    { value: '2', label: { ko: 'HTTP/2 (ALPN h2)', en: 'HTTP/2 (ALPN h2)' } },
    { value: '1.1', label: { ko: 'HTTP/1.1', en: 'HTTP/1.1' } },
  ],
});
export const HSTS = param({ name: 'hsts', kind: 'bool', default: true, label: { ko: 'HSTS (preload)', en: 'HSTS (preloaded)' }, help: { ko: '끄면 첫 요청이 http://로 가서 301을 받습니다.', en: 'Off: the first request goes to http:// and gets a 301.' } });
export const LOSS = param({ name: 'loss', kind: 'int', min: 0, max: 20, unit: '%', default: 0, label: { ko: '손실률', en: 'Loss rate' }, help: { ko: '모든 구간, 모든 방향 (시드로 재현).', en: 'Every hop, both ways (replayed by the seed).' } });

export const PARAMS = [CACHE, RTT, HTTP, HSTS, LOSS, SEED_PARAM] as const;

export function journeyOf(p: { cache: 'cold' | 'warm'; rtt: number; http: '1.1' | '2'; hsts: boolean; loss: number }, seed: number) {
  return runJourney({ cache: p.cache, rtt: p.rtt, http: p.http, hsts: p.hsts, loss: p.loss / 100, seed });
}

export default defineScenario({
  diagram: 'sequence',
  params: PARAMS,
  simulate(p, seed): Timeline {
    const j = journeyOf(p, seed);
    const tm = timings(j);
    const { story, view } = buildStory(j, tm);
    const tl: Timeline = { topic: 'what-happens-url', scenario: 'journey', params: { ...p }, seed, view, steps: story.beats, spans: story.spans };
    const keylog = j.web?.plans.keylog;
    if (keylog) tl.tlsKeyLog = keylog;
    return tl;
  },
});
