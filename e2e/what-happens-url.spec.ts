import AxeBuilder from '@axe-core/playwright';
import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping walks the journey; step links jump by key; the waterfall grows', async ({ page }) => {
  await page.goto('/en/what-happens-url');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(narration(page)).toContainText('search term or an address');
  // url-parse → hsts → dns-cache → dns-query: three presses.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('4');
  await expect(narration(page)).toContainText('RD=1');
  await page.locator('.prose .step-link[data-step-key="dns-answer"]').first().click();
  await expect(narration(page)).toContainText('www.naver.com.nheos.com');
  await expect(narration(page)).toContainText('203.0.113.101');
  await page.locator('.prose .step-link[data-step-key="tls-client-hello"]').first().click();
  await expect(narration(page)).toContainText('ALPN h2 and http/1.1');
  await expect(page.locator('.panel.waterfall')).toBeVisible();
  await page.locator('.prose .step-link[data-step-key="subresources"]').first().click();
  await expect(narration(page)).toContainText('same connection');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('The phase table adds up to this');
  await expect(page.locator('.panel.waterfall')).toContainText('DOMContentLoaded');
  await expect(page.locator('.counters caption')).toContainText('Time per phase');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'cache=warm&rtt=80&http=1.1&hsts=off&loss=5&seed=7&step=3';
  await page.goto(`/en/what-happens-url?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('DNS cache')).toHaveValue('warm');
  await expect(page.getByLabel('Round trip to the server')).toHaveValue('80');
  await expect(page.getByLabel('HTTP version')).toHaveValue('1.1');
  await expect(page.getByLabel('HSTS (preloaded)')).not.toBeChecked();
  await expect(page.getByLabel('Loss rate')).toHaveValue('5');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part.replace(/[.?*+^$()|[\]\\]/g, '\\$&')));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await page.getByLabel('HTTP version').selectOption('2');
  await expect(page).not.toHaveURL(/http=/);
  await page.getByLabel('DNS cache').selectOption('cold');
  await expect(page).not.toHaveURL(/cache=/);
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto('/en/what-happens-url?loss=90&rtt=0&http=3&cache=hot&hsts=maybe');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('clamped to the range 0–20');
  await expect(notices).toContainText('clamped to the range 2–400');
  await expect(notices).toContainText('allowed values are 2, 1.1');
  await expect(notices).toContainText('allowed values are cold, warm');
  await expect(notices).toContainText('must be on or off');
  await expect(page.getByLabel('HTTP version')).toHaveValue('2');
});

test('in Korean, HSTS off shows the plain-http redirect first', async ({ page }) => {
  await page.goto('/ko/what-happens-url?hsts=off&step=2');
  await playerReady(page);
  await expect(narration(page)).toContainText('HSTS 정책을 모릅니다');
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the waterfall meets WCAG AA contrast mid-load and at the end (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto('/en/what-happens-url');
    await playerReady(page);
    // Mid-load some requests have not started (muted labels); at the end every milestone is listed.
    await page.locator('.prose .step-link[data-step-key="subresources"]').first().click();
    const midway = await new AxeBuilder({ page }).include('.panel.waterfall').withRules(['color-contrast']).analyze();
    expect(midway.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    await page.keyboard.press('End');
    await expect(page.locator('.waterfall-marks')).toContainText('DOMContentLoaded');
    const end = await new AxeBuilder({ page }).include('.panel.waterfall').withRules(['color-contrast']).analyze();
    expect(end.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
  });
}
