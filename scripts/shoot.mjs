#!/usr/bin/env node
// Screenshots of the served site, to look at as a user would.
// Usage: node scripts/shoot.mjs [base=http://localhost:3000] [outdir=screenshots] path...
// A path may end in "#fullscreen" (press F) or "#inspect" (open the first packet's inspector).
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const [base = 'http://localhost:3000', outdir = 'screenshots', ...paths] = process.argv.slice(2);
const sizes = [
  { name: 'laptop', width: 1366, height: 768 },
  { name: 'projector', width: 1920, height: 1080 },
  { name: 'phone', width: 390, height: 844 },
].filter((s) => !process.env.SIZES || process.env.SIZES.split(',').includes(s.name));
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
await mkdir(outdir, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (const p of paths.length ? paths : ['/ko', '/ko/tcp-connection?step=4']) {
  for (const size of sizes) {
    for (const colorScheme of schemes) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, colorScheme });
      const errors = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      const [url, action] = p.split('#');
      await page.goto(base + url, { waitUntil: 'networkidle' });
      await page.locator('section.player[data-ready="true"], main.index, main.not-found').first().waitFor({ timeout: 15000 });
      await page.waitForTimeout(700);
      if (action === 'fullscreen') await page.keyboard.press('f');
      if (action === 'inspect') {
        await page.locator('.seq .msg[role="button"]').last().click();
        await page.locator('.inspector [data-key="tcp.flags.syn"], .inspector .field-row').first().focus();
      }
      if (action) await page.waitForTimeout(700);
      const name = `${outdir}/${p.replace(/[^a-z0-9]+/gi, '_')}-${size.name}-${colorScheme}.png`;
      await page.screenshot({ path: name, fullPage: process.env.FULL === '1' });
      console.log(name, errors.length ? `ERRORS: ${errors.join(' | ')}` : '');
      await page.close();
    }
  }
}
await browser.close();
