import type { ReactNode } from 'react';
import type { Lang } from '@/simulations/core/text';
import { ui } from '../i18n';

/** The sheet's "예비 답안 보기" reveal. */
export function Answer({ lang, children }: { lang: Lang; children: ReactNode }) {
  return (
    <details className="answer">
      <summary>{ui(lang).answer}</summary>
      <div className="answer-body">{children}</div>
    </details>
  );
}

/** A correction of the study sheet, or another note set apart from the text. */
export function Callout({ lang, kind = 'sheet', title, children }: { lang: Lang; kind?: 'sheet' | 'note'; title?: string; children: ReactNode }) {
  return (
    <div role="note" className={`callout callout-${kind}`}>
      <p className="callout-title">{title ?? (kind === 'sheet' ? ui(lang).misconception : lang === 'ko' ? '참고' : 'Note')}</p>
      {children}
    </div>
  );
}
