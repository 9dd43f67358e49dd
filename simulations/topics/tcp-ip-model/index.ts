/**
 * tcp-ip-model: the seven OSI layers folding into RFC 1122's four (application ← 5–7,
 * transport ← 4, internet ← 3, link ← 1–2), and one HTTP request nested header by header
 * with the osi-model page's encoders.
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { createRandom } from '../../core/random';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import { encapsulate, NET } from '../osi-model/encap';
import { buildStory } from './story';

export const HIGHLIGHT = param({
  name: 'highlight',
  kind: 'enum',
  label: { ko: '강조할 계층', en: 'Layer in focus' },
  help: { ko: 'TCP/IP 네 계층 가운데 자세히 볼 계층입니다.', en: 'Which of the four TCP/IP layers to look at closely.' },
  default: 'application',
  options: [
    { value: 'application', label: { ko: '응용 계층', en: 'Application' } },
    { value: 'transport', label: { ko: '전송 계층', en: 'Transport' } },
    { value: 'internet', label: { ko: '인터넷 계층', en: 'Internet' } },
    { value: 'link', label: { ko: '링크 계층', en: 'Link' } },
  ],
});

export const REQUEST_TEXT = 'Hello, TCP/IP!';

const PARAMS = [HIGHLIGHT, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const r = createRandom(seed).fork('tcp-ip-model');
  const e = encapsulate({ payload: REQUEST_TEXT, srcPort: r.int(49152, 65535), seq: r.u32(), ack: r.u32(), ipId: r.int(0, 0xffff), dstMac: NET.r0.mac });
  const story = buildStory(e, p.highlight);
  return { topic: 'tcp-ip-model', scenario: 'fold', params: { ...p }, seed, view: {}, steps: story.beats, spans: story.spans };
}

export const scenario = defineScenario({ diagram: 'topology', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
