/**
 * The tie-out's reading of the report's text (`core/tieout/tieout`): each paragraph scanned for its
 * figures, sentences and brackets; a total with its parts (`text.parts`) and a ratio with its
 * figures (`text.ratio`) checked within the text itself.
 */
import type { Text } from '../forms/template';
import type { DocParagraph } from './document';
import { findNumbers, writeCount, type TextNumber, type Thousands } from './text-numbers';
import { severityOf } from '../check/rules';
import type { TieOutFinding } from './tieout';

// ---------------------------------------------------------------------------------------------
// Paragraph scanning

export interface Fig extends TextNumber {
  paragraph: DocParagraph;
  /** Parenthesis depth at the figure. */
  depth: number;
  /** The sentence: offsets in the paragraph. */
  sentence: { start: number; end: number };
  /** A count (whole, not a percentage): `x` of `x/y`. */
  count: boolean;
  /** "hơn", "khoảng", "gần", "trên", "dưới": the figure is not exact. */
  approx: boolean;
}

export interface Para {
  p: DocParagraph;
  figs: Fig[];
  depth: Int16Array;
  sentences: { start: number; end: number }[];
}

export function sentencesOf(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const re = /[.!?…;]?[.!?…](?=\s+[\p{Lu}“"(])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // "3.5." and "TTHC." end a sentence only before a space and a capital.
    const end = m.index + m[0].length;
    out.push({ start, end });
    start = end;
    while (start < text.length && /\s/.test(text[start])) start++;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out;
}

export function depthOf(text: string): Int16Array {
  const d = new Int16Array(text.length + 1);
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ')' && level > 0) level--;
    d[i] = level;
    if (ch === '(') level++;
  }
  d[text.length] = level;
  return d;
}

export const APPROX = /(?:hơn|khoảng|gần|trên|dưới|chừng|xấp xỉ|ước)\s*$/i;

export function scan(p: DocParagraph, th: Thousands): Para {
  const depth = depthOf(p.text);
  const sentences = sentencesOf(p.text);
  const figs: Fig[] = findNumbers(p.text, th).map((n) => {
    const sentence = sentences.find((s) => n.start >= s.start && n.start < s.end) ?? { start: 0, end: p.text.length };
    return { ...n, paragraph: p, depth: depth[n.start], sentence, count: !n.percent && n.decimals === 0, approx: APPROX.test(p.text.slice(Math.max(0, n.start - 12), n.start)) };
  });
  return { p, figs, depth, sentences };
}

// ---------------------------------------------------------------------------------------------
// text.parts

export interface Sum {
  total: Fig;
  parts: Fig[];
  complete: boolean;
}

export const KEY_PARTIAL = /trong\s+đó(?:\s+có)?\s*:?/giu;
export const KEY_COMPLETE = /(?:bao\s+)?gồm\s*:?/giu;
export const KEY_ALSO = /,?\s+với\s+/giu;

/** The last count figure at `depth` before `at` in the same sentence (within `maxGap` characters when given). */
export function totalBefore(para: Para, at: number, depth: number, maxGap?: number): Fig | null {
  let best: Fig | null = null;
  for (const f of para.figs) {
    if (f.end > at || f.depth !== depth || !f.count) continue;
    if (!(at >= f.sentence.start && at <= f.sentence.end)) continue;
    best = f;
  }
  if (!best) return null;
  if (maxGap !== undefined && at - best.end > maxGap) return null;
  // No other figure between it and the keyword at this depth.
  if (para.figs.some((f) => f.start > best.end && f.end <= at && f.depth === depth)) return null;
  return best;
}

/** Count figures at `depth` from `from` to `to`. */
export function partsBetween(para: Para, from: number, to: number, depth: number): Fig[] {
  return para.figs.filter((f) => f.start >= from && f.end <= to && f.depth === depth && f.count);
}

export function sumsOf(paras: Para[]): Sum[] {
  const sums: Sum[] = [];
  paras.forEach((para, pi) => {
    const text = para.p.text;
    // Parenthetical breakdowns: "N … (A …, B …)".
    for (let i = 0; i < text.length; i++) {
      if (text[i] !== '(') continue;
      const d = para.depth[i];
      let j = i + 1;
      while (j < text.length && !(text[j] === ')' && para.depth[j] === d)) j++;
      const parts = partsBetween(para, i + 1, j, d + 1);
      if (parts.length < 2) continue;
      const total = totalBefore(para, i, d, 60);
      if (total) sums.push({ total, parts, complete: true });
    }
    // "gồm" (outside a parenthesis opening it), "trong đó", "với".
    const keys: { at: number; end: number; kind: 'complete' | 'partial' | 'also' }[] = [];
    for (const m of text.matchAll(KEY_COMPLETE)) if (text.slice(Math.max(0, m.index - 2), m.index).trim() !== '(') keys.push({ at: m.index, end: m.index + m[0].length, kind: 'complete' });
    for (const m of text.matchAll(KEY_PARTIAL)) keys.push({ at: m.index, end: m.index + m[0].length, kind: 'partial' });
    for (const m of text.matchAll(KEY_ALSO)) keys.push({ at: m.index, end: m.index + m[0].length, kind: 'also' });
    keys.sort((a, b) => a.at - b.at);
    let lastPartialTotal: Fig | null = null;
    keys.forEach((k, ki) => {
      const d = para.depth[k.at];
      const sentence = para.sentences.find((s) => k.at >= s.start && k.at < s.end) ?? { start: 0, end: text.length };
      const next = keys.slice(ki + 1).find((x) => x.at < sentence.end && para.depth[x.at] === d);
      let stop = next ? next.at : sentence.end;
      // A parenthesis of this depth closing ends the list.
      for (let x = k.end; x < stop; x++) {
        if (text[x] === ')' && para.depth[x] < d) {
          stop = x;
          break;
        }
      }
      let total: Fig | null;
      if (k.kind === 'also') {
        total = lastPartialTotal && lastPartialTotal.sentence.start === sentence.start ? lastPartialTotal : null;
      } else {
        total = totalBefore(para, k.at, d, k.kind === 'complete' ? 40 : undefined);
      }
      if (!total) return;
      if (k.kind === 'partial') lastPartialTotal = total;
      let parts = partsBetween(para, k.end, stop, d);
      // A list ending the paragraph ("…; trong đó:") goes on in the bullet paragraphs that follow.
      if (parts.length === 0 && text.slice(k.end).trim() === '' && k.kind !== 'also') {
        for (let q = pi + 1; q < paras.length && paras[q].p.listItem && paras[q].p.kind === para.p.kind; q++) {
          const first = paras[q].figs.find((f) => f.depth === 0 && f.count);
          if (first) parts.push(first);
        }
      }
      parts = parts.filter((f) => f !== total);
      if (parts.length < 2) return;
      sums.push({ total, parts, complete: k.kind === 'complete' });
    });
  });
  // One breakdown per total and list (a parenthesis opened by "gồm" is found once).
  const seen = new Set<string>();
  return sums.filter((s) => {
    const key = `${s.total.paragraph.index}:${s.total.start}:${s.parts.map((f) => `${f.paragraph.index}.${f.start}`).join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return !s.total.approx && !s.parts.some((f) => f.approx);
  });
}

export function holds(s: Sum, value: (f: Fig) => number): boolean {
  const parts = s.parts.reduce((a, f) => a + value(f), 0);
  return s.complete ? parts === value(s.total) : parts <= value(s.total);
}

export function exact(s: Sum, value: (f: Fig) => number): boolean {
  return s.parts.reduce((a, f) => a + value(f), 0) === value(s.total);
}

export type Lang = 'vi' | 'en';

export function num(n: number, lang: Lang): string {
  return writeCount(n, lang === 'vi' ? '.' : ',');
}

export function sumText(s: Sum, value: (f: Fig) => number, lang: Lang): string {
  return `${s.parts.map((f) => num(value(f), lang)).join(' + ')} = ${num(s.parts.reduce((a, f) => a + value(f), 0), lang)}`;
}

export function quoteOf(f: Fig): { quote: string; figure: { start: number; end: number } } {
  const { start, end } = f.sentence;
  return { quote: f.paragraph.text.slice(start, end), figure: { start: f.start - start, end: f.end - start } };
}

export function textFinding(rule: string, f: Fig, stated: number | null, expected: number | null, message: Text): TieOutFinding {
  const q = quoteOf(f);
  return { rule, severity: severityOf(rule), where: { paragraph: f.paragraph.index, quote: q.quote }, stated, expected, message, figure: q.figure };
}

export function partsFindings(sums: Sum[]): TieOutFinding[] {
  const out: TieOutFinding[] = [];
  const reported = new Set<Fig>();
  const plain = (f: Fig): number => f.value;
  for (const s of sums) {
    if (holds(s, plain)) continue;
    // Candidates: the total to the sum of its parts, or one part to what the total leaves it.
    const partsSum = s.parts.reduce((a, f) => a + f.value, 0);
    const candidates: { fig: Fig; to: number }[] = [{ fig: s.total, to: partsSum }];
    for (const p of s.parts) {
      const to = s.total.value - (partsSum - p.value);
      if (to >= 0) candidates.push({ fig: p, to });
    }
    let best: { fig: Fig; to: number; exactSums: Sum[] } | null = null;
    let tie = false;
    for (const c of candidates) {
      const value = (f: Fig): number => (f === c.fig ? c.to : f.value);
      const mine = sums.filter((x) => x.total === c.fig || x.parts.includes(c.fig));
      if (!mine.every((x) => holds(x, value))) continue;
      const exactSums = mine.filter((x) => exact(x, value));
      if (!best || exactSums.length > best.exactSums.length) {
        best = { ...c, exactSums };
        tie = false;
      } else if (exactSums.length === best.exactSums.length) tie = true;
    }
    const failing = s;
    if (best && !tie && best.exactSums.length >= 2) {
      if (reported.has(best.fig)) continue;
      reported.add(best.fig);
      const b = best;
      const value = (f: Fig): number => (f === b.fig ? b.to : f.value);
      const others = b.exactSums.filter((x) => x !== failing);
      const also = (lang: Lang): string => others.map((x) => sumText(x, value, lang)).join('; ');
      out.push(
        textFinding('text.parts', b.fig, b.fig.value, b.to, {
          vi: `${num(failing.total.value, 'vi')} ${failing.complete ? '≠' : '<'} ${sumText(failing, plain, 'vi')}. Với ${num(b.to, 'vi')} thì ${also('vi')} cũng khớp: số ${num(b.fig.value, 'vi')} có lẽ gõ nhầm, đúng là ${num(b.to, 'vi')}.`,
          en: `${num(failing.total.value, 'en')} ${failing.complete ? '≠' : '<'} ${sumText(failing, plain, 'en')}. With ${num(b.to, 'en')}, ${also('en')} also holds: ${num(b.fig.value, 'en')} is probably mistyped for ${num(b.to, 'en')}.`,
        }),
      );
      continue;
    }
    if (reported.has(s.total)) continue;
    reported.add(s.total);
    out.push(
      textFinding(
        'text.parts',
        s.total,
        s.total.value,
        partsSum,
        s.complete
          ? {
              vi: `Tổng ${num(s.total.value, 'vi')} không bằng các phần của nó: ${sumText(s, plain, 'vi')} (chênh lệch ${num(s.total.value - partsSum, 'vi')}).`,
              en: `The total ${num(s.total.value, 'en')} does not equal its parts: ${sumText(s, plain, 'en')} (difference ${num(s.total.value - partsSum, 'en')}).`,
            }
          : {
              vi: `Các phần "trong đó" vượt tổng ${num(s.total.value, 'vi')}: ${sumText(s, plain, 'vi')}.`,
              en: `The parts ("trong đó") exceed the total ${num(s.total.value, 'en')}: ${sumText(s, plain, 'en')}.`,
            },
      ),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// text.ratio

export function ratioFindings(paras: Para[]): TieOutFinding[] {
  const out: TieOutFinding[] = [];
  for (const para of paras) {
    for (const f of para.figs) {
      if (!f.percent) continue;
      const head = para.p.text.slice(Math.max(0, f.start - 16), f.start);
      if (!/(tỷ lệ|tỉ lệ|đạt)\s*(là\s*)?$/i.test(head)) continue;
      const xy = [...para.figs].reverse().find((g) => g.end <= f.start && g.of !== undefined && g.sentence.start === f.sentence.start);
      if (!xy || xy.of === undefined || xy.of === 0) continue;
      const scale = 10 ** f.decimals;
      const expected = Math.round((xy.value / xy.of) * 100 * scale) / scale;
      if (expected === f.value) continue;
      const pct = (x: number, lang: Lang): string => `${lang === 'vi' ? String(x).replace('.', ',') : String(x)}%`;
      out.push(
        textFinding('text.ratio', f, f.value, expected, {
          vi: `Tỷ lệ ${pct(f.value, 'vi')} không khớp ${num(xy.value, 'vi')}/${num(xy.of, 'vi')} = ${pct(expected, 'vi')}.`,
          en: `The ratio ${pct(f.value, 'en')} does not match ${num(xy.value, 'en')}/${num(xy.of, 'en')} = ${pct(expected, 'en')}.`,
        }),
      );
    }
  }
  return out;
}
