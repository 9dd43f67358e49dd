/** The side panels: the HPACK tables after n request blocks, and when each response was complete. */
import { t } from '../../core/text';
import type { CountersEntity } from '../../figures/panels';
import type { HpackEntity, HpackFieldKind } from '../../figures/hpack';
import type { HpackBlock } from './h2';
import type { Resource } from './site';

/** The HPACK panel once `n` request blocks have been sent (0: the empty dynamic table). */
export function hpackPanel(blocks: readonly HpackBlock[], sent: number, limit: number): HpackEntity {
  // Never past the last block: a count that ran ahead must not empty the panel.
  const n = Math.min(sent, blocks.length);
  const b = n > 0 ? blocks[n - 1] : undefined;
  const added = b ? b.fields.filter((f) => f.kind === 'incremental').length : 0;
  const used = new Set<number>();
  for (const x of blocks.slice(0, n)) x.staticUsed.forEach((i) => used.add(i));
  const e: HpackEntity = {
    kind: 'hpack', id: 'hpack',
    title: t('HPACK: 요청 헤더 압축 (브라우저 → 서버)', 'HPACK: request header compression (browser → server)'),
    limit,
    staticUsed: [...used].sort((x, y) => x - y),
    staticNow: b ? b.staticUsed : [],
    dynamic: (b?.table ?? []).map((x, i) => ({ ...x, fresh: i < added })),
    size: b?.tableSize ?? 0,
    max: b?.tableMax ?? 4096,
    evicted: b?.evicted ?? [],
    blocks: blocks.slice(0, n).map((x) => ({ stream: x.streamId, path: x.path, bytes: x.bytes, plain: x.plain })),
    fields: (b?.fields ?? []).map((f) => ({ ...f, kind: f.kind as HpackFieldKind })),
  };
  if (b) e.current = n - 1;
  if (b?.sizeUpdate !== undefined) e.sizeUpdate = b.sizeUpdate;
  return e;
}

/** When each resource was complete in the browser, per protocol ('—' until then). */
export function doneTable(resources: readonly Resource[], done: { h2: (number | undefined)[]; h1?: (number | undefined)[] }): CountersEntity {
  const cell = (x: number | undefined) => (x === undefined ? '—' : `${x} ms`);
  return {
    kind: 'counters', id: 'done',
    title: t('응답이 앱에 도착한 시각', 'When each response reached the app'),
    columns: done.h1 ? [t('HTTP/2', 'HTTP/2'), t('HTTP/1.1', 'HTTP/1.1')] : [t('HTTP/2', 'HTTP/2')],
    rows: resources.map((r, i) => ({
      label: t(r.path, r.path),
      values: done.h1 ? [cell(done.h2[i]), cell(done.h1[i])] : [cell(done.h2[i])],
    })),
  };
}
