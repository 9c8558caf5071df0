/**
 * Tie-out of a Word report (đối chiếu báo cáo): the figures of its paragraphs against each other
 * and against the Biểu tables, and the tables inside the document checked by the workbook rules.
 *
 * - `text.parts`: a total and its breakdown ("tổng số N …; trong đó (có) A …, B …", "N … (A …, B …)",
 *   "N …, gồm: A …; B …", "N … (cấp tỉnh là A, cấp xã là B)", a total followed by bullet paragraphs).
 *   A breakdown complete by its words (parentheses, "gồm") must add up; a partial one ("trong đó",
 *   "với") must not exceed its total. When changing one figure reconciles every sum it sits in, and
 *   makes another one hold exactly, that figure is named with the reconciling value.
 * - `text.ratio`: "X/Y … (tỷ lệ Z%)", "đạt Z%" against X/Y, at the precision written.
 * - `text.table`: a figure stating a table's figure: the averages per day and per month (against
 *   the table's own period; a figure that fits another count of days says which), the totals of
 *   Số liệu's sentences, a figure followed by the table's subject and one of its labels ("15 hội
 *   nghị Tỉnh ủy" ↔ Biểu 03, Tỉnh ủy), Biểu 04's published, online and direct procedures. Figures
 *   that agree are listed as matched.
 *
 * Pure: the document model comes from `xlsx/docx`, the tables from a workbook reader or from the
 * document itself (`core/doc-tables`).
 */
import type { Text, Template } from './template';
import { columnsOf } from './template';
import type { Finding, Severity } from './findings';
import type { DocParagraph, DocumentModel } from './document';
import type { TableRead, WorkbookRead } from './read';
import type { PackCatalog } from './catalog';
import { BUILTIN_CATALOG } from './builtin';
import { STANDARD_PACK_ID } from './pack';
import { unitRowIndices } from './rows';
import { validateWorkbook } from './validate';
import { findNumbers, thousandsOf, writeCount, type TextNumber, type Thousands } from './text-numbers';
import { docTableRule, findDocTables, type DocTableFound } from './doc-tables';
import { compareIsoDates, daysInclusive, excelSerialToIso, formatDateVi, isValidIsoDate, isoFromUtcDate, parseDayFirstDate } from './dates';
import type { CellValue } from './read';
import { csvDocument } from './csv';

export type TieOutWhere = { paragraph: number; quote: string } | { table: string; cell: string };

export interface TieOutFinding {
  rule: string;
  severity: Severity;
  where: TieOutWhere;
  stated: number | null;
  expected: number | null;
  message: Text;
  /** Where the stated figure stands in `where.quote` (offsets), for the screens to highlight it. */
  figure?: { start: number; end: number };
  /** `text.table` on a sentence: the table cell the figure was compared with (the pane selects it). */
  tableCell?: { table: string; cell: string };
}

export interface TieOutMatch {
  stated: number;
  table: string;
  cell: string;
  paragraph: number;
}

export interface TieOutResult {
  findings: TieOutFinding[];
  matched: TieOutMatch[];
  /** The Biểu tables found in the document (their names). */
  documentTables: string[];
}

export interface TieOutOptions {
  /** The workbook's tables: the text is tied out against them (default: the document's own tables). */
  workbook?: WorkbookRead;
  catalog?: PackCatalog;
}

// ---------------------------------------------------------------------------------------------
// Paragraph scanning

interface Fig extends TextNumber {
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

interface Para {
  p: DocParagraph;
  figs: Fig[];
  depth: Int16Array;
  sentences: { start: number; end: number }[];
}

function sentencesOf(text: string): { start: number; end: number }[] {
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

function depthOf(text: string): Int16Array {
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

const APPROX = /(?:hơn|khoảng|gần|trên|dưới|chừng|xấp xỉ|ước)\s*$/i;

function scan(p: DocParagraph, th: Thousands): Para {
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

interface Sum {
  total: Fig;
  parts: Fig[];
  complete: boolean;
}

const KEY_PARTIAL = /trong\s+đó(?:\s+có)?\s*:?/giu;
const KEY_COMPLETE = /(?:bao\s+)?gồm\s*:?/giu;
const KEY_ALSO = /,?\s+với\s+/giu;

/** The last count figure at `depth` before `at` in the same sentence (within `maxGap` characters when given). */
function totalBefore(para: Para, at: number, depth: number, maxGap?: number): Fig | null {
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
function partsBetween(para: Para, from: number, to: number, depth: number): Fig[] {
  return para.figs.filter((f) => f.start >= from && f.end <= to && f.depth === depth && f.count);
}

function sumsOf(paras: Para[]): Sum[] {
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

function holds(s: Sum, value: (f: Fig) => number): boolean {
  const parts = s.parts.reduce((a, f) => a + value(f), 0);
  return s.complete ? parts === value(s.total) : parts <= value(s.total);
}

function exact(s: Sum, value: (f: Fig) => number): boolean {
  return s.parts.reduce((a, f) => a + value(f), 0) === value(s.total);
}

type Lang = 'vi' | 'en';

function num(n: number, lang: Lang): string {
  return writeCount(n, lang === 'vi' ? '.' : ',');
}

function sumText(s: Sum, value: (f: Fig) => number, lang: Lang): string {
  return `${s.parts.map((f) => num(value(f), lang)).join(' + ')} = ${num(s.parts.reduce((a, f) => a + value(f), 0), lang)}`;
}

function quoteOf(f: Fig): { quote: string; figure: { start: number; end: number } } {
  const { start, end } = f.sentence;
  return { quote: f.paragraph.text.slice(start, end), figure: { start: f.start - start, end: f.end - start } };
}

function textFinding(rule: string, f: Fig, stated: number | null, expected: number | null, message: Text, severity: Severity = 'error'): TieOutFinding {
  const q = quoteOf(f);
  return { rule, severity, where: { paragraph: f.paragraph.index, quote: q.quote }, stated, expected, message, figure: q.figure };
}

function partsFindings(sums: Sum[]): TieOutFinding[] {
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

function ratioFindings(paras: Para[]): TieOutFinding[] {
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

// ---------------------------------------------------------------------------------------------
// text.table

/** A report period: first and last day, calendar days (both included). */
interface Period {
  from: string;
  to: string;
  days: number;
}

function dateOf(v: CellValue | undefined): string | null {
  try {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromUtcDate(v);
    if (typeof v === 'number' && Number.isFinite(v) && v >= 61 && v < 2958466) return excelSerialToIso(v);
    if (typeof v === 'string') return parseDayFirstDate(v);
  } catch {
    return null;
  }
  return null;
}

/** The table's own period, from its period cells (as the averages of Biểu 01 use it), or null. */
function tablePeriod(t: TableRead): Period | null {
  const from = dateOf(t.info.from?.value);
  const to = dateOf(t.info.to?.value);
  if (!from || !to || !isValidIsoDate(from) || !isValidIsoDate(to) || compareIsoDates(from, to) > 0) return null;
  return { from, to, days: daysInclusive(from, to) };
}

interface Source {
  read: TableRead;
  template: Template;
  period: Period | null;
}

function columnTotal(src: Source, id: string): number | null {
  const col = columnsOf(src.template).find((c) => c.id === id);
  if (!col || col.kind === 'ratio') return null;
  let total = 0;
  for (const r of unitRowIndices(src.read)) {
    const v = cellNumber(src, id, r);
    if (v === null) return null;
    total += v;
  }
  return total;
}

function cellNumber(src: Source, id: string, row: number): number | null {
  const col = columnsOf(src.template).find((c) => c.id === id);
  if (!col) return null;
  if (col.kind === 'sum') {
    let s = 0;
    for (const part of col.of) {
      const v = cellNumber(src, part, row);
      if (v === null) return null;
      s += v;
    }
    return s;
  }
  const v = src.read.columns[id]?.[row]?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The cell that shows a column's total: the totals row's, or the single data row's. */
function totalCell(src: Source, id: string): string {
  return (src.read.totals?.[id] ?? src.read.columns[id]?.[0])?.address ?? '';
}

function isStandard(src: Source, id: string): boolean {
  return (src.template.pack ?? STANDARD_PACK_ID) === STANDARD_PACK_ID && src.template.id === id;
}

function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Labels a sentence may name a column by: its label before any parenthesis, its group's label. */
function labelsOf(t: Template): { phrase: string; column: string }[] {
  const out: { phrase: string; column: string }[] = [];
  for (const g of t.groups) {
    const sum = g.columns.find((c) => c.kind === 'sum');
    if (sum || g.columns.length === 1) out.push({ phrase: norm(g.label.vi), column: (sum ?? g.columns[0]).id });
    for (const c of g.columns) {
      if (c.kind !== 'entry') continue;
      out.push({ phrase: norm(c.label.vi.replace(/\s*\(.*\)\s*$/, '')), column: c.id });
    }
  }
  // A group label that starts with the table's subject also names the group after that subject
  // ("hội nghị, cuộc họp do Trung ương triệu tập" ↔ "Hội nghị do Trung ương triệu tập").
  for (const g of t.groups) {
    const sum = g.columns.find((c) => c.kind === 'sum');
    const m = /^(?:văn bản|hội nghị|cuộc họp) (.+)$/u.exec(norm(g.label.vi));
    if (sum && m && m[1].split(' ').length >= 3) out.push({ phrase: m[1], column: sum.id });
  }
  // A phrase two columns share (Biểu 02's "Nghị quyết") names neither.
  return out.filter((x) => out.filter((y) => y.phrase === x.phrase).length === 1);
}

const SUBJECTS: Record<string, RegExp> = {
  b01: /^văn bản(?=[\s,;.]|$)/u,
  b02: /^văn bản(?=[\s,;.]|$)/u,
  b03: /^(?:hội nghị|cuộc họp)(?:,? cuộc họp)?(?=[\s,;.]|$)/u,
  b04: /^(?:tthc|thủ tục(?: hành chính)?)(?=[\s,;.]|$)/u,
};

interface Claim {
  fig: Fig;
  src: Source;
  /** What the table says (null: cannot be computed). */
  expected: number | null;
  cell: string;
  /** For an average: the total and the period's days. */
  average?: { total: number; kind: 'perDay' | 'perMonth'; days: number };
  label: Text;
}

function averageClaims(paras: Para[], sources: Source[]): Claim[] {
  const b01 = sources.find((s) => isStandard(s, 'b01'));
  if (!b01) return [];
  const out: Claim[] = [];
  for (const para of paras) {
    const text = para.p.text;
    const marks = [...text.matchAll(/(?:trung bình|bình quân)\s+(?:một|mỗi|1)\s+(ngày|tháng)/giu)];
    marks.forEach((m, mi) => {
      const from = m.index + m[0].length;
      const sentence = para.sentences.find((s) => m.index >= s.start && m.index < s.end) ?? { start: 0, end: text.length };
      const to = Math.min(sentence.end, mi + 1 < marks.length ? marks[mi + 1].index : text.length);
      const kind = norm(m[1]) === 'ngày' ? 'perDay' : 'perMonth';
      for (const f of para.figs) {
        if (f.start < from || f.end > to || !f.count) continue;
        const after = norm(text.slice(f.end, f.end + 24));
        const before = norm(text.slice(Math.max(from, f.start - 24), f.start));
        let way: 'received' | 'issued' | null = null;
        if (/^văn bản đến/.test(after)) way = 'received';
        else if (/^văn bản đi/.test(after)) way = 'issued';
        else if (/(xử lý|tiếp nhận|nhận)\s*$/.test(before)) way = 'received';
        else if (/(ban hành|phát hành)\s*$/.test(before)) way = 'issued';
        if (!way) continue;
        const id = `${way}${kind === 'perDay' ? 'PerDay' : 'PerMonth'}`;
        const a = (b01.template.averages ?? []).find((x) => x.id === id);
        if (!a) continue;
        const total = columnTotal(b01, a.of);
        const days = b01.period?.days ?? null;
        const expected = total === null || days === null ? null : Math.round(kind === 'perDay' ? total / days : (total * 30) / days);
        out.push({
          fig: f,
          src: b01,
          expected,
          cell: b01.read.averages[id]?.address ?? totalCell(b01, a.of),
          average: total === null || days === null ? undefined : { total, kind, days },
          label: a.label,
        });
      }
    });
  }
  return out;
}

function labelClaims(paras: Para[], sources: Source[], taken: Set<Fig>): Claim[] {
  const out: Claim[] = [];
  const labelled = sources.map((s) => ({ s, labels: labelsOf(s.template), subject: SUBJECTS[(s.template.pack ?? STANDARD_PACK_ID) === STANDARD_PACK_ID ? s.template.id : ''] }));
  for (const para of paras) {
    const text = para.p.text;
    for (const f of para.figs) {
      if (!f.count || taken.has(f) || f.approx) continue;
      const window = norm(text.slice(f.end, Math.min(f.sentence.end, f.end + 90)).replace(/^[^\p{L}]+/u, ''));
      const before = norm(text.slice(Math.max(f.sentence.start, f.start - 140), f.start));
      let claim: Claim | null = null;
      for (const { s, labels, subject } of labelled) {
        if (claim) break;
        if (isStandard(s, 'b04')) {
          const c = proceduresClaim(f, s, window, before);
          if (c) claim = c;
          continue;
        }
        // A group label written whole after the figure ("4.525 văn bản do Trung ương ban hành").
        for (const l of labels) {
          if (window.startsWith(l.phrase) && l.phrase.split(' ').length >= 3) {
            claim = { fig: f, src: s, expected: columnTotal(s, l.column), cell: totalCell(s, l.column), label: { vi: l.phrase, en: l.phrase } };
            break;
          }
        }
        if (claim || !subject) continue;
        const sm = subject.exec(window);
        // "Hội đồng nhân dân ban hành 732 văn bản": the issuer before the figure, a group with its total (Biểu 02).
        const issuer = sm ? /(?:^|[,;:.] )([^,;:.]+?) (?:đã )?ban hành $/u.exec(`${before} `) : null;
        if (issuer) {
          const g = s.template.groups.find((x) => norm(x.label.vi) === issuer[1].trim() && x.columns.some((c) => c.kind === 'sum'));
          const sum = g?.columns.find((c) => c.kind === 'sum');
          if (sum) {
            claim = { fig: f, src: s, expected: columnTotal(s, sum.id), cell: totalCell(s, sum.id), label: labelText(s.template, sum.id) };
            continue;
          }
        }
        if (!sm) continue;
        const rest = window.slice(sm[0].length).trim();
        const words = rest.split(' ');
        for (let skip = 0; skip <= 2 && !claim; skip++) {
          const tail = words.slice(skip).join(' ');
          const l = labels.find((x) => tail === x.phrase || tail.startsWith(`${x.phrase} `) || tail.startsWith(`${x.phrase},`) || tail.startsWith(`${x.phrase};`));
          if (l) claim = { fig: f, src: s, expected: columnTotal(s, l.column), cell: totalCell(s, l.column), label: labelText(s.template, l.column) };
        }
      }
      if (claim) out.push(claim);
    }
  }
  return out;
}

function labelText(t: Template, id: string): Text {
  for (const g of t.groups) for (const c of g.columns) if (c.id === id) return c.kind === 'sum' || g.columns.length === 1 ? g.label : { vi: `${g.label.vi}, ${c.label.vi}`, en: `${g.label.en}, ${c.label.en}` };
  return { vi: id, en: id };
}

/** Biểu 04's figures as the report words them: published, full online, partial online, direct intake. */
function proceduresClaim(f: Fig, s: Source, window: string, before: string): Claim | null {
  const subject = /^(?:tthc|thủ tục)/.test(window);
  let column: string | null = null;
  if (/công khai\s*$/.test(before) && subject) column = 'published';
  else if (subject && /^(?:tthc|thủ tục(?: hành chính)?) (?:được )?công khai/.test(window)) column = 'published';
  else if (/trực tuyến toàn trình[^,;()]*\blà\s*$/.test(before)) column = 'onlineFull.provided';
  else if (/trực tuyến một phần[^,;()]*\blà\s*$/.test(before)) column = 'onlinePartial.provided';
  else if (/tiếp nhận trực tiếp\s*$/.test(before)) column = 'direct';
  // Số liệu's wording: "898 thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "136 thủ tục tiếp nhận trực tiếp".
  else if (subject && /^(?:tthc|thủ tục(?: hành chính)?) (?:được )?(?:cung cấp )?dịch vụ công trực tuyến toàn trình/.test(window)) column = 'onlineFull.provided';
  else if (subject && /^(?:tthc|thủ tục(?: hành chính)?) (?:được )?(?:cung cấp )?dịch vụ công trực tuyến một phần/.test(window)) column = 'onlinePartial.provided';
  else if (subject && /^(?:tthc|thủ tục(?: hành chính)?) (?:được )?tiếp nhận trực tiếp/.test(window)) column = 'direct';
  if (!column) return null;
  const claim: Claim = { fig: f, src: s, expected: columnTotal(s, column), cell: totalCell(s, column), label: labelText(s.template, column) };
  return claim;
}

function tableFindings(claims: Claim[]): { findings: TieOutFinding[]; matched: TieOutMatch[] } {
  const findings: TieOutFinding[] = [];
  const matched: TieOutMatch[] = [];
  // Averages of one paragraph are looked at together: the count of days that fits them all.
  const byPara = new Map<number, Claim[]>();
  for (const c of claims) if (c.average) byPara.set(c.fig.paragraph.index, [...(byPara.get(c.fig.paragraph.index) ?? []), c]);
  const fits = (c: Claim, days: number): boolean => {
    if (!c.average) return false;
    const x = c.average.kind === 'perDay' ? c.average.total / days : (c.average.total * 30) / days;
    return c.fig.value === Math.round(x) || c.fig.value === Math.floor(x);
  };
  const fittingDays = new Map<Claim, number>();
  for (const list of byPara.values()) {
    const wrong = list.filter((c) => c.average && !fits(c, c.average.days));
    if (wrong.length === 0) continue;
    const period = wrong[0].average?.days ?? 0;
    let best = 0;
    let bestScore = 0;
    for (let d = 1; d <= period * 2 + 31; d++) {
      const score = wrong.filter((c) => fits(c, d)).length;
      if (score > bestScore || (score === bestScore && score > 0 && Math.abs(d - period) < Math.abs(best - period))) {
        best = d;
        bestScore = score;
      }
    }
    if (best > 0) for (const c of wrong) if (fits(c, best)) fittingDays.set(c, best);
  }
  for (const c of claims) {
    const table = c.src.read.sheet;
    const stated = c.fig.value;
    const ok = c.expected !== null && (c.average ? fits(c, c.average.days) : stated === c.expected);
    if (ok) {
      matched.push({ stated, table, cell: c.cell, paragraph: c.fig.paragraph.index });
      continue;
    }
    if (c.expected === null) continue;
    const what = c.label;
    let extra: Text = { vi: '', en: '' };
    if (c.average) {
      const d = fittingDays.get(c);
      const total = c.average.total;
      const per = c.average.kind === 'perDay';
      const periodText = c.src.period ? { vi: ` (${formatDateVi(c.src.period.from)}–${formatDateVi(c.src.period.to)})`, en: ` (${formatDateVi(c.src.period.from)}–${formatDateVi(c.src.period.to)})` } : { vi: '', en: '' };
      const fit: Text =
        d !== undefined
          ? per
            ? { vi: `${num(stated, 'vi')} ≈ ${num(total, 'vi')} / ${num(d, 'vi')} ngày; `, en: `${num(stated, 'en')} ≈ ${num(total, 'en')} / ${num(d, 'en')} days; ` }
            : { vi: `${num(stated, 'vi')} ≈ ${num(total, 'vi')} × 30 / ${num(d, 'vi')} ngày; `, en: `${num(stated, 'en')} ≈ ${num(total, 'en')} × 30 / ${num(d, 'en')} days; ` }
          : { vi: '', en: '' };
      extra = {
        vi: ` ${fit.vi}kỳ báo cáo${periodText.vi} có ${num(c.average.days, 'vi')} ngày: ${per ? `${num(total, 'vi')} / ${num(c.average.days, 'vi')}` : `${num(total, 'vi')} × 30 / ${num(c.average.days, 'vi')}`} ≈ ${num(c.expected, 'vi')}.`,
        en: ` ${fit.en}the report period${periodText.en} has ${num(c.average.days, 'en')} days: ${per ? `${num(total, 'en')} / ${num(c.average.days, 'en')}` : `${num(total, 'en')} × 30 / ${num(c.average.days, 'en')}`} ≈ ${num(c.expected, 'en')}.`,
      };
    }
    findings.push({
      ...textFinding('text.table', c.fig, stated, c.expected, {
        vi: `Văn bản ghi ${num(stated, 'vi')}, nhưng ${table} (${what.vi}, ô ${c.cell}) là ${num(c.expected, 'vi')}.${extra.vi}`,
        en: `The text says ${num(stated, 'en')}, but ${table} (${what.en}, cell ${c.cell}) gives ${num(c.expected, 'en')}.${extra.en}`,
      }),
      tableCell: { table, cell: c.cell },
    });
  }
  return { findings, matched };
}

// ---------------------------------------------------------------------------------------------
// The document's tables against the workbook's, cell by cell

function cellByCell(found: DocTableFound[], workbook: WorkbookRead, catalog: PackCatalog): TieOutFinding[] {
  const out: TieOutFinding[] = [];
  for (const d of found) {
    const w = workbook.tables.find((t) => !t.broken && t.templateId === d.template.id && (t.packId ?? STANDARD_PACK_ID) === (d.template.pack ?? STANDARD_PACK_ID));
    if (!w) continue;
    const wt = catalog.find(w.packId ?? STANDARD_PACK_ID, w.templateId, w.version);
    if (!wt) continue;
    const ws: Source = { read: w, template: wt, period: tablePeriod(w) };
    const ds: Source = { read: d.read, template: d.template, period: tablePeriod(d.read) };
    const wRows = unitRowIndices(w);
    const dRows = unitRowIndices(d.read);
    for (const [id] of d.gridColumns) {
      const col = columnsOf(d.template).find((c) => c.id === id);
      if (!col || col.kind === 'ratio') continue;
      // Row by row when both have the same rows; else the column totals.
      const pairs: { dv: number | null; wv: number | null; cell: string; wcell: string }[] =
        wRows.length === dRows.length
          ? dRows.map((r, k) => ({ dv: cellNumber(ds, id, r), wv: cellNumber(ws, id, wRows[k]), cell: d.read.columns[id][r].address, wcell: w.columns[id]?.[wRows[k]]?.address ?? '' }))
          : [{ dv: columnTotal(ds, id), wv: columnTotal(ws, id), cell: d.read.columns[id][dRows[dRows.length - 1]]?.address ?? '', wcell: totalCell(ws, id) }];
      for (const p of pairs) {
        if (p.dv === null || p.wv === null || p.dv === p.wv) continue;
        const label = labelText(d.template, id);
        out.push({
          rule: 'text.table',
          severity: 'error',
          where: { table: d.read.sheet, cell: p.cell },
          stated: p.dv,
          expected: p.wv,
          message: {
            vi: `Bảng ${d.read.sheet} trong báo cáo, ô ${p.cell} (${label.vi}) ghi ${num(p.dv, 'vi')}, nhưng sổ tính ${w.sheet} ${p.wcell} là ${num(p.wv, 'vi')}.`,
            en: `The report's table ${d.read.sheet}, cell ${p.cell} (${label.en}) says ${num(p.dv, 'en')}, but the workbook's ${w.sheet} ${p.wcell} gives ${num(p.wv, 'en')}.`,
          },
        });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function tableFinding(f: Finding): TieOutFinding {
  const first = f.cells[0];
  return {
    rule: f.rule,
    severity: f.severity,
    where: { table: first?.sheet ?? '', cell: first?.address ?? '' },
    stated: f.left ?? null,
    expected: f.right ?? (f.fix && 'value' in f.fix ? f.fix.value : null),
    message: f.message,
  };
}

/**
 * Ties the report out: its text against its own figures and against the tables (the workbook's
 * when given, else the document's), the document's tables by the workbook rules, and, with a
 * workbook, the document's tables cell by cell against it. Errors first, then warnings; each in
 * document order.
 */
export function tieOut(doc: DocumentModel, opts: TieOutOptions = {}): TieOutResult {
  const catalog = opts.catalog ?? BUILTIN_CATALOG;
  const found = findDocTables(doc, catalog);
  const th = thousandsOf(doc.paragraphs.map((p) => p.text));
  const paras = doc.paragraphs.map((p) => scan(p, th));

  const findings: TieOutFinding[] = [];
  // The document's own tables, by the workbook rules.
  if (found.length > 0) {
    const own = validateWorkbook({ tables: found.map((f) => f.read) }, { catalog });
    for (const f of own) if (docTableRule(f.rule)) findings.push(tableFinding(f));
  }
  findings.push(...partsFindings(sumsOf(paras)));
  findings.push(...ratioFindings(paras));

  const tables: Source[] = [];
  const reads = opts.workbook ? opts.workbook.tables.filter((t) => !t.broken) : found.map((f) => f.read);
  for (const r of reads) {
    const template = catalog.find(r.packId ?? STANDARD_PACK_ID, r.templateId, r.version);
    if (template) tables.push({ read: r, template, period: tablePeriod(r) });
  }
  // A table without its own period takes the first table's that has one (a report has one period).
  const period = tables.find((t) => t.period)?.period ?? null;
  for (const t of tables) t.period ??= period;
  const averages = averageClaims(paras, tables);
  const taken = new Set(averages.map((c) => c.fig));
  const claims = [...averages, ...labelClaims(paras, tables, taken)].sort((a, b) => a.fig.paragraph.index - b.fig.paragraph.index || a.fig.start - b.fig.start);
  const t = tableFindings(claims);
  findings.push(...t.findings);
  if (opts.workbook) findings.push(...cellByCell(found, opts.workbook, catalog));

  const order = (f: TieOutFinding): [number, number] => ('paragraph' in f.where ? [0, f.where.paragraph] : [1, found.findIndex((d) => d.read.sheet === (f.where as { table: string }).table)]);
  const sorted = findings
    .map((f, seq) => ({ f, seq }))
    .sort((a, b) => {
      const sa = a.f.severity === 'error' ? 0 : 1;
      const sb = b.f.severity === 'error' ? 0 : 1;
      if (sa !== sb) return sa - sb;
      const [ka, ia] = order(a.f);
      const [kb, ib] = order(b.f);
      return ka - kb || ia - ib || a.seq - b.seq;
    })
    .map((x) => x.f);
  return { findings: sorted, matched: t.matched, documentTables: found.map((f) => f.read.sheet) };
}

/** The tie-out's JSON document (`bieumau tie-out --json`), exactly the fields documented in docs/tie-out.md. */
export function tieOutJson(
  document: { file: string; sha256: string | null; paragraphs: number; tables: number },
  workbook: { file: string; sha256: string | null } | null,
  result: TieOutResult,
): string {
  const findings = result.findings.map((f) => ({ rule: f.rule, severity: f.severity, where: f.where, stated: f.stated, expected: f.expected, message: { vi: f.message.vi, en: f.message.en } }));
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return JSON.stringify({ document, workbook, findings, matched: result.matched, errors, warnings: result.findings.length - errors });
}


/**
 * The findings and the matched figures as the safe CSV for people (`core/csv`: a text a spreadsheet
 * would take for a formula is written as text; UTF-8 with its byte-order mark): one row per finding,
 * then one per matched figure (`kind` = `matched`).
 */
export function tieOutCsv(result: TieOutResult, lang: 'vi' | 'en'): string {
  const header = lang === 'vi' ? ['loại', 'quy tắc', 'mức', 'đoạn', 'biểu', 'ô', 'văn bản ghi', 'đúng là', 'thông báo', 'câu'] : ['kind', 'rule', 'severity', 'paragraph', 'table', 'cell', 'stated', 'expected', 'message', 'quote'];
  const rows = [
    ...result.findings.map((f) => [
      'finding',
      f.rule,
      f.severity,
      'paragraph' in f.where ? f.where.paragraph : null,
      'table' in f.where ? f.where.table : null,
      'cell' in f.where ? f.where.cell : null,
      f.stated,
      f.expected,
      f.message[lang],
      'quote' in f.where ? f.where.quote : null,
    ]),
    ...result.matched.map((m) => ['matched', null, null, m.paragraph, m.table, m.cell, m.stated, m.stated, null, null]),
  ];
  return csvDocument(header, rows, { forPeople: true, bom: true });
}
