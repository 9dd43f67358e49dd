/**
 * The param codec, fed any string for any param of any built topic, returns a value inside
 * the spec (and a notice when it changed the input), and never throws.
 */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { availableTopics } from '../registry';
import { parseParams, parseValue, type ParamSpec, type ParamValue } from './params';

function inSpec(spec: ParamSpec, v: ParamValue): boolean {
  switch (spec.kind) {
    case 'enum':
      return spec.options.some((o) => o.value === v);
    case 'bool':
      return typeof v === 'boolean';
    case 'int':
      return Number.isInteger(v) && (v as number) >= spec.min && (v as number) <= spec.max;
    case 'int-list':
      return Array.isArray(v) && v.length <= spec.maxItems && v.every((n) => Number.isInteger(n) && n >= spec.min && n <= spec.max);
    case 'string':
      return typeof v === 'string' && v.length <= spec.maxLength && !spec.validate?.(v);
  }
}

const anyInput = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.array(fc.integer({ min: -5, max: 100 })).map((a) => a.join(',')),
  fc.constantFrom('', ' ', 'on', 'off', 'NaN', 'Infinity', '-0', '1e309', '%00', '\u0000', '한국', '0x10', '3.7'),
);

describe('param codec on every param of every topic', async () => {
  const topics = await Promise.all(availableTopics().map(async (t) => ({ slug: t.slug, scenario: (await t.load!()).default })));
  for (const { slug, scenario } of topics) {
    for (const spec of scenario.params) {
      test(`${slug}: ${spec.name}`, () => {
        expect(inSpec(spec, spec.default), 'the default is inside the spec').toBe(true);
        fc.assert(
          fc.property(anyInput, (raw) => {
            const { value, issue } = parseValue(spec, raw);
            expect(inSpec(spec, value)).toBe(true);
            if (issue) {
              expect(issue.param).toBe(spec.name);
              expect(issue.reason.ko.length > 0 && issue.reason.en.length > 0).toBe(true);
            }
          }),
          { numRuns: 200 },
        );
      });
    }
    test(`${slug}: a whole query of junk still gives a runnable scenario`, () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom(...scenario.params.map((p) => p.name)), anyInput, { maxKeys: 4 }), (d) => {
          const { values } = parseParams(scenario.params, new URLSearchParams(d));
          for (const spec of scenario.params) expect(inSpec(spec, values[spec.name])).toBe(true);
        }),
        { numRuns: 100 },
      );
    });
  }
});
