/** @jest-environment jsdom */
/**
 * Tổng hợp tab on the in-memory Excel (through Microsoft's client library): files chosen in the
 * pane are read there, listed with unit, period and check result; with a pasted units list,
 * `Tổng hợp` writes the tables, the detail sheet and the Sources sheet as new sheets — never over
 * existing ones — and the totals Excel computes are the sums of the files. Refusals write nothing.
 */
import { webcrypto } from 'crypto';
import { fireEvent, waitFor } from '@testing-library/react';
import { click, openTab, renderPane, screen, act } from '../support/taskpane-harness';
import { writeWorkbook } from '../../src/xlsx/writer';
import { validateWorkbook } from '../../src/core/check/validate';
import { unitFigures, unitPlans } from '../support/units-fixture';

const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 60000 };

async function unitFile(unit: string, seed: number, name = `${unit}.xlsx`): Promise<File> {
  const bytes = await writeWorkbook(unitPlans({ unit, seed }));
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function choose(files: File[]): Promise<void> {
  const input = screen.getByTestId('consolidate-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByText(`Đã đọc ${files.length} tệp.`)).toBeTruthy(), LONG);
}

test('chosen files are listed with unit, period and check result; Tổng hợp writes new sheets with the sums', async () => {
  const h = await renderPane({ setup: async ({ adapter }) => void (await adapter.insertTemplate((await import('../../src/core/forms/layout')).layout((await import('../../src/core/forms/builtin')).TEMPLATES[0], {}))) });
  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Biểu 01']);
  await openTab('Tổng hợp');
  await choose([await unitFile('Xã 1', 1), await unitFile('Xã 2', 2)]);
  await choose([await unitFile('Xã 3', 3), new File([new TextEncoder().encode('not a workbook')], 'hong.xlsx')]);

  const items = [...screen.getByTestId('consolidate-sources').querySelectorAll('li')].map((li) => li.textContent);
  expect(items).toEqual([
    'Xã 1Xã 1.xlsx · 01/7/2025 – 30/9/2025Không có lỗi',
    'Xã 2Xã 2.xlsx · 01/7/2025 – 30/9/2025Không có lỗi',
    'Xã 3Xã 3.xlsx · 01/7/2025 – 30/9/2025Không có lỗi',
    'honghong.xlsxKhông đọc được: Không phải tệp .xlsx.',
  ]);

  // an unreadable file stops it unless errors are allowed
  await click(screen.getByRole('button', { name: 'Tổng hợp' }));
  expect(screen.getByTestId('consolidate-problems').textContent).toContain('hong.xlsx');
  expect(h.host.book.sheets).toHaveLength(2);

  fireEvent.change(screen.getByTestId('consolidate-units').querySelector('textarea') ?? screen.getByTestId('consolidate-units'), {
    target: { value: 'Xã 1\tNhóm A\nXã 2\tNhóm A\nXã 3\tNhóm B\nXã 4\tNhóm B\n' },
  });
  await click(screen.getByRole('checkbox', { name: /Vẫn tổng hợp khi có tệp lỗi/ }));
  await click(screen.getByRole('button', { name: 'Tổng hợp' }));
  await waitFor(() => expect(screen.getByTestId('consolidate-done')).toBeTruthy(), LONG);

  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Biểu 01', 'Biểu 01 (2)', 'Biểu 02', 'Biểu 03', 'Biểu 04', 'Biểu 04 (chi tiết)', 'Nguồn']);
  const done = screen.getByTestId('consolidate-done').textContent ?? '';
  expect(done).toContain('Đã tổng hợp 3 tệp vào Biểu 01 (2), Biểu 02, Biểu 03, Biểu 04, Biểu 04 (chi tiết), Nguồn.');
  expect(done).toContain('Chưa nộp: 1/4 (Xã 4).');
  // The pane and the web page show the outcome alike (src/ui ConsolidationSummary): every source with what became of it.
  expect(done).toContain('Không tổng hợp: hong (hong.xlsx) — Không phải tệp .xlsx.');
  expect(done).toContain('Đã tổng hợp: Xã 1 (Xã 1.xlsx) — 0 lỗi, 0 cảnh báo');

  const read = await h.adapter.readTables();
  const b01 = read.tables.find((t) => t.sheet === 'Biểu 01 (2)');
  if (!b01) throw new Error('no consolidated Biểu 01');
  expect(b01.rowLabels.map((c) => c.value)).toEqual(['Nhóm A', 'Xã 1', 'Xã 2', 'Cộng Nhóm A', 'Nhóm B', 'Xã 3', 'Xã 4 (chưa nộp)', 'Cộng Nhóm B']);
  const sum = (k: number): number => [1, 2, 3].reduce((a, s) => a + unitFigures(s).b01[0][k], 0);
  expect(b01.totals?.['local.council'].value).toBe(sum(7));
  expect(b01.columns['local.council'][3].value).toBe(unitFigures(1).b01[0][7] + unitFigures(2).b01[0][7]);
  const b04 = read.tables.find((t) => t.templateId === 'b04');
  expect(b04?.totals?.published.value).toBe([1, 2, 3].reduce((a, s) => a + unitFigures(s).b04[0][0] + unitFigures(s).b04[1][0], 0));
  const consolidated = { tables: read.tables.filter((t) => t.sheet !== 'Biểu 01') };
  expect(validateWorkbook(consolidated, { today: new Date('2026-01-15T12:00:00Z') }).filter((f) => f.severity === 'error')).toEqual([]);
  expect(h.host.valueAt('Nguồn', 'I6')).toMatch(/^[0-9a-f]{64}$/);
  expect(h.host.valueAt('Nguồn', 'J9')).toBe('Không');
});

test('the same unit in two files is refused, naming both; nothing is written', async () => {
  const h = await renderPane();
  await openTab('Tổng hợp');
  await choose([await unitFile('Xã 1', 1, 'a.xlsx'), await unitFile(' XÃ 1 ', 2, 'b.xlsx')]);
  await click(screen.getByRole('button', { name: 'Tổng hợp' }));
  expect(screen.getByTestId('consolidate-problems').textContent).toBe('Chưa tổng hợp được:Đơn vị "Xã 1" có trong nhiều tệp: a.xlsx, b.xlsx.');
  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
});

test('a units list that is not valid is named with its line; English pane', async () => {
  await renderPane({ language: 'en' });
  await openTab('Consolidate');
  await choose2En([await unitFile('Xã 1', 1)]);
  fireEvent.change(screen.getByTestId('consolidate-units').querySelector('textarea') ?? screen.getByTestId('consolidate-units'), { target: { value: 'Xã 1\nxã 1\n' } });
  await click(screen.getByRole('button', { name: 'Consolidate' }));
  expect(screen.getByTestId('consolidate-problems').textContent).toBe('Not consolidated:The units list is not valid: line 2: unit "xã 1" is already listed on line 1');
});

async function choose2En(files: File[]): Promise<void> {
  const input = screen.getByTestId('consolidate-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByText(`${files.length} file(s) read.`)).toBeTruthy(), LONG);
}
