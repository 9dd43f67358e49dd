import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping: the POST is handled, its response lost, retried and handled again', async ({ page }) => {
  await page.goto('/en/http-idempotency');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(narration(page)).toContainText('POST is not idempotent');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('4');
  await expect(narration(page)).toContainText("response is lost on the way back");
  await page.locator('.prose .step-link[data-step-key="applied-again"]').first().click();
  await expect(narration(page)).toContainText('for the second time: 201 Created');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('not idempotent');
  await expect(page.locator('.counters', { hasText: 'Server resource state' })).toContainText('#4 pen×2');
});

test('DELETE: 204 then 404, and the state equals one request', async ({ page }) => {
  await page.goto('/en/http-idempotency?method=delete');
  await playerReady(page);
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('idempotent');
  await expect(narration(page)).not.toContainText('not idempotent');
  const tries = page.locator('.counters', { hasText: 'Each try' });
  await expect(tries).toContainText('204');
  await expect(tries).toContainText('404');
});

test('an Idempotency-Key turns the retries into replays', async ({ page }) => {
  await page.goto('/en/http-idempotency?method=post&idempotency-key=on');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="replayed"]').first().click();
  await expect(narration(page)).toContainText('stored first response');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'method=patch&repeats=4&idempotency-key=on&patch=set&loss=20&seed=5&step=3';
  await page.goto(`/en/http-idempotency?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Method', exact: true })).toHaveValue('patch');
  await expect(page.getByLabel('Sends in all')).toHaveValue('4');
  await expect(page.getByLabel('Idempotency-Key header')).toBeChecked();
  await expect(page.getByLabel('PATCH kind')).toHaveValue('set');
  await expect(page.getByLabel('Extra loss rate')).toHaveValue('20');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await page.getByRole('combobox', { name: 'Method', exact: true }).selectOption('post');
  await expect(page).not.toHaveURL(/method=/);
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto('/en/http-idempotency?repeats=9&loss=-3&method=connect');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('clamped to the range 1–5');
  await expect(notices).toContainText('clamped to the range 0–50');
  await expect(notices).toContainText('allowed values are');
  await expect(page.getByLabel('Sends in all')).toHaveValue('5');
});

test('the Korean page steps by key', async ({ page }) => {
  await page.goto('/ko/http-idempotency');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="response-lost"]').first().click();
  await expect(narration(page)).toContainText('응답이 돌아오는 길에 사라집니다');
});
