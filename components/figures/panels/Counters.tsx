import type { CountersEntity } from '@/simulations/core/timeline';
import type { PanelProps } from '../types';

/** Counters the simulation computed, as a real table (readable by screen readers). */
export default function Counters({ entities, lang }: PanelProps) {
  const c = entities[0] as CountersEntity;
  return (
    <div className="panel counters">
      <table>
        <caption>{c.title[lang]}</caption>
        <thead>
          <tr>
            <td />
            {c.columns.map((col, i) =>
              col[lang] ? (
                <th key={i} scope="col">
                  {col[lang]}
                </th>
              ) : (
                <td key={i} />
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {c.rows.map((r, i) => (
            <tr key={i}>
              <th scope="row">{r.label[lang]}</th>
              {r.values.map((v, j) => (
                <td key={j}>{v}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
