/**
 * transport-layer: a race. The same messages go over TCP (RFC 9293 state
 * machines: handshake, ACKs, retransmission on timeout, in-order delivery,
 * close) and over UDP (RFC 768: one datagram per message, nothing else), with
 * the same seeded losses and path delays, side by side on one time axis.
 */
import { SEED_PARAM, normalize, type ParamSpec, type ParamValues } from '../../core/params';
import type { Text } from '../../core/text';
import type { Scenario, Timeline } from '../../core/timeline';
import { makePlan, runTcpLane, runUdp, type Plan, type TcpLane } from './race';
import type { Focus } from './labels';
import { buildStory } from './story';
import type { UdpLane } from './udp';

export const params: readonly ParamSpec[] = [
  {
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
  },
  {
    name: 'loss',
    kind: 'int',
    label: { ko: '손실률 (%)', en: 'Loss rate (%)' },
    help: {
      ko: '각 메시지의 첫 전송은 두 쪽에서 같은 추첨으로 잃습니다. TCP의 제어 세그먼트, ACK, 재전송도 같은 비율로 잃을 수 있습니다.',
      en: "Each message's first copy is lost by the same draw in both lanes. TCP's control segments, ACKs and retransmissions can be lost at the same rate.",
    },
    min: 0,
    max: 50,
    unit: '%',
    default: 20,
  },
  {
    name: 'reorder',
    kind: 'bool',
    label: { ko: '순서 뒤바뀜 (경로 지연 흔들기)', en: 'Reordering (jittered path delay)' },
    help: {
      ko: '각 메시지의 첫 전송이 경로에서 0–60 ms 더 머뭅니다 (두 쪽에 같은 값). 늦게 보낸 것이 먼저 도착할 수 있습니다.',
      en: "Each message's first copy waits 0–60 ms more on the path (the same in both lanes), so a later one can arrive first.",
    },
    default: true,
  },
  {
    name: 'messages',
    kind: 'int',
    label: { ko: '메시지 수', en: 'Messages' },
    help: { ko: '두 앱이 20 ms 간격으로 보내는 메시지 수.', en: 'How many messages each app sends, 20 ms apart.' },
    min: 1,
    max: 20,
    default: 5,
  },
  SEED_PARAM,
];

export interface Race {
  plan: Plan;
  tcp: TcpLane;
  udp: UdpLane;
}

/** Both lanes, before they become steps (the tests read these). */
export function race(input: ParamValues, seed: number): Race {
  const p = normalize(params, { ...input, seed });
  const plan = makePlan({ messages: Number(p.messages), loss: Number(p.loss), reorder: Boolean(p.reorder) }, seed);
  return { plan, tcp: runTcpLane(plan, seed), udp: runUdp(plan) };
}

export function simulate(input: ParamValues, seed: number): Timeline {
  const p = normalize(params, { ...input, seed });
  const r = race(p, seed);
  const { beats, spans, view } = buildStory({ ...r, focus: p.focus as Focus });
  const notices: Text[] = [];
  if (r.tcp.truncated) {
    notices.push({
      ko: 'TCP 쪽 실행이 안전 한도에 걸려 연결 종료 전에 멈췄습니다.',
      en: 'The TCP lane hit the safety limit and stopped before the connection closed.',
    });
  }
  const tl: Timeline = { topic: 'transport-layer', scenario: 'race', params: p, seed, view, steps: beats, spans };
  if (notices.length) tl.notices = notices;
  return tl;
}

export const scenario: Scenario = { diagram: 'sequence', params, simulate };
export default scenario;
