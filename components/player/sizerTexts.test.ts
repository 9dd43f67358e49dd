import { describe, expect, it } from 'vitest';
import { sizerTexts, wrapWeight } from './sizerTexts';

describe('the full-screen sizer texts', () => {
  it('hold the longest texts and those whose long words wrap to more lines', () => {
    const plain = 'word '.repeat(30).trim();
    const keyed = `Sec-WebSocket-Accept = base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) = s3pPLMBiTxaQ9kYGzzhZRbK+xOo= proof`;
    expect(keyed.length).toBeLessThan(plain.length);
    expect(wrapWeight(keyed)).toBeGreaterThan(wrapWeight(plain));
    const picked = sizerTexts(['a', 'bb', plain, keyed, 'c'], 1);
    expect(picked).toEqual([plain, keyed]);
  });
  it('each text once, and no more than two lists of `each`', () => {
    const texts = Array.from({ length: 50 }, (_, i) => 'x'.repeat(i + 1));
    const picked = sizerTexts(texts, 3);
    expect(new Set(picked).size).toBe(picked.length);
    expect(picked.length).toBeLessThanOrEqual(6);
    expect(picked[0]).toBe(texts[49]);
  });
});
