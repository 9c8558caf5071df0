/** `npm run excel-host`: a snippet on Microsoft's client library and the in-memory Excel, one JSON line. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'excel-host-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function snippet(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function excelHost(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(TSX, [path.join(ROOT, 'scripts', 'excel-host.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const SUM = `module.exports = async ({ Excel }) => Excel.run(async (context) => {
  const sheet = context.workbook.worksheets.getItem('Sheet1');
  sheet.getRange('A1:A3').values = [[1], [2], ['=SUM(A1:A2)']];
  const total = sheet.getRange('A3');
  total.load('values');
  await context.sync();
  sheet.getRange('A1').values = [[40]];
  total.load('values');
  await context.sync();
  return total.values[0][0];
});
`;

it('runs a snippet on a new workbook with Sheet1 and prints result, syncs and request bytes', () => {
  const r = excelHost(snippet('sum.js', SUM));
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0]) as { result: unknown; error: unknown; syncs: number; requestBytes: number[] };
  expect(out.result).toBe(42);
  expect(out.error).toBeNull();
  expect(out.syncs).toBe(2);
  expect(out.requestBytes).toHaveLength(2);
  expect(out.requestBytes.every((b) => Number.isInteger(b) && b > 100)).toBe(true);
});

it('puts Excel’s error in the JSON and exits 0 (an API above Excel 2019, on the web build)', () => {
  const file = snippet(
    'dv.js',
    `module.exports = async ({ Excel, Office }) => Excel.run(async (context) => {
  if (Office.context.requirements.isSetSupported('ExcelApi', '1.8')) throw new Error('1.8 should not be there');
  const dv = context.workbook.worksheets.getItem('Sheet1').getRange('A1').dataValidation;
  dv.load('type');
  await context.sync();
  return dv.type;
});
`,
  );
  const r = excelHost(file, '--excel', '2019', '--client', 'web');
  expect(r.status).toBe(0);
  const out = JSON.parse(r.stdout) as { result: unknown; error: { code: string; message: string } };
  expect(out.result).toBeNull();
  expect(out.error.code).toBe('ApiNotFound');
  expect(out.error.message).toContain('ExcelApi 1.8');
});

it('exits 2 with one Vietnamese/English line on bad usage', () => {
  const missing = excelHost(path.join(dir, 'none.js'));
  expect(missing.status).toBe(2);
  expect(missing.stdout).toBe('');
  expect(missing.stderr.trim().split('\n')).toHaveLength(1);
  expect(missing.stderr).toMatch(/Lỗi: không có tệp .*none\.js.*Error: no such file/);
  const flag = excelHost(snippet('ok.js', SUM), '--client', 'mac');
  expect(flag.status).toBe(2);
  expect(flag.stderr).toMatch(/--client phải là win32 hoặc web.*--client must be win32 or web, not "mac"/);
});
