import { availableTopics } from '../simulations/registry';
import { defaults } from '../simulations/core/params';
import { sceneAt } from '../simulations/core/story';
import { test, expect, playerReady } from './fixtures';

// The static HTML carries the player's first frame (the default scene at step 1, its
// narration and controls), so the page paints it before any script runs and nothing moves
// when the scripts arrive.

const topics = availableTopics();

test.describe('without JavaScript, the static HTML shows the first frame', () => {
  test.use({ javaScriptEnabled: false });
  for (const topic of topics) {
    for (const lang of ['ko', 'en'] as const) {
      test(`/${lang}/${topic.slug}`, async ({ page }) => {
        const scenario = (await topic.load!()).default;
        const values = defaults(scenario.params);
        const tl = scenario.simulate(values, values.seed as number);
        const scene = sceneAt({ beats: tl.steps, spans: tl.spans }, 0);
        await page.goto(`/${lang}/${topic.slug}`);
        const player = page.locator('section.player');
        await expect(player).toHaveCount(1);
        await expect(player).toHaveAttribute('data-step', '1');
        await expect(page.locator('.loading')).toHaveCount(0);
        // The diagram: an SVG drawing in the stage, naming its actors (hosts, servers, nodes).
        // (A figure whose layout follows its box may carry one drawing per width, a container query showing one.)
        const svg = player.locator('.stage svg:visible').first();
        await expect(svg).toBeVisible();
        const box = (await svg.boundingBox())!;
        expect(box.width).toBeGreaterThan(200);
        expect(box.height).toBeGreaterThan(60);
        const drawn = (await player.locator('.stage svg').allTextContents()).join(' ');
        const names = Object.values(scene.entities).flatMap((e) => ((e.kind === 'actor' || e.kind === 'node') && e.label ? [e.label[lang]] : []));
        for (const name of names) expect(drawn, `actor "${name}"`).toContain(name);
        expect(drawn.trim().length).toBeGreaterThan(0);
        // Drawn at rest, as the scripts leave it: no text under an ancestor at opacity 0 (a
        // fade-in's start), no arrow of length 0 (a growing arrow's start).
        const invisible = await player.locator('.stage svg text').evaluateAll((ts) =>
          ts.flatMap((t) => {
            let o = 1;
            for (let e: Element | null = t; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
            return o < 0.05 && t.textContent?.trim() ? [t.textContent.trim()] : [];
          }),
        );
        expect(invisible, 'texts drawn invisible').toEqual([]);
        const collapsed = await player
          .locator('.stage .msg line:not(.hit)')
          .evaluateAll((ls) => ls.filter((l) => l.getAttribute('x1') === l.getAttribute('x2') && l.getAttribute('y1') === l.getAttribute('y2')).length);
        expect(collapsed, 'arrows of length 0').toBe(0);
        // The first step's narration, the step count and the step list.
        await expect(page.locator('.narration-text')).toHaveText(tl.steps[0].narration[lang]);
        await expect(page.getByTestId('step-number')).toHaveText('1');
        await expect(player.locator('.step-list li')).toHaveCount(tl.steps.length);
      });
    }
  }
});

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
];

for (const viewport of VIEWPORTS) {
  test.describe(`layout shift while loading < 0.01 at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    for (const topic of topics) {
      test(`/ko/${topic.slug}`, async ({ page }) => {
        // As scripts/bench.mjs measures it: every shift not caused by input, from navigation on.
        await page.addInitScript(() => {
          const w = window as unknown as { __cls: number; __shifts: string[] };
          w.__cls = 0;
          w.__shifts = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node; previousRect?: DOMRectReadOnly; currentRect?: DOMRectReadOnly }[] })[]) {
              if (e.hadRecentInput) continue;
              w.__cls += e.value;
              // Each moved node with its box before and after (x,y w×h), and when.
              const r = (b?: DOMRectReadOnly) => (b ? `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}×${Math.round(b.height)}` : '?');
              const nodes = (e.sources ?? []).map(
                (s) => `${s.node instanceof Element ? `${s.node.tagName.toLowerCase()}.${s.node.className}` : String(s.node?.nodeName)} ${r(s.previousRect)} → ${r(s.currentRect)}`,
              );
              w.__shifts.push(`${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ${nodes.join('; ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
        });
        await page.goto(`/ko/${topic.slug}`, { waitUntil: 'networkidle' });
        await playerReady(page);
        await page.waitForTimeout(1200);
        const { cls, shifts } = await page.evaluate(() => {
          const w = window as unknown as { __cls: number; __shifts: string[] };
          return { cls: w.__cls, shifts: w.__shifts };
        });
        expect(cls, shifts.join('\n')).toBeLessThan(0.01);
      });
    }
  });
}

// While the HTML is still arriving, the explanation beside the player is short; the player
// spans its row and the question's. Whatever the explanation's length, it starts right under
// the question: a partly parsed page paints the prose where it ends up.
test.describe('the explanation starts under the question however short it is', () => {
  test.use({ viewport: { width: 1366, height: 768 } });
  for (const slug of ['http2', 'dns']) {
    test(`/ko/${slug}`, async ({ page }) => {
      await page.goto(`/ko/${slug}`);
      await playerReady(page);
      const gap = async () =>
        page.evaluate(() => {
          const q = document.querySelector('section.question')!.getBoundingClientRect();
          const p = document.querySelector('article.prose')!.getBoundingClientRect();
          const player = document.querySelector('.topic-player')!.getBoundingClientRect();
          return { gap: Math.round(p.top - q.bottom), proseHeight: p.height, playerBottom: player.bottom, proseBottom: p.bottom };
        });
      const full = await gap();
      // As the parser leaves it early on: the explanation's first block only.
      await page.evaluate(() => {
        const prose = document.querySelector('article.prose')!;
        while (prose.children.length > 1) prose.lastElementChild!.remove();
      });
      const cut = await gap();
      expect(cut.playerBottom, 'the player is taller than the question and the cut explanation').toBeGreaterThan(cut.proseBottom);
      expect(cut.gap).toBe(full.gap);
    });
  }
});
