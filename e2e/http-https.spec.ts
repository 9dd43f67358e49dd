import { test, expect, playerReady, stepNumber, narration } from './fixtures';
import type { Page } from '@playwright/test';

/** The 1-based number of the step with this key. */
async function numberOf(page: Page, key: string): Promise<number> {
  return (await page.locator('.step-list li').evaluateAll((els, k) => els.findIndex((e) => e.getAttribute('data-key') === k), key)) + 1;
}

test('keyboard stepping reaches the ClientHello, then a step link jumps to the shared secret', async ({ page }) => {
  await page.goto('/en/http-https');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  // Start, SYN, SYN-ACK, client ESTABLISHED, ClientHello: four presses.
  const n = await numberOf(page, 'client-hello');
  for (let i = 1; i < n; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText(String(n));
  await expect(narration(page)).toContainText('ClientHello');
  await expect(narration(page)).toContainText('SNI "www.example.com"');
  await page.keyboard.press('ArrowRight');
  await expect(narration(page)).toContainText('SNI "www.example.com" is in clear');
  await page.locator('.prose .step-link[data-step-key="keys-handshake"]').first().click();
  await expect(narration(page)).toContainText('same shared secret');
  await expect(page.locator('.counters caption')).toContainText(['Keys each side holds']);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('over HTTP the eavesdropper reads the password', async ({ page }) => {
  await page.goto('/en/http-https?protocol=http');
  await playerReady(page);
  await page.locator('.step-list li[data-key="eavesdropper"] button').click();
  await expect(narration(page)).toContainText('id=alice&pw=tulip-2025');
  await expect(page.locator('.counters').filter({ hasText: 'What the eavesdropper copied' })).toContainText('pw=tulip-2025');
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'tls=1.2&attacker=off&cert=expired&seed=7&step=3';
  await page.goto(`/en/http-https?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('TLS version')).toHaveValue('1.2');
  await expect(page.getByLabel('Eavesdropper on the path')).not.toBeChecked();
  await expect(page.getByLabel('Server certificate')).toHaveValue('expired');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part.replace(/[.?*+^$()|[\]\\]/g, '\\$&')));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('3');
  await page.locator('.step-list li[data-key="alert"] button').click();
  await expect(narration(page)).toContainText('certificate_expired');
  await page.getByLabel('Protocol').selectOption('http');
  await expect(page).toHaveURL(/protocol=http/);
  await page.getByLabel('Server certificate').selectOption('valid');
  await expect(page).not.toHaveURL(/cert=/);
  await page.getByLabel('TLS version').selectOption('1.3');
  await expect(page).not.toHaveURL(/tls=/);
  await page.getByLabel('Eavesdropper on the path').check();
  await expect(page).not.toHaveURL(/attacker=/);
});

test('a bad param is replaced and the page says so', async ({ page }) => {
  await page.goto('/en/http-https?tls=1.1&cert=revoked');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('allowed values are 1.3, 1.2');
  await expect(notices).toContainText('allowed values are valid, expired, wrong-host, self-signed');
  await expect(page.getByLabel('TLS version')).toHaveValue('1.3');
});
