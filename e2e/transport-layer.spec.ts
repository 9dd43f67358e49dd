import { test, expect, playerReady, stepNumber, narration } from './fixtures';

/** Steps are reached by their stable key (the page's step links), never by number. */
const stepTo = (page: import('@playwright/test').Page, key: string) => page.locator(`.prose .step-link[data-step-key="${key}"]`).first().click();

test('focus in the URL picks the lanes drawn, and the control writes it back', async ({ page }) => {
  await page.goto('/en/transport-layer?focus=tcp&loss=0&reorder=off&messages=3&seed=4');
  await playerReady(page);
  await expect(page.locator('[data-actor="tcp-client"]')).toBeVisible();
  await expect(page.locator('[data-actor="tcp-server"]')).toBeVisible();
  await expect(page.locator('[data-actor="udp-client"]')).toHaveCount(0);
  await expect(page.getByLabel('Loss rate (%)')).toHaveValue('0');
  await expect(page.getByLabel('Reordering (jittered path delay)')).not.toBeChecked();
  await page.getByLabel('Lanes shown').selectOption('both');
  await expect(page).not.toHaveURL(/focus=/);
  await expect(page).toHaveURL(/messages=3/);
  await expect(page.locator('[data-actor="udp-client"]')).toBeVisible();
  await expect(page.locator('[data-actor="udp-server"]')).toBeVisible();
});

test('a loss rate above 50 % is clamped and the page says so', async ({ page }) => {
  await page.goto('/en/transport-layer?loss=80');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('loss=80');
  await expect(page.locator('.notices')).toContainText('0–50');
  await expect(page.getByLabel('Loss rate (%)')).toHaveValue('50');
});

test('the default race: UDP ends early with a gap, TCP ends later with everything in order', async ({ page }) => {
  await page.goto('/en/transport-layer');
  await playerReady(page);
  const table = page.locator('.panel.counters table');
  // Before anything is sent: nothing delivered on either side.
  await expect(table.locator('tbody tr').first()).toContainText('0 / 5');
  await stepTo(page, 'udp-done');
  await expect(narration(page)).toContainText('The UDP lane is done');
  await expect(table.locator('tbody tr').first()).toContainText('4 / 5');
  await stepTo(page, 'tcp-done');
  await expect(narration(page)).toContainText('in the order sent');
  await expect(table.locator('tbody tr').first()).toContainText('5 / 5');
  await expect(page).toHaveURL(/step=\d+/);
});

test('with nothing lost or reordered, the only gap is the handshake round trip', async ({ page }) => {
  await page.goto('/ko/transport-layer?loss=0&reorder=off');
  await playerReady(page);
  await page.keyboard.press('End');
  const finished = page.locator('.panel.counters tbody tr').last();
  await expect(finished).toContainText('230 ms');
  await expect(finished).toContainText('130 ms');
  await expect(stepNumber(page)).not.toHaveText('1');
});

test('the held segments and the retransmission are reached by key, with their narration', async ({ page }) => {
  await page.goto('/en/transport-layer');
  await playerReady(page);
  await stepTo(page, 'held');
  await expect(narration(page)).toContainText('holds this segment');
  await stepTo(page, 'rto');
  await expect(narration(page)).toContainText('retransmission timer expires');
  await expect(page).toHaveURL(/step=\d+/);
});
