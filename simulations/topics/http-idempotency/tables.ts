/** The panels: the method properties of RFC 9110 §9.2, the server's state, each try's fate. */
import type { Text } from '../../core/text';
import type { CountersEntity } from '../../figures/panels';
import type { Method, ResourceState } from './resource';

const tx = (ko: string, en: string): Text => ({ ko, en });

/** RFC 9110 §9.2.1 (safe), §9.2.2 (idempotent), §9.2.3 (cacheable); PATCH from RFC 5789 §2. */
export const PROPERTIES: Record<Method | 'TRACE', { safe: boolean; idempotent: boolean; cacheable: 'yes' | 'rarely' | 'no' }> = {
  GET: { safe: true, idempotent: true, cacheable: 'yes' },
  HEAD: { safe: true, idempotent: true, cacheable: 'yes' },
  OPTIONS: { safe: true, idempotent: true, cacheable: 'no' },
  TRACE: { safe: true, idempotent: true, cacheable: 'no' },
  PUT: { safe: false, idempotent: true, cacheable: 'no' },
  DELETE: { safe: false, idempotent: true, cacheable: 'no' },
  POST: { safe: false, idempotent: false, cacheable: 'rarely' },
  PATCH: { safe: false, idempotent: false, cacheable: 'rarely' },
};

export function methodTable(method: Method): CountersEntity {
  const mark = (b: boolean) => (b ? '✓' : '✗');
  return {
    kind: 'counters', id: 'methods', title: tx('메서드의 성질 (RFC 9110 §9.2)', 'Method properties (RFC 9110 §9.2)'),
    columns: [tx('안전', 'safe'), tx('멱등', 'idempotent'), tx('캐시 가능', 'cacheable')],
    rows: (Object.keys(PROPERTIES) as (Method | 'TRACE')[]).map((m) => ({
      label: tx(m === method ? `▶ ${m}` : m, m === method ? `▶ ${m}` : m),
      values: [mark(PROPERTIES[m].safe), mark(PROPERTIES[m].idempotent), PROPERTIES[m].cacheable === 'yes' ? '✓' : PROPERTIES[m].cacheable === 'rarely' ? '△' : '✗'],
    })),
  };
}

const orders = (s: ResourceState) => s.orders.map((o) => `#${o.id} ${o.item}×${o.qty}`).join(', ') || '—';

/** The resource state now, beside the state one single request would have left. */
export function stateTable(now: ResourceState, once: ResourceState): CountersEntity {
  return {
    kind: 'counters', id: 'state', title: tx('서버의 자원 상태', 'Server resource state'),
    columns: [tx('지금', 'now'), tx('요청 한 번 뒤라면', 'after one request')],
    rows: [
      { label: tx('/accounts/42 잔액', '/accounts/42 balance'), values: [String(now.account.balance), String(once.account.balance)] },
      { label: tx('/orders', '/orders'), values: [orders(now), orders(once)] },
      { label: tx('저장된 Idempotency-Key', 'Idempotency-Keys stored'), values: [String(Object.keys(now.keys).length), String(Object.keys(once.keys).length)] },
    ],
  };
}

export type TryFate = 'flight' | 'lost-request' | 'lost-response' | 'answered' | 'late' | 'waiting';

const FATES: Record<TryFate, Text> = {
  flight: tx('가는 중', 'in flight'),
  waiting: tx('응답 대기', 'awaiting response'),
  'lost-request': tx('요청 손실', 'request lost'),
  'lost-response': tx('응답 손실', 'response lost'),
  answered: tx('응답 받음', 'answered'),
  late: tx('늦게 옴 (버림)', 'late (dropped)'),
};

export function triesTable(tries: { attempt: number; status?: string; fate: TryFate; replayed: boolean }[]): CountersEntity {
  return {
    kind: 'counters', id: 'tries', title: tx('시도마다', 'Each try'),
    columns: [tx('서버의 응답', 'server response')],
    rows: tries.map((t) => ({
      label: tx(`${t.attempt}번째: ${FATES[t.fate].ko}`, `try ${t.attempt}: ${FATES[t.fate].en}`),
      values: [t.status ? `${t.status}${t.replayed ? ' (replay)' : ''}` : '—'],
    })),
  };
}
