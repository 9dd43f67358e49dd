import { test, expect, playerReady, narration } from './fixtures';

test('the FIN that overtakes the data is held, and the late data still reaches the app', async ({ page }) => {
  await page.goto('/en/time-wait');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="held"]').click();
  await expect(narration(page)).toContainText('ahead of the expected number');
  await page.locator('.prose .step-link[data-step-key="late-data"]').click();
  await expect(narration(page)).toContainText('The late data is not lost');
  await expect(page.locator('.actor-client .actor-state-text')).toHaveText('TIME-WAIT');
});

test('msl sets the TIME-WAIT timer, and no-time-wait shows an old segment accepted by the new connection', async ({ page }) => {
  await page.goto('/ko/time-wait?msl=120&step=20');
  await playerReady(page);
  await expect(page.locator('.seq .mark-timer', { hasText: '2MSL 240 s' })).toHaveCount(1);
  await page.goto('/en/time-wait?no-time-wait=on');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('raised from 200 ms to 1200 ms');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('accepted as data of the new one');
  await expect(page).toHaveURL(/no-time-wait=on/);
});

test('an out-of-range MSL is clamped and explained', async ({ page }) => {
  await page.goto('/en/time-wait?msl=999');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('msl=999');
  await expect(page.locator('.notices')).toContainText('clamped to the range 1–120');
  await expect(page).toHaveURL(/msl=120/);
});
