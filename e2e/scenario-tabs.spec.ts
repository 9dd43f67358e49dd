import { test, expect, playerReady, stepNumber, narration } from './fixtures';

/** tcp-flow-error-control exports two scenarios: error (default) and flow. */
const PAGE = '/en/tcp-flow-error-control';
const tab = (page: import('@playwright/test').Page, name: 'error' | 'flow') => page.locator(`[role="tab"][data-scene="${name}"]`);

test('the scenarios are tabs above the diagram: one Tab stop, arrows move between them', async ({ page }) => {
  await page.goto(`${PAGE}?step=3`);
  await playerReady(page);
  const list = page.getByRole('tablist');
  await expect(list.getByRole('tab')).toHaveCount(2);
  await expect(tab(page, 'error')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'error')).toHaveAttribute('tabindex', '0');
  await expect(tab(page, 'flow')).toHaveAttribute('tabindex', '-1');
  // The tabs sit above the stage they control.
  const [tabsBox, stageBox] = [await list.boundingBox(), await page.locator('.player .stage').boundingBox()];
  expect(tabsBox!.y + tabsBox!.height).toBeLessThanOrEqual(stageBox!.y + 1);
  await expect(page.locator('.player .stage')).toHaveAttribute('role', 'tabpanel');

  await tab(page, 'error').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'flow')).toBeFocused();
  await expect(tab(page, 'flow')).toHaveAttribute('aria-selected', 'true');
  await expect(tab(page, 'flow')).toHaveAttribute('tabindex', '0');
  // The arrow chose the tab; it did not also step the player (and switching starts at step 1).
  await expect(stepNumber(page)).toHaveText('1');
  await expect(page).toHaveURL(/\?scene=flow$/);
  await expect(page.getByLabel('Receive buffer (segments)', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Protocol', { exact: true })).toHaveCount(0);

  // Wraps around; Home and End go to the ends.
  await page.keyboard.press('ArrowRight');
  await expect(tab(page, 'error')).toBeFocused();
  await expect(page).not.toHaveURL(/scene=/);
  await page.keyboard.press('End');
  await expect(tab(page, 'flow')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(tab(page, 'error')).toHaveAttribute('aria-selected', 'true');

  // One Tab stop: Tab leaves the tab list from the selected tab.
  await page.keyboard.press('Tab');
  await expect(page.locator('[role="tab"]:focus')).toHaveCount(0);
  // Away from the tabs, the arrows step the player again.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('2');
});

test('the scene and its own params round-trip through the URL; switching drops the other scene’s', async ({ page }) => {
  await page.goto(`${PAGE}?scene=flow&window=3&step=5`);
  await playerReady(page);
  await expect(tab(page, 'flow')).toHaveAttribute('aria-selected', 'true');
  await expect(stepNumber(page)).toHaveText('5');
  await expect(page.getByLabel('Receive buffer (segments)', { exact: true })).toHaveValue('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page).toHaveURL(/\?scene=flow&window=3&step=5$/);

  // Reload: the same state comes back.
  await page.reload();
  await playerReady(page);
  await expect(tab(page, 'flow')).toHaveAttribute('aria-selected', 'true');
  await expect(stepNumber(page)).toHaveText('5');
  const flowText = await narration(page).textContent();

  // To the error scene by click: its params at their defaults, step 1, nothing of flow's left.
  await tab(page, 'error').click();
  await expect(stepNumber(page)).toHaveText('1');
  await expect(page).not.toHaveURL(/scene=|window=|step=/);
  await page.getByLabel('Protocol', { exact: true }).selectOption('selective-repeat');
  await expect(page).toHaveURL(/\?protocol=selective-repeat$/);
  // And back: flow at its defaults, the protocol gone.
  await tab(page, 'flow').click();
  await expect(page).toHaveURL(/\?scene=flow$/);
  await page.goto(`${PAGE}?scene=flow&window=3&step=5`);
  await playerReady(page);
  await expect(narration(page)).toHaveText(flowText!);
});

test('a bad scene opens the default with a notice; old view= links still open their scene', async ({ page }) => {
  await page.goto(`${PAGE}?scene=congestion&step=2`);
  await playerReady(page);
  await expect(tab(page, 'error')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.notices')).toContainText('scene=congestion');
  await expect(page.locator('.notices')).toContainText('error, flow');
  await expect(stepNumber(page)).toHaveText('2');
  await expect(page).toHaveURL(/\?step=2$/);

  // A param that belongs to the other scene is ignored and said so.
  await page.goto(`${PAGE}?scene=flow&protocol=tcp`);
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('protocol=tcp');
  await expect(page).toHaveURL(/\?scene=flow$/);

  // The old single-scenario links: view=flow is scene=flow, silently (their params were valid then).
  await page.goto(`${PAGE}?view=flow&protocol=tcp&step=12`);
  await playerReady(page);
  await expect(tab(page, 'flow')).toHaveAttribute('aria-selected', 'true');
  await expect(narration(page)).toContainText('ACK 401 with rwnd=0');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page).toHaveURL(/\?scene=flow&step=12$/);
  await page.goto(`${PAGE}?view=error&protocol=tcp`);
  await playerReady(page);
  await expect(tab(page, 'error')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Protocol', { exact: true })).toHaveValue('tcp');
  await expect(page).toHaveURL(/\?protocol=tcp$/);

  // Korean page: the tabs carry the Korean labels.
  await page.goto('/ko/tcp-flow-error-control?scene=flow');
  await playerReady(page);
  await expect(tab(page, 'flow')).toHaveText('흐름 제어 (rwnd)');
});
