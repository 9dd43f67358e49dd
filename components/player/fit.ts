'use client';

import { useEffect, useLayoutEffect, type RefObject } from 'react';

/**
 * Full screen: the panels beside the diagram (windows, counters, charts) are scaled down
 * together, with CSS zoom at their natural layout width, until they fit the height the screen leaves them, so none is cut
 * off or hidden in a scroll box at 1366×768. Runs after every render (a step may add a
 * panel) and on resize; outside full screen the panels keep their own size.
 */
export function useFitHeight(root: RefObject<HTMLElement | null>, selector: string, active: boolean) {
  useLayoutEffect(() => {
    const el = root.current?.querySelector<HTMLElement>(selector);
    if (!el) return;
    const fit = () => {
      el.style.zoom = '';
      el.style.width = '';
      if (!active) return;
      const avail = el.clientHeight;
      const need = el.scrollHeight;
      if (avail <= 0 || need <= avail + 1) return;
      // Drawings scale with their width: keep the width they were laid out at (in the zoomed
      // element's own px), so zooming shrinks them and the type together.
      el.style.width = `${el.clientWidth}px`;
      el.style.zoom = String(Math.max(0.35, Math.floor((avail / need) * 100) / 100));
    };
    fit();
    if (!active) return;
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  });
}

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * A drawing wider than its box pans in its own scroll box (a phone, a big zoom). A keyboard
 * user must be able to reach such a box (WCAG 2.1.1; axe's scrollable-region-focusable):
 * when it holds nothing focusable, it becomes a Tab stop, named for what it is.
 */
export function useFocusableScrollers(root: RefObject<HTMLElement | null>, selector: string, label: string) {
  useEffect(() => {
    const scope = root.current;
    if (!scope) return;
    const check = () => {
      for (const el of scope.querySelectorAll<HTMLElement>(selector)) {
        const cs = getComputedStyle(el);
        const scrolls =
          (/(auto|scroll)/.test(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) || (/(auto|scroll)/.test(cs.overflowY) && el.scrollHeight > el.clientHeight + 1);
        const mine = el.dataset.ptPan === 'true';
        if (scrolls && !mine && !el.hasAttribute('tabindex') && !el.querySelector(TABBABLE)) {
          el.tabIndex = 0;
          el.dataset.ptPan = 'true';
          if (!el.getAttribute('role') && el.tagName !== 'FIGURE') el.setAttribute('role', 'group');
          if (!el.hasAttribute('aria-label') && !el.hasAttribute('aria-labelledby')) el.setAttribute('aria-label', label);
        } else if (!scrolls && mine) {
          el.removeAttribute('tabindex');
          delete el.dataset.ptPan;
        }
      }
    };
    check();
    const ro = new ResizeObserver(check);
    ro.observe(scope);
    return () => ro.disconnect();
  });
}
