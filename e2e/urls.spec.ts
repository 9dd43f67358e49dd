import { test, expect, playerReady, stepNumber } from './fixtures';

test.describe('near-miss URLs reach the page', () => {
  test('the server redirects a trailing slash (308) to the canonical path, keeping the query', async ({ page, request }) => {
    const r = await request.get('/ko/tcp-connection/?step=3&closer=server', { maxRedirects: 0 });
    expect(r.status()).toBe(308);
    expect(r.headers().location).toBe('/ko/tcp-connection?step=3&closer=server');
    const en = await request.get('/en/', { maxRedirects: 0 });
    expect(en.status()).toBe(308);
    expect(en.headers().location).toBe('/en');
    await page.goto('/ko/tcp-connection/?step=3');
    await expect(page).toHaveURL(/\/ko\/tcp-connection\?step=3$/);
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('3');
    await page.goto('/en/');
    await expect(page).toHaveURL(/\/en$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('the 404 page sends another letter case to the topic, keeping the query', async ({ page }) => {
    await page.goto('/ko/TCP-Connection?closer=server&step=3');
    await expect(page).toHaveURL(/\/ko\/tcp-connection\?closer=server&step=3$/);
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('3');
    await page.goto('/EN/Time-Wait');
    await expect(page).toHaveURL(/\/en\/time-wait$/);
    await playerReady(page);
  });

  test('on a host that does not redirect, the 404 page handles the trailing slash', async ({ page, request }) => {
    const notFound = await (await request.get('/no-such-page')).text();
    // Play a plain static host: every path ending in "/" gets the 404 page.
    await page.route(
      (url) => url.pathname.length > 1 && url.pathname.endsWith('/'),
      (route) => route.fulfill({ status: 404, contentType: 'text/html; charset=utf-8', body: notFound }),
    );
    await page.goto('/en/tcp-connection/?step=2');
    await expect(page).toHaveURL(/\/en\/tcp-connection\?step=2$/);
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('2');
  });

  test('a path that names no topic stays on the 404 page with suggestions', async ({ page }) => {
    await page.goto('/ko/tcp-conection');
    await expect(page.locator('main.not-found')).toBeVisible();
    await expect(page.getByTestId('suggestions').locator('a').first()).toHaveAttribute('href', '/ko/tcp-connection');
    await expect(page).toHaveURL(/\/ko\/tcp-conection$/);
  });
});

test.describe('the query', () => {
  test('tracking params are ignored without a notice and dropped from the URL', async ({ page }) => {
    await page.goto('/en/tcp-connection?utm_source=news&utm_medium=mail&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref=hn&si=xyz&_ga=1.2&closer=server&step=2');
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('2');
    await expect(page).toHaveURL(/\/en\/tcp-connection\?closer=server&step=2$/);
    await expect(page.locator('.notices')).toHaveCount(0);
  });

  test('other unknown params still get the notice', async ({ page }) => {
    await page.goto('/en/tcp-connection?utm_source=x&colour=blue');
    await playerReady(page);
    await expect(page.locator('.notices')).toContainText('colour');
    await expect(page.locator('.notices')).not.toContainText('utm_source');
  });

  test('step=3.7 opens step 4 and says it rounded', async ({ page }) => {
    await page.goto('/en/tcp-connection?step=3.7');
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('4');
    await expect(page.locator('.notices')).toContainText('step=3.7');
    await expect(page.locator('.notices')).toContainText('whole number');
    await expect(page).toHaveURL(/[?&]step=4$/);
  });

  test('step=abc opens step 1 with a notice', async ({ page }) => {
    await page.goto('/ko/tcp-connection?step=abc');
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('1');
    await expect(page.locator('.notices')).toContainText('step=abc');
    await expect(page.locator('.notices')).toContainText('숫자가 아니어서');
  });

  test('a negative step is clamped to 1, one beyond the end to the last, each with a notice', async ({ page }) => {
    await page.goto('/en/tcp-connection?step=-2');
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText('1');
    await expect(page.locator('.notices')).toContainText('step=-2');
    await expect(page.locator('.notices')).toContainText('not within');
    const total = await page.locator('.step-list li').count();
    await page.goto(`/en/tcp-connection?step=${total + 1}`);
    await playerReady(page);
    await expect(stepNumber(page)).toHaveText(String(total));
    await expect(page.locator('.notices')).toContainText(`step=${total + 1}`);
  });
});

test.describe('the .pcap file name', () => {
  for (const [query, name] of [
    ['closer=server&lossy=on&seed=7', 'tcp-connection_closer-server_lossy-on_seed-7.pcap'],
    ['', 'tcp-connection_seed-1.pcap'],
  ] as const) {
    test(`names the topic and the params that change the run: ${name}`, async ({ page }) => {
      await page.goto(`/en/tcp-connection${query ? `?${query}` : ''}`);
      await playerReady(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pcap').click()]);
      expect(download.suggestedFilename()).toBe(name);
    });
  }
});
