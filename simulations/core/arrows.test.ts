import { describe, expect, it } from 'vitest';
import { run, type Machine } from './kernel';
import { Arrows } from './arrows';

// Two actors ping-pong twice over a 10 ms link; the second pong is lost.
const pinger: Machine<number, string, 'go'> = {
  init: 0,
  step: (n, input) => (input.type === 'post' || (input.type === 'msg' && n < 2) ? { state: n + 1, effects: [{ type: 'send', to: 'b', msg: 'ping' }] } : { state: n, effects: [] }),
};
const ponger: Machine<number, string, 'go'> = { init: 0, step: (n, input) => (input.type === 'msg' ? { state: n + 1, effects: [{ type: 'send', to: 'a', msg: 'pong' }] } : { state: n, effects: [] }) };

describe('Arrows', () => {
  const trace = run({ actors: { a: pinger, b: ponger }, links: { 'a>b': { delay: 10 }, 'b>a': { delay: 10, drop: (_m: string, ctx) => ctx.n === 1 } }, seed: 1, script: [{ at: 0, to: 'a', data: 'go' }] });
  it('each wire from the row that sent it to the row it arrived or was lost at, shown until then', () => {
    const arrows = new Arrows(trace);
    const rows = trace.entries.map((_, i) => arrows.at(i).map((a) => `${a.id}:${a.y0}-${a.y1}${a.arrived ? '' : '…'}`).join(' '));
    // Every arrow appears first at its send row and last at its end row.
    for (const w of trace.wires) {
      const shown = rows.map((r, i) => (r.split(' ').some((x) => x.startsWith(`${w.id}:`)) ? i : -1)).filter((i) => i >= 0);
      const y0 = trace.entries.findIndex((e) => e.sent.includes(w.id));
      const y1 = trace.entries.findIndex((e) => (e.cause.kind === 'msg' || e.cause.kind === 'lost') && e.cause.wire === w.id);
      expect(shown).toEqual(Array.from({ length: y1 - y0 + 1 }, (_, k) => y0 + k));
    }
  });
});
