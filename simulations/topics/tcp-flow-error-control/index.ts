/**
 * tcp-flow-error-control: two first-class scenarios, each run on the kernel by the
 * state machines in simulations/arq and told with the story layer:
 * - `error`: error control (stop-and-wait, Go-Back-N, Selective Repeat, TCP's SACK +
 *   fast retransmit);
 * - `flow`: flow control (rwnd, zero window, persist timer, window probe).
 * `scenarios` exports them apart, each with its own params (tabs); the default export
 * keeps the single-scenario shape (a `view` param picks one) for players that know only that.
 */
import type { ParamsOf } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import { t, type Text } from '../../core/text';
import type { Scenario, Timeline, TopicScenarios } from '../../core/timeline';
import {
  ACK_LOSS_PARAM,
  BUFFER_PARAM,
  FLOW_PACKETS_PARAM,
  LOSE_PARAM,
  LOSS_PARAM,
  PACKETS_PARAM,
  PERSIST_PARAM,
  PROTOCOL_PARAM,
  SEED_PARAM,
  SEQBITS_PARAM,
  TIMEOUT_PARAM,
  WINDOW_PARAM,
} from '../../arq';
import { simulateError } from './error';
import { simulateFlow } from './flow';

const TOPIC = 'tcp-flow-error-control';

export const errorParams = [PROTOCOL_PARAM, WINDOW_PARAM, LOSS_PARAM, LOSE_PARAM, TIMEOUT_PARAM, PACKETS_PARAM, SEQBITS_PARAM, SEED_PARAM] as const;
export const flowParams = [BUFFER_PARAM, ACK_LOSS_PARAM, PERSIST_PARAM, FLOW_PACKETS_PARAM, SEED_PARAM] as const;

const runError = (p: ParamsOf<typeof errorParams>, seed: number): Timeline => simulateError(p, { topic: TOPIC, params: { ...p }, seed });
const runFlow = (p: ParamsOf<typeof flowParams>, seed: number): Timeline => simulateFlow(p, { topic: TOPIC, params: { ...p }, seed });

export const error: Scenario & { label: Text } = {
  label: t('오류 제어 (재전송)', 'Error control (retransmission)'),
  ...defineScenario({ diagram: 'sequence', params: errorParams, simulate: runError }),
};

export const flow: Scenario & { label: Text } = {
  label: t('흐름 제어 (rwnd)', 'Flow control (rwnd)'),
  ...defineScenario({ diagram: 'sequence', params: flowParams, simulate: runFlow }),
};

export const topic: TopicScenarios = { scenarios: { error, flow }, default: 'error' };
export const scenarios = topic.scenarios;

/* ---------------------------------------------- the single-scenario shape */

const VIEW_PARAM = param({
  name: 'view',
  kind: 'enum',
  label: { ko: '장면', en: 'Scene' },
  help: {
    ko: 'error: 손실과 재전송. flow: 수신 버퍼와 rwnd, 0 윈도, 윈도 프로브.',
    en: 'error: losses and retransmissions. flow: the receive buffer and rwnd, a zero window, the window probe.',
  },
  default: 'error',
  options: [
    { value: 'error', label: error.label },
    { value: 'flow', label: flow.label },
  ],
});

/** Both scenarios' params in one list (the protocol applies to `error` only, the flow scene is always TCP). */
const PARAMS = [
  param({ ...PROTOCOL_PARAM, help: { ko: '오류 제어 장면에서 쓸 재전송 방식. 흐름 제어 장면은 언제나 TCP입니다.', en: 'The retransmission scheme for the error-control scene. The flow-control scene is always TCP.' } }),
  VIEW_PARAM,
  param({ ...WINDOW_PARAM, help: { ko: '오류 제어: 확인 없이 보낼 수 있는 패킷 수. 흐름 제어: 수신 버퍼 크기(세그먼트).', en: 'Error control: packets the sender may have unacknowledged. Flow control: the receive buffer, in segments.' } }),
  param({ ...LOSS_PARAM, help: { ko: '각 전송(데이터와 ACK)이 손실될 확률. 흐름 제어 장면에서는 ACK만 손실됩니다.', en: 'Chance that any one transmission (data or ACK) is lost. In the flow-control scene only ACKs are lost.' } }),
  param({ ...LOSE_PARAM, help: { ko: '예: 2,5. 오류 제어 장면에서만 쓰입니다.', en: 'For example 2,5. Used by the error-control scene only.' } }),
  param({
    ...TIMEOUT_PARAM,
    help: {
      ko: '재전송 타이머(TCP는 초기 RTO). 흐름 제어에서는 지속 타이머의 첫 간격이기도 합니다. 왕복 시간은 약 110 ms입니다.',
      en: 'The retransmission timer (TCP: the initial RTO); in flow control also the first persist interval. The round trip is about 110 ms.',
    },
  }),
  PACKETS_PARAM,
  SEQBITS_PARAM,
  SEED_PARAM,
] as const;

export const scenario = defineScenario({
  diagram: 'sequence',
  params: PARAMS,
  simulate: (p, seed) => (p.view === 'flow' ? runFlow(p, seed) : runError(p, seed)),
});

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
