import { describe, expect, it } from 'vitest';
import type { ActorEntity, MessageEntity } from '@/simulations/core/timeline';
import { estimate } from './measure';
import { arrow, layoutBody } from './seqBody';
import { crosses, textBox } from './place';

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

describe('sequence labels and other arrows', () => {
  // Two arrows that cross half way, the ACK twice as steep as the segment: the middle of the
  // segment, where its label goes first, is on the ACK (even lifted for its own slope).
  const xs: Record<string, number> = { a: 120, b: 620 };
  const lifeline = (id: string) => xs[id];
  const cross = (label: string, h: number): MessageEntity[] => [
    { ...msg('d', label), y0: h, y1: 2 * h },
    { ...msg('k', 'ACK ack=97'), from: 'b', to: 'a', y0: h / 2, y1: 2.5 * h },
  ];
  const layout = (messages: MessageEntity[], rows = 9) =>
    layoutBody({ actors: [actor('a', 10), actor('b', 90)], messages, marks: [], timers: [], ticks: [], index: 2, first: 0, rows, W: 760, lifeline, lang: 'en', measure: estimate });
  const font = { size: 14.5, weight: 400, mono: true } as const;
  const across = (messages: MessageEntity[], body: ReturnType<typeof layout>) =>
    [...body.labels].filter(([id, l]) => {
      const mt = estimate(l.text, l.font);
      const box = textBox(l.x, l.y, mt.w, mt.asc, mt.desc, 'middle');
      return messages.some((o) => o.id !== id && crosses(arrow(o, lifeline), box));
    });

  for (const y1 of [1, 2, 3]) {
    it(`keeps each label whole and off the other arrow where there is room (arrows ${y1} rows tall)`, () => {
      const messages = cross('PSH, ACK seq=1 len=96', y1);
      const body = layout(messages);
      expect([...body.labels.values()].map((l) => l.text).sort()).toEqual(['ACK ack=97', 'PSH, ACK seq=1 len=96']);
      expect(across(messages, body)).toEqual([]);
      // Without the other arrow the label would sit on the middle, where the arrows cross.
      const alone = layout(messages.slice(0, 1)).labels.get('d')!;
      expect(crosses(arrow(messages[1], lifeline), textBox(alone.x, alone.y, estimate(alone.text, font).w, 12, 4, 'middle'))).toBe(true);
    });
  }

  it('still draws a label across an arrow when no spot off it is left', () => {
    // Between close lifelines the label fills the span: every spot is on the other arrow.
    xs.b = 120 + estimate('PSH, ACK', font).w + 24;
    try {
      const messages = cross('PSH, ACK', 1);
      expect(layout(messages).labels.get('d')?.text).toBe('PSH, ACK');
    } finally {
      xs.b = 620;
    }
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

describe('a label on its own sloped arrow', () => {
  // A long label on an arrow that climbs a row or two: above or below the line at its middle,
  // the label's far end would meet the line unless it is lifted by the slope.
  const xs: Record<string, number> = { a: 100, b: 700 };
  const lifeline = (id: string) => xs[id];
  for (const [rows, label] of [
    [1, 'PSH, ACK seq=1 ack=1 len=1448 GET /index.html HTTP/1.1'],
    [2, 'PSH, ACK seq=1 ack=1 len=96 GET /img/2.svg'],
    [3, 'SYN seq=0 win=65535 MSS=1460'],
  ] as const) {
    it(`clears its arrow at both ends (${rows} rows tall)`, () => {
      const m: MessageEntity = { ...msg('m', label), y0: 0, y1: rows };
      const body = layoutBody({ actors: [actor('a', 10), actor('b', 90)], messages: [m], marks: [], timers: [], ticks: [], index: rows, first: 0, rows: 5, W: 800, lifeline, lang: 'en', measure: estimate });
      const l = body.labels.get('m')!;
      expect(l.text).toBe(label);
      const mt = estimate(l.text, l.font);
      expect(crosses(arrow(m, lifeline), textBox(l.x, l.y, mt.w, mt.asc, mt.desc, 'middle'))).toBe(false);
    });
  }
});
