/**
 * `bieumau tie-out` / `doi-chieu` as a user runs it (`node bin/bieumau.js`; `npm run build:cli` first):
 * exit codes, the JSON document, the language, the files it refuses.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { buildDocx, p } from '../support/docx-builder';
import { SEED_TIEOUT_FINDINGS, seedReportDocx, seedTextDocx } from '../support/seed-report';
import { ole2 } from '../support/ole2';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'bieumau.js');
let dir: string;

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'tieout.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-tieout-'));
  fs.writeFileSync(path.join(dir, 'bao-cao.docx'), seedReportDocx());
  fs.writeFileSync(path.join(dir, 'loi-van.docx'), seedTextDocx());
  fs.writeFileSync(path.join(dir, 'dung.docx'), buildDocx([p('Tiếp nhận trực tiếp 136 TTHC (cấp tỉnh là 40 thủ tục, cấp xã là 96 thủ tục).')]));
  fs.writeFileSync(path.join(dir, 'mau.xlsx'), await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
  fs.writeFileSync(path.join(dir, 'cu.doc'), ole2(['WordDocument', '1Table']));
  fs.writeFileSync(path.join(dir, 'ban.odt'), zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }));
  fs.writeFileSync(path.join(dir, 'ban.pdf'), '%PDF-1.7\n');
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the seed report alone: exit 1, the JSON of the contract', () => {
  const r = run('tie-out', 'bao-cao.docx', '--json');
  expect(r.code).toBe(1);
  const json = JSON.parse(r.stdout);
  expect(json.document).toEqual({ file: 'bao-cao.docx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), paragraphs: 35, tables: 3 });
  expect(json.workbook).toBeNull();
  expect(json.findings.map((f: { rule: string; stated: number; expected: number }) => [f.rule, f.stated, f.expected])).toEqual(SEED_TIEOUT_FINDINGS);
  expect(json.findings[4].where.paragraph).toBe(22);
  expect(json.findings[4].message.vi).toContain('Với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp');
  expect(json.findings[5].where).toEqual({ table: 'Biểu 02', cell: 'I3' });
  expect(json.matched).toEqual([{ stated: 15, table: 'Biểu 03', cell: 'F4', paragraph: 6 }]);
  expect([json.errors, json.warnings]).toEqual([6, 0]);
});

test('doi-chieu with the sample workbook, in English: the averages against the workbook, its cells matched', () => {
  const r = run('doi-chieu', 'loi-van.docx', 'mau.xlsx', '--lang', 'en');
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('The text says 43, but Biểu 01');
  expect(r.stdout).toContain('Matched: 15 — Biểu 03');
  expect(r.stdout).toContain('Total: 5 errors, 0 warnings, 5 figures matched.');
  const json = JSON.parse(run('tie-out', 'loi-van.docx', 'mau.xlsx', '--json').stdout);
  expect(json.workbook).toEqual({ file: 'mau.xlsx', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
});

test('a report that ties out: exit 0, Vietnamese by default', () => {
  const r = run('tie-out', 'dung.docx');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Không có lỗi.');
  expect(r.stdout).toContain('Tổng cộng: 0 lỗi, 0 cảnh báo, 0 số liệu khớp.');
});

test('.doc, .odt, .pdf, a missing file, a workbook first: each its own message, exit 2', () => {
  const doc = run('tie-out', 'cu.doc');
  expect([doc.code, doc.stdout]).toEqual([2, '']);
  expect(doc.stderr).toContain('Word 97–2003 (.doc)');
  expect(run('tie-out', 'ban.odt').stderr).toContain('OpenDocument (.odt)');
  expect(run('tie-out', 'ban.pdf', '--lang', 'en').stderr).toContain('This is a PDF file');
  expect(run('tie-out', 'khong-co.docx').stderr).toContain('Không tìm thấy tệp.');
  expect(run('tie-out', 'mau.xlsx').stderr).toContain('không phải báo cáo Word');
  const wb = run('tie-out', 'bao-cao.docx', 'cu.doc');
  expect(wb.code).toBe(2);
  for (const r of [doc, run('tie-out', 'ban.pdf')]) expect(r.stderr.split('\n').filter((l) => l !== '')).toHaveLength(1);
});

test('usage: no file, three files, a bad --lang: exit 2; --help prints the command usage', () => {
  expect(run('tie-out').code).toBe(2);
  expect(run('tie-out', 'a.docx', 'b.xlsx', 'c.xlsx').code).toBe(2);
  expect(run('tie-out', 'bao-cao.docx', '--lang', 'fr').code).toBe(2);
  const help = run('doi-chieu', '--help');
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('bieumau tie-out REPORT.docx [WORKBOOK.xlsx]');
});
