/**
 * The panels beside the diagram as a projector shows them: type size as drawn and what cuts
 * a text off, measured in the page (shared by labels.spec and fullscreen.spec).
 */

/**
 * The type floor of the panels in full screen at 1920×1080, in CSS px: what the back row of a
 * classroom reads off a projector (components/player/fit.ts keeps the panels at or above it).
 */
export const PANEL_FLOOR = 18;

export interface PanelFound {
  /** Whether the step has panels at all. */
  present: boolean;
  small: string[];
  cut: string[];
  texts: number;
}

/**
 * Runs in the page: every visible text node inside `.panels` (layer stacks, tables, window
 * strips, charts…), with its size as drawn (its computed size times the CSS zoom and the SVG
 * scale it is drawn at) under `floor`, or crossing its panel's box or a box that clips it,
 * unless that box is a scroll box a keyboard can reach (a Tab stop with a name), whose whole
 * scroll area then counts.
 */
export function measurePanels(floor: number): PanelFound {
  const TOL = 1;
  const found: PanelFound = { present: false, small: [], cut: [], texts: 0 };
  const root = document.querySelector<HTMLElement>('section.player .panels');
  if (!root) return found;
  found.present = true;
  const player = root.closest('section.player')!;
  const named = (e: Element) => e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby');
  const tabStop = (e: Element) => e instanceof HTMLElement && e.tabIndex >= 0 && e.getAttribute('tabindex') !== null && named(e);
  const pans = (o: string) => o === 'auto' || o === 'scroll';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const el = n.parentElement!;
    if (el.closest('title, desc, style, script')) continue;
    // Not rendered: display none, a closed <details>, visibility hidden, (almost) transparent.
    if (!el.checkVisibility({ contentVisibilityAuto: true, opacityProperty: true, visibilityProperty: true })) continue;
    let faint = false;
    for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) if (parseFloat(getComputedStyle(e).opacity) < 0.05) faint = true;
    if (faint) continue;
    const svgText = el.closest('text') as SVGTextElement | null;
    let box: DOMRect;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (svgText) {
      // SVG text: its size in user units times the scale it is drawn at (viewBox, CSS zoom).
      box = svgText.getBoundingClientRect();
      const bb = svgText.getBBox();
      if (bb.width === 0 || box.width === 0) continue;
      px *= box.width / bb.width;
    } else {
      const range = document.createRange();
      range.selectNodeContents(n);
      box = range.getBoundingClientRect();
      px *= el.currentCSSZoom ?? 1;
    }
    // Visually hidden text (a 1 px clip) is for screen readers.
    if (box.width <= 1 || box.height <= 1) continue;
    found.texts++;
    const name = `"${text.slice(0, 40)}"`;
    if (px < floor - 0.05) found.small.push(`${name} is ${px.toFixed(1)} px`);
    // The edge: every clipping box from the text up to the screen, its panel's box included;
    // past a box that scrolls and is a named Tab stop, that box's whole scroll area on its axis.
    const edge = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
    const cutBy = { l: '', t: '', r: '', b: '' };
    let panX = false;
    let panY = false;
    const panel = el.closest('.panels > *');
    const clip = (l: number, t: number, r: number, b: number, x: boolean, y: boolean, who: string) => {
      if (x && l > edge.l) (edge.l = l), (cutBy.l = who);
      if (x && r < edge.r) (edge.r = r), (cutBy.r = who);
      if (y && t > edge.t) (edge.t = t), (cutBy.t = who);
      if (y && b < edge.b) (edge.b = b), (cutBy.b = who);
    };
    for (let e: Element | null = svgText ?? el; e && e !== player.parentElement; e = e.parentElement) {
      const r = e.getBoundingClientRect();
      const who = `<${e.tagName.toLowerCase()} class="${e.getAttribute('class') ?? ''}">`;
      const cs = getComputedStyle(e);
      const ox = cs.overflowX !== 'visible' && !panX;
      const oy = cs.overflowY !== 'visible' && !panY;
      const reach = tabStop(e);
      if (ox) {
        if (pans(cs.overflowX) && reach) {
          const l = r.left + e.clientLeft - e.scrollLeft;
          clip(l, 0, l + e.scrollWidth, 0, true, false, who);
          panX = true;
        } else clip(r.left, 0, r.right, 0, true, false, who);
      }
      if (oy) {
        if (pans(cs.overflowY) && reach) {
          const t = r.top + e.clientTop - e.scrollTop;
          clip(0, t, 0, t + e.scrollHeight, false, true, who);
          panY = true;
        } else clip(0, r.top, 0, r.bottom, false, true, who);
      }
      // A panel that pans itself counts as its scroll area on that axis (just above).
      if (e === panel) clip(r.left, r.top, r.right, r.bottom, !panX, !panY, `its panel ${who}`);
    }
    clip(0, 0, innerWidth, innerHeight, !panX, !panY, 'the screen');
    const out = (['l', 't', 'r', 'b'] as const).filter((s) =>
      s === 'l' ? box.left < edge.l - TOL : s === 't' ? box.top < edge.t - TOL : s === 'r' ? box.right > edge.r + TOL : box.bottom > edge.b + TOL,
    );
    if (out.length) found.cut.push(`${name} crosses ${[...new Set(out.map((s) => cutBy[s]))].join(', ')}`);
  }
  return found;
}
