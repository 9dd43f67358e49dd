/**
 * The params the ARQ and flow-control scenarios expose, declared once. The page's
 * controls and URL codec read them, and the engines take the limits they share with
 * the page (window, packets, loss list, seed) from them instead of restating them.
 */
import { LOSS_PERCENT } from '../core/common-params';
import { SEED_PARAM, type IntListParam, type IntParam } from '../core/params';
import { param } from '../core/scenario';
import { ARQ_PROTOCOLS } from './types';

export { SEED_PARAM };

export const PROTOCOL_PARAM = param({
  name: 'protocol',
  kind: 'enum',
  label: { ko: '프로토콜', en: 'Protocol' },
  help: { ko: '재전송 방식.', en: 'The retransmission scheme.' },
  default: 'go-back-n',
  options: ARQ_PROTOCOLS.map((value) => ({
    value,
    label: {
      'stop-and-wait': { ko: '정지-대기 (Stop-and-Wait)', en: 'Stop-and-Wait' },
      'go-back-n': { ko: 'Go-Back-N', en: 'Go-Back-N' },
      'selective-repeat': { ko: '선택적 반복 (Selective Repeat)', en: 'Selective Repeat' },
      tcp: { ko: 'TCP (누적 ACK + SACK + 빠른 재전송)', en: 'TCP (cumulative ACK + SACK + fast retransmit)' },
    }[value],
  })),
});

export const WINDOW_PARAM = param({
  name: 'window',
  kind: 'int',
  label: { ko: '윈도 크기 (패킷)', en: 'Window (packets)' },
  help: { ko: '확인 없이 보낼 수 있는 패킷 수.', en: 'Packets the sender may have unacknowledged.' },
  default: 4,
  min: 1,
  max: 16,
});

export const BUFFER_PARAM = param({
  ...WINDOW_PARAM,
  label: { ko: '수신 버퍼 (세그먼트)', en: 'Receive buffer (segments)' },
  help: { ko: '수신 버퍼에 들어가는 세그먼트 수: 광고할 수 있는 가장 큰 rwnd.', en: 'Segments the receive buffer holds: the largest rwnd it can advertise.' },
});

export const LOSS_PARAM = param({
  ...LOSS_PERCENT,
  label: { ko: '무작위 손실률 (%)', en: 'Random loss (%)' },
  help: { ko: '각 전송(데이터와 ACK)이 손실될 확률.', en: 'Chance that any one transmission (data or ACK) is lost.' },
});

export const ACK_LOSS_PARAM = param({
  ...LOSS_PARAM,
  label: { ko: 'ACK 손실률 (%)', en: 'ACK loss (%)' },
  help: { ko: '각 ACK가 손실될 확률. 데이터 방향은 손실이 없습니다.', en: 'Chance that any one ACK is lost. The data direction is lossless.' },
});

export const PACKETS_PARAM = param({
  name: 'packets',
  kind: 'int',
  label: { ko: '보낼 패킷 수', en: 'Packets to send' },
  default: 8,
  min: 1,
  max: 40,
});

export const LOSE_PARAM = param({
  name: 'lose',
  kind: 'int-list',
  label: { ko: '첫 전송을 잃을 패킷 번호', en: 'Packets whose first copy is lost' },
  help: { ko: '예: 2,5.', en: 'For example 2,5.' },
  default: [2],
  min: 0,
  max: PACKETS_PARAM.max - 1,
  maxItems: 10,
});

export const TIMEOUT_PARAM = param({
  name: 'timeout',
  kind: 'int',
  label: { ko: '타임아웃 (ms)', en: 'Timeout (ms)' },
  help: {
    ko: '재전송 타이머(TCP는 초기 RTO). 왕복 시간은 약 110 ms입니다.',
    en: 'The retransmission timer (TCP: the initial RTO). The round trip is about 110 ms.',
  },
  default: 300,
  min: 100,
  max: 2000,
  unit: 'ms',
});

export const PERSIST_PARAM = param({
  ...TIMEOUT_PARAM,
  label: { ko: '지속 타이머 (ms)', en: 'Persist timer (ms)' },
  help: { ko: '지속 타이머의 첫 간격이자 재전송 타이머(RTO).', en: 'The first persist interval, also the retransmission timeout (RTO).' },
});

export const SEQBITS_PARAM = param({
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
});

/** Flow control: the sender may have more segments to send than the error scene's packets. */
export const FLOW_PACKETS_PARAM = param({ ...PACKETS_PARAM, label: { ko: '보낼 세그먼트 수', en: 'Segments to send' } });

/** `{min, max}` of an int spec, for engine validation. */
export const limits = (p: IntParam | IntListParam) => ({ min: p.min, max: p.max }) as const;
