/**
 * osi-model: one HTTP request from host A to host B, down A's seven layers (real HTTP,
 * TCP, IPv4 and Ethernet bytes), through a learning switch and a router, and up B's
 * layers; ARP resolves each next hop's MAC when the cache is cold.
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { payloadProblem } from './encap';
import { buildStory } from './story';
import { runWorld } from './world';

export const DEFAULT_PAYLOAD = 'Hello, OSI!';
export const MAX_PAYLOAD = 100;

export const PAYLOAD = param({
  name: 'payload',
  kind: 'string',
  label: { ko: '보낼 글', en: 'Text to send' },
  help: {
    ko: `HTTP 요청의 본문(UTF-8)이 됩니다. 최대 ${MAX_PAYLOAD}자, 제어 문자는 쓸 수 없습니다.`,
    en: `Becomes the HTTP request's body (UTF-8). At most ${MAX_PAYLOAD} characters, no control characters.`,
  },
  maxLength: MAX_PAYLOAD,
  default: DEFAULT_PAYLOAD,
  validate: (v) => (payloadProblem(v) ? { ko: '제어 문자(줄바꿈, 탭 등)는 쓸 수 없습니다.', en: 'control characters (line breaks, tabs…) are not allowed.' } : null),
});
export const DEVICE = param({
  name: 'device',
  kind: 'enum',
  label: { ko: '자세히 볼 장비', en: 'Device in focus' },
  help: {
    ko: 'switch: 스위치의 MAC 테이블과 2계층 처리. router: 라우팅 테이블, ARP 캐시, 3계층 처리.',
    en: "switch: the switch's MAC table and its layer 2 work. router: the routing table, ARP cache and layer 3 work.",
  },
  default: 'switch',
  options: [
    { value: 'switch', label: { ko: '스위치 (2계층)', en: 'Switch (layer 2)' } },
    { value: 'router', label: { ko: '라우터 (3계층)', en: 'Router (layer 3)' } },
  ],
});
export const ARP = param({
  name: 'arp',
  kind: 'enum',
  label: { ko: 'ARP 캐시', en: 'ARP caches' },
  help: {
    ko: 'cold: 캐시가 비어 있어 A와 라우터가 먼저 ARP로 다음 홉의 MAC을 묻습니다. warm: 이미 알고 있어 ARP 없이 바로 보냅니다.',
    en: "cold: the caches are empty, so A and the router first ask for the next hop's MAC with ARP. warm: they already know it and send at once.",
  },
  default: 'cold',
  options: [
    { value: 'cold', label: { ko: '비어 있음 (ARP 교환)', en: 'Cold (ARP exchange)' } },
    { value: 'warm', label: { ko: '채워져 있음', en: 'Warm' } },
  ],
});

const PARAMS = [PAYLOAD, DEVICE, ARP, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const world = runWorld(p.payload, p.arp, seed);
  const story = buildStory(world, p.device);
  return { topic: 'osi-model', scenario: `http-${p.arp}`, params: { ...p }, seed, view: {}, steps: story.beats, spans: story.spans };
}

export const scenario = defineScenario({ diagram: 'topology', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
