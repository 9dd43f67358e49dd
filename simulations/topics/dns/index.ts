/**
 * dns: the DNS namespace as a tree (RFC 1034 §3.1), a typed name read right to left, label by
 * label, with its zones, delegations and record types. The name is checked by the host name
 * rules (RFC 1035 §2.3.1, RFC 1123 §2.1, 63-octet labels, 253-character names) and IDN labels
 * become A-labels (RFC 5891, RFC 3492) through the URL parser.
 */
import { SEED_PARAM, normalize, type ParamSpec, type ParamValues } from '../../core/params';
import type { Scenario, Timeline } from '../../core/timeline';
import '../../figures/dns-tree';
import { dnsStory } from './story';

export const params: readonly ParamSpec[] = [
  {
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
  },
  SEED_PARAM,
];

export function simulate(input: ParamValues, seed: number): Timeline {
  const p = normalize(params, { ...input, seed });
  const s = dnsStory(p.name as string);
  return {
    topic: 'dns',
    scenario: s.ok ? 'namespace' : 'invalid-name',
    params: p,
    seed: p.seed as number,
    view: {},
    steps: s.story.beats,
    spans: s.story.spans,
    ...(s.notices.length ? { notices: s.notices } : {}),
  };
}

export const scenario: Scenario = { diagram: 'dns-tree', params, simulate };
export default scenario;
