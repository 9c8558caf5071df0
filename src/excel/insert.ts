/**
 * Insert: a SheetPlan written on a new sheet in one batch — cells as whole 2-D arrays (formulas and
 * number formats), merges, styles, widths and heights, unlocked entry cells, data validation
 * (ExcelApi 1.8), names, page layout (1.9), protection — then the sheet activated.
 *
 * Sync budget: one sync reads the sheet names (and whether events are on), one writes everything.
 * The cells are split into blocks of rows only when their arrays would pass 85 % of the request
 * limit (`maxRequestBytes`, 5 MB by default: Excel on the web refuses more), each further block
 * one more sync; Microsoft's client library itself splits a write of more than 1,500 cells into row
 * blocks inside the same request, which costs no sync.
 */
import type { SheetPlan, PlanCell, CellStyle } from '../core/forms/plan';
import { parseRange } from '../core/a1';
import { isoToExcelSerial } from '../core/dates';
import type { AdapterContext } from './context';
import type { ChangeWatch, Own } from './echo';
import { recover } from './protect';

/** Room left in a request for everything but the cell arrays. */
const REQUEST_HEADROOM = 0.85;
export const DATE_FORMAT = 'dd/mm/yyyy';

const PROMPT = {
  vi: { title: 'Số lượng', message: 'Nhập số nguyên không âm (0, 1, 2, …), không có dấu chấm hay phẩy phân cách.' },
  en: { title: 'Count', message: 'Enter a whole number of 0 or more, without thousands separators.' },
};
const ALERT = {
  vi: { title: 'Số không hợp lệ', message: 'Ô này chỉ nhận số nguyên không âm.' },
  en: { title: 'Not a count', message: 'This cell takes whole numbers of 0 or more only.' },
};

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** A text Excel would turn into a number, boolean or formula is written with a leading apostrophe. */
export function textForExcel(s: string): string {
  const t = s.trim();
  const risky = s.startsWith('=') || s.startsWith("'") || /^(true|false)$/i.test(t) || (/\d/.test(t) && /^[+-]?[\d.,\s]*([eE][+-]?\d+)?%?$/.test(t));
  return risky ? `'${s}` : s;
}

function planCellInput(c: PlanCell | null): string | number {
  if (!c) return '';
  if (c.formula !== undefined) return c.formula;
  const v = c.value;
  if (v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return textForExcel(v);
  return isoToExcelSerial(v.date);
}

function planCellFormat(c: PlanCell | null): string {
  if (!c) return 'General';
  if (c.numberFormat !== undefined) return c.numberFormat;
  if (c.value !== undefined && typeof c.value === 'object') return DATE_FORMAT;
  return 'General';
}

/** Excel character units → points (Calibri 11: 7 px per character plus 5 px padding; 96 dpi). */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const ALIGN: Record<NonNullable<CellStyle['horizontal']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};
const VALIGN: Record<NonNullable<CellStyle['vertical']>, Excel.VerticalAlignment> = {
  top: 'Top' as Excel.VerticalAlignment,
  middle: 'Center' as Excel.VerticalAlignment,
  bottom: 'Bottom' as Excel.VerticalAlignment,
};

/** The writes of `insertTemplate` on its new sheet, up to the last sync. */
async function fillNewSheet(
  a: AdapterContext,
  w: ChangeWatch,
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  name: string,
  plan: SheetPlan,
  eventsWere: boolean | null,
  own: Own,
): Promise<{ sheet: string }> {
  // Cells: whole 2-D arrays; split in row blocks only when the request would pass the limit.
  const formats = plan.cells.map((line) => line.map(planCellFormat));
  const inputs = plan.cells.map((line) => line.map(planCellInput));
  const rowBytes = inputs.map((line, i) => utf8Length(JSON.stringify(line)) + utf8Length(JSON.stringify(formats[i])));
  const budget = a.maxRequest * REQUEST_HEADROOM;
  const blocks: { from: number; to: number }[] = [];
  let from = 0;
  let size = 0;
  rowBytes.forEach((b, i) => {
    if (size + b > budget && i > from) {
      blocks.push({ from, to: i });
      from = i;
      size = 0;
    }
    size += b;
  });
  if (plan.rowCount > 0) blocks.push({ from, to: plan.rowCount });
  const writeBlock = (target: Excel.Worksheet, b: { from: number; to: number }): void => {
    const r = target.getRangeByIndexes(b.from, 0, b.to - b.from, plan.columnCount);
    r.numberFormat = formats.slice(b.from, b.to);
    r.formulas = inputs.slice(b.from, b.to);
  };
  const [firstBlock, ...moreBlocks] = blocks;
  if (firstBlock) writeBlock(ws, firstBlock);
  for (const b of moreBlocks) {
    await ctx.sync();
    if (a.api('1.6')) ctx.application.suspendApiCalculationUntilNextSync();
    writeBlock(ws, b);
  }

  for (const m of plan.merges) ws.getRange(m).merge(false);
  for (const s of plan.styles) applyStyle(ws.getRange(s.range), s.range, s.style);
  plan.columnWidths.forEach((chars, i) => {
    ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthPoints(chars);
  });
  for (const h of plan.rowHeights) ws.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  for (const u of plan.unlocked) ws.getRange(u).format.protection.locked = false;
  if (a.api('1.8')) {
    for (const e of plan.entryRanges) {
      const dv = ws.getRange(e).dataValidation;
      dv.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' as Excel.DataValidationOperator } };
      dv.prompt = { showPrompt: true, title: PROMPT[a.lang].title, message: PROMPT[a.lang].message };
      dv.errorAlert = { showAlert: true, style: 'Stop' as Excel.DataValidationAlertStyle, title: ALERT[a.lang].title, message: ALERT[a.lang].message };
    }
  }
  for (const n of plan.names) ws.names.add(n.name, ws.getRange(n.ref));
  if (a.api('1.9')) {
    const pl = ws.pageLayout;
    pl.orientation = (plan.print.orientation === 'landscape' ? 'Landscape' : 'Portrait') as Excel.PageOrientation;
    pl.paperSize = 'A4' as Excel.PaperType;
    pl.zoom = { horizontalFitToPages: plan.print.fitToWidth, verticalFitToPages: 0 };
    pl.setPrintTitleRows(`$${plan.print.titleRows.replace(':', ':$')}`);
    pl.setPrintArea(plan.print.printArea);
  }
  if (plan.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
  ws.activate();
  if (eventsWere !== null) ctx.runtime.enableEvents = eventsWere;
  ws.load('id');
  const watched = w.watchNewSheet(ws);
  await ctx.sync();
  // Before ExcelApi 1.8 the writes above raise events on the new sheet, delivered after this sync.
  own(ws.id, null);
  w.noteNewSheet(ws.id, watched);
  return { sheet: name };
}

/**
 * `WorkbookAdapter.insertTemplate`: the plan on a new sheet. Syncs: 1 (sheet names, events) + 1 per
 * block of cell rows (one block unless the cells pass 85 % of the request limit) — 2 for any table
 * whose cells fit one request; on failure up to 3 more (events, protection, the half-made sheet
 * removed).
 */
export async function insertTemplate(a: AdapterContext, w: ChangeWatch, plan: SheetPlan): Promise<{ sheet: string }> {
  return w.writing(async (ctx, own) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    const events = a.api('1.8');
    if (events) ctx.runtime.load('enableEvents');
    await ctx.sync();

    const taken = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    const name = freeSheetName(plan.sheetName, taken);
    const eventsWere = events ? ctx.runtime.enableEvents : true;
    if (events) ctx.runtime.enableEvents = false;
    if (a.api('1.6')) ctx.application.suspendApiCalculationUntilNextSync();
    const ws = sheets.add(name);
    try {
      return await fillNewSheet(a, w, ctx, ws, name, plan, events ? eventsWere : null, own);
    } catch (e) {
      // Events back on; the half-made sheet (this batch created it, nobody else owns it) removed.
      await recover(ctx, [], events ? eventsWere : null);
      try {
        ws.delete();
        await ctx.sync();
      } catch {
        // the sheet was never added
      }
      throw e;
    }
  });
}

/**
 * The table's default sheet name, or the first of `Name (2)`, `Name (3)`, … free in the workbook
 * (Excel compares sheet names ignoring case). Excel refuses names over 31 characters: a longer
 * name (a template's title) is cut, and so is the base before the counter, without a space left
 * dangling before it.
 */
export function freeSheetName(base: string, takenLower: Set<string>): string {
  const cut = (s: string, n: number): string => Array.from(s).slice(0, n).join('').trimEnd();
  const first = cut(base, 31);
  if (!takenLower.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = cut(base, 31 - suffix.length) + suffix;
    if (!takenLower.has(name.toLowerCase())) return name;
  }
}

function applyStyle(r: Excel.Range, address: string, s: CellStyle): void {
  const f = r.format;
  if (s.bold !== undefined) f.font.bold = s.bold;
  if (s.italic !== undefined) f.font.italic = s.italic;
  if (s.fontSize !== undefined) f.font.size = s.fontSize;
  if (s.fontColor !== undefined) f.font.color = s.fontColor;
  if (s.fill !== undefined) f.fill.color = s.fill;
  if (s.wrap !== undefined) f.wrapText = s.wrap;
  if (s.horizontal !== undefined) f.horizontalAlignment = ALIGN[s.horizontal];
  if (s.vertical !== undefined) f.verticalAlignment = VALIGN[s.vertical];
  if (s.border) {
    const box = parseRange(address);
    const edges: string[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
    if (box.right > box.left) edges.push('InsideVertical');
    if (box.bottom > box.top) edges.push('InsideHorizontal');
    for (const e of edges) f.borders.getItem(e as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }
}

