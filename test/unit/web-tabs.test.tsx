/** @jest-environment jsdom */
/**
 * The web page's three tabs in jsdom, as a clerk uses them (issue 18): Tạo biểu mẫu makes the
 * workbook `bieumau new` makes (read back from the download); Kiểm tra checks chosen files and says
 * what it found, file by file; Tổng hợp adds up the units' files and says who did not report, or why
 * it made nothing. The date fields are dd/mm/yyyy with a calendar driven from the keyboard (issue 19).
 */
import '../support/taskpane-polyfill';
import { webcrypto } from 'crypto';
import { act } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { writeWorkbook } from '../../src/xlsx/writer';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { resultsJson } from '../../src/core/check/check-json';
import { checkSource } from '../../src/xlsx/check-file';
import { unitPlans } from '../support/units-fixture';
import type { CellValue } from '../../src/core/tables/table-read';
import { excelSerialToIso } from '../../src/core/dates';
import { blobBytes } from '../support/blob';
import { captureDownloads } from '../support/downloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 60000 };

/** What the page offered to save. */
const downloads = captureDownloads();
afterEach(() => jest.restoreAllMocks());

async function openPage(): Promise<void> {
  await act(async () => {
    render(<WebApp />);
  });
}

async function choose(testId: string, files: File[]): Promise<void> {
  const input = await waitFor(() => screen.getByTestId(testId) as HTMLInputElement, LONG);
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

const xlsxFile = (bytes: Uint8Array, name: string): File => new File([bytes as Uint8Array<ArrayBuffer>], name);
const disabled = (el: HTMLElement): boolean => el.getAttribute('aria-disabled') === 'true';

/** A report-information cell read back: text as is, a date as ISO (a Date or an Excel serial). */
function infoValue(v: CellValue | undefined): unknown {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return excelSerialToIso(v);
  return v;
}

test('the tabs: Tạo biểu mẫu first; arrow keys move between them and show their panel', async () => {
  await openPage();
  const tabs = screen.getAllByRole('tab');
  expect(tabs.map((t) => [t.textContent, t.getAttribute('aria-selected')])).toEqual([
    ['Tạo biểu mẫu', 'true'],
    ['Kiểm tra', 'false'],
    ['Tổng hợp', 'false'],
    ['Đếm từ sổ văn bản', 'false'],
  ]);
  expect(screen.getByRole('tablist').getAttribute('aria-label')).toBe('Các chức năng');
  await act(async () => {
    fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
  });
  expect(screen.getByRole('tab', { name: 'Kiểm tra' }).getAttribute('aria-selected')).toBe('true');
  expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Kiểm tra' }));
  await waitFor(() => screen.getByRole('button', { name: 'Chọn tệp .xlsx' }), LONG);
  expect(screen.getByText('hoặc kéo thả tệp vào đây')).toBeTruthy();
  await act(async () => {
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
  });
  await waitFor(() => screen.getByRole('button', { name: 'Chọn sổ văn bản (.xlsx, .csv)' }), LONG);
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('web-tab-count');
  await act(async () => {
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
  });
  await waitFor(() => screen.getByRole('button', { name: 'Chọn các tệp .xlsx của đơn vị' }), LONG);
  expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('web-tab-consolidate');
});

test('Tạo biểu mẫu: the choices it checks, the calendar from the keyboard, and the workbook it downloads', async () => {
  await openPage();
  const create = screen.getByRole('button', { name: 'Tải về sổ tính' });
  expect(disabled(create)).toBe(false);
  // No table chosen: said so, and nothing to download.
  for (const name of ['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']) fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^${name}:`) }));
  expect(screen.getByRole('alert').textContent).toBe('Hãy chọn ít nhất một biểu.');
  expect(disabled(create)).toBe(true);
  for (const name of ['Biểu 01', 'Biểu 02']) fireEvent.click(screen.getByRole('checkbox', { name: new RegExp(`^${name}:`) }));
  expect(disabled(create)).toBe(false);

  fireEvent.change(screen.getByRole('textbox', { name: 'Đơn vị báo cáo' }), { target: { value: '  UBND TỈNH LÂM ĐỒNG '.normalize('NFD') } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Số báo cáo' }), { target: { value: '123/BC-UBND' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Loại kỳ' }), { target: { value: 'quarter' } });
  fireEvent.change(screen.getByRole('combobox', { name: 'Quý' }), { target: { value: '3' } });
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Năm' }), { target: { value: '2025' } });
  expect(screen.getByTestId('web-period-range').textContent).toBe('Quý III/2025: Từ ngày 15/6/2025 đến ngày 14/9/2025');

  // The report date: not a date is said so and blocks the download; then picked on the calendar.
  const reportDate = screen.getByRole('textbox', { name: 'Ngày báo cáo' }) as HTMLInputElement;
  expect(reportDate.placeholder).toBe('dd/mm/yyyy');
  fireEvent.change(reportDate, { target: { value: '31/9/2025' } });
  expect(screen.getByText('Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/10/2025.')).toBeTruthy();
  expect(disabled(create)).toBe(true);
  fireEvent.change(reportDate, { target: { value: '14/11/2025' } });
  expect(disabled(create)).toBe(false);
  const field = reportDate.closest('.fui-Field') as HTMLElement;
  await act(async () => {
    fireEvent.click(within(field).getByRole('button', { name: 'Mở lịch' }));
  });
  const calendar = await waitFor(() => screen.getByTestId('calendar'), LONG);
  expect(within(calendar).getByText('Tháng 11/2025')).toBeTruthy();
  // the keyboard is on the chosen day
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('14/11/2025'));
  const press = async (key: string): Promise<void> => {
    await act(async () => {
      fireEvent.keyDown(document.activeElement!, { key });
    });
  };
  await press('ArrowRight');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('15/11/2025');
  await press('PageDown');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('15/12/2025');
  expect(within(calendar).getByText('Tháng 12/2025')).toBeTruthy();
  await press('ArrowUp');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('08/12/2025');
  await press('End');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('14/12/2025');
  await press('Home');
  expect(document.activeElement?.getAttribute('aria-label')).toBe('08/12/2025');
  await press('ArrowDown');
  // Enter on the focused day is the button's click
  await act(async () => {
    fireEvent.click(document.activeElement!);
  });
  expect(reportDate.value).toBe('15/12/2025');
  expect(screen.queryByTestId('calendar')).toBeNull();
  expect(document.activeElement).toBe(reportDate);

  fireEvent.change(screen.getByRole('spinbutton', { name: /Số dòng số liệu/ }), { target: { value: '0' } });
  expect(screen.getByText('Số dòng phải là số nguyên từ 1 đến 10000.')).toBeTruthy();
  expect(disabled(create)).toBe(true);
  fireEvent.change(screen.getByRole('spinbutton', { name: /Số dòng số liệu/ }), { target: { value: '3' } });

  await act(async () => {
    fireEvent.click(create);
  });
  await waitFor(() => expect(screen.getByTestId('web-status').textContent).toBe('Đã tạo bieu-mau-2025-06-15-2025-09-14.xlsx.'), LONG);
  expect(downloads.map((d) => d.name)).toEqual(['bieu-mau-2025-06-15-2025-09-14.xlsx']);
  const read = await readWorkbook(await blobBytes(downloads[0].blob));
  expect(read.tables.map((t) => [t.sheet, t.templateId, t.rowLabels.length])).toEqual([
    ['Biểu 01', 'b01', 3],
    ['Biểu 02', 'b02', 3],
  ]);
  // the typed text as the command line takes it: trimmed, NFC
  const info = read.tables[0].info;
  expect((['unit', 'reportNo', 'reportDate', 'from', 'to'] as const).map((k) => infoValue(info[k]?.value))).toEqual(['UBND TỈNH LÂM ĐỒNG', '123/BC-UBND', '2025-12-15', '2025-06-15', '2025-09-14']);
}, 120000);

test('Kiểm tra: each file with its summary and findings; the unreadable one said so; the JSON is bieumau check --json', async () => {
  const sample = new Uint8Array(await buildWorkbook(parseNewArgs(['x.xlsx', '--sample'])));
  await openPage();
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Kiểm tra' }));
  });
  await choose('file-input', [xlsxFile(sample, 'mau.xlsx'), xlsxFile(new TextEncoder().encode('không phải sổ tính'), 'hong.xlsx')]);
  const summary = await waitFor(() => screen.getByTestId('web-check-summary'), LONG);
  expect(summary.textContent).toBe('Đã kiểm tra 2 tệp: 0 tệp không có lỗi, 1 tệp có lỗi, 1 tệp không đọc được; tổng cộng 1 lỗi, 0 cảnh báo.');
  expect(screen.getByTestId('web-status').textContent).toBe(summary.textContent);

  const good = document.querySelector<HTMLElement>('section[data-file="mau.xlsx"]')!;
  expect(good.dataset.state).toBe('errors');
  expect(within(good).getByTestId('file-summary').textContent).toBe('Chưa sẵn sàng gửiCòn 1 lỗi và 0 cảnh báo.');
  const council = good.querySelector<HTMLElement>('li[data-rule="cross.council"]')!;
  expect(within(council).getByTestId('finding-cells').textContent).toBe('Ô: Biểu 02!M8, Biểu 01!J8');
  expect([...within(council).getByTestId('finding-values').querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['732', '752', '-20']);
  // grouped under the table of the finding's first cell
  expect(council.closest('section[data-sheet]')?.getAttribute('data-sheet')).toBe('Biểu 02');

  const bad = document.querySelector<HTMLElement>('section[data-file="hong.xlsx"]')!;
  expect(bad.dataset.state).toBe('unreadable');
  expect(bad.textContent).toContain('Không đọc được');

  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tải kết quả (JSON)' }));
  });
  const json = new TextDecoder().decode(await blobBytes(downloads[0].blob));
  const bytesOf = (b: Uint8Array) => async () => b;
  const expected = resultsJson([
    await checkSource({ name: 'mau.xlsx', bytes: bytesOf(sample) }),
    await checkSource({ name: 'hong.xlsx', bytes: bytesOf(new TextEncoder().encode('không phải sổ tính')) }),
  ]);
  expect(JSON.parse(json).files[1].error).toEqual({ vi: 'Không phải tệp .xlsx.', en: 'Not an .xlsx file.' });
  expect(json).toBe(`${expected}\n`);
}, 120000);

test('Tổng hợp: who did not report, what was included, the workbook downloaded; a file with errors refused', async () => {
  await openPage();
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Tổng hợp' }));
  });
  const units = await Promise.all(['Xã 1', 'Xã 2'].map(async (unit, i) => xlsxFile(await writeWorkbook(unitPlans({ unit, seed: i + 1 })), `${unit}.xlsx`)));
  await choose('sources-input', units);
  expect(screen.getByTestId('sources-chosen').textContent).toBe('Đã chọn 2 tệp.');
  fireEvent.change(screen.getByRole('textbox', { name: /Danh sách đơn vị phải nộp/ }), { target: { value: 'Xã 1\nXã 2\nXã 3\n' } });
  fireEvent.change(within(screen.getByRole('group', { name: 'Thông tin của báo cáo tổng hợp (không bắt buộc)' })).getByRole('textbox', { name: 'Ngày báo cáo' }), {
    target: { value: '20/10/2025' },
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tổng hợp và tải về' }));
  });
  const text = await waitFor(() => screen.getByTestId('consolidate-summary'), LONG);
  expect(text.textContent).toBe('Đã tổng hợp 2/2 tệp vào tong-hop-2025-07-01-2025-09-30.xlsx. Chưa nộp: 1/3 (Xã 3).');
  expect([...screen.getByTestId('consolidate-sources').querySelectorAll('li')].map((li) => [li.dataset.file, li.dataset.included])).toEqual([
    ['Xã 1.xlsx', 'yes'],
    ['Xã 2.xlsx', 'yes'],
  ]);
  expect(downloads.map((d) => d.name)).toEqual(['tong-hop-2025-07-01-2025-09-30.xlsx']);
  const read = await readWorkbook(await blobBytes(downloads[0].blob));
  expect(infoValue(read.tables[0].info.reportDate?.value)).toBe('2025-10-20');
  expect(read.tables[0].rowLabels.map((c) => c.value)).toEqual(['Xã 1', 'Xã 2', 'Xã 3 (chưa nộp)']);

  // A unit's file with an error is not summed unless asked: nothing is made, and why is said.
  const withError = unitPlans({ unit: 'Xã 3', seed: 3 });
  const b01 = withError.find((p) => p.templateId === 'b01')!;
  const entry = b01.cells.findIndex((row) => row.some((c) => c && typeof c.value === 'number'));
  const col = b01.cells[entry].findIndex((c) => c && typeof c.value === 'number');
  b01.cells[entry][col] = { ...b01.cells[entry][col], value: -5 };
  await choose('sources-input', [...units, xlsxFile(await writeWorkbook(withError), 'Xã 3.xlsx')]);
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: 'Tổng hợp và tải về' }));
  });
  await waitFor(() => expect(document.querySelector('[data-testid="consolidate-result"][data-written="no"]')).toBeTruthy(), LONG);
  expect([...document.querySelectorAll('[data-refusal]')].map((el) => el.getAttribute('data-refusal'))).toEqual(['errors']);
  expect(screen.getByTestId('consolidate-refusals').textContent).toMatch(/^Chưa tổng hợp được:.*Xã 3\.xlsx/);
  expect(document.querySelector('li[data-file="Xã 3.xlsx"]')?.getAttribute('data-included')).toBe('no');
  expect(downloads).toHaveLength(1);
}, 120000);
