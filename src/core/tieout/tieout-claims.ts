/**
 * The tie-out's figures of the text that state a table's figure (`text.table`, `core/tieout/tieout`): a
 * total, an average per day or per month (on the table's own period), a figure named by a row or
 * column label; each claim checked against the table it names.
 */
import type { Text, Template } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { TableRead } from '../tables/table-read';
import { STANDARD_PACK_ID } from '../forms/pack';
import { unitRowIndices } from '../tables/rows';
import { compareIsoDates, daysInclusive, excelSerialToIso, formatDateVi, isValidIsoDate, isoFromUtcDate, parseDayFirstDate } from '../dates';
import type { CellValue } from '../tables/table-read';
import { type Fig, type Para, num, textFinding } from './tieout-text';
import type { TieOutFinding, TieOutMatch } from './tieout';

// ---------------------------------------------------------------------------------------------
// text.table

/** A report period: first and last day, calendar days (both included). */
export interface Period {
  from: string;
  to: string;
  days: number;
}

export function dateOf(v: CellValue | undefined): string | null {
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
export function tablePeriod(t: TableRead): Period | null {
  const from = dateOf(t.info.from?.value);
  const to = dateOf(t.info.to?.value);
  if (!from || !to || !isValidIsoDate(from) || !isValidIsoDate(to) || compareIsoDates(from, to) > 0) return null;
  return { from, to, days: daysInclusive(from, to) };
}

export interface Source {
  read: TableRead;
  template: Template;
  period: Period | null;
}

export function columnTotal(src: Source, id: string): number | null {
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

export function cellNumber(src: Source, id: string, row: number): number | null {
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
export function totalCell(src: Source, id: string): string {
  return (src.read.totals?.[id] ?? src.read.columns[id]?.[0])?.address ?? '';
}

export function isStandard(src: Source, id: string): boolean {
  return (src.template.pack ?? STANDARD_PACK_ID) === STANDARD_PACK_ID && src.template.id === id;
}

export function norm(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Labels a sentence may name a column by: its label before any parenthesis, its group's label. */
export function labelsOf(t: Template): { phrase: string; column: string }[] {
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

export const SUBJECTS: Record<string, RegExp> = {
  b01: /^văn bản(?=[\s,;.]|$)/u,
  b02: /^văn bản(?=[\s,;.]|$)/u,
  b03: /^(?:hội nghị|cuộc họp)(?:,? cuộc họp)?(?=[\s,;.]|$)/u,
  b04: /^(?:tthc|thủ tục(?: hành chính)?)(?=[\s,;.]|$)/u,
};

export interface Claim {
  fig: Fig;
  src: Source;
  /** What the table says (null: cannot be computed). */
  expected: number | null;
  cell: string;
  /** For an average: the total and the period's days. */
  average?: { total: number; kind: 'perDay' | 'perMonth'; days: number };
  label: Text;
}

export function averageClaims(paras: Para[], sources: Source[]): Claim[] {
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

export function labelClaims(paras: Para[], sources: Source[], taken: Set<Fig>): Claim[] {
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

export function labelText(t: Template, id: string): Text {
  for (const g of t.groups) for (const c of g.columns) if (c.id === id) return c.kind === 'sum' || g.columns.length === 1 ? g.label : { vi: `${g.label.vi}, ${c.label.vi}`, en: `${g.label.en}, ${c.label.en}` };
  return { vi: id, en: id };
}

/** Biểu 04's figures as the report words them: published, full online, partial online, direct intake. */
export function proceduresClaim(f: Fig, s: Source, window: string, before: string): Claim | null {
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

export function tableFindings(claims: Claim[]): { findings: TieOutFinding[]; matched: TieOutMatch[] } {
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
