import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { bundleMDX } from 'mdx-bundler';
import { availableTopics, topicBySlug, TOPICS } from '@/simulations/registry';
import { SCENARIOS } from '@/simulations/scenarios';
import { validateFrontmatter } from './schema';
import { LANGS } from '@/simulations/core/text';
import type { ParamValues } from '@/simulations/core/params';

const dir = (lang: string) => path.join(__dirname, lang);

describe('content and registry agree', () => {
  it('every built topic has a page in each language, and every page has a built topic', () => {
    for (const lang of LANGS) {
      const files = readdirSync(dir(lang)).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, '')).sort();
      expect(files, lang).toEqual(availableTopics().map((t) => t.slug).sort());
      for (const f of files) expect(topicBySlug(f), f).toBeDefined();
    }
  });

  it('every scenario belongs to a topic of the sheet', () => {
    for (const slug of Object.keys(SCENARIOS)) expect(topicBySlug(slug), slug).toBeDefined();
  });

  it('registry slugs are unique and numbered 1–23 in order', () => {
    expect(TOPICS.map((t) => t.n)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(new Set(TOPICS.map((t) => t.slug)).size).toBe(23);
  });

  for (const topic of availableTopics()) {
    for (const lang of LANGS) {
      it(`${lang}/${topic.slug}: frontmatter is valid and every step link names a step that exists`, async () => {
        const source = readFileSync(path.join(dir(lang), `${topic.slug}.mdx`), 'utf8');
        const { frontmatter } = await bundleMDX({ source });
        validateFrontmatter(frontmatter, `${lang}/${topic.slug}`, topic.slug);
        expect(source).toMatch(/<Answer>[\s\S]+<\/Answer>/);
        const scenario = (await topic.load!()).default;
        const keys = [...source.matchAll(/<Step to="([^"]+)"/g)].map((m) => m[1]);
        expect(keys.length).toBeGreaterThan(0);
        // Keys may belong to a variant of the scenario (e.g. a loss only with lossy on): check across bool/enum variants.
        const variants: ParamValues[] = [{}, ...scenario.params.flatMap((p): ParamValues[] => (p.kind === 'bool' ? [{ [p.name]: true }] : p.kind === 'enum' ? p.options.map((o) => ({ [p.name]: o.value })) : []))];
        const known = new Set(variants.flatMap((v) => scenario.simulate(v, 1).steps.map((s) => s.key).filter(Boolean)));
        for (const k of keys) expect(known.has(k), `step key "${k}"`).toBe(true);
      });
    }
  }

  // CommonMark closes ** only after a non-punctuation character or before whitespace or punctuation, and
  // opens it likewise: "**출처(origin)**는" prints its asterisks. Korean particles follow right after, so
  // such a pair must be written "**출처**(origin)는".
  it('every ** pair in every page opens and closes as CommonMark reads it', () => {
    const punct = /[\p{P}\p{S}]/u;
    const word = /[\p{L}\p{N}]/u;
    const bad: string[] = [];
    for (const lang of LANGS) {
      for (const f of readdirSync(dir(lang)).filter((x) => x.endsWith('.mdx'))) {
        readFileSync(path.join(dir(lang), f), 'utf8').split('\n').forEach((raw, n) => {
          const line = raw.replace(/`[^`]*`/g, (c) => 'x'.repeat(c.length));
          let k = 0;
          for (let i = line.indexOf('**'); i >= 0; i = line.indexOf('**', i + 2), k++) {
            const before = line[i - 1] ?? ' ';
            const after = line[i + 2] ?? ' ';
            const opens = k % 2 === 0;
            if (opens ? word.test(before) && punct.test(after) : punct.test(before) && word.test(after)) bad.push(`${lang}/${f}:${n + 1}: …${line.slice(Math.max(0, i - 12), i + 8)}…`);
          }
        });
      }
    }
    expect(bad).toEqual([]);
  });

  it('rejects bad frontmatter with a clear message', () => {
    expect(() => validateFrontmatter({ slug: 'x', description: 'short', references: [{ title: 't', url: 'http://a' }], extra: 1 }, 'ko/x.mdx', 'x')).toThrow(
      /ko\/x\.mdx[\s\S]*description[\s\S]*question[\s\S]*https[\s\S]*unknown field "extra"/,
    );
  });
});
