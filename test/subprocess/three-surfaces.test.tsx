/** @jest-environment jsdom */
/**
 * Issue 18: one workbook, three surfaces, one list. The same report (Biểu 01 and 02 of the sample,
 * with findings of both severities planted in both tables) is checked by `bieumau check --json` (the
 * built command's document), by the pane (its Kiểm tra tab on the in-memory Excel, the workbook typed
 * in as a clerk would) and by the web page (its Kiểm tra tab reading the .xlsx in jsdom): each lists
 * the same findings in the same order. And the files none of them takes in (issue 26): a corrupt
 * file, one that cannot be read, a 3 GB one, an `.ods` (and, on the command line, a folder) are refused
 * with one text on the three surfaces, the large one by its size before anything reads it.
 */
import { webcrypto } from 'crypto';
import { execFileSync } from 'child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { act, click, idle, openTab, renderPane, screen, typeSample } from '../support/taskpane-harness';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { editXlsx } from '../support/edit-xlsx';
import { WebApp } from '../../src/web/WebApp';
import { strToU8, zipSync } from 'fflate';

const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 60000 };
const CLI = resolve(__dirname, '..', '..', 'bin', 'bieumau.js');
const REPORT = { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' };

/** What is planted, by table and column id (first data row): a number typed as text, a blank, a negative. */
const PLANTED = { textNumber: ['b01', 'central.ministries', '1.292'], blank: ['b02', 'committee.notice', null], negative: ['b01', 'central.committee', -5] } as const;

type Row = [rule: string, severity: string, cells: string];

function listed(root: ParentNode): Row[] {
  return [...root.querySelectorAll<HTMLElement>('li[data-rule]')].map((li) => [li.dataset.rule ?? '', li.dataset.severity ?? '', li.dataset.cells ?? '']);
}

let cliRows: Row[];
let xlsx: Buffer;

beforeAll(async () => {
  // The report as `bieumau new` writes it, then edited as a clerk would in Excel.
  const sample = await buildWorkbook(
    parseNewArgs(['x.xlsx', '--templates', '01,02', '--sample', '--unit', REPORT.unit, '--report', REPORT.reportNo, '--report-date', REPORT.reportDate, '--report-by', REPORT.reportBy, '--from', REPORT.from, '--to', REPORT.to]),
  );
  const { readWorkbook } = await import('../../src/xlsx/read-workbook');
  const read = await readWorkbook(new Uint8Array(sample));
  const at = (templateId: string, column: string): { sheet: string; address: string } => {
    const t = read.tables.find((x) => x.templateId === templateId)!;
    return { sheet: t.sheet, address: t.columns[column][0].address };
  };
  xlsx = await editXlsx(Buffer.from(sample), (wb) => {
    for (const [templateId, column, value] of Object.values(PLANTED)) {
      const c = at(templateId, column);
      wb.getWorksheet(c.sheet)!.getCell(c.address).value = value;
    }
  });
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-three-'));
  writeFileSync(join(dir, 'report.xlsx'), xlsx);
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '--json', join(dir, 'report.xlsx')], { encoding: 'utf8' });
  } catch (e) {
    // exit 1: the report has errors; the document is on stdout all the same
    out = (e as { stdout: string }).stdout;
  }
  const doc = JSON.parse(out) as { files: { findings: { rule: string; severity: string; cells: { sheet: string; address: string }[] }[] }[] };
  cliRows = doc.files[0].findings.map((f) => [f.rule, f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`).join(' ')]);
}, 120000);

test('the report has findings of both severities in both tables', () => {
  expect(new Set(cliRows.map((r) => r[1]))).toEqual(new Set(['error', 'warning']));
  expect(new Set(cliRows.map((r) => r[2].split('!')[0]))).toEqual(new Set(['Biểu 01', 'Biểu 02']));
  expect(cliRows.map((r) => r[0])).toEqual(expect.arrayContaining(['cross.council', 'entry.text-number', 'entry.negative', 'entry.blank']));
});

test('the pane lists the findings of bieumau check --json, in the same order', async () => {
  const h = await renderPane({ setup: async ({ adapter }) => adapter.saveSettings(REPORT) });
  await idle();
  await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
  await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
  const where = { b01: await typeSample(h, 'b01'), b02: await typeSample(h, 'b02') };
  for (const [templateId, column, value] of Object.values(PLANTED)) {
    const w = where[templateId];
    h.host.type(w.sheet, w.cells[column][0], value, typeof value === 'string');
  }
  await openTab('Kiểm tra');
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  await waitFor(() => expect(screen.getByTestId('check-summary')).toBeTruthy(), LONG);
  expect(listed(document)).toEqual(cliRows);
});

test('the web page lists the findings of bieumau check --json, in the same order', async () => {
  await act(async () => {
    render(<WebApp />);
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  });
  const input = await waitFor(() => screen.getByTestId('file-input') as HTMLInputElement, LONG);
  Object.defineProperty(input, 'files', { value: [new File([new Uint8Array(xlsx)], 'report.xlsx')], configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByTestId('web-check-summary')).toBeTruthy(), LONG);
  expect(listed(document.querySelector('section[data-file="report.xlsx"]')!)).toEqual(cliRows);
});

// ---------------------------------------------------------------------------------------------
// Refusals: one text on the three surfaces

const GB = 1024 * 1024 * 1024;
const NOT_A_WORKBOOK = new TextEncoder().encode('không phải sổ tính');
const ODS = zipSync({
  mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
  'content.xml': [strToU8('<office:document-content><office:body><office:spreadsheet/></office:body></office:document-content>'), { level: 6 }],
});

type Words = { vi: string; en: string };

/** What `bieumau check --json` says of each refused file, by the name the screens are given. */
let cliRefusals: Map<string, Words>;
let cliFolder: Words;

/** The files a screen is given: the same bytes; the large one only claims its size, and reading it is a spy. */
function screenFiles(): { files: File[]; reads: jest.Mock[] } {
  const big = new File([], 'lon.xlsx');
  const bigRead = jest.fn(async () => new ArrayBuffer(0));
  Object.defineProperty(big, 'size', { value: 3 * GB });
  Object.defineProperty(big, 'arrayBuffer', { value: bigRead });
  // A file the browser cannot hand over (moved or locked after it was chosen; a folder dropped).
  const locked = new File([new Uint8Array(10)], 'khoa.xlsx');
  Object.defineProperty(locked, 'arrayBuffer', { value: () => Promise.reject(new DOMException('The file could not be read.', 'NotReadableError')) });
  return { files: [new File([NOT_A_WORKBOOK], 'hong.xlsx'), locked, big, new File([ODS], 'lo.ods')], reads: [bigRead] };
}

beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'bieumau-refused-'));
  writeFileSync(join(dir, 'hong.xlsx'), NOT_A_WORKBOOK);
  writeFileSync(join(dir, 'lo.ods'), ODS);
  // 3 GB that takes no room: the command looks at its size, never at its bytes.
  closeSync(openSync(join(dir, 'lon.xlsx'), 'w'));
  truncateSync(join(dir, 'lon.xlsx'), 3 * GB);
  mkdirSync(join(dir, 'thu-muc.xlsx'));
  // Linux: stat answers, reading fails (EIO) — a file that is there but cannot be read, as for root no permission bit can make one.
  const paths: [string, string][] = [
    ['hong.xlsx', join(dir, 'hong.xlsx')],
    ['khoa.xlsx', '/proc/self/mem'],
    ['lon.xlsx', join(dir, 'lon.xlsx')],
    ['lo.ods', join(dir, 'lo.ods')],
    ['thu-muc.xlsx', join(dir, 'thu-muc.xlsx')],
  ];
  let out: string;
  try {
    out = execFileSync(process.execPath, [CLI, 'check', '--json', ...paths.map((p) => p[1])], { encoding: 'utf8' });
    throw new Error('bieumau check took the refused files in');
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const files = (JSON.parse(out) as { files: { error: Words }[] }).files;
  cliRefusals = new Map(paths.map(([name], i) => [name, files[i].error]));
  cliFolder = cliRefusals.get('thu-muc.xlsx')!;
  cliRefusals.delete('thu-muc.xlsx');
}, 120000);

test('the command line refuses each with the catalogue’s words', () => {
  expect(Object.fromEntries(cliRefusals)).toEqual({
    'hong.xlsx': { vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' },
    'khoa.xlsx': { vi: 'Không đọc được tệp (không có quyền đọc?).', en: 'The file cannot be read (no permission?).' },
    'lon.xlsx': {
      vi: 'Tệp lớn 3.072 MB, quá giới hạn 32 MB cho một sổ biểu mẫu .xlsx; tệp không được mở.',
      en: 'The file is 3,072 MB, beyond the limit of 32 MB for a workbook of these tables; the file was not opened.',
    },
    'lo.ods': expect.objectContaining({ vi: expect.stringMatching(/^Đây là tệp OpenDocument \(\.ods\)/) }),
  });
  expect(cliFolder).toEqual({ vi: 'Đây là một thư mục, không phải tệp .xlsx.', en: 'This is a folder, not an .xlsx file.' });
});

test('the pane (Tổng hợp) refuses the same files with the same words, the large one unread', async () => {
  await renderPane();
  await openTab('Tổng hợp');
  const { files, reads } = screenFiles();
  const input = screen.getByTestId('consolidate-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByText(`Đã đọc ${files.length} tệp.`)).toBeTruthy(), LONG);
  for (const [name, words] of cliRefusals) {
    const li = document.querySelector<HTMLElement>(`[data-testid="consolidate-sources"] li[data-file="${name}"]`)!;
    expect(li.lastElementChild?.textContent).toBe(`Không đọc được: ${words.vi}`);
  }
  expect(reads[0]).not.toHaveBeenCalled();
}, 120000);

test('the web page (Kiểm tra) refuses the same files with the same words, the large one unread', async () => {
  await act(async () => {
    render(<WebApp />);
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  });
  const input = await waitFor(() => screen.getByTestId('file-input') as HTMLInputElement, LONG);
  const { files, reads } = screenFiles();
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByTestId('web-check-summary')).toBeTruthy(), LONG);
  for (const [name, words] of cliRefusals) {
    const section = document.querySelector<HTMLElement>(`section[data-file="${name}"]`)!;
    expect(section.dataset.state).toBe('unreadable');
    expect(section.lastElementChild?.textContent).toBe(words.vi);
  }
  expect(reads[0]).not.toHaveBeenCalled();
}, 120000);
