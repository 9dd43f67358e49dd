'use client';

import { memo, useId, useRef, useState } from 'react';
import { defaults, formatValue, parseValue, type ParamSpec, type ParamValues } from '@/simulations/core/params';
import type { Lang } from '@/simulations/core/text';
import type { Ui } from '../i18n';

/**
 * Controls generated from the scenario's param specs: the same specs the URL codec reads.
 * Memoised: a step does not re-render the settings (the player passes a stable onChange).
 */
export const ParamPanel = memo(function ParamPanel({ t, specs, values, lang, onChange }: { t: Ui; specs: readonly ParamSpec[]; values: ParamValues; lang: Lang; onChange(v: ParamValues): void }) {
  const set = (name: string, v: ParamValues[string]) => onChange({ ...values, [name]: v });
  return (
    <form className="params" aria-label={t.params} onSubmit={(e) => e.preventDefault()}>
      <h2 className="panel-title">{t.params}</h2>
      {specs.map((s) => (
        <Field key={s.name} spec={s} value={values[s.name]} lang={lang} onSet={(v) => set(s.name, v)} />
      ))}
      <button type="button" className="linkish" onClick={() => onChange(defaults(specs))}>
        {t.reset}
      </button>
    </form>
  );
});

function Field({ spec, value, lang, onSet }: { spec: ParamSpec; value: ParamValues[string]; lang: Lang; onSet(v: ParamValues[string]): void }) {
  const id = useId();
  const help = spec.help ? <small id={`${id}-h`}>{spec.help[lang]}</small> : null;
  const described = spec.help ? `${id}-h` : undefined;
  switch (spec.kind) {
    case 'bool':
      return (
        <div className="field field-bool">
          <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => onSet(e.target.checked)} aria-describedby={described} />
          <label htmlFor={id}>{spec.label[lang]}</label>
          {help}
        </div>
      );
    case 'enum':
      return (
        <div className="field">
          <label htmlFor={id}>{spec.label[lang]}</label>
          <select id={id} value={String(value)} onChange={(e) => onSet(e.target.value)} aria-describedby={described}>
            {spec.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[lang]}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    default:
      return <TextField spec={spec} value={value} lang={lang} onSet={onSet} id={id} help={help} described={described} />;
  }
}

/**
 * Free-typed values are parsed with the same codec as the URL, on commit (blur or Enter).
 * Enter applies and keeps the caret in the field (to correct what was typed): a text field
 * keeps Home, End and the arrows for editing. Escape leaves the field, dropping what was not
 * applied, and gives those keys back to the player; Tab applies and leaves.
 */
function TextField({ spec, value, lang, onSet, id, help, described }: { spec: ParamSpec; value: ParamValues[string]; lang: Lang; onSet(v: ParamValues[string]): void; id: string; help: React.ReactNode; described?: string }) {
  const shown = formatValue(spec, value);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancelled = useRef(false);
  const commit = () => {
    if (cancelled.current) {
      cancelled.current = false;
      setDraft(null);
      return;
    }
    if (draft === null) return;
    const r = parseValue(spec, draft);
    setError(r.issue ? r.issue.reason[lang] : null);
    setDraft(null);
    onSet(r.value);
  };
  const isNum = spec.kind === 'int';
  return (
    <div className="field">
      <label htmlFor={id}>{spec.label[lang]}</label>
      <input
        id={id}
        type={isNum ? 'number' : 'text'}
        inputMode={isNum ? 'numeric' : undefined}
        min={isNum ? spec.min : undefined}
        max={isNum ? spec.max : undefined}
        value={draft ?? shown}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            cancelled.current = true;
            e.currentTarget.blur();
          }
        }}
        aria-describedby={[described, error ? `${id}-e` : ''].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      />
      {help}
      {error && (
        <small id={`${id}-e`} className="field-error" role="status">
          {error}
        </small>
      )}
    </div>
  );
}
