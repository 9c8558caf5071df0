/**
 * The counted workbook as SheetPlans, for any writer (the `.xlsx` writer, and the pane through
 * Office.js): each register's columns on its register sheet, and the tables whose entry cells are
 * COUNTIFS over those sheets and the tables' own period cells. Pure.
 */
import type { CellStyle, LayoutOptions, SheetPlan } from '../forms/plan';
import type { Template } from '../forms/template';
import { entryColumns } from '../forms/template';
import { layout } from '../forms/layout';
import { columnName, INFO_NAMES } from '../forms/defined-names';
import { columnLetters, parseRange } from '../a1';
import { FIELD_HEADERS, REGISTER_FIELDS, type RegisterField, type RegisterKind } from './register';
import type { CountSummary, RegisterCount } from './count';
import { REGISTER_EXTRA, REGISTER_STATES, countColumnHeader } from './count-findings';
import { isoToExcelSerial } from '../dates';

/** A sheet name as a formula names it: quoted when it is not a plain word. */
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A register sheet's default name. */
export function registerSheetName(kind: RegisterKind): string {
  return kind === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi';
}

export interface SheetColumn {
  header: string;
  width: number;
  date?: boolean;
  /** Each row's own text (symbol, summary): a writer need not look for it among the other rows'. */
  unique?: boolean;
  value: (rc: RegisterCount, i: number) => string | number | null;
}

/** Excel's serial of an ISO day, each day computed once (a year of rows has a few hundred days). */
const SERIALS = new Map<string, number>();
function serialOf(iso: string): number {
  let n = SERIALS.get(iso);
  if (n === undefined) SERIALS.set(iso, (n = isoToExcelSerial(iso)));
  return n;
}

export function registerColumns(rc: RegisterCount, templates: readonly Template[]): SheetColumn[] {
  const reg = rc.source.register;
  const present = new Set(reg.columns.map((c) => c.field));
  const order: RegisterField[] = reg.kind === 'incoming' ? ['arrivalDate', 'arrivalNo', 'author', 'symbol', 'date', 'summary', 'signer', 'type'] : ['symbol', 'date', 'author', 'summary', 'signer', 'type'];
  const cols: SheetColumn[] = [{ header: REGISTER_EXTRA.fileRow, width: 8, value: (x, i) => x.rows[i].row.row }];
  const widths: Partial<Record<RegisterField, number>> = { summary: 50, author: 28, symbol: 20, signer: 20 };
  for (const f of order.filter((x) => present.has(x) && REGISTER_FIELDS.includes(x))) {
    const isDate = f === 'date' || f === 'arrivalDate';
    cols.push({
      header: FIELD_HEADERS[f],
      width: widths[f] ?? 12,
      date: isDate,
      ...(f === 'symbol' || f === 'summary' ? { unique: true } : {}),
      value: (x, i) => {
        const r = x.rows[i].row;
        if (f === 'date') return r.date !== null ? serialOf(r.date) : r.dateText || null;
        if (f === 'arrivalDate') return r.arrivalDate !== null ? serialOf(r.arrivalDate) : r.arrivalText || null;
        const v = r[f];
        return v === '' ? null : v;
      },
    });
  }
  cols.push({ header: REGISTER_EXTRA.countDate, width: 12, date: true, value: (x, i) => (x.rows[i].date !== null ? serialOf(x.rows[i].date as string) : null) });
  cols.push({ header: REGISTER_EXTRA.type, width: 10, value: (x, i) => x.rows[i].type ?? null });
  for (const t of templates) cols.push({ header: countColumnHeader(t), width: 22, value: (x, i) => x.rows[i].columns[t.id] ?? null });
  cols.push({ header: REGISTER_EXTRA.why, width: 60, value: (x, i) => x.rows[i].why.vi });
  cols.push({ header: REGISTER_EXTRA.state, width: 14, value: (x, i) => REGISTER_STATES[x.rows[i].state] });
  return cols;
}

function cellAt(plan: SheetPlan, a1: string): { r: number; c: number } {
  const r = parseRange(a1);
  return { r: r.top - 1, c: r.left - 1 };
}

/** The plan of one table with its entry cells counting from the register sheets. */
export function countedPlan(t: Template, options: LayoutOptions, sheets: { name: string; kind: RegisterKind; cols: SheetColumn[] }[], summary: CountSummary): SheetPlan {
  const plan = layout(t, { ...options, dataRows: 1 });
  const ref = (n: string): string => {
    const found = plan.names.find((x) => x.name === n);
    if (!found) throw new Error(`layout gave no ${n}`);
    const p = cellAt(plan, found.ref);
    return `$${columnLetters(p.c + 1)}$${p.r + 1}`;
  };
  const from = ref(INFO_NAMES.from);
  const to = ref(INFO_NAMES.to);
  for (const c of entryColumns(t)) {
    if (!c.count) continue;
    const kind = c.count.register;
    const parts: string[] = [];
    for (const s of sheets.filter((x) => x.kind === kind)) {
      const letter = (h: string): string => columnLetters(s.cols.findIndex((x) => x.header === h) + 1);
      const q = quoteSheet(s.name);
      const col = `${q}!$${letter(countColumnHeader(t))}:$${letter(countColumnHeader(t))}`;
      const date = `${q}!$${letter(REGISTER_EXTRA.countDate)}:$${letter(REGISTER_EXTRA.countDate)}`;
      parts.push(`COUNTIFS(${col},"${c.id}",${date},">="&${from},${date},"<="&${to})`);
    }
    if (parts.length === 0) continue; // no register of that kind: the clerk types the figure
    const named = plan.names.find((x) => x.name === columnName(c.id));
    if (!named) throw new Error(`layout gave no ${columnName(c.id)}`);
    const p = cellAt(plan, named.ref);
    const value = summary.counts.find((x) => x.table === t.id && x.column === c.id)?.value ?? 0;
    const row = plan.cells[p.r];
    row[p.c] = { ...(row[p.c] ?? {}), formula: `=${parts.join('+')}`, result: value };
    delete row[p.c]?.value;
  }
  return plan;
}


const HEADER_STYLE: CellStyle = { bold: true, fill: '#DDEBF7', border: true, wrap: true, vertical: 'middle' };

/**
 * A register sheet as a SheetPlan (the pane inserts it through Office.js): the header and every
 * row, dates as dates, not protected, no names. The `.xlsx` writer writes the same columns as an
 * Excel table directly (`xlsx/count-workbook`).
 */
export function registerSheetPlan(name: string, cols: readonly SheetColumn[], rc: RegisterCount): SheetPlan {
  const n = rc.rows.length;
  const cells: SheetPlan['cells'] = [cols.map((c) => ({ value: c.header }))];
  for (let i = 0; i < n; i++) {
    cells.push(
      cols.map((c) => {
        const v = c.value(rc, i);
        if (v === null) return null;
        return c.date && typeof v === 'number' ? { value: v, numberFormat: 'dd/mm/yyyy' } : { value: v };
      }),
    );
  }
  const last = columnLetters(cols.length);
  return {
    templateId: 'register',
    version: 1,
    sheetName: name,
    rowCount: n + 1,
    columnCount: cols.length,
    cells,
    merges: [],
    styles: [{ range: `A1:${last}1`, style: HEADER_STYLE }],
    unlocked: [],
    entryRanges: [],
    columnWidths: cols.map((c) => c.width),
    rowHeights: [],
    names: [],
    protect: false,
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, titleRows: '1:1', printArea: `A1:${last}${Math.max(1, n + 1)}` },
  };
}
