/** @jest-environment jsdom */
/**
 * So với các kỳ trước in the pane: earlier reports chosen in Kiểm tra are compared with the open
 * workbook on the next check (`history.outlier` warnings among the findings, marked in the sheet);
 * the line names the periods compared and the files skipped; "Bỏ các kỳ trước" forgets them.
 */
import { fireEvent } from '@testing-library/react';
import { WAIT, act, click, openTab, renderPane, screen, typeSample, waitFor, within, type Harness } from '../support/taskpane-harness';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import { writeWorkbook } from '../../src/xlsx/writer';

const UNIT = 'TỈNH ỦY LÂM ĐỒNG';

/** An earlier report of the unit (Biểu 01 and 02 with the sample figures), Quốc hội set to `assembly`. */
async function earlierFile(name: string, unit: string, from: string, to: string, assembly: number): Promise<File> {
  const plans = TEMPLATES.filter((t) => t.id === 'b01' || t.id === 'b02').map((t) => {
    const values = t.sample.map((row) => [...row]);
    if (t.id === 'b01') values[0][3] = assembly;
    return layout(t, { unit, reportNo: '40-BC/TU', reportDate: '2025-06-20', reportBy: 'Ban Thường vụ Tỉnh ủy', from, to, values });
  });
  const bytes = await writeWorkbook(plans);
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** The seed report (Biểu 01 and 02, 1/7–15/10/2025, 107 days), on the Kiểm tra tab. */
async function seedPane(language: 'vi' | 'en' = 'vi'): Promise<{ h: Harness; b01: Awaited<ReturnType<typeof typeSample>> }> {
  const h = await renderPane({
    language,
    setup: async ({ adapter }) => adapter.saveSettings({ unit: UNIT, reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' }),
  });
  const insert = language === 'vi' ? 'Chèn' : 'Insert';
  const name = (n: string): string => (language === 'vi' ? `Biểu ${n}` : `Table ${n}`);
  await click(screen.getByRole('button', { name: `${insert} ${name('01')}` }));
  await click(screen.getByRole('button', { name: `${insert} ${name('02')}` }));
  const b01 = await typeSample(h, 'b01');
  await typeSample(h, 'b02');
  await openTab(language === 'vi' ? 'Kiểm tra' : 'Check');
  return { h, b01 };
}

async function chooseEarlier(files: File[], done: string): Promise<void> {
  const input = screen.getByTestId('earlier-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getByTestId('pane-status').textContent).toBe(done), WAIT);
}

/** The earlier period: 1/3–15/6/2025, also 107 days, Quốc hội a tenth of today's 306. */
const EARLIER = { from: '2025-03-01', to: '2025-06-15', assembly: 31 };

function items(rule: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`li[data-rule="${rule}"]`)];
}

describe('So với các kỳ trước (pane, Kiểm tra)', () => {
  test('a tenfold figure gives exactly one history.outlier at its cell, marked in the sheet; other units are skipped with a note', async () => {
    const { h, b01 } = await seedPane();
    const cell = `${b01.sheet}!${b01.cells['central.assembly'][0]}`;
    // Without earlier files: no history warning.
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(items('history.outlier')).toHaveLength(0);
    const marksBefore = h.host.sheet(b01.sheet).conditionalFormats.length;

    await chooseEarlier(
      [await earlierFile('q2.xlsx', UNIT, EARLIER.from, EARLIER.to, EARLIER.assembly), await earlierFile('khac.xlsx', 'Sở Tư pháp', EARLIER.from, EARLIER.to, 306)],
      'Đã chọn 2 tệp kỳ trước.',
    );
    expect(screen.getByTestId('earlier-chosen').textContent).toBe('Đã chọn 2 tệp kỳ trước. Bấm Kiểm tra để so với các kỳ trước.');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));

    const found = items('history.outlier');
    expect(found).toHaveLength(1);
    expect(found[0].dataset.severity).toBe('warning');
    expect(within(found[0]).getAllByRole('button').map((b) => b.textContent)).toEqual([cell]);
    // 306 in 107 days = 2,9 a day against 31 in 107 days = 0,29 a day: 9,9 times.
    expect(found[0].textContent).toContain('2,9 văn bản/ngày');
    expect(found[0].textContent).toContain('0,29/ngày');
    // Marked in the sheet like the other findings: one more mark on Biểu 01.
    expect(h.host.sheet(b01.sheet).conditionalFormats.length).toBe(marksBefore + 1);
    expect(screen.getByTestId('earlier-chosen').textContent).toBe('Đã chọn 2 tệp kỳ trước. Đã so với: 01/3/2025–15/6/2025 (q2.xlsx).');
    const notes = screen.getByTestId('earlier-notes').textContent ?? '';
    expect(notes).toMatch(/^Bỏ qua khac\.xlsx: /);
    expect(notes).toContain('Sở Tư pháp');

    // Bỏ các kỳ trước: the next check has no history warning, and the mark goes.
    await click(screen.getByRole('button', { name: 'Bỏ các kỳ trước' }));
    expect(screen.queryByTestId('earlier-chosen')).toBeNull();
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(items('history.outlier')).toHaveLength(0);
    expect(h.host.sheet(b01.sheet).conditionalFormats.length).toBe(marksBefore);
  });

  test('in English, proportional earlier figures raise nothing and the line names the period compared', async () => {
    await seedPane('en');
    await chooseEarlier([await earlierFile('q2.xlsx', UNIT, EARLIER.from, EARLIER.to, 306)], '1 earlier file(s) chosen.');
    await click(screen.getByRole('button', { name: 'Check' }));
    expect(items('history.outlier')).toHaveLength(0);
    expect(screen.getByTestId('earlier-chosen').textContent).toBe('1 earlier file(s) chosen. Compared with: 01/3/2025–15/6/2025 (q2.xlsx).');
    expect(screen.queryByTestId('earlier-notes')).toBeNull();
  });

  test('an unreadable earlier file is a note, not a failure', async () => {
    await seedPane();
    await chooseEarlier([new File(['not a workbook'], 'hong.xlsx')], 'Đã chọn 1 tệp kỳ trước.');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(items('history.outlier')).toHaveLength(0);
    expect(screen.getByTestId('earlier-chosen').textContent).toBe('Đã chọn 1 tệp kỳ trước. Không có kỳ trước nào để so sánh.');
    expect(screen.getByTestId('earlier-notes').textContent).toMatch(/^Bỏ qua hong\.xlsx: Không đọc được/);
  });
});

describe('So với các kỳ trước (pane, Số liệu)', () => {
  function rowTexts(table: HTMLElement): string[][] {
    return [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => (c.textContent ?? '').trim()));
  }

  test('with earlier files chosen, each compared table shows its flagged figures; the toggle shows them all', async () => {
    const { b01 } = await seedPane();
    const cell = `${b01.sheet}!${b01.cells['central.assembly'][0]}`;
    // Without earlier files the tab has no comparison.
    await openTab('Số liệu');
    expect(screen.queryAllByTestId('history-table')).toHaveLength(0);
    expect(screen.queryByTestId('figures-compared')).toBeNull();

    await openTab('Kiểm tra');
    await chooseEarlier([await earlierFile('q2.xlsx', UNIT, EARLIER.from, EARLIER.to, EARLIER.assembly)], 'Đã chọn 1 tệp kỳ trước.');
    await openTab('Số liệu');
    expect(screen.getByTestId('figures-compared').textContent).toBe('Đã so với: 01/3/2025–15/6/2025 (q2.xlsx).');
    const tables = screen.getAllByTestId('history-table');
    expect(tables.map((t) => t.dataset.sheet)).toEqual(['Biểu 01', 'Biểu 02']);
    // Biểu 01: exactly the Quốc hội figure, 306 in 107 days against 31 in 107 days.
    const t01 = within(tables[0]).getByRole('table', { name: 'So với các kỳ trước: Biểu 01' });
    const rows = rowTexts(t01);
    expect(rows).toHaveLength(1);
    expect(rows[0][0]).toContain(cell);
    expect(rows[0].slice(1)).toEqual(['306 (2,9/ngày)', '31 (0,29/ngày)', 'gấp 9,9 lần Khác thường']);
    expect(t01.querySelector('tbody tr')?.getAttribute('data-flagged')).toBe('true');
    // Biểu 02: nothing stands out.
    expect(within(tables[1]).queryByRole('table')).toBeNull();
    expect(tables[1].textContent).toContain('Không có số liệu nào khác thường so với các kỳ trước.');

    // All figures: every entry cell of Biểu 01, the unchanged ones ×1,0 and not flagged.
    await click(screen.getByRole('switch', { name: 'Hiện mọi số liệu' }));
    const all = rowTexts(within(screen.getAllByTestId('history-table')[0]).getByRole('table'));
    expect(all).toHaveLength(11);
    expect(all.filter((r) => r[3].includes('Khác thường'))).toHaveLength(1);
    expect(all.find((r) => r[1].startsWith('752 '))?.slice(1)).toEqual(['752 (7/ngày)', '752 (7/ngày)', 'gấp 1,0 lần']);

    // The flagged figure's cell selects it in the sheet.
    await click(within(screen.getAllByTestId('history-table')[0]).getByRole('button', { name: cell }));
    expect(screen.getByTestId('pane-status').textContent).toBe(`Đã chọn ô ${cell}.`);
  });
});
