/**
 * Writes SheetPlans to an `.xlsx` with ExcelJS, then patches the package so every plan name is a
 * sheet-scoped defined name (ExcelJS cannot write those). The writer adds nothing to the plan.
 * Bytes out, no file system: the command line writes the file, the web page offers it as a download.
 */
import type ExcelJS from 'exceljs';
import type { CellStyle, PlanCell, SheetPlan } from '../core/forms/plan';
import { cellsOf, parseRange } from '../core/a1';
import { parseIsoDate } from '../core/dates';
import { planNames, writeSheetScopedNames } from './scoped-names';
import { uniqueSheetNames } from './sheet-names';

const FONT_NAME = 'Times New Roman';
const DEFAULT_SIZE = 11;

function argb(hex: string): string {
  return `FF${hex.replace('#', '').toUpperCase()}`;
}

function cellValue(c: PlanCell): ExcelJS.CellValue | undefined {
  if (c.formula !== undefined) return c.result !== undefined ? { formula: c.formula.replace(/^=/, ''), result: c.result } : { formula: c.formula.replace(/^=/, '') };
  const v = c.value;
  if (v === undefined) return undefined;
  if (typeof v === 'object') {
    const d = parseIsoDate(v.date);
    if (!d) throw new RangeError(`not a valid ISO date in the plan: ${v.date}`);
    return new Date(Date.UTC(d.year, d.month - 1, d.day));
  }
  return v;
}

function applyStyle(cell: ExcelJS.Cell, s: CellStyle): void {
  const font: Partial<ExcelJS.Font> = { name: FONT_NAME, size: s.fontSize ?? DEFAULT_SIZE };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.fontColor) font.color = { argb: argb(s.fontColor) };
  cell.font = font;
  if (s.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap) alignment.wrapText = true;
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (s.vertical) alignment.vertical = s.vertical;
  if (Object.keys(alignment).length > 0) cell.alignment = alignment;
  if (s.border) {
    const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
    cell.border = { top: { ...thin }, left: { ...thin }, bottom: { ...thin }, right: { ...thin } };
  }
}

function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((w, i) => {
    // ExcelJS treats a width of exactly 9 as "default" and drops it.
    ws.getColumn(i + 1).width = w === 9 ? 9.01 : w;
  });
  for (const { row, height } of plan.rowHeights) ws.getRow(row).height = height;

  // Styles: later ranges override earlier ones, property by property.
  const styleOf = new Map<string, CellStyle>();
  for (const sr of plan.styles) {
    for (const a of cellsOf(parseRange(sr.range))) styleOf.set(a, { ...(styleOf.get(a) ?? {}), ...sr.style });
  }
  for (let r = 0; r < plan.rowCount; r++) {
    for (let c = 0; c < plan.columnCount; c++) {
      const pc = plan.cells[r]?.[c];
      if (!pc) continue;
      const cell = ws.getCell(r + 1, c + 1);
      const v = cellValue(pc);
      if (v !== undefined) cell.value = v;
      if (pc.numberFormat) cell.numFmt = pc.numberFormat;
    }
  }
  for (const [a, s] of [...styleOf.entries()]) applyStyle(ws.getCell(a), s);
  // Cells in the plan without a style still get the workbook's font.
  for (let r = 0; r < plan.rowCount; r++) {
    for (let c = 0; c < plan.columnCount; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      if (plan.cells[r]?.[c] && !styleOf.has(cell.address)) cell.font = { name: FONT_NAME, size: DEFAULT_SIZE };
    }
  }
  for (const m of plan.merges) ws.mergeCells(m);
  for (const rng of plan.unlocked) for (const a of cellsOf(parseRange(rng))) ws.getCell(a).protection = { locked: false };
  for (const rng of plan.entryRanges) {
    for (const a of cellsOf(parseRange(rng))) {
      ws.getCell(a).dataValidation = {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: 'Số không hợp lệ / Invalid number',
        error: 'Nhập số nguyên ≥ 0 / Type a whole number ≥ 0',
      };
    }
  }
  ws.pageSetup = {
    paperSize: 9,
    orientation: plan.print.orientation,
    fitToPage: true,
    fitToWidth: plan.print.fitToWidth,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: plan.print.printArea.includes(':') ? plan.print.printArea : `${plan.print.printArea}:${plan.print.printArea}`,
    printTitlesRow: plan.print.titleRows,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
  };
}

/**
 * ExcelJS, loaded when a workbook is first written, not with the modules that import this one. A
 * page that must keep working offline calls it ahead (the web page's warm-up).
 */
export function loadWorkbookLibrary(): Promise<{ default: typeof ExcelJS }> {
  return import('exceljs');
}

/** Builds the workbook, one sheet per plan, in order: the bytes of the `.xlsx` file. */
export async function writeWorkbook(plans: SheetPlan[]): Promise<Uint8Array> {
  const { default: Excel } = await loadWorkbookLibrary();
  const wb = new Excel.Workbook();
  wb.creator = 'bieumau';
  wb.calcProperties.fullCalcOnLoad = true;
  const sheetNames = uniqueSheetNames(plans.map((p) => p.sheetName));
  plans.forEach((plan, i) => {
    const ws = wb.addWorksheet(sheetNames[i]);
    writeSheet(ws, plan);
  });
  for (let i = 0; i < plans.length; i++) {
    if (plans[i].protect) {
      await wb.worksheets[i].protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatCells: true,
        formatColumns: true,
        formatRows: true,
      });
    }
  }
  // A Buffer in Node, an ArrayBuffer-backed array in the browser build of ExcelJS: bytes either way.
  const raw = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return writeSheetScopedNames(raw, planNames(plans, sheetNames));
}

