/**
 * dns: the DNS namespace as a tree (RFC 1034 §3.1), a typed name read right to left, label by
 * label, with its zones, delegations and record types. The name is checked by the host name
 * rules (RFC 1035 §2.3.1, RFC 1123 §2.1, 63-octet labels, 253-character names) and IDN labels
 * become A-labels (RFC 5891, RFC 3492) through the URL parser.
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param, storyTimeline } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import '../../figures/dns-tree';
import { dnsStory } from './story';

export const NAME = param({
  name: 'name',
  kind: 'string',
  label: { ko: '도메인 이름', en: 'Domain name' },
  help: {
    ko: '아무 이름이나 적어 보세요(예: www.naver.com, 한국.kr, mail.example.org.). 규칙에 어긋나면 어느 규칙인지 알려 줍니다.',
    en: 'Type any name (e.g. www.naver.com, 한국.kr, mail.example.org.). If it breaks a rule, the page says which.',
  },
  // Long enough to show the 253-character and 63-octet rules being broken.
  maxLength: 300,
  default: 'www.naver.com',
});

const PARAMS = [NAME, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const s = dnsStory(p.name);
  return storyTimeline({ topic: 'dns', scenario: s.ok ? 'namespace' : 'invalid-name', params: p, seed: p.seed, story: s.story, notices: s.notices });
}

export const scenario = defineScenario({ diagram: 'dns-tree', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
