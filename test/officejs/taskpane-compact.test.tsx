/** @jest-environment jsdom */
import { render } from '@testing-library/react';
import { act, click, idle, makeHost, openTab, renderPane, screen, tracked, within } from '../support/taskpane-harness';
import { Shell } from '../../src/taskpane/Shell';
import { App } from '../../src/taskpane/app/App';
import { FIRST_RUN_DONE, introSeenKey, paneMemory } from '../../src/taskpane/app/memory';

/** A Storage whose every call throws, as when a policy blocks storage for the add-in's origin. */
function throwingStorage(): Storage {
  const fail = (): never => {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  };
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail };
}

const intro = (): HTMLElement => screen.getByTestId('tab-intro');
const helpButton = (tab: string): HTMLElement => screen.getByRole('button', { name: `Hướng dẫn thẻ ${tab}` });

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

describe('the first-run screen', () => {
  test('shown on a computer where the pane never opened: three lines, Chèn Biểu 01 để bắt đầu, Bỏ qua, no tabs yet', async () => {
    await renderPane({ firstRun: true });
    const first = screen.getByTestId('first-run');
    expect(within(first).getByRole('heading', { level: 2 }).textContent).toBe('Bắt đầu');
    expect(within(first).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Chèn các biểu thống kê chuẩn của báo cáo định kỳ vào sổ tính, tiêu đề lấy từ thiết lập báo cáo.',
      'Nhập số liệu rồi kiểm tra trước khi gửi: lỗi được chỉ ra ở từng ô.',
      'Tổng hợp sổ tính của các đơn vị thành một báo cáo.',
    ]);
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['Chèn Biểu 01 để bắt đầu', 'Bỏ qua']);
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    expect(screen.queryByRole('tabpanel')).toBeNull();
    // No introduction to show yet: no "?".
    expect(screen.queryByTestId('intro-button')).toBeNull();
  });

  test('its button inserts Biểu 01 on a new sheet, then the tabs come with the keyboard on Bảng biểu; not shown again', async () => {
    const h = await renderPane({ firstRun: true });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01 để bắt đầu' }));
    expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Biểu 01']);
    expect(h.host.valueAt('Biểu 01', 'A2')).toMatch(/^BIỂU TỔNG HỢP/);
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(screen.getByTestId('inserted-b01').textContent).toBe('Trang tính: Biểu 01');
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã chèn Biểu 01 vào trang tính “Biểu 01”.');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Bảng biểu' }));
    expect(localStorage.getItem(FIRST_RUN_DONE)).toBe('1');
    h.view.unmount();
    await renderPane({ keepMemory: true });
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(screen.getAllByRole('tab')).toHaveLength(5);
  });

  test('Bỏ qua inserts nothing and goes to the tabs; the pane opened again shows the tabs at once', async () => {
    const h = await renderPane({ firstRun: true });
    await click(screen.getByRole('button', { name: 'Bỏ qua' }));
    expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Bảng biểu' }));
    expect(screen.getByRole('button', { name: 'Chèn Biểu 01' })).toBeTruthy();
    h.view.unmount();
    await renderPane({ keepMemory: true });
    expect(screen.queryByTestId('first-run')).toBeNull();
  });

  test('when Excel refuses the insert, the message is shown and the first-run screen stays, so the clerk can try again or skip', async () => {
    const base = await renderPane({ firstRun: true });
    base.view.unmount();
    const failing = { ...base.adapter, insertTemplate: () => Promise.reject(new Error('Ô đang được sửa')) };
    await renderPane({ firstRun: true, adapter: failing });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01 để bắt đầu' }));
    expect(screen.getByTestId('pane-error').textContent).toContain('Excel báo lỗi: Ô đang được sửa');
    expect(screen.getByTestId('first-run')).toBeTruthy();
    expect(localStorage.getItem(FIRST_RUN_DONE)).toBeNull();
    await click(screen.getByRole('button', { name: 'Bỏ qua' }));
    expect(screen.getAllByRole('tab')).toHaveLength(5);
  });

  test('in English: Getting started, Insert Table 01 to start, Skip', async () => {
    await renderPane({ firstRun: true, language: 'en' });
    const first = screen.getByTestId('first-run');
    expect(within(first).getByRole('heading', { level: 2 }).textContent).toBe('Getting started');
    expect(within(first).getAllByRole('listitem')).toHaveLength(3);
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['Insert Table 01 to start', 'Skip']);
    await click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('tab', { name: 'Report settings' })).toBeTruthy();
  });

  test('storage that throws on every call: the first run is shown, Bỏ qua works and holds while the pane stays open', async () => {
    localStorage.clear();
    const memory = paneMemory(throwingStorage);
    let view!: ReturnType<typeof render>;
    await act(async () => {
      view = render(
        <Shell language="vi" theme="light">
          <App adapter={tracked(makeHost().adapter)} memory={memory} />
        </Shell>,
      );
    });
    await idle();
    expect(screen.getByTestId('first-run')).toBeTruthy();
    await click(screen.getByRole('button', { name: 'Bỏ qua' }));
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(memory.has(FIRST_RUN_DONE)).toBe(true);
    // The Bảng biểu introduction was seen, the same way.
    expect(memory.has(introSeenKey('tables'))).toBe(true);
    view.unmount();
  });
});

describe('the pane memory (memory.ts)', () => {
  test('remembers in local storage, under Office’s partition key where there is one', () => {
    localStorage.clear();
    const plain = paneMemory();
    expect(plain.has(FIRST_RUN_DONE)).toBe(false);
    plain.remember(FIRST_RUN_DONE);
    expect(localStorage.getItem('bieumau.firstRun.done')).toBe('1');
    expect(paneMemory().has(FIRST_RUN_DONE)).toBe(true);

    localStorage.clear();
    (globalThis as { Office?: unknown }).Office = { context: { partitionKey: 'p-42/' } };
    const partitioned = paneMemory();
    partitioned.remember(introSeenKey('check'));
    expect(localStorage.getItem('p-42/bieumau.intro.check.seen')).toBe('1');
    expect(localStorage.getItem('bieumau.intro.check.seen')).toBeNull();
    // Another partition (another site embedding Excel on the web) does not see it.
    (globalThis as { Office?: unknown }).Office = { context: { partitionKey: 'other/' } };
    expect(paneMemory().has(introSeenKey('check'))).toBe(false);
  });

  test('no storage, storage that throws, or a full storage: remembered for this opening, never an error', () => {
    for (const storage of [() => null, throwingStorage]) {
      const m = paneMemory(storage);
      expect(m.has(FIRST_RUN_DONE)).toBe(false);
      expect(() => m.remember(FIRST_RUN_DONE)).not.toThrow();
      expect(m.has(FIRST_RUN_DONE)).toBe(true);
      // A new opening over the same broken storage knows nothing.
      expect(paneMemory(storage).has(FIRST_RUN_DONE)).toBe(false);
    }
    localStorage.clear();
    const full = { ...localStorage, getItem: (k: string) => localStorage.getItem(k), setItem: () => {
      throw new DOMException('full', 'QuotaExceededError');
    } } as unknown as Storage;
    const m = paneMemory(() => full);
    m.remember(FIRST_RUN_DONE);
    expect(m.has(FIRST_RUN_DONE)).toBe(true);
    expect(localStorage.getItem(FIRST_RUN_DONE)).toBeNull();
  });

  test('window.localStorage itself throwing (storage blocked): the default memory still answers', () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      expect(() => window.localStorage).toThrow('blocked');
      const m = paneMemory();
      expect(m.has(FIRST_RUN_DONE)).toBe(false);
      m.remember(FIRST_RUN_DONE);
      expect(m.has(FIRST_RUN_DONE)).toBe(true);
    } finally {
      if (descriptor) Object.defineProperty(window, 'localStorage', descriptor);
      else delete (window as { localStorage?: Storage }).localStorage;
    }
    expect(typeof window.localStorage.getItem).toBe('function');
    expect(localStorage.getItem(FIRST_RUN_DONE)).toBeNull();
  });
});

describe('introductions', () => {
  test('each tab’s introduction is shown the first time the tab opens, then waits behind "?"', async () => {
    await renderPane();
    expect(intro().hidden).toBe(false);
    expect(intro().textContent).toBe('Bấm để chèn một biểu chuẩn vào trang tính mới. Tiêu đề, đơn vị và kỳ báo cáo lấy từ “Thiết lập báo cáo”.');
    expect(helpButton('Bảng biểu').getAttribute('aria-expanded')).toBe('true');
    expect(helpButton('Bảng biểu').getAttribute('aria-controls')).toBe(intro().id);

    await openTab('Kiểm tra');
    expect(intro().hidden).toBe(false);
    expect(intro().textContent).toBe('Kiểm tra mọi ô nhập, mọi ô tổng và các quy tắc giữa các biểu trước khi gửi báo cáo.');
    expect(helpButton('Kiểm tra').getAttribute('aria-expanded')).toBe('true');

    // Back on Bảng biểu: seen, so behind the "?".
    await openTab('Bảng biểu');
    expect(intro().hidden).toBe(true);
    expect(helpButton('Bảng biểu').getAttribute('aria-expanded')).toBe('false');
    await click(helpButton('Bảng biểu'));
    expect(intro().hidden).toBe(false);
    expect(intro().textContent).toContain('Bấm để chèn một biểu chuẩn');
    expect(helpButton('Bảng biểu').getAttribute('aria-expanded')).toBe('true');
    await click(helpButton('Bảng biểu'));
    expect(intro().hidden).toBe(true);

    // Số liệu was never opened: its introduction is still new.
    await openTab('Số liệu');
    expect(intro().hidden).toBe(false);
    expect(intro().textContent).toBe('Tổng số, số trung bình và tỷ lệ lấy từ các biểu, kèm câu văn để chép vào báo cáo.');
    expect(localStorage.getItem(introSeenKey('figures'))).toBe('1');
    expect(localStorage.getItem(introSeenKey('settings'))).toBeNull();
  });

  test('the pane opened again remembers the introductions seen', async () => {
    const h = await renderPane();
    await openTab('Thiết lập báo cáo');
    h.view.unmount();
    await renderPane({ keepMemory: true });
    expect(intro().hidden).toBe(true);
    await openTab('Thiết lập báo cáo');
    expect(intro().hidden).toBe(true);
    expect(intro().textContent).toBe('Thông tin này được lưu trong sổ làm việc và hiện ở tiêu đề của mọi biểu.');
    await openTab('Tổng hợp');
    expect(intro().hidden).toBe(false);
  });

  test('in English: About the Check tab', async () => {
    await renderPane({ language: 'en' });
    await openTab('Check');
    const help = screen.getByRole('button', { name: 'About the Check tab' });
    expect(help.getAttribute('aria-expanded')).toBe('true');
    expect(intro().textContent).toBe('Checks every entry, every total and the rules between tables before the report is sent.');
  });
});

describe('a compact header and tab strip', () => {
  test('the header holds the name, the "?" and the language button; no tagline', async () => {
    await renderPane({ withSwitch: true });
    const header = document.querySelector('header')!;
    expect(within(header).getByRole('heading', { level: 1 }).textContent).toBe('Biểu mẫu thống kê');
    expect(within(header).getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual(['Hướng dẫn thẻ Bảng biểu', 'English']);
    expect(header.textContent).toBe('Biểu mẫu thống kê?English');
  });

  test('Thiết lập báo cáo shows "Thiết lập" and keeps its full name for screen readers and as its tooltip', async () => {
    await renderPane();
    const tab = screen.getByRole('tab', { name: 'Thiết lập báo cáo' });
    expect(tab.title).toBe('Thiết lập báo cáo');
    expect(tab.querySelector('[aria-hidden="true"]')?.textContent).toBe('Thiết lập');
    // The others show their name as it is.
    const check = screen.getByRole('tab', { name: 'Kiểm tra' });
    expect(check.textContent).toBe('Kiểm tra');
    expect(check.title).toBe('');
    await act(async () => {
      tab.click();
    });
    await idle();
    expect(tab.getAttribute('aria-selected')).toBe('true');
  });
});
