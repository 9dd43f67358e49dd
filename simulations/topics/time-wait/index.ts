/**
 * time-wait: the client closes first; the server's last data segment is delayed
 * and arrives after the server's FIN, yet it is not lost, because sequence numbers
 * put it back in order. Then TIME-WAIT (2×MSL): resending the last ACK when it is
 * lost, and letting old duplicates die before the same 4-tuple is used again.
 */
import { SEED_PARAM, type ParamsOf } from '../../core/params';
import { defineScenario, param } from '../../core/scenario';
import type { Timeline } from '../../core/timeline';
import type { Text } from '../../core/text';
import { tcpStory } from '../../tcp/story';
import { segmentLabel } from '../../tcp/segment';
import { runWorld } from '../../tcp/world';
import { INITIAL_RTO } from '../../tcp/machine';
import { IPS, isLateOriginal, makePlan } from './plan';
import { extraText, keyOf } from './text';

export const DELAY = param({
  name: 'delay',
  kind: 'int',
  label: { ko: '늦는 세그먼트의 추가 지연 (ms)', en: 'Extra delay of the late segment (ms)' },
  help: {
    ko: `서버의 마지막 데이터가 네트워크에서 더 머무는 시간. RTO(${INITIAL_RTO} ms)보다 길면 서버가 먼저 재전송하고, 원본은 옛 중복으로 떠돕니다.`,
    en: `How long the server's last data segment lingers in the network. Longer than the RTO (${INITIAL_RTO} ms) and the server resends it first; the original becomes an old duplicate.`,
  },
  min: 0,
  max: 5000,
  default: 200,
  unit: 'ms',
});
export const MSL = param({
  name: 'msl',
  kind: 'int',
  label: { ko: 'MSL (초)', en: 'MSL (seconds)' },
  help: { ko: 'TIME-WAIT는 2×MSL 동안 이어집니다. RFC 793은 2분을 예로 들었고, 리눅스는 TIME-WAIT를 60초로 고정합니다.', en: 'TIME-WAIT lasts 2×MSL. RFC 793 suggested 2 minutes; Linux fixes TIME-WAIT at 60 s.' },
  min: 1,
  max: 120,
  default: 30,
  unit: 's',
});
export const DROP_LAST_ACK = param({
  name: 'drop-last-ack',
  kind: 'bool',
  label: { ko: '마지막 ACK 손실', en: 'Lose the last ACK' },
  help: {
    ko: '클라이언트의 마지막 ACK이 사라지면 서버는 아직 확인받지 못한 가장 오래된 세그먼트를 다시 보냅니다: 늦는 데이터가 아직 확인되지 않았다면 그 데이터를, 확인됐다면 FIN을. TIME-WAIT 중인 클라이언트가 ACK을 다시 보냅니다.',
    en: "If the client's last ACK is lost, the server resends its oldest unacknowledged segment: the late data if that is still unacknowledged, otherwise its FIN. The client, still in TIME-WAIT, ACKs again.",
  },
  default: false,
});
export const NO_TIME_WAIT = param({
  name: 'no-time-wait',
  kind: 'bool',
  label: { ko: 'TIME-WAIT 없이', en: 'Without TIME-WAIT' },
  help: { ko: 'TIME-WAIT를 건너뛰고 같은 포트로 곧바로 다시 연결하면 무엇이 잘못되는지 봅니다.', en: 'Skip TIME-WAIT and reconnect at once from the same port, to see what goes wrong.' },
  default: false,
});

/** Long enough for the server to resend first, so the original becomes an old duplicate. */
const STALE_DELAY = 1200;

const PARAMS = [DELAY, MSL, DROP_LAST_ACK, NO_TIME_WAIT, SEED_PARAM] as const;

function run(p: ParamsOf<typeof PARAMS>, seed: number): Timeline {
  const noTimeWait = p['no-time-wait'];
  const notices: Text[] = [];
  let delay = p.delay;
  if (noTimeWait && delay <= INITIAL_RTO) {
    notices.push({
      ko: `TIME-WAIT 없이 생기는 문제를 보려면 늦는 세그먼트가 RTO보다 오래 떠돌아야 하므로, 지연을 ${delay} ms에서 ${STALE_DELAY} ms로 늘렸습니다.`,
      en: `To show what goes wrong without TIME-WAIT, the late segment must outlive the RTO, so its delay was raised from ${delay} ms to ${STALE_DELAY} ms.`,
    });
    delay = STALE_DELAY;
  }
  const plan = makePlan({ delay, msl: p.msl * 1000, dropLastAck: p['drop-last-ack'], noTimeWait }, seed);
  const result = runWorld(plan.config);
  const { steps, spans, view } = tcpStory(result, {
    x: { client: 20, server: 80 },
    ports: plan.ports,
    ips: IPS,
    labelOf: (w) => (isLateOriginal(w, plan.lateSeq) ? `${segmentLabel(w.seg)} (late)` : undefined),
    keyOf: (ctx) => keyOf(plan, ctx),
    extra: (ctx) => extraText(plan, ctx),
  });
  return {
    topic: 'time-wait', scenario: noTimeWait ? 'no-time-wait' : 'late-fin', params: { ...p }, seed, view, steps, spans, ...(notices.length ? { notices } : {}) };
}

export const scenario = defineScenario({ diagram: 'sequence', params: PARAMS, simulate: run });

export const params = scenario.params;
export const simulate = scenario.simulate;
export default scenario;
