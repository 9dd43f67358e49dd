import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { availableTopics, topicBySlug } from '../simulations/registry';
import { test, expect, enterFullscreen, playerReady, stepNumber } from './fixtures';
import { PANEL_FLOOR, measurePanels } from './panels';

const player = (page: Page) => page.locator('section.player');
const drawer = (page: Page) => page.locator('section.player .settings');
const focusInDrawer = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.settings'));

/**
 * Opens `path` in full screen and calls `each` at every step once the step is drawn (two
 * frames after the step number shows it); returns the number of steps.
 */
async function everyStep(page: Page, path: string, each: (i: number) => Promise<void>): Promise<number> {
  await page.goto(path);
  await playerReady(page);
  await enterFullscreen(page);
  const total = await page.locator('.step-list li').count();
  for (let i = 1; i <= total; i++) {
    if (i > 1) await page.keyboard.press('ArrowRight');
    await expect(stepNumber(page)).toHaveText(String(i));
    await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    await each(i);
  }
  return total;
}

test.describe('full screen for a teacher (1920×1080)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('F shows the topic title; Settings (button or S) opens the params in a drawer, Escape closes it', async ({ page }) => {
    await page.goto('/ko/tcp-connection');
    await playerReady(page);
    const button = page.getByTestId('settings');
    // Outside full screen the settings are in the page: no drawer button.
    await expect(button).toHaveCount(0);
    await expect(page.locator('.player-title')).toHaveCount(0);

    await enterFullscreen(page);
    const title = page.locator('.player-title');
    await expect(title).toBeVisible();
    await expect(title).toHaveText(topicBySlug('tcp-connection')!.title.ko);
    // Hidden until asked for.
    await expect(drawer(page)).toBeHidden();
    await expect(button).toBeVisible();
    await expect(button).toHaveAccessibleName(/설정/);
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // S opens it, focus goes in, a param changes the run while the screen stays full.
    await page.keyboard.press('s');
    await expect(drawer(page)).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(await focusInDrawer(page)).toBe(true);
    const box = (await drawer(page).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1920);
    expect(box.height).toBeGreaterThan(500);
    await drawer(page).locator('select').first().selectOption('server');
    await expect(page).toHaveURL(/closer=server/);
    await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
    // The step keys still work with the drawer open (focus on a select keeps its own arrows,
    // so step from the drawer's close button).
    await drawer(page).locator('.settings-close').focus();
    await page.keyboard.press('ArrowRight');
    await expect(stepNumber(page)).toHaveText('2');

    // Escape closes it and gives focus back to the button.
    await page.keyboard.press('Escape');
    await expect(drawer(page)).toBeHidden();
    await expect(button).toBeFocused();
    await expect(button).toHaveAttribute('aria-expanded', 'false');

    // Keyboard: Enter on the focused button opens it; S closes it again.
    await page.keyboard.press('Enter');
    await expect(drawer(page)).toBeVisible();
    expect(await focusInDrawer(page)).toBe(true);
    await drawer(page).locator('.settings-close').focus();
    await page.keyboard.press('s');
    await expect(drawer(page)).toBeHidden();
    // The close button works for a mouse too.
    await button.click();
    await expect(drawer(page)).toBeVisible();
    await drawer(page).locator('.settings-close').click();
    await expect(drawer(page)).toBeHidden();

    // Leaving full screen puts the settings back in the page, not in a drawer.
    await page.keyboard.press('f');
    await expect(player(page)).toHaveAttribute('data-fullscreen', 'false');
    await expect(drawer(page)).toBeVisible();
    expect(await drawer(page).evaluate((e) => getComputedStyle(e).position)).not.toBe('fixed');
  });

  test('the help lists S', async ({ page }) => {
    await page.goto('/en/tcp-connection');
    await playerReady(page);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog').locator('kbd', { hasText: /^S$/ })).toHaveCount(1);
  });

  test('axe: no violations in full screen, with the drawer closed and open', async ({ page }) => {
    test.slow();
    await page.goto('/ko/tcp-flow-error-control');
    await playerReady(page);
    await enterFullscreen(page);
    const closed = await new AxeBuilder({ page }).analyze();
    expect(closed.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    await page.keyboard.press('s');
    await expect(drawer(page)).toBeVisible();
    const open = await new AxeBuilder({ page }).analyze();
    expect(open.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
});

test.describe('full screen panels for the back row (1920×1080)', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  // osi-model has the tallest panels: three layer stacks, a MAC table and an ARP cache.
  for (const query of ['', '?device=router', '?arp=warm']) {
    test(`osi-model${query}: panel type stays at the floor, the stack a step lights is open and whole on screen, the others keep their titles`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/ko/osi-model${query}`);
      await playerReady(page);
      await enterFullscreen(page);
      const total = await page.locator('.step-list li').count();
      const problems: string[] = [];
      let before: string[] = [];
      let folded = 0;
      for (let i = 1; i <= total; i++) {
        if (i > 1) await page.keyboard.press('ArrowRight');
        await expect(stepNumber(page)).toHaveText(String(i));
        await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
        const f = await page.evaluate(measurePanels, PANEL_FLOOR);
        for (const p of [...f.small, ...f.cut]) problems.push(`step ${i}: ${p}`);
        const out = await page.evaluate((prev) => {
          const col = document.querySelector<HTMLElement>('section.player .panels')!;
          const c = col.getBoundingClientRect();
          const inside = (r: DOMRect) => r.top >= c.top - 1 && r.bottom <= c.bottom + 1 && r.left >= c.left - 1 && r.right <= c.right + 1;
          const panels = [...col.children] as HTMLElement[];
          const bad: string[] = [];
          let folded = 0;
          panels.forEach((p, k) => {
            const title = p.querySelector('figcaption, caption')?.textContent?.trim() ?? p.className;
            const fold = p.dataset.ptFold === 'true';
            if (fold) folded++;
            // Every panel keeps its title in view, folded or not.
            const cap = p.querySelector('figcaption, caption');
            if (cap && !inside(cap.getBoundingClientRect())) bad.push(`the title of "${title}" is out of view`);
            // A stack this step lit (a layer in play, its text changed) is open and whole on screen.
            if (p.querySelector('[aria-current]') && prev[k] !== undefined && prev[k] !== p.textContent) {
              if (fold) bad.push(`"${title}" changed and lights a layer, but is folded`);
              else if (!inside(p.getBoundingClientRect())) bad.push(`"${title}" changed and lights a layer, but is not whole in view`);
            }
          });
          return { bad, folded, texts: panels.map((p) => p.textContent ?? ''), scrolls: col.scrollHeight > col.clientHeight + 1 };
        }, before);
        before = out.texts;
        folded += out.folded;
        for (const b of out.bad) problems.push(`step ${i}: ${b}`);
        // Folding is enough here: the column never needs scrolling.
        if (out.scrolls) problems.push(`step ${i}: the panel column scrolls`);
      }
      // The run is long enough that some panels had to fold (else this checks nothing).
      expect(folded).toBeGreaterThan(0);
      expect(problems).toEqual([]);
    });
  }
});

test.describe('full screen: a folded panel opens by hand', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  // what-happens-url in full screen: eight actors take the whole width, the panels share the
  // narration's row, and at step 30 the phase table and the waterfall are folded to their titles.
  test('a click on a folded title opens that panel, Enter on its button too; axe finds nothing', async ({ page }) => {
    test.slow();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/en/what-happens-url?step=30');
    await playerReady(page);
    await enterFullscreen(page);
    const panels = page.locator('section.player .panels > *');
    const waterfall = panels.filter({ has: page.locator('figcaption', { hasText: 'Waterfall' }) });
    const phases = panels.filter({ has: page.locator('caption', { hasText: 'Time per phase' }) });
    await expect(waterfall).toHaveAttribute('data-pt-fold', 'true');
    await expect(phases).toHaveAttribute('data-pt-fold', 'true');
    // Its rows are hidden while folded.
    await expect(waterfall.locator('svg').first()).toBeHidden();
    expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    // The mouse: a click on the folded title opens it; the step stays.
    await waterfall.locator('button.pt-unfold').click();
    await expect(waterfall).not.toHaveAttribute('data-pt-fold', 'true');
    await expect(waterfall.locator('svg').first()).toBeVisible();
    await expect(waterfall.locator('button.pt-unfold')).toHaveCount(0);
    await expect(player(page)).toHaveAttribute('data-step', '30');

    // The keyboard: Enter on the phase table's button opens it (the waterfall may fold again).
    const button = phases.locator('button.pt-unfold');
    await expect(button).toHaveAccessibleName('Open: Time per phase (ms)');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(phases).not.toHaveAttribute('data-pt-fold', 'true');
    await expect(phases.locator('tbody tr').first()).toBeVisible();
    await expect(player(page)).toHaveAttribute('data-step', '30');

    // The next step shows what it changes again, and the keys still step.
    await page.keyboard.press('ArrowRight');
    await expect(player(page)).toHaveAttribute('data-step', '31');
    await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
  });
});

test.describe('full screen at 1366×768: nothing is cut off', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  // The topic with the most panels beside the diagram (window strip, counters, charts).
  for (const query of ['view=error', 'view=error&protocol=selective-repeat&packets=12&loss=30', 'view=flow']) {
    test(`tcp-flow-error-control?${query}: every panel, the stage, narration and controls are inside the screen`, async ({ page }) => {
      test.slow();
      await page.goto(`/ko/tcp-flow-error-control?${query}`);
      await playerReady(page);
      await enterFullscreen(page);
      const total = Number(await player(page).evaluate((e) => e.querySelectorAll('.step-list li').length));
      const steps = [...new Set([1, 2, Math.ceil(total / 2), total - 1, total])].filter((n) => n >= 1);
      let panelsSeen = 0;
      for (const n of steps) {
        await page.keyboard.press('Home');
        for (let i = 1; i < n; i++) await page.keyboard.press('ArrowRight');
        await expect(stepNumber(page)).toHaveText(String(n));
        await page.waitForTimeout(350);
        const out = await page.evaluate(() => {
          const vw = innerWidth;
          const vh = innerHeight;
          const bad: string[] = [];
          const sel = ['.panels > *', '.stage', '.narration', '.controls', '.player-title'];
          let panels = 0;
          for (const s of sel) {
            for (const el of document.querySelectorAll<HTMLElement>(`section.player ${s}`)) {
              const r = el.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              if (s === '.panels > *') panels++;
              if (r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) {
                bad.push(`${s}.${el.className} [${Math.round(r.left)}, ${Math.round(r.top)}, ${Math.round(r.right)}, ${Math.round(r.bottom)}]`);
              }
            }
          }
          // A panel drawing wider than its column would be clipped by the panel's own box.
          for (const svg of document.querySelectorAll<SVGSVGElement>('section.player .panels svg')) {
            const r = svg.getBoundingClientRect();
            if (r.right > vw + 0.5 || r.bottom > vh + 0.5) bad.push(`panel svg [${Math.round(r.right)}, ${Math.round(r.bottom)}]`);
          }
          // The player itself does not scroll: what is on it is what the room sees.
          const p = document.querySelector<HTMLElement>('section.player')!;
          if (p.scrollHeight > p.clientHeight + 1) bad.push(`player scrolls ${p.scrollHeight} > ${p.clientHeight}`);
          return { bad, panels };
        });
        panelsSeen += out.panels;
        expect(out.bad, `step ${n}`).toEqual([]);
      }
      expect(panelsSeen).toBeGreaterThan(0);
    });
  }
});

test.describe('full screen at 1366×768: the stage never pans (a clicker cannot scroll)', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  // The widest stages: eight lifelines, six, the topology, the DNS tree.
  for (const path of ['what-happens-url?step=10', 'dns-resolution?step=6', 'osi-model?step=5', 'ports-sockets?step=5', 'dns?step=8', 'dns?step=8&qtype=zz']) {
    test(`${path}: the drawing is as wide and as tall as the stage or smaller`, async ({ page }) => {
      await page.goto(`/ko/${path}`);
      await playerReady(page);
      await enterFullscreen(page);
      await page.waitForTimeout(300);
      const out = await page.locator('section.player .stage').evaluate((stage) => {
        const s = stage.getBoundingClientRect();
        const svg = stage.querySelector('svg')!.getBoundingClientRect();
        const panners = [stage, ...stage.querySelectorAll<HTMLElement>('div')].filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1).length;
        return { right: Math.round(svg.right - s.right), bottom: Math.round(svg.bottom - s.bottom), panners };
      });
      expect(out.right).toBeLessThanOrEqual(1);
      expect(out.bottom).toBeLessThanOrEqual(1);
      expect(out.panners).toBe(0);
    });
  }
});

test.describe('full screen at 1366×768: the DNS tree beside its record table', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  // The tree takes the whole height; the record table (the column's only panel) and the
  // narration share the right-hand column.
  for (const lang of ['ko', 'en'] as const) {
    test(`dns (${lang}): at every step the record table is open with three records or more in sight, and the narration whole, not scrolled`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const problems: string[] = [];
      await everyStep(page, `/${lang}/dns`, async (i) => {
        const out = await page.evaluate(() => {
          const table = document.querySelector<HTMLElement>('section.player .panels > *')!;
          const narr = document.querySelector<HTMLElement>('section.player .narration')!;
          // Rows whole in sight: the box the table scrolls in (the column) clips the others.
          const col = table.closest<HTMLElement>('.panels')!.getBoundingClientRect();
          const rows = [...table.querySelectorAll('tbody tr')].filter((r) => {
            const b = r.getBoundingClientRect();
            return b.height > 0 && b.top >= col.top - 1 && b.bottom <= col.bottom + 1;
          }).length;
          return { folded: table.dataset.ptFold === 'true', rows, narrCut: narr.scrollHeight - narr.clientHeight, screen: narr.getBoundingClientRect().bottom <= innerHeight };
        });
        if (out.folded || out.rows === 0) problems.push(`step ${i}: the record table is folded`);
        // The narration follows its step's text, so the table keeps room for a few records.
        else if (out.rows < 3) problems.push(`step ${i}: only ${out.rows} records of the table in sight`);
        if (out.narrCut > 1) problems.push(`step ${i}: the narration is cut by ${out.narrCut} px`);
        if (!out.screen) problems.push(`step ${i}: the narration runs off the screen`);
      });
      expect(problems).toEqual([]);
    });
  }
});

test.describe('full screen at 1366×768: a sequence beside its panels when they leave room', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  // transport-layer's race table leaves room under it for the narration, so the sequence takes
  // the whole height (more rows than under a narration row); tcp-connection's state machine
  // does not, so its narration stays under the stage. Either holds at every step.
  for (const [slug, beside] of [['transport-layer', true], ['tcp-connection', false]] as const) {
    test(`${slug}: the narration ${beside ? 'goes under the panels and the stage takes the height' : 'stays under the stage'}, at every step`, async ({ page }) => {
      test.slow();
      await page.emulateMedia({ reducedMotion: 'reduce' });
      const problems: string[] = [];
      await everyStep(page, `/ko/${slug}`, async (i) => {
        const o = await page.evaluate(() => {
          const stage = document.querySelector('section.player .stage')!.getBoundingClientRect();
          const narr = document.querySelector('section.player .narration')!.getBoundingClientRect();
          const panels = document.querySelector('section.player .panels')!.getBoundingClientRect();
          return { besideStage: narr.left >= stage.right - 1, underPanels: narr.top >= panels.bottom - 1, stageShare: stage.height / innerHeight, rows: Number(document.querySelector<HTMLElement>('section.player .seq-wrap')?.dataset.rows) };
        });
        if (o.besideStage !== beside) problems.push(`step ${i}: the narration is ${o.besideStage ? 'beside' : 'under'} the stage`);
        if (beside && !o.underPanels) problems.push(`step ${i}: the narration is not under the panels`);
        if (beside && (o.stageShare < 0.75 || o.rows < 6)) problems.push(`step ${i}: the stage takes ${Math.round(o.stageShare * 100)} % of the height, ${o.rows} rows`);
      });
      expect(problems).toEqual([]);
    });
  }
});

/**
 * Full screen: every step's narration is whole in its box, with no scrolling (a clicker cannot
 * scroll), and its type at the floor or above: 24 px at 1920×1080, scaled with the width on a
 * narrower screen (fit.ts). The box is sized once per run for the longest narration, so the
 * stage never moves; where the stage stands beside it (on a short screen, the DNS tree or a
 * topology with one panel) the box follows each step's text instead.
 */
for (const screen of [{ width: 1366, height: 768 }, { width: 1920, height: 1080 }]) {
  test.describe(`full screen at ${screen.width}×${screen.height}: the narration`, () => {
    test.use({ viewport: screen });
    for (const topic of availableTopics()) {
      test(`${topic.slug}: every step's narration is whole, not scrolled, at the floor or above`, async ({ page }) => {
        test.slow();
        await page.emulateMedia({ reducedMotion: 'reduce' });
        const floor = (24 * Math.min(screen.width, 1920)) / 1920;
        const problems: string[] = [];
        for (const lang of ['ko', 'en']) {
          let height = 0;
          let stage: number[] | undefined;
          let follows = 0;
          const total = await everyStep(page, `/${lang}/${topic.slug}`, async (i) => {
            const o = await page.evaluate(() => {
              const box = document.querySelector<HTMLElement>('section.player .narration')!;
              const text = box.querySelector<HTMLElement>('.narration-text')!;
              const stage = document.querySelector<HTMLElement>('section.player .stage')!.getBoundingClientRect();
              return {
                cut: box.scrollHeight - box.clientHeight,
                px: parseFloat(getComputedStyle(text).fontSize),
                h: box.clientHeight,
                bottom: box.getBoundingClientRect().bottom,
                // It may follow its text only where the stage stands beside it, not above it.
                follows: box.dataset.ptFit === 'step',
                beside: box.dataset.ptFit === 'step' ? box.getBoundingClientRect().left >= stage.right - 1 : undefined,
                stage: [stage.left, stage.top, stage.width, stage.height],
              };
            });
            if (o.cut > 1) problems.push(`${lang} step ${i}: the narration is cut by ${o.cut} px`);
            if (o.px < floor - 0.05) problems.push(`${lang} step ${i}: narration type ${o.px} px, under ${floor.toFixed(1)}`);
            if (o.bottom > screen.height) problems.push(`${lang} step ${i}: the narration runs off the screen`);
            // The stage does not move from step to step: the box keeps one height for the run,
            // unless the layout lets it follow its text because the stage is beside it.
            if (stage && o.stage.some((v, k) => Math.abs(v - stage![k]) > 1)) problems.push(`${lang} step ${i}: the stage moved (${stage.map(Math.round)} → ${o.stage.map(Math.round)})`);
            if (height && !o.follows && Math.abs(o.h - height) > 1) problems.push(`${lang} step ${i}: the box changed height (${height} → ${o.h} px)`);
            height = o.h;
            stage = o.stage;
            if (o.follows) follows++;
            if (o.beside === false) problems.push(`${lang} step ${i}: the box follows its text under the stage`);
          });
          // A layout lets the box follow its text at every step or at none.
          expect([0, total], `${lang}: steps whose narration box follows its text`).toContain(follows);
        }
        expect(problems).toEqual([]);
      });
    }
  });
}

test.describe('phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('axe: no violations', async ({ page }) => {
    test.slow();
    for (const slug of ['tcp-connection', 'tcp-flow-error-control']) {
      await page.goto(`/ko/${slug}`);
      await playerReady(page);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${slug} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    }
  });
});
