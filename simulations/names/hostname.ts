/**
 * Host name checking: the rules a name must follow to be a host name in the DNS,
 * and its ASCII (A-label) form for internationalised names.
 *
 * Rules and sources:
 * - labels of letters, digits and hyphen (LDH), no hyphen at either end:
 *   RFC 1035 §2.3.1 (preferred name syntax) as relaxed by RFC 1123 §2.1 (a label may start with a digit);
 * - a label is at most 63 octets (RFC 1035 §2.3.4); no empty label except the root, so a single trailing dot is allowed;
 * - a name is at most 255 octets on the wire (RFC 1035 §3.1), i.e. 253 characters in text form;
 * - the top-level label is not all-numeric, so a host name never looks like #.#.#.# (RFC 1123 §2.1, RFC 3696 §2);
 * - comparison is ASCII case-insensitive (RFC 4343);
 * - DNS itself allows any octet in a label (RFC 2181 §11): an underscore is a warning, not an error;
 * - internationalised labels become A-labels (`xn--` + Punycode, RFC 5890/5891, RFC 3492) through the
 *   WHATWG URL parser's domain-to-ASCII (UTS #46 mapping).
 */
import { t, type Text } from '../core/text';
import { punycodeDecode } from './punycode';

export type Severity = 'error' | 'warning';

export type HostnameRule =
  | 'empty-name'
  | 'empty-label'
  | 'label-too-long'
  | 'name-too-long'
  | 'ldh'
  | 'hyphen-edge'
  | 'underscore'
  | 'reserved-hyphens'
  | 'idn-invalid'
  | 'a-label-invalid'
  | 'numeric-tld';

export interface HostnameProblem {
  rule: HostnameRule;
  severity: Severity;
  /** The label as typed, when the problem belongs to one label. */
  label?: string;
  /** Zero-based index of that label (left to right). */
  index?: number;
  message: Text;
}

export interface HostnameLabel {
  /** As typed. */
  text: string;
  /** ASCII form as stored in the DNS: lower-cased, A-label (`xn--…`) for an IDN label. */
  ascii: string;
  /** Unicode form (the U-label for an IDN label, otherwise the same as `ascii`). */
  unicode: string;
  /** Length of the ASCII form in octets (what the 63-octet limit counts). */
  octets: number;
  /** True when the label is internationalised (its ASCII form is an A-label). */
  idn: boolean;
}

export type HostnameNoteKind = 'fqdn' | 'lowercased' | 'idn' | 'mapped' | 'separator';
export interface HostnameNote {
  kind: HostnameNoteKind;
  message: Text;
}

export interface HostnameOk {
  ok: true;
  input: string;
  /** ASCII form, lower-cased, without the trailing dot: the form to compare (RFC 4343) and look up. */
  ascii: string;
  /** Unicode form (A-labels decoded), lower-cased, without the trailing dot. */
  unicode: string;
  /** The input ended with a single dot (the root): a fully qualified domain name. */
  fqdn: boolean;
  labels: HostnameLabel[];
  /** ASCII labels right to left, starting from the root: `www.example.com` → `['.', 'com', 'example', 'www']`. */
  reversed: string[];
  /** The chain of zones from the root down: `['.', 'com.', 'example.com.', 'www.example.com.']`. */
  zones: string[];
  /** Length of `ascii` in characters (at most 253). */
  length: number;
  /** Length on the wire: one length octet per label, the label octets, and the root's zero octet (at most 255). */
  wireOctets: number;
  /** Indexes of the internationalised labels. */
  idnLabels: number[];
  /** Warnings only (`severity: 'warning'`); an ok name has no errors. */
  warnings: HostnameProblem[];
  notes: HostnameNote[];
}

export interface HostnameFail {
  ok: false;
  input: string;
  /** Every rule broken: errors and warnings, in label order, then the whole-name rules. */
  problems: HostnameProblem[];
}

export type HostnameResult = HostnameOk | HostnameFail;

export const MAX_LABEL_OCTETS = 63;
export const MAX_NAME_CHARS = 253;
export const MAX_NAME_WIRE_OCTETS = 255;

/** Full stops that IDNA (UTS #46) treats as label separators, besides '.'. */
const SEPARATORS = /[.\u3002\uFF0E\uFF61]/;

const isAscii = (s: string): boolean => /^[\x00-\x7f]*$/.test(s);

/** Shows a character so it can be read in a message (spaces and controls by code point). */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  if (cp === 0x20) return `' ' (${hex})`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0x80 && cp <= 0x9f)) return hex;
  return `'${ch}'`;
}

function uniqueChars(chars: string[]): string[] {
  return [...new Set(chars)];
}

/**
 * The A-label for one non-ASCII label, through the WHATWG URL parser.
 * A second label `x` follows it so that the parser never takes the label for an IPv4 number.
 */
function labelToAscii(label: string): { ok: true; ascii: string } | { ok: false; why: 'rejected' | 'split' } {
  let host: string;
  try {
    host = new URL('http://' + label + '.x').hostname;
  } catch {
    return { ok: false, why: 'rejected' };
  }
  if (!host.endsWith('.x')) return { ok: false, why: 'split' };
  const ascii = host.slice(0, -2);
  if (ascii === '' || ascii.includes('.')) return { ok: false, why: 'split' };
  return { ok: true, ascii };
}

/** Is this A-label accepted by the URL parser (valid Punycode that decodes to a valid U-label)? */
function aLabelAccepted(ascii: string): boolean {
  try {
    new URL('http://' + ascii + '.x');
    return true;
  } catch {
    return false;
  }
}

const q = (s: string) => `"${s}"`;

export function checkHostname(input: string): HostnameResult {
  const problems: HostnameProblem[] = [];
  const notes: HostnameNote[] = [];
  const str = typeof input === 'string' ? input : String(input);

  if (str === '') {
    return {
      ok: false,
      input: str,
      problems: [
        {
          rule: 'empty-name',
          severity: 'error',
          message: t(
            '이름이 비어 있습니다. 호스트 이름에는 레이블이 하나 이상 있어야 합니다.',
            'The name is empty: a host name needs at least one label.',
          ),
        },
      ],
    };
  }
  if (str.length === 1 && SEPARATORS.test(str)) {
    return {
      ok: false,
      input: str,
      problems: [
        {
          rule: 'empty-name',
          severity: 'error',
          message: t(
            '점 하나만 있는 이름은 DNS 트리의 루트 자체입니다. 호스트 이름이 되려면 루트 아래에 레이블이 하나 이상 있어야 합니다.',
            'A lone dot is the root of the DNS tree itself; a host name needs at least one label below the root.',
          ),
        },
      ],
    };
  }

  if (/[\u3002\uFF0E\uFF61]/.test(str)) {
    notes.push({
      kind: 'separator',
      message: t(
        '전각 마침표(。 ． ｡)는 IDNA(UTS #46)에서 점(.)과 같은 레이블 구분자로 취급됩니다.',
        'Ideographic and full-width full stops (。 ． ｡) are label separators in IDNA (UTS #46), just like ".".',
      ),
    });
  }

  const parts = str.split(SEPARATORS);
  let fqdn = false;
  if (parts.length > 1 && parts[parts.length - 1] === '') {
    parts.pop();
    fqdn = true;
  }

  const labels: HostnameLabel[] = [];
  let lowered = false;
  for (let index = 0; index < parts.length; index++) {
    const text = parts[index];
    const at = { label: text, index };
    const n = index + 1;
    if (text === '') {
      problems.push({
        rule: 'empty-label',
        severity: 'error',
        ...at,
        message: t(
          `${n}번째 레이블이 비어 있습니다(점이 두 개 연달아 있거나 이름이 점으로 시작합니다). 빈 레이블은 루트만 가질 수 있으므로, 허용되는 것은 이름 끝에 붙는 점 하나뿐입니다.`,
          `Label ${n} is empty (two dots in a row, or the name starts with a dot). Only the root has an empty label, which is why a single trailing dot is the only one allowed.`,
        ),
      });
      labels.push({ text, ascii: '', unicode: '', octets: 0, idn: false });
      continue;
    }

    // ASCII characters outside letters, digits, hyphen (and underscore, handled apart).
    const bad = uniqueChars(Array.from(text).filter((c) => isAscii(c) && !/[A-Za-z0-9_-]/.test(c)));
    if (bad.length > 0) {
      const list = bad.map(showChar).join(', ');
      problems.push({
        rule: 'ldh',
        severity: 'error',
        ...at,
        message: t(
          `${q(text)} 레이블에 쓸 수 없는 문자가 있습니다: ${list}. 호스트 이름의 레이블에는 영문자(a–z, A–Z), 숫자(0–9), 하이픈(-)만 쓸 수 있습니다. 이것이 LDH 규칙으로, RFC 1035 §2.3.1의 권장 문법에 RFC 1123 §2.1이 숫자로 시작하는 레이블을 허용한 것입니다.`,
          `Label ${q(text)} contains characters a host name cannot have: ${list}. Host name labels use only letters (a–z, A–Z), digits (0–9) and the hyphen (-): the LDH rule, RFC 1035 §2.3.1's preferred name syntax as relaxed by RFC 1123 §2.1 to allow a leading digit.`,
        ),
      });
    }

    let ascii = text.toLowerCase();
    if (ascii !== text) lowered = true;
    let unicode = ascii;
    let idn = false;
    let converted = true;
    if (!isAscii(text)) {
      if (bad.length > 0) {
        converted = false;
      } else {
        const r = labelToAscii(text);
        if (!r.ok) {
          converted = false;
          problems.push({
            rule: 'idn-invalid',
            severity: 'error',
            ...at,
            message:
              r.why === 'rejected'
                ? t(
                    `${q(text)} 레이블은 국제화 도메인 이름(IDN)의 ASCII 형식(A-레이블, xn--…)으로 바꿀 수 없습니다. IDNA(UTS #46)가 허용하지 않는 문자가 들어 있습니다.`,
                    `Label ${q(text)} cannot be converted to an internationalised domain name's ASCII form (an A-label, xn--…): it contains characters IDNA (UTS #46) does not allow.`,
                  )
                : t(
                    `${q(text)} 레이블을 IDNA(UTS #46) 규칙으로 변환하면 레이블이 사라지거나 여러 개로 나뉩니다(보이지 않는 문자나 점이 들어간 문자가 있습니다).`,
                    `Converting label ${q(text)} with the IDNA (UTS #46) mapping leaves it empty or splits it into several labels (it contains an invisible character or one that contains a dot).`,
                  ),
          });
        } else {
          ascii = r.ascii;
          if (ascii.startsWith('xn--')) {
            idn = true;
            unicode = punycodeDecode(ascii.slice(4)) ?? ascii;
          } else {
            unicode = ascii;
            notes.push({
              kind: 'mapped',
              message: t(
                `${q(text)} 레이블은 IDNA(UTS #46) 매핑을 거치면 ASCII ${q(ascii)}입니다(전각 영문자 같은 문자는 대응하는 ASCII 문자로 바뀝니다).`,
                `Label ${q(text)} maps to the ASCII ${q(ascii)} under IDNA (UTS #46) (full-width letters and the like become their ASCII counterparts).`,
              ),
            });
          }
        }
      }
    } else {
      if (bad.length === 0 && ascii.startsWith('xn--')) {
        const decoded = punycodeDecode(ascii.slice(4));
        if (decoded === null || !aLabelAccepted(ascii)) {
          problems.push({
            rule: 'a-label-invalid',
            severity: 'error',
            ...at,
            message: t(
              `${q(text)} 레이블은 "xn--"로 시작하지만 올바른 A-레이블이 아닙니다. "xn--"는 국제화 레이블을 퓨니코드(Punycode, RFC 3492)로 바꾼 ASCII 형식에만 쓰는 접두사인데(RFC 5890), 뒷부분이 유효한 유니코드 레이블로 복원되지 않습니다.`,
              `Label ${q(text)} starts with "xn--" but is not a valid A-label. "xn--" is reserved for the ASCII form of an internationalised label, its Punycode encoding (RFC 3492, RFC 5890), and the rest does not decode to a valid Unicode label.`,
            ),
          });
        } else {
          idn = true;
          unicode = decoded;
        }
      }
    }

    // Rules on the ASCII form (on the typed text when it could not be converted).
    const form = converted ? ascii : text;
    const shown = converted && !isAscii(text) ? `"${text}" (${ascii})` : `"${text}"`;
    if (converted && !isAscii(text)) {
      // The URL parser maps without the STD3 rules, so a mapped label can hold ASCII symbols ('㈀' → '(ᄀ)').
      const mappedBad = uniqueChars(Array.from(ascii).filter((c) => !/[a-z0-9_-]/.test(c)));
      if (mappedBad.length > 0) {
        const list = mappedBad.map(showChar).join(', ');
        problems.push({
          rule: 'ldh',
          severity: 'error',
          ...at,
          message: t(
            `${shown} 레이블은 IDNA(UTS #46) 매핑을 거치면 호스트 이름에 쓸 수 없는 문자(${list})가 생깁니다. 매핑 뒤에도 레이블에는 영문자, 숫자, 하이픈만 남아야 합니다(LDH 규칙, RFC 1035 §2.3.1, RFC 1123 §2.1).`,
            `Label ${shown} maps under IDNA (UTS #46) to characters a host name cannot have (${list}). After mapping, a label must still hold only letters, digits and hyphens (the LDH rule, RFC 1035 §2.3.1, RFC 1123 §2.1).`,
          ),
        });
      }
    }
    if (form.startsWith('-') || form.endsWith('-')) {
      const both = form.startsWith('-') && form.endsWith('-');
      const where = both
        ? { ko: '하이픈으로 시작하고 하이픈으로 끝납니다', en: 'starts and ends with a hyphen' }
        : form.startsWith('-')
          ? { ko: '하이픈으로 시작합니다', en: 'starts with a hyphen' }
          : { ko: '하이픈으로 끝납니다', en: 'ends with a hyphen' };
      problems.push({
        rule: 'hyphen-edge',
        severity: 'error',
        ...at,
        message: t(
          `${shown} 레이블이 ${where.ko}. 하이픈은 레이블의 가운데에만 올 수 있습니다(RFC 1035 §2.3.1, RFC 1123 §2.1). 레이블은 영문자나 숫자로 시작하고 끝나야 합니다.`,
          `Label ${shown} ${where.en}. A hyphen may only appear inside a label: labels start and end with a letter or digit (RFC 1035 §2.3.1, RFC 1123 §2.1).`,
        ),
      });
    }
    if (form.includes('_')) {
      problems.push({
        rule: 'underscore',
        severity: 'warning',
        ...at,
        message: t(
          `${shown} 레이블에 밑줄(_)이 있습니다. DNS 자체는 레이블에 어떤 옥텟이든 허용하므로(RFC 2181 §11) "_dmarc.example.com"이나 "_sip._tcp.example.com"처럼 밑줄로 시작하는 이름은 정책·서비스 레코드에 흔히 쓰입니다. 하지만 호스트 이름의 LDH 규칙에는 맞지 않으므로, 이런 이름을 호스트(예: 웹 서버 주소)로 쓰면 거부하는 프로그램이나 인증서 발급 기관이 있습니다.`,
          `Label ${shown} contains an underscore (_). The DNS itself allows any octet in a label (RFC 2181 §11), and names starting with an underscore such as "_dmarc.example.com" or "_sip._tcp.example.com" are common for policy and service records. They do not follow the host name LDH rule, though: some software and certificate authorities reject them as the name of a host (a web server, say).`,
        ),
      });
    }
    if (!idn && converted && /^..--/.test(form) && !form.startsWith('xn--')) {
      problems.push({
        rule: 'reserved-hyphens',
        severity: 'warning',
        ...at,
        message: t(
          `${shown} 레이블은 셋째·넷째 글자가 "--"입니다. 이런 형태는 "xn--" 같은 IDNA 접두사를 위해 예약되어 있어서 일반 레이블에는 쓰지 않는 것이 좋습니다(RFC 5891 §4.2.3.1).`,
          `Label ${shown} has "--" in its third and fourth positions. That shape is reserved for IDNA prefixes such as "xn--" and should not be used in ordinary labels (RFC 5891 §4.2.3.1).`,
        ),
      });
    }
    const octets = converted ? ascii.length : new TextEncoder().encode(text).length;
    if (octets > MAX_LABEL_OCTETS) {
      const idnNote = idn
        ? {
            ko: ` 국제화 레이블은 화면에 보이는 글자 수가 아니라 A-레이블(${ascii.slice(0, 12)}…)의 길이로 셉니다.`,
            en: ` An internationalised label counts by its A-label (${ascii.slice(0, 12)}…), not by the characters you see.`,
          }
        : { ko: '', en: '' };
      problems.push({
        rule: 'label-too-long',
        severity: 'error',
        ...at,
        message: t(
          `${n}번째 레이블의 길이가 ${octets}옥텟으로, 최대 63옥텟을 넘습니다(RFC 1035 §2.3.4). 전송 형식에서 레이블 길이는 한 옥텟에 담기는데, 위쪽 두 비트는 이름 압축 포인터를 표시하는 데 쓰이므로 나머지 6비트, 즉 0–63만 길이로 쓸 수 있습니다.${idnNote.ko}`,
          `Label ${n} is ${octets} octets long, over the 63-octet maximum (RFC 1035 §2.3.4). On the wire a label's length fits in one octet whose top two bits mark compression pointers, which leaves 6 bits: 0–63.${idnNote.en}`,
        ),
      });
    }
    labels.push({ text, ascii, unicode, octets, idn });
  }

  const asciiName = labels.map((l) => l.ascii).join('.');
  const length = asciiName.length;
  if (length > MAX_NAME_CHARS) {
    problems.push({
      rule: 'name-too-long',
      severity: 'error',
      message: t(
        `이름이 ${length}자(ASCII 형식, 끝의 점 제외)로, 최대 253자를 넘습니다. RFC 1035 §3.1은 전송 형식의 이름을 255옥텟으로 제한합니다. 전송 형식에서는 점 대신 각 레이블 앞에 길이 옥텟이 붙고 끝에 루트를 뜻하는 0 옥텟이 붙으므로, 텍스트로 L자인 이름은 L+2옥텟이 됩니다. 그래서 텍스트 형식의 한계는 255 − 2 = 253자이고, 이 이름은 전송 형식으로 ${length + 2}옥텟입니다.`,
        `The name is ${length} characters long (ASCII form, without the trailing dot), over the 253-character maximum. RFC 1035 §3.1 limits a name to 255 octets on the wire, where each label is preceded by a length octet instead of a dot and the name ends with the root's zero octet: a name of L characters in text takes L + 2 octets. Hence 255 − 2 = 253 characters in text form; this name would take ${length + 2} octets.`,
      ),
    });
  }

  const last = labels[labels.length - 1];
  if (last && last.ascii !== '' && /^[0-9]+$/.test(last.ascii)) {
    const dotted = labels.length === 4 && labels.every((l) => /^[0-9]+$/.test(l.ascii));
    problems.push({
      rule: 'numeric-tld',
      severity: 'error',
      label: last.text,
      index: labels.length - 1,
      message: dotted
        ? t(
            `${q(asciiName)}: 호스트 이름이 아니라 IPv4 주소 모양입니다. 호스트 이름의 가장 높은 레이블(최상위 도메인)은 숫자로만 이루어질 수 없으므로, 호스트 이름은 #.#.#.# 꼴이 될 수 없습니다(RFC 1123 §2.1, RFC 3696 §2).`,
            `${q(asciiName)} has the shape of an IPv4 address, not a host name. The highest-level label (the top-level domain) of a host name is never all-numeric, so a host name can never have the form #.#.#.# (RFC 1123 §2.1, RFC 3696 §2).`,
          )
        : t(
            `최상위 레이블(${q(last.ascii)})이 숫자로만 되어 있습니다. 호스트 이름의 최상위 도메인은 숫자로만 이루어질 수 없습니다. 그래야 호스트 이름과 IPv4 주소를 헷갈리지 않습니다(RFC 1123 §2.1, RFC 3696 §2).`,
            `The top-level label ${q(last.ascii)} is all-numeric. A host name's top-level domain is never all digits, so that a host name cannot be mistaken for an IPv4 address (RFC 1123 §2.1, RFC 3696 §2).`,
          ),
    });
  }

  if (problems.some((p) => p.severity === 'error')) {
    return { ok: false, input: str, problems };
  }

  if (fqdn) {
    notes.push({
      kind: 'fqdn',
      message: t(
        '끝의 점은 루트를 나타냅니다. 이 이름은 루트까지 모두 적은 완전한 도메인 이름(FQDN)이므로, 검색 도메인이 덧붙지 않습니다.',
        'The trailing dot stands for the root: this is a fully qualified domain name (FQDN), written all the way to the root, so no search domain is appended to it.',
      ),
    });
  }
  if (lowered) {
    notes.push({
      kind: 'lowercased',
      message: t(
        'DNS는 ASCII 대소문자를 구별하지 않으므로(RFC 4343) 비교할 때는 소문자 형식을 씁니다. 대문자로 적어도 같은 이름입니다.',
        'The DNS compares ASCII letters case-insensitively (RFC 4343), so the lower-case form is used for comparison: upper-case letters name the same host.',
      ),
    });
  }
  const idnLabels = labels.flatMap((l, i) => (l.idn ? [i] : []));
  if (idnLabels.length > 0) {
    const list = idnLabels.map((i) => `${labels[i].unicode} → ${labels[i].ascii}`).join(', ');
    notes.push({
      kind: 'idn',
      message: t(
        `국제화 레이블(IDN)이 있습니다: ${list}. DNS에는 ASCII만 저장되므로 유니코드 레이블(U-레이블)은 퓨니코드로 바꾼 A-레이블("xn--" 접두사)로 저장되고 조회됩니다(RFC 5890, RFC 3492). 길이 제한도 A-레이블 기준입니다.`,
        `Internationalised labels (IDN): ${list}. The DNS stores ASCII, so a Unicode label (U-label) is stored and looked up as its Punycode A-label with the "xn--" prefix (RFC 5890, RFC 3492); the length limits apply to the A-label.`,
      ),
    });
  }

  const reversedLabels = labels.map((l) => l.ascii).reverse();
  const zones = ['.'];
  for (let i = 0; i < reversedLabels.length; i++) {
    zones.push(labels.slice(labels.length - 1 - i).map((l) => l.ascii).join('.') + '.');
  }
  return {
    ok: true,
    input: str,
    ascii: asciiName,
    unicode: labels.map((l) => l.unicode).join('.'),
    fqdn,
    labels,
    reversed: ['.', ...reversedLabels],
    zones,
    length,
    wireOctets: length + 2,
    idnLabels,
    warnings: problems,
    notes,
  };
}

/** Do two host names name the same host? ASCII case-insensitive, IDN compared by A-label (RFC 4343, RFC 5890). */
export function sameHostname(a: string, b: string): boolean {
  const x = checkHostname(a);
  const y = checkHostname(b);
  return x.ok && y.ok && x.ascii === y.ascii;
}
