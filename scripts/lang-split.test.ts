/**
 * One language per page, checked: the engine copy for each language must give, for every
 * topic and variant, exactly the original timeline with the other language's texts blanked,
 * and no other difference (no logic may depend on the text of a language), and no text of
 * the other language may survive in it.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: plain ES module without types
import { splitSource, splitTree } from './lang-split.mjs';
import { availableTopics } from '../simulations/registry';
import type { Scenario } from '../simulations/core/timeline';
import type { ParamSpec, ParamValues } from '../simulations/core/params';

const HANGUL = /[\uac00-\ud7af]/;

describe('splitSource', () => {
  const src = `
    import { t } from './text';
    const a = { ko: '안녕', en: 'hello' };
    const b = t('패킷 ' + n, 'packet ' + n);
    const c = say(\`\${x}를 보냅니다\`, \`sends \${x}\`, 3);
    const d = { ko: \`\${a.ko}!\`, en: \`\${a.en}!\`, extra: 1 };
    const e = f('no hangul', 'here');`;
  test('keeps one language of every bilingual text, and leaves other code alone', () => {
    const ko = splitSource(src, 'ko');
    expect(ko).toContain("'안녕'");
    expect(ko).not.toContain('hello');
    expect(ko).not.toContain('sends');
    expect(ko).toMatch(/t\('패킷 ' \+ n, ""\)/);
    const en = splitSource(src, 'en');
    expect(en).not.toMatch(HANGUL);
    expect(en).toContain("'hello'");
    // Three properties: not a Text, left as it is; two plain strings without Hangul: not a pair.
    expect(en).toContain('${a.en}!');
    expect(ko).toContain('${a.en}!');
    expect(ko).toContain("f('no hangul', 'here')");
  });
});

function blank(v: unknown, drop: 'ko' | 'en'): unknown {
  if (Array.isArray(v)) return v.map((x) => blank(x, drop));
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && 'ko' in o && 'en' in o && typeof o.ko === 'string' && typeof o.en === 'string') return { ...o, [drop]: '' };
    return Object.fromEntries(keys.map((k) => [k, blank(o[k], drop)]));
  }
  return v;
}

/** The first place two JSON values differ, as a path and both values: a readable failure. */
function firstDiff(a: unknown, b: unknown, at = '$'): string | null {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      if (d) return d;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 160)} ≠ ${JSON.stringify(b)?.slice(0, 160)}`;
}

function variants(specs: readonly ParamSpec[]): ParamValues[] {
  let out: ParamValues[] = [{}];
  for (const s of specs) {
    if (s.kind !== 'enum' && s.kind !== 'bool') continue;
    const values = s.kind === 'enum' ? s.options.map((o) => o.value) : [false, true];
    out = out.flatMap((c) => values.map((v) => ({ ...c, [s.name]: v })));
  }
  return out.slice(0, 24);
}

describe('the per-language engine copies', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pt-lang-'));
    cpSync(join(__dirname, '..', 'simulations'), join(dir, 'simulations'), { recursive: true });
    splitTree(dir);
    return () => rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  for (const topic of availableTopics()) {
    test(`${topic.slug}: each copy is the original minus the other language`, async () => {
      const original = (await topic.load!()).default;
      for (const lang of ['ko', 'en'] as const) {
        const other = lang === 'ko' ? 'en' : 'ko';
        const mod = await import(join(dir, '.lang', lang, 'simulations', 'topics', topic.slug, 'index.ts'));
        const copy: Scenario = mod.default;
        for (const [i, v] of variants(original.params).entries()) {
          const seed = 3 + i;
          const want = blank(original.simulate(v, seed), other);
          const got = copy.simulate(v, seed);
          expect(firstDiff(got, want), `${lang} ${JSON.stringify(v)}`).toBe(null);
          if (lang === 'en') expect(HANGUL.test(JSON.stringify(copy.simulate(v, seed).steps))).toBe(false);
        }
      }
    });
  }
});
