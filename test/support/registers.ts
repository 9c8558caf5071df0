/**
 * Document registers shaped like e-office exports, for the count suites and the bench: a title block
 * above the header (unit, register name, date range, a blank row), the Decree 30/2020 Appendix IV
 * header, a row of column numbers, then the rows; dates as Excel dates or as text.
 */
import ExcelJS from 'exceljs';

/** A date cell: ISO (written as an Excel date) or text (written as typed). */
export type DateCell = { iso: string } | { text: string } | null;

export interface IncomingRow {
  arrival: DateCell;
  arrivalNo?: string | number;
  author: string;
  symbol: string;
  date: DateCell;
  summary?: string;
}

export interface OutgoingRow {
  symbol: string;
  date: DateCell;
  summary?: string;
  signer?: string;
  type?: string;
}

const INCOMING_HEADER = ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', 'Đơn vị hoặc người nhận', 'Ký nhận', 'Ghi chú'];
const OUTGOING_HEADER = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ghi chú'];

function dateValue(d: DateCell): ExcelJS.CellValue {
  if (d === null) return null;
  if ('iso' in d) {
    const [y, m, day] = d.iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, day));
  }
  return d.text;
}

async function sheetBytes(title: string[], header: string[], rows: ExcelJS.CellValue[][], dateCols: number[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ');
  let r = 1;
  for (const t of title) ws.getCell(r++, 1).value = t;
  r++; // a blank row
  header.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
  r++;
  header.forEach((_h, i) => (ws.getCell(r, i + 1).value = `(${i + 1})`));
  r++;
  for (const row of rows) {
    row.forEach((v, i) => {
      if (v === null || v === undefined) return;
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      if (dateCols.includes(i) && v instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
    r++;
  }
  // Trailing rows with formatting only (as exports leave them): not rows of the register.
  for (let k = 0; k < 3; k++) ws.getCell(r + k, 1).numFmt = '@';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function incomingXlsx(rows: IncomingRow[], unit = 'UBND TỈNH LÂM ĐỒNG'): Promise<Uint8Array> {
  return sheetBytes(
    [unit, 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'Từ ngày 01/01/2025 đến ngày 31/12/2025'],
    INCOMING_HEADER,
    rows.map((x) => [dateValue(x.arrival), x.arrivalNo ?? null, x.author, x.symbol, dateValue(x.date), x.summary ?? null]),
    [0, 4],
  );
}

export async function outgoingXlsx(rows: OutgoingRow[], unit = 'UBND TỈNH LÂM ĐỒNG', withType = false): Promise<Uint8Array> {
  const header = withType ? [...OUTGOING_HEADER.slice(0, 4), 'Loại văn bản', ...OUTGOING_HEADER.slice(4)] : OUTGOING_HEADER;
  return sheetBytes(
    [unit, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'],
    header,
    rows.map((x) => (withType ? [x.symbol, dateValue(x.date), x.summary ?? null, x.signer ?? null, x.type ?? null] : [x.symbol, dateValue(x.date), x.summary ?? null, x.signer ?? null])),
    [1],
  );
}

function csvField(v: string): string {
  return /[",;\t\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function csvDate(d: DateCell): string {
  if (d === null) return '';
  if ('iso' in d) return `${d.iso.slice(8, 10)}/${d.iso.slice(5, 7)}/${d.iso.slice(0, 4)}`;
  return d.text;
}

/** An outgoing register as a CSV export: BOM, `;` between fields, a title line above the header. */
export function outgoingCsv(rows: OutgoingRow[], delimiter = ';'): Uint8Array {
  const lines = [
    ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'].join(delimiter),
    OUTGOING_HEADER.map(csvField).join(delimiter),
    ...rows.map((x) => [x.symbol, csvDate(x.date), x.summary ?? '', x.signer ?? ''].map(csvField).join(delimiter)),
    '',
  ];
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}`);
}

/** An incoming register as CSV (comma, no BOM). */
export function incomingCsv(rows: IncomingRow[], delimiter = ','): Uint8Array {
  const lines = [
    INCOMING_HEADER.slice(0, 6).map(csvField).join(delimiter),
    ...rows.map((x) => [csvDate(x.arrival), String(x.arrivalNo ?? ''), x.author, x.symbol, csvDate(x.date), x.summary ?? ''].map(csvField).join(delimiter)),
  ];
  return new TextEncoder().encode(lines.join('\n'));
}

/** One cell of a register as a clerk's paste leaves it in a sheet: a date a serial number shown as a date, text as text. */
export interface PastedCell {
  address: string;
  value: string | number;
  numberFormat?: string;
}

/** The cells of a register export's first sheet, as pasted into another sheet at the same places. */
export async function pastedCells(bytes: Uint8Array): Promise<PastedCell[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: PastedCell[] = [];
  wb.worksheets[0].eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value;
      if (v instanceof Date) out.push({ address: cell.address, value: Math.round(v.getTime() / 86400000) + 25569, numberFormat: 'dd/mm/yyyy' });
      else if (typeof v === 'number' || typeof v === 'string') out.push({ address: cell.address, value: v });
    }),
  );
  return out;
}
