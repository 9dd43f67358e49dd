'use client';

import type { ResourceNodeState, ResourceTreeEntity } from '@/simulations/figures/resources';
import type { PanelProps } from './types';

const STATE: Record<ResourceNodeState, { ko: string; en: string; color: string } | null> = {
  same: null,
  target: { ko: '대상', en: 'target', color: 'var(--accent)' },
  created: { ko: '생김', en: 'created', color: '#15803d' },
  changed: { ko: '바뀜', en: 'changed', color: '#b45309' },
  deleted: { ko: '지워짐', en: 'deleted', color: 'var(--lost)' },
};

const RULES: Record<string, { ko: string; en: string }> = {
  'trailing-slash': { ko: '끝에 / 없음', en: 'no trailing /' },
  hierarchy: { ko: '계층은 /로', en: 'hierarchy with /' },
  hyphens: { ko: '_ 대신 -', en: 'hyphens, not _' },
  lowercase: { ko: '소문자', en: 'lower case' },
  extension: { ko: '확장자 없음', en: 'no file extension' },
  plural: { ko: '컬렉션은 복수형', en: 'plural collections' },
  nouns: { ko: '동사 대신 명사', en: 'nouns, not verbs' },
};

/** The server's resources as an indented tree (a real list, read in order), then the path's convention checks. */
export default function ResourceTree({ entities, lang }: PanelProps) {
  const e = entities[0] as ResourceTreeEntity;
  const ko = lang === 'ko';
  return (
    <div className="panel counters resource-tree">
      <p style={{ fontWeight: 700, margin: '0 0 0.2em' }}>{e.title[lang]}</p>
      {e.last && (
        <p style={{ fontFamily: 'var(--mono)', fontSize: '0.8em', margin: '0 0 0.3em' }}>
          {e.last.method} {e.last.path} → <strong>{e.last.status}</strong>
        </p>
      )}
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, fontSize: '0.8em' }}>
        {e.nodes.map((n) => {
          const s = STATE[n.state];
          const seg = n.path.slice(n.path.lastIndexOf('/'));
          return (
            <li
              key={n.path}
              style={{
                paddingLeft: `${(n.depth - 1) * 1.1}em`,
                borderBottom: '1px solid var(--line)',
                display: 'flex',
                gap: '0.5em',
                alignItems: 'baseline',
                textDecoration: n.state === 'deleted' ? 'line-through' : undefined,
                color: n.state === 'deleted' ? 'var(--muted)' : undefined,
              }}
            >
              <span aria-hidden="true">{n.collection ? '▸' : '•'}</span>
              <span style={{ fontFamily: 'var(--mono)', fontWeight: s ? 700 : 400 }} title={n.path}>
                {n.depth === 1 ? n.path : seg}
              </span>
              <span className="rt-summary" style={{ color: 'var(--muted)' }}>
                {n.collection ? (ko ? `${n.summary}개` : `${n.summary} items`) : n.summary}
              </span>
              {n.etag && <span style={{ fontFamily: 'var(--mono)', color: 'var(--muted)', fontSize: '0.9em' }}>{n.etag}</span>}
              {s && <span style={{ color: s.color, fontWeight: 700 }}>{s[lang]}</span>}
            </li>
          );
        })}
      </ul>
      {e.check && (
        <div style={{ marginTop: '0.5em', fontSize: '0.8em' }}>
          <p style={{ margin: '0 0 0.2em' }}>
            <strong>{ko ? 'URI 관례 검사' : 'URI conventions'}</strong>{' '}
            <span style={{ fontFamily: 'var(--mono)' }}>{e.check.path}</span>{' '}
            <span style={{ color: 'var(--muted)' }}>{ko ? '(관례일 뿐, REST의 일부가 아닙니다)' : '(conventions, not part of REST)'}</span>
          </p>
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {e.check.items.map((c) => (
              <li key={c.rule} style={{ display: 'flex', gap: '0.4em' }}>
                <span aria-label={c.ok ? (ko ? '지킴' : 'kept') : ko ? '어김' : 'broken'} style={{ color: c.ok ? '#15803d' : 'var(--lost)', fontWeight: 700 }}>
                  {c.ok ? '✓' : '✗'}
                </span>
                <span>
                  {RULES[c.rule]?.[lang] ?? c.rule}
                  {c.message && <span style={{ color: 'var(--muted)' }}> — {c.message[lang]}</span>}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
