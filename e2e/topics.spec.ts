import AxeBuilder from '@axe-core/playwright';
import { availableTopics } from '../simulations/registry';
import { test, expect, playerReady, stepNumber, narration } from './fixtures';

// Every built topic, from the registry: both languages render, step with keys, pass axe.
for (const topic of availableTopics()) {
  test.describe(topic.slug, () => {
    for (const lang of ['ko', 'en'] as const) {
      test(`renders in ${lang} with its title, question, answer reveal and references`, async ({ page }) => {
        await page.goto(`/${lang}/${topic.slug}`);
        await playerReady(page);
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(topic.title[lang]);
        await expect(page).toHaveTitle(new RegExp(topic.title[lang].replace(/[()]/g, '.')));
        await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /Packet Theater/);
        await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{30,}/);
        await expect(page.locator('.question-text')).not.toBeEmpty();
        const answer = page.locator('details.answer');
        await expect(answer.locator('.answer-body')).toBeHidden();
        await answer.locator('summary').click();
        await expect(answer.locator('.answer-body')).toBeVisible();
        expect(await page.locator('.references a[href^="https://"]').count()).toBeGreaterThan(0);
      });

      test(`axe finds no violations (${lang})`, async ({ page }) => {
        // axe walks the whole page (step list, panels, SVG): give it room on a busy 2-core machine.
        test.slow();
        await page.goto(`/${lang}/${topic.slug}`);
        await playerReady(page);
        const result = await new AxeBuilder({ page }).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
      });
    }

    test('→ three times is step 4 in the narration and the URL; reload restores it', async ({ page }) => {
      await page.goto(`/ko/${topic.slug}`);
      await playerReady(page);
      await expect(stepNumber(page)).toHaveText('1');
      const first = await narration(page).textContent();
      const historyBefore = await page.evaluate(() => history.length);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await expect(stepNumber(page)).toHaveText('4');
      await expect(page).toHaveURL(/[?&]step=4(&|$)/);
      const fourth = await narration(page).textContent();
      expect(fourth).not.toBe(first);
      await expect(page.locator('.step-list [aria-current="step"] .n')).toHaveText('4');
      // replaceState: stepping adds no history entries.
      expect(await page.evaluate(() => history.length)).toBe(historyBefore);
      await page.reload();
      await playerReady(page);
      await expect(stepNumber(page)).toHaveText('4');
      await expect(narration(page)).toHaveText(fourth!);
    });

    test('keys: PageDown/PageUp, End/Home, Space plays and pauses, ? opens help', async ({ page }) => {
      await page.goto(`/en/${topic.slug}`);
      await playerReady(page);
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await expect(stepNumber(page)).toHaveText('3');
      await page.keyboard.press('PageUp');
      await expect(stepNumber(page)).toHaveText('2');
      await page.keyboard.press('End');
      const total = await page.locator('.step-list li').count();
      await expect(stepNumber(page)).toHaveText(String(total));
      await page.keyboard.press('Home');
      await expect(stepNumber(page)).toHaveText('1');
      await page.keyboard.press('Space');
      await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'true');
      await expect(stepNumber(page)).toHaveText('2', { timeout: 5000 });
      await page.keyboard.press('Space');
      await expect(page.getByTestId('play')).toHaveAttribute('aria-pressed', 'false');
      await page.keyboard.press('?');
      await expect(page.getByRole('dialog')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    });

    test('F enters full screen', async ({ page }) => {
      // A 1920×1080 projector: the narration's type stays at 24 px or more (a narrower screen
      // scales that floor with its width; fit.ts).
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`/en/${topic.slug}`);
      await playerReady(page);
      await page.keyboard.press('f');
      await expect(page.locator('section.player')).toHaveAttribute('data-fullscreen', 'true');
      expect(await page.evaluate(() => document.fullscreenElement?.classList.contains('player'))).toBe(true);
      // Big type for the back of the room.
      const size = await page.locator('.narration-text').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(size).toBeGreaterThanOrEqual(24);
      await page.keyboard.press('f');
      await expect(page.locator('section.player')).toHaveAttribute('data-fullscreen', 'false');
    });

    test('a bad param is clamped and the page says what it changed', async ({ page }) => {
      // A param the codec can reject: free text (a name, a payload, a URI) takes '<bogus>' as
      // text and the figure explains it, so pick the first enum, bool or number (every topic has the seed).
      const spec = (await topic.load!()).default.params.find((p) => p.kind !== 'string');
      if (!spec) throw new Error(`${topic.slug} declares no param the codec can reject`);
      await page.goto(`/en/${topic.slug}?${spec.name}=%3Cbogus%3E&step=999&nonsense=1`);
      await playerReady(page);
      const notices = page.locator('.notices');
      await expect(notices).toContainText(`${spec.name}=<bogus>`);
      await expect(notices).toContainText('step=999');
      await expect(notices).toContainText('nonsense');
      const total = await page.locator('.step-list li').count();
      await expect(stepNumber(page)).toHaveText(String(total));
      // The URL now holds the values actually used.
      await expect(page).toHaveURL(new RegExp(`step=${total}`));
      await expect(page).not.toHaveURL(/bogus|nonsense/);
      await expect(page.locator('svg.seq, svg').first()).toBeVisible();
    });
  });
}
