/**
 * Tables found from what the sheet holds when their defined names are gone or wrong (`core/tables/locate`):
 * an ExcelJS read and write (names lose their sheet scope), names deleted, names pointing at another
 * sheet, rows inserted above a table whose names are gone, a renamed sheet. The `.xlsx` reader and
 * the Office.js reader (on the in-memory Excel) give the same tables; `structure.changed` only when
 * the layout itself no longer matches.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildWorkbook, parseNewArgs, SAMPLE_DEFAULTS } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { readSheetScopedNames } from '../../src/xlsx/scoped-names';
import { readWorkbookFast } from '../../src/xlsx/fast-read';
import { readWorkbookExcelJS } from '../../src/xlsx/exceljs-read';
import { createOfficeAdapter } from '../../src/excel/adapter';
import type { ExcelRun } from '../../src/excel/context';
import type { MemHost } from '../../src/devhost';
import { createOfficeJsHost } from '../../src/devhost/officejs-node';
import { hyperFormulaEvaluator } from '../../src/devhost/hyperformula';
import { layout } from '../../src/core/forms/layout';
import { findMarker, locateTable } from '../../src/core/tables/locate';
import { validateWorkbook } from '../../src/core/check/validate';
import type { CellRead, WorkbookRead } from '../../src/core/tables/table-read';
import type { Finding } from '../../src/core/check/findings';
import { TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { insertRowsAbove, setCell } from '../support/edit-xlsx';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');
const TODAY = new Date(2025, 11, 1);
let dir: string;
let sample: Buffer;

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-locate-'));
  sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
}, 60000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Loads and saves with plain ExcelJS, as a receiving office's script would. */
async function exceljsRoundTrip(buf: Buffer, edit?: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  edit?.(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rewriteWorkbookXml(buf: Buffer, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.file('xl/workbook.xml', change((await zip.file('xl/workbook.xml')?.async('string')) as string));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The table's sheet-scoped names left in a package (ExcelJS keeps only the print names scoped). */
async function bmNames(buf: Buffer): Promise<string[]> {
  return (await readSheetScopedNames(buf)).filter((n) => n.name.startsWith('BM_')).map((n) => `${n.sheetName}!${n.name}`);
}

const dropAllNames = (buf: Buffer): Promise<Buffer> => rewriteWorkbookXml(buf, (x) => x.replace(/<definedNames>[\s\S]*?<\/definedNames>/, ''));

/** The cells of every table, as `sheet!address` lists, to compare two reads. */
function where(read: WorkbookRead): unknown {
  const a = (c: CellRead | null): string | null => (c ? `${c.sheet}!${c.address}` : null);
  return read.tables.map((t) => ({
    sheet: t.sheet,
    id: t.templateId,
    broken: t.broken ?? null,
    header: t.header.map((l) => l.map(a)),
    rows: t.rowLabels.map(a),
    columns: Object.fromEntries(Object.entries(t.columns).map(([k, v]) => [k, v.map(a)])),
    totals: t.totals ? Object.fromEntries(Object.entries(t.totals).map(([k, v]) => [k, a(v)])) : null,
    averages: Object.fromEntries(Object.entries(t.averages).map(([k, v]) => [k, a(v)])),
    info: Object.fromEntries(Object.entries(t.info).map(([k, v]) => [k, a(v)])),
  }));
}

function rules(fs: Finding[]): string[] {
  return fs.map((f) => `${f.rule} ${f.cells.map((c) => `${c.sheet}!${c.address}`).join(' ')}`);
}

function checkJson(buf: Buffer, name: string): { code: number | null; doc: { files: { findings?: Record<string, unknown>[]; error?: unknown }[] } } {
  fs.writeFileSync(path.join(dir, name), buf);
  const r = spawnSync(process.execPath, [BIN, 'check', name, '--json'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, doc: JSON.parse(r.stdout) as never };
}

describe('.xlsx reader: tables without their names', () => {
  test('ExcelJS read + write of the --sample workbook: names lost, still exactly the cross.council finding', async () => {
    const rt = await exceljsRoundTrip(sample);
    expect((await bmNames(sample)).length).toBeGreaterThan(50);
    expect(await bmNames(rt)).toEqual([]);
    const before = checkJson(sample, 'sample.xlsx');
    const after = checkJson(rt, 'roundtrip.xlsx');
    expect(after.code).toBe(1);
    const f = after.doc.files[0].findings ?? [];
    expect(f.map((x) => [x.rule, x.cells, x.left, x.right, x.difference])).toEqual([
      ['cross.council', [{ sheet: 'Biểu 02', address: 'M8' }, { sheet: 'Biểu 01', address: 'J8' }], 732, 752, -20],
    ]);
    expect(after.doc.files[0].findings).toEqual(before.doc.files[0].findings);
    // The fast reader (readWorkbook's) and the ExcelJS reader find the same tables at the same cells.
    expect(where(readWorkbookFast(rt))).toEqual(where(await readWorkbookExcelJS(rt)));
    expect(where(readWorkbookFast(rt))).toEqual(where(await readWorkbookExcelJS(sample)));
  });

  test('every name deleted: the same cells as through the names, and entry findings, not structure.changed', async () => {
    const named = await readWorkbook(sample);
    const bare = await dropAllNames(sample);
    expect(where(await readWorkbook(bare))).toEqual(where(named));
    const council = named.tables[1].columns['council.report'][0];
    const typed = await dropAllNames(await setCell(sample, council.sheet, council.address, '12 văn bản'));
    const found = rules(validateWorkbook(await readWorkbook(typed), { today: TODAY }));
    expect(found).toContain(`entry.text Biểu 02!${council.address}`);
    expect(found.some((r) => r.startsWith('structure.'))).toBe(false);
  });

  test("names of Biểu 02 pointing at Biểu 01's cells: Biểu 02 is read at its own cells", async () => {
    const named = await readWorkbook(sample);
    // localSheetId 1 is Biểu 02; every one of its names now names the sheet Biểu 01.
    const wrong = await rewriteWorkbookXml(sample, (x) =>
      x.replace(/(<definedName\b[^>]*localSheetId="1"[^>]*>)'Biểu 02'!/g, "$1'Biểu 01'!"),
    );
    expect((await readSheetScopedNames(wrong)).filter((n) => n.sheetName === 'Biểu 02').every((n) => n.refSheet === 'Biểu 01')).toBe(true);
    const read = await readWorkbook(wrong);
    expect(where(read)).toEqual(where(named));
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(['cross.council Biểu 02!M8 Biểu 01!J8']);
  });

  test('names anchored at the id cell but one column moved by a tool: the layout wins', async () => {
    const named = await readWorkbook(sample);
    const wrong = await rewriteWorkbookXml(sample, (x) =>
      x.replace(/(<definedName name="BM_C_council_other" localSheetId="1">)[^<]*</, "$1'Biểu 02'!$$L$$8:$$L$$9<"),
    );
    expect(where(await readWorkbook(wrong))).toEqual(where(named));
  });

  test('3 rows inserted above Biểu 02, then its names lost in an ExcelJS round trip: found 3 rows lower', async () => {
    const moved = await exceljsRoundTrip(await insertRowsAbove(sample, 'Biểu 02', 1, 3));
    expect(await bmNames(moved)).toEqual([]);
    const read = await readWorkbook(moved);
    expect(where(read)).toEqual(where(await readWorkbookExcelJS(moved)));
    const t = read.tables.find((x) => x.sheet === 'Biểu 02');
    expect(t?.broken).toBeUndefined();
    expect(t?.columns['council.total'][0].address).toBe('M11');
    expect(t?.columns['council.total'][0].formula).toBe('=SUM(J11:L11)');
    expect(t?.info.from?.address).toBe(named(await readWorkbook(sample), 'from'));
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(['cross.council Biểu 02!M11 Biểu 01!J8']);
  });

  test('a renamed sheet whose names are gone: found under its new name', async () => {
    const renamed = await exceljsRoundTrip(sample, (wb) => {
      (wb.getWorksheet('Biểu 02') as ExcelJS.Worksheet).name = 'Phân loại';
    });
    const read = await readWorkbook(renamed);
    expect(read.tables.map((t) => [t.sheet, t.templateId, t.broken ?? null])).toEqual([
      ['Biểu 01', 'b01', null],
      ['Phân loại', 'b02', null],
      ['Biểu 03', 'b03', null],
      ['Biểu 04', 'b04', null],
    ]);
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(['cross.council Phân loại!M8 Biểu 01!J8']);
  });

  test('a table of 12 rows with a totals row, names gone: all 12 rows read', async () => {
    const buf = await buildWorkbook(parseNewArgs(['unused.xlsx', '--templates', '03', '--rows', '12']));
    const read = await readWorkbook(await exceljsRoundTrip(buf));
    const t = read.tables[0];
    expect(t.broken).toBeUndefined();
    expect(t.rowLabels.map((c) => c.address)).toEqual(Array.from({ length: 12 }, (_, i) => `A${9 + i}`));
    expect(t.totals?.['central.total'].address).toBe('F21');
    expect(where(read)).toEqual(where(await readWorkbook(buf)));
  });

  test('the layout no longer matches and no names: structure.changed at the cell that differs', async () => {
    const totalsLabel = await dropAllNames(await setCell(sample, 'Biểu 03', 'A9', 'Tổng'));
    // Biểu 03 of the sample has one data row: A9 is that row's label, free text; the header is not.
    expect((await readWorkbook(totalsLabel)).tables[2].broken).toBeUndefined();
    const header = await dropAllNames(await setCell(sample, 'Biểu 02', 'B7', 'Nghị quyết HĐND'));
    const read = await readWorkbook(header);
    const t = read.tables[1];
    expect(t.sheet).toBe('Biểu 02');
    expect(t.broken?.reason.en).toMatch(/^the header rows of the table are not found above the table id cell B\d+$/);
    const f = validateWorkbook(read, { today: TODAY }).filter((x) => x.cells[0]?.sheet === 'Biểu 02');
    expect(f.map((x) => x.rule)).toEqual(['structure.changed']);
    const deleted = await exceljsRoundTrip(sample, (wb) => (wb.getWorksheet('Biểu 04') as ExcelJS.Worksheet).spliceRows(9, 1));
    const b04 = (await readWorkbook(deleted)).tables[3];
    expect(b04.templateId).toBe('b04');
    expect(b04.broken?.reason.en).toBe("the rows between the header and the table id cell do not fit the table's layout");
    // Biểu 04's row label "Cấp xã" typed over, names gone: the cell is named.
    const label = await dropAllNames(await setCell(sample, 'Biểu 04', 'A9', 'Cấp huyện'));
    expect((await readWorkbook(label)).tables[3].broken).toEqual({
      reason: { vi: 'ô A9 không còn như bố cục của biểu', en: "the cell A9 no longer holds what the table's layout put there" },
      cell: { sheet: 'Biểu 04', address: 'A9' },
    });
  });

  test('an id cell of a table this bieumau does not know, names gone: structure.unknown-template', async () => {
    const meta = (await readWorkbook(sample)).tables[0];
    const buf = await dropAllNames(await setCell(sample, 'Biểu 01', metaAddress(meta), 'bieumau:b01@9'));
    const f = validateWorkbook(await readWorkbook(buf), { today: TODAY });
    expect(f.filter((x) => x.cells[0]?.sheet === 'Biểu 01').map((x) => x.rule)).toEqual(['structure.unknown-template']);
  });
});

function named(read: WorkbookRead, key: 'from'): string | undefined {
  return read.tables.find((t) => t.sheet === 'Biểu 02')?.info[key]?.address.replace(/\d+/, (r) => String(Number(r) + 3));
}

function metaAddress(t: WorkbookRead['tables'][number]): string {
  // BM_META sits in column B, the row after the report-information cells.
  const to = t.info.to?.address as string;
  return `B${Number(/\d+/.exec(to)?.[0]) + 1}`;
}

describe('core/tables/locate', () => {
  test('an id quoted away from its "Mã biểu mẫu" label is not a table id cell', () => {
    expect(findMarker([{ row: 1, col: 1, value: 'bieumau:b01@1' }])).toBeNull();
    expect(findMarker([{ row: 5, col: 3, value: 'bieumau:b02@1' }, { row: 5, col: 2, value: 'Mã biểu mẫu' }])).toEqual({ address: 'C5', packId: 'vn.standard', templateId: 'b02', version: 1 });
  });

  test('every template, row count and corner header: the names rebuilt from the sheet are the layout\'s, moved with it', () => {
    for (const t of TEMPLATES) {
      // a consolidation's ("… / Đơn vị") or a roll-up's corner header is found as the template's
      for (const [rows, rowKind] of t.rows.kind === 'repeat' ? ([[1], [2], [7], [3, 'unit'], [3, 'period']] as const) : [[undefined]]) {
        const plan = layout(t, { ...SAMPLE_DEFAULTS, dataRows: rows, rowKind });
        for (const [dr, dc] of [[0, 0], [4, 0], [2, 3]]) {
          const cells = new Map<string, unknown>();
          plan.cells.forEach((line, r) => line.forEach((c, k) => {
            if (c && typeof c.value === 'string') cells.set(`${r + 1 + dr},${k + 1 + dc}`, c.value);
          }));
          const list = [...cells].map(([rc, value]) => ({ row: Number(rc.split(',')[0]), col: Number(rc.split(',')[1]), value }));
          const marker = findMarker(list);
          expect(marker?.templateId).toBe(t.id);
          const cellOf = (a: string): { value: string | null; formula: null } => {
            const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
            const col = [...m[1]].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0);
            return { value: (cells.get(`${m[2]},${col}`) as string | undefined) ?? null, formula: null };
          };
          const located = locateTable(findTemplate(t.id) ?? t, marker!, cellOf);
          expect('names' in located).toBe(true);
          const shift = (ref: string): string =>
            ref.replace(/([A-Z]+)(\d+)/g, (_m, c: string, r: string) => {
              const n = [...c].reduce((s, ch) => s * 26 + ch.charCodeAt(0) - 64, 0) + dc;
              let letters = '';
              for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) letters = String.fromCharCode(65 + ((x - 1) % 26)) + letters;
              return `${letters}${Number(r) + dr}`;
            });
          if ('names' in located) expect(located.names).toEqual(plan.names.map((n) => ({ name: n.name, ref: shift(n.ref) })));
        }
      }
    }
  });
});

describe('the Office.js reader agrees', () => {
  async function office(plans: ReturnType<typeof layout>[], change: (host: MemHost) => void): Promise<{ read: WorkbookRead; syncs: number }> {
    const x = createOfficeJsHost({ excel: '365', evaluator: hyperFormulaEvaluator(), sheets: ['Sheet1'] });
    const host = x.host;
    const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
    for (const p of plans) await adapter.insertTemplate(p);
    change(host);
    const before = host.stats.syncs;
    const read = await adapter.readTables();
    return { read, syncs: host.stats.syncs - before };
  }
  const plans = (): ReturnType<typeof layout>[] => TEMPLATES.map((t) => layout(t, { ...SAMPLE_DEFAULTS, values: t.sample, dataRows: t.rows.kind === 'repeat' ? t.sample.length : undefined }));

  test('names deleted on every sheet: the same tables as the .xlsx reader, in one sync', async () => {
    const { read, syncs } = await office(plans(), (host) => {
      for (const t of TEMPLATES) host.sheet(t.name.vi).names.length = 0;
    });
    expect(syncs).toBe(1);
    const xlsx = await readWorkbook(await dropAllNames(sample));
    expect(where(read)).toEqual(where(xlsx));
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(rules(validateWorkbook(xlsx, { today: TODAY })));
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(['cross.council Biểu 02!M8 Biểu 01!J8']);
  });

  test('rows inserted above a table whose names are gone, and the sheet renamed: both readers agree', async () => {
    const { read } = await office(plans(), (host) => {
      host.sheet('Biểu 02').protection.protected = false;
      host.insertRows('Biểu 02', 1, 3);
      host.renameSheet('Biểu 02', 'Phân loại');
      host.sheet('Phân loại').names.length = 0;
    });
    const xlsx = await readWorkbook(
      await exceljsRoundTrip(await insertRowsAbove(sample, 'Biểu 02', 1, 3), (wb) => {
        (wb.getWorksheet('Biểu 02') as ExcelJS.Worksheet).name = 'Phân loại';
      }),
    );
    expect(where(read)).toEqual(where(xlsx));
    expect(rules(validateWorkbook(read, { today: TODAY }))).toEqual(['cross.council Phân loại!M11 Biểu 01!J8']);
  });

  test('report settings saved into tables whose names are gone: written at the located info cells', async () => {
    const x = createOfficeJsHost({ excel: '365', evaluator: hyperFormulaEvaluator(), sheets: ['Sheet1'] });
    const host = x.host;
    const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
    const plan = layout(TEMPLATES[1], { ...SAMPLE_DEFAULTS, values: TEMPLATES[1].sample, dataRows: TEMPLATES[1].sample.length });
    await adapter.insertTemplate(plan);
    host.sheet('Biểu 02').names.length = 0;
    const unitAt = (await adapter.readTables()).tables[0].info.unit?.address as string;
    expect(await adapter.updateReportInfo({ unit: 'UBND XÃ A', reportNo: '123/BC-UBND', reportDate: '2026-01-10', reportBy: 'UBND xã', from: '2025-12-15', to: '2026-01-14' })).toBe(1);
    expect(host.valueAt('Biểu 02', unitAt)).toBe('UBND XÃ A');
    expect(host.valueAt('Biểu 02', 'A1')).toBe('UBND XÃ A');
  });
});
