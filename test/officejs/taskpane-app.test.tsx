/** @jest-environment jsdom */
import { fireEvent } from '@testing-library/react';
import { click, openTab, renderPane, screen, typeSample, within } from '../support/taskpane-harness';
import type { ReportInfo, WorkbookAdapter } from '../../src/excel/types';

/** The texts of the elements that describe a control (aria-describedby), in order. */
function descriptions(el: HTMLElement): string[] {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => {
    const d = document.getElementById(id);
    if (!d) throw new Error(`aria-describedby names a missing element: ${id}`);
    return d.textContent ?? '';
  });
}

const SAVED: ReportInfo = { unit: 'UBND XÃ A', reportNo: '12/BC-UBND', reportDate: '2025-06-20', reportBy: 'Chủ tịch UBND xã', from: '2024-12-15', to: '2025-06-14' };
const textbox = (name: string): HTMLInputElement => screen.getByRole('textbox', { name }) as HTMLInputElement;

describe('Bảng biểu (tables)', () => {
  test('one card per standard table with a button named "Chèn Biểu 0n"', async () => {
    await renderPane();
    for (const n of ['01', '02', '03', '04']) expect(screen.getByRole('button', { name: `Chèn Biểu ${n}` })).toBeTruthy();
    for (const name of ['Bảng biểu', 'Thiết lập báo cáo', 'Kiểm tra', 'Số liệu', 'Tổng hợp']) expect(screen.getByRole('tab', { name })).toBeTruthy();
    expect(screen.getAllByRole('tab')).toHaveLength(5);
    expect(screen.getByText(/Hội đồng nhân dân: Nghị quyết · Báo cáo · Văn bản khác/)).toBeTruthy();
  });

  test('inserting puts the table on a new sheet, activates it, and shows the sheet name; a second one gets a free name', async () => {
    const h = await renderPane();
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Biểu 01']);
    expect(h.host.book.sheetById(h.host.book.activeSheetId!)!.name).toBe('Biểu 01');
    expect(screen.getByTestId('inserted-b01').textContent).toBe('Trang tính: Biểu 01');
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã chèn Biểu 01 vào trang tính “Biểu 01”.');
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Biểu 01', 'Biểu 01 (2)']);
    expect(screen.getByTestId('inserted-b01').textContent).toBe('Trang tính: Biểu 01, Biểu 01 (2)');
  });

  test('the heading of an inserted table carries the saved report settings', async () => {
    const h = await renderPane({
      setup: async ({ adapter }) =>
        adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' }),
    });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 03' }));
    expect(h.host.valueAt('Biểu 03', 'A1')).toBe('TỈNH ỦY LÂM ĐỒNG');
    expect(h.host.valueAt('Biểu 03', 'A3')).toBe('(Kèm theo Báo cáo số 52-BC/TU ngày 14/11/2025 của Ban Thường vụ Tỉnh ủy)');
  });
});

describe('language', () => {
  test('English strings with an English Office', async () => {
    await renderPane({ language: 'en' });
    expect(screen.getByRole('button', { name: 'Insert Table 02' })).toBeTruthy();
    for (const name of ['Tables', 'Report settings', 'Check', 'Figures', 'Consolidate']) expect(screen.getByRole('tab', { name })).toBeTruthy();
  });

  test('the in-pane switch changes the language of the whole pane and back', async () => {
    await renderPane({ withSwitch: true });
    await click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Insert Table 01' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Statistics report tables');
    await click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('button', { name: 'Chèn Biểu 01' })).toBeTruthy();
  });
});

describe('Thiết lập báo cáo (report settings)', () => {
  test('quick pick of a quarter, saved in the workbook, updates the heading of every inserted table', async () => {
    const h = await renderPane();
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
    await openTab('Thiết lập báo cáo');
    // Default period for 14/11/2025: the month that closed last, October (15/9–14/10).
    expect(screen.getByTestId('period-range').textContent).toBe('Tháng 10/2025: Từ ngày 15/9/2025 đến ngày 14/10/2025');
    fireEvent.change(screen.getByRole('textbox', { name: 'Đơn vị báo cáo' }), { target: { value: 'TỈNH ỦY LÂM ĐỒNG' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Số báo cáo' }), { target: { value: '52-BC/TU' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Loại kỳ' }), { target: { value: 'quarter' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Quý' }), { target: { value: '4' } });
    expect(screen.getByTestId('period-range').textContent).toBe('Quý IV/2025: Từ ngày 15/9/2025 đến ngày 14/12/2025');
    await click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(screen.queryByTestId('pane-error')?.textContent).toBeUndefined();
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã lưu. Đã cập nhật tiêu đề của 2 biểu.');
    expect(h.settings.saves).toBe(1);
    for (const sheet of ['Biểu 01', 'Biểu 02']) {
      expect(h.host.valueAt(sheet, 'A1')).toBe('TỈNH ỦY LÂM ĐỒNG');
      expect(h.host.valueAt(sheet, 'A4')).toBe('Từ ngày 15/9/2025 đến 14/12/2025');
    }
  });

  test('a custom range that ends before it starts cannot be saved', async () => {
    const h = await renderPane();
    await openTab('Thiết lập báo cáo');
    fireEvent.change(screen.getByRole('combobox', { name: 'Loại kỳ' }), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('Từ ngày'), { target: { value: '2025-10-16' } });
    fireEvent.change(screen.getByLabelText('Đến ngày'), { target: { value: '2025-10-15' } });
    expect(screen.getByText('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(h.settings.saves).toBe(0);
  });

  test('saved settings are loaded at start and shown again, a standard period recognised', async () => {
    await renderPane({
      setup: async ({ adapter }) => adapter.saveSettings({ unit: 'UBND XÃ A', reportNo: '12/BC-UBND', reportDate: '', reportBy: '', from: '2024-12-15', to: '2025-06-14' }),
    });
    await openTab('Thiết lập báo cáo');
    expect((screen.getByRole('textbox', { name: 'Đơn vị báo cáo' }) as HTMLInputElement).value).toBe('UBND XÃ A');
    expect(screen.getByTestId('period-range').textContent).toBe('6 tháng đầu năm 2025: Từ ngày 15/12/2024 đến ngày 14/6/2025');
  });

  // Issue 19: the date fields themselves read and write dd/mm/yyyy, whatever the browser's language
  // (they were native date inputs, mm/dd/yyyy in an English browser, with the date written under them).
  test('the date fields show and take dd/mm/yyyy; a text that is no date is said so and not saved', async () => {
    await renderPane();
    await openTab('Thiết lập báo cáo');
    const reportDate = screen.getByLabelText('Ngày báo cáo') as HTMLInputElement;
    expect(reportDate.type).toBe('text');
    expect(reportDate.placeholder).toBe('dd/mm/yyyy');
    expect(reportDate.value).toBe('');
    // 4 March, which an English Windows would show as 03/04/2025.
    fireEvent.change(reportDate, { target: { value: '4/3/2025' } });
    fireEvent.blur(reportDate);
    expect(reportDate.value).toBe('04/03/2025');
    expect(descriptions(reportDate)).toEqual([]);
    fireEvent.change(reportDate, { target: { value: '31/02/2025' } });
    expect(descriptions(reportDate)).toEqual(['Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/10/2025.']);
    expect(screen.getByRole('button', { name: 'Lưu thiết lập' }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(reportDate, { target: { value: '' } });
    expect(descriptions(reportDate)).toEqual([]);
    expect(screen.getByRole('button', { name: 'Lưu thiết lập' }).getAttribute('aria-disabled')).not.toBe('true');

    fireEvent.change(screen.getByRole('combobox', { name: 'Loại kỳ' }), { target: { value: 'custom' } });
    const from = screen.getByLabelText('Từ ngày') as HTMLInputElement;
    const to = screen.getByLabelText('Đến ngày') as HTMLInputElement;
    // The custom range starts as the default period's (October 2025: 15/9–14/10).
    expect([from.value, to.value]).toEqual(['15/09/2025', '14/10/2025']);
    fireEvent.change(from, { target: { value: '01/07/2025' } });
    fireEvent.change(to, { target: { value: '05/02/2025' } });
    // With a problem, the start date is described by the problem.
    expect(descriptions(from)).toEqual(['Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.']);
    fireEvent.change(to, { target: { value: '15/10/2025' } });
    expect(descriptions(from)).toEqual([]);
    expect(screen.getByTestId('period-range').textContent).toBe('Từ ngày 01/7/2025 đến ngày 15/10/2025');
  });

  test('in English too the date field is day/month/year', async () => {
    await renderPane({ language: 'en' });
    await openTab('Report settings');
    const reportDate = screen.getByLabelText('Report date') as HTMLInputElement;
    expect(reportDate.placeholder).toBe('dd/mm/yyyy');
    fireEvent.change(reportDate, { target: { value: '2025-03-04' } });
    fireEvent.blur(reportDate);
    expect(reportDate.value).toBe('04/03/2025');
  });

  test('saved settings arriving after the form is shown fill only the fields not edited yet, without a remount', async () => {
    const h = await renderPane({ holdSettings: true, setup: async ({ adapter }) => adapter.saveSettings(SAVED) });
    await openTab('Thiết lập báo cáo');
    const unit = textbox('Đơn vị báo cáo');
    expect(unit.value).toBe('');
    expect(screen.getByTestId('period-range').textContent).toBe('Tháng 10/2025: Từ ngày 15/9/2025 đến ngày 14/10/2025');
    fireEvent.change(unit, { target: { value: 'UBND XÃ B' } });
    await h.releaseSettings();
    // The same input, still holding what the clerk typed.
    expect(textbox('Đơn vị báo cáo')).toBe(unit);
    expect(unit.value).toBe('UBND XÃ B');
    // The fields not touched show the workbook's settings, the period included.
    expect(textbox('Số báo cáo').value).toBe('12/BC-UBND');
    expect(textbox('Báo cáo của').value).toBe('Chủ tịch UBND xã');
    const reportDate = screen.getByLabelText('Ngày báo cáo') as HTMLInputElement;
    expect(reportDate.value).toBe('20/06/2025');
    expect(screen.getByTestId('period-range').textContent).toBe('6 tháng đầu năm 2025: Từ ngày 15/12/2024 đến ngày 14/6/2025');
  });

  test('a period chosen before the saved settings arrive is kept; the untouched texts are filled', async () => {
    const h = await renderPane({ holdSettings: true, setup: async ({ adapter }) => adapter.saveSettings(SAVED) });
    await openTab('Thiết lập báo cáo');
    fireEvent.change(screen.getByRole('combobox', { name: 'Loại kỳ' }), { target: { value: 'quarter' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Quý' }), { target: { value: '4' } });
    await h.releaseSettings();
    expect(screen.getByTestId('period-range').textContent).toBe('Quý IV/2025: Từ ngày 15/9/2025 đến ngày 14/12/2025');
    expect(textbox('Đơn vị báo cáo').value).toBe('UBND XÃ A');
    expect(textbox('Số báo cáo').value).toBe('12/BC-UBND');
  });

  test('settings saved by the clerk before the workbook answered are not undone by the late answer', async () => {
    const h = await renderPane({ holdSettings: true, setup: async ({ adapter }) => adapter.saveSettings(SAVED) });
    await openTab('Thiết lập báo cáo');
    fireEvent.change(textbox('Đơn vị báo cáo'), { target: { value: 'UBND XÃ B' } });
    await click(screen.getByRole('button', { name: 'Lưu thiết lập' }));
    expect(h.settings.saves).toBe(2);
    await h.releaseSettings();
    expect(textbox('Đơn vị báo cáo').value).toBe('UBND XÃ B');
    expect(textbox('Số báo cáo').value).toBe('');
    expect(screen.getByTestId('period-range').textContent).toBe('Tháng 10/2025: Từ ngày 15/9/2025 đến ngày 14/10/2025');
    await openTab('Bảng biểu');
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    expect(h.host.valueAt('Biểu 01', 'A1')).toBe('UBND XÃ B');
    expect(h.host.valueAt('Biểu 01', 'A4')).toBe('Từ ngày 15/9/2025 đến 14/10/2025');
  });
});

describe('Số liệu (figures)', () => {
  test('averages and copyable sentences from the seed figures', async () => {
    const h = await renderPane({
      setup: async ({ adapter }) => adapter.saveSettings({ unit: '', reportNo: '', reportDate: '', reportBy: '', from: '2025-07-01', to: '2025-10-15' }),
    });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await typeSample(h, 'b01');
    await openTab('Số liệu');
    expect(screen.getByTestId('figures-period').textContent).toBe('Kỳ báo cáo: 01/7/2025 – 15/10/2025 (107 ngày; một tháng tính 30 ngày).');
    expect(screen.getByText('trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi')).toBeTruthy();
    const writes: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
    const copyButtons = screen.getAllByRole('button', { name: 'Sao chép' });
    expect(copyButtons).toHaveLength(3);
    await click(copyButtons[1]);
    expect(writes).toEqual(['trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi']);
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã sao chép.');
    const dd = document.querySelector('[data-figure="local.total"]');
    expect(dd?.textContent).toBe('486.563');
  });
});

describe('Số liệu with no table', () => {
  test('says there is no table yet, and nothing else pretends to be a figure', async () => {
    await renderPane();
    await openTab('Số liệu');
    expect(screen.getByText('Chưa có biểu nào để tính số liệu.')).toBeTruthy();
    expect(screen.queryAllByRole('button', { name: 'Sao chép' })).toHaveLength(0);
    expect(document.querySelector('[data-figure]')).toBeNull();
  });
});

describe('failures stay in the pane', () => {
  test('an adapter that throws shows a message bar and the pane keeps working', async () => {
    const failing = (base: WorkbookAdapter): WorkbookAdapter => ({
      ...base,
      insertTemplate: () => Promise.reject(new Error('GeneralException: Excel is busy')),
      loadSettings: () => Promise.reject(new Error('settings unavailable')),
    });
    const { makeHost } = await import('../support/taskpane-harness');
    const base = makeHost();
    await renderPane({ adapter: failing(base.adapter) });
    expect(screen.getByTestId('pane-error').textContent).toContain('Excel báo lỗi: settings unavailable');
    await click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    expect(screen.queryByTestId('pane-error')).toBeNull();
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    const bar = screen.getByTestId('pane-error');
    expect(within(bar).getByText('Excel báo lỗi: GeneralException: Excel is busy')).toBeTruthy();
    // Still usable: the button is back and another tab opens.
    expect(screen.getByRole('button', { name: 'Chèn Biểu 01' })).toBeTruthy();
    await openTab('Kiểm tra');
    expect(screen.getByRole('button', { name: 'Kiểm tra' })).toBeTruthy();
  });
});

describe('focus after dismissing an error', () => {
  test('Đóng thông báo puts the keyboard back on the control that failed, or on the open tab', async () => {
    const { makeHost, act } = await import('../support/taskpane-harness');
    const base = makeHost();
    await renderPane({
      adapter: { ...base.adapter, insertTemplate: () => Promise.reject(new Error('busy')), loadSettings: () => Promise.reject(new Error('settings unavailable')) },
    });
    // The failure at start came from no control: the focus goes to the open tab, not to <body>.
    await click(screen.getByRole('button', { name: 'Đóng thông báo' }));
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Bảng biểu' }));
    const insert = screen.getByRole('button', { name: 'Chèn Biểu 02' });
    await act(async () => {
      insert.focus();
    });
    await click(insert);
    expect(screen.getByTestId('pane-error').textContent).toContain('Excel báo lỗi: busy');
    const dismiss = screen.getByRole('button', { name: 'Đóng thông báo' });
    await act(async () => {
      dismiss.focus();
    });
    await click(dismiss);
    expect(screen.queryByTestId('pane-error')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
  });
});
