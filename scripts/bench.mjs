#!/usr/bin/env node
// Prints the figures the budgets are checked against (tests never assert on timings):
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
for (const route of routes) {
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
await browser.close();
server.kill();

console.log('\nJS loaded on first visit (gzip, module scripts; Chromium, cold cache)');
console.log(`framework floor (Next root main files): ${kb(floor)} kB; budget for a topic page: floor + ${BUDGET_KB} kB\n`);
console.log('route'.padEnd(28), 'files'.padStart(5), 'total kB'.padStart(9), 'above floor'.padStart(12));
for (const r of rows) {
  const topic = r.route.split('/').length === 3;
  const flag = topic && r.over / 1024 > BUDGET_KB ? '  OVER BUDGET' : '';
  console.log(r.route.padEnd(28), String(r.files).padStart(5), kb(r.total).padStart(9), `+${kb(r.over)}`.padStart(12) + flag);
}

// Simulation speed: bundle the registry with esbuild and time every scenario.
const dir = mkdtempSync(path.join(tmpdir(), 'pt-bench-'));
await build({
  entryPoints: ['simulations/registry.ts'],
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

console.log('\nSimulation (median of 25 runs of the slowest param combination per topic)');
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
const mem = process.memoryUsage();
console.log(`\nheap used after all runs: ${(mem.heapUsed / 1048576).toFixed(1)} MB`);
