/** @jest-environment jsdom */
/**
 * Tổng hợp tab, "Theo kỳ", on the in-memory Excel (through Microsoft's client library): the choice
 * "Cách tổng hợp" is a radio group; three Decree 09 monthly reports of one commune, chosen in the
 * pane, roll up into the third quarter as new sheets (a row per month, Tổng cộng the sums, Biểu 04
 * the last month's figures, the Nguồn sheet), with the covering period and the sources shown; a
 * missing month is refused with its dates and writes nothing.
 */
import { webcrypto } from 'crypto';
import { fireEvent, waitFor } from '@testing-library/react';
import { click, openTab, renderPane, screen, act } from '../support/taskpane-harness';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { periodRange } from '../../src/core/periods';
import { writeWorkbook } from '../../src/xlsx/writer';
import { unitFigures, unitPlans } from '../support/units-fixture';

const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 60000 };
const month = (m: number): { from: string; to: string } => periodRange({ kind: 'month', year: 2025, month: m });

/** The commune's report for one Decree 09 month (figures varied by the month). */
async function monthFile(m: number, unit = 'UBND XÃ A'): Promise<File> {
  const bytes = await writeWorkbook(unitPlans({ unit, seed: m, period: month(m) }));
  return new File([bytes as Uint8Array<ArrayBuffer>], `thang-${m}.xlsx`, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

async function choose(files: File[], read: string): Promise<void> {
  const input = screen.getByTestId('consolidate-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByText(read)).toBeTruthy(), LONG);
}

/** Per entry column of a template: the months' figures summed (flows) or the last month's (stocks). */
function expected(templateId: string, months: number[]): number[] {
  const t = TEMPLATES.find((x) => x.id === templateId);
  if (!t) throw new Error(templateId);
  const used = t.overTime === 'last' ? months.slice(-1) : months;
  return entryColumns(t).map((_, k) => used.reduce((a, m) => a + unitFigures(m)[templateId].reduce((b, row) => b + row[k], 0), 0));
}

test('Theo kỳ: three months roll up into the quarter as new sheets; the covering period and the sources are shown', async () => {
  const h = await renderPane();
  await openTab('Tổng hợp');
  const group = screen.getByRole('radiogroup', { name: 'Cách tổng hợp' });
  expect((screen.getByRole('radio', { name: 'Theo đơn vị' }) as HTMLInputElement).checked).toBe(true);
  expect(group.contains(screen.getByRole('radio', { name: 'Theo kỳ' }))).toBe(true);
  expect(screen.queryByTestId('consolidate-units')).not.toBeNull();

  await click(screen.getByRole('radio', { name: 'Theo kỳ' }));
  expect((screen.getByRole('radio', { name: 'Theo kỳ' }) as HTMLInputElement).checked).toBe(true);
  // the units list is not asked for
  expect(screen.queryByTestId('consolidate-units')).toBeNull();
  expect(screen.queryByRole('textbox', { name: /Danh sách đơn vị/ })).toBeNull();

  // given out of order: the roll-up sorts them by period
  await choose([await monthFile(9), await monthFile(7), await monthFile(8)], 'Đã đọc 3 tệp.');
  await click(screen.getByRole('button', { name: 'Lũy kế' }));
  await waitFor(() => expect(screen.getByTestId('rollup-done')).toBeTruthy(), LONG);

  expect(h.host.book.sheets.map((x) => x.name)).toEqual(['Sheet1', 'Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04', 'Biểu 04 (chi tiết)', 'Nguồn']);
  expect(screen.getByTestId('rollup-summary').textContent).toBe('Đã lũy kế 3 kỳ vào Biểu 01, Biểu 02, Biểu 03, Biểu 04, Biểu 04 (chi tiết), Nguồn.');
  const period = screen.getByTestId('rollup-period');
  expect(period.textContent).toBe('Kỳ lũy kế: từ ngày 15/6/2025 đến ngày 14/9/2025 (Quý III/2025, 92 ngày).');
  expect([period.dataset.from, period.dataset.to, period.dataset.days]).toEqual(['2025-06-15', '2025-09-14', '92']);
  const items = [...screen.getByTestId('rollup-sources').querySelectorAll('li')].map((li) => [li.dataset.file, li.dataset.included, li.textContent]);
  expect(items).toEqual([
    ['thang-7.xlsx', 'yes', 'Đã lũy kế: UBND XÃ A, 15/6/2025–14/7/2025 (thang-7.xlsx) — 0 lỗi, 0 cảnh báo'],
    ['thang-8.xlsx', 'yes', 'Đã lũy kế: UBND XÃ A, 15/7/2025–14/8/2025 (thang-8.xlsx) — 0 lỗi, 0 cảnh báo'],
    ['thang-9.xlsx', 'yes', 'Đã lũy kế: UBND XÃ A, 15/8/2025–14/9/2025 (thang-9.xlsx) — 0 lỗi, 0 cảnh báo'],
  ]);

  // Excel's totals: the months summed for Biểu 01–03, the last month for Biểu 04
  const read = await h.adapter.readTables();
  const b01 = read.tables.find((t) => t.templateId === 'b01');
  if (!b01) throw new Error('no rolled-up Biểu 01');
  expect(b01.rowLabels.map((c) => c.value)).toEqual(['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025']);
  for (const id of ['b01', 'b02', 'b03', 'b04']) {
    const t = read.tables.find((x) => x.templateId === id);
    const template = TEMPLATES.find((x) => x.id === id);
    if (!t || !template) throw new Error(id);
    expect(entryColumns(template).map((c) => t.totals?.[c.id]?.value)).toEqual(expected(id, [7, 8, 9]));
  }
  expect(h.host.valueAt('Nguồn', 'I6')).toMatch(/^[0-9a-f]{64}$/);
});

test('Theo kỳ: a missing month is refused with its dates; nothing is written', async () => {
  const h = await renderPane();
  await openTab('Tổng hợp');
  await click(screen.getByRole('radio', { name: 'Theo kỳ' }));
  await choose([await monthFile(7), await monthFile(9)], 'Đã đọc 2 tệp.');
  await click(screen.getByRole('button', { name: 'Lũy kế' }));
  const refusals = screen.getByTestId('rollup-refusals');
  expect([...refusals.querySelectorAll('[data-refusal]')].map((li) => [li.getAttribute('data-refusal'), li.textContent])).toEqual([
    ['gap', 'Các kỳ không liền nhau: thiếu từ 15/7/2025 đến 14/8/2025 (giữa thang-7.xlsx và thang-9.xlsx).'],
  ]);
  expect(refusals.textContent?.startsWith('Chưa lũy kế được:')).toBe(true);
  expect(screen.queryByTestId('rollup-done')).toBeNull();
  expect([...screen.getByTestId('rollup-sources').querySelectorAll('li')].map((li) => [li.dataset.included, li.textContent])).toEqual([
    ['no', 'Không lũy kế: UBND XÃ A, 15/6/2025–14/7/2025 (thang-7.xlsx) — 0 lỗi, 0 cảnh báo — thiếu từ 15/7/2025 đến 14/8/2025 sau tệp này'],
    ['no', 'Không lũy kế: UBND XÃ A, 15/8/2025–14/9/2025 (thang-9.xlsx) — 0 lỗi, 0 cảnh báo — thiếu từ 15/7/2025 đến 14/8/2025 trước tệp này'],
  ]);
  expect(h.host.book.sheets.map((x) => x.name)).toEqual(['Sheet1']);

  // back to Theo đơn vị: the units list is asked for again, the roll-up's result is gone
  await click(screen.getByRole('radio', { name: 'Theo đơn vị' }));
  expect(screen.queryByTestId('consolidate-units')).not.toBeNull();
  expect(screen.queryByTestId('rollup-result')).toBeNull();
  expect(screen.getByRole('button', { name: 'Tổng hợp' })).toBeTruthy();
});

test('English pane: the choice, the button and the covering period in English', async () => {
  const h = await renderPane({ language: 'en' });
  await openTab('Consolidate');
  expect(screen.getByRole('radiogroup', { name: 'How to add up' })).toBeTruthy();
  await click(screen.getByRole('radio', { name: 'By period' }));
  await choose([await monthFile(7), await monthFile(8)], '2 file(s) read.');
  await click(screen.getByRole('button', { name: 'Roll up' }));
  await waitFor(() => expect(screen.getByTestId('rollup-done')).toBeTruthy(), LONG);
  expect(screen.getByTestId('rollup-period').textContent).toBe('Covering period: from 15/6/2025 to 14/8/2025 (61 days).');
  expect(h.host.book.sheets.map((x) => x.name)).toContain('Nguồn');
});
