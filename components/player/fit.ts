'use client';

import { useEffect, useLayoutEffect, useReducer, useRef, type RefObject } from 'react';
import type { Seen } from './fitFull';

type FullFit = typeof import('./fitFull');
let full: FullFit | undefined;
let loading: Promise<FullFit | undefined> | undefined;

/**
 * Loads full screen's fitting (fitFull.ts, its own chunk: a page that never goes full screen
 * does not load it). Going full screen loads it (the first frame there is fitted a moment
 * later); so does a pointer over the full-screen button, before the click.
 */
export function loadFullFit(): Promise<FullFit | undefined> {
  // A chunk that failed to load (the network dropped) is asked for again next time.
  loading ??= import('./fitFull').then(
    (m) => (full = m),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/** Renders again once full screen's fitting has loaded, when it is needed before then. */
function useWhenLoaded(): () => void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  return () => void loadFullFit().then((m) => m && bump());
}

/**
 * Full screen: the panels beside the diagram (windows, counters, charts, layer stacks) take the
 * height the screen leaves them, never with type under the floor (panelFloor). In order, until
 * they fit:
 * 1. as they are;
 * 2. scaled down together (CSS zoom at their natural layout width: drawings and type shrink
 *    alike), no further than the floor;
 * 3. the panels this step did not change fold to their titles, the tallest first (a folded
 *    panel's title is a button that opens it, folding others in its place);
 * 4. past that (what the step changed is taller than the column) the column keeps the floor's
 *    scale over its whole width and scrolls: it becomes a Tab stop named `label` (WCAG 2.1.1)
 *    and brings the first panel the step changed into view (one marking a current part,
 *    aria-current, before others: a lit layer).
 * So what the narration talks about is open, every panel is still named, and no one needs to
 * touch the column during a talk. What a step changed is what it changed on screen (a panel's
 * text, or the classes lighting its parts); a panel whose marked part (aria-current) went dark
 * counts as unchanged, and a step that changed nothing else keeps the column as it was. Before
 * any step in full screen, the panels marking a current part count as changed. Runs after every
 * render (a step may add a panel) and on resize; outside full screen the panels keep their own
 * size, open, and do not scroll.
 */
export function useFitHeight(root: RefObject<HTMLElement | null>, selector: string, active: boolean, label: string, openLabel: string) {
  // What the fitting remembers between renders (fitFull.ts makes it on first use).
  const seen = useRef<Seen | undefined>(undefined);
  const load = useWhenLoaded();
  useLayoutEffect(() => {
    if (full) return full.fitColumn(root.current, selector, active, label, openLabel, seen);
    // Nothing was fitted yet: outside full screen there is nothing to undo.
    if (active) load();
  });
}

/**
 * Full screen gives the narration a box under the diagram whose height holds for the whole run,
 * so the stage keeps its area at every step: as tall as the run's longest narration needs (a
 * hidden sizer holds it), between 8.6em and 30 % of the screen. A text longer than the box
 * still has its type shrunk until it fits, never under 24 px on a 1920-wide screen (17 px at
 * 1366, the same size on the wall); past that it scrolls inside the box, which then becomes a
 * Tab stop (WCAG 2.1.1). A layout whose stage does not share the narration's column (CSS
 * `--pt-narration-fit: step`: on a short screen, the DNS tree or a topology with one panel
 * beside it, or a sequence whose panels leave room under them for the narration, data-pt-beside)
 * lets the box follow each step's text instead, marked data-pt-fit="step".
 * `anchor` is any element inside the player; runs after every render (each step has its own
 * text) and on resize; outside full screen the narration keeps its own size and grows with
 * its text.
 */
export function useFitNarration(anchor: RefObject<HTMLElement | null>) {
  const load = useWhenLoaded();
  useLayoutEffect(() => {
    if (full) return full.fitNarration(anchor.current);
    if (anchor.current?.closest<HTMLElement>('section.player')?.dataset.fullscreen === 'true') load();
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
