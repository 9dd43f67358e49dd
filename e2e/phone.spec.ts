import type { CDPSession, Page } from '@playwright/test';
import { test, expect, playerReady, stepNumber } from './fixtures';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

/** A one-finger drag dispatched as real touch input (the browser scrolls for it as for a finger). */
async function drag(cdp: CDPSession, from: { x: number; y: number }, to: { x: number; y: number }, moves = 8) {
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
  for (let i = 1; i <= moves; i++) {
    const x = from.x + ((to.x - from.x) * i) / moves;
    const y = from.y + ((to.y - from.y) * i) / moves;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** A drawing wider than its box pans under the finger first: put it at the edge the swipe goes towards. */
const toEdge = (page: Page, edge: 'start' | 'end') =>
  page.locator('section.player .stage div').evaluateAll((els, end) => els.forEach((e) => (e.scrollLeft = end ? e.scrollWidth : 0)), edge === 'end');

async function stageCentre(page: Page) {
  const stage = page.locator('section.player .stage');
  await stage.scrollIntoViewIfNeeded();
  const b = (await stage.boundingBox())!;
  return { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + Math.min(b.height / 2, 120)) };
}

for (const slug of ['tcp-connection', 'ports-sockets']) {
  test(`${slug}: swiping the diagram left steps forward, right steps back`, async ({ page }) => {
    await page.goto(`/ko/${slug}`);
    await playerReady(page);
    const cdp = await page.context().newCDPSession(page);
    await expect(stepNumber(page)).toHaveText('1');
    await toEdge(page, 'end');
    let c = await stageCentre(page);
    await drag(cdp, { x: c.x + 100, y: c.y }, { x: c.x - 60, y: c.y + 8 });
    await expect(stepNumber(page)).toHaveText('2');
    await expect(page).toHaveURL(/[?&]step=2(&|$)/);
    await toEdge(page, 'end');
    c = await stageCentre(page);
    await drag(cdp, { x: c.x + 100, y: c.y }, { x: c.x - 60, y: c.y });
    await expect(stepNumber(page)).toHaveText('3');
    // Back: a swipe to the right.
    await toEdge(page, 'start');
    c = await stageCentre(page);
    await drag(cdp, { x: c.x - 100, y: c.y }, { x: c.x + 60, y: c.y });
    await expect(stepNumber(page)).toHaveText('2');
  });
}

test('a short or vertical move does not step, and a vertical swipe still scrolls the page', async ({ page }) => {
  await page.goto('/ko/tcp-connection');
  await playerReady(page);
  const cdp = await page.context().newCDPSession(page);
  let c = await stageCentre(page);
  // 30 px sideways: under the 40 px threshold.
  await drag(cdp, { x: c.x + 15, y: c.y }, { x: c.x - 15, y: c.y });
  await page.waitForTimeout(300);
  await expect(stepNumber(page)).toHaveText('1');
  // A vertical swipe over the diagram scrolls the page and leaves the step alone.
  c = await stageCentre(page);
  const before = await page.evaluate(() => scrollY);
  await drag(cdp, { x: c.x, y: c.y + 100 }, { x: c.x + 20, y: c.y - 150 }, 12);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before + 50);
  await page.waitForTimeout(300);
  await expect(stepNumber(page)).toHaveText('1');
});
