import type { HpackEntity } from '@/simulations/figures/hpack';
import { HPACK_STATIC_TABLE } from '@/simulations/wire/hpack-static';
import type { PanelProps } from './types';

const KIND = {
  indexed: { ko: '인덱스', en: 'indexed' },
  incremental: { ko: '리터럴+색인', en: 'literal, indexed' },
  without: { ko: '리터럴', en: 'literal' },
  never: { ko: '색인 금지', en: 'never indexed' },
} as const;

/**
 * HPACK (RFC 7541) as it stands after a header block: the static table (used entries lit),
 * the dynamic table with each entry's size and what was evicted, and every block's size.
 */
export default function HpackTable({ entities, lang }: PanelProps) {
  const h = entities[0] as HpackEntity;
  const ko = lang === 'ko';
  const widest = Math.max(1, ...h.blocks.map((b) => b.plain));
  return (
    <figure className="panel hpack" data-hpack={h.id}>
      <figcaption>{h.title[lang]}</figcaption>
      <p style={{ margin: '0.2rem 0' }}>
        {ko ? '정적 표 (61개, 밝은 칸이 사용됨)' : 'Static table (61 entries, used ones lit)'}
      </p>
      <ol aria-label={ko ? '정적 표' : 'Static table'} style={{ display: 'grid', gridTemplateColumns: 'repeat(16, 1fr)', gap: 2, listStyle: 'none', padding: 0, margin: 0 }}>
        {HPACK_STATIC_TABLE.map(([name, value], i) => {
          const idx = i + 1;
          const now = h.staticNow.includes(idx);
          const used = h.staticUsed.includes(idx);
          return (
            <li key={idx} title={`${idx} ${name}${value ? `: ${value}` : ''}`} data-used={used || undefined} data-now={now || undefined}
              style={{ textAlign: 'center', borderRadius: 2, padding: '1px 0', background: now ? 'var(--accent, #2563eb)' : used ? 'color-mix(in srgb, var(--accent, #2563eb) 35%, transparent)' : 'color-mix(in srgb, currentColor 8%, transparent)', color: now ? 'white' : undefined }}>
              {idx}
            </li>
          );
        })}
      </ol>
      <p style={{ margin: '0.4rem 0 0.2rem' }}>
        {ko ? '동적 표' : 'Dynamic table'}: {h.size} / {h.max} B · SETTINGS_HEADER_TABLE_SIZE {h.limit}
        {h.sizeUpdate !== undefined && ` · ${ko ? '크기 갱신' : 'size update'} → ${h.sizeUpdate}`}
      </p>
      <table className="hpack-dynamic" style={{ width: '100%', borderCollapse: 'collapse' }}>
        <tbody>
          {h.dynamic.length === 0 && (
            <tr><td colSpan={3}>{ko ? '(비어 있음)' : '(empty)'}</td></tr>
          )}
          {h.dynamic.map((e, i) => (
            <tr key={`${e.name}:${e.value}`} data-fresh={e.fresh || undefined} style={{ fontWeight: e.fresh ? 600 : undefined }}>
              <td>{62 + i}</td>
              <td style={{ overflowWrap: 'anywhere' }}>{e.name}: {e.value}</td>
              <td style={{ textAlign: 'right' }}>{e.size}</td>
            </tr>
          ))}
          {h.evicted.map((e) => (
            <tr key={`ev-${e.name}:${e.value}`} className="evicted" style={{ textDecoration: 'line-through', opacity: 0.6 }}>
              <td>—</td>
              <td style={{ overflowWrap: 'anywhere' }}>{e.name}: {e.value}</td>
              <td style={{ textAlign: 'right' }}>{e.size}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {h.blocks.length > 0 && (
        <>
          <p style={{ margin: '0.4rem 0 0.2rem' }}>{ko ? '헤더 블록 크기 (HPACK / HTTP/1.1 텍스트)' : 'Header block size (HPACK / as HTTP/1.1 text)'}</p>
          <ul className="hpack-blocks" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {h.blocks.map((b, i) => (
              <li key={b.stream} data-current={i === h.current || undefined} style={{ display: 'grid', gridTemplateColumns: '8.75em 1fr 6.9em', gap: 4, alignItems: 'center', fontWeight: i === h.current ? 600 : undefined }}>
                <span>s{b.stream} {b.path}</span>
                <span aria-hidden="true" style={{ position: 'relative', height: 8, background: 'color-mix(in srgb, currentColor 10%, transparent)', width: `${(100 * b.plain) / widest}%` }}>
                  <span style={{ position: 'absolute', inset: 0, width: `${(100 * b.bytes) / b.plain}%`, background: 'var(--accent, #2563eb)' }} />
                </span>
                <span style={{ textAlign: 'right' }}>{b.bytes} / {b.plain} B</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {h.fields.length > 0 && (
        <details>
          <summary>{ko ? '이 블록의 표현' : "This block's representations"}</summary>
          <ul style={{ paddingLeft: '1rem', margin: 0 }}>
            {h.fields.map((f, i) => (
              <li key={i}>
                <code>{f.name}</code> — {KIND[f.kind][lang]}{f.index ? ` #${f.index}` : ''}{f.huffman ? ' · Huffman' : ''} · {f.bytes} B
              </li>
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}
