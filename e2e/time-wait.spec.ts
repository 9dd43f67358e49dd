import { test, expect, playerReady, narration } from './fixtures';
import type { Page } from '@playwright/test';

/** Moves the player to the step with this key, through the step list. */
async function goToKey(page: Page, key: string) {
  await page.locator(`.step-list li[data-key="${key}"] button`).click();
}

test('the FIN that overtakes the data is held, and the late data still reaches the app', async ({ page }) => {
  await page.goto('/en/time-wait');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="held"]').click();
  await expect(narration(page)).toContainText('ahead of the expected number');
  await page.locator('.prose .step-link[data-step-key="late-data"]').click();
  await expect(narration(page)).toContainText('The late data is not lost');
  await expect(page.locator('[data-actor="client"] .actor-state-text')).toHaveText('TIME-WAIT');
});

test('msl sets the TIME-WAIT timer, and no-time-wait shows an old segment accepted by the new connection', async ({ page }) => {
  await page.goto('/ko/time-wait?msl=120');
  await playerReady(page);
  await goToKey(page, 'late-data');
  await expect(page.locator('.seq g.timer', { hasText: '2MSL 240 s' })).toHaveCount(1);
  await page.goto('/en/time-wait?no-time-wait=on');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('raised from 200 ms to 1200 ms');
  await goToKey(page, 'stale');
  await expect(narration(page)).toContainText('accepted as data of the new one');
  await expect(page).toHaveURL(/no-time-wait=on/);
});

test('a RST in TIME-WAIT is labelled as a RST, not a 2MSL timeout', async ({ page }) => {
  await page.goto('/en/time-wait?delay=1500');
  await playerReady(page);
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('rcv RST (TIME-WAIT assassination, RFC 1337)');
  await expect(narration(page)).not.toContainText('ECONNRESET');
});

test('an out-of-range MSL is clamped and explained', async ({ page }) => {
  await page.goto('/en/time-wait?msl=999');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('msl=999');
  await expect(page.locator('.notices')).toContainText('clamped to the range 1–120');
  await expect(page).toHaveURL(/msl=120/);
});
