/**
 * Full screen's fitting, in its own chunk (only full screen uses it: fit.ts loads it when the
 * player goes full screen, or when the page is idle): the panels' column and the narration fitted
 * to the boxes full screen gives them.
 */

/**
 * Full screen: no text of the panels beside the diagram is drawn smaller than this, in CSS px
 * on a screen 1920 px wide (18 px: what the back row of a classroom reads off a projector). A
 * narrower screen (1366×768) throws the same picture on the wall, so the floor scales with its
 * width (12.8 px at 1366), never under 12 px; a wider one keeps 18 px.
 */
export const PANEL_FLOOR = 18;
/** A size set for a 1920-wide screen, on a narrower one that throws the same picture on the wall. */
const onWall = (px: number, screenWidth: number) => (px * Math.min(screenWidth, 1920)) / 1920;
export const panelFloor = (screenWidth: number) => Math.max(12, onWall(PANEL_FLOOR, screenWidth));

/**
 * The smallest text of the panels as drawn now (CSS px): each text's computed size, times the
 * scale of the SVG it is drawn in. Text not rendered (a closed <details>) does not count.
 */
function smallestText(box: HTMLElement): number {
  let min = Infinity;
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || seen.has(el) || !n.textContent?.trim()) continue;
    seen.add(el);
    if (el.closest('title, desc') || !el.checkVisibility()) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
    if (svg) {
      const vb = svg.viewBox.baseVal;
      const w = svg.getBoundingClientRect().width;
      if (vb && vb.width > 0 && w > 0) px *= w / vb.width;
    }
    if (px > 0) min = Math.min(min, px);
  }
  return min;
}

/** What a panel shows (its text and the classes that light its parts): a change means the step changed it. */
function signature(panel: Element): string {
  let s = panel.textContent ?? '';
  // Not the fold's own button (a fold is not a change of what the panel shows).
  for (const e of panel.querySelectorAll('[class]:not(.pt-unfold)')) s += `|${e.getAttribute('class')}`;
  return s;
}

/**
 * Where the column should scroll to show `panel` (null: it is in view already): its top edge
 * at the top of the view when it is taller than the view, else the earliest panel's top edge
 * that still shows it whole, so the view holds as much as it can above it and no panel comes in
 * cut at the top. Offsets are from the column (positioned in full screen), in its own px, as
 * its scrollTop is.
 */
function scrollFor(col: HTMLElement, panels: HTMLElement[], panel: HTMLElement): number | null {
  const top = panel.offsetTop;
  const bottom = top + panel.offsetHeight;
  const view = col.clientHeight;
  if (top >= col.scrollTop - 1 && bottom <= col.scrollTop + view + 1) return null;
  if (bottom - top > view) return top;
  const edges = panels.map((p) => p.offsetTop).filter((t) => t <= top && bottom - t <= view);
  return Math.min(top, ...edges);
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** A panel that can fold to its title: a captioned `.panel` (a figure, or a table with a caption). */
const foldable = (p: Element) =>
  p.matches('figure.panel') ? !!p.querySelector(':scope > figcaption') : p.matches('div.panel') && !!p.querySelector(':scope > table > caption');

const FOLD = 'ptFold';

/**
 * The panels a step changed that are still in the column, those marking a current part
 * (aria-current: a lit layer) first, each group in column order: the first is kept open.
 */
const litOf = (col: HTMLElement, lit: HTMLElement[]) => {
  const here = lit.filter((p) => p.parentElement === col);
  const marked = here.filter((p) => p.querySelector('[aria-current]'));
  return [...marked, ...here.filter((p) => !marked.includes(p))];
};

/** What a panel showed at a step, and whether a part of it was marked current (aria-current). */
export interface Mark {
  sig: string;
  current: boolean;
}

/** What the column fitting remembers between renders (see useFitHeight in fit.ts). */
export interface Seen {
  step?: string;
  marks: WeakMap<Element, Mark>;
  lit: HTMLElement[];
}

/** In full screen: what each panel showed at the last step seen, that step, and the panels it changed. */
const newSeen = (): Seen => ({ marks: new WeakMap(), lit: [] });

/** The effect of useFitHeight (fit.ts, whose comment says how the column is fitted): fits it now and on resize; returns the cleanup. */
export function fitColumn(root: HTMLElement | null, selector: string, active: boolean, label: string, openLabel: string, ref: { current: Seen | undefined }): (() => void) | undefined {
  ref.current ??= newSeen();
  const seen = ref as { current: Seen };
  const el = root?.querySelector<HTMLElement>(selector);
  if (!el) return;
  const panels = [...el.children] as HTMLElement[];
  const was = seen.current;
  let moved = false;
  if (!active) {
    if (was.step !== undefined) seen.current = newSeen();
  } else {
    // A step (or a new run) that changed panels: those are the ones to show.
    const step = root?.dataset.step;
    const lit = panels.filter((p) => {
      const now: Mark = { sig: signature(p), current: !!p.querySelector('[aria-current]') };
      const before = was.marks.get(p);
      was.marks.set(p, now);
      return before?.sig !== now.sig && !(before?.current && !now.current);
    });
    const known = was.step !== undefined;
    if (known && lit.length) was.lit = lit;
    if (!known) was.lit = panels.filter((p) => p.querySelector('[aria-current]'));
    moved = known && step !== was.step;
    was.step = step;
  }
  const fit = () => {
    el.style.zoom = '';
    el.style.width = '';
    for (const p of panels) fold(p, false, openLabel);
    if (!active) {
      // Outside full screen nothing is measured: reading the layout here would force one
      // in the middle of every step's commit (about 15 ms a step on a slow phone).
      if (el.dataset.ptPan === 'true') {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
        delete el.dataset.ptPan;
        el.scrollTop = 0;
      }
      return false;
    }
    let scrolls = false;
    const avail = el.clientHeight;
    if (active && avail > 0 && el.scrollHeight > avail + 1) {
      const least = Math.ceil((panelFloor(window.innerWidth) / smallestText(el)) * 100) / 100;
      const fits = () => Math.floor((avail / el.scrollHeight) * 100) / 100;
      // Fold what the step did not change, the tallest first, until the rest fits at the floor
      // (with 1 % to spare: zoomed borders round to device pixels).
      if (fits() < least) {
        const lit = seen.current.lit;
        const spare = panels.filter((p) => !lit.includes(p) && foldable(p)).sort((a, b) => b.offsetHeight - a.offsetHeight);
        // A column of one panel keeps it open (folding it would make room for nothing): it
        // scrolls at the floor instead.
        for (const p of panels.length > 1 ? spare : []) {
          fold(p, true, openLabel);
          if (fits() > least) break;
        }
      }
      // Drawings scale with their width: the zoom is applied at the width they were laid
      // out at (in the zoomed element's own px), so zooming shrinks them and the type together.
      const w = el.clientWidth;
      let z = Math.min(1, fits());
      if (z >= least) {
        let fill = false;
        const apply = () => {
          el.style.width = `${fill ? w / z : w}px`;
          el.style.zoom = String(z);
        };
        // Zoomed borders and lines round to device pixels: a step smaller if a few px remain.
        const settle = () => {
          apply();
          while (el.scrollHeight > el.clientHeight + 1 && z - 0.01 >= least) {
            z = Math.round((z - 0.01) * 100) / 100;
            apply();
          }
        };
        settle();
        // A table wider than its panel at that width takes the column's whole width instead
        // (a value is not cut, nor wrapped mid-word), and the zoom is checked again.
        if (z < 1 && [...el.querySelectorAll('table')].some((t) => t.offsetWidth > (t.parentElement?.clientWidth ?? Infinity) + 1)) {
          fill = true;
          settle();
        }
        scrolls = el.scrollHeight > el.clientHeight + 1;
      } else {
        // Scrolling anyway: the floor's scale, laid out over the whole width of the column.
        if (least < 1) {
          el.style.width = `${w / least}px`;
          el.style.zoom = String(least);
        }
        scrolls = el.scrollHeight > el.clientHeight + 1;
      }
    }
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.dataset.ptPan = 'true';
      el.setAttribute('role', 'group');
      el.setAttribute('aria-label', label);
    } else if (!scrolls && el.dataset.ptPan === 'true') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.ptPan;
    }
    if (!scrolls) el.scrollTop = 0;
    return scrolls;
  };
  const scrolls = fit();
  // Marks a column fitted for full screen (the first frame there waits for this chunk).
  if (active) el.dataset.ptFitted = 'true';
  else delete el.dataset.ptFitted;
  const first = litOf(el, seen.current.lit)[0];
  if (scrolls && moved && first) {
    const to = scrollFor(el, panels, first);
    if (to !== null) el.scrollTo({ top: to, behavior: reducedMotion() ? 'instant' : 'smooth' });
  }
  if (!active) return;
  const onResize = () => void fit();
  // A folded panel opens by its button (a click, Enter or Space on it): it becomes the panel
  // to show, as if the step had changed it, until a step changes others.
  const open = (e: Event) => {
    const button = (e.target as Element | null)?.closest?.('button.pt-unfold') ?? null;
    const panel = panels.find((p) => p.contains(button));
    if (!button || !panel) return;
    e.stopPropagation();
    seen.current.lit = [panel];
    if (fit()) {
      const to = scrollFor(el, panels, panel);
      if (to !== null) el.scrollTo({ top: to, behavior: 'instant' });
    }
    // Its button is gone with the fold: the column keeps the focus (a Tab stop when it scrolls).
    if (el.tabIndex >= 0) el.focus({ preventScroll: true });
  };
  window.addEventListener('resize', onResize);
  el.addEventListener('click', open);
  return () => {
    window.removeEventListener('resize', onResize);
    el.removeEventListener('click', open);
  };
}

/**
 * Folds a panel to its title, or opens it. A folded panel carries a button over its title
 * that opens it (named "open: <title>"), only while folded.
 */
function fold(panel: HTMLElement, on: boolean, openLabel: string) {
  const button = panel.querySelector<HTMLButtonElement>(':scope > button.pt-unfold');
  if (on) {
    panel.dataset[FOLD] = 'true';
    if (button) return;
    const title = panel.querySelector(':scope > figcaption, :scope > table > caption')?.textContent?.trim() ?? '';
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'pt-unfold';
    b.setAttribute('aria-label', `${openLabel}: ${title}`);
    panel.append(b);
  } else {
    delete panel.dataset[FOLD];
    button?.remove();
  }
}

/**
 * Full screen: the narration's type is set between these (px), then its box scrolls. The floor
 * is 24 px on a screen 1920 px wide and scales with a narrower one, as the panels' does (a
 * 1366×768 screen throws the same picture on the wall): 17 px there.
 */
const NARRATION_FLOOR = 24;

/** The height of the tallest sizer text as laid out now. */
const tallest = (sizers: HTMLElement[]) => Math.max(0, ...sizers.map((s) => s.offsetHeight));

/** The screens CSS calls short (globals.css): a 1366×768 full screen. */
const SHORT = '(max-height: 820px)';

/**
 * On a short screen, the room a stage that fills the height (a sequence) would leave for the
 * narration under the panels if it took the whole height beside the column (px): `room` with
 * the panels at their size, `most` with them zoomed down to their type floor. Null unless the
 * run's longest narration fits in `most` at the column's width at the narration's type floor.
 * Measured in the layout with the narration under the stage (the caller has reset it).
 */
function roomBeside(player: HTMLElement, box: HTMLElement, text: HTMLElement, sizers: HTMLElement[]): { room: number; most: number } | null {
  if (!matchMedia(SHORT).matches || !sizers.length) return null;
  // Not a stage CSS places already (a registry `short` layout), nor a wide sequence (its
  // panels stand beside the narration already).
  const stage = player.querySelector<HTMLElement>('.stage');
  const fig = stage?.querySelector(":scope > [data-height='fill']:not([data-short])");
  const panels = player.querySelector<HTMLElement>('.player-mid > .panels');
  const ctrl = player.querySelector<HTMLElement>('.controls');
  if (!stage || !fig || !panels || !ctrl || fig.querySelector('[data-wide]') || !panels.children.length) return null;
  // The panels' own height, before the column's fitting zoomed them (it may have).
  const zoom = parseFloat(panels.style.zoom) || 1;
  const col = panels.getBoundingClientRect();
  const panelsH = (Math.max(...[...panels.children].map((k) => k.getBoundingClientRect().bottom)) - col.top) / zoom;
  const gap = parseFloat(getComputedStyle(player).rowGap) || 0;
  const avail = ctrl.getBoundingClientRect().top - gap - stage.getBoundingClientRect().top - gap;
  // The room under the panels at their size, and under them zoomed down to their type floor
  // (the column's fitting zooms them so far when the narration takes more).
  const room = Math.floor(avail - panelsH);
  const least = Math.min(1, panelFloor(window.innerWidth) / (smallestText(panels) / zoom));
  const most = Math.floor(avail - panelsH * least);
  // The box at the column's width with the run's longest narration at the floor (at least
  // 8.6em, as the CSS has it).
  const floor = `${Math.ceil(onWall(NARRATION_FLOOR, window.innerWidth))}px`;
  box.style.width = `${col.width}px`;
  box.style.height = 'auto';
  text.style.fontSize = floor;
  for (const s of sizers) s.style.fontSize = floor;
  const em = parseFloat(getComputedStyle(box).fontSize);
  // The sizer holds the longest narrations (sizerTexts.ts), one of which wraps to the most lines
  // nearly always: a line to spare for one that wraps to one more.
  const line = parseFloat(getComputedStyle(sizers[0]).lineHeight) || 1.4 * parseFloat(floor);
  const need = Math.max(8.6 * em, box.scrollHeight + Math.max(0, tallest(sizers) - text.offsetHeight) + line);
  box.style.width = '';
  box.style.height = '';
  text.style.fontSize = '';
  for (const s of sizers) s.style.fontSize = '';
  return need <= most ? { room, most } : null;
}

/** The effect of useFitNarration (fit.ts, whose comment says how): fits the narration now and on resize; returns the cleanup. */
export function fitNarration(anchor: HTMLElement | null): (() => void) | undefined {
  const player = anchor?.closest<HTMLElement>('section.player');
  const box = player?.querySelector<HTMLElement>('.narration');
  const text = box?.querySelector<HTMLElement>('.narration-text');
  if (!player || !box || !text) return;
  const full = player.dataset.fullscreen === 'true';
  const sizers = [...box.querySelectorAll<HTMLElement>('.narration-sizer > p')];
  // Where the narration goes: on a short screen a sequence whose panels leave room under them
  // for the run's longest narration (roomBeside) takes the whole height beside the column, the
  // narration under the panels (data-pt-beside; CSS lets the box follow each step's text), at
  // most as tall as that room. Decided once per screen size and run (the sizer holds the run's
  // longest narration), so no step moves the stage. A change re-fits the panels' column, whose
  // height it changes (its fitting listens to resize).
  const arrange = () => {
    const was = player.dataset.ptBeside === 'true';
    const key = full ? `${window.innerWidth}x${window.innerHeight}|${sizers.map((s) => s.textContent).join('|')}` : '';
    if (full && player.dataset.ptBesideKey === key) return;
    delete player.dataset.ptBeside;
    delete box.dataset.ptRoom;
    delete box.dataset.ptMost;
    box.style.maxHeight = '';
    if (!full) {
      delete player.dataset.ptBesideKey;
      return;
    }
    player.dataset.ptBesideKey = key;
    const r = roomBeside(player, box, text, sizers);
    if (r) {
      player.dataset.ptBeside = 'true';
      box.dataset.ptRoom = String(r.room);
      box.dataset.ptMost = String(r.most);
    }
    if (!!r !== was) queueMicrotask(() => window.dispatchEvent(new Event('resize')));
  };
  const fit = () => {
    arrange();
    text.style.fontSize = '';
    box.style.height = '';
    // Beside the stage the box first takes the room the panels leave at their size.
    if (box.dataset.ptRoom) box.style.maxHeight = `${box.dataset.ptRoom}px`;
    // A layout whose stage does not share the narration's column (on a short screen, the DNS
    // tree, a topology with one panel, or a sequence with room under its panels, beside the
    // column) lets the box follow each step's text (CSS: --pt-narration-fit: step); the others
    // hold one height for the run.
    const perStep = full && getComputedStyle(box).getPropertyValue('--pt-narration-fit').trim() === 'step';
    if (perStep) box.dataset.ptFit = 'step';
    else delete box.dataset.ptFit;
    if (full && sizers.length && !perStep) {
      // One height for the run: what its longest narration needs (or this step's, if taller),
      // between the CSS height and max-height.
      const least = box.offsetHeight;
      const most = parseFloat(getComputedStyle(box).maxHeight) || Infinity;
      box.style.height = 'auto';
      const need = box.scrollHeight + Math.max(0, tallest(sizers) - text.offsetHeight);
      box.style.height = `${Math.ceil(Math.min(most, Math.max(least, need)))}px`;
    }
    if (full) {
      const over = () => box.scrollHeight > box.clientHeight + 1;
      const max = parseFloat(getComputedStyle(text).fontSize);
      const min = Math.min(max, onWall(NARRATION_FLOOR, window.innerWidth));
      const shrink = () => {
        if (!over()) return;
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
      };
      shrink();
      // Beside the stage, a text that does not fit that room even at the floor takes more,
      // the panels zooming toward their own floor to give it (roomBeside made sure they can).
      if (over() && box.dataset.ptMost) {
        box.style.maxHeight = `${box.dataset.ptMost}px`;
        text.style.fontSize = '';
        shrink();
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
  if (full) box.dataset.ptFitted = 'true';
  else delete box.dataset.ptFitted;
  if (!full) return;
  window.addEventListener('resize', fit);
  return () => window.removeEventListener('resize', fit);
}

