import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping reaches the ALPN step, and step links jump to the interleaved frames', async ({ page }) => {
  await page.goto('/en/http2');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(narration(page)).toContainText('SYN');
  // SYN, SYN arrives, SYN-ACK, SYN-ACK arrives: the ClientHello is four presses on.
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('5');
  await expect(narration(page)).toContainText('ClientHello');
  await expect(narration(page)).toContainText('ALPN');
  await page.locator('.prose .step-link[data-step-key="interleave"]').first().click();
  await expect(narration(page)).toContainText('interleaves');
  await expect(narration(page)).toContainText('RFC 9218');
  await expect(page.locator('[data-hpack]')).toContainText('Dynamic table');
  await page.keyboard.press('End');
  await expect(page.locator('.counters')).toContainText('/style.css');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('under loss the page shows TCP head-of-line blocking, in Korean too', async ({ page }) => {
  await page.goto('/ko/http2?loss=10&seed=3&compare=none');
  await playerReady(page);
  await page.keyboard.press('End');
  await expect(page.locator('.notices')).toHaveCount(0);
  // The step list marks each step with its key; picking the hol step explains it in Korean.
  const hol = page.locator('.step-list li[data-key="hol"]');
  await expect(hol).toHaveCount(1);
  await hol.getByRole('button').click();
  await expect(narration(page)).toContainText('HOL(Head-of-Line) 블로킹');
  await expect(narration(page)).toContainText('RFC 9293');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'streams=4&loss=10&priority=off&compare=none&table-size=200&seed=7&step=3';
  await page.goto(`/en/http2?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('Requests (streams)')).toHaveValue('4');
  await expect(page.getByLabel('Response segment loss')).toHaveValue('10');
  await expect(page.getByLabel('Priorities (RFC 9218)')).toHaveValue('off');
  await expect(page.getByLabel('Compare with')).toHaveValue('none');
  await expect(page.getByLabel('SETTINGS_HEADER_TABLE_SIZE')).toHaveValue('200');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await page.getByLabel('Priorities (RFC 9218)').selectOption('on');
  await expect(page).not.toHaveURL(/priority=/);
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto('/en/http2?streams=50&loss=90&priority=maybe&table-size=99999');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('clamped to the range 1–10');
  await expect(notices).toContainText('clamped to the range 0–30');
  await expect(notices).toContainText('allowed values are on, off');
  await expect(notices).toContainText('clamped to the range 0–4096');
  await expect(page.getByLabel('Requests (streams)')).toHaveValue('10');
});
