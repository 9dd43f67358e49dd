/**
 * What a student reads, at every step of every topic's defaults and of each option of its
 * choices: no doubled period after a name that ends in its own dot ("naver.com.."), no empty
 * parentheses or doubled spaces left by a part that had nothing to say, no "undefined" or
 * "NaN" from a value that was missing, no phrase said twice in a row, and no caption that runs
 * on into the narration it opens without a stop.
 */
import { describe, expect, test } from 'vitest';
import { availableTopics } from '../registry';

const FLAWS: [RegExp, string][] = [
  [/[^.]\.\.(?!\.)/, 'a doubled period'],
  [/(?<![\w$])\(\s*\)/, 'empty parentheses (not a call such as "connect()")'],
  [/\S {2,}\S/, 'a doubled space'],
  [/\bundefined\b|\bNaN\b|\[object /, 'a missing value'],
  [/(?<!\S)(\S+ \S+) \1(?!\S)/, 'a phrase said twice in a row ("200 OK 200 OK")'],
];

/** A narration that opens with its caption ends that phrase before the next one starts. */
const runOn = (caption: string, narration: string) => narration.startsWith(caption + ' ') && !/[.!?:。]$/.test(caption);

describe('step texts read cleanly', async () => {
  const topics = await Promise.all(availableTopics().map(async (t) => ({ slug: t.slug, scenario: (await t.load!()).default })));
  for (const { slug, scenario } of topics) {
    const runs: Record<string, string | number | boolean>[] = [{}];
    for (const spec of scenario.params) if (spec.kind === 'enum') for (const o of spec.options) if (o.value !== spec.default) runs.push({ [spec.name]: o.value });
    test(`${slug}: ${runs.length} runs, ko and en`, () => {
      const found: string[] = [];
      for (const params of runs) {
        const tl = scenario.simulate(params, 1);
        tl.steps.forEach((b, i) => {
          for (const lang of ['ko', 'en'] as const)
            for (const [what, text] of [['caption', b.caption[lang]], ['narration', b.narration[lang]]] as const)
              for (const [re, flaw] of FLAWS) {
                const m = re.exec(text);
                if (m) found.push(`${JSON.stringify(params)} step ${i + 1} ${lang} ${what}: ${flaw} in "…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…"`);
              }
          for (const lang of ['ko', 'en'] as const)
            if (runOn(b.caption[lang], b.narration[lang])) found.push(`${JSON.stringify(params)} step ${i + 1} ${lang}: the caption runs on into the narration: "${b.narration[lang].slice(0, b.caption[lang].length + 25)}…"`);
        });
      }
      expect(found).toEqual([]);
    });
  }
});
