import { describe, expect, it } from 'vitest';
import type { ActorEntity, MessageEntity } from '@/simulations/core/timeline';
import { estimate } from './measure';
import { layoutBody } from './seqBody';

const actor = (id: string, x: number): ActorEntity => ({ kind: 'actor', id, label: { ko: id, en: id }, x, role: 'client' });
const msg = (id: string, label: string, short?: string): MessageEntity => ({
  kind: 'message', id, from: 'a', to: 'b', y0: 0, y1: 1, progress: 1, status: 'delivered', label, ...(short ? { short } : {}), fresh: false,
});
/** One message between two lifelines `gap` units apart, laid out at its arrival step. */
function labelOf(m: MessageEntity, gap: number) {
  const xs: Record<string, number> = { a: 100, b: 100 + gap };
  const body = layoutBody({
    actors: [actor('a', 10), actor('b', 90)], messages: [m], marks: [], timers: [], ticks: [], index: 1, first: 0, rows: 4, W: 200 + gap,
    lifeline: (id) => xs[id], lang: 'ko', measure: estimate,
  });
  return body.labels.get(m.id)?.text;
}

describe('sequence message labels', () => {
  const label = 'PSH, ACK seq=1 ack=1 len=96 GET /img/2.svg';
  const short = 'PSH, ACK GET /img/2.svg';

  it('draws the whole label where it fits', () => {
    expect(labelOf(msg('m', label, short), 600)).toBe(label);
  });

  it('draws the short form whole, not the label cut, between close lifelines', () => {
    const gap = estimate(short, { size: 14.5, weight: 400, mono: true }).w + 30;
    expect(labelOf(msg('m', label, short), gap)).toBe(short);
    // Without a short form the same arrow cuts the label.
    expect(labelOf(msg('m', label), gap)).toMatch(/^PSH, ACK seq=.*…$/);
  });

  it('cuts the short form only when even it does not fit, and keeps a word of three letters', () => {
    const cut = labelOf(msg('m', label, short), 90);
    expect(cut).toMatch(/^PSH.*…$/);
    expect(labelOf(msg('m', label, short), 30)).toBeUndefined();
  });
});

describe('sequence time ticks', () => {
  it('draws every time up to 9999 ms whole in the gutter, bold or not', () => {
    const ticks = [{ y: 0, t: 5 }, { y: 1, t: 1301 }, { y: 2, t: 9999 }, { y: 3, t: 12_345 }];
    const body = layoutBody({
      actors: [actor('a', 10), actor('b', 90)], messages: [], marks: [], timers: [], ticks, index: 2, first: 0, rows: 4, W: 600,
      lifeline: (id) => (id === 'a' ? 120 : 500), lang: 'ko', measure: estimate,
    });
    expect(body.ticks.map((t) => t.text)).toEqual(['5 ms', '1301 ms', '9999 ms', '12.3 s']);
  });
});
