import { test, expect, playerReady, stepNumber, narration } from './fixtures';

test('keyboard stepping reaches the head-of-line block in one pipelined lane, then a step link jumps to the load', async ({ page }) => {
  await page.goto('/en/http1-vs-http11?mode=pipelining&slow-first=on');
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('1');
  // Start, SYN-ACK, GET /, 200 /, HTML in (pipelined requests), HOL: five presses.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(stepNumber(page)).toHaveText('6');
  await expect(narration(page)).toContainText('head-of-line blocking');
  await expect(page.locator('.counters caption')).toContainText('Cost per way of loading');
  await page.locator('.prose .step-link[data-step-key="loaded-pipelining"]').first().click();
  await expect(narration(page)).toContainText('Page loaded');
  await expect(page.locator('.counters').first()).toContainText('700 ms');
  await page.keyboard.press('Home');
  await expect(stepNumber(page)).toHaveText('1');
});

test('compare: every lane is drawn and the table ends with the hand-computed load times', async ({ page }) => {
  await page.goto('/en/http1-vs-http11');
  await playerReady(page);
  await expect(page.locator('.actor.role-client')).toHaveCount(4);
  await expect(page.locator('.actor.role-server')).toHaveCount(4);
  await page.keyboard.press('End');
  // N=4, RTT 100 ms: (1+N)·2r, r+(1+N)·r, 3r, (3+⌈(N−1)/6⌉)·r.
  for (const ms of ['1000 ms', '600 ms', '300 ms', '400 ms']) await expect(page.locator('.counters').first()).toContainText(ms);
});

test('every param round-trips through the URL', async ({ page }) => {
  const q = 'mode=parallel&resources=7&rtt=150&slow-first=on&connections=3&seed=9&step=4';
  await page.goto(`/en/http1-vs-http11?${q}`);
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('4');
  await expect(page.locator('.notices')).toHaveCount(0);
  await expect(page.getByLabel('How the page loads')).toHaveValue('parallel');
  await expect(page.getByLabel('Images on the page')).toHaveValue('7');
  await expect(page.getByLabel('Round-trip time (RTT)')).toHaveValue('150');
  await expect(page.getByLabel('Slow first image')).toBeChecked();
  await expect(page.getByLabel('Connections per host')).toHaveValue('3');
  for (const part of q.split('&').filter((p) => !p.startsWith('step='))) await expect(page).toHaveURL(new RegExp(part));
  await page.reload();
  await playerReady(page);
  await expect(stepNumber(page)).toHaveText('4');
  await page.getByLabel('How the page loads').selectOption('compare');
  await expect(page).not.toHaveURL(/mode=/);
});

test('bad params are clamped or replaced, and the page says so', async ({ page }) => {
  await page.goto('/en/http1-vs-http11?resources=40&connections=0&mode=http3&slow-first=maybe');
  await playerReady(page);
  const notices = page.locator('.notices');
  await expect(notices).toContainText('clamped to the range 1–12');
  await expect(notices).toContainText('clamped to the range 1–6');
  await expect(notices).toContainText('allowed values are');
  await expect(notices).toContainText('must be on or off');
  await expect(page.getByLabel('Images on the page')).toHaveValue('12');
});

test('the Korean page steps by key too', async ({ page }) => {
  await page.goto('/ko/http1-vs-http11');
  await playerReady(page);
  await page.locator('.prose .step-link[data-step-key="loaded-keepalive"]').first().click();
  await expect(narration(page)).toContainText('페이지 완성');
  await expect(page).toHaveURL(/step=\d+/);
});
