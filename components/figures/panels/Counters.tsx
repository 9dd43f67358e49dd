import type { CountersEntity } from '@/simulations/core/timeline';
import type { PanelProps } from '../types';

/**
 * A value with a long unbroken run (a host name, a hash) may wrap anywhere in a narrow column;
 * a short one ("172769 s") stays on one line.
 */
const fit = (v: unknown) => {
  const s = String(v);
  return /\S{14,}/.test(s) ? 'long' : s.length <= 10 ? 'short' : undefined;
};

/**
 * A long value in pieces, each a place it may wrap before falling back to anywhere: after a dot,
 * slash or hyphen, before a colon ("198.51.100." / "20:80", not "198.51.1" / "00.20:80").
 */
export const pieces = (s: string): string[] => s.split(/(?<=[./-])|(?=:)/);

const Value = ({ v }: { v: unknown }) => {
  const s = String(v);
  return fit(s) === 'long' ? pieces(s).flatMap((p, i) => (i ? [<wbr key={i} />, p] : [p])) : s;
};

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
              <th scope="row" className={fit(r.label[lang])}>
                <Value v={r.label[lang]} />
              </th>
              {r.values.map((v, j) => (
                <td key={j} className={fit(v)}>
                  <Value v={v} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
