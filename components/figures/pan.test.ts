import { describe, expect, it } from 'vitest';
import { LEAST_TYPE, fullScreenZoom } from './pan';

describe('fullScreenZoom', () => {
  it('is the wanted zoom when the drawing fits the stage at it', () => {
    expect(fullScreenZoom(1.8, [2.5, 2], 13)).toBe(1.8);
  });
  it('is the tightest fit when the stage is smaller (width or height)', () => {
    expect(fullScreenZoom(1.8, [1.37, 2], 13)).toBe(1.37);
    expect(fullScreenZoom(1.8, [2, 0.95], 13.5)).toBe(0.95);
  });
  it('never sets the smallest type under the least type size: past that the drawing pans', () => {
    const z = fullScreenZoom(1.8, [0.5, 0.4], 13.5);
    expect(z * 13.5).toBeCloseTo(LEAST_TYPE, 9);
  });
});
