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

/** What a piece of text says as a count. */
export type ParsedText =
  /** A whole number ≥ 0 written as text: `"1.292"`, `" 45 "`, `"1 292"`. */
  | { kind: 'count'; value: number }
  /** A negative whole number written as text: `"-5"`. */
  | { kind: 'negative'; value: number }
  /** A number with a real fractional part: `"1,5"`, `"1.292,5"`. */
  | { kind: 'fraction'; value: number }
  /** Blank or white space only. */
  | { kind: 'blank' }
  /** Anything else: `"12 văn bản"`, `"abc"`. */
  | { kind: 'text' };

const SPACE_CLASS = '[ \\u00A0\\u2000-\\u200B\\u202F\\u205F\\u3000]';

const DIGITS = /^\d+$/;
const DOT_GROUPS = /^\d{1,3}(\.\d{3})+$/;
const COMMA_GROUPS = /^\d{1,3}(,\d{3})+$/;
const SPACE_GROUPS = new RegExp(`^\\d{1,3}(${SPACE_CLASS}\\d{3})+$`);

function wholeFromGroups(s: string): number {
  return Number(s.replace(/[^\d]/g, ''));
}

/** The integer part written with any one grouping style, or null. */
function parseWhole(s: string, sep: Separators): number | null {
  if (DIGITS.test(s)) return Number(s);
  if (SPACE_GROUPS.test(s)) return wholeFromGroups(s);
  if (DOT_GROUPS.test(s) && sep.decimal !== '.') return wholeFromGroups(s);
  if (COMMA_GROUPS.test(s) && sep.decimal !== ',') return wholeFromGroups(s);
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
  s = s.replace(/^[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+|[\s\u00A0\u2000-\u200B\u202F\u205F\u3000\uFEFF]+$/g, '');
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

  // Thousands groups with '.' are Vietnamese thousands even when '.' is the decimal point:
  // "1.292" typed as text in an en-US Excel means 1292.
  const whole = parseWhole(s, sep) ?? (DOT_GROUPS.test(s) ? wholeFromGroups(s) : null);
  if (whole !== null) return signed(whole, sign);

  // A decimal part, with ',' (Vietnamese) or '.' (English) as the decimal mark.
  const m = /^(.*?)([,.])(\d+)$/.exec(s);
  if (m) {
    const [, intPart, mark, decimals] = m;
    const intValue = intPart === '' ? 0 : intValueFor(intPart, mark);
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
  if (!Number.isSafeInteger(whole)) return { kind: 'text' };
  if (sign < 0 && whole !== 0) return { kind: 'negative', value: -whole };
  return { kind: 'count', value: whole };
}

/**
 * For a stored fraction such as 1.292 or 132.965: the whole number the clerk most likely meant,
 * when the decimals look like one thousands group (exactly three digits); null otherwise.
 */
export function thousandsSuggestion(x: number): number | null {
  if (!Number.isFinite(x) || x <= 0 || Number.isInteger(x)) return null;
  const m = /^(\d+)\.(\d{3})$/.exec(String(x));
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
