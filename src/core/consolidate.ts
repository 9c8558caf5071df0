/**
 * Consolidation (tổng hợp): the tables of many units' workbooks, of the same templates and report
 * period, become the plan of one workbook — what a province sends up after adding up its communes,
 * and what the centre makes of 34 provinces. Pure: the caller reads the files, checks them and
 * computes their SHA-256; this module takes what was read and returns SheetPlans and a summary.
 *
 * Two steps, so that thousands of sources never sit in memory at once:
 * 1. `summarizeSource` keeps only the numbers of one read workbook (and its report information);
 * 2. `consolidate` turns the summaries into the plans and the summary, or refuses.
 *
 * Per-unit tables (`repeat`, Biểu 01–03): one data row per source unit, labelled with its unit
 * (the file name when blank); a source that is itself a consolidation contributes the sum of its
 * unit rows, so communes → province → centre works level by level. Fixed-row tables (Biểu 04) are
 * summed cell by cell, each unit's figures kept on a detail sheet. With a units list: rows in the
 * list's order, a group row and a subtotal row per group, a blank marked row for every unit that did
 * not report, and the units that reported without being listed at the end.
 */
import type { Template, Text } from './template';
import { STANDARD_PACK_ID } from './pack';
import { refusal } from './refusals';
import { columnsOf, entryColumns } from './template';
import type { WorkbookRead, TableRead, CellValue } from './read';
import type { CellStyle, LayoutOptions, PlanCell, RowGroup, SheetPlan } from './plan';
import { layout, COUNT_FORMAT, heightFor, periodText, wrappedLines } from './layout';
import { fitsTemplate } from './validate';
import { unitRowIndices } from './rows';
import { cellDate, tablePeriod } from './figures';
import { address, columnLetters, rangeAddress } from './a1';
import { sumFormula } from './formulas';
import { formatDateVi, formatRangeVi } from './dates';
import { cleanUnitText, unitKey, type UnitEntry } from './units';

// ---------------------------------------------------------------------------------------------
// Inputs

/** One source as read and checked by the caller (CLI, task pane, web page). */
export interface SourceInput {
  /** The file as the user named it (a path on the command line, a file name in the pane). */
  file: string;
  /** SHA-256 of the file's bytes, lower-case hex; null when the file could not be read at all. */
  sha256: string | null;
  /** The workbook's tables; null when the file could not be read. */
  read: WorkbookRead | null;
  /** Why the file could not be read (with `read` null). */
  readError?: Text | null;
  /** Error and warning findings of `bieumau check` on the file. */
  errors: number;
  warnings: number;
}

/** The figures one source gives a table: entry values per row, in entry-column order; null = blank or invalid. */
export interface SourceTable {
  /** The template's pack (absent: `vn.standard`). */
  packId?: string;
  templateId: string;
  version: number;
  /** `repeat`: one row (the unit's row, or the sum of its unit rows); `fixed`: the template's rows. */
  rows: (number | null)[][];
  /**
   * `repeat` with more than one unit row (a consolidated workbook, or a roll-up's period rows):
   * each unit row with its label, in sheet order. Consolidation adds them up (`rows`); a roll-up
   * across periods keeps them apart (`core/rollup`).
   */
  units?: { label: string; values: (number | null)[]; group?: string }[];
}

/** What consolidation keeps of one source: the numbers and the report information. */
export interface SourceSummary {
  file: string;
  sha256: string | null;
  errors: number;
  warnings: number;
  readError: Text | null;
  /** The unit from the report information (NFC, trimmed), '' when blank. */
  unit: string;
  /** What its row is labelled with: the unit, or the file name without `.xlsx` when the unit is blank. */
  label: string;
  reportNo: string;
  reportDate: string | null;
  period: { from: string; to: string } | null;
  tables: SourceTable[];
  /**
   * Sheets of the tables whose entry cells are all blank (`table.empty`): such a source counts as
   * having errors, so it is refused unless errors are allowed, and its reason names these sheets.
   */
  emptyTables: string[];
}

export interface ConsolidateOptions {
  /** The templates recognised (the standard tables, or a loaded pack's). */
  templates: readonly Template[];
  /** Report information of the consolidated workbook; its period is the sources' common period. */
  report?: { unit?: string; reportNo?: string; reportDate?: string; reportBy?: string };
  /** Expected units, in order, optionally in groups. */
  units?: readonly UnitEntry[] | null;
  /** Include sources with error findings (flagged) and go on without unreadable ones (listed). */
  allowErrors?: boolean;
  /**
   * How the caller names the switch that sets `allowErrors`, for the refusal messages and the
   * Sources sheet: `--allow-errors` (the default) on the command line, a checkbox's label in the
   * task pane and on the web page.
   */
  allowErrorsSwitch?: Text;
}

// ---------------------------------------------------------------------------------------------
// Outputs

export type RefusalKind = 'unreadable' | 'errors' | 'period' | 'duplicate' | 'empty';

export interface Refusal {
  kind: RefusalKind;
  /** The files concerned, as given. */
  files: string[];
  message: Text;
}

export interface SourceResult {
  file: string;
  unit: string;
  included: boolean;
  errors: number;
  warnings: number;
  sha256: string | null;
  /** Why not included, or why included with a flag; null for a clean included source. */
  reason: Text | null;
  /** False when the file could not be read as a workbook (its check counts mean nothing then). */
  readable: boolean;
  /** From the source's report information (for the sources sheet). */
  reportNo: string;
  reportDate: string | null;
  period: { from: string; to: string } | null;
}

export interface ConsolidationSummary {
  period: { from: string; to: string } | null;
  sources: SourceResult[];
  /** Listed units without an included source, in the list's order. */
  missing: string[];
  /** Included units not in the list, in source order. */
  unexpected: string[];
  /** Units listed (0 without a list). */
  expected: number;
  /** Per template id, per entry and sum column id: the total over every included unit. */
  totals: Record<string, Record<string, number>>;
}

export interface Consolidation {
  /** Non-empty: nothing to write. */
  refusals: Refusal[];
  /** The sheets to write, in order: the tables, detail sheets, the sources sheet. Empty when refused. */
  plans: SheetPlan[];
  summary: ConsolidationSummary;
}

// ---------------------------------------------------------------------------------------------
// Step 1: one source

function count(v: CellValue): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : null;
}

function text(v: CellValue | undefined): string {
  return typeof v === 'string' ? cleanUnitText(v) : typeof v === 'number' ? String(v) : '';
}

/** The file name without folders and `.xlsx`. */
export function fileLabel(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return cleanUnitText(base.replace(/\.xlsx$/i, '')) || base;
}

/** `{ packId }` for a template of a pack other than the built-in one. */
function packOf(template: Template): { packId?: string } {
  return template.pack !== undefined && template.pack !== STANDARD_PACK_ID ? { packId: template.pack } : {};
}

export function samePack(t: { packId?: string }, template: Template): boolean {
  return (t.packId ?? STANDARD_PACK_ID) === (template.pack ?? STANDARD_PACK_ID);
}

function tableFigures(read: TableRead, template: Template): SourceTable {
  const ids = entryColumns(template).map((c) => c.id);
  const units = unitRowIndices(read);
  const rowOf = (i: number): (number | null)[] => ids.map((id) => count(read.columns[id]?.[i]?.value ?? null));
  if (template.rows.kind === 'fixed') return { ...packOf(template), templateId: template.id, version: template.version, rows: units.map(rowOf) };
  if (units.length === 1) return { ...packOf(template), templateId: template.id, version: template.version, rows: [rowOf(units[0])] };
  const sum: (number | null)[] = ids.map(() => null);
  const rows: { label: string; values: (number | null)[]; group?: string }[] = [];
  for (const i of units) {
    const values = rowOf(i);
    addInto(sum, values);
    const g = read.groups?.find((x) => x.top < i && i < x.bottom);
    const group = g ? text(read.rowLabels[g.top]?.value ?? null) : '';
    rows.push({ label: text(read.rowLabels[i]?.value ?? null), values, ...(group !== '' ? { group } : {}) });
  }
  return { ...packOf(template), templateId: template.id, version: template.version, rows: [sum], ...(rows.length > 1 ? { units: rows } : {}) };
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Every entry cell of the table's unit rows blank (what the check reports as `table.empty`). */
function isEmptyTable(read: TableRead, template: Template): boolean {
  const units = unitRowIndices(read);
  const ids = entryColumns(template).map((c) => c.id);
  return units.length > 0 && ids.length > 0 && units.every((i) => ids.every((id) => isBlank(read.columns[id]?.[i]?.value)));
}

/** What a source's reason adds for its empty tables: "Biểu 01 chưa nhập số liệu". */
function emptyWords(s: SourceSummary): Text | null {
  if (s.emptyTables.length === 0) return null;
  const sheets = list(s.emptyTables);
  return { vi: `${sheets} chưa nhập số liệu`, en: `${sheets} ${s.emptyTables.length > 1 ? 'have' : 'has'} no figures entered` };
}

/** "có 2 lỗi khi kiểm tra (Biểu 01 chưa nhập số liệu)". */
function errorWords(s: SourceSummary): Text {
  const empty = emptyWords(s);
  const n = Math.max(s.errors, s.emptyTables.length);
  return {
    vi: `có ${n} lỗi khi kiểm tra${empty ? ` (${empty.vi})` : ''}`,
    en: `${n} error finding(s)${empty ? ` (${empty.en})` : ''}`,
  };
}

/** Keeps the numbers and report information of one source; the read can be dropped afterwards. */
export function summarizeSource(input: SourceInput, templates: readonly Template[]): SourceSummary {
  const base: SourceSummary = {
    file: input.file,
    sha256: input.sha256,
    errors: input.errors,
    warnings: input.warnings,
    readError: input.read ? null : (input.readError ?? refusal('cannot-read').message),
    unit: '',
    label: fileLabel(input.file),
    reportNo: '',
    reportDate: null,
    period: null,
    tables: [],
    emptyTables: [],
  };
  if (!input.read) return base;
  const tables = Array.isArray(input.read.tables) ? input.read.tables : [];
  for (const t of tables) {
    if (base.unit === '') base.unit = text(t.info?.unit?.value);
    if (base.reportNo === '') base.reportNo = text(t.info?.reportNo?.value);
    if (base.reportDate === null) base.reportDate = cellDate(t.info?.reportDate?.value);
    if (base.period === null) {
      const p = t.info ? tablePeriod(t) : null;
      if (p) base.period = { from: p.from, to: p.to };
    }
    const template = templates.find((x) => (x.pack ?? STANDARD_PACK_ID) === (t.packId ?? STANDARD_PACK_ID) && x.id === t.templateId && x.version === t.version);
    if (!template || base.tables.some((x) => samePack(x, template) && x.templateId === template.id)) continue;
    if (!fitsTemplate(t, template)) continue;
    base.tables.push(tableFigures(t, template));
    if (isEmptyTable(t, template)) base.emptyTables.push(t.sheet);
  }
  if (base.unit !== '') base.label = base.unit;
  return base;
}

// ---------------------------------------------------------------------------------------------
// Step 2: all sources

export function list(files: string[]): string {
  return files.join(', ');
}

/** A file as a refusal lists it: with its empty tables named ("x.xlsx (Biểu 01 chưa nhập số liệu)"). */
function named(s: SourceSummary, lang: 'vi' | 'en'): string {
  const empty = emptyWords(s);
  return empty ? `${s.file} (${empty[lang]})` : s.file;
}

function periodKey(p: { from: string; to: string } | null): string {
  return p ? `${p.from}/${p.to}` : '';
}

function periodWords(p: { from: string; to: string } | null): Text {
  return p ? { vi: formatRangeVi(p), en: `${p.from} to ${p.to}` } : { vi: 'không ghi kỳ báo cáo', en: 'no report period' };
}

interface Row {
  label: string;
  group: string | undefined;
  source: SourceSummary | null;
  /** In the units list. */
  listed: boolean;
}

/** Rows of the per-unit tables: listed units in order (grouped), then units not listed. */
function orderRows(included: SourceSummary[], units: readonly UnitEntry[] | null | undefined): { rows: Row[]; missing: string[]; unexpected: string[] } {
  if (!units || units.length === 0) return { rows: included.map((s) => ({ label: s.label, group: undefined, source: s, listed: false })), missing: [], unexpected: [] };
  const byKey = new Map(included.map((s) => [unitKey(s.label), s]));
  const listed = new Set<string>();
  // Groups in order of first appearance; the units of a group together.
  const order: (string | undefined)[] = [];
  for (const u of units) if (!order.includes(u.group)) order.push(u.group);
  const rows: Row[] = [];
  const missing: string[] = [];
  for (const g of order) {
    for (const u of units) {
      if (u.group !== g) continue;
      const key = unitKey(u.unit);
      listed.add(key);
      const source = byKey.get(key) ?? null;
      if (!source) missing.push(u.unit);
      rows.push({ label: u.unit, group: g, source, listed: true });
    }
  }
  const unexpected: string[] = [];
  for (const s of included) {
    if (listed.has(unitKey(s.label))) continue;
    unexpected.push(s.label);
    rows.push({ label: s.label, group: undefined, source: s, listed: false });
  }
  // `missing` in the list's own order
  const missingSet = new Set(missing);
  return { rows, missing: units.map((u) => u.unit).filter((u) => missingSet.has(u)), unexpected };
}

/** Row groups of consecutive rows of the same group (rows without a group are in none). */
export function rowGroups(rows: readonly { group?: string | undefined }[]): RowGroup[] {
  const out: RowGroup[] = [];
  rows.forEach((r, i) => {
    if (r.group === undefined) return;
    const last = out[out.length - 1];
    if (last && last.label === r.group && last.first + last.count === i) last.count++;
    else out.push({ label: r.group, first: i, count: 1 });
  });
  return out;
}

/** Totals of a template's entry and sum columns from entry sums. */
export function columnTotals(template: Template, entrySums: (number | null)[]): Record<string, number> {
  const ids = entryColumns(template).map((c) => c.id);
  const byId = new Map<string, number>();
  ids.forEach((id, k) => byId.set(id, entrySums[k] ?? 0));
  const out: Record<string, number> = {};
  const valueOf = (id: string): number => {
    if (byId.has(id)) return byId.get(id) as number;
    const c = columnsOf(template).find((x) => x.id === id);
    const v = c && c.kind === 'sum' ? c.of.reduce((a, part) => a + valueOf(part), 0) : 0;
    byId.set(id, v);
    return v;
  };
  for (const c of columnsOf(template)) if (c.kind !== 'ratio') out[c.id] = valueOf(c.id);
  return out;
}

/** Adds a row of figures into `sum`, column by column (blank cells add nothing). */
export function addInto(sum: (number | null)[], row: (number | null)[]): void {
  row.forEach((v, k) => {
    if (v !== null) sum[k] = (sum[k] ?? 0) + v;
  });
}

/** The key of a template in `totals`: its id, or `pack:id` for a template of a pack other than `vn.standard`. */
export function totalsKey(template: Template): string {
  return template.pack !== undefined && template.pack !== STANDARD_PACK_ID ? `${template.pack}:${template.id}` : template.id;
}

/** The report information of a consolidated or rolled-up workbook: what the caller gave, and the period. */
export function reportOptions(r: ConsolidateOptions['report'] = {}, period: { from: string; to: string } | null): LayoutOptions {
  const report: LayoutOptions = {};
  if (r.unit) report.unit = r.unit;
  if (r.reportNo) report.reportNo = r.reportNo;
  if (r.reportDate) report.reportDate = r.reportDate;
  if (r.reportBy) report.reportBy = r.reportBy;
  if (period) {
    report.from = period.from;
    report.to = period.to;
  }
  return report;
}

/** How a source stands in a summary (consolidation or roll-up): who and what it is, included or not and why. */
export function sourceResult(s: SourceSummary, included: boolean, reason: Text | null): SourceResult {
  return {
    file: s.file,
    unit: s.label,
    included,
    errors: s.errors,
    warnings: s.warnings,
    sha256: s.sha256,
    reason,
    readable: s.readError === null,
    reportNo: s.reportNo,
    reportDate: s.reportDate,
    period: s.period,
  };
}

/** Consolidates the summaries, or says why not (refusals name the files). */
export function consolidate(sources: readonly SourceSummary[], options: ConsolidateOptions): Consolidation {
  const allowErrors = options.allowErrors === true;
  const sw = options.allowErrorsSwitch ?? { vi: '--allow-errors', en: '--allow-errors' };
  const refusals: Refusal[] = [];
  const reasons = new Map<SourceSummary, Text>();

  const unreadable = sources.filter((s) => s.readError !== null);
  const readable = sources.filter((s) => s.readError === null);
  // A source with an empty table has errors even if its caller counted none: never summed silently.
  const hasErrors = (s: SourceSummary): boolean => s.errors > 0 || s.emptyTables.length > 0;
  const withErrors = readable.filter(hasErrors);

  // Periods: every readable source must have the same one.
  const byPeriod = new Map<string, SourceSummary[]>();
  for (const s of readable) {
    const k = periodKey(s.period);
    const l = byPeriod.get(k);
    if (l) l.push(s);
    else byPeriod.set(k, [s]);
  }
  if (byPeriod.size > 1) {
    const parts = [...byPeriod.values()].map((l) => ({ p: periodWords(l[0].period), files: l.map((s) => s.file) }));
    refusals.push({
      kind: 'period',
      files: readable.map((s) => s.file),
      message: {
        vi: `Các tệp không cùng kỳ báo cáo: ${parts.map((x) => `${x.p.vi} (${list(x.files)})`).join('; ')}.`,
        en: `The files are not of the same report period: ${parts.map((x) => `${x.p.en} (${list(x.files)})`).join('; ')}.`,
      },
    });
    for (const s of readable) {
      const p = periodWords(s.period);
      reasons.set(s, { vi: `kỳ báo cáo ${p.vi} khác các tệp khác`, en: `report period ${p.en} differs from the other files` });
    }
  }

  // The same unit twice.
  const byUnit = new Map<string, SourceSummary[]>();
  for (const s of readable) {
    const k = unitKey(s.label);
    const l = byUnit.get(k);
    if (l) l.push(s);
    else byUnit.set(k, [s]);
  }
  for (const l of byUnit.values()) {
    if (l.length < 2) continue;
    const files = l.map((s) => s.file);
    refusals.push({
      kind: 'duplicate',
      files,
      message: { vi: `Đơn vị "${l[0].label}" có trong nhiều tệp: ${list(files)}.`, en: `Unit "${l[0].label}" is in several files: ${list(files)}.` },
    });
    for (const s of l) {
      const others = list(files.filter((f) => f !== s.file));
      reasons.set(s, { vi: `cùng đơn vị với ${others}`, en: `same unit as ${others}` });
    }
  }

  if (!allowErrors && unreadable.length > 0) {
    refusals.push({
      kind: 'unreadable',
      files: unreadable.map((s) => s.file),
      message: {
        vi: `Không đọc được ${unreadable.length} tệp: ${list(unreadable.map((s) => s.file))} (dùng ${sw.vi} để tổng hợp các tệp còn lại).`,
        en: `${unreadable.length} file(s) cannot be read: ${list(unreadable.map((s) => s.file))} (use ${sw.en} to consolidate the others).`,
      },
    });
  }
  if (!allowErrors && withErrors.length > 0) {
    refusals.push({
      kind: 'errors',
      files: withErrors.map((s) => s.file),
      message: {
        vi: `${withErrors.length} tệp có lỗi khi kiểm tra: ${list(withErrors.map((s) => named(s, 'vi')))} (sửa lỗi, hoặc dùng ${sw.vi} để vẫn tổng hợp và đánh dấu).`,
        en: `${withErrors.length} file(s) have error findings: ${list(withErrors.map((s) => named(s, 'en')))} (fix them, or use ${sw.en} to include them flagged).`,
      },
    });
    for (const s of withErrors) if (!reasons.has(s)) reasons.set(s, errorWords(s));
  }
  for (const s of unreadable) reasons.set(s, s.readError as Text);

  const included = refusals.length > 0 ? [] : readable.filter((s) => s.tables.length > 0);
  for (const s of readable) {
    if (refusals.length === 0 && s.tables.length === 0) reasons.set(s, { vi: 'không có biểu nào đọc được', en: 'no readable table' });
  }
  if (refusals.length === 0 && included.length === 0) {
    refusals.push({
      kind: 'empty',
      files: sources.map((s) => s.file),
      message: { vi: 'Không có tệp nào có biểu để tổng hợp.', en: 'No file has a table to consolidate.' },
    });
  }
  const refused = refusals.length > 0;
  const stopped: Text = { vi: 'không tổng hợp vì các tệp khác có vấn đề', en: 'not consolidated: other files have problems' };
  // Every readable source has the same period once the refusals are passed.
  const period = refused ? null : included[0].period;

  const ordered = refused ? { rows: [], missing: [], unexpected: [] } : orderRows(included, options.units);
  const summary: ConsolidationSummary = {
    period,
    sources: sources.map((s) => {
      const inc = !refused && included.includes(s);
      let reason = reasons.get(s) ?? null;
      if (inc && hasErrors(s)) {
        const w = errorWords(s);
        reason = { vi: `${w.vi}; vẫn tổng hợp (${sw.vi})`, en: `${w.en}; included anyway (${sw.en})` };
      }
      if (!inc && reason === null) reason = stopped;
      return sourceResult(s, inc, reason);
    }),
    missing: ordered.missing,
    unexpected: ordered.unexpected,
    expected: options.units?.length ?? 0,
    totals: {},
  };
  if (refused) return { refusals, plans: [], summary };

  const report = reportOptions(options.report, period);

  const plans: SheetPlan[] = [];
  const details: SheetPlan[] = [];
  for (const template of options.templates) {
    const has = included.filter((s) => s.tables.some((t) => samePack(t, template) && t.templateId === template.id && t.version === template.version));
    if (has.length === 0) continue;
    const figuresOf = (s: SourceSummary): SourceTable | undefined => s.tables.find((t) => samePack(t, template) && t.templateId === template.id);
    const ids = entryColumns(template).map((c) => c.id);
    if (template.rows.kind === 'fixed') {
      const sums: (number | null)[][] = template.rows.rows.map(() => ids.map(() => null));
      const total: (number | null)[] = ids.map(() => null);
      for (const s of has) {
        (figuresOf(s) as SourceTable).rows.forEach((row, i) => {
          if (sums[i]) addInto(sums[i], row);
          addInto(total, row);
        });
      }
      plans.push(layout(template, { ...report, values: sums }));
      details.push(detailPlan(template, has.map((s) => ({ label: s.label, rows: (figuresOf(s) as SourceTable).rows })), report));
      summary.totals[totalsKey(template)] = columnTotals(template, total);
      continue;
    }
    // Per-unit rows: with a list every listed unit (blank and marked when it sent no such table).
    const rows = ordered.rows.filter((x) => x.listed || (x.source !== null && figuresOf(x.source) !== undefined));
    const values: (number | null)[][] = [];
    const missingRows: number[] = [];
    const total: (number | null)[] = ids.map(() => null);
    rows.forEach((x, i) => {
      const f = x.source ? figuresOf(x.source) : undefined;
      if (!f) {
        missingRows.push(i);
        values.push(ids.map(() => null));
        return;
      }
      values.push(f.rows[0]);
      addInto(total, f.rows[0]);
    });
    const groups = rows.length > 1 ? rowGroups(rows) : [];
    plans.push(
      layout(template, {
        ...report,
        dataRows: rows.length,
        rowLabels: rows.map((x) => x.label),
        values,
        missingRows,
        rowGroups: groups,
        templateGroupRow: false,
        rowKind: 'unit',
      }),
    );
    summary.totals[totalsKey(template)] = columnTotals(template, total);
  }
  plans.push(...details, sourcesPlan(summary, report));
  return { refusals, plans, summary };
}

/**
 * Both steps at once, for callers that hold every read (the web page, the task pane with a few
 * files): the sources as read and checked → plans and summary.
 */
export function consolidateReads(inputs: readonly SourceInput[], options: ConsolidateOptions): Consolidation {
  return consolidate(
    inputs.map((i) => summarizeSource(i, options.templates)),
    options,
  );
}

// ---------------------------------------------------------------------------------------------
// Plain sheets: the detail of a fixed-row table and the sources

const FONT_HEADER: CellStyle = { bold: true, wrap: true, horizontal: 'center', vertical: 'middle', fill: '#DDEBF7', border: true };

class PlainSheet {
  private readonly cells = new Map<string, PlanCell>();
  readonly styles: { range: string; style: CellStyle }[] = [];
  readonly merges: string[] = [];
  private readonly heights = new Map<number, number>();
  maxRow = 1;
  maxCol = 1;

  /** Gives `row` the height its wrapped `text` needs in a column `width` wide (never lowers it). */
  fit(row: number, text: string, width: number): void {
    const lines = wrappedLines(text, width);
    if (lines > 1) this.heights.set(row, Math.max(this.heights.get(row) ?? 0, heightFor(lines)));
  }

  set(row: number, col: number, cell: PlanCell): void {
    this.cells.set(`${row},${col}`, cell);
    this.maxRow = Math.max(this.maxRow, row);
    this.maxCol = Math.max(this.maxCol, col);
  }

  style(top: number, left: number, bottom: number, right: number, style: CellStyle): void {
    this.styles.push({ range: rangeAddress({ top, left, bottom, right }), style });
  }

  plan(templateId: string, sheetName: string, widths: number[], titleRows: string, printBottom: number, lastCol: number): SheetPlan {
    const cells: (PlanCell | null)[][] = [];
    for (let r = 1; r <= this.maxRow; r++) {
      const line: (PlanCell | null)[] = [];
      for (let c = 1; c <= this.maxCol; c++) line.push(this.cells.get(`${r},${c}`) ?? null);
      cells.push(line);
    }
    const columnWidths: number[] = [];
    for (let c = 0; c < this.maxCol; c++) columnWidths.push(widths[c] ?? 10);
    return {
      templateId,
      version: 0,
      sheetName,
      rowCount: this.maxRow,
      columnCount: this.maxCol,
      cells,
      merges: this.merges,
      styles: this.styles,
      unlocked: [],
      entryRanges: [],
      columnWidths,
      rowHeights: [...this.heights.entries()].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height })),
      names: [],
      protect: true,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows, printArea: `A1:${columnLetters(lastCol)}${printBottom}` },
    };
  }
}

/** Width of the figure columns of a detail sheet. */
const DETAIL_WIDTH = 14;

/** Sheet name of a fixed-row table's detail sheet ("Biểu 04 (chi tiết)"). */
export function detailSheetName(template: Template): string {
  return `${template.name.vi} (chi tiết)`;
}

export const SOURCES_SHEET = 'Nguồn';

/** How a detail sheet is titled and how each block's last line gives the table's row. */
export interface DetailStyle {
  /** After the table's name in the title: "số liệu từng đơn vị" (consolidation), "số liệu từng kỳ". */
  heading: string;
  /** Header of the label column: "Đơn vị", "Kỳ báo cáo". */
  labelHeader: string;
  /**
   * `sum`: a `Cộng …` line adding up the block's lines (units, or the periods of a flow);
   * `last`: a `Cuối kỳ …` line taking the block's last line (the periods of a stock).
   */
  total: 'sum' | 'last';
  /** Labels of the blocks, one per row of `lines[].rows` (default: the fixed table's rows). */
  blocks?: string[];
}

const UNITS_DETAIL: DetailStyle = { heading: 'số liệu từng đơn vị', labelHeader: 'Đơn vị', total: 'sum' };

/**
 * Each unit's (or period's) figures of a table, level by level: a block per template row (Cấp tỉnh,
 * Cấp xã) with one line per unit and a `Cộng` line whose live formula gives that row of the
 * consolidated table (or, for a stock rolled up through time, a `Cuối kỳ` line taking the last).
 */
export function detailPlan(template: Template, units: { label: string; rows: (number | null)[][] }[], report: LayoutOptions, style: DetailStyle = UNITS_DETAIL): SheetPlan {
  const entries = entryColumns(template);
  const g = new PlainSheet();
  const lastCol = 1 + entries.length;
  g.set(1, 1, { value: `${template.name.vi} — ${style.heading}` });
  g.style(1, 1, 1, lastCol, { bold: true, fontSize: 13 });
  g.set(2, 1, { value: `${report.unit ?? ''}${report.unit ? ' — ' : ''}${periodText(report)}` });
  g.style(2, 1, 2, lastCol, { italic: true });
  const head = 4;
  g.set(head, 1, { value: style.labelHeader });
  entries.forEach((c, k) => {
    const grp = template.groups.find((x) => x.columns.some((y) => y.id === c.id));
    const label = grp && grp.columns.length > 1 ? `${grp.label.vi} – ${c.label.vi}` : c.label.vi;
    g.set(head, 2 + k, { value: label });
    g.fit(head, label, DETAIL_WIDTH);
  });
  g.style(head, 1, head, lastCol, FONT_HEADER);
  const labelWidth = Math.min(40, Math.max(16, ...units.slice(0, 500).map((u) => u.label.length + 2)));
  let r = head + 1;
  const levels = style.blocks ?? (template.rows.kind === 'fixed' ? template.rows.rows.map((x) => x.label.vi) : []);
  levels.forEach((level, li) => {
    g.set(r, 1, { value: level });
    g.style(r, 1, r, lastCol, { bold: true, italic: true, fill: '#EDEDED', border: true });
    r++;
    const first = r;
    for (const u of units) {
      g.set(r, 1, { value: u.label });
      g.fit(r, u.label, labelWidth);
      entries.forEach((_, k) => {
        const v = u.rows[li]?.[k] ?? null;
        g.set(r, 2 + k, v === null ? { numberFormat: COUNT_FORMAT } : { value: v, numberFormat: COUNT_FORMAT });
      });
      r++;
    }
    g.set(r, 1, { value: `${style.total === 'sum' ? 'Cộng' : 'Cuối kỳ'} ${level}` });
    entries.forEach((_, k) => {
      const cells: string[] = [];
      for (let x = first; x < r; x++) cells.push(address(x, 2 + k));
      const formula = style.total === 'sum' || cells.length === 0 ? sumFormula(cells) : `=${cells[cells.length - 1]}`;
      g.set(r, 2 + k, { formula, numberFormat: COUNT_FORMAT });
    });
    g.style(first, 1, r, lastCol, { border: true });
    g.style(r, 1, r, lastCol, { bold: true, fill: '#F2F2F2' });
    r += 2;
  });
  g.style(head + 1, 1, Math.max(head + 1, r - 2), 1, { wrap: true, vertical: 'top' });
  const widths = [labelWidth, ...entries.map(() => DETAIL_WIDTH)];
  return g.plan(`${template.id}.detail`, detailSheetName(template), widths, `${head}:${head}`, Math.max(head, r - 2), lastCol);
}

const SOURCE_HEADERS = ['STT', 'Đơn vị', 'Tệp', 'Số báo cáo', 'Ngày báo cáo', 'Kỳ báo cáo', 'Lỗi', 'Cảnh báo', 'SHA-256', 'Tổng hợp', 'Ghi chú'];

/** Width of a column holding these texts: the longest plus a margin, within [min, max] (longer ones wrap). */
function fitWidth(texts: Iterable<string>, min: number, max: number): number {
  let need = min;
  for (const t of texts) need = Math.max(need, Array.from(t).length + 2);
  return Math.min(max, need);
}

/**
 * Widths of the sources sheet's columns from what they hold: the unit, file and note columns as
 * wide as their longest text up to a limit (they wrap beyond, their rows get the height); the
 * SHA-256 column wide enough for the 64 hexadecimal digits on one line.
 */
function sourceWidths(summary: Pick<ConsolidationSummary, 'sources'>): number[] {
  const src = summary.sources;
  return [
    fitWidth([String(src.length)], 5, 6),
    fitWidth([SOURCE_HEADERS[1], ...src.map((s) => s.unit)], 12, 32),
    fitWidth([SOURCE_HEADERS[2], ...src.map((s) => s.file)], 12, 32),
    fitWidth([SOURCE_HEADERS[3], ...src.map((s) => s.reportNo)], 12, 18),
    14,
    fitWidth(src.flatMap((s) => (s.period ? [`${formatDateVi(s.period.from)} – ${formatDateVi(s.period.to)}`] : [])), 12, 26),
    6,
    10,
    src.some((s) => s.sha256) ? 67 : 10,
    10,
    fitWidth([SOURCE_HEADERS[10], ...src.map((s) => s.reason?.vi ?? '')], 12, 44),
  ];
}

/**
 * The sources sheet: each source with its check result and fingerprint; the units missing and not
 * listed. `title`: the sheet's first line, `done`: the verb of its count line (a roll-up through time
 * gives its own: "Đã lũy kế 3/3 tệp").
 */
export function sourcesPlan(
  summary: Pick<ConsolidationSummary, 'sources' | 'missing' | 'unexpected' | 'expected'>,
  report: LayoutOptions,
  title = 'NGUỒN SỐ LIỆU TỔNG HỢP',
  done = 'Đã tổng hợp',
): SheetPlan {
  const g = new PlainSheet();
  const lastCol = SOURCE_HEADERS.length;
  g.set(1, 1, { value: title });
  g.style(1, 1, 1, lastCol, { bold: true, fontSize: 13 });
  g.set(2, 1, { value: `${report.unit ?? ''}${report.unit ? ' — ' : ''}${periodText(report)}` });
  g.style(2, 1, 2, lastCol, { italic: true });
  const included = summary.sources.filter((s) => s.included).length;
  g.set(3, 1, {
    value:
      summary.expected > 0
        ? `${done} ${included} tệp; đã nộp ${summary.expected - summary.missing.length}/${summary.expected} đơn vị; chưa nộp: ${summary.missing.length}/${summary.expected}; ngoài danh sách: ${summary.unexpected.length}`
        : `${done} ${included}/${summary.sources.length} tệp`,
  });
  const head = 5;
  SOURCE_HEADERS.forEach((h, k) => g.set(head, 1 + k, { value: h }));
  g.style(head, 1, head, lastCol, FONT_HEADER);
  let r = head + 1;
  summary.sources.forEach((s, i) => {
    const info = s;
    g.set(r, 1, { value: i + 1 });
    g.set(r, 2, { value: s.unit });
    g.set(r, 3, { value: s.file });
    if (info?.reportNo) g.set(r, 4, { value: info.reportNo });
    if (info?.reportDate) g.set(r, 5, { value: { date: info.reportDate }, numberFormat: 'dd/mm/yyyy' });
    if (info?.period) g.set(r, 6, { value: `${formatDateVi(info.period.from)} – ${formatDateVi(info.period.to)}` });
    if (s.readable) {
      g.set(r, 7, { value: s.errors, numberFormat: COUNT_FORMAT });
      g.set(r, 8, { value: s.warnings, numberFormat: COUNT_FORMAT });
    }
    if (s.sha256) g.set(r, 9, { value: s.sha256 });
    g.set(r, 10, { value: s.included ? 'Có' : 'Không' });
    if (s.reason) g.set(r, 11, { value: s.reason.vi });
    if (!s.included || s.errors > 0) g.style(r, 1, r, lastCol, { fill: '#FCE4D6' });
    r++;
  });
  g.style(head + 1, 1, Math.max(head + 1, r - 1), lastCol, { border: true, vertical: 'top', wrap: true });
  const bottom = r - 1;
  const widths = sourceWidths(summary);
  summary.sources.forEach((s, i) => {
    const texts: [number, string | undefined][] = [
      [1, s.unit],
      [2, s.file],
      [3, s.reportNo],
      [10, s.reason?.vi],
    ];
    for (const [c, t] of texts) if (t) g.fit(head + 1 + i, t, widths[c]);
  });
  if (summary.missing.length > 0) {
    r++;
    g.set(r, 1, { value: `Chưa nộp: ${summary.missing.length}/${summary.expected}` });
    g.style(r, 1, r, lastCol, { bold: true });
    r++;
    for (const u of summary.missing) g.set(r++, 2, { value: u });
  }
  if (summary.unexpected.length > 0) {
    r++;
    g.set(r, 1, { value: `Ngoài danh sách đơn vị: ${summary.unexpected.length}` });
    g.style(r, 1, r, lastCol, { bold: true });
    r++;
    for (const u of summary.unexpected) g.set(r++, 2, { value: u });
  }
  return g.plan('sources', SOURCES_SHEET, widths, `${head}:${head}`, Math.max(bottom, r - 1), lastCol);
}
