import { test, expect, playerReady, stepNumber, narration } from './fixtures';
import type { Page } from '@playwright/test';

/** Moves the player to the step with this key, through the step list. */
async function goToKey(page: Page, key: string) {
  await page.locator(`.step-list li[data-key="${key}"] button`).click();
}
/** The 1-based number of the step with this key. */
async function numberOf(page: Page, key: string): Promise<number> {
  return (await page.locator('.step-list li').evaluateAll((els, k) => els.findIndex((e) => e.getAttribute('data-key') === k), key)) + 1;
}

test('params in the URL reproduce the same scenario on reload, and the controls write them back', async ({ page }) => {
  await page.goto('/en/tcp-connection?closer=server&lossy=on&isn=fixed&seed=7');
  await playerReady(page);
  await goToKey(page, 'lost');
  const n = await numberOf(page, 'lost');
  await expect(page).toHaveURL(new RegExp(`step=${n}(&|$)`));
  await expect(narration(page)).toContainText('lost');
  await expect(page.locator('[data-actor="server"] .actor-state-text')).toHaveText('SYN-RECEIVED');
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText(String(n));
  await expect(narration(page)).toContainText('lost');
  await page.getByLabel('Who closes first').selectOption('client');
  await expect(page).toHaveURL(/isn=fixed/);
  await expect(page).not.toHaveURL(/closer=/);
  await page.getByLabel('Lose the SYN-ACK once').uncheck();
  await expect(page).not.toHaveURL(/lossy/);
});

test('fixed ISNs show seq=1000 and the SYN-ACK acknowledges 1001', async ({ page }) => {
  await page.goto('/en/tcp-connection?isn=fixed');
  await playerReady(page);
  await goToKey(page, 'syn-ack');
  await expect(narration(page)).toContainText('SYN-ACK (seq=5000, ack=1001)');
  await expect(page.locator('[data-actor="client"] .actor-state-text')).toHaveText('SYN-SENT');
  await expect(page.locator('.fsm-state[data-at~="server"]')).toContainText('SYN-RECEIVED');
  await expect(page.locator('.fsm-edge[data-lit="server"]')).toHaveCount(1);
});

test('the first closer half-closes with shutdown(SHUT_WR)', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await goToKey(page, 'fin');
  await expect(narration(page)).toContainText('shutdown(SHUT_WR)');
  await expect(narration(page)).toContainText('answered with a RST');
});

test('a step link in the text moves the player', async ({ page }) => {
  await page.goto('/ko/tcp-connection');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="time-wait"]').click();
  await expect(page.locator('[data-actor="client"] .actor-state-text')).toHaveText('TIME-WAIT');
  await expect(page).toHaveURL(/step=\d+/);
});

test('the language switch keeps the page and its URL state', async ({ page }) => {
  await page.goto('/ko/tcp-connection?closer=server');
  await playerReady(page);
  await goToKey(page, 'data');
  const n = await numberOf(page, 'data');
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(new RegExp(`/en/tcp-connection\\?closer=server&step=${n}$`));
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText(String(n));
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the scrubber and step list move the player', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await page.locator('.scrubber input').fill('10');
  await expect(stepNumber(page)).toHaveText('10');
  await goToKey(page, 'syn');
  const n = await numberOf(page, 'syn');
  await expect(stepNumber(page)).toHaveText(String(n));
  await expect(page).toHaveURL(new RegExp(`step=${n}(&|$)`));
});

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test(`with reducedMotion=${reducedMotion}, a step ${reducedMotion === 'reduce' ? 'changes at once' : 'animates'}`, async ({ browser }) => {
    const page = await browser.newPage({ reducedMotion });
    await page.goto('/en/tcp-connection?isn=fixed');
    await expect(page.locator('section.player[data-ready="true"]')).toBeVisible();
    await goToKey(page, 'syn');
    await page.waitForTimeout(600);
    const before = await stepNumber(page).textContent();
    await page.keyboard.press('ArrowRight');
    // The step is on screen (a step renders as a transition, within a frame or two)...
    await expect(stepNumber(page)).not.toHaveText(before ?? '');
    // ...and the SYN's arrow (the run's first message) reaches the server: at once with reduced motion, grown over 450 ms otherwise.
    const line = page.locator('[data-msg="m1"] line:not(.hit)');
    const early = Number(await line.getAttribute('x2'));
    await page.waitForTimeout(700);
    const late = Number(await line.getAttribute('x2'));
    if (reducedMotion === 'reduce') expect(early).toBe(late);
    else expect(early).toBeLessThan(late);
    await page.close();
  });
}
