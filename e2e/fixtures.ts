import { test as base, expect, type Page } from '@playwright/test';

/** Every page must load without console errors or uncaught exceptions. */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      await use(errors);
      // A 404 page logs its own failed document request; that one is expected.
      expect(errors.filter((e) => !/status of 404/.test(e)), 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/** Waits until the player has read the URL and is interactive. */
export async function playerReady(page: Page) {
  await expect(page.locator('section.player[data-ready="true"]')).toBeVisible();
}

export const stepNumber = (page: Page) => page.getByTestId('step-number');
export const narration = (page: Page) => page.locator('.narration-text');

/**
 * Presses F and waits until full screen is on and fitted: its fitting comes in its own chunk,
 * so the first frame there is fitted a moment after the key (the narration always, the panel
 * column when the topic has one).
 */
export async function enterFullscreen(page: Page) {
  await page.keyboard.press('f');
  await expect(page.locator('section.player')).toHaveAttribute('data-fullscreen', 'true');
  await expect(page.locator('section.player .narration')).toHaveAttribute('data-pt-fitted', 'true');
  if (await page.locator('section.player .panels').count()) await expect(page.locator('section.player .panels')).toHaveAttribute('data-pt-fitted', 'true');
}
