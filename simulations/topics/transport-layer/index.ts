/**
 * transport-layer: a race. The same messages go over TCP (RFC 9293 state
 * machines: handshake, ACKs, retransmission on timeout, in-order delivery,
 * close) and over UDP (RFC 768: one datagram per message, nothing else), with
 * the same seeded losses and path delays, side by side on one time axis.
 */
import { LOSS_PERCENT, SEED_PARAM } from '../../core/common-params';
import type { ParamsOf, ParamValues } from '../../core/params';
import { defineScenario, param, storyTimeline, valuesOf } from '../../core/scenario';
import type { Text } from '../../core/text';
import type { Timeline } from '../../core/timeline';
import { INTERVAL, MAX_EXTRA, makePlan, runTcpLane, runUdp, type Plan, type TcpLane } from './race';
import { buildStory } from './story';
import type { UdpLane } from './udp';

export const FOCUS = param({
  name: 'focus',
  kind: 'enum',
  label: { ko: '보여 줄 쪽', en: 'Lanes shown' },
  help: {
    ko: 'both: TCP와 UDP를 나란히. tcp 또는 udp: 한쪽만 크게 (표는 두 쪽 모두 셉니다).',
    en: 'both: TCP and UDP side by side. tcp or udp: one lane, larger (the table still counts both).',
  },
  default: 'both',
  options: [
    { value: 'both', label: { ko: 'TCP와 UDP 나란히', en: 'TCP and UDP side by side' } },
    { value: 'tcp', label: { ko: 'TCP만', en: 'TCP only' } },
    { value: 'udp', label: { ko: 'UDP만', en: 'UDP only' } },
  ],
});
export const LOSS = param({
  ...LOSS_PERCENT,
  help: {
    ko: '각 메시지의 첫 전송은 두 쪽에서 같은 추첨으로 잃습니다. TCP의 제어 세그먼트, ACK, 재전송도 같은 비율로 잃을 수 있습니다.',
    en: "Each message's first copy is lost by the same draw in both lanes. TCP's control segments, ACKs and retransmissions can be lost at the same rate.",
  },
  default: 20,
});
export const REORDER = param({
  name: 'reorder',
  kind: 'bool',
  label: { ko: '순서 뒤바뀜 (경로 지연 흔들기)', en: 'Reordering (jittered path delay)' },
  help: {
    ko: `각 메시지의 첫 전송이 경로에서 0–${MAX_EXTRA} ms 더 머뭅니다 (두 쪽에 같은 값). 늦게 보낸 것이 먼저 도착할 수 있습니다.`,
    en: `Each message's first copy waits 0–${MAX_EXTRA} ms more on the path (the same in both lanes), so a later one can arrive first.`,
  },
  default: true,
});
export const MESSAGES = param({
  name: 'messages',
  kind: 'int',
  label: { ko: '메시지 수', en: 'Messages' },
  help: { ko: `두 앱이 ${INTERVAL} ms 간격으로 보내는 메시지 수.`, en: `How many messages each app sends, ${INTERVAL} ms apart.` },
  min: 1,
  max: 20,
  default: 5,
});

export interface Race {
  plan: Plan;
  tcp: TcpLane;
  udp: UdpLane;
}

const PARAMS = [FOCUS, LOSS, REORDER, MESSAGES, SEED_PARAM] as const;
type Params = ParamsOf<typeof PARAMS>;

function raceOf(p: Params, seed: number): Race {
  const plan = makePlan({ messages: p.messages, loss: p.loss, reorder: p.reorder }, seed);
  return { plan, tcp: runTcpLane(plan, seed), udp: runUdp(plan) };
}

/** Both lanes, before they become steps (the tests read these). */
export const race = (input: Partial<ParamValues>, seed: number): Race => raceOf(valuesOf(PARAMS, { ...input, seed }), seed);

function run(p: Params, seed: number): Timeline {
  const r = raceOf(p, seed);
  const { beats, spans, view } = buildStory({ ...r, focus: p.focus });
  const notices: Text[] = [];
  if (r.tcp.truncated) {
    notices.push({
      ko: 'TCP 쪽 실행이 안전 한도에 걸려 연결 종료 전에 멈췄습니다.',
      en: 'The TCP lane hit the safety limit and stopped before the connection closed.',
    });
  }
  return storyTimeline({ topic: 'transport-layer', scenario: 'race', params: p, seed, view, story: { beats, spans }, notices });
}

export const scenario = defineScenario({ diagram: 'sequence', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
