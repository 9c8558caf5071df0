/**
 * Numbers as Vietnamese clerks write them: '.' groups thousands, ',' marks decimals, and a space
 * (often a non-breaking or thin one pasted from Word) may group thousands too. Counts are whole
 * numbers ≥ 0, so a fractional count is almost always a thousands separator read as a decimal
 * point (`1.292` typed in an en-US Excel). Pure functions, never throw.
 */

export interface Separators {
  /** Decimal separator, e.g. `,` (vi-VN) or `.` (en-US). */
  decimal: string;
  /** Thousands separator, e.g. `.` (vi-VN) or `,` (en-US). */
  thousands: string;
}

export const VI_SEPARATORS: Separators = { decimal: ',', thousands: '.' };
export const EN_SEPARATORS: Separators = { decimal: '.', thousands: ',' };

/** The separators each language writes numbers with: 1.292,5 in Vietnamese, 1,292.5 in English. */
export function separatorsFor(lang: 'vi' | 'en'): Separators {
  return lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
}

/** A number as the language writes it (`formatNumber` with `separatorsFor(lang)`). */
export function formatNumberIn(value: number, lang: 'vi' | 'en'): string {
  return formatNumber(value, separatorsFor(lang));
}

/** What a piece of text says as a count. */
export type ParsedText =
  /** A whole number ≥ 0 written as text: `"1.292"`, `" 45 "`, `"1 292"`. */
  | { kind: 'count'; value: number }
  /** A negative whole number written as text: `"-5"`. */
  | { kind: 'negative'; value: number }
  /** A number with a real fractional part: `"1,5"`, `"1.292,5"`. */
  | { kind: 'fraction'; value: number }
  /** A whole number written as text, beyond 2^53 − 1: `"99999999999999999999"`. */
  | { kind: 'too-large' }
  /** Blank or white space only. */
  | { kind: 'blank' }
  /** Anything else: `"12 văn bản"`, `"abc"`. */
  | { kind: 'text' };

const SPACES = ' \\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000';
const EDGE_SPACE = new RegExp(`[\\s${SPACES}\\uFEFF]`);

/**
 * `s` without the spaces (of any width) and byte-order marks at its ends, one character at a time:
 * a pattern such as `\s+$` backtracks over a long run of spaces once per space (quadratic).
 */
function trimSpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE_SPACE.test(s[a])) a++;
  while (b > a && EDGE_SPACE.test(s[b - 1])) b--;
  return s.slice(a, b);
}

const DIGITS = /^\d+$/;
// A thousands group is 1–3 digits not starting with 0 ("0.123" is no way of writing 123), then
// groups of exactly three.
const DOT_GROUPS = /^[1-9]\d{0,2}(\.\d{3})+$/;
const COMMA_GROUPS = /^[1-9]\d{0,2}(,\d{3})+$/;
/** Two or more ',' groups (`1,292,000`) can only be thousands, whatever the decimal mark. */
const COMMA_GROUPS_2 = /^[1-9]\d{0,2}(,\d{3}){2,}$/;
const SPACE_GROUPS = new RegExp(`^[1-9]\\d{0,2}([${SPACES}]\\d{3})+$`);

function wholeFromGroups(s: string): number {
  return Number(s.replace(/[^\d]/g, ''));
}

/**
 * The whole number written with any one grouping style, or null. '.' groups are thousands even
 * when '.' is the decimal point ("1.292" typed as text in an en-US Excel means 1292); one ','
 * group is thousands only when ',' is not the decimal mark ("1,292" is 1.292 in vi-VN).
 */
function parseWhole(s: string, sep: Separators): number | null {
  if (DIGITS.test(s)) return Number(s);
  if (SPACE_GROUPS.test(s) || DOT_GROUPS.test(s)) return wholeFromGroups(s);
  if (COMMA_GROUPS.test(s) && (sep.decimal !== ',' || COMMA_GROUPS_2.test(s))) return wholeFromGroups(s);
  return null;
}

/**
 * Reads text as a count. `"1.292"` and `"1.292.000"` are thousands (Vietnamese habit) whatever
 * the separators, since a count never has three decimals that look like a thousands group;
 * `"1,5"` is a fraction; `"1.292,00"` is 1292.
 */
export function parseCountText(input: string, sep: Separators = VI_SEPARATORS): ParsedText {
  let s: string;
  try {
    s = input.normalize('NFKC');
  } catch {
    s = input;
  }
  s = trimSpaces(s);
  if (s === '') return { kind: 'blank' };
  if (s.length > 40) return { kind: 'text' };
  let sign = 1;
  if (/^[-\u2212\u2013]/.test(s)) {
    sign = -1;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }
  if (s === '') return { kind: 'text' };

  const whole = parseWhole(s, sep);
  if (whole !== null) return signed(whole, sign);

  // A decimal part, with ',' (Vietnamese) or '.' (English) as the decimal mark.
  const m = /^(.*?)([,.])(\d+)$/.exec(s);
  if (m) {
    const [, intPart, mark, decimals] = m;
    const intValue = intPart === '' ? 0 : intValueFor(intPart, mark);
    // `1111111111111111111111,5`: a whole part beyond 2^53 − 1 is no count either (and would read as NaN).
    if (intValue !== null && !Number.isSafeInteger(intValue)) return { kind: 'too-large' };
    if (intValue !== null) {
      if (/^0+$/.test(decimals)) return signed(intValue, sign);
      const value = sign * Number(`${intValue}.${decimals}`);
      return sign < 0 ? { kind: 'negative', value } : { kind: 'fraction', value };
    }
  }
  return { kind: 'text' };
}

/** The integer part before a decimal mark: groups use the other mark or spaces. */
function intValueFor(intPart: string, mark: string): number | null {
  if (DIGITS.test(intPart)) return Number(intPart);
  if (SPACE_GROUPS.test(intPart)) return wholeFromGroups(intPart);
  if (mark === ',' && DOT_GROUPS.test(intPart)) return wholeFromGroups(intPart);
  if (mark === '.' && COMMA_GROUPS.test(intPart)) return wholeFromGroups(intPart);
  return null;
}

function signed(whole: number, sign: number): ParsedText {
  if (!Number.isSafeInteger(whole)) return { kind: 'too-large' };
  if (sign < 0 && whole !== 0) return { kind: 'negative', value: -whole };
  return { kind: 'count', value: whole };
}

/**
 * For a stored fraction such as 1.292 or 132.965: the whole number the clerk most likely meant,
 * when the decimals look like one thousands group (exactly three digits); null otherwise.
 */
export function thousandsSuggestion(x: number): number | null {
  if (!Number.isFinite(x) || x <= 0 || Number.isInteger(x)) return null;
  // 1–3 digits not starting with 0, then three: 1.292, 132.965 (not 0.123, not 1234.567).
  const m = /^([1-9]\d{0,2})\.(\d{3})$/.exec(String(x));
  if (!m) return null;
  const n = Number(m[1] + m[2]);
  return Number.isSafeInteger(n) ? n : null;
}

function groupDigits(digits: string, thousands: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += thousands;
    out += digits[i];
  }
  return out;
}

/**
 * Formats a number for a message: thousands grouped, the given separators (vi-VN by default:
 * `1.292`, `-20`, `4.632,5`). Non-finite numbers are written as they are.
 */
export function formatNumber(x: number, sep: Separators = VI_SEPARATORS, maxDecimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e21) return String(x);
  const negative = x < 0 && !Object.is(x, -0);
  const abs = Math.abs(x);
  const fixed = abs.toFixed(maxDecimals);
  const [intDigits, decimals = ''] = fixed.split('.');
  const trimmed = decimals.replace(/0+$/, '');
  const body = groupDigits(intDigits, sep.thousands) + (trimmed ? sep.decimal + trimmed : '');
  return negative && body !== '0' ? `-${body}` : body;
}

/** A value as the cell shows it, for messages: numbers with the user's decimal mark, no grouping. */
export function formatRawNumber(x: number, sep: Separators = EN_SEPARATORS): string {
  const s = String(x);
  return sep.decimal === '.' ? s : s.replace('.', sep.decimal);
}
