#!/usr/bin/env node
// Prints the figures the budgets are checked against (tests never assert on timings).
// `npm run bench -- --lighthouse` adds Lighthouse medians (slow).
//  1. for every route of the static export, the JS a modern browser loads on a first
//     visit (module scripts, gzip; noModule polyfills excluded), measured in Chromium,
//     beside the framework floor (Next's root main files: what a bare page loads);
//  2. the time to simulate each scenario (largest first) and the size of its timeline.
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import { execSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdtempSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

const BUDGET_KB = 60;
// BENCH_ONLY=js,main,cls,sim runs only those sections (default: all; --lighthouse adds Lighthouse).
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const want = (section) => !ONLY.length || ONLY.includes(section);
const kb = (n) => (n / 1024).toFixed(1);
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

if (!existsSync('out/index.html') || !existsSync('.next/build-manifest.json')) {
  console.log('No build found: running next build…');
  execSync('npx next build', { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
}

// The floor: the files every App Router page loads before any of its own code.
const manifest = JSON.parse(readFileSync('.next/build-manifest.json', 'utf8'));
const floor = manifest.rootMainFiles.reduce((sum, f) => sum + gz(readFileSync(path.join('.next', f))), 0);

// Routes: every HTML file of the export.
const routes = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== '_next') walk(p);
    } else if (name.endsWith('.html') && name !== '_not-found.html') {
      const rel = path.relative('out', p).replace(/\.html$/, '').replace(/(^|\/)index$/, '');
      routes.push(`/${rel}`);
    }
  }
})('out');
routes.sort();

const port = 4300 + Math.floor(Math.random() * 500);
const server = spawn(process.execPath, ['scripts/serve.mjs', 'out', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve) => server.stdout.once('data', resolve));

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const rows = [];
for (const route of want('js') ? routes : []) {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Scripts the browser fetched, measured from the files served (not from racing response bodies).
  const scripts = new Map();
  page.on('requestfinished', (req) => {
    if (req.resourceType() !== 'script') return;
    const file = path.join('out', decodeURIComponent(new URL(req.url()).pathname));
    if (existsSync(file)) scripts.set(file, gz(readFileSync(file)));
  });
  const url = `http://localhost:${port}${route === '/404' ? '/this-page-does-not-exist' : route}`;
  await page.goto(url, { waitUntil: 'networkidle' });
  // Topic pages: wait until the player has read the URL and loaded what the first scene needs.
  await page.locator('section.player[data-ready="true"], main.index, main.not-found').first().waitFor({ timeout: 30000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1000);
  const total = [...scripts.values()].reduce((a, b) => a + b, 0);
  rows.push({ route, files: scripts.size, total, over: total - floor });
  await context.close();
}

// Main-thread cost at 4× CPU throttle: loading the heaviest page, stepping it and pressing End,
// against the index page, measured the same way in the same run (long tasks over 50 ms count
// their excess, as total blocking time does); JS heap after a GC; layout shift while loading.
const HEAVY = process.env.BENCH_HEAVY ?? '/ko/tcp-flow-error-control?view=error&packets=40&loss=50&window=16';
async function mainThread(route, interact) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__tbt = 0;
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__tbt += Math.max(0, e.duration - 50); }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`http://localhost:${port}${route}`, { waitUntil: 'networkidle' });
  await page.locator('section.player[data-ready="true"], main.index').first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(1500);
  const load = await page.evaluate(() => ({ tbt: window.__tbt, cls: window.__cls }));
  if (interact) {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 5; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(150); }
    await page.keyboard.press('End');
    await page.waitForTimeout(1500);
  }
  const after = await page.evaluate(() => window.__tbt);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return { loadTbt: load.tbt, totalTbt: after, cls: load.cls, heap };
}
async function shift(route, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`http://localhost:${port}${route}`, { waitUntil: 'networkidle' });
  await page.locator('section.player[data-ready="true"], main.index, main.not-found').first().waitFor({ timeout: 60000 });
  await page.waitForTimeout(1200);
  const cls = await page.evaluate(() => window.__cls);
  await context.close();
  return cls;
}
// On a shared 2-core machine one load varies by a factor of two: the pages are measured in
// alternating pairs and the medians reported (ROUNDS=n to change the number of pairs).
const ROUNDS = Math.max(1, Number(process.env.ROUNDS ?? 5));
const median = (xs) => {
  const a = [...xs].sort((x, y) => x - y);
  return a.length % 2 ? a[(a.length - 1) / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
};
const pairs = [];
for (let r = 0; r < (want('main') ? ROUNDS : 0); r++) pairs.push({ idx: await mainThread('/ko', false), heavy: await mainThread(HEAVY, true) });
const med = (f) => median(pairs.map(f));
if (pairs.length) console.log(`\nMain thread at 4× CPU throttle (1366×768), median of ${ROUNDS} alternating pairs`);
if (pairs.length) console.log(`index /ko: blocking ${med((p) => p.idx.totalTbt).toFixed(0)} ms (runs: ${pairs.map((p) => p.idx.totalTbt.toFixed(0)).join(', ')}), JS heap ${(med((p) => p.idx.heap) / 1048576).toFixed(1)} MB`);
if (pairs.length) console.log(`${HEAVY}: blocking ${med((p) => p.heavy.loadTbt).toFixed(0)} ms loading, ${med((p) => p.heavy.totalTbt).toFixed(0)} ms after 5 steps and End (runs: ${pairs.map((p) => p.heavy.totalTbt.toFixed(0)).join(', ')}); JS heap ${(med((p) => p.heavy.heap) / 1048576).toFixed(1)} MB`);
if (pairs.length) console.log(`beyond the index: +${med((p) => p.heavy.totalTbt - p.idx.totalTbt).toFixed(0)} ms blocking (median of the pairs' differences; target < 200), +${(med((p) => p.heavy.heap - p.idx.heap) / 1048576).toFixed(1)} MB heap (target ≤ 5)`);

if (want('cls')) console.log('\nLayout shift while loading (target < 0.01)');
if (want('cls')) console.log('route'.padEnd(28), '1366×768'.padStart(9), '390×844'.padStart(9));
for (const route of want('cls') ? routes : []) {
  if (route === '/404') continue;
  const a = await shift(route, { width: 1366, height: 768 });
  const b = await shift(route, { width: 390, height: 844 });
  const flag = a >= 0.01 || b >= 0.01 ? '  OVER' : '';
  console.log(route.padEnd(28), a.toFixed(3).padStart(9), b.toFixed(3).padStart(9) + flag);
}

await browser.close();

// Lighthouse 12, mobile, median of 3 runs per page, with the index page measured in the same
// run as the yardstick (scores move ~10 points run to run on 2 cores). Opt-in: it takes a while.
if (process.argv.includes('--lighthouse')) {
  // LH_PAGES=/ko/a,/ko/b measures those topic pages only (the index is always measured).
  const only = (process.env.LH_PAGES ?? '').split(',').filter(Boolean);
  const pages = ['/ko', ...routes.filter((r) => r.split('/').length === 3 && r.startsWith('/ko/') && (!only.length || only.includes(r)))];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = [];
  for (const route of pages) {
    const scores = [];
    const tbts = [];
    const clss = [];
    for (let i = 0; i < 3; i++) {
      const outFile = path.join(tmpdir(), `pt-lh-${process.pid}.json`);
      execSync(
        `npx -y lighthouse@12 http://localhost:${port}${route} --quiet --only-categories=performance --form-factor=mobile --output=json --output-path=${outFile} --chrome-path=${CHROMIUM} --chrome-flags="${CHROMIUM_ARGS.join(' ')} --headless=new"`,
        { stdio: 'ignore', env: { ...process.env, CHROME_PATH: CHROMIUM } },
      );
      const lhr = JSON.parse(readFileSync(outFile, 'utf8'));
      scores.push(Math.round(lhr.categories.performance.score * 100));
      tbts.push(lhr.audits['total-blocking-time'].numericValue);
      clss.push(lhr.audits['cumulative-layout-shift'].numericValue);
    }
    results.push({ route, score: median(scores), tbt: median(tbts), cls: median(clss), scores });
  }
  const base = results[0];
  console.log('\nLighthouse 12 mobile performance (median of 3; targets: within 5 points and 100 ms TBT of the index)');
  console.log('route'.padEnd(28), 'score'.padStart(6), 'runs'.padStart(12), 'TBT ms'.padStart(8), 'CLS'.padStart(7));
  for (const r of results) {
    const flag = r !== base && (base.score - r.score > 5 || r.tbt - base.tbt > 100) ? '  OVER' : '';
    console.log(r.route.padEnd(28), String(r.score).padStart(6), r.scores.join('/').padStart(12), r.tbt.toFixed(0).padStart(8), r.cls.toFixed(3).padStart(7) + flag);
  }
}
server.kill();

if (want('js')) console.log('\nJS loaded on first visit (gzip, module scripts; Chromium, cold cache)');
if (want('js')) console.log(`framework floor (Next root main files): ${kb(floor)} kB; budget for a topic page: floor + ${BUDGET_KB} kB\n`);
if (want('js')) console.log('route'.padEnd(28), 'files'.padStart(5), 'total kB'.padStart(9), 'above floor'.padStart(12));
for (const r of rows) {
  const topic = r.route.split('/').length === 3;
  const flag = topic && r.over / 1024 > BUDGET_KB ? '  OVER BUDGET' : '';
  console.log(r.route.padEnd(28), String(r.files).padStart(5), kb(r.total).padStart(9), `+${kb(r.over)}`.padStart(12) + flag);
}

// Simulation speed: bundle the registry with esbuild and time every scenario. Pages load their
// language's copy of the engine (scripts/lang-split.mjs writes .lang/<lang>/simulations), so the
// Korean copy is what is timed: narration in one language, as a /ko page runs it.
if (want('sim')) {
const dir = mkdtempSync(path.join(tmpdir(), 'pt-bench-'));
execSync('node scripts/lang-split.mjs', { stdio: 'inherit' }); // refresh the copies from the sources
await build({
  entryPoints: ['.lang/ko/simulations/registry.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: path.join(dir, 'registry.mjs'),
  logLevel: 'silent',
});
const { availableTopics } = await import(pathToFileURL(path.join(dir, 'registry.mjs')).href);

function combos(specs) {
  let out = [{}];
  for (const s of specs) {
    const values = s.kind === 'enum' ? s.options.map((o) => o.value) : s.kind === 'bool' ? [false, true] : s.kind === 'int' && s.name !== 'seed' ? [s.min, s.default, s.max] : [s.default];
    out = out.flatMap((c) => values.map((v) => ({ ...c, [s.name]: v })));
  }
  return out.slice(0, 64);
}

console.log('\nSimulation, the /ko copy of the engine (median of 25 runs of the slowest param combination per topic)');
console.log('topic'.padEnd(26), 'steps'.padStart(6), 'ms'.padStart(8), 'timeline kB'.padStart(12));
for (const topic of availableTopics()) {
  const scenario = (await topic.load()).default;
  let worst = { ms: 0, steps: 0, bytes: 0 };
  for (const params of combos(scenario.params)) {
    const times = [];
    let tl;
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      tl = scenario.simulate(params, 12345);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const ms = times[12];
    if (ms > worst.ms) worst = { ms, steps: tl.steps.length, bytes: JSON.stringify(tl).length };
  }
  console.log(topic.slug.padEnd(26), String(worst.steps).padStart(6), worst.ms.toFixed(2).padStart(8), kb(worst.bytes).padStart(12));
}
// The largest scenario, named: its timeline's size and simulation time are the engine's targets.
{
  const flow = (await availableTopics().find((t) => t.slug === 'tcp-flow-error-control')?.load())?.default;
  if (flow) {
    const params = { view: 'error', packets: 40, loss: 50, window: 16 };
    const times = [];
    let tl;
    for (let i = 0; i < 25; i++) {
      const t0 = performance.now();
      tl = flow.simulate(params, 1);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`\nlargest: tcp-flow-error-control view=error packets=40 loss=50 window=16: ${tl.steps.length} steps, ${kb(JSON.stringify(tl).length)} kB timeline (target ≤ 400), ${times[12].toFixed(1)} ms to simulate (target ≤ 20)`);
  }
}
}
const mem = process.memoryUsage();
console.log(`\nheap used after all runs: ${(mem.heapUsed / 1048576).toFixed(1)} MB`);
