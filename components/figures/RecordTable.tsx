import type { RecordTableEntity } from '@/simulations/figures/dns-tree';
import type { PanelProps } from './types';

/** The record types (A, AAAA, CNAME, NS, MX, TXT, SOA), those of the typed name's zone emphasised, as a real table. */
export default function RecordTable({ entities, lang }: PanelProps) {
  const e = entities[0] as RecordTableEntity;
  const ko = lang === 'ko';
  const head = ko ? ['유형', '값', '뜻', e.zone ? `${e.zone} 존의 예` : '예'] : ['Type', 'Code', 'Meaning', e.zone ? `Example in zone ${e.zone}` : 'Example'];
  return (
    <div className={`panel counters record-table${e.lit ? ' record-table-lit' : ''}`} data-zone={e.zone}>
      <table>
        <caption>
          {e.title[lang]}
          {e.zone ? ` — ${ko ? `${e.zone} 존` : `zone ${e.zone}`}` : ''}
        </caption>
        <thead>
          <tr>
            {head.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {e.rows.map((r) => (
            <tr
              key={r.type}
              className={`rr rr-${r.type}${r.inZone ? ' rr-in-zone' : ''}${r.atName ? ' rr-at-name' : ''}`}
              style={r.inZone ? { background: `color-mix(in srgb, var(--accent) ${e.lit ? (r.atName ? 26 : 12) : 7}%, transparent)` } : undefined}
            >
              <th scope="row" style={{ fontFamily: 'var(--mono)' }}>
                {r.type}
                {r.atName && <span aria-label={ko ? '이 이름의 레코드' : 'at this name'}> ◀</span>}
              </th>
              <td>{r.code}</td>
              <td style={{ fontFamily: 'var(--font)' }}>{r.meaning[lang]}</td>
              <td style={{ overflowWrap: 'anywhere', fontSize: '0.92em' }}>{r.example || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
