import { describe, expect, expectTypeOf, test } from 'vitest';
import { defineScenario, param } from './scenario';
import { SEED_PARAM } from './params';
import { fromScenes } from './timeline';

const CLOSER = param({
  name: 'closer',
  kind: 'enum',
  label: { ko: '닫는 쪽', en: 'closer' },
  default: 'client',
  options: [
    { value: 'client', label: { ko: '클라이언트', en: 'client' } },
    { value: 'server', label: { ko: '서버', en: 'server' } },
  ],
});
const N = param({ name: 'n', kind: 'int', label: { ko: 'n', en: 'n' }, default: 3, min: 1, max: 9 });

const seen: unknown[] = [];
const demo = defineScenario({
  diagram: 'sequence',
  params: [CLOSER, N, SEED_PARAM],
  simulate(p, seed) {
    expectTypeOf(p.closer).toEqualTypeOf<'client' | 'server'>();
    expectTypeOf(p.n).toEqualTypeOf<number>();
    expectTypeOf(p.seed).toEqualTypeOf<number>();
    seen.push({ ...p });
    return { topic: 'demo', scenario: p.closer, params: { ...p }, seed, view: {}, ...fromScenes([{ t: 0, caption: { ko: 'a', en: 'a' }, narration: { ko: 'a', en: 'a' }, scene: { entities: {} } }]) };
  },
});

describe('defineScenario', () => {
  test('simulate gets values parsed and clamped by the specs, typed by name', () => {
    const tl = demo.simulate({ closer: 'nobody', n: 99 }, 5);
    expect(seen.at(-1)).toEqual({ closer: 'client', n: 9, seed: 5 });
    expect(tl.scenario).toBe('client');
    demo.run({ closer: 'server' }, 2);
    expect(seen.at(-1)).toEqual({ closer: 'server', n: 3, seed: 2 });
  });
});
