/**
 * The findings CSV the web page offers ("Tải kết quả (CSV)": core/check/check-json's resultsCsv), opened
 * the way a person opens it: LibreOffice Calc's CSV import with formulas evaluated, headless. A
 * workbook with a total typed over (whose fix is the formula =SUM(B9:E9)) saved as `=1+1.xlsx`:
 * no cell of the opened sheet is a formula. The same rows written without the people mode's
 * apostrophes — what the CSV was before — do open as formulas, so the check can fail.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { checkFile } from '../../src/cli/check';
import { resultsCsv } from '../../src/core/check/check-json';
import { readWorkbook } from '../../src/cli/path-source';
import { setCell } from '../support/edit-xlsx';
import { importCsvWithLibreOffice } from '../support/libreoffice';

let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bieumau-findings-csv-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a tampered total in a file named =1+1.xlsx: the findings CSV opens in LibreOffice without a formula cell', async () => {
  const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
  const b03 = (await readWorkbook(sample)).tables.find((t) => t.templateId === 'b03');
  const total = b03?.columns['central.total'][0];
  if (!total) throw new Error('no Biểu 03 total');
  const file = path.join(dir, '=1+1.xlsx');
  fs.writeFileSync(file, await setCell(sample, total.sheet, total.address, 999));
  const result = await checkFile(file);
  const results = [{ ...result, file: '=1+1.xlsx' }];
  if ('error' in result) throw new Error('the workbook should be readable');
  const fix = result.findings.find((f) => f.rule === 'computed.formula-missing')?.fix;
  expect(fix && 'formula' in fix ? fix.formula : null).toBe(`=SUM(B${total.address.slice(1)}:E${total.address.slice(1)})`);

  const csv = resultsCsv(results);
  fs.writeFileSync(path.join(dir, 'ket-qua.csv'), csv);
  // the control: the same rows without the apostrophes
  fs.writeFileSync(path.join(dir, 'doi-chung.csv'), csv.replace(/(^|,|\n)'([=+\-@])/g, '$1$2').replace(/(^|,|\n)"'([=+\-@])/g, '$1"$2'));
  const [opened, control] = importCsvWithLibreOffice([path.join(dir, 'ket-qua.csv'), path.join(dir, 'doi-chung.csv')], path.join(dir, 'lo')).map((f) => fs.readFileSync(f, 'utf8'));

  expect(control.match(/table:formula=/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  expect(opened).not.toMatch(/table:formula=/);
  // what was a formula is text; numbers are still numbers (the difference -20 stays the number -20)
  expect(opened).toContain(`<text:p>&apos;=SUM(${fix && 'formula' in fix ? fix.formula.slice(5) : ''}</text:p>`);
  expect(opened).toContain('<text:p>&apos;=1+1.xlsx</text:p>');
  expect(opened).toMatch(/office:value-type="float" office:value="-20"/);
});
