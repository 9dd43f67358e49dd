import { describe, expect, it } from 'vitest';
import { crosses } from './place';

describe('crosses: a segment through a box', () => {
  const box = { l: 10, t: 10, r: 20, b: 20 };
  it('finds a segment through the box, one that ends inside it, and a vertical or horizontal one', () => {
    expect(crosses({ x0: 0, y0: 0, x1: 30, y1: 30 }, box)).toBe(true);
    expect(crosses({ x0: 0, y0: 15, x1: 12, y1: 15 }, box)).toBe(true);
    expect(crosses({ x0: 15, y0: 0, x1: 15, y1: 40 }, box)).toBe(true);
    expect(crosses({ x0: 12, y0: 12, x1: 18, y1: 18 }, box)).toBe(true);
  });
  it('misses one beside the box, one that stops short of it, and one past its corner', () => {
    expect(crosses({ x0: 0, y0: 25, x1: 30, y1: 25 }, box)).toBe(false);
    expect(crosses({ x0: 0, y0: 15, x1: 8, y1: 15 }, box)).toBe(false);
    expect(crosses({ x0: 0, y0: 12, x1: 12, y1: 0 }, box)).toBe(false);
    expect(crosses({ x0: 25, y0: 0, x1: 25, y1: 40 }, box)).toBe(false);
  });
  it('counts the gap around the box', () => {
    expect(crosses({ x0: 0, y0: 21, x1: 30, y1: 21 }, box)).toBe(false);
    expect(crosses({ x0: 0, y0: 21, x1: 30, y1: 21 }, box, 2)).toBe(true);
  });
});
