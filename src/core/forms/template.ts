/**
 * The types a template pack is made of (the data lives in `src/templates/*.json`), and the helpers
 * every part of the engine uses on templates. No Office.js, no DOM, no layout code here.
 */

/** Every user-facing string exists in Vietnamese (default) and English. */
export interface Text {
  vi: string;
  en: string;
}

/** A column the clerk types a whole count ≥ 0 into. */
export interface EntryColumn {
  kind: 'entry';
  /** Stable id, never changed once released: `central.politburo`, `local.commune`, … */
  id: string;
  label: Text;
  /** Blank in a required field is an error; elsewhere a warning ("not reported"). */
  required?: boolean;
  /** How the column is counted from the document registers (`bieumau count`, core/count/count). */
  count?: CountRule;
}

/**
 * Which register rows a column counts. Names are plain text, compared after `foldText` (NFC, case,
 * spaces, tone placement): `names` the whole name or abbreviation, `prefixes` its start, `contains`
 * whole words inside it. An exact name wins over a prefix, a prefix over words contained; two
 * columns at the same level are a tie (the row is listed, never guessed).
 */
export interface CountRule {
  /** Incoming registers count by their arrival date, outgoing ones by the document's date. */
  register: 'incoming' | 'outgoing';
  /** `author`: the author column (then the symbol's issuer when it is blank); `issuer`: the symbol's issuer. */
  by: 'author' | 'issuer';
  names?: string[];
  prefixes?: string[];
  contains?: string[];
  /** Type abbreviations of the symbol (`NQ`, `QĐi`, `QyĐ`); absent: any type. */
  types?: string[];
  /** Takes the rows of its group that no sibling column's `types` takes ("Văn bản khác"). */
  rest?: boolean;
}

/** Register rows that are not in the table, and why (incoming documents from local bodies). */
export interface NotCountedRule {
  register: 'incoming' | 'outgoing';
  by: 'author' | 'issuer';
  names?: string[];
  prefixes?: string[];
  contains?: string[];
  reason: Text;
}

/** `Cộng`: the sum of other columns of the same row. */
export interface SumColumn {
  kind: 'sum';
  id: string;
  label: Text;
  /** Ids of the columns added up, all in the same row. */
  of: string[];
}

/** A ratio of two columns of the same row, blank (never #DIV/0!) when the denominator is 0. */
export interface RatioColumn {
  kind: 'ratio';
  id: string;
  label: Text;
  numerator: string;
  denominator: string;
}

export type Column = EntryColumn | SumColumn | RatioColumn;
export type ComputedColumn = SumColumn | RatioColumn;

export interface ColumnGroup {
  id: string;
  label: Text;
  columns: Column[];
}

/**
 * Rows of the table.
 * - `repeat`: one row per unit or period (N rows, N ≥ 1), plus a totals row when N > 1.
 * - `fixed`: the rows are named by the template (Biểu 04: Cấp tỉnh, Cấp xã) and always have a totals row.
 */
export type RowSpec =
  | {
      kind: 'repeat';
      /** Header of the row-label column (e.g. "Số lượng / Thời gian"). */
      header: Text;
      /** An optional group row above the data rows (Biểu 03: "23 tỉnh, thành phố …"). */
      groupRow?: Text;
      total: Text;
    }
  | {
      kind: 'fixed';
      header: Text;
      rows: { id: string; label: Text }[];
      total: Text;
    };

/**
 * A figure derived from the table and the report period, written below the table
 * (Biểu 01: documents received / issued per day and per month).
 */
export interface PeriodAverage {
  kind: 'perDay' | 'perMonth';
  id: string;
  label: Text;
  /** A column id; the figure uses its total over all data rows. */
  of: string;
}

/** A rule that ties fields of two tables of one workbook together. */
export interface CrossTableEquality {
  id: string;
  /** `templateId:columnId` on each side; the column total of each table is compared. */
  left: { template: string; column: string };
  right: { template: string; column: string };
  label: Text;
}

/** Within one row: sum of `parts` equals `whole` (Biểu 04: online full + partial + direct = published). */
export interface RowSumRule {
  kind: 'rowSum';
  id: string;
  parts: string[];
  whole: string;
  label: Text;
}

/** Within one row: `small` ≤ `large` (Biểu 04: provided ≤ eligible). */
export interface RowAtMostRule {
  kind: 'atMost';
  id: string;
  small: string;
  large: string;
  label: Text;
}

export type RowRule = RowSumRule | RowAtMostRule;

export interface Template {
  /** Stable id: `b01` … */
  id: string;
  /**
   * The id of the pack the template was loaded from, set by the pack catalog (never written in a
   * pack file); absent means the built-in pack `vn.standard`.
   */
  pack?: string;
  version: number;
  /** Short name, also the default sheet name: "Biểu 01". */
  name: Text;
  title: Text;
  /** One line on what the table counts (task pane card). */
  summary?: Text;
  rows: RowSpec;
  groups: ColumnGroup[];
  averages?: PeriodAverage[];
  /** Wording of how averages are counted, written on the sheet as a note. */
  averagesNote?: Text;
  rules?: RowRule[];
  /**
   * How the figures add up through time, when reports of consecutive periods are rolled up into
   * the covering period (`bieumau roll-up`): `sum` (the default) for a flow — what happened during
   * the period; `last` for a stock — a state at the period's end, the last period's value.
   * Consolidation across units ignores it (both kinds add up).
   */
  overTime?: 'sum' | 'last';
  /** Register rows that belong to none of its columns, with the reason (`bieumau count`). */
  notCounted?: NotCountedRule[];
  /** Example figures (e.g. the seed report's), one array per data row, in entry-column order; may be empty. */
  sample: number[][];
}

export function columnsOf(t: Template): Column[] {
  return t.groups.flatMap((g) => g.columns);
}

export function entryColumns(t: Template): EntryColumn[] {
  return columnsOf(t).filter((c): c is EntryColumn => c.kind === 'entry');
}

export function computedColumns(t: Template): ComputedColumn[] {
  return columnsOf(t).filter((c): c is ComputedColumn => c.kind !== 'entry');
}
