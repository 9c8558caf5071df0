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
 * document itself (`core/tieout/doc-tables`).
 */
import type { Text } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { Finding, Severity } from '../check/findings';
import type { DocumentModel } from './document';
import type { WorkbookRead } from '../tables/table-read';
import type { PackCatalog } from '../forms/catalog';
import { BUILTIN_CATALOG } from '../forms/builtin';
import { STANDARD_PACK_ID } from '../forms/pack';
import { unitRowIndices } from '../tables/rows';
import { validateWorkbook } from '../check/validate';
import { thousandsOf } from './text-numbers';
import { docTableRule, findDocTables, type DocTableFound } from './doc-tables';
import { csvDocument } from '../csv';
import { severityOf } from '../check/rules';
import { tablePeriod, type Source, columnTotal, cellNumber, totalCell, averageClaims, labelClaims, labelText, tableFindings } from './tieout-claims';
import { scan, sumsOf, num, partsFindings, ratioFindings } from './tieout-text';

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
          severity: severityOf('text.table'),
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
