import { test, expect, playerReady, stepNumber, narration } from './fixtures';

const stack = (page: import('@playwright/test').Page, id: string) => page.locator(`.panel.layers[data-stack="${id}"]`);

test('keys step down A\'s stack: the layer in play is lit and the PDU gains a header per step', async ({ page }) => {
  await page.goto('/en/osi-model');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  await expect(stack(page, 'stack-A').locator('.layer-on')).toHaveCount(3); // layers 7–5
  await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('2');
  await expect(narration(page)).toContainText('20-byte header');
  await expect(stack(page, 'stack-A').locator('.layer-on')).toContainText('4 Transport');
  await expect(stack(page, 'stack-A').locator('.hdr-tcp')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(stack(page, 'stack-A').locator('.layer-on')).toContainText('3 Network');
  await expect(stack(page, 'stack-A').locator('.hdr-ip')).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(stepNumber(page)).toHaveText('2');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('body "Hello, OSI!"');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('a step link jumps to the router rewrite: TTL 64 → 63, new MACs, same IPs', async ({ page }) => {
  await page.goto('/en/osi-model?device=router');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="router-rewrite"]').first().click();
  await expect(narration(page)).toContainText('from 64 to 63');
  await expect(narration(page)).toContainText('stay as they were');
  await expect(page).toHaveURL(/step=\d+/);
  await expect(page.locator('.panel.counters', { hasText: 'routing table' })).toContainText('198.51.100.0/24');
});

test('payload, device and arp round-trip through the URL, and the controls write them back', async ({ page }) => {
  await page.goto('/en/osi-model?payload=ping&device=router&arp=warm&seed=3');
  await playerReady(page);
  await expect(page.getByLabel('Text to send')).toHaveValue('ping');
  await expect(page.getByLabel('Device in focus')).toHaveValue('router');
  await expect(page.getByLabel('ARP caches')).toHaveValue('warm');
  // Warm caches: no ARP step at all.
  await expect(page.locator('.step-list li', { hasText: 'ARP request' })).toHaveCount(0);
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('body "ping"');
  await page.getByLabel('ARP caches').selectOption('cold');
  await expect(page).not.toHaveURL(/arp=/);
  await expect(page).toHaveURL(/payload=ping/);
  await expect(page.locator('.step-list li', { hasText: 'ARP request' }).first()).toBeVisible();
  await page.getByLabel('Device in focus').selectOption('switch');
  await expect(page).not.toHaveURL(/device=/);
  await page.getByLabel('Text to send').fill('안녕');
  await page.getByLabel('Text to send').press('Enter');
  await expect(page).toHaveURL(/payload=%EC%95%88%EB%85%95/);
  await page.reload();
  await playerReady(page);
  await expect(page.getByLabel('Text to send')).toHaveValue('안녕');
});

test('bad params are clamped, each with a message', async ({ page }) => {
  await page.goto(`/en/osi-model?arp=lukewarm&payload=${'x'.repeat(101)}`);
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('arp=lukewarm');
  await expect(page.locator('.notices')).toContainText('allowed values are cold, warm');
  await expect(page.locator('.notices')).toContainText('at most 100 characters');
  await expect(page.getByLabel('ARP caches')).toHaveValue('cold');
  await expect(page.getByLabel('Text to send')).toHaveValue('Hello, OSI!');
});

test('the switch focus shows the MAC table filling as frames arrive', async ({ page }) => {
  await page.goto('/en/osi-model');
  await playerReady(page);
  const table = page.locator('.panel.counters', { hasText: 'MAC table' });
  await expect(table).toContainText('(empty)');
  await page.locator('.prose .step-link[data-step-key="switch-learn"]').first().click();
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('02:00:5e:00:00:0a');
  await page.locator('.prose .step-link[data-step-key="switch-forward"]').first().click();
  await expect(table.locator('tbody tr')).toHaveCount(2);
  await expect(narration(page)).toContainText('out of that port only');
});
