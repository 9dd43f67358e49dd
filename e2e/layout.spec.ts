import { availableTopics } from '../simulations/registry';
import { test, expect, playerReady } from './fixtures';

test('the model answer comes right under the interview question, before the player', async ({ page }) => {
  for (const lang of ['ko', 'en'] as const) {
    await page.goto(`/${lang}/tcp-connection`);
    await playerReady(page);
    const order = await page.evaluate(() => {
      const q = document.querySelector('.question-text')!;
      const a = document.querySelector('details.answer')!;
      const p = document.querySelector('section.player')!;
      const before = (x: Node, y: Node) => !!(x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { qa: before(q, a), ap: before(a, p), inQuestion: !!a.closest('.question') };
    });
    expect(order).toEqual({ qa: true, ap: true, inQuestion: true });
    await expect(page.locator('details.answer')).toHaveCount(1);
    // On screen: the reveal is under the question, above the player's top.
    const q = (await page.locator('.question-text').boundingBox())!;
    const a = (await page.locator('details.answer summary').boundingBox())!;
    expect(a.y).toBeGreaterThan(q.y);
    expect(a.y - (q.y + q.height)).toBeLessThan(60);
  }
});

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the scrubber and the breadcrumb link are at least 24×24 px (${viewport.width} px wide)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/ko/tcp-connection');
    await playerReady(page);
    for (const sel of ['.scrubber input', '.kicker a']) {
      const box = (await page.locator(sel).boundingBox())!;
      expect(box.width, `${sel} width`).toBeGreaterThanOrEqual(24);
      expect(box.height, `${sel} height`).toBeGreaterThanOrEqual(24);
    }
  });
}

test.describe('no page scrolls sideways at 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const topic of availableTopics()) {
    test(`/ko/${topic.slug}`, async ({ page }) => {
      await page.goto(`/ko/${topic.slug}`);
      await playerReady(page);
      const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: innerWidth }));
      expect(scroll, `scrollWidth ${scroll} > innerWidth ${inner}`).toBeLessThanOrEqual(inner);
      // A wide table scrolls inside its own box.
      for (const wrap of await page.locator('.prose .table-wrap').all()) {
        const box = (await wrap.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(inner);
      }
    });
  }
  test('/ko (index)', async ({ page }) => {
    await page.goto('/ko');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
  });
});
