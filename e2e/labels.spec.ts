import type { Page } from '@playwright/test';
import { availableTopics } from '../simulations/registry';
import { test, expect, enterFullscreen, playerReady } from './fixtures';
import { PANEL_FLOOR, measurePanels } from './panels';

/**
 * Every diagram text of every step of every built topic's default scenario, at four
 * screens: no two visible texts of one diagram overlap, none crosses the diagram's visible
 * edge (its SVG, a clip-path, or a clipping ancestor; a box that pans counts as its whole
 * scroll area), and the type stays readable (≥ 12 px, and ≥ 24 px on the stage in full screen at
 * 1920×1080).
 */
const SCREENS = [
  { name: '1366×768', width: 1366, height: 768, full: false, minStage: 0, minAll: 12 },
  { name: '1920×1080 full screen', width: 1920, height: 1080, full: true, minStage: 24, minAll: 12 },
  // A laptop on the classroom's projector: a stage this short may zoom the drawing out to fit
  // it whole (SequenceDiagram.tsx), never under 12 px.
  { name: '1366×768 full screen', width: 1366, height: 768, full: true, minStage: 12, minAll: 12 },
  { name: '390×844', width: 390, height: 844, full: false, minStage: 12, minAll: 12 },
] as const;

interface Found {
  overlaps: [string, string][];
  clipped: string[];
  small: string[];
  texts: number;
}

/** Runs in the page: measures every visible text of every diagram in one pass. */
function measure(limits: { minStage: number; minAll: number }): Found {
  type P = { x: number; y: number };
  const TOL = 1;
  const found: Found = { overlaps: [], clipped: [], small: [], texts: 0 };
  const name = (t: SVGTextElement) => (t.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60) || `<${t.getAttribute('class')}>`;
  const corners = (el: SVGGraphicsElement, r: { x: number; y: number; width: number; height: number }): P[] => {
    const m = el.getScreenCTM()!;
    return [
      [r.x, r.y],
      [r.x + r.width, r.y],
      [r.x + r.width, r.y + r.height],
      [r.x, r.y + r.height],
    ].map(([x, y]) => ({ x: m.a * x + m.c * y + m.e, y: m.b * x + m.d * y + m.f }));
  };
  const bounds = (q: P[]) => ({ l: Math.min(...q.map((p) => p.x)), r: Math.max(...q.map((p) => p.x)), t: Math.min(...q.map((p) => p.y)), b: Math.max(...q.map((p) => p.y)) });
  // Separating axis test on two convex quads: they overlap when no axis separates them by TOL.
  const overlap = (a: P[], b: P[]) => {
    for (const q of [a, b]) {
      for (let i = 0; i < 4; i++) {
        const p0 = q[i];
        const p1 = q[(i + 1) % 4];
        const len = Math.hypot(p1.x - p0.x, p1.y - p0.y) || 1;
        const n = { x: -(p1.y - p0.y) / len, y: (p1.x - p0.x) / len };
        const pa = a.map((p) => p.x * n.x + p.y * n.y);
        const pb = b.map((p) => p.x * n.x + p.y * n.y);
        if (Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)) <= TOL) return false;
      }
    }
    return true;
  };
  const shown = (el: Element, stop: Element) => {
    for (let e: Element | null = el; e && e !== stop.parentElement; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) < 0.05) return false;
    }
    return true;
  };
  const player = document.querySelector('section.player')!;
  for (const svg of player.querySelectorAll<SVGSVGElement>('.stage svg, .panels svg')) {
    if (!shown(svg, svg) || svg.getBoundingClientRect().width === 0) continue;
    // The 24 px floor in full screen holds for the sequence stage (the topology keeps its proportions).
    const stage = svg.matches('.stage svg.seq');
    // The visible edge: the SVG's box, cut by clipping ancestors (a panning axis counts whole).
    const sb = svg.getBoundingClientRect();
    const edge = { l: sb.left, r: sb.right, t: sb.top, b: sb.bottom };
    // Past a box that pans on an axis, outer boxes no longer cut on that axis (panning brings the text in).
    let panX = false;
    let panY = false;
    for (let e = svg.parentElement; e && e !== player.parentElement; e = e.parentElement) {
      const cs = getComputedStyle(e);
      const rb = e.getBoundingClientRect();
      const pans = (o: string) => o === 'auto' || o === 'scroll';
      if (cs.overflowX !== 'visible' && !panX) {
        const l = pans(cs.overflowX) ? rb.left + e.clientLeft - e.scrollLeft : rb.left;
        edge.l = Math.max(edge.l, l);
        edge.r = Math.min(edge.r, pans(cs.overflowX) ? l + e.scrollWidth : rb.right);
        panX = pans(cs.overflowX);
      }
      if (cs.overflowY !== 'visible' && !panY) {
        const t = pans(cs.overflowY) ? rb.top + e.clientTop - e.scrollTop : rb.top;
        edge.t = Math.max(edge.t, t);
        edge.b = Math.min(edge.b, pans(cs.overflowY) ? t + e.scrollHeight : rb.bottom);
        panY = pans(cs.overflowY);
      }
    }
    const boxes: { t: SVGTextElement; q: P[] }[] = [];
    for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
      if (!shown(t, svg) || !(t.textContent ?? '').trim()) continue;
      const bb = t.getBBox();
      if (bb.width === 0 || bb.height === 0) continue;
      const q = corners(t, bb);
      let k = bounds(q);
      // Inside a clip-path: wholly outside is hidden (skip), partly outside is cut off.
      let hidden = false;
      let cut = false;
      for (let g: Element | null = t.parentElement; g && g !== svg; g = g.parentElement) {
        const ref = g.getAttribute('clip-path')?.match(/url\(["']?#([^"')]+)/)?.[1];
        const rect = ref ? document.getElementById(ref)?.querySelector('rect') : null;
        if (!rect) continue;
        const num = (a: string) => parseFloat(rect.getAttribute(a) ?? '0');
        const c = bounds(corners(g as SVGGraphicsElement, { x: num('x'), y: num('y'), width: num('width'), height: num('height') }));
        if (k.r <= c.l + TOL || k.l >= c.r - TOL || k.b <= c.t + TOL || k.t >= c.b - TOL) hidden = true;
        else if (k.l < c.l - TOL || k.r > c.r + TOL || k.t < c.t - TOL || k.b > c.b + TOL) cut = true;
      }
      if (hidden) continue;
      found.texts++;
      if (cut || k.l < edge.l - TOL || k.r > edge.r + TOL || k.t < edge.t - TOL || k.b > edge.b + TOL) found.clipped.push(name(t));
      const m = t.getScreenCTM()!;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const min = Math.max(limits.minAll, stage ? limits.minStage : 0);
      if (px < min - 0.05) found.small.push(`${name(t)} (${px.toFixed(1)} px)`);
      boxes.push({ t, q });
    }
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i].q, boxes[j].q)) found.overlaps.push([name(boxes[i].t), name(boxes[j].t)]);
  }
  return found;
}

async function settle(page: Page) {
  await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

for (const topic of availableTopics()) {
  for (const screen of SCREENS) {
    test(`${topic.slug} at ${screen.name}: diagram texts never overlap, get cut off or shrink`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await page.goto(`/ko/${topic.slug}`);
      await playerReady(page);
      if (screen.full) {
        await enterFullscreen(page);
      }
      const count = await page.locator('.step-list li').count();
      expect(count).toBeGreaterThan(1);
      const problems: string[] = [];
      let texts = 0;
      for (let i = 1; i <= count; i++) {
        if (i > 1) await page.keyboard.press('ArrowRight');
        await expect(page.locator('section.player')).toHaveAttribute('data-step', String(i));
        // The lazily loaded stage (topology) and panels must be on screen before measuring.
        await expect(page.locator('.stage svg').first()).toBeVisible();
        await settle(page);
        const f = await page.evaluate(measure, { minStage: screen.minStage, minAll: screen.minAll });
        texts += f.texts;
        const at = `${topic.slug} · ${screen.name} · step ${i}`;
        for (const [a, b] of f.overlaps) problems.push(`${at}: "${a}" overlaps "${b}"`);
        for (const a of f.clipped) problems.push(`${at}: "${a}" crosses the diagram's edge`);
        for (const a of f.small) problems.push(`${at}: "${a}" is too small`);
      }
      // The check saw the diagrams at all: every step has text to measure.
      expect(texts).toBeGreaterThan(count);
      expect(problems, `${problems.length} problems`).toEqual([]);
    });
  }
}

/**
 * Full screen at 1920×1080, the teacher's projector: every text of the panels beside the
 * diagram is at least PANEL_FLOOR px as drawn and inside its panel (see panels.ts).
 */
for (const topic of availableTopics()) {
  test(`${topic.slug} at 1920×1080 full screen: every panel text is ≥ ${PANEL_FLOOR} px and inside its panel`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`/ko/${topic.slug}`);
    await playerReady(page);
    await enterFullscreen(page);
    const count = await page.locator('.step-list li').count();
    expect(count).toBeGreaterThan(1);
    const problems = new Map<string, number[]>();
    const empty: number[] = [];
    for (let i = 1; i <= count; i++) {
      if (i > 1) await page.keyboard.press('ArrowRight');
      await expect(page.locator('section.player')).toHaveAttribute('data-step', String(i));
      await expect(page.locator('.stage svg').first()).toBeVisible();
      await settle(page);
      const f = await page.evaluate(measurePanels, PANEL_FLOOR);
      // The check saw the panels: a step that has them has text in them.
      if (f.present && !f.texts) empty.push(i);
      for (const p of [...f.small, ...f.cut]) problems.set(p, [...new Set([...(problems.get(p) ?? []), i])]);
    }
    expect(empty, 'steps whose panels showed no text').toEqual([]);
    const list = [...problems].map(([p, steps]) => `${p} (step ${steps.length > 3 ? `${steps.slice(0, 3).join(', ')}… ${steps.length} steps` : steps.join(', ')})`);
    expect(list, `${list.length} problems`).toEqual([]);
  });
}

/**
 * A sequence diagram's header names its actors whole: each actor's name, address and state
 * are never shortened with "…" (a long name takes two lines, an address two or three, and in
 * full screen a drawing of many actors takes the stage's whole width). Both languages, the
 * first and the last step (the states change), at the three screens.
 */
for (const screen of SCREENS) {
  test(`at ${screen.name}, no sequence diagram cuts an actor's name, address or state`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize({ width: screen.width, height: screen.height });
    const cut: string[] = [];
    let seen = 0;
    for (const lang of ['ko', 'en'])
      for (const topic of availableTopics()) {
        await page.goto(`/${lang}/${topic.slug}`);
        await playerReady(page);
        if (!(await page.locator('.stage .seq-wrap').count())) continue;
        if (screen.full) {
          await enterFullscreen(page);
        }
        for (const key of ['Home', 'End']) {
          await page.keyboard.press(key);
          await settle(page);
          // The header measures its labels again once the fonts are in and the page is idle: on a
          // busy machine that can come after two frames, so a cut label gets a few seconds to go.
          const names = page.locator('.stage .seq-wrap .actor text');
          await expect.poll(async () => (await names.allTextContents()).filter((x) => x.includes('…')), { timeout: 5000 }).toEqual([]).catch(() => {});
          const texts = await names.allTextContents();
          seen += texts.length;
          for (const t of texts.filter((x) => x.includes('…'))) cut.push(`/${lang}/${topic.slug} (${key}): "${t}"`);
        }
      }
    expect(seen).toBeGreaterThan(0);
    expect(cut).toEqual([]);
  });
}
