/**
 * The figures of Vietnamese running text, as a report writes them: `9.375` (dot thousands), `1325`,
 * `12,5%` and `0,5` (decimal comma), `100 %`, `02` and `08/8` (leading zeros), `898/898` (x of y),
 * numbers glued to words (`7.433Token`, `455SIMPKI`).
 *
 * Not figures: dates (`01/7/2025`, `14 /11/2025`, `ngày 08/8`), document symbols (`52-BC/TU`,
 * `52 -BC/TU`, `824/QĐ-UBND`, `28/2019/QĐ-UBND`), list markers `(1)`, section numbers at a
 * paragraph's start (`3.5.`, `1.`), ranges and term years (`2020 - 2025`, `2-3 ngày`), a number
 * glued after letters (`LGSP2`), and footnote marks (never in the text: the reader keeps them apart).
 *
 * A text written with `,` thousands (`3,341`, `132,965`) is read as such when its numbers show it
 * (`thousandsOf`). Pure.
 */

export type Thousands = '.' | ',';

export interface TextNumber {
  /** The value (`9.375` → 9375; `12,5%` → 12.5). */
  value: number;
  /** Decimals written (`12,5%` → 1). */
  decimals: number;
  /** A percentage (`%` after it, a space allowed). */
  percent: boolean;
  /** `x/y` (`898/898`, `08/8`): y; `value` is x. */
  of?: number;
  /** Offsets in the text: the figure as written, `%` or `/y` included. */
  start: number;
  end: number;
  raw: string;
}

const DIGITS = /\d/;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /\p{L}/u.test(ch);
}

/**
 * Which thousands separator a set of texts uses: `,` when comma groups of three (`3,341`) outnumber
 * dot groups of three (`9.375`) and no decimal comma (`12,5`) is seen; otherwise `.`.
 */
export function thousandsOf(texts: Iterable<string>): Thousands {
  let dot = 0;
  let comma = 0;
  for (const t of texts) {
    for (const m of t.matchAll(/(?<![\d.,])\d{1,3}((?:[.,]\d{3})+)(?:([.,])(\d{1,2}|\d{4,}))?(?![\d])/g)) {
      const sep = m[1][0];
      if (!m[1].split('').every((c) => !/[.,]/.test(c) || c === sep)) continue;
      if (sep === '.') dot++;
      else comma++;
    }
    for (const _ of t.matchAll(/(?<![\d.,])\d+,\d{1,2}(?![\d.,])/g)) dot++;
  }
  return comma > dot ? ',' : '.';
}

/** The value of digits with separators, or null when they do not read as one number in `th`. */
export function parseNumberToken(tok: string, th: Thousands = '.'): { value: number; decimals: number } | null {
  const dec = th === '.' ? ',' : '.';
  if (!/^\d+(?:[.,]\d+)*$/.test(tok)) return null;
  let intPart = tok;
  let frac = '';
  const lastDec = tok.lastIndexOf(dec);
  if (lastDec >= 0) {
    intPart = tok.slice(0, lastDec);
    frac = tok.slice(lastDec + 1);
    if (frac.includes(th)) return null;
  }
  if (intPart.includes(dec)) return null;
  if (intPart.includes(th)) {
    const groups = intPart.split(th);
    if (groups[0].length < 1 || groups[0].length > 3 || groups.slice(1).some((g) => g.length !== 3)) return null;
    intPart = groups.join('');
  }
  const value = Number(frac ? `${intPart}.${frac}` : intPart);
  if (!Number.isFinite(value)) return null;
  return { value, decimals: frac.length };
}

/** Offsets of paragraph-start section numbers (`3.5. `, `1. `), to be skipped. */
function sectionNumberEnd(text: string): number {
  const m = /^\s*\d{1,2}(?:\.\d{1,2})*\.\s/.exec(text);
  return m ? m[0].length : 0;
}

/**
 * Every figure of one paragraph, in order. `th`: the thousands separator of the document
 * (`thousandsOf`); a token that does not read in it is not a figure.
 */
export function findNumbers(text: string, th: Thousands = '.'): TextNumber[] {
  const out: TextNumber[] = [];
  const skipTo = sectionNumberEnd(text);
  const re = /\d+(?:[.,]\d+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index;
    let end = start + m[0].length;
    if (start < skipTo) continue;
    const before = text[start - 1];
    // Glued after letters (LGSP2, H2O) or after another figure's separator: not a figure.
    if (isLetter(before) || before === '_') continue;
    const after = text.slice(end);
    const head = text.slice(Math.max(0, start - 12), start);
    // Dates: d/m/yyyy, with stray spaces ("14 /11/2025"); d/m after "ngày"/"từ"/"đến".
    const date = /^\s?\/\s?\d{1,2}\s?\/\s?\d{2,4}(?!\d)/.exec(after);
    if (date && Number(m[0]) >= 1 && Number(m[0]) <= 31 && !/[.,]/.test(m[0])) {
      re.lastIndex = end + date[0].length;
      continue;
    }
    // Month/year after a date's day was skipped, or "tháng 7/2025".
    if (/^\/\d{4}(?!\d)/.test(after) && /tháng\s?$/i.test(head)) {
      re.lastIndex = end + 5;
      continue;
    }
    // Document symbols: 52-BC/TU, 52 -BC/TU, 824/QĐ-UBND, 28/2019/QĐ-UBND, 18541-CV/VPTW.
    const symbol = /^\s?[-/–]\s?(?:\d{2,4}\/)?[A-ZĐ][\p{L}]*/u.exec(after);
    if (symbol && /\p{Lu}/u.test(symbol[0])) {
      re.lastIndex = end + symbol[0].length;
      continue;
    }
    // List markers (1), 1), a)
    if (text[start - 1] === '(' && after.startsWith(')') && m[0].length <= 2) continue;
    // Ranges and term years: 2020 - 2025, 2-3
    const range = /^\s?[-–]\s?\d+/.exec(after);
    if (range) {
      re.lastIndex = end + range[0].length;
      continue;
    }
    if (/[-–]\s?$/.test(text.slice(Math.max(0, start - 2), start)) && DIGITS.test(text[start - 3] ?? '')) continue;
    const parsed = parseNumberToken(m[0], th);
    if (!parsed) continue;
    // d/m after "ngày": a date without its year.
    if (/^\/\d{1,2}(?!\d)/.test(after) && /(ngày|từ|đến)\s$/i.test(head)) {
      re.lastIndex = end + after.indexOf('/') + 3;
      continue;
    }
    let of: number | undefined;
    const ofm = /^\/(\d+(?:[.,]\d{3})*)(?![\d/])/.exec(after);
    if (ofm) {
      const y = parseNumberToken(ofm[1], th);
      if (y && y.decimals === 0) {
        of = y.value;
        end += ofm[0].length;
        re.lastIndex = end;
      }
    }
    let percent = false;
    const pm = /^\s?%/.exec(text.slice(end));
    if (pm && of === undefined) {
      percent = true;
      end += pm[0].length;
    }
    // A figure with decimals that is not a percentage nor follows a decimal habit is still a figure.
    out.push({ value: parsed.value, decimals: parsed.decimals, percent, of, start, end, raw: text.slice(start, end) });
  }
  return out;
}

/** A whole number written the Vietnamese way (`9.375`) or the English way (`9,375`). */
export function writeCount(n: number, th: Thousands = '.'): string {
  const neg = n < 0;
  const s = Math.abs(Math.round(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, th);
  return neg ? `−${s}` : s;
}
