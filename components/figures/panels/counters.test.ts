import { describe, expect, it } from 'vitest';
import { pieces } from './Counters';

describe('counters: where a long value may wrap', () => {
  it('after the dots of an address and before its port, never inside a number', () => {
    expect(pieces('198.51.100.20:80')).toEqual(['198.', '51.', '100.', '20', ':80']);
    expect(pieces('a.root-servers.net')).toEqual(['a.', 'root-', 'servers.', 'net']);
    expect(pieces('/img/hero.webp')).toEqual(['/', 'img/', 'hero.', 'webp']);
  });
  it('keeps a value with no such place whole, and the pieces always join back to it', () => {
    expect(pieces('3f9a0c1b2d4e5f60')).toEqual(['3f9a0c1b2d4e5f60']);
    for (const s of ['198.51.100.20:80', 'ns1.naver.com', 'x:y:z', '...']) expect(pieces(s).join('')).toBe(s);
  });
});
