/**
 * Which narrations the full-screen sizer holds: the box takes the height of the tallest of
 * them. The longest by length wraps to the most lines nearly always; a text with a long word
 * that cannot break (a base64 key, a GUID) can wrap to more, so the longest by length with
 * such words counted heavier are held too. A few texts, not all: a run may have 600 steps.
 */
const LONG_WORD = 12;

/** Length, with each character of a word longer than LONG_WORD counted twice more: a line breaks before such a word and leaves its end empty. */
export function wrapWeight(s: string): number {
  let w = s.length;
  for (const word of s.split(/\s+/)) if (word.length > LONG_WORD) w += 2 * word.length;
  return w;
}

export function sizerTexts(narrations: readonly string[], each = 3): string[] {
  const top = (score: (s: string) => number) => [...narrations].sort((a, b) => score(b) - score(a)).slice(0, each);
  return [...new Set([...top((s) => s.length), ...top(wrapWeight)])];
}
