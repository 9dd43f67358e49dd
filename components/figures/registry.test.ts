/**
 * Figures are plugins: the player's full-screen layout reads a stage figure's registry `layout`
 * (data attributes on the stage's wrapper), so a new tall figure needs its registry line and no
 * stylesheet edit. The stylesheet must therefore never pick a layout by a figure's id, and every
 * layout value a figure declares must be one the stylesheet knows.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { FIGURES, type FigureDef } from './registry';

const css = readFileSync(new URL('../../app/globals.css', import.meta.url), 'utf8');
const stages = FIGURES.filter((f): f is Extract<FigureDef, { slot: 'stage' }> => f.slot === 'stage');

describe('stage layouts', () => {
  test('no player layout rule names a figure by its id', () => {
    // Layout rules are those on the player, its grid, the stage or the narration.
    const rules = css.split('}').filter((r) => /\.player/.test(r) && /:has\(/.test(r));
    const named = rules.filter((r) => stages.some((f) => r.includes(`.diagram-${f.id}`)));
    expect(named.map((r) => r.trim().split('\n')[0])).toEqual([]);
  });

  test('every declared layout value has rules in the stylesheet', () => {
    for (const f of stages) {
      if (!f.layout) continue;
      if (f.layout.height) expect(css, `${f.id}: height=${f.layout.height}`).toContain(`[data-height='${f.layout.height}']`);
      if (f.layout.short) expect(css, `${f.id}: short=${f.layout.short}`).toContain(`[data-short='${f.layout.short}']`);
    }
  });

  test('the tall figures declare themselves', () => {
    const layout = Object.fromEntries(stages.map((f) => [f.id, f.layout]));
    expect(layout['dns-tree']).toEqual({ height: 'fill', short: 'beside' });
    expect(layout.topology).toEqual({ height: 'aspect', short: 'beside-one' });
    expect(layout.sequence).toEqual({ height: 'fill' });
  });
});
