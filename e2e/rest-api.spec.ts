import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping reaches the request and the 200, a step link jumps to the 304', async ({ page }) => {
  await page.goto('/en/rest-api');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(page.locator('.resource-tree')).toContainText('/boards');
  // Start, listen, SYN, SYN-ACK, client established, the request: five presses.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('6');
  await expect(narration(page)).toContainText('GET /boards/13 HTTP/1.1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('200 OK');
  await expect(narration(page)).toContainText('ETag');
  await page.locator('.prose .step-link[data-step-key="revalidate"]').first().click();
  await expect(narration(page)).toContainText('304 Not Modified');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('CLOSED');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'method=put&path=%2Fboards%2F13&body=%7B%22name%22%3A%22my-first-board%22%7D&type=merge-patch&if-match=stale&seed=7&step=3';
  await page.goto(`/en/rest-api?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('Method')).toHaveValue('put');
  await expect(page.getByLabel('Path')).toHaveValue('/boards/13');
  await expect(page.getByLabel('Body (JSON)')).toHaveValue('{"name":"my-first-board"}');
  await expect(page.getByLabel('Content-Type of the body')).toHaveValue('merge-patch');
  await expect(page.getByLabel('If-Match')).toHaveValue('stale');
  for (const part of ['method=put', 'type=merge-patch', 'if-match=stale', 'seed=7']) await expect(page).toHaveURL(new RegExp(part));
  await expect(page).toHaveURL(/body=/);
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await page.getByLabel('Method').selectOption('get');
  await expect(page).not.toHaveURL(/method=/);
});

test('the stale ETag gives 412 and the tree does not change', async ({ page }) => {
  await page.goto('/en/rest-api?method=put&path=%2Fboards%2F13&body=%7B%22name%22%3A%22my-first-board%22%7D&if-match=stale');
  await playerReady(page);
  await page.keyboard.press('End');
  await expect(page.locator('.resource-tree')).toContainText('Edited in another tab');
  await expect(page.locator('.resource-tree')).toContainText('412');
});

test('bad params are clamped or replaced, and the page says so; conventions are checked in Korean too', async ({ page }) => {
  await page.goto('/en/rest-api?method=fetch&path=boards&if-match=abc');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('allowed values are get, post, put, patch, delete, head, options');
  await expect(notices).toContainText('must be a path starting with "/"');
  await expect(notices).toContainText('must be empty, fresh, stale');
  await expect(page.getByLabel('Path')).toHaveValue('/boards/13');
  await page.goto('/ko/rest-api?path=%2FBoard%2F13%2FgetComments.json%2F');
  await playerReady(page);
  await expect(page.locator('.resource-tree')).toContainText('관례');
  await expect(page.locator('.resource-tree')).toContainText('확장자(.json)');
});
