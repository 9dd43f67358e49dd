'use client';

import type { ReactNode } from 'react';
import { requestStep } from '../player/bus';

/** "See step 3" in the text: moves the player to a step, by its stable key or its number. */
export function StepLink({ to, n, children }: { to?: string; n?: number; children: ReactNode }) {
  return (
    <button type="button" className="step-link" data-step-key={to} onClick={() => requestStep({ key: to, n })}>
      <span aria-hidden="true">▶ </span>
      {children}
    </button>
  );
}
