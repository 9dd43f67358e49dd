import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createMeasureGate, fitEnd, fitMiddle, type Font, type Measure } from './measure';

/** A monospace stand-in: every character is 10 units wide. */
const mono: Measure = (text) => ({ w: [...text].length * 10, asc: 10, desc: 3 });
const F: Font = { size: 16, weight: 400 };

describe('fitEnd', () => {
  test('a text that fits is returned as it is', () => {
    expect(fitEnd('ACK seq=1', 90, F, mono)).toBe('ACK seq=1');
  });

  test('a cut inside a word falls back to the last whole word: "ACK…", not "ACK s…"', () => {
    // Room for six characters: "ACK s…" would fit, "ACK…" is what a reader can use.
    expect(fitEnd('ACK seq=1 ack=2', 60, F, mono)).toBe('ACK…');
    expect(fitEnd('SYN, ACK seq=0 ack=1', 100, F, mono)).toBe('SYN, ACK…');
    // Trailing separators are not left before the ellipsis.
    expect(fitEnd('PSH, ACK seq=1', 70, F, mono)).toBe('PSH…');
  });

  test('one long word, or a first word under three letters, is cut by characters', () => {
    expect(fitEnd('Transfer-Encoding', 60, F, mono)).toBe('Trans…');
    expect(fitEnd('a b c d e f g h', 60, F, mono)).toBe('a b c…');
  });

  test('nothing fits: the empty string', () => {
    expect(fitEnd('ACK', 5, F, mono)).toBe('');
  });

  test('property: the result fits, is the text itself when it fits, and is a start of the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer({ min: 0, max: 400 }), (text, max) => {
        const out = fitEnd(text, max, F, mono);
        if (mono(text, F).w <= max) return out === text;
        if (out === '') return true;
        return mono(out, F).w <= max && out.endsWith('…') && text.startsWith(out.slice(0, -1).trimEnd());
      }),
    );
  });
});

describe('fitMiddle', () => {
  test('keeps both ends of an address', () => {
    expect(fitMiddle('198.51.100.20:5000', 120, F, mono)).toBe('198.51…:5000');
  });
});

describe('the gate between estimated and measured text', () => {
  test('a drawing that asks when nothing is held switches at once, and only once', () => {
    const gate = createMeasureGate();
    const log: string[] = [];
    const t = gate.enqueue(() => log.push('a'));
    t.now();
    t.now();
    expect(log).toEqual(['a']);
  });

  test('while held, asking does nothing; the release switches every queued drawing, asked or not', () => {
    const gate = createMeasureGate();
    const log: string[] = [];
    const a = gate.enqueue(() => log.push('a'));
    gate.enqueue(() => log.push('b'));
    const release = gate.hold();
    a.now();
    expect(log).toEqual([]);
    release();
    expect(log).toEqual(['a', 'b']);
    // Released once: a second call and a later ask change nothing.
    release();
    a.now();
    expect(log).toEqual(['a', 'b']);
  });

  test('two holds: only the last release switches; a cancelled drawing never does', () => {
    const gate = createMeasureGate();
    const log: string[] = [];
    const r1 = gate.hold();
    const r2 = gate.hold();
    const a = gate.enqueue(() => log.push('a'));
    gate.enqueue(() => log.push('b'));
    a.cancel();
    r1();
    expect(log).toEqual([]);
    r2();
    expect(log).toEqual(['b']);
    // After the release, a new drawing switches when it asks.
    gate.enqueue(() => log.push('c')).now();
    expect(log).toEqual(['b', 'c']);
  });
});
