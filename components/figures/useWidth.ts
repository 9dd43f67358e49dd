'use client';

import { useEffect, useState, type RefObject } from 'react';

export interface BoxSize {
  width: number;
  height: number;
  /** Inside a player in full screen: the height is given by the screen, not by the drawing. */
  full: boolean;
}

/** The rendered size of an element, in CSS px (a default width until measured). */
export function useBox(ref: RefObject<Element | null>, initial: number): BoxSize {
  const [box, setBox] = useState<BoxSize>({ width: initial, height: 0, full: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const r = el.getBoundingClientRect();
      const full = !!el.closest('[data-fullscreen="true"]');
      const next = { width: Math.round(el.clientWidth || r.width), height: Math.floor(r.height), full };
      if (next.width > 0) setBox((b) => (b.width === next.width && b.full === next.full && (!full || b.height === next.height) ? b : next));
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    // Full screen toggles an attribute on the player: watch it as well as the size.
    const player = el.closest('[data-fullscreen]');
    const mo = player ? new MutationObserver(read) : null;
    mo?.observe(player!, { attributes: true, attributeFilter: ['data-fullscreen'] });
    return () => {
      ro.disconnect();
      mo?.disconnect();
    };
  }, [ref]);
  return box;
}
