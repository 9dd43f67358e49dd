import type { CountersEntity } from '@/simulations/core/timeline';
import type { Lang } from '@/simulations/core/text';

/** Counters the simulation computed, as a real table (readable by screen readers). */
export default function Counters({ c, lang }: { c: CountersEntity; lang: Lang }) {
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
