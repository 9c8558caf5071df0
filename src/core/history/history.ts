/**
 * Each figure compared with the same unit's earlier periods (`bieumau check --history`, and later the
 * pane's and the web page's "So với các kỳ trước"). Pure: the caller reads the workbooks; this module
 * takes the current workbook's tables and the earlier ones' and returns warnings, notes and the
 * comparison table of every table (what the pane's Figures tab shows). Method in docs/history.md.
 *
 * - A cell is compared with the cell of the same pack, template, version, row and column in each
 *   earlier report of the same unit whose period ends before the current one begins. Rows: the
 *   template's fixed rows; a consolidation's unit rows by label (when an earlier report shares the
 *   labels); otherwise the table's unit rows taken together (a unit's report, however many rows).
 * - A flow (`overTime: "sum"`, the default) is compared per day of its period (calendar days, first
 *   and last included, as the templates' averages count them); a stock (`overTime: "last"`) as values.
 * - With one to three earlier figures: flagged when this period's rate is at least `RATIO_LIMIT`
 *   (a stock: `STOCK_RATIO_LIMIT`) times the earlier periods' median, or at most 1/that of it. With four or more: when the
 *   modified z-score 0.6745·(x − median)/MAD is above `Z_LIMIT` in absolute value (Iglewicz and
 *   Hoaglin), the ratio rule again when MAD is 0.
 * - Either way only when the change is large in absolute terms: at least `FLOOR` items (documents,
 *   meetings, procedures) over this period — for a flow, |rate − usual rate| × this period's days.
 */
import type { Finding, CellRef } from '../check/findings';
import type { WorkbookRead } from '../tables/table-read';
import type { Template, Text } from '../forms/template';
import { entryColumns } from '../forms/template';
import { BUILTIN_CATALOG } from '../forms/builtin';
import type { TemplateSource } from '../forms/catalog';
import type { Period } from '../figures';
import { severityOf } from '../check/rules';
import { EARLIER_WORDS } from '../combine/admission-words';
import { admitEarlier, type Admitted } from './history-admit';
import { cellAt, figureOf, rowPrefix, rowsAt, workbookOf, WHOLE, type Usable } from './history-read';
import { judge, median, STOCK_RATIO_LIMIT } from './history-stats';
import { columnLabel, message, nounOf } from './history-words';

export const HISTORY_RULE = 'history.outlier';

/** How a template's figures add up through time; `sum` (a flow) unless the pack says `last` (a stock). */
export function overTimeOf(t: Template): 'sum' | 'last' {
  return t.overTime === 'last' ? 'last' : 'sum';
}

// ---------------------------------------------------------------------------------------------
// Inputs and outputs

/** An earlier report as the caller read it: its tables, or why it could not be read. */
export type EarlierInput = { file: string; read: WorkbookRead } | { file: string; error: Text };

/**
 * Why an earlier report (or one of its tables) was left out:
 * - `unreadable`: the file could not be read (the reader's reason);
 * - `unit`: another unit (units compared as `consolidate` does: case and spacing ignored);
 * - `noPeriod`: no valid report period (`file` null: the current workbook has none, nothing compared);
 * - `period`: its period does not end before the current one begins (the same period, an overlapping or a later one);
 * - `duplicate`: the same period as an earlier report listed before it (the first one is used);
 * - `version`: a table of another version of the template (that table only; `template` says which);
 * - `noTable`: no table in common with the current workbook.
 */
export type HistoryNoteKind = 'unreadable' | 'unit' | 'noPeriod' | 'period' | 'duplicate' | 'version' | 'noTable';

export interface HistoryNote {
  /** The earlier file as given; null for a note on the current workbook itself. */
  file: string | null;
  kind: HistoryNoteKind;
  /** For `version`: the template's key (`b01`, `pack/id`). */
  template?: string;
  message: Text;
}

/** An earlier report that was compared with. */
export interface EarlierPeriod {
  file: string;
  from: string;
  to: string;
  days: number;
}

/** A figure of one period: the cell's value and, for a flow, per day (a stock: the value again). */
export interface PeriodFigure {
  value: number | null;
  rate: number | null;
}

/** One entry cell of a table, this period against the earlier ones (a row of the Figures tab's comparison). */
export interface ComparisonRow {
  cell: CellRef;
  /** Column id. */
  column: string;
  /** What the cell counts: row (when the table has several) and column, e.g. "Cấp tỉnh – Tổng số TTHC công khai". */
  label: Text;
  current: PeriodFigure;
  /** One per `TableComparison.earlier`, in the same order (oldest first); null figures where the cell was blank. */
  earlier: PeriodFigure[];
  /** The earlier periods' usual rate (their median); null without any earlier figure. */
  usual: number | null;
  /** This period's rate ÷ the usual one; null when either is unknown or the usual one is 0. */
  change: number | null;
  /** The modified z-score when the robust method applied (four or more earlier figures, MAD > 0). */
  score: number | null;
  method: 'ratio' | 'robust' | null;
  flagged: boolean;
}

export interface TableComparison {
  sheet: string;
  packId: string;
  templateId: string;
  version: number;
  name: Text;
  overTime: 'sum' | 'last';
  period: Period;
  /** The earlier reports that had this table, oldest first. */
  earlier: EarlierPeriod[];
  rows: ComparisonRow[];
}

export interface HistoryResult {
  /** One warning `history.outlier` per flagged cell, in table and cell order. */
  findings: Finding[];
  notes: HistoryNote[];
  /** Earlier reports used for at least one table, oldest first. */
  compared: EarlierPeriod[];
  tables: TableComparison[];
}

export interface HistoryOptions {
  /** The templates recognised (default: the built-in pack). */
  templates?: TemplateSource;
}

// ---------------------------------------------------------------------------------------------
// The comparison

/** What a table's figures are compared in: this period, the earlier reports having the table, and its words. */
interface Frame {
  u: Usable;
  stock: boolean;
  period: Period;
  before: { table: Usable; days: number }[];
  noun: Text;
}

/** A figure of one period: its value and, for a flow, per day (a stock: the value again). */
function figure(f: Frame, value: number | null, days: number): PeriodFigure {
  return { value, rate: value === null ? null : f.stock ? value : value / days };
}

/** One cell compared with the earlier periods' figures of the same row identity and column; its warning when flagged. */
function compareCell(f: Frame, identity: string, col: { id: string; label: Text }, cell: CellRef, prefix: Text | null): { row: ComparisonRow; finding: Finding | null } {
  const label = prefix ? { vi: `${prefix.vi} – ${col.label.vi}`, en: `${prefix.en} – ${col.label.en}` } : col.label;
  const earlier = f.before.map((b) => figure(f, figureOf(b.table, rowsAt(b.table, identity), col.id), b.days));
  const row: ComparisonRow = { cell, column: col.id, label, current: figure(f, figureOf(f.u, rowsAt(f.u, identity), col.id), f.period.days), earlier, usual: null, change: null, score: null, method: null, flagged: false };
  const rates: number[] = [];
  for (const e of earlier) if (e.rate !== null) rates.push(e.rate);
  if (rates.length > 0) row.usual = median(rates);
  const x = row.current.rate;
  if (x !== null && row.usual !== null && row.usual > 0) row.change = x / row.usual;
  const v = x === null ? null : f.stock ? judge(x, rates, 1, STOCK_RATIO_LIMIT) : judge(x, rates, f.period.days);
  if (!v || x === null) return { row, finding: null };
  row.method = v.method;
  row.score = v.score;
  row.flagged = v.flagged;
  if (!v.flagged) return { row, finding: null };
  const finding: Finding = { rule: HISTORY_RULE, severity: severityOf(HISTORY_RULE), cells: [cell], message: message(row, v, f.stock, f.period.days, f.noun, rates.length), left: x, right: v.usual, difference: x - v.usual };
  return { row, finding };
}

/** One table of the current workbook compared with the earlier reports having it (same version). */
function compareTable(key: string, u: Usable, period: Period, sources: Admitted[], findings: Finding[]): TableComparison {
  const stock = overTimeOf(u.template) === 'last';
  const f: Frame = { u, stock, period, before: sources.map((s) => ({ table: s.wb.tables.get(key) as Usable, days: s.period.days })), noun: nounOf(u.packId, u.template.id) };
  const comparison: TableComparison = {
    sheet: u.table.sheet,
    packId: u.packId,
    templateId: u.template.id,
    version: u.template.version,
    name: u.template.name,
    overTime: stock ? 'last' : 'sum',
    period,
    earlier: sources.map((s) => ({ file: s.file, from: s.period.from, to: s.period.to, days: s.period.days })),
    rows: [],
  };
  const columns = entryColumns(u.template).map((col) => ({ id: col.id, label: columnLabel(u.template, col.id) }));
  // Rows: a fixed table's rows; a consolidation's units when an earlier report has units of the same
  // labels; otherwise the table's rows taken together (a unit's report, however many rows).
  const sharesUnits = u.rows.size > 0 && f.before.some((b) => [...u.rows.keys()].some((k) => b.table.rows.has(k)));
  const identities = u.template.rows.kind === 'fixed' || sharesUnits ? [...u.rows.keys()] : [WHOLE];
  for (const identity of identities) {
    const prefix = rowPrefix(u, identity);
    for (const col of columns) {
      const cell = cellAt(u, identity, col.id);
      if (!cell) continue;
      const { row, finding } = compareCell(f, identity, col, { sheet: cell.sheet, address: cell.address }, prefix);
      if (finding) findings.push(finding);
      comparison.rows.push(row);
    }
  }
  return comparison;
}

/**
 * Compares the current workbook's figures with the earlier reports'. Never throws on what a reader
 * gives; an earlier report that cannot be used is left out with a note.
 */
export function compareWithHistory(current: WorkbookRead, earlier: readonly EarlierInput[], options: HistoryOptions = {}): HistoryResult {
  const templates = options.templates ?? BUILTIN_CATALOG;
  const result: HistoryResult = { findings: [], notes: [], compared: [], tables: [] };
  if (earlier.length === 0) return result;
  const now = workbookOf(current, templates);
  const period = now.period;
  if (!period) {
    result.notes.push({ file: null, kind: 'noPeriod', message: EARLIER_WORDS.currentNoPeriod() });
    return result;
  }
  const { usable, notes } = admitEarlier({ ...now, period }, earlier, templates);
  result.notes.push(...notes);
  const used = new Set<string>();
  for (const [key, u] of now.tables) {
    const sources = usable.filter((e) => e.wb.tables.get(key)?.table.version === u.table.version);
    result.tables.push(compareTable(key, u, period, sources, result.findings));
    for (const s of sources) used.add(s.file);
  }
  result.compared = usable.filter((e) => used.has(e.file)).map((e) => ({ file: e.file, from: e.period.from, to: e.period.to, days: e.period.days }));
  return result;
}

/** The comparison of one table (by sheet name) for the Figures tab, or null when the table was not compared. */
export function tableComparison(result: HistoryResult, sheet: string): TableComparison | null {
  return result.tables.find((t) => t.sheet === sheet) ?? null;
}
