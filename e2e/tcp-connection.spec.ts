import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('params in the URL reproduce the same scenario on reload, and the controls write them back', async ({ page }) => {
  await page.goto('/en/tcp-connection?closer=server&lossy=on&isn=fixed&seed=7&step=5');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('5');
  await expect(narration(page)).toContainText('lost');
  await expect(page.locator('.actor-server .actor-state-text')).toHaveText('SYN-RECEIVED');
  await page.getByLabel('Who closes first').selectOption('client');
  await expect(page).toHaveURL(/isn=fixed/);
  await expect(page).not.toHaveURL(/closer=/);
  await page.getByLabel('Lose the SYN-ACK once').uncheck();
  await expect(page).not.toHaveURL(/lossy/);
});

test('fixed ISNs show seq=1000 and the SYN-ACK acknowledges 1001', async ({ page }) => {
  await page.goto('/en/tcp-connection?isn=fixed&step=4');
  await playerReady(page);
  await expect(narration(page)).toContainText('SYN-ACK (seq=5000, ack=1001)');
  await expect(page.locator('.actor-client .actor-state-text')).toHaveText('SYN-SENT');
  await expect(page.locator('.fsm-state.at-server')).toContainText('SYN-RECEIVED');
  await expect(page.locator('.fsm-edge.lit-server')).toHaveCount(1);
});

test('a step link in the text moves the player', async ({ page }) => {
  await page.goto('/ko/tcp-connection');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="time-wait"]').click();
  await expect(page.locator('.actor-client .actor-state-text')).toHaveText('TIME-WAIT');
  await expect(page).toHaveURL(/step=\d+/);
});

test('the language switch keeps the page and its URL state', async ({ page }) => {
  await page.goto('/ko/tcp-connection?closer=server&step=6');
  await playerReady(page);
  await page.getByTestId('lang-switch').click();
  await expect(page).toHaveURL(/\/en\/tcp-connection\?closer=server&step=6$/);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('6');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the scrubber and step list move the player', async ({ page }) => {
  await page.goto('/en/tcp-connection');
  await playerReady(page);
  await page.locator('.scrubber input').fill('10');
  await expect(stepNumber(page)).toHaveText('10');
  await page.locator('.step-list li').nth(2).getByRole('button').click();
  await expect(stepNumber(page)).toHaveText('3');
  await expect(page).toHaveURL(/step=3/);
});

for (const reducedMotion of ['reduce', 'no-preference'] as const) {
  test(`with reducedMotion=${reducedMotion}, a step ${reducedMotion === 'reduce' ? 'changes at once' : 'animates'}`, async ({ browser }) => {
    const page = await browser.newPage({ reducedMotion });
    await page.goto('/en/tcp-connection?isn=fixed&step=3');
    await expect(page.locator('section.player[data-ready="true"]')).toBeVisible();
    await page.waitForTimeout(600);
    await page.keyboard.press('ArrowRight');
    // The SYN's arrow reaches the server: at once with reduced motion, grown over 450 ms otherwise.
    const line = page.locator('[data-msg="w1"] line:not(.hit)');
    const early = Number(await line.getAttribute('x2'));
    await page.waitForTimeout(700);
    const late = Number(await line.getAttribute('x2'));
    if (reducedMotion === 'reduce') expect(early).toBe(late);
    else expect(early).toBeLessThan(late);
    await page.close();
  });
}
