/** Every user-facing string in the engine comes in both languages. */
export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
export interface Text {
  ko: string;
  en: string;
}
export const t = (ko: string, en: string): Text => ({ ko, en });
/** Joins texts language by language. */
export function joinText(parts: readonly Text[], sep = ' '): Text {
  return {
    ko: parts.map((p) => p.ko).join(sep),
    en: parts.map((p) => p.en).join(sep),
  };
}
