/**
 * tcp-ip-model: the seven OSI layers folding into RFC 1122's four (application ← 5–7,
 * transport ← 4, internet ← 3, link ← 1–2), and one HTTP request nested header by header
 * with the osi-model page's encoders.
 */
import { SEED_PARAM, normalize, type ParamSpec, type ParamValues } from '../../core/params';
import { createRandom } from '../../core/random';
import type { Scenario, Timeline } from '../../core/timeline';
import { encapsulate, NET } from '../osi-model/encap';
import type { TcpIpLayer } from '../osi-model/stack';
import { buildStory } from './story';

export const params: readonly ParamSpec[] = [
  {
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
  },
  SEED_PARAM,
];

export const REQUEST_TEXT = 'Hello, TCP/IP!';

export function simulate(input: ParamValues, seed: number): Timeline {
  const p = normalize(params, { ...input, seed });
  const r = createRandom(seed).fork('tcp-ip-model');
  const e = encapsulate({ payload: REQUEST_TEXT, srcPort: r.int(49152, 65535), seq: r.u32(), ack: r.u32(), ipId: r.int(0, 0xffff), dstMac: NET.r0.mac });
  const story = buildStory(e, p.highlight as TcpIpLayer);
  return { topic: 'tcp-ip-model', scenario: 'fold', params: p, seed, view: {}, steps: story.beats, spans: story.spans };
}

export const scenario: Scenario = { diagram: 'topology', params, simulate };
export default scenario;
