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
import type { Template, Text } from '../forms/template';
import { STANDARD_PACK_ID } from '../forms/pack';
import { refusal } from '../refusals';
import { columnsOf, entryColumns } from '../forms/template';
import type { WorkbookRead, TableRead, CellValue } from '../tables/table-read';
import type { LayoutOptions, RowGroup, SheetPlan } from '../forms/plan';
import { layout } from '../forms/layout';
import { fitsTemplate } from '../check/validate-structure';
import { unitRowIndices } from '../tables/rows';
import { cellDate, tablePeriod } from '../figures';
import { cleanUnitText, unitKey, type UnitEntry } from '../units';
import { admit, sourceResults, CONSOLIDATION, type AdmissionRefusal } from './admit';
import { detailPlan, sourcesPlan } from './combine-sheets';

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
   * across periods keeps them apart (`core/combine/rollup`).
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

/** Why the sources are not consolidated: admission's refusal (`core/combine/admit`). */
export type Refusal = AdmissionRefusal;

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

/** The per-unit rows of every per-unit table and the units missing or not listed; nothing when refused. */
type Ordered = ReturnType<typeof orderRows>;

/** A fixed-row table: summed cell by cell, each unit's figures kept on the detail sheet. */
function fixedTable(template: Template, has: SourceSummary[], figuresOf: (s: SourceSummary) => SourceTable, report: LayoutOptions): { plan: SheetPlan; detail: SheetPlan; total: (number | null)[] } {
  const ids = entryColumns(template).map((c) => c.id);
  const sums: (number | null)[][] = template.rows.kind === 'fixed' ? template.rows.rows.map(() => ids.map(() => null)) : [];
  const total: (number | null)[] = ids.map(() => null);
  for (const s of has) {
    figuresOf(s).rows.forEach((row, i) => {
      if (sums[i]) addInto(sums[i], row);
      addInto(total, row);
    });
  }
  const detail = detailPlan(template, has.map((s) => ({ label: s.label, rows: figuresOf(s).rows })), report);
  return { plan: layout(template, { ...report, values: sums }), detail, total };
}

/** A per-unit table: a row per unit (with a list every listed unit, blank and marked when it sent no such table). */
function unitsTable(template: Template, ordered: Ordered, figuresOf: (s: SourceSummary) => SourceTable | undefined, report: LayoutOptions): { plan: SheetPlan; total: (number | null)[] } {
  const ids = entryColumns(template).map((c) => c.id);
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
  const rowGroupsOf = rows.length > 1 ? rowGroups(rows) : [];
  const plan = layout(template, { ...report, dataRows: rows.length, rowLabels: rows.map((x) => x.label), values, missingRows, rowGroups: rowGroupsOf, templateGroupRow: false, rowKind: 'unit' });
  return { plan, total };
}

/** Consolidates the summaries, or says why not (refusals name the files). */
export function consolidate(sources: readonly SourceSummary[], options: ConsolidateOptions): Consolidation {
  const admission = admit(sources, CONSOLIDATION, options);
  const { refusals, admitted: included } = admission;
  const refused = refusals.length > 0;
  // Every readable source has the same period once the refusals are passed.
  const period = refused ? null : included[0].period;
  const ordered = refused ? { rows: [], missing: [], unexpected: [] } : orderRows(included, options.units);
  const summary: ConsolidationSummary = {
    period,
    sources: sourceResults(sources, admission, 'consolidate', options.allowErrorsSwitch),
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
    if (template.rows.kind === 'fixed') {
      const t = fixedTable(template, has, (s) => figuresOf(s) as SourceTable, report);
      plans.push(t.plan);
      details.push(t.detail);
      summary.totals[totalsKey(template)] = columnTotals(template, t.total);
      continue;
    }
    const t = unitsTable(template, ordered, figuresOf, report);
    plans.push(t.plan);
    summary.totals[totalsKey(template)] = columnTotals(template, t.total);
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

