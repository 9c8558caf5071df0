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
import type { Finding, CellRef } from './findings';
import type { CellRead, CellValue, TableRead, WorkbookRead } from './read';
import type { Template, Text } from './template';
import { entryColumns } from './template';
import { BUILTIN_CATALOG } from './builtin';
import { lookupTemplate, type TemplateSource } from './catalog';
import { tablePeriod, type Period } from './figures';
import { unitRowIndices } from './rows';
import { fitsTemplate } from './validate';
import { STANDARD_PACK_ID } from './pack';
import { cleanUnitText, unitKey } from './units';
import { compareIsoDates, formatRangeVi } from './dates';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, type Separators } from './numbers';
import { severityOf } from './rules';

/** A flow changed by at least this factor, up or down, is flagged (one to three earlier periods, or MAD 0). */
export const RATIO_LIMIT = 3;
/**
 * The same for a stock: a state "up to now" (procedures published) moves slowly from one period to
 * the next, so doubling or halving already stands out.
 */
export const STOCK_RATIO_LIMIT = 2;
/** A modified z-score above this (absolute value) is flagged (four or more earlier periods). */
export const Z_LIMIT = 3.5;
/** From this many earlier figures on, the robust score is used. */
export const ROBUST_FROM = 4;
/** The smallest change flagged, in items over this period (a flow: |rate − usual| × days). */
export const FLOOR = 10;

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
// Statistics

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Verdict {
  usual: number;
  method: 'ratio' | 'robust';
  score: number | null;
  flagged: boolean;
}

/**
 * Whether `x` stands out from the earlier figures `xs` (both rates for a flow, values for a stock).
 * `days`: this period's days for a flow (the floor is counted over them), 1 for a stock;
 * `limit`: the ratio rule's factor.
 */
export function judge(x: number, xs: readonly number[], days: number, limit: number = RATIO_LIMIT): Verdict | null {
  if (xs.length === 0) return null;
  const usual = median(xs);
  const large = Math.abs(x - usual) * days >= FLOOR - 1e-9;
  if (xs.length >= ROBUST_FROM) {
    const mad = median(xs.map((v) => Math.abs(v - usual)));
    if (mad > 0) {
      const score = (0.6745 * (x - usual)) / mad;
      return { usual, method: 'robust', score, flagged: Math.abs(score) > Z_LIMIT && large };
    }
  }
  const hi = Math.max(x, usual);
  const lo = Math.min(x, usual);
  const far = lo <= 0 ? hi > 0 : hi / lo >= limit - 1e-9;
  return { usual, method: 'ratio', score: null, flagged: far && large };
}

// ---------------------------------------------------------------------------------------------
// Reading what is needed of a workbook

function count(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= Number.MAX_SAFE_INTEGER ? v : null;
}

function textOf(v: CellValue | undefined): string {
  return typeof v === 'string' ? cleanUnitText(v) : typeof v === 'number' ? String(v) : '';
}


function keyOf(packId: string, templateId: string): string {
  return packId === STANDARD_PACK_ID ? templateId : `${packId}/${templateId}`;
}

interface Usable {
  table: TableRead;
  template: Template;
  packId: string;
  /** Data-row indices of the unit rows (group and subtotal rows left out). */
  units: number[];
  /**
   * Row identity → data-row index: `fixed:<row id>` for a fixed-row table; `unit:<unit key>` for a
   * table of several rows each labelled with its own unit (a consolidation); empty otherwise.
   */
  rows: Map<string, number>;
}

/** The rows' identities (see `Usable.rows`). Labels blank or repeated: the rows are one unit's (none here). */
function rowIdentities(table: TableRead, template: Template, units: readonly number[]): Map<string, number> {
  const out = new Map<string, number>();
  if (template.rows.kind === 'fixed') {
    template.rows.rows.forEach((r, i) => {
      if (i < table.rowLabels.length) out.set(`fixed:${r.id}`, i);
    });
    return out;
  }
  if (units.length < 2) return out;
  for (const i of units) {
    const label = unitKey(textOf(table.rowLabels[i]?.value));
    if (label === '' || out.has(`unit:${label}`)) return new Map();
    out.set(`unit:${label}`, i);
  }
  return out;
}

/** The identity of a repeat table's rows taken together (a unit's report, however many rows it has). */
const WHOLE = 'whole';

/** The data rows an identity stands for in a table: all its unit rows for `whole`, else its one row; null when it has none. */
function rowsAt(u: Usable, identity: string): readonly number[] | null {
  if (identity === WHOLE) return u.units.length > 0 ? u.units : null;
  const i = u.rows.get(identity);
  return i === undefined ? null : [i];
}

/** A column's figure over those rows: the cell's count, or their sum; null when a cell is not a count. */
function figureOf(u: Usable, rows: readonly number[] | null, column: string): number | null {
  const cells = u.table.columns[column];
  if (!cells || !rows) return null;
  let sum = 0;
  for (const i of rows) {
    const v = count(cells[i]?.value);
    if (v === null) return null;
    sum += v;
  }
  return sum;
}

/** Where a finding on that figure belongs: the cell, or for `whole` of several rows the totals cell. */
function cellAt(u: Usable, identity: string, column: string): CellRead | undefined {
  if (identity === WHOLE) {
    if (u.units.length === 1) return u.table.columns[column]?.[u.units[0]];
    return u.table.totals?.[column] ?? undefined;
  }
  const i = u.rows.get(identity);
  return i === undefined ? undefined : u.table.columns[column]?.[i];
}

interface Workbook {
  unit: string;
  period: Period | null;
  /** By template key (first table of each template; structurally broken ones left out). */
  tables: Map<string, Usable>;
  /** Template key → every version of it among the workbook's tables. */
  versions: Map<string, Set<number>>;
}

function workbookOf(read: WorkbookRead, templates: TemplateSource): Workbook {
  const wb: Workbook = { unit: '', period: null, tables: new Map(), versions: new Map() };
  const tables = Array.isArray(read.tables) ? read.tables : [];
  for (const t of tables) {
    if (t.broken) continue;
    if (wb.unit === '') wb.unit = textOf(t.info?.unit?.value);
    if (wb.period === null && t.info) wb.period = tablePeriod(t);
    const packId = t.packId ?? STANDARD_PACK_ID;
    const key = keyOf(packId, t.templateId);
    if (wb.tables.has(key)) continue;
    const template = lookupTemplate(templates, packId, t.templateId, t.version);
    if (!template) continue;
    if (!fitsTemplate(t, template)) continue;
    const units = unitRowIndices(t);
    wb.tables.set(key, { table: t, template, packId, units, rows: rowIdentities(t, template, units) });
  }
  // Every version of each template the workbook holds (for the notes on another version).
  for (const t of tables) {
    const key = keyOf(t.packId ?? STANDARD_PACK_ID, t.templateId);
    const set = wb.versions.get(key) ?? new Set<number>();
    set.add(t.version);
    wb.versions.set(key, set);
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------
// Words

/** What the standard tables count, for the messages; a pack's tables say no noun. */
const NOUNS: Record<string, Text> = {
  b01: { vi: 'văn bản', en: 'documents' },
  b02: { vi: 'văn bản', en: 'documents' },
  b03: { vi: 'cuộc họp', en: 'meetings' },
  b04: { vi: 'thủ tục', en: 'procedures' },
};

function nounOf(packId: string, templateId: string): Text {
  return packId === STANDARD_PACK_ID ? (NOUNS[templateId] ?? { vi: '', en: '' }) : { vi: '', en: '' };
}

/** A rate with two significant digits below 10 (`0,29`, `2,9`), one decimal up to 100, none above. */
export function rateText(x: number, sep: Separators): string {
  const a = Math.abs(x);
  let decimals = 0;
  if (a > 0 && a < 1) decimals = Math.min(6, 1 - Math.floor(Math.log10(a)));
  else if (a < 100) decimals = 1;
  return formatNumber(x, sep, decimals);
}

/** A factor with exactly one decimal: `10,0`, `2,9`. */
export function factorText(x: number, sep: Separators): string {
  const s = formatNumber(Math.round(x * 10) / 10, sep, 1);
  return s.includes(sep.decimal) ? s : `${s}${sep.decimal}0`;
}

function columnLabel(template: Template, columnId: string): Text {
  const entries = entryColumns(template);
  const col = entries.find((c) => c.id === columnId);
  if (!col) return { vi: columnId, en: columnId };
  const group = template.groups.find((g) => g.columns.some((c) => c.id === columnId));
  const unique = entries.filter((c) => c.label.vi === col.label.vi).length === 1;
  if (unique || !group || group.label.vi === col.label.vi) return col.label;
  return { vi: `${group.label.vi} – ${col.label.vi}`, en: `${group.label.en} – ${col.label.en}` };
}

function rowPrefix(u: Usable, identity: string): Text | null {
  const rows = u.template.rows;
  if (identity === WHOLE) return u.units.length > 1 ? rows.total : null;
  const i = u.rows.get(identity);
  if (i === undefined) return null;
  if (rows.kind === 'fixed') return rows.rows[i]?.label ?? null;
  const label = textOf(u.table.rowLabels[i]?.value);
  return { vi: label, en: label };
}

function message(row: ComparisonRow, v: Verdict, stock: boolean, days: number, noun: Text, n: number): Text {
  const out = { vi: '', en: '' };
  for (const lang of ['vi', 'en'] as const) {
    const sep = lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
    const num = (x: number): string => formatNumber(x, sep, 0);
    const rate = (x: number): string => rateText(x, sep);
    const x = row.current.rate as number;
    const value = row.current.value as number;
    const nounSp = noun[lang] ? ` ${noun[lang]}` : '';
    const perDay = lang === 'vi' ? `${nounSp}/ngày` : noun.en ? ` ${noun.en}/day` : ' per day';
    const usualPerDay = lang === 'vi' ? '/ngày' : '/day';
    const level = n === 1 ? (lang === 'vi' ? 'mức kỳ trước' : "the earlier period's level") : lang === 'vi' ? 'mức các kỳ trước' : "the earlier periods' level";
    const usual = stock ? num(v.usual) : `${rate(v.usual)}${usualPerDay}`;
    const now = stock
      ? `${num(value)}${nounSp}`
      : lang === 'vi'
        ? `${num(value)}${nounSp} trong ${num(days)} ngày (${rate(x)}${perDay})`
        : `${num(value)}${nounSp} in ${num(days)} days (${rate(x)}${perDay})`;
    let change: string;
    if (v.usual <= 0) change = lang === 'vi' ? `trong khi ${level} là 0` : `while ${level} was 0`;
    else if (x <= 0) change = lang === 'vi' ? `giảm về 0 so với ${level} (${usual})` : `down to 0 from ${level} (${usual})`;
    else if (x >= v.usual) change = lang === 'vi' ? `gấp ${factorText(x / v.usual, sep)} lần ${level} (${usual})` : `${factorText(x / v.usual, sep)} times ${level} (${usual})`;
    else change = lang === 'vi' ? `giảm còn 1/${factorText(v.usual / x, sep)} ${level} (${usual})` : `down to 1/${factorText(v.usual / x, sep)} of ${level} (${usual})`;
    const score =
      v.method === 'robust' && v.score !== null
        ? lang === 'vi'
          ? `; điểm z hiệu chỉnh ${factorText(v.score, sep)} so với ${num(n)} kỳ trước`
          : `; modified z-score ${factorText(v.score, sep)} over ${num(n)} earlier periods`
        : '';
    const check = lang === 'vi' ? ' Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.' : ' Check the figure; if it is right, ignore this warning.';
    out[lang] = `${row.label[lang]}: ${now}, ${change}${score}.${check}`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The comparison

/**
 * Compares the current workbook's figures with the earlier reports'. Never throws on what a reader
 * gives; an earlier report that cannot be used is left out with a note.
 */
export function compareWithHistory(current: WorkbookRead, earlier: readonly EarlierInput[], options: HistoryOptions = {}): HistoryResult {
  const templates = options.templates ?? BUILTIN_CATALOG;
  const result: HistoryResult = { findings: [], notes: [], compared: [], tables: [] };
  if (earlier.length === 0) return result;
  const now = workbookOf(current, templates);
  if (!now.period) {
    result.notes.push({
      file: null,
      kind: 'noPeriod',
      message: { vi: 'Tệp đang kiểm tra không ghi kỳ báo cáo hợp lệ: không so sánh được với các kỳ trước.', en: 'The file checked has no valid report period: it cannot be compared with earlier periods.' },
    });
    return result;
  }
  const period = now.period;

  // The earlier reports that can be used, oldest first.
  const usable: { file: string; period: Period; wb: Workbook }[] = [];
  for (const e of earlier) {
    if ('error' in e) {
      result.notes.push({ file: e.file, kind: 'unreadable', message: { vi: `Không đọc được: ${e.error.vi}`, en: `Cannot be read: ${e.error.en}` } });
      continue;
    }
    const wb = workbookOf(e.read, templates);
    if (unitKey(wb.unit) !== unitKey(now.unit)) {
      const other = (u: string, lang: 'vi' | 'en'): string => (u === '' ? (lang === 'vi' ? '(không ghi)' : '(blank)') : `"${u}"`);
      result.notes.push({
        file: e.file,
        kind: 'unit',
        message: {
          vi: `Đơn vị khác: ${other(wb.unit, 'vi')}, tệp đang kiểm tra là ${other(now.unit, 'vi')}.`,
          en: `Another unit: ${other(wb.unit, 'en')}; the file checked is ${other(now.unit, 'en')}.`,
        },
      });
      continue;
    }
    if (!wb.period) {
      result.notes.push({ file: e.file, kind: 'noPeriod', message: { vi: 'Không ghi kỳ báo cáo hợp lệ.', en: 'No valid report period.' } });
      continue;
    }
    if (compareIsoDates(wb.period.to, period.from) >= 0) {
      result.notes.push({
        file: e.file,
        kind: 'period',
        message: {
          vi: `Kỳ báo cáo ${formatRangeVi(wb.period)} không kết thúc trước kỳ đang kiểm tra (${formatRangeVi(period)}).`,
          en: `Its report period ${formatRangeVi(wb.period)} does not end before the period checked (${formatRangeVi(period)}).`,
        },
      });
      continue;
    }
    const p = wb.period;
    const same = usable.find((u) => u.period.from === p.from && u.period.to === p.to);
    if (same) {
      result.notes.push({
        file: e.file,
        kind: 'duplicate',
        message: { vi: `Cùng kỳ báo cáo ${formatRangeVi(p)} với ${same.file} (đã dùng tệp đó).`, en: `Same report period ${formatRangeVi(p)} as ${same.file} (that file is used).` },
      });
      continue;
    }
    usable.push({ file: e.file, period: p, wb });
  }
  usable.sort((a, b) => compareIsoDates(a.period.from, b.period.from) || compareIsoDates(a.period.to, b.period.to));

  const used = new Set<string>();
  for (const e of usable) {
    let common = 0;
    let otherVersion = false;
    for (const [key, u] of now.tables) {
      if (e.wb.tables.get(key)?.table.version === u.table.version) {
        common++;
        continue;
      }
      const versions = [...(e.wb.versions.get(key) ?? [])].filter((v) => v !== u.table.version).sort((a, b) => a - b);
      if (versions.length === 0) continue;
      otherVersion = true;
      result.notes.push({
        file: e.file,
        kind: 'version',
        template: key,
        message: {
          vi: `${u.template.name.vi}: phiên bản ${versions.join(', ')}, tệp đang kiểm tra là phiên bản ${u.table.version}; biểu này không so sánh.`,
          en: `${u.template.name.en}: version ${versions.join(', ')}, the file checked has version ${u.table.version}; this table is not compared.`,
        },
      });
    }
    if (common === 0 && !otherVersion) {
      result.notes.push({ file: e.file, kind: 'noTable', message: { vi: 'Không có biểu nào chung với tệp đang kiểm tra.', en: 'No table in common with the file checked.' } });
    }
  }

  for (const [key, u] of now.tables) {
    const stock = overTimeOf(u.template) === 'last';
    const sources = usable.filter((e) => e.wb.tables.get(key)?.table.version === u.table.version);
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
    const noun = nounOf(u.packId, u.template.id);
    const figure = (value: number | null, days: number): PeriodFigure => ({ value, rate: value === null ? null : stock ? value : value / days });
    const columns = entryColumns(u.template).map((col) => ({ id: col.id, label: columnLabel(u.template, col.id) }));
    const before = sources.map((s) => ({ table: s.wb.tables.get(key) as Usable, days: s.period.days }));
    // Rows: a fixed table's rows; a consolidation's units when an earlier report has units of the same
    // labels; otherwise the table's rows taken together (a unit's report, however many rows).
    const sharesUnits = u.rows.size > 0 && before.some((b) => [...u.rows.keys()].some((k) => b.table.rows.has(k)));
    const identities = u.template.rows.kind === 'fixed' || sharesUnits ? [...u.rows.keys()] : [WHOLE];
    for (const identity of identities) {
      const prefix = rowPrefix(u, identity);
      const mine = rowsAt(u, identity);
      const theirs = before.map((b) => rowsAt(b.table, identity));
      for (const col of columns) {
        const cell = cellAt(u, identity, col.id);
        if (!cell) continue;
        const label = prefix ? { vi: `${prefix.vi} – ${col.label.vi}`, en: `${prefix.en} – ${col.label.en}` } : col.label;
        const earlierFigures = before.map((b, k) => figure(figureOf(b.table, theirs[k], col.id), b.days));
        const row: ComparisonRow = {
          cell: { sheet: cell.sheet, address: cell.address },
          column: col.id,
          label,
          current: figure(figureOf(u, mine, col.id), period.days),
          earlier: earlierFigures,
          usual: null,
          change: null,
          score: null,
          method: null,
          flagged: false,
        };
        const rates: number[] = [];
        for (const f of earlierFigures) if (f.rate !== null) rates.push(f.rate);
        if (rates.length > 0) row.usual = median(rates);
        const x = row.current.rate;
        if (x !== null && row.usual !== null && row.usual > 0) row.change = x / row.usual;
        const v = x === null ? null : stock ? judge(x, rates, 1, STOCK_RATIO_LIMIT) : judge(x, rates, period.days);
        if (v && x !== null) {
          row.method = v.method;
          row.score = v.score;
          row.flagged = v.flagged;
          if (v.flagged) {
            result.findings.push({
              rule: HISTORY_RULE,
              severity: severityOf(HISTORY_RULE),
              cells: [row.cell],
              message: message(row, v, stock, period.days, noun, rates.length),
              left: x,
              right: v.usual,
              difference: x - v.usual,
            });
          }
        }
        comparison.rows.push(row);
      }
    }
    for (const s of sources) used.add(s.file);
    result.tables.push(comparison);
  }
  result.compared = usable.filter((e) => used.has(e.file)).map((e) => ({ file: e.file, from: e.period.from, to: e.period.to, days: e.period.days }));
  return result;
}

/** The comparison of one table (by sheet name) for the Figures tab, or null when the table was not compared. */
export function tableComparison(result: HistoryResult, sheet: string): TableComparison | null {
  return result.tables.find((t) => t.sheet === sheet) ?? null;
}
