'use client';

import { createContext, useContext, useEffect, useRef } from 'react';
import { useReducedMotion } from 'framer-motion';

const EASE = { duration: 0.45, ease: [0.3, 0.7, 0.2, 1] as const };
const NONE = { duration: 0 };

/**
 * True inside a drawing whose render moves things for a reason other than the story (see
 * `useSettling`): what moves then goes straight to its place, as if it had always been there.
 */
const Instant = createContext(false);
export const InstantMotion = Instant.Provider;

/**
 * The transition every diagram piece uses: none at all when the user prefers reduced motion,
 * or when the render is `instant` (or inside an instant drawing).
 */
export function useTransition(instant = false) {
  const inside = useContext(Instant);
  return useReducedMotion() || instant || inside ? NONE : EASE;
}

/** True in a render where `value` differs from the value of the last committed render. */
export function useChanged<T>(value: T): boolean {
  const committed = useRef(value);
  useEffect(() => {
    committed.current = value;
  }, [value]);
  return committed.current !== value;
}

/**
 * True in a render where a drawing moves because it was just drawn, its text was measured or
 * its box changed size (not because the story moved on): pass it to `useTransition` and
 * `InstantMotion`, and mount pieces in place.
 */
export function useSettling(measure: unknown, box?: { width: number; height: number; full: boolean }): boolean {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  const measured = useChanged(measure);
  const resized = useChanged(box ? `${box.width}|${box.height}|${box.full}` : '');
  // The first render too: the page opens on a frame at rest, the one its static HTML shows.
  return !mounted.current || measured || resized;
}

/** Whether the drawing around is settling (see `useSettling`): pieces then mount in place (`initial={false}`). */
export function useInstant(): boolean {
  return useContext(Instant);
}
