import { test, expect, playerReady, stepNumber, narration } from './fixtures';

const tcpip = (page: import('@playwright/test').Page) => page.locator('.panel.layers[data-stack="stack-tcpip"]');

test('keys walk the fold, then the nesting', async ({ page }) => {
  await page.goto('/en/tcp-ip-model');
  await playerReady(page);
  await expect(narration(page)).toContainText('reference model');
  await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('2');
  await expect(narration(page)).toContainText('Layers 5, 6 and 7');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('Layers 1 and 2');
  await page.keyboard.press('ArrowRight');
  await expect(tcpip(page).locator('.hdr-http')).toHaveCount(1);
  await expect(tcpip(page).locator('.hdr-tcp')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(tcpip(page).locator('.hdr-tcp')).toHaveCount(1);
});

test('a step link shows the whole frame: Ethernet 14, IPv4 20, TCP 20', async ({ page }) => {
  await page.goto('/en/tcp-ip-model');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="nest-link"]').first().click();
  await expect(tcpip(page).locator('.hdr-eth')).toHaveAttribute('data-bytes', '14');
  await expect(tcpip(page).locator('.hdr-ip')).toHaveAttribute('data-bytes', '20');
  await expect(tcpip(page).locator('.hdr-tcp')).toHaveAttribute('data-bytes', '20');
  await expect(page).toHaveURL(/step=\d+/);
});

test('highlight round-trips through the URL and decides the focus step', async ({ page }) => {
  await page.goto('/en/tcp-ip-model?highlight=internet&seed=4');
  await playerReady(page);
  await expect(page.getByLabel('Layer in focus')).toHaveValue('internet');
  await page.keyboard.press('End');
  await expect(narration(page)).toContainText('Internet layer');
  await expect(tcpip(page).locator('.layer-on')).toContainText('Internet layer');
  await page.getByLabel('Layer in focus').selectOption('application');
  await expect(page).not.toHaveURL(/highlight=/);
  await expect(page).toHaveURL(/seed=4/);
  await page.getByLabel('Layer in focus').selectOption('link');
  await expect(page).toHaveURL(/highlight=link/);
});

test('a bad highlight is clamped with a message', async ({ page }) => {
  await page.goto('/en/tcp-ip-model?highlight=session');
  await playerReady(page);
  await expect(page.locator('.notices')).toContainText('highlight=session');
  await expect(page.locator('.notices')).toContainText('allowed values are application, transport, internet, link');
  await expect(page.getByLabel('Layer in focus')).toHaveValue('application');
});
