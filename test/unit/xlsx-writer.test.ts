import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SEED_REPORT, TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import { cellsOf, parseRange } from '../../src/core/a1';
import { writeWorkbook } from '../../src/xlsx/writer';
import { uniqueSheetNames, cleanSheetName } from '../../src/xlsx/sheet-names';
import { absoluteRef, readSheetScopedNames, writeSheetScopedNames } from '../../src/xlsx/scoped-names';
import { quoteSheetName } from '../../src/xlsx/scoped-names-xml';

const OPTS: LayoutOptions = { ...SEED_REPORT };

async function load(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const samplePlans = (): SheetPlan[] => TEMPLATES.map((t) => layout(t, { ...OPTS, values: t.sample }));

describe('writeWorkbook', () => {
  let buf: Uint8Array;
  let wb: ExcelJS.Workbook;
  let plans: SheetPlan[];
  beforeAll(async () => {
    plans = samplePlans();
    buf = await writeWorkbook(plans);
    wb = await load(buf);
  });

  test('one sheet per plan, named after the template', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
  });

  test('values, formulas without "=", number formats and dates as real dates', () => {
    plans.forEach((plan, i) => {
      const ws = wb.worksheets[i];
      for (let r = 0; r < plan.rowCount; r++) {
        for (let c = 0; c < plan.columnCount; c++) {
          const pc = plan.cells[r][c];
          if (!pc) continue;
          const cell = ws.getCell(r + 1, c + 1);
          if (cell.isMerged && cell.master.address !== cell.address) continue;
          if (pc.formula) {
            expect(cell.formula).toBe(pc.formula.slice(1));
            expect((cell.value as ExcelJS.CellFormulaValue).result).toBeUndefined();
          } else if (pc.value !== undefined && typeof pc.value === 'object') {
            expect(cell.value).toBeInstanceOf(Date);
            expect((cell.value as Date).toISOString().slice(0, 10)).toBe(pc.value.date);
          } else if (pc.value !== undefined) {
            expect(cell.value).toBe(pc.value);
          }
          if (pc.numberFormat) expect(cell.numFmt).toBe(pc.numberFormat);
        }
      }
    });
    const ws = wb.getWorksheet('Biểu 01')!;
    expect(ws.getCell('H8').formula).toBe('SUM(B8:G8)');
    expect(ws.getCell('B8').value).toBe(5);
    expect(ws.getCell('B8').numFmt).toBe('#,##0');
  });

  test('merges, wrap, fills, borders, widths and heights', () => {
    const ws = wb.getWorksheet('Biểu 01')!;
    expect(ws.getCell('C6').isMerged).toBe(true);
    expect(ws.getCell('C6').master.address).toBe('B6');
    expect(ws.getCell('A7').master.address).toBe('A6');
    expect(ws.getCell('I7').alignment?.wrapText).toBe(true);
    expect(ws.getCell('B8').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(ws.getCell('B8').border?.top?.style).toBe('thin');
    expect(ws.getCell('I7').font?.bold).toBe(true);
    plans[0].columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
    for (const h of plans[0].rowHeights) expect(ws.getRow(h.row).height).toBe(h.height);
  });

  test('entry and info cells unlocked, everything else locked, sheet protected without password', async () => {
    plans.forEach((plan, i) => {
      const ws = wb.worksheets[i];
      const unlocked = new Set(plan.unlocked.flatMap((r) => cellsOf(parseRange(r))));
      for (let r = 1; r <= plan.rowCount; r++) {
        for (let c = 1; c <= plan.columnCount; c++) {
          const cell = ws.getCell(r, c);
          if (cell.isMerged && cell.master.address !== cell.address) continue;
          expect(cell.protection?.locked === false).toBe(unlocked.has(cell.address));
        }
      }
    });
    const zip = await JSZip.loadAsync(buf);
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const prot = /<sheetProtection[^>]*>/.exec(sheetXml)?.[0] ?? '';
    expect(prot).toContain('sheet="1"');
    expect(prot).toContain('formatCells="0"');
    expect(prot).not.toContain('hashValue');
    expect(prot).not.toContain('password');
    expect(sheetXml).toContain('type="whole"');
  });

  test('page setup: A4 landscape, fit to one page wide', () => {
    const ws = wb.getWorksheet('Biểu 02')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.fitToPage).toBe(true);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.fitToHeight).toBe(0);
  });

  test('every plan name is a sheet-scoped defined name pointing at its range; print names kept', async () => {
    const names = await readSheetScopedNames(buf);
    plans.forEach((plan, i) => {
      const sheet = wb.worksheets[i].name;
      for (const n of plan.names) {
        const found = names.filter((x) => x.sheetName === sheet && x.name === n.name);
        expect(found).toHaveLength(1);
        expect(found[0].ref).toBe(n.ref);
        expect(found[0].refSheet).toBe(sheet);
      }
      expect(names.find((x) => x.sheetName === sheet && x.name === '_xlnm.Print_Area')?.ref).toBe(plan.print.printArea);
      expect(names.find((x) => x.sheetName === sheet && x.name === '_xlnm.Print_Titles')?.ref).toBe('6:7');
    });
    const xml = await (await JSZip.loadAsync(buf)).file('xl/workbook.xml')!.async('string');
    expect(xml).toContain(`<definedName name="BM_C_central_total" localSheetId="0">'Biểu 01'!$H$8:$H$8</definedName>`);
    expect(xml).toContain(`<definedName name="BM_META" localSheetId="3">`);
    expect((xml.match(/<definedNames>/g) ?? []).length).toBe(1);
  });
});

describe('sheet names', () => {
  test('repeated templates get free names', async () => {
    const t = findTemplate('01')!;
    const buf = await writeWorkbook([layout(t, OPTS), layout(t, OPTS), layout(t, OPTS)]);
    const wb = await load(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Biểu 01', 'Biểu 01 (2)', 'Biểu 01 (3)']);
    const names = await readSheetScopedNames(buf);
    expect(names.filter((n) => n.name === 'BM_META').map((n) => n.sheetName)).toEqual(['Biểu 01', 'Biểu 01 (2)', 'Biểu 01 (3)']);
  });

  test('unique, cleaned, ≤ 31 characters', () => {
    expect(uniqueSheetNames(['A', 'a', 'A'])).toEqual(['A', 'a (2)', 'A (3)']);
    expect(cleanSheetName('x/y:z?')).toBe('x-y-z-');
    expect(uniqueSheetNames(['x'.repeat(40), 'x'.repeat(40)]).map((s) => s.length)).toEqual([31, 31]);
  });

  test('quotes in sheet names are escaped in references, and read back', async () => {
    expect(quoteSheetName("Anh's")).toBe("'Anh''s'");
    expect(absoluteRef("Anh's", 'B8')).toBe("'Anh''s'!$B$8:$B$8");
    const plan = { ...layout(findTemplate('b04')!, OPTS), sheetName: "Đơn vị's & <1>" };
    const buf = await writeWorkbook([plan]);
    const names = await readSheetScopedNames(buf);
    const meta = names.find((n) => n.name === 'BM_META')!;
    expect(meta.sheetName).toBe("Đơn vị's & <1>");
    expect(meta.refSheet).toBe("Đơn vị's & <1>");
    expect(meta.ref).toBe(plan.names.find((n) => n.name === 'BM_META')!.ref);
    const wb = await load(buf);
    expect(wb.worksheets[0].name).toBe("Đơn vị's & <1>");
  });
});

describe('readSheetScopedNames', () => {
  test('parses prefixed XML, attributes in any order, and skips workbook-scoped names', async () => {
    const zip = new JSZip();
    zip.file(
      'xl/workbook.xml',
      `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheets>` +
        `<x:sheet name="Tổng hợp" sheetId="3" r:id="rId1"/><x:sheet sheetId="4" name="Biểu 01 mới" r:id="rId2"/></x:sheets>` +
        `<x:definedNames><x:definedName localSheetId="1" name="BM_META">'Biểu 01 mới'!$B$30</x:definedName>` +
        `<x:definedName name="Global">'Tổng hợp'!$A$1</x:definedName>` +
        `<x:definedName name="BM_ROWS" localSheetId="1">#REF!</x:definedName></x:definedNames></x:workbook>`,
    );
    const names = await readSheetScopedNames(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(names).toEqual([
      { sheetName: 'Biểu 01 mới', name: 'BM_META', ref: 'B30', refSheet: 'Biểu 01 mới' },
      { sheetName: 'Biểu 01 mới', name: 'BM_ROWS', ref: '#REF!' },
    ]);
  });
});

describe('sheet names cut to 31 characters stay valid', () => {
  test('a cut never leaves a quote or a space at the end (Excel refuses a name ending in \')', () => {
    const cut = cleanSheetName(`${'x'.repeat(30)}'abc`);
    expect(cut).toBe('x'.repeat(30));
    expect(cleanSheetName(`${'y'.repeat(29)} 'z`)).toBe('y'.repeat(29));
    expect(cleanSheetName(`  'Biểu 01'  `)).toBe('Biểu 01');
    const [a, b] = uniqueSheetNames([`${'w'.repeat(26)} abcdef`, `${'w'.repeat(26)} abcdef`]);
    expect(a).toBe(`${'w'.repeat(26)} abcd`);
    expect(b).toBe(`${'w'.repeat(26)} (2)`);
    for (const n of [cut, a, b]) expect(n).toMatch(/^[^' ].{0,29}[^' ]$/);
  });

  test('decomposed Vietnamese letters are composed before the name is cut and compared', () => {
    expect(cleanSheetName('Biểu 01'.normalize('NFD'))).toBe('Biểu 01');
    expect(uniqueSheetNames(['Biểu 01', 'Biểu 01'.normalize('NFD')])).toEqual(['Biểu 01', 'Biểu 01 (2)']);
  });
});

describe('defined names Excel would refuse are never written', () => {
  let raw: Buffer;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Biểu 01');
    wb.addWorksheet('Biểu 02');
    raw = Buffer.from(await wb.xlsx.writeBuffer());
  });

  test('the same name on two sheets is fine; twice on one sheet (any case) is an error', async () => {
    const ok = await writeSheetScopedNames(raw, [
      { name: 'BM_META', localSheetId: 0, formula: "'Biểu 01'!$B$1:$B$1" },
      { name: 'BM_META', localSheetId: 1, formula: "'Biểu 02'!$B$1:$B$1" },
    ]);
    expect((await readSheetScopedNames(ok)).map((n) => n.sheetName)).toEqual(['Biểu 01', 'Biểu 02']);
    await expect(
      writeSheetScopedNames(raw, [
        { name: 'BM_META', localSheetId: 1, formula: "'Biểu 02'!$B$1:$B$1" },
        { name: 'bm_meta', localSheetId: 1, formula: "'Biểu 02'!$B$2:$B$2" },
      ]),
    ).rejects.toThrow('defined name bm_meta twice on sheet 1');
  });

  test.each(['A1', 'xfd1048576', 'R1C1', 'r', 'C', '1BM', '.BM', 'BM ROWS', 'BM-ROWS', ''])('%j is not a valid name', async (name) => {
    await expect(writeSheetScopedNames(raw, [{ name, localSheetId: 0, formula: "'Biểu 01'!$A$1:$A$1" }])).rejects.toThrow(
      'not a valid defined name',
    );
  });

  test('a localSheetId past the last sheet is an error', async () => {
    await expect(writeSheetScopedNames(raw, [{ name: 'BM_META', localSheetId: 2, formula: "'Biểu 01'!$A$1:$A$1" }])).rejects.toThrow(
      'localSheetId 2 is not one of the 2 sheets',
    );
  });

  test('a plan with a name twice makes writeWorkbook fail instead of writing a corrupt file', async () => {
    const plan = layout(findTemplate('04')!, OPTS);
    const broken = { ...plan, names: [...plan.names, { ...plan.names[0] }] };
    await expect(writeWorkbook([broken])).rejects.toThrow(`defined name ${plan.names[0].name} twice on sheet 0`);
  });
});
