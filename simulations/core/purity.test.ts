/**
 * The engine is pure: no React, no DOM, no clock, no unseeded randomness, no Node-only
 * modules. This reads every engine source file (tests aside) and fails naming the file
 * and what it found.
 */
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !/fixture/.test(name)) out.push(p);
  }
  return out;
}

/** Source without comments and string contents, so prose about a rule does not break it. */
function code(src: string): string {
  return src
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:\\])\/\/.*$/gm, '$1')
    .replace(/`(?:\\[\s\S]|[^`\\])*`/g, '``')
    .replace(/'(?:\\.|[^'\\\n])*'/g, "''")
    .replace(/"(?:\\.|[^"\\\n])*"/g, '""');
}

const IMPORT = /(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;
const FORBIDDEN_MODULES = /^(react|react-dom|next|framer-motion|d3-selection|node:|fs$|path$|os$|crypto$|child_process$)/;
const FORBIDDEN_CODE: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random'],
  [/\bDate\b/, 'Date'],
  [/\bperformance\b/, 'performance'],
  [/(?<![.\w$])(window|document|navigator|localStorage)\s*\./, 'DOM global'],
  [/\b(setTimeout|setInterval|requestAnimationFrame)\b/, 'timer'],
  [/\bcrypto\.(getRandomValues|subtle|randomUUID)\b/, 'platform crypto'],
];

describe('simulations/ is pure', () => {
  const files = sources(ROOT);
  test('there are engine files to check', () => expect(files.length).toBeGreaterThan(50));
  for (const file of files) {
    test(relative(ROOT, file), () => {
      const src = readFileSync(file, 'utf8');
      const found: string[] = [];
      for (const m of src.matchAll(IMPORT)) {
        const mod = m[1] ?? m[2] ?? m[3];
        if (FORBIDDEN_MODULES.test(mod)) found.push(`imports ${mod}`);
      }
      const body = code(src);
      for (const [re, what] of FORBIDDEN_CODE) if (re.test(body)) found.push(`uses ${what}`);
      expect(found).toEqual([]);
    });
  }
});

describe('one event loop', () => {
  test('only the kernel uses the event queue', () => {
    const users = sources(ROOT)
      .filter((f) => /from\s+['"][./]*(core\/)?queue['"]/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(users).toEqual(['core/kernel.ts']);
  });
});

describe('the purity check itself', () => {
  test('catches what it must, and ignores prose', () => {
    expect(/\bMath\.random\b/.test(code('const x = Math.random();'))).toBe(true);
    expect(/\bMath\.random\b/.test(code('// never Math.random here\nconst x = 1;'))).toBe(false);
    expect(/\bDate\b/.test(code("const s = 'Date';"))).toBe(false);
    expect(/\bDate\b/.test(code('const d = new Date();'))).toBe(true);
    const dom = /(?<![.\w$])(window|document|navigator|localStorage)\s*\./;
    expect(dom.test(code('const w = window.innerWidth;'))).toBe(true);
    expect(dom.test(code('const w = cfg.window.from; const window = 3;'))).toBe(false);
  });
});
