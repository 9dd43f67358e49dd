import { test, expect, playerReady, stepNumber } from './fixtures';
import type { Page } from '@playwright/test';

// A presentation clicker sends only keys: whatever the mouse touched last, the player's
// keys go to the player, not to the focused button or range.

const playing = (page: Page) => page.getByTestId('play');
const player = (page: Page) => page.locator('section.player');

test('after clicking the full-screen button, Space plays (it does not leave full screen) and F leaves', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await page.getByTestId('fullscreen').click();
  await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
  const before = Number(await stepNumber(page).textContent());
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText(String(before + 1));
  await page.keyboard.press('f');
  await expect(player(page)).toHaveAttribute('data-fullscreen', 'false');
});

test('after clicking "next", Space plays instead of stepping', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await page.getByTestId('next').click();
  await expect(stepNumber(page)).toHaveText('2');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
  await expect(stepNumber(page)).toHaveText('2');
  await page.keyboard.press('PageUp');
  await expect(stepNumber(page)).toHaveText('1');
});

test('after clicking the play button, Space pauses once and PageDown steps', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await playing(page).click();
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
  const before = Number(await stepNumber(page).textContent());
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText(String(before + 1));
});

test('after clicking the scrubber, PageDown goes forward, PageUp back, Space plays, F goes full screen', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=10');
  await playerReady(page);
  const range = page.locator('.scrubber input');
  // Click the thumb where it is, so the click itself does not move the player.
  const box = (await range.boundingBox())!;
  const count = await page.locator('.step-list li').count();
  await page.mouse.click(box.x + 8 + ((box.width - 16) * 9) / (count - 1), box.y + box.height / 2);
  await expect(range).toBeFocused();
  const at = Number(await stepNumber(page).textContent());
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText(String(at + 1));
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText(String(at + 2));
  await page.keyboard.press('PageUp');
  await expect(stepNumber(page)).toHaveText(String(at + 1));
  await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText(String(at + 2));
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('f');
  await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
});

test('after clicking a step in the list, PageDown/PageUp step and Space plays', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await page.locator('.step-list li').nth(2).getByRole('button').click();
  await expect(stepNumber(page)).toHaveText('3');
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText('4');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await expect(stepNumber(page)).toHaveText('2');
  await page.keyboard.press('Space');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'true');
});

test('text fields and selects keep their own keys', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=3');
  await playerReady(page);
  const seed = page.getByLabel('Seed');
  await seed.click();
  await seed.press('End');
  await seed.press('ArrowLeft');
  await seed.press('Space');
  await expect(stepNumber(page)).toHaveText('3');
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
  await page.getByLabel('Speed').focus();
  await page.keyboard.press('PageDown');
  await expect(stepNumber(page)).toHaveText('3');
});

test('Enter applies a typed value and keeps the field; Escape leaves it, dropping what was not applied', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=3');
  await playerReady(page);
  const seed = page.getByLabel('Seed');
  await seed.fill('7');
  await seed.press('Enter');
  await expect(page).toHaveURL(/seed=7/);
  await expect(seed).toBeFocused();
  await seed.press('Home');
  await expect(stepNumber(page)).toHaveText('3');
  // A draft not applied is dropped on Escape; the player's keys work again.
  await seed.fill('9');
  await seed.press('Escape');
  await expect(seed).not.toBeFocused();
  await expect(seed).toHaveValue('7');
  await expect(page).toHaveURL(/seed=7/);
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('keys pressed before the player hydrates are not lost', async ({ page }) => {
  // Hold the scripts back, so the keys surely arrive before hydration.
  await page.route('**/_next/static/chunks/**', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.goto('/ko/tcp-connection?step=2', { waitUntil: 'domcontentloaded' });
  await expect(page.locator('section.player[data-ready="false"]')).toBeAttached();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowLeft');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('5');
  await expect(page).toHaveURL(/[?&]step=5(&|$)/);
});

test('the step list is one Tab stop; arrows, Home and End move inside it', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  const total = await page.locator('.step-list li').count();
  expect(total).toBeGreaterThan(5);
  // Tabbable elements inside the list.
  const stops = await page.locator('.step-list').evaluate((nav) =>
    [...nav.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]')].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled).length,
  );
  expect(stops).toBe(1);
  // Walk the page with Tab: the list is visited once.
  await page.locator('.scrubber input').focus();
  let inList = 0;
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => !!document.activeElement?.closest('.step-list'))) inList++;
    if (await page.evaluate(() => !!document.activeElement?.closest('.params'))) break;
  }
  expect(inList).toBe(1);
  // Back into the list: the current step has the focus, and arrows move it and the player.
  await page.keyboard.press('Shift+Tab');
  await expect(page.locator('.step-list [aria-current="step"]')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.step-list [aria-current="step"]')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(stepNumber(page)).toHaveText('2');
  await page.keyboard.press('End');
  await expect(stepNumber(page)).toHaveText(String(total));
  await expect(page.locator('.step-list li').last().getByRole('button')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
  await expect(page.locator('.step-list li').first().getByRole('button')).toBeFocused();
});

test('B blanks the player; any key brings it back and does nothing else', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=3');
  await playerReady(page);
  await page.keyboard.press('b');
  await expect(page.getByTestId('blank')).toBeVisible();
  const blank = await page.getByTestId('blank').boundingBox();
  const stage = await page.locator('.player .stage').boundingBox();
  expect(blank!.width).toBeGreaterThanOrEqual(stage!.width);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('blank')).toBeHidden();
  await expect(stepNumber(page)).toHaveText('3');
  await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('4');
  // In full screen too, and clicked away.
  await page.keyboard.press('f');
  await page.keyboard.press('B');
  await expect(page.getByTestId('blank')).toBeVisible();
  await page.getByTestId('blank').click();
  await expect(page.getByTestId('blank')).toBeHidden();
  await expect(player(page)).toHaveAttribute('data-fullscreen', 'true');
});

test('+ and - zoom the diagram and the narration, 0 resets; the zoom is remembered', async ({ page }) => {
  await page.goto('/en/tcp-connection?step=3');
  await playerReady(page);
  const size = () => page.locator('.narration-text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const width = async () => (await page.locator('.stage .diagram svg').first().boundingBox())!.width;
  const [s0, w0] = [await size(), await width()];
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect(player(page)).toHaveAttribute('data-zoom', '1.3');
  expect(await size()).toBeGreaterThan(s0 * 1.2);
  expect(await width()).toBeGreaterThan(w0 * 1.2);
  await page.reload();
  await playerReady(page);
  await expect(player(page)).toHaveAttribute('data-zoom', '1.3');
  await page.keyboard.press('0');
  await expect(player(page)).toHaveAttribute('data-zoom', '1');
  expect(await size()).toBeCloseTo(s0, 1);
  await page.keyboard.press('-');
  await expect(player(page)).toHaveAttribute('data-zoom', '0.9');
  expect(await size()).toBeLessThan(s0);
  // The page itself does not scroll sideways when zoomed in.
  for (let i = 0; i < 8; i++) await page.keyboard.press('=');
  await expect(player(page)).toHaveAttribute('data-zoom', '2');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
});

test('the help lists the blank and zoom keys', async ({ page }) => {
  await page.goto('/ko/tcp-connection');
  await playerReady(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('kbd', { hasText: /^B$/ })).toBeVisible();
  await expect(dialog.locator('kbd', { hasText: '+' })).toBeVisible();
  await expect(dialog.locator('kbd', { hasText: /^0$/ })).toBeVisible();
  // Keys for the dialog stay with the dialog: Space on its close button closes it.
  await page.keyboard.press('Space');
  await expect(dialog).toBeHidden();
  await expect(playing(page)).toHaveAttribute('aria-pressed', 'false');
});
