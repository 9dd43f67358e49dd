'use client';

import { useEffect, useRef, type RefObject } from 'react';

/** A horizontal move longer than this (CSS px) is a swipe. */
export const SWIPE_PX = 40;

/**
 * Swipe left / right on an element: left asks for the next step, right for the previous one.
 * Touch Events, listened to passively: the browser keeps scrolling the page vertically and
 * panning a drawing wider than its box sideways. A move counts as a swipe only when it is
 * mostly horizontal (|dx| > 1.5 |dy|), longer than SWIPE_PX, and nothing inside panned during
 * it (a diagram still panning is not a step; once it reaches its edge, the swipe steps).
 * Pointer Events would need `touch-action: pan-y` to see the end of a horizontal move,
 * which would stop a wide diagram from panning under the finger.
 */
export function useSwipe(ref: RefObject<HTMLElement | null>, onSwipe: (dir: 'next' | 'prev') => void) {
  const cb = useRef(onSwipe);
  cb.current = onSwipe;
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let start: { x: number; y: number; id: number; scroll: number[] } | null = null;
    const scrollers = () => Array.from(el.querySelectorAll<HTMLElement>('div')).filter((n) => n.scrollWidth > n.clientWidth);
    const offsets = () => [el.scrollLeft, ...scrollers().map((n) => n.scrollLeft)];
    const onStart = (e: TouchEvent) => {
      if (e.touches.length !== 1) {
        start = null;
        return;
      }
      const t = e.touches[0];
      start = { x: t.clientX, y: t.clientY, id: t.identifier, scroll: offsets() };
    };
    const onEnd = (e: TouchEvent) => {
      const s = start;
      start = null;
      if (!s) return;
      const t = Array.from(e.changedTouches).find((c) => c.identifier === s.id);
      if (!t) return;
      const dx = t.clientX - s.x;
      const dy = t.clientY - s.y;
      if (Math.abs(dx) <= SWIPE_PX || Math.abs(dx) <= 1.5 * Math.abs(dy)) return;
      const now = offsets();
      if (now.length !== s.scroll.length || now.some((v, i) => Math.abs(v - s.scroll[i]) > 1)) return;
      cb.current(dx < 0 ? 'next' : 'prev');
    };
    const onCancel = () => {
      start = null;
    };
    el.addEventListener('touchstart', onStart, { passive: true });
    el.addEventListener('touchend', onEnd, { passive: true });
    el.addEventListener('touchcancel', onCancel, { passive: true });
    return () => {
      el.removeEventListener('touchstart', onStart);
      el.removeEventListener('touchend', onEnd);
      el.removeEventListener('touchcancel', onCancel);
    };
  }, [ref]);
}
