/**
 * The figures of read workbooks as records (`bieumau export`, docs/export.md): one record per
 * figure — every entry and computed cell of every recognised table, data rows and total rows, and
 * the period averages below a table — with the unit, the period, the pack and template it belongs
 * to and the file it came from. Pure: the caller reads the files, checks them and computes their
 * SHA-256; the CSV, JSON and SDMX writers take these records.
 *
 * Row ids (`row`), stable across files and runs:
 * - a fixed row: the template's row id (`province`, `commune`);
 * - a per-period row (a unit's own report, the one row labelled "Từ ngày … đến …"): the period as an
 *   ISO 8601 interval, `2025-07-01/2025-10-15` (`period` when the table carries no valid period);
 *   a row labelled with a period as a roll-up labels them ("Từ ngày 15/6/2025 đến 14/7/2025"):
 *   that period, `2025-06-15/2025-07-14`;
 * - any other data row of a per-unit or per-period table: its label as written (NFC, white space
 *   collapsed; a consolidation's "(chưa nộp)" mark left off), `row-N` (N from 1) when blank;
 * - a consolidation's subtotal row: `subtotal:` and the group's label (`subtotal:Khu vực I`); its
 *   group row holds only a label and gives no figure;
 * - the totals row: `total`; the period averages (Biểu 01): `average`, the column being the
 *   average's id (`receivedPerDay`).
 *
 * `kind`: `entry` for an entry column's cell in a data row (what a clerk typed); `computed` for
 * everything the workbook derives (sum and ratio columns, subtotal and total rows, averages). A
 * computed cell's value is the number the cell holds (a stored result, or a number typed over the
 * formula); when it holds none (a workbook written by this product and never opened in Excel), the
 * value its formula gives, computed here the same way. A blank entry is `null`, never 0; text typed
 * in a cell stays that text.
 */
import { STANDARD_PACK_ID } from '../forms/pack';
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../tables/table-read';
import type { Column, Template } from '../forms/template';
import { columnsOf } from '../forms/template';
import { PackCatalog, type TemplateSource } from '../forms/catalog';
import { rowKinds, type RowKind } from '../tables/rows';
import { tablePeriod, type Period } from '../figures';
import { cleanUnitText } from '../units';
import { MISSING_SUFFIX } from '../forms/layout-texts';
import { compareIsoDates, formatDateVi, isValidIsoDate, isoFromUtcDate } from '../dates';

/** The record's fields, in the order of the CSV header and of each JSON object. */
export const RECORD_FIELDS = [
  'unit',
  'period_from',
  'period_to',
  'pack',
  'pack_version',
  'template',
  'template_version',
  'row',
  'row_label',
  'column',
  'column_label_vi',
  'value',
  'kind',
  'source_file',
  'source_sha256',
  'source_errors',
] as const;

export type FigureKind = 'entry' | 'computed';

/** A figure's value: a number, text typed where a number belongs, or null for a blank cell. */
export type FigureValue = number | string | null;

export interface FigureRecord {
  /** The reporting unit (the table's "Đơn vị báo cáo" cell), '' when blank. */
  unit: string;
  /** YYYY-MM-DD, null when the table carries no valid period. */
  period_from: string | null;
  period_to: string | null;
  pack: string;
  /** The version of the loaded pack that holds this template version (the newest such); null when none does. */
  pack_version: number | null;
  template: string;
  template_version: number;
  row: string;
  row_label: string;
  column: string;
  column_label_vi: string;
  value: FigureValue;
  kind: FigureKind;
  source_file: string;
  source_sha256: string;
  source_errors: number;
}

/** One readable file: what the caller read, checked and fingerprinted. */
export interface ExportSource {
  /** The file as the user named it. */
  file: string;
  /** SHA-256 of its bytes, lower-case hex. */
  sha256: string;
  /** Error findings of `bieumau check` on it. */
  errors: number;
  read: WorkbookRead;
}

/** The id of a per-period row. */
export function periodRowId(period: { from: string; to: string } | null): string {
  return period ? `${period.from}/${period.to}` : 'period';
}

function finite(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A cell's value as a figure: numbers as they are, dates as YYYY-MM-DD, errors and other text as text, blank as null. */
function asFigure(v: CellValue | undefined): FigureValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromUtcDate(v);
  return v.error;
}

function textOf(cell: CellRead | null | undefined): string {
  const v = cell?.value;
  return typeof v === 'string' ? cleanUnitText(v) : typeof v === 'number' ? String(v) : '';
}

/** The version of the loaded pack holding this template version: the newest such. */
export function packVersionOf(catalog: PackCatalog, packId: string, templateId: string, version: number): number | null {
  let best: number | null = null;
  for (const p of catalog.packs) {
    if (p.id !== packId || !p.templates.some((t) => t.id === templateId && t.version === version)) continue;
    if (best === null || p.version > best) best = p.version;
  }
  return best;
}

/**
 * The values of one table, as its formulas would give them where a computed cell holds no number:
 * a sum column adds its parts (blank and text count 0, as SUM does), a ratio divides (blank when the
 * denominator is 0), the subtotal and total rows add up the unit rows.
 */
class TableValues {
  private readonly byId: Map<string, Column>;
  private readonly memo = new Map<string, number | null>();

  constructor(
    private readonly table: TableRead,
    template: Template,
    private readonly units: number[],
  ) {
    this.byId = new Map(columnsOf(template).map((c) => [c.id, c]));
  }

  /** A data-row cell as a number for sums: its number, or its formula's value, 0 for blank or text. */
  private num(id: string, row: number): number {
    return this.data(id, row) ?? 0;
  }

  /** A data-row cell: the number it holds, else what its formula gives (null: blank). */
  data(id: string, row: number): number | null {
    const key = `${id}@${row}`;
    if (this.memo.has(key)) return this.memo.get(key) as number | null;
    const col = this.byId.get(id);
    const cell = this.table.columns[id]?.[row];
    let v = finite(cell?.value);
    if (v === null && col && col.kind !== 'entry' && this.formulaOrEmpty(cell)) {
      v = col.kind === 'sum' ? col.of.reduce((s, part) => s + this.num(part, row), 0) : this.ratio(this.num(col.numerator, row), this.num(col.denominator, row));
    }
    this.memo.set(key, v);
    return v;
  }

  /** A computed cell that holds a formula (or nothing at all where the column has no cell). */
  private formulaOrEmpty(cell: CellRead | undefined): boolean {
    return cell === undefined || cell.formula !== null;
  }

  private ratio(num: number, den: number): number | null {
    return den === 0 ? null : num / den;
  }

  /** The sum of a column over these rows, as the subtotal or total formulas give it. */
  sumOver(id: string, rows: readonly number[]): number | null {
    const col = this.byId.get(id);
    if (col?.kind === 'ratio') return this.ratio(this.sumOver(col.numerator, rows) ?? 0, this.sumOver(col.denominator, rows) ?? 0);
    let s = 0;
    for (const r of rows) s += this.num(id, r);
    return s;
  }

  /** A total, subtotal or average cell: its number, else the computed one (a blank cell without a formula stays blank). */
  derived(cell: CellRead | undefined, compute: () => number | null): FigureValue {
    if (cell !== undefined && cell.formula === null) return asFigure(cell.value);
    const v = finite(cell?.value);
    return v !== null ? v : compute();
  }

  total(id: string): number | null {
    return this.sumOver(id, this.units);
  }
}

interface TableContext {
  unit: string;
  period: Period | null;
  pack: string;
  packVersion: number | null;
  template: Template;
  source: ExportSource;
}

function record(ctx: TableContext, row: string, rowLabel: string, column: string, columnLabel: string, value: FigureValue, kind: FigureKind): FigureRecord {
  return {
    unit: ctx.unit,
    period_from: ctx.period?.from ?? null,
    period_to: ctx.period?.to ?? null,
    pack: ctx.pack,
    pack_version: ctx.packVersion,
    template: ctx.template.id,
    template_version: ctx.template.version,
    row,
    row_label: rowLabel,
    column,
    column_label_vi: columnLabel,
    value,
    kind,
    source_file: ctx.source.file,
    source_sha256: ctx.source.sha256,
    source_errors: ctx.source.errors,
  };
}

/** The column's Vietnamese label with its group's ("Văn bản do Trung ương ban hành – Bộ Chính trị"). */
export function columnLabelVi(template: Template, columnId: string): string {
  for (const g of template.groups) {
    const c = g.columns.find((x) => x.id === columnId);
    if (c) return g.columns.length === 1 && g.label.vi === c.label.vi ? c.label.vi : `${g.label.vi} – ${c.label.vi}`;
  }
  return columnId;
}

/** The same in English. */
export function columnLabelEn(template: Template, columnId: string): string {
  for (const g of template.groups) {
    const c = g.columns.find((x) => x.id === columnId);
    if (c) return g.columns.length === 1 && g.label.en === c.label.en ? c.label.en : `${g.label.en} – ${c.label.en}`;
  }
  return columnId;
}

/** A row label written for a period ("Từ ngày 15/6/2025 đến 14/7/2025", as a roll-up labels its rows), read back as the period. */
const PERIOD_LABEL = /^Từ ngày (\d{1,2})\/(\d{1,2})\/(\d{4}) đến (?:ngày )?(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function periodOfLabel(label: string): { from: string; to: string } | null {
  const m = PERIOD_LABEL.exec(label.normalize('NFC'));
  if (!m) return null;
  const iso = (d: string, mo: string, y: string): string => `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const from = iso(m[1], m[2], m[3]);
  const to = iso(m[4], m[5], m[6]);
  return isValidIsoDate(from) && isValidIsoDate(to) && compareIsoDates(from, to) <= 0 ? { from, to } : null;
}

function stripMissing(label: string): string {
  return label.endsWith(MISSING_SUFFIX.trim()) ? cleanUnitText(label.slice(0, label.length - MISSING_SUFFIX.trim().length)) : label;
}

/** A data row's id and label in the records: a subtotal by its group, a fixed row by its id, a period row by its dates, a unit row by its label. */
function rowIdentity(t: TableRead, template: Template, ctx: TableContext, i: number, kind: RowKind, n: number): { row: string; label: string } {
  const labelCell = t.rowLabels?.[i];
  if (kind === 'subtotal') {
    const g = (t.groups ?? []).find((x) => x.bottom === i);
    const groupLabel = g ? textOf(t.rowLabels?.[g.top]) : '';
    return { row: `subtotal:${groupLabel}`, label: textOf(labelCell) || `Cộng ${groupLabel}` };
  }
  if (template.rows.kind === 'fixed') {
    const spec = template.rows.rows[i];
    return { row: spec?.id ?? `row-${i + 1}`, label: spec?.label.vi ?? textOf(labelCell) };
  }
  const text = stripMissing(textOf(labelCell));
  const periodRow = (labelCell?.formula ?? null) !== null || (text === '' && n === 1);
  const labelled = periodOfLabel(text);
  if (periodRow) return { row: periodRowId(ctx.period), label: text || (ctx.period ? `Từ ngày ${formatDateVi(ctx.period.from)} đến ${formatDateVi(ctx.period.to)}` : '') };
  if (labelled) return { row: periodRowId(labelled), label: text };
  return { row: text || `row-${i + 1}`, label: text };
}

function tableRecords(t: TableRead, template: Template, ctx: TableContext): FigureRecord[] {
  const out: FigureRecord[] = [];
  const columns = columnsOf(template);
  let n = t.rowLabels?.length ?? 0;
  for (const cells of Object.values(t.columns)) n = Math.max(n, cells.length);
  const kinds: RowKind[] = rowKinds({ rowLabels: new Array<null>(n), groups: t.groups }) ?? new Array<RowKind>(n).fill('unit');
  const units = kinds.flatMap((k, i) => (k === 'unit' ? [i] : []));
  const values = new TableValues(t, template, units);
  const used = new Set<string>();
  const unique = (id: string): string => {
    let k = id;
    for (let i = 2; used.has(k); i++) k = `${id}#${i}`;
    used.add(k);
    return k;
  };

  for (let i = 0; i < n; i++) {
    const kind = kinds[i];
    if (kind === 'group') continue;
    const { row: id, label } = rowIdentity(t, template, ctx, i, kind, n);
    const row = unique(id);
    for (const c of columns) {
      const cell = t.columns[c.id]?.[i];
      const label_vi = columnLabelVi(template, c.id);
      if (kind === 'unit' && c.kind === 'entry') {
        out.push(record(ctx, row, label, c.id, label_vi, asFigure(cell?.value), 'entry'));
      } else if (kind === 'unit') {
        out.push(record(ctx, row, label, c.id, label_vi, values.derived(cell, () => values.data(c.id, i)), 'computed'));
      } else {
        const g = (t.groups ?? []).find((x) => x.bottom === i);
        const rows = g ? units.filter((u) => u > g.top && u < g.bottom) : [];
        out.push(record(ctx, row, label, c.id, label_vi, values.derived(cell, () => values.sumOver(c.id, rows)), 'computed'));
      }
    }
  }
  if (t.totals) {
    const label = template.rows.total.vi;
    for (const c of columns) {
      const cell = t.totals[c.id];
      out.push(record(ctx, 'total', label, c.id, columnLabelVi(template, c.id), values.derived(cell, () => values.total(c.id)), 'computed'));
    }
  }
  for (const a of template.averages ?? []) {
    const cell = t.averages?.[a.id];
    const period = ctx.period;
    const compute = (): number | null => {
      const total = values.total(a.of);
      if (period === null || total === null) return null;
      return a.kind === 'perDay' ? total / period.days : (total * 30) / period.days;
    };
    out.push(record(ctx, 'average', a.label.vi, a.id, a.label.vi, values.derived(cell, compute), 'computed'));
  }
  return out;
}

/**
 * Every figure of one file's recognised tables, in sheet order, row by row. Tables whose template
 * is not loaded, and tables that cannot be read as their template says, give no record (`check`
 * reports them; `source_errors` counts it).
 */
export function figureRecords(source: ExportSource, templates: TemplateSource): FigureRecord[] {
  const catalog = templates instanceof PackCatalog ? templates : PackCatalog.fromTemplates(templates);
  const tables = source.read.tables.filter((t) => !t.broken);
  // The period of the workbook: each table's own, else the first valid one among its tables.
  let fallback: Period | null = null;
  for (const t of tables) {
    fallback = tablePeriod(t);
    if (fallback) break;
  }
  const out: FigureRecord[] = [];
  for (const t of tables) {
    const pack = t.packId ?? STANDARD_PACK_ID;
    const template = catalog.find(pack, t.templateId, t.version);
    if (!template) continue;
    const ctx: TableContext = {
      unit: textOf(t.info?.unit),
      period: tablePeriod(t) ?? fallback,
      pack,
      packVersion: packVersionOf(catalog, pack, t.templateId, t.version),
      template,
      source,
    };
    try {
      out.push(...tableRecords(t, template, ctx));
    } catch {
      // a table whose cells do not fit its template: `check` reports it, no figure is guessed
    }
  }
  return out;
}

/** A record as a list of values in `RECORD_FIELDS` order. */
export function recordValues(r: FigureRecord): (string | number | null)[] {
  return RECORD_FIELDS.map((f) => r[f]);
}

/** The JSON document (`--format json`): `{ "format": "bieumau-data/1", "figures": [...] }`, one line. */
export function figuresJson(records: readonly FigureRecord[]): string {
  return JSON.stringify({ format: 'bieumau-data/1', figures: records.map((r) => Object.fromEntries(RECORD_FIELDS.map((f) => [f, r[f]]))) });
}
