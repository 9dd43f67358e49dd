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

/** Full screen: the narration's type is set between these (px), then its box scrolls. */
const NARRATION_FLOOR = 24;
const NARRATION_SHRINK = 0.68;

/**
 * Full screen gives the narration a box of fixed height under the diagram, so a long
 * narration never takes rows from the stage. Its type starts at the full-screen size and
 * shrinks (to at least 68 % of it, never under 24 px, the back row's minimum) until the text fits; a text longer
 * still scrolls inside the box, which then becomes a Tab stop (WCAG 2.1.1). `anchor` is any
 * element inside the player; runs after every render (each step has its own text) and on
 * resize; outside full screen the narration keeps its own size and grows with its text.
 */
export function useFitNarration(anchor: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const player = anchor.current?.closest<HTMLElement>('section.player');
    const box = player?.querySelector<HTMLElement>('.narration');
    const text = box?.querySelector<HTMLElement>('.narration-text');
    if (!player || !box || !text) return;
    const full = player.dataset.fullscreen === 'true';
    const fit = () => {
      text.style.fontSize = '';
      if (full) {
        const over = () => box.scrollHeight > box.clientHeight + 1;
        const max = parseFloat(getComputedStyle(text).fontSize);
        const min = Math.min(max, Math.max(NARRATION_FLOOR, max * NARRATION_SHRINK));
        if (over()) {
          // Binary search on whole pixels: the largest size that fits, else the floor.
          let lo = Math.floor(min);
          let hi = Math.floor(max);
          while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            text.style.fontSize = `${mid}px`;
            if (over()) hi = mid - 1;
            else lo = mid;
          }
          text.style.fontSize = `${Math.max(lo, Math.ceil(min))}px`;
        }
      }
      const scrolls = full && box.scrollHeight > box.clientHeight + 1;
      if (scrolls && !box.hasAttribute('tabindex')) {
        box.tabIndex = 0;
        box.dataset.ptPan = 'true';
      } else if (!scrolls && box.dataset.ptPan === 'true') {
        box.removeAttribute('tabindex');
        delete box.dataset.ptPan;
      }
    };
    fit();
    if (!full) return;
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
    // After every render (what is drawn may have grown), read in the next frame, when the page
    // is laid out anyway; and whenever the player's box changes size.
    const frame = requestAnimationFrame(check);
    let ro = observers.get(scope);
    if (!ro) {
      ro = new ResizeObserver(() => checks.get(scope)?.());
      ro.observe(scope);
      observers.set(scope, ro);
    }
    checks.set(scope, check);
    return () => cancelAnimationFrame(frame);
  });
  // One observer per player, for its lifetime.
  useEffect(() => {
    const scope = root.current;
    return () => {
      if (!scope) return;
      observers.get(scope)?.disconnect();
      observers.delete(scope);
      checks.delete(scope);
    };
  }, [root]);
}

const observers = new WeakMap<HTMLElement, ResizeObserver>();
const checks = new WeakMap<HTMLElement, () => void>();
