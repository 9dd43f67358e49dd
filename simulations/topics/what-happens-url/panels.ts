/**
 * The panels beside the sequence stage: the waterfall (one row per request, segments from
 * the traces' timings) and the phase table whose durations add up to the load time.
 */
import { round } from '../../core/round';
import type { Text } from '../../core/text';
import type { CountersEntity } from '../../figures/panels';
import type { WaterfallEntity, WaterfallRow, WaterfallSegment } from '../../figures/waterfall';
import type { Journey } from './journey';
import { HOST } from './page';
import type { PhaseKey, Timings } from './timing';

const tx = (ko: string, en: string): Text => ({ ko, en });

export const PHASE_LABELS: Readonly<Record<PhaseKey, Text>> = {
  url: tx('URL 해석 · HSTS', 'URL parsing · HSTS'),
  'local-caches': tx('브라우저 · OS 캐시, hosts', 'Browser · OS cache, hosts'),
  dns: tx('DNS 조회', 'DNS lookup'),
  redirect: tx('http:// → 301 리다이렉트', 'http:// → 301 redirect'),
  tcp: tx('TCP 3-way 핸드셰이크', 'TCP three-way handshake'),
  tls: tx('TLS 1.3 핸드셰이크', 'TLS 1.3 handshake'),
  ttfb: tx('요청 → 첫 바이트 (TTFB)', 'Request → first byte (TTFB)'),
  download: tx('HTML 내려받기', 'HTML download'),
  parse: tx('HTML 파싱 (모델 상수)', 'HTML parsing (modelled)'),
  subresources: tx('하위 리소스 가져오기', 'Fetching subresources'),
  render: tx('스크립트 · load까지', 'Scripts · until load'),
};

export const rowLabel = (path: string) => (path === 'http:/' ? `http://${HOST}/` : path === '/' ? `https://${HOST}/` : path);

/** One row per request, in the order the browser knew of them. */
export function waterfallRows(j: Journey, tm: Timings): WaterfallRow[] {
  const h2 = j.o.http === '2';
  return tm.requests.map((r, i) => {
    const c = tm.conns[r.conn];
    const seg: WaterfallSegment[] = [];
    const add = (kind: WaterfallSegment['kind'], start: number, end: number) => { if (end > start || kind === 'send' || kind === 'wait' || kind === 'download') seg.push({ kind, start, end }); };
    if (i === 0) {
      add('queue', 0, j.dns.start);
      add('dns', j.dns.start, j.dns.end);
      add('queue', j.dns.end, r.opened ? c.connectAt : r.sentAt);
    } else add('queue', r.queuedAt, r.opened ? c.connectAt : r.sentAt);
    if (r.opened) {
      add('connect', c.connectAt, c.establishedAt!);
      if (c.tls) add('tls', c.establishedAt!, c.tlsDoneAt!);
      // HTTP/2: the request waits for the server's SETTINGS, which follow its Finished.
      add('queue', c.tls ? c.tlsDoneAt! : c.establishedAt!, r.sentAt);
    }
    add('send', r.sentAt, r.sentAt);
    add('wait', r.sentAt, r.firstByteAt);
    add('download', r.firstByteAt, r.lastByteAt);
    return { id: `${r.conn}:${r.path}`, label: rowLabel(r.path), conn: r.conn + 1, protocol: c.tls && h2 ? 'h2' : 'http/1.1', segments: seg };
  });
}

export function waterfallEntity(j: Journey, tm: Timings, now: number): WaterfallEntity {
  return {
    kind: 'waterfall', id: 'waterfall', title: tx('워터폴 (네트워크 패널)', 'Waterfall (network panel)'),
    rows: waterfallRows(j, tm),
    marks: [
      { key: 'fcp', label: tx('FCP', 'FCP'), t: tm.milestones.fcp },
      { key: 'dcl', label: tx('DOMContentLoaded', 'DOMContentLoaded'), t: tm.milestones.dcl },
      { key: 'load', label: tx('load', 'load'), t: tm.milestones.load },
    ],
    now: round(now), end: tm.milestones.load,
  };
}

/** The phases on the critical path, each with its duration; the last row is their sum. */
export function phaseTable(tm: Timings, now: number): CountersEntity {
  const reached = tm.phases.filter((p) => p.start <= now);
  const total = tm.phases[tm.phases.length - 1].end;
  return {
    kind: 'counters', id: 'phases', title: tx('단계별 시간 (ms)', 'Time per phase (ms)'),
    columns: [tx('시작', 'start'), tx('걸린 시간', 'took')],
    rows: [
      ...reached.map((p) => ({ label: PHASE_LABELS[p.key], values: [String(p.start), p.end <= now ? String(p.end - p.start) : '…'] })),
      ...(now >= total ? [{ label: tx('합계 = load 시각', 'Total = load time'), values: ['0', String(total)] }] : []),
    ],
  };
}
