'use client';

import { useEffect, useRef } from 'react';
import type { Ui } from '../i18n';

export default function HelpOverlay({ t, extra = [], onClose }: { t: Ui; extra?: [string, string][]; onClose(): void }) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="help-backdrop" onClick={onClose}>
      <div
        ref={ref}
        className="help"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // Keep focus inside the dialog.
          if (e.key === 'Tab') {
            e.preventDefault();
            closeRef.current?.focus();
          }
        }}
      >
        <h2 id="help-title">{t.help}</h2>
        <table>
          <tbody>
            {[...t.keys.slice(0, -2), ...extra, ...t.keys.slice(-2)].map(([k, what]) => (
              <tr key={k}>
                <th scope="row">
                  <kbd>{k}</kbd>
                </th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeRef} type="button" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
