/**
 * Korean particles that depend on whether the previous word ends in a
 * consonant (받침): 을/를, 이/가, 은/는, 으로/로. Numbers are read Sino-Korean
 * (일, 이, 삼, … 십, 백, 천), so "패킷 3을" but "패킷 2를".
 */

/** 'none' | 'rieul' (ㄹ, which takes 로 not 으로) | 'other'. */
type Final = 'none' | 'rieul' | 'other';

const DIGIT_FINAL: Final[] = ['other', 'rieul', 'none', 'other', 'none', 'none', 'other', 'rieul', 'rieul', 'none'];

function finalOf(word: string): Final {
  let w = word.trimEnd();
  // "패킷 5(순서 번호 1)": the particle follows the word before the parenthesis.
  if (w.endsWith(')') && w.includes('(') && !w.startsWith('[')) w = w.slice(0, w.lastIndexOf('(')).trimEnd();
  w = w.replace(/[^0-9A-Za-z\uAC00-\uD7A3]+$/, '');
  const last = w.charAt(w.length - 1);
  if (/[0-9]/.test(last)) {
    const digits = /[0-9]+$/.exec(w)![0];
    if (/^0+$/.test(digits)) return 'other'; // 영
    if (last === '0') return 'other'; // 십, 백, 천, 만 all end in a consonant
    return DIGIT_FINAL[Number(last)];
  }
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) {
    const jong = (code - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  // Latin letters, read in English: ACK ends in a consonant, RTO in a vowel, and so on.
  return /[aeiouyAEIOUY]$/.test(w) ? 'none' : 'other';
}

/** word + 을/를 */
export const eul = (w: string) => w + (finalOf(w) === 'none' ? '를' : '을');
/** word + 이/가 */
export const ga = (w: string) => w + (finalOf(w) === 'none' ? '가' : '이');
/** word + 은/는 */
export const eun = (w: string) => w + (finalOf(w) === 'none' ? '는' : '은');
/** word + 으로/로 */
export const ro = (w: string) => w + (finalOf(w) === 'other' ? '으로' : '로');
/** word + 이라는/라는 */
export const ira = (w: string) => w + (finalOf(w) === 'none' ? '라는' : '이라는');
/** word + 과/와 */
export const wa = (w: string) => w + (finalOf(w) === 'none' ? '와' : '과');
