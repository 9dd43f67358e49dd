/**
 * The error scene's settings: the engine config a page's params run (the window
 * clamped to what the sequence space allows, and why), and the chart of all four
 * protocols run on the same losses.
 */
import { round } from '../../core/round';
import { t, type Text } from '../../core/text';
import type { ChartEntity } from '../../core/timeline';
import { ARQ_PROTOCOLS, maxWindow, runArq, type ArqConfig, type ArqProtocol, type ArqResult } from '../../arq';
import { ro } from '../../arq/ko';

/**
 * Real TCP (RFC 7323 §2.3): a segment is "new" if it lies within 2^31 bytes of the
 * window's left edge, and the sender's and receiver's windows can be a whole window
 * apart, so 2 × window must stay below 2^31: the window stays within a quarter of
 * the 32-bit space. With 16 window bits that is a shift of at most 14, a window of
 * at most 2^30 bytes (1 GiB).
 */
export const TCP_WINDOW_LIMIT: Text = t(
  ' 실제 TCP는 32비트 공간에서 바이트에 번호를 매기는데, 세그먼트가 윈도 왼쪽 끝에서 2^31 바이트 안에 있어야 새 데이터로 보고 송신 윈도와 수신 윈도가 윈도 하나만큼 어긋날 수 있으므로 2 × 윈도 < 2^31, 곧 윈도는 번호 공간의 4분의 1 안에 있어야 합니다. 그래서 윈도 스케일 시프트는 14까지이고 최대 윈도는 2^30 바이트(1 GiB)입니다(RFC 7323 §2.3).',
  ' Real TCP numbers bytes in a 32-bit space: a segment counts as new only within 2^31 bytes of the window\'s left edge, and the two windows can be a whole window apart, so 2 × window < 2^31, keeping the window within a quarter of the space. That is why the window scale shift stops at 14 and the largest window is 2^30 bytes (1 GiB, RFC 7323 §2.3).',
);

export interface ErrorParams {
  protocol: ArqProtocol;
  window: number;
  /** Percent, 0..50. */
  loss: number;
  lose: number[];
  timeout: number;
  packets: number;
  seqbits: number;
  seed: number;
}

/** Protocol names as shown on the diagram (language-neutral) and in text. */
export const PROTO_NAME: Record<ArqProtocol, string> = {
  'stop-and-wait': 'Stop-and-Wait',
  'go-back-n': 'Go-Back-N',
  'selective-repeat': 'Selective Repeat',
  tcp: 'TCP (SACK)',
};
export const PROTO_TEXT: Record<ArqProtocol, Text> = {
  'stop-and-wait': t('정지-대기', 'Stop-and-Wait'),
  'go-back-n': t('Go-Back-N', 'Go-Back-N'),
  'selective-repeat': t('선택적 반복', 'Selective Repeat'),
  tcp: t('TCP (SACK)', 'TCP (SACK)'),
};

/** The engine config this scene runs, and what had to change to make it valid. */
export function errorConfig(p: ErrorParams): { config: Partial<ArqConfig>; notices: Text[] } {
  const seqSpace = 2 ** p.seqbits;
  const notices: Text[] = [];
  let window = p.window;
  if (p.protocol === 'stop-and-wait') {
    if (window !== 1) {
      notices.push(
        t(
          `정지-대기는 항상 패킷 하나를 보내고 그 ACK를 기다립니다: 윈도 설정(${window})은 쓰이지 않고 윈도 1로 동작합니다.`,
          `Stop-and-wait always sends one packet and waits for its ACK: the window setting (${window}) is not used; the window is 1.`,
        ),
      );
    }
    window = 1;
  } else {
    const max = maxWindow(p.protocol, seqSpace);
    if (window > max) {
      const S = seqSpace;
      const then = t(`그래서 요청한 윈도 ${window} 대신 ${ro(String(max))} 실행합니다.`, `So this runs with window ${max} instead of ${window}.`);
      if (p.protocol === 'go-back-n') {
        notices.push(
          t(
            `Go-Back-N의 윈도는 순서 번호 공간 − 1 이하여야 합니다(${S} − 1 = ${max}). 더 크면 윈도 하나 분량의 ACK가 모두 사라졌을 때, 수신자가 재전송된 옛 패킷을 같은 번호의 새 패킷으로 받아들일 수 있습니다. ${then.ko}`,
            `Go-Back-N needs window ≤ sequence space − 1 (${S} − 1 = ${max}). With a larger window, if the ACKs for a whole window were lost, the receiver could accept a retransmitted old packet as the new packet with the same number. ${then.en}`,
          ),
        );
      } else {
        const name = p.protocol === 'tcp' ? t('이 TCP 모델', 'This TCP model') : t('선택적 반복', 'Selective Repeat');
        // Real TCP numbers bytes in a 32-bit space and its limit is stricter (RFC 7323 §2.3).
        const tcpNote = p.protocol === 'tcp' ? TCP_WINDOW_LIMIT : t('', '');
        notices.push(
          t(
            `${name.ko}의 윈도는 순서 번호 공간의 절반 이하여야 합니다(${S} / 2 = ${max}). 더 크면 수신 윈도가 앞으로 밀려난 뒤 재전송된 옛 패킷의 번호가 새 수신 윈도 안의 번호와 겹쳐, 수신자가 옛 패킷을 새 데이터로 버퍼에 넣을 수 있습니다. ${then.ko}${tcpNote.ko}`,
            `${name.en} needs window ≤ half the sequence space (${S} / 2 = ${max}). With a larger window, once the receiver's window has moved on, a retransmitted old packet can carry the same number as a new one inside it, and the receiver would buffer the old packet as new data. ${then.en}${tcpNote.en}`,
          ),
        );
      }
      window = max;
    }
  }
  const lose = p.lose.filter((n) => n < p.packets);
  const gone = p.lose.filter((n) => n >= p.packets);
  if (gone.length > 0) {
    notices.push(
      t(
        `패킷은 0부터 ${p.packets - 1}까지뿐이므로 잃을 패킷 목록에서 ${gone.join(', ')} 번은 쓰지 않습니다.`,
        `Packets are numbered 0 to ${p.packets - 1}, so ${gone.join(', ')} in the loss list ${gone.length === 1 ? 'is' : 'are'} not used.`,
      ),
    );
  }
  return {
    config: { protocol: p.protocol, window, packets: p.packets, timeout: p.timeout, loss: p.loss / 100, lose, seed: p.seed, seqSpace },
    notices,
  };
}

/** Every protocol on the same config (window clamped to what each allows), for the chart; `have` is reused, not rerun. */
export function compareRuns(p: ErrorParams, have?: ArqResult): Record<ArqProtocol, ArqResult | null> {
  const out = {} as Record<ArqProtocol, ArqResult | null>;
  for (const q of ARQ_PROTOCOLS) {
    if (have && q === p.protocol) {
      out[q] = have;
      continue;
    }
    const r = runArq(errorConfig({ ...p, protocol: q }).config, { events: false });
    out[q] = r.ok ? r : null;
  }
  return out;
}

/** Percent with one decimal, from the engine's 0..1 utilisation. */
export const utilPercent = (u: number) => round(u * 100, 1);

export function chartOf(p: ErrorParams, all: Record<ArqProtocol, ArqResult | null>): ChartEntity {
  return {
    kind: 'chart',
    id: 'compare',
    title: t('같은 손실, 네 가지 프로토콜', 'Same losses, four protocols'),
    series: [
      { key: 'time', label: t('모두 확인될 때까지', 'Until all acknowledged'), unit: 'ms' },
      { key: 'retransmissions', label: t('재전송 횟수', 'Retransmissions'), unit: '' },
      { key: 'utilization', label: t('링크 이용률', 'Link utilisation'), unit: '%' },
    ],
    groups: ARQ_PROTOCOLS.map((q) => {
      const s = all[q]?.stats;
      return {
        key: q,
        label: PROTO_TEXT[q],
        values: { time: s?.finishTime ?? 0, retransmissions: s?.retransmissions ?? 0, utilization: s ? utilPercent(s.utilization) : 0 },
      };
    }),
    highlight: p.protocol,
  };
}
