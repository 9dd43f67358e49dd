import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping reaches the root referral, then a step link jumps to the cached answer', async ({ page }) => {
  await page.goto('/en/dns-resolution');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  // Start, app query, resolver query, root referral: three presses.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('4');
  await expect(narration(page)).toContainText('referral');
  await expect(narration(page)).toContainText('AA=0');
  await page.locator('.prose .step-link[data-step-key="cached-answer"]').first().click();
  await expect(narration(page)).toContainText('no root, no TLD, no authoritative server to ask');
  await expect(page.locator('.counters caption')).toContainText('Resolver cache');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('(10 ms)');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'name=example.com&qtype=aaaa&cache=warm&mode=iterative-from-stub&stubcache=on&rtt-stub=20&rtt-root=50&rtt-tld=70&rtt-auth=90&loss=10&seed=7&step=3';
  await page.goto(`/en/dns-resolution?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('Name to look up')).toHaveValue('example.com');
  await expect(page.getByLabel('Record type')).toHaveValue('aaaa');
  await expect(page.getByLabel('Resolver cache')).toHaveValue('warm');
  await expect(page.getByLabel('Query mode')).toHaveValue('iterative-from-stub');
  await expect(page.getByLabel('OS stub cache')).toBeChecked();
  await expect(page.getByLabel('Round trip: stub ↔ resolver')).toHaveValue('20');
  await expect(page.getByLabel('Loss rate')).toHaveValue('10');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part.replace(/[.?*+^$()|[\]\\]/g, '\\$&')));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  // Back to the defaults: the params leave the URL.
  await page.getByLabel('Record type').selectOption('a');
  await expect(page).not.toHaveURL(/qtype=/);
  await page.getByLabel('Query mode').selectOption('recursive');
  await expect(page).not.toHaveURL(/mode=/);
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto('/en/dns-resolution?name=bad_name..com&loss=90&rtt-root=0&qtype=srv');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('name');
  await expect(notices).toContainText('clamped to the range 0–50');
  await expect(notices).toContainText('clamped to the range 1–300');
  await expect(notices).toContainText('allowed values are a, aaaa, mx, txt');
  await expect(page.getByLabel('Name to look up')).toHaveValue('www.naver.com');
});

test('an IDN name is looked up as its A-label, in Korean too', async ({ page }) => {
  await page.goto('/ko/dns-resolution?name=한국.kr&step=2');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('xn--3e0b707e.kr');
  await expect(narration(page)).toContainText('xn--3e0b707e.kr');
});
