/**
 * tcp-flow-error-control: error control (stop-and-wait, Go-Back-N, Selective
 * Repeat, TCP's SACK + fast retransmit) and flow control (rwnd, zero window,
 * persist timer, window probe), each played out by the state machines in
 * simulations/arq.
 */
import { SEED_PARAM, normalize, type ParamSpec, type ParamValues } from '../../core/params';
import type { Scenario, Timeline } from '../../core/timeline';
import type { ArqProtocol } from '../../arq';
import { simulateError } from './error';
import { simulateFlow } from './flow';

export const params: readonly ParamSpec[] = [
  {
    name: 'protocol',
    kind: 'enum',
    label: { ko: '프로토콜', en: 'Protocol' },
    help: {
      ko: '오류 제어 장면에서 쓸 재전송 방식. 흐름 제어 장면은 언제나 TCP입니다.',
      en: 'The retransmission scheme for the error-control scene. The flow-control scene is always TCP.',
    },
    default: 'go-back-n',
    options: [
      { value: 'stop-and-wait', label: { ko: '정지-대기 (Stop-and-Wait)', en: 'Stop-and-Wait' } },
      { value: 'go-back-n', label: { ko: 'Go-Back-N', en: 'Go-Back-N' } },
      { value: 'selective-repeat', label: { ko: '선택적 반복 (Selective Repeat)', en: 'Selective Repeat' } },
      { value: 'tcp', label: { ko: 'TCP (누적 ACK + SACK + 빠른 재전송)', en: 'TCP (cumulative ACK + SACK + fast retransmit)' } },
    ],
  },
  {
    name: 'view',
    kind: 'enum',
    label: { ko: '장면', en: 'Scene' },
    help: {
      ko: 'error: 손실과 재전송. flow: 수신 버퍼와 rwnd, 0 윈도, 윈도 프로브.',
      en: 'error: losses and retransmissions. flow: the receive buffer and rwnd, a zero window, the window probe.',
    },
    default: 'error',
    options: [
      { value: 'error', label: { ko: '오류 제어 (재전송)', en: 'Error control (retransmission)' } },
      { value: 'flow', label: { ko: '흐름 제어 (rwnd)', en: 'Flow control (rwnd)' } },
    ],
  },
  {
    name: 'window',
    kind: 'int',
    label: { ko: '윈도 크기 (패킷)', en: 'Window (packets)' },
    help: {
      ko: '오류 제어: 확인 없이 보낼 수 있는 패킷 수. 흐름 제어: 수신 버퍼 크기(세그먼트).',
      en: 'Error control: packets the sender may have unacknowledged. Flow control: the receive buffer, in segments.',
    },
    default: 4,
    min: 1,
    max: 16,
  },
  {
    name: 'loss',
    kind: 'int',
    label: { ko: '무작위 손실률 (%)', en: 'Random loss (%)' },
    help: {
      ko: '각 전송(데이터와 ACK)이 손실될 확률. 흐름 제어 장면에서는 ACK만 손실됩니다.',
      en: 'Chance that any one transmission (data or ACK) is lost. In the flow-control scene only ACKs are lost.',
    },
    default: 0,
    min: 0,
    max: 50,
    unit: '%',
  },
  {
    name: 'lose',
    kind: 'int-list',
    label: { ko: '첫 전송을 잃을 패킷 번호', en: 'Packets whose first copy is lost' },
    help: { ko: '예: 2,5. 오류 제어 장면에서만 쓰입니다.', en: 'For example 2,5. Used by the error-control scene only.' },
    default: [2],
    min: 0,
    max: 39,
    maxItems: 10,
  },
  {
    name: 'timeout',
    kind: 'int',
    label: { ko: '타임아웃 (ms)', en: 'Timeout (ms)' },
    help: {
      ko: '재전송 타이머(TCP는 초기 RTO). 흐름 제어에서는 지속 타이머의 첫 간격이기도 합니다. 왕복 시간은 약 110 ms입니다.',
      en: 'The retransmission timer (TCP: the initial RTO); in flow control also the first persist interval. The round trip is about 110 ms.',
    },
    default: 300,
    min: 100,
    max: 2000,
    unit: 'ms',
  },
  {
    name: 'packets',
    kind: 'int',
    label: { ko: '보낼 패킷 수', en: 'Packets to send' },
    default: 8,
    min: 1,
    max: 40,
  },
  {
    name: 'seqbits',
    kind: 'int',
    label: { ko: '순서 번호 비트 수', en: 'Sequence number bits' },
    help: {
      ko: '순서 번호 공간 = 2^비트 (4–64개). 선택적 반복과 TCP의 윈도는 그 절반, Go-Back-N은 공간 − 1을 넘을 수 없습니다.',
      en: 'Sequence space = 2^bits (4–64 numbers). Selective Repeat and TCP need window ≤ half of it, Go-Back-N ≤ space − 1.',
    },
    default: 5,
    min: 2,
    max: 6,
  },
  SEED_PARAM,
];

export function simulate(input: ParamValues, seed: number): Timeline {
  const p = normalize(params, { ...input, seed });
  const base = { topic: 'tcp-flow-error-control', params: p, seed };
  const s = p.seed as number;
  if (p.view === 'flow') {
    return simulateFlow({ window: p.window as number, loss: p.loss as number, timeout: p.timeout as number, packets: p.packets as number, seed: s }, base);
  }
  return simulateError(
    {
      protocol: p.protocol as ArqProtocol,
      window: p.window as number,
      loss: p.loss as number,
      lose: p.lose as number[],
      timeout: p.timeout as number,
      packets: p.packets as number,
      seqbits: p.seqbits as number,
      seed: s,
    },
    base,
  );
}

export const scenario: Scenario = { diagram: 'sequence', params, simulate };
export default scenario;
