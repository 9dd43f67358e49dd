/**
 * Korean particles after quoted technical strings (host names, schemes, ports…):
 * 을/를, 이/가, 은/는, 과/와, (으)로 depend on whether the word's last sound has a final consonant.
 * Hangul is read from its syllable; digits and Latin letters by how they are usually read
 * aloud in Korean (1 일, 3 삼, "com" 컴, ".kr" 케이알…).
 */
const DIGIT_FINAL: Record<string, 'none' | 'rieul' | 'other'> = {
  '0': 'other', // 영
  '1': 'rieul', // 일
  '2': 'none', // 이
  '3': 'other', // 삼
  '4': 'none', // 사
  '5': 'none', // 오
  '6': 'other', // 육
  '7': 'rieul', // 칠
  '8': 'rieul', // 팔
  '9': 'none', // 구
};

/** 'none' (no final consonant), 'rieul' (final ㄹ) or 'other'. */
function finalSound(word: string): 'none' | 'rieul' | 'other' {
  const chars = Array.from(word.replace(/[\s"'`()[\]{}.,:;!?/\\<>@#%^&*+=|~_-]+$/u, ''));
  const last = chars[chars.length - 1];
  if (last === undefined) return 'none';
  const cp = last.codePointAt(0)!;
  if (cp >= 0xac00 && cp <= 0xd7a3) {
    const jong = (cp - 0xac00) % 28;
    return jong === 0 ? 'none' : jong === 8 ? 'rieul' : 'other';
  }
  if (last in DIGIT_FINAL) return DIGIT_FINAL[last];
  const c = last.toLowerCase();
  if (c === 'l' || c === 'r') return 'rieul'; // 엘, 알
  if (c === 'm' || c === 'n') return 'other'; // 엠, 엔
  const prev = (chars[chars.length - 2] ?? '').toLowerCase();
  if (c === 'g' && prev === 'n') return 'other'; // -ng
  return 'none';
}

type Josa = '을' | '이' | '은' | '과' | '으로';
const PAIRS: Record<Josa, [string, string]> = {
  '을': ['을', '를'],
  '이': ['이', '가'],
  '은': ['은', '는'],
  '과': ['과', '와'],
  '으로': ['으로', '로'],
};

/** The word followed by the right particle: `josa('example.com', '을')` → 'example.com을'. */
export function josa(word: string, particle: Josa): string {
  const f = finalSound(word);
  const [withFinal, without] = PAIRS[particle];
  if (particle === '으로') return word + (f === 'other' ? withFinal : without);
  return word + (f === 'none' ? without : withFinal);
}

/** A quoted word followed by its particle: `qj('HTTP', '을')` → '"HTTP"를'. */
export const qj = (word: string, particle: Josa): string => josa(`"${word}"`, particle);
