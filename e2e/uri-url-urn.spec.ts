import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping colours each part of the default URL in turn', async ({ page }) => {
  await page.goto('/en/uri-url-urn');
  await playerReady(page);
  await expect(page.locator('svg.uri-parts')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('Appendix B');
  for (const part of ['scheme', 'userinfo', 'host', 'port', 'path', 'query', 'fragment']) {
    await page.keyboard.press('ArrowRight');
    await expect(page.locator(`.uri-row-href .uri-part-current`)).toHaveAttribute('data-part', part);
  }
  await page.keyboard.press('End');
  await expect(page.locator('.venn')).toHaveAttribute('data-region', 'url');
});

test('typing the sheet\'s example shows why it is not a URL; the URL keeps it', async ({ page }) => {
  await page.goto('/en/uri-url-urn');
  await playerReady(page);
  const field = page.getByLabel('URI', { exact: true });
  await field.fill('test.com/food/salad.png');
  await field.press('Enter');
  await expect(page).toHaveURL(/uri=test\.com/);
  // Enter applied the value and left the caret in the field; Escape hands the keys back to the player.
  await expect(field).toBeFocused();
  await field.press('Escape');
  await expect(field).not.toBeFocused();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('relative reference');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.uri-row-resolved')).toContainText('example.com');
  await page.keyboard.press('End');
  await expect(page.locator('.venn')).toHaveAttribute('data-region', 'relative');
  await page.reload();
  await playerReady(page);
  await expect(field).toHaveValue('test.com/food/salad.png');
});

test('an example link opens a URN, split into NID and NSS', async ({ page }) => {
  await page.goto('/ko/uri-url-urn');
  await playerReady(page);
  await page.locator('.prose a[href="?uri=urn%3Aisbn%3A0451450523"]').first().click();
  await playerReady(page);
  await expect(page.getByLabel('URI', { exact: true })).toHaveValue('urn:isbn:0451450523');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.uri-row-href .uri-part-current')).toHaveAttribute('data-part', 'nid');
  await page.keyboard.press('End');
  await expect(page.locator('.venn')).toHaveAttribute('data-region', 'urn');
});

test('the normalisation example lists what the parser changed', async ({ page }) => {
  await page.goto(`/en/uri-url-urn?uri=${encodeURIComponent('HTTP://EXAMPLE.com:80/a/../b/./c?q=a b')}`);
  await playerReady(page);
  await page.locator('.step-list li').filter({ hasText: 'the parser changed' }).getByRole('button').click();
  await expect(page.locator('.uri-row-href')).toContainText('example.com');
  await expect(page.locator('.uri-note-change')).not.toHaveCount(0);
  await expect(narration(page)).toContainText('default port');
});

test('an invalid URI gets its reason, never a blank figure', async ({ page }) => {
  await page.goto(`/en/uri-url-urn?uri=${encodeURIComponent('https://exa mple.com/')}&step=3`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.uri-note-error')).not.toHaveCount(0);
  await expect(page.locator('.notices')).toBeVisible();
});

test('bad params are clamped, and the page says so', async ({ page }) => {
  await page.goto('/en/uri-url-urn?step=abc&seed=x');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(page.locator('.notices')).toBeVisible();
});
