/**
 * dns-resolution: a name looked up twice through a stub, a recursive resolver and the
 * root, TLD and authoritative servers, all actors on the kernel exchanging real DNS
 * messages (RFC 1035) over UDP port 53 with seeded loss. The second lookup shows the caches.
 */
import { LOSS_PERCENT, SEED_PARAM } from '../../core/common-params';
import type { ParamsOf } from '../../core/params';
import { defineScenario, param, storyTimeline } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import type { Text } from '../../core/text';
import type { DnsTypeName } from '../../wire/dns';
import { checkHostname, MAX_NAME_CHARS } from '../../names/hostname';
import { runDns } from '../../dns/world';
import { SERVERS, ZONES, ancestors } from '../../dns/zones';
import { buildStory } from './story';

const rtt = <const N extends string>(name: N, ko: string, en: string, def: number) =>
  param({ name, kind: 'int', label: { ko: `왕복 시간: ${ko}`, en: `Round trip: ${en}` }, min: 1, max: 300, unit: 'ms', default: def });

export const DEFAULT_NAME = 'www.naver.com';
export const GAP_S = 30;

/** Record types one can ask for, as the URL spells them (the codec lower-cases enum values). */
const QTYPES: Readonly<Record<'a' | 'aaaa' | 'mx' | 'txt', DnsTypeName>> = { a: 'A', aaaa: 'AAAA', mx: 'MX', txt: 'TXT' };

const PARAMS = [
  param({
    name: 'name', kind: 'string', maxLength: MAX_NAME_CHARS, default: DEFAULT_NAME,
    label: { ko: '찾을 이름', en: 'Name to look up' },
    help: { ko: '예: www.naver.com, example.com, 한국.kr, nope.naver.com (없는 이름)', en: 'e.g. www.naver.com, example.com, 한국.kr, nope.naver.com (no such name)' },
    validate: (v) => {
      const r = checkHostname(v);
      return r.ok ? null : r.problems.find((p) => p.severity === 'error')?.message ?? { ko: '호스트 이름이 아닙니다.', en: 'not a host name.' };
    },
  }),
  param({
    name: 'qtype', kind: 'enum', default: 'a', label: { ko: '레코드 종류', en: 'Record type' },
    options: [
      { value: 'a', label: { ko: 'A', en: 'A' } },
      { value: 'aaaa', label: { ko: 'AAAA', en: 'AAAA' } },
      { value: 'mx', label: { ko: 'MX', en: 'MX' } },
      { value: 'txt', label: { ko: 'TXT', en: 'TXT' } },
    ],
  }),
  param({
    name: 'cache', kind: 'enum', default: 'cold', label: { ko: '리졸버 캐시', en: 'Resolver cache' },
    help: { ko: 'warm: 한 시간 전에 배운 TLD의 NS와 글루가 남아 있어 루트를 건너뜁니다.', en: "warm: the TLD's NS and glue, learned an hour ago, are still cached, so the root is skipped." },
    options: [
      { value: 'cold', label: { ko: '차가움 (루트 힌트뿐)', en: 'cold (root hints only)' } },
      { value: 'warm', label: { ko: '따뜻함 (TLD NS 보유)', en: "warm (holds the TLD's NS)" } },
    ],
  }),
  param({
    name: 'mode', kind: 'enum', default: 'recursive', label: { ko: '질의 방식', en: 'Query mode' },
    options: [
      { value: 'recursive', label: { ko: '재귀 리졸버가 반복 질의', en: 'recursive resolver, iterative queries' } },
      { value: 'iterative-from-stub', label: { ko: '스텁이 직접 반복 질의', en: 'fully iterative from the stub' } },
    ],
  }),
  param({
    name: 'stubcache', kind: 'bool', default: false, label: { ko: 'OS 스텁 캐시', en: 'OS stub cache' },
    help: { ko: 'systemd-resolved나 Windows DNS Client처럼 OS가 답을 캐시합니다.', en: 'The OS caches answers, as systemd-resolved or the Windows DNS Client do.' },
  }),
  rtt('rtt-stub', '스텁 ↔ 리졸버', 'stub ↔ resolver', 10),
  rtt('rtt-root', '↔ 루트', '↔ root', 40),
  rtt('rtt-tld', '↔ TLD', '↔ TLD', 60),
  rtt('rtt-auth', '↔ 권한 서버', '↔ authoritative', 80),
  param({ ...LOSS_PERCENT, label: { ko: '손실률', en: 'Loss rate' }, help: { ko: '모든 구간에서 데이터그램이 사라질 확률 (시드로 재현).', en: 'Chance that a datagram is lost on any hop (replayed by the seed).' } }),
  SEED_PARAM,
] as const;

/** The server lanes always drawn for a name: its TLD's and its zone's, if they exist. */
function lanesFor(name: string): string[] {
  const out: string[] = [];
  for (const z of ancestors(name).reverse().slice(1)) {
    if (!ZONES[z]) continue;
    const host = ZONES[z].records.find((r) => r.type === 'NS' && r.name === z) as { host: string } | undefined;
    const actor = SERVERS.find((s) => s.name === host?.host)?.actor;
    if (actor && !out.includes(actor)) out.push(actor);
  }
  return out;
}

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const h = checkHostname(p.name);
  const notices: Text[] = [];
  const name = h.ok ? h.ascii : DEFAULT_NAME;
  if (h.ok && h.ascii !== p.name.toLowerCase().replace(/\.$/, '')) {
    notices.push({ ko: `"${p.name}"은(는) DNS에서 ASCII 이름 ${h.ascii}(으)로 찾습니다 (IDNA, RFC 5891).`, en: `"${p.name}" is looked up in the DNS as its ASCII form ${h.ascii} (IDNA, RFC 5891).` });
  }
  const qtype = QTYPES[p.qtype];
  const mode = p.mode === 'iterative-from-stub' ? 'iterative' : 'recursive';
  const trace = runDns({
    name, qtype, mode, warm: p.cache === 'warm', stubCache: p.stubcache,
    rtt: { stub: p['rtt-stub'], root: p['rtt-root'], tld: p['rtt-tld'], auth: p['rtt-auth'] },
    loss: p.loss / 100, seed, gap: GAP_S * 1000,
  });
  const { story, view } = buildStory({ trace, name, qtype, mode, warm: p.cache === 'warm', stubCache: p.stubcache, gapS: GAP_S, lanes: lanesFor(name) });
  return storyTimeline({ topic: 'dns-resolution', scenario: 'lookup', params: p, seed, view, story, notices });
}

export const scenario = defineScenario({ diagram: 'sequence', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
