'use client';

import { useReducedMotion } from 'framer-motion';

const EASE = { duration: 0.45, ease: [0.3, 0.7, 0.2, 1] as const };
const NONE = { duration: 0 };

/** The transition every diagram piece uses; none at all when the user prefers reduced motion. */
export function useTransition() {
  return useReducedMotion() ? NONE : EASE;
}
