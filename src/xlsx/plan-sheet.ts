/**
 * One SheetPlan as a worksheet part (`xl/worksheets/sheetN.xml`), written directly as text: what
 * the ExcelJS writer (`xlsx/writer`) makes of the same plan, cell for cell — values, formulas with
 * their stored results, styles, merged areas, unlocked cells, data validation of the entry cells,
 * sheet protection and page setup. The cell formats go to a `StyleBook`, the texts to `SharedStrings`.
 */
import type { CellStyle, PlanCell, SheetPlan } from '../core/forms/plan';
import { columnLetters, parseRange, type RangePos } from '../core/a1';
import { parseIsoDate } from '../core/dates';
import { XML_DECLARATION, xmlText, type CellFormat, type CellKind, type StyleBook } from './plan-styles';

const FONT_NAME = 'Times New Roman';
const DEFAULT_SIZE = 11;

/** The workbook's texts, each once, in the order first written. */
export class SharedStrings {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(text, i);
      this.list.push(text);
    }
    return i;
  }

  /** `xl/sharedStrings.xml`. */
  xml(): string {
    const items = this.list.map((t) => `<si><t${/^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : ''}>${xmlText(t)}</t></si>`).join('');
    return `${XML_DECLARATION}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

/** A cell as written: what it holds and its format (shared by the cells of a merged area). */
interface Cell {
  value?: string | number | { formula: string; result?: number } | { serial: number };
  /** The top-left cell of the merged area this cell is part of (not itself). */
  merged?: boolean;
  format: CellFormat;
}

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function planValue(c: PlanCell): Cell['value'] {
  if (c.formula !== undefined) return { formula: c.formula.replace(/^=/, ''), ...(c.result !== undefined ? { result: c.result } : {}) };
  const v = c.value;
  if (v === undefined || typeof v !== 'object') return v;
  const d = parseIsoDate(v.date);
  if (!d) throw new RangeError(`not a valid ISO date in the plan: ${v.date}`);
  return { serial: Date.UTC(d.year, d.month - 1, d.day) / 86400000 + 25569 };
}

function formatOf(s: CellStyle, numFmt: string | undefined): CellFormat {
  const f: CellFormat = numFmt !== undefined ? { numFmt } : {};
  f.font = { name: FONT_NAME, size: s.fontSize ?? DEFAULT_SIZE, ...(s.bold ? { bold: true } : {}), ...(s.italic ? { italic: true } : {}), ...(s.fontColor ? { argb: argb(s.fontColor) } : {}) };
  if (s.fill) f.fill = argb(s.fill);
  const alignment = { ...(s.wrap ? { wrapText: true } : {}), ...(s.horizontal ? { horizontal: s.horizontal } : {}), ...(s.vertical ? { vertical: s.vertical } : {}) };
  if (Object.keys(alignment).length > 0) f.alignment = alignment;
  if (s.border) f.border = true;
  return f;
}

/** Every cell of a range, row by row. */
function eachCell(r: RangePos, fn: (row: number, col: number) => void): void {
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) fn(row, col);
}

/** The sheet's cells (rows and columns from 1), as the plan makes them. */
class Grid {
  readonly rows = new Map<number, Map<number, Cell>>();

  cell(row: number, col: number): Cell {
    let r = this.rows.get(row);
    if (!r) this.rows.set(row, (r = new Map()));
    let c = r.get(col);
    if (!c) r.set(col, (c = { format: {} }));
    return c;
  }
}

/** The plan's cells, styles, merges and unlocked ranges applied in the writer's order. */
function gridOf(plan: SheetPlan): Grid {
  const grid = new Grid();
  const styleOf = new Map<string, { row: number; col: number; style: CellStyle }>();
  for (const sr of plan.styles) {
    eachCell(parseRange(sr.range), (row, col) => {
      const key = `${row},${col}`;
      const had = styleOf.get(key);
      styleOf.set(key, { row, col, style: { ...(had?.style ?? {}), ...sr.style } });
    });
  }
  for (let r = 0; r < plan.rowCount; r++) {
    for (let c = 0; c < plan.columnCount; c++) {
      const pc = plan.cells[r]?.[c];
      const cell = grid.cell(r + 1, c + 1);
      if (!pc) continue;
      const v = planValue(pc);
      if (v !== undefined) cell.value = v;
      if (pc.numberFormat) cell.format.numFmt = pc.numberFormat;
      cell.format = formatOf(styleOf.get(`${r + 1},${c + 1}`)?.style ?? {}, cell.format.numFmt);
      if (!styleOf.has(`${r + 1},${c + 1}`)) cell.format = { ...(cell.format.numFmt !== undefined ? { numFmt: cell.format.numFmt } : {}), font: { name: FONT_NAME, size: DEFAULT_SIZE } };
    }
  }
  for (const { row, col, style } of styleOf.values()) {
    const cell = grid.cell(row, col);
    if (row > plan.rowCount || col > plan.columnCount || !plan.cells[row - 1]?.[col - 1]) cell.format = formatOf(style, cell.format.numFmt);
  }
  for (const m of plan.merges) {
    const r = parseRange(m);
    const master = grid.cell(r.top, r.left);
    eachCell(r, (row, col) => {
      if (row === r.top && col === r.left) return;
      const cell = grid.cell(row, col);
      delete cell.value;
      cell.merged = true;
      cell.format = master.format;
    });
  }
  for (const rng of plan.unlocked) eachCell(parseRange(rng), (row, col) => (grid.cell(row, col).format.unlocked = true));
  return grid;
}

function cellKind(c: Cell): CellKind | 'none' {
  const v = c.value;
  if (v === undefined) return 'none';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'other';
  if ('serial' in v) return 'date';
  return v.result !== undefined ? 'number' : 'none';
}

/** One cell's `<c>`: nothing for an empty cell without a format. */
function cellXml(ref: string, c: Cell, s: number, sst: SharedStrings): string {
  const v = c.value;
  if (v === undefined && !s && !c.merged) return '';
  const open = `<c r="${ref}"${s ? ` s="${s}"` : ''}`;
  if (v === undefined) return `${open}/>`;
  if (typeof v === 'number') return `${open}><v>${v}</v></c>`;
  if (typeof v === 'string') return `${open} t="s"><v>${sst.of(v)}</v></c>`;
  if ('serial' in v) return `${open}><v>${v.serial}</v></c>`;
  return `${open}><f>${xmlText(v.formula)}</f>${v.result !== undefined ? `<v>${v.result}</v>` : ''}</c>`;
}

/** `<cols>`: consecutive columns of one width as one element (a width of 9 is the default, left out). */
function colsXml(widths: number[]): string {
  const cols: { min: number; max: number; width: number }[] = [];
  widths.forEach((w0, i) => {
    const w = w0 === 9 ? 9.01 : w0;
    const last = cols[cols.length - 1];
    if (last && last.max === i && last.width === w) last.max = i + 1;
    else cols.push({ min: i + 1, max: i + 1, width: w });
  });
  return cols.length === 0 ? '' : `<cols>${cols.map((c) => `<col min="${c.min}" max="${c.max}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`;
}

/** `<sheetData>`, the merged areas (in the order their cells come) and the used range. */
function sheetDataXml(plan: SheetPlan, grid: Grid, styles: StyleBook, sst: SharedStrings): { data: string; merges: string[]; dimension: string } {
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const rowNumbers = [...new Set([...grid.rows.keys(), ...heights.keys()])].sort((a, b) => a - b);
  const merges = new Map<string, string>();
  let used: { top: number; left: number; bottom: number; right: number } | undefined;
  let data = '<sheetData>';
  for (const r of rowNumbers) {
    const cells = [...(grid.rows.get(r) ?? new Map<number, Cell>()).entries()].sort((a, b) => a[0] - b[0]);
    const h = heights.get(r);
    data += `<row r="${r}"${h ? ` ht="${h}" customHeight="1"` : ''}${cells.length > 0 ? ` spans="${cells[0][0]}:${cells[cells.length - 1][0]}"` : ''} x14ac:dyDescent="0.25"`;
    let body = '';
    for (const [col, c] of cells) {
      const kind = cellKind(c);
      if (c.merged) {
        const m = findMerge(plan, r, col);
        if (m && !merges.has(m)) merges.set(m, m);
      }
      if (c.value !== undefined || c.merged) {
        used = used ? { top: Math.min(used.top, r), left: Math.min(used.left, col), bottom: Math.max(used.bottom, r), right: Math.max(used.right, col) } : { top: r, left: col, bottom: r, right: col };
      }
      body += cellXml(`${columnLetters(col)}${r}`, c, styles.of(c.format, kind === 'none' ? 'other' : kind), sst);
    }
    data += body === '' ? '/>' : `>${body}</row>`;
  }
  const u = used ?? { top: 1, left: 1, bottom: 1, right: 1 };
  return { data: `${data}</sheetData>`, merges: [...merges.keys()], dimension: `${columnLetters(u.left)}${u.top}:${columnLetters(u.right)}${u.bottom}` };
}

function findMerge(plan: SheetPlan, row: number, col: number): string | undefined {
  for (const m of plan.merges) {
    const r = parseRange(m);
    if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
  }
  return undefined;
}

/**
 * The entry cells' validation as rectangles: cells taken in the order of their addresses as text,
 * each not yet covered growing down, then right, over cells that have the validation.
 */
export function validationRanges(entryRanges: string[]): string[] {
  const cells = new Map<string, { row: number; col: number }>();
  for (const rng of entryRanges) eachCell(parseRange(rng), (row, col) => cells.set(`${columnLetters(col)}${row}`, { row, col }));
  const has = (row: number, col: number): boolean => cells.has(`${columnLetters(col)}${row}`);
  const marked = new Set<string>();
  const out: string[] = [];
  for (const a of [...cells.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))) {
    if (marked.has(a)) continue;
    const { row, col } = cells.get(a)!;
    let height = 1;
    while (has(row + height, col)) height++;
    let width = 1;
    const column = (c: number): boolean => Array.from({ length: height }, (_x, i) => has(row + i, c)).every(Boolean);
    while (column(col + width)) width++;
    for (let i = 0; i < height; i++) for (let j = 0; j < width; j++) marked.add(`${columnLetters(col + j)}${row + i}`);
    out.push(height > 1 || width > 1 ? `${a}:${columnLetters(col + width - 1)}${row + height - 1}` : a);
  }
  return out;
}

const VALIDATION = 'type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="Số không hợp lệ / Invalid number" error="Nhập số nguyên ≥ 0 / Type a whole number ≥ 0"';

/** The worksheet part of one plan. */
export function planSheetXml(plan: SheetPlan, styles: StyleBook, sst: SharedStrings): string {
  const grid = gridOf(plan);
  const { data, merges, dimension } = sheetDataXml(plan, grid, styles, sst);
  const validations = validationRanges(plan.entryRanges);
  const p = plan.print;
  return (
    `${XML_DECLARATION}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="${dimension}"/>` +
    '<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>' +
    colsXml(plan.columnWidths) +
    data +
    (plan.protect ? '<sheetProtection sheet="1" formatCells="0" formatColumns="0" formatRows="0"/>' : '') +
    (merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    (validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.map((v) => `<dataValidation ${VALIDATION} sqref="${v}"><formula1>0</formula1></dataValidation>`).join('')}</dataValidations>` : '') +
    '<printOptions horizontalCentered="1"/><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="${p.orientation}" fitToWidth="${p.fitToWidth}" fitToHeight="0"/></worksheet>`
  );
}
