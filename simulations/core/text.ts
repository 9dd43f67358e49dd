/** Every user-facing string in the engine comes in both languages. */
export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
export interface Text {
  ko: string;
  en: string;
}
export const t = (ko: string, en: string): Text => ({ ko, en });
/** A caption or a note where it opens a narration: ended with a full stop unless it ends in one already (or in ! ? :). */
export const sentence = (x: Text): Text => ({ ko: /[.!?:]$/.test(x.ko) ? x.ko : `${x.ko}.`, en: /[.!?:]$/.test(x.en) ? x.en : `${x.en}.` });
/** Joins texts language by language. */
export function joinText(parts: readonly Text[], sep = ' '): Text {
  return {
    ko: parts.map((p) => p.ko).join(sep),
    en: parts.map((p) => p.en).join(sep),
  };
}
