import { describe, expect, test } from 'vitest';
import * as flowTopic from '@/simulations/topics/tcp-flow-error-control';
import * as restTopic from '@/simulations/topics/rest-api';
import { defaults } from '@/simulations/core/params';
import { playable, readTopicUrl, writeTopicQuery } from './scenes';
import { metaOf, playableOf } from './meta';
import { checkValues } from './engine';

// The page reads URLs with the topic's meta (plain data from the build), not its module:
// for every URL the two must read the same scene, values, step and issues, except for the
// free-text checks that live with the topic's code, which the run applies (checkValues).

const URLS = ['', '?scene=flow', '?view=flow', '?scene=nope&loss=200', '?packets=3&step=4', '?window=abc&seed=7', '?scene=flow&rwnd=2&loss=5'];

describe('topic meta', () => {
  test('is plain data: JSON gives it back unchanged', () => {
    const meta = metaOf(playable(flowTopic));
    expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
    expect(Object.keys(meta.scenes!.scenarios).sort()).toEqual(['error', 'flow']);
  });

  test('reads and writes URLs as the topic module does', () => {
    const real = playable(flowTopic);
    const fromMeta = playableOf(metaOf(real));
    for (const u of URLS) {
      const a = readTopicUrl(real, u);
      const b = readTopicUrl(fromMeta, u);
      expect(b, u).toEqual(a);
      expect(writeTopicQuery(fromMeta, b.scene, b.values, 2)).toBe(writeTopicQuery(real, a.scene, a.values, 2));
    }
    expect(() => fromMeta.simulate(defaults(fromMeta.params), 1)).toThrow();
  });

  test('free-text params are checked by the run: an invalid value falls back with an issue', () => {
    const real = playable(restTopic);
    const fromMeta = playableOf(metaOf(real));
    const url = readTopicUrl(fromMeta, '?path=not%20a%20path');
    expect(url.values.path).toBe('not a path');
    const checked = checkValues(real.params, url.values);
    const direct = readTopicUrl(real, '?path=not%20a%20path');
    expect(checked.values).toEqual(direct.values);
    expect(checked.issues).toEqual(direct.issues);
    expect(checked.issues.length).toBeGreaterThan(0);
    // Valid values pass unchanged.
    expect(checkValues(real.params, defaults(real.params))).toEqual({ values: defaults(real.params), issues: [] });
  });
});
