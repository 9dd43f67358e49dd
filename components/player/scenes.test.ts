import { describe, expect, test } from 'vitest';
import * as flowTopic from '@/simulations/topics/tcp-flow-error-control';
import * as single from '@/simulations/topics/tcp-connection';
import { playable, readTopicUrl, scenarioOf, writeTopicQuery } from './scenes';

const topic = playable(flowTopic);
const names = Object.keys(topic.scenes?.scenarios ?? {});

describe('scenes in the URL', () => {
  test('a topic exporting scenarios plays them as scenes; one without plays its default export', () => {
    expect(names.sort()).toEqual(['error', 'flow']);
    expect(topic.scenes?.default).toBe('error');
    expect(playable(single)).toBe(single.default);
    expect(readTopicUrl(playable(single), '?closer=server').values.closer).toBe('server');
  });

  test('scene= picks the scenario and reads only its params', () => {
    const u = readTopicUrl(topic, '?scene=flow&window=3&step=4');
    expect(u.scene).toBe('flow');
    expect(u.values.window).toBe(3);
    expect(u.step).toBe('4');
    expect(u.issues).toEqual([]);
    expect(Object.keys(u.values).sort()).toEqual(scenarioOf(topic, 'flow').params.map((s) => s.name).sort());
  });

  test('an unknown scene opens the default with a notice naming the allowed ones', () => {
    const u = readTopicUrl(topic, '?scene=nope');
    expect(u.scene).toBe('error');
    expect(u.issues).toHaveLength(1);
    expect(u.issues[0]).toMatchObject({ param: 'scene', given: 'nope', used: 'error' });
    expect(u.issues[0].reason.en).toContain('error, flow');
  });

  test('old view= links open the same scene, dropping the other scene’s params silently', () => {
    const u = readTopicUrl(topic, '?view=flow&window=5&protocol=stop-and-wait&seqbits=4');
    expect(u.scene).toBe('flow');
    expect(u.values.window).toBe(5);
    expect(u.issues).toEqual([]);
    expect(readTopicUrl(topic, '?view=error&protocol=tcp').values.protocol).toBe('tcp');
    expect(readTopicUrl(topic, '?view=bogus').issues[0]).toMatchObject({ param: 'view', used: 'error' });
  });

  test('a param of the other scene in a scene= link is ignored with a notice', () => {
    const u = readTopicUrl(topic, '?scene=flow&protocol=tcp');
    expect(u.issues.map((i) => i.param)).toEqual(['protocol']);
    expect(u.values.protocol).toBeUndefined();
  });

  test('write then read gives back the same scene, params and step', () => {
    for (const scene of names) {
      const s = scenarioOf(topic, scene);
      const u0 = readTopicUrl(topic, `?scene=${scene}&window=2&seed=9&step=3`);
      const q = writeTopicQuery(topic, scene, u0.values, 2);
      expect(q.startsWith(scene === 'error' ? '?' : '?scene=flow&')).toBe(true);
      const u1 = readTopicUrl(topic, q);
      expect(u1).toEqual({ ...u0, step: '3' });
      expect(s.params.some((p) => p.name === 'window')).toBe(true);
    }
    expect(writeTopicQuery(topic, 'error', scenarioOf(topic, 'error').simulate({}, 1).params, 0)).toBe('');
  });
});
