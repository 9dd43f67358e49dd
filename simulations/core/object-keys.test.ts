/**
 * Free-text params are looked up in tables (zones, hosts files, records): a name that is
 * also an object key ("__proto__", "constructor") must be just a name.
 */
import { describe, expect, test } from 'vitest';
import { availableTopics } from '../registry';

describe('free text that is also an object key', async () => {
  const topics = await Promise.all(availableTopics().map(async (t) => ({ slug: t.slug, scenario: (await t.load!()).default })));
  for (const { slug, scenario } of topics) {
    for (const spec of scenario.params.filter((p) => p.kind === 'string')) {
      test.each(['__proto__', 'constructor', 'toString.com', '__proto__.com'])(`${slug}: ${spec.name}=%s runs`, (v) => {
        const tl = scenario.simulate({ [spec.name]: v }, 1);
        expect(tl.steps.length).toBeGreaterThan(0);
      });
    }
  }
});
