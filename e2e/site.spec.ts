import AxeBuilder from '@axe-core/playwright';
import { TOPICS, availableTopics } from '../simulations/registry';
import { test, expect } from './fixtures';

test.describe('index', () => {
  for (const [path, lang, heading] of [
    ['/', 'ko', '전송 계층'],
    ['/ko', 'ko', '전송 계층'],
    ['/en', 'en', 'Transport'],
  ] as const) {
    test(`${path} lists the 23 topics in the sheet's order, grouped (${lang})`, async ({ page }) => {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
      const items = page.locator('.topic-list li');
      await expect(items).toHaveCount(TOPICS.length);
      const numbers = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLLIElement).value)));
      // Within each group the sheet's order is kept.
      for (const g of ['layers', 'transport', 'http', 'security', 'realtime']) {
        const inGroup = TOPICS.filter((t) => t.group === g).map((t) => t.n);
        expect(numbers.filter((n) => inGroup.includes(n))).toEqual(inGroup);
      }
      // Built topics are links; the rest are plainly marked and not linked.
      for (const t of TOPICS) {
        const link = page.locator(`a[href="/${lang}/${t.slug}"]`);
        await expect(link).toHaveCount(t.load ? 1 : 0);
      }
      await expect(page.locator('.topic-list li.soon .badge')).toHaveCount(TOPICS.length - availableTopics().length);
    });
  }

  test('axe finds no violations on the index', async ({ page }) => {
    test.slow();
    for (const path of ['/ko', '/en']) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${path}: ${v.id}: ${v.help}`)).toEqual([]);
    }
  });
});

test('an unknown topic is a 404 page that suggests topics', async ({ page }) => {
  const res = await page.goto('/ko/tcp-conection');
  expect(res?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('페이지를 찾을 수 없습니다');
  await expect(page.getByTestId('suggestions').locator('a[href="/ko/tcp-connection"]')).toBeVisible();
});

test('the sitemap lists every built topic in both languages', async ({ request }) => {
  const xml = await (await request.get('/sitemap.xml')).text();
  for (const t of availableTopics()) for (const lang of ['ko', 'en']) expect(xml).toContain(`/${lang}/${t.slug}</loc>`);
});

test('the theme can be switched and is remembered', async ({ page }) => {
  await page.goto('/en');
  const toggle = page.getByTestId('theme-toggle');
  await toggle.click(); // system -> light
  await toggle.click(); // light -> dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(16, 20, 24)');
});

// V8 compiles a script's functions on its streaming thread when the script's first line asks for
// it (scripts/compile-hints.mjs, run after the build): every script a page runs must carry it.
test('every script the index and a topic page load asks to be compiled while it streams', async ({ page }) => {
  const urls = new Set<string>();
  page.on('requestfinished', (r) => {
    if (r.resourceType() === 'script') urls.add(r.url());
  });
  for (const path of ['/ko', '/ko/tcp-flow-error-control', '/en/dns']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(urls.size).toBeGreaterThan(5);
  for (const url of urls) {
    const body = await (await page.request.get(url)).text();
    expect(body.split('\n')[0], url).toBe('//# allFunctionsCalledOnLoad');
  }
});
