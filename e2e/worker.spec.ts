import { topicBySlug } from '../simulations/registry';
import { defaults, type ParamValues } from '../simulations/core/params';
import { test, expect, playerReady } from './fixtures';

// The default run's timeline comes with the page (computed at build time): loading a topic
// with the default params runs no simulation. Other params run in a worker while the
// previous frame stays on screen; when the run arrives, the URL and the diagram agree.

const runs = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __ptSimRuns?: number }).__ptSimRuns ?? 0);

async function expected(values: Partial<ParamValues>) {
  const scenario = (await topicBySlug('http2')!.load!()).default;
  const v = { ...defaults(scenario.params), ...values } as ParamValues;
  return scenario.simulate(v, v.seed as number);
}

/** Records, from now on, whether the stage ever lost its drawing and whether a run was computing. */
async function watchStage(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __stage: { blank: boolean; computing: boolean; counts: number[] } };
    const player = document.querySelector('section.player') as HTMLElement;
    const steps = () => player.querySelectorAll('.step-list li').length;
    w.__stage = { blank: false, computing: false, counts: [steps()] };
    new MutationObserver(() => {
      if (!player.querySelector('.stage svg') || player.querySelector('.stage .figure-placeholder')) w.__stage.blank = true;
      if (player.dataset.computing === 'true') w.__stage.computing = true;
      const n = steps();
      if (w.__stage.counts[w.__stage.counts.length - 1] !== n) w.__stage.counts.push(n);
    }).observe(player, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const stage = (page: import('@playwright/test').Page) =>
  page.evaluate(() => (window as unknown as { __stage: { blank: boolean; computing: boolean; counts: number[] } }).__stage);

test('the default page runs no simulation on load', async ({ page }) => {
  const tl = await expected({});
  await page.goto('/en/http2');
  await playerReady(page);
  await page.waitForTimeout(800);
  expect(await runs(page)).toBe(0);
  await expect(page.locator('.step-list li')).toHaveCount(tl.steps.length);
  // Stepping through the default run needs no simulation either.
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-number')).toHaveText(String(tl.steps.length));
  await expect(page.locator('.narration-text')).toHaveText(tl.steps[tl.steps.length - 1].narration.en);
  expect(await runs(page)).toBe(0);
});

test('a param change on http2 keeps the previous diagram until the new run arrives', async ({ page, context }) => {
  const before = await expected({});
  const after = await expected({ compare: 'none' });
  expect(after.steps.length).not.toBe(before.steps.length);
  await page.goto('/en/http2');
  await playerReady(page);
  // A slower CPU (the worker too), so the run takes a while and the wait is observable.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await watchStage(page);
  await page.getByLabel('Compare with').selectOption('none');
  await expect(page.locator('section.player')).toHaveAttribute('data-computing', 'false', { timeout: 30_000 });
  await expect(page.locator('.step-list li')).toHaveCount(after.steps.length);
  const seen = await stage(page);
  expect(seen.computing, 'the player said it was computing').toBe(true);
  expect(seen.blank, 'the stage lost its drawing while computing').toBe(false);
  // The step list went straight from the old run to the new one.
  expect(seen.counts).toEqual([before.steps.length, after.steps.length]);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  expect(await runs(page)).toBe(1);
  // It ran in a worker, not on the page's thread.
  expect(page.workers().length).toBeGreaterThan(0);
  // The URL and the diagram agree: compare=none, and step 1 of that run.
  await expect(page).toHaveURL(/[?&]compare=none\b/);
  await expect(page.locator('.narration-text')).toHaveText(after.steps[0].narration.en);
  // Reloading that URL gives the same run (computed in the worker, from the URL).
  await page.reload();
  await playerReady(page);
  await expect(page.locator('.step-list li')).toHaveCount(after.steps.length);
  await expect(page.locator('.narration-text')).toHaveText(after.steps[0].narration.en);
  expect(await runs(page)).toBe(1);
});

test('a run asked for before the previous one arrived wins; the stale one is dropped', async ({ page }) => {
  const before = await expected({});
  const stale = await expected({ streams: 3 });
  const last = await expected({ compare: 'none', streams: 3 });
  expect(new Set([before.steps.length, stale.steps.length, last.steps.length]).size).toBe(3);
  await page.goto('/en/http2');
  await playerReady(page);
  await watchStage(page);
  // Two changes a task apart (the page renders the first): the worker, still loading the
  // topic's code, cannot have answered the first before the second is asked for.
  await page.evaluate(async () => {
    const byLabel = (text: string) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent === text)!;
      return document.getElementById(label.htmlFor) as HTMLInputElement & HTMLSelectElement;
    };
    const streams = byLabel('Requests (streams)');
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(streams, '3');
    streams.dispatchEvent(new Event('input', { bubbles: true }));
    streams.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const compare = byLabel('Compare with');
    compare.value = 'none';
    compare.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await expect(page).toHaveURL(/[?&]streams=3\b/);
  await expect(page).toHaveURL(/[?&]compare=none\b/);
  await expect(page.locator('section.player')).toHaveAttribute('data-computing', 'false');
  await expect(page.locator('.step-list li')).toHaveCount(last.steps.length);
  await expect(page.locator('.narration-text')).toHaveText(last.steps[0].narration.en);
  expect(await runs(page)).toBe(2);
  // The first run's result never reached the screen.
  expect((await stage(page)).counts).toEqual([before.steps.length, last.steps.length]);
});

test('a link with params opens that run, step clamped with a notice', async ({ page }) => {
  const tl = await expected({ compare: 'none' });
  await page.goto('/en/http2?compare=none&step=999');
  await playerReady(page);
  await expect(page.locator('.step-list li')).toHaveCount(tl.steps.length);
  await expect(page.getByTestId('step-number')).toHaveText(String(tl.steps.length));
  await expect(page.locator('.notices')).toContainText(String(tl.steps.length));
  expect(await runs(page)).toBe(1);
});
