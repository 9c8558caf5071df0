/** @jest-environment jsdom */
import { WAIT, act, click, entryCells, openTab, renderPane, screen, typeSample, waitFor, within, type Harness } from '../support/taskpane-harness';
import { LIVE_DELAY_MS } from '../../src/taskpane/app/hooks/useLiveRecheck';
import { createOfficeAdapter } from '../../src/excel/adapter';
import { groupFindings, type Finding } from '../../src/core/check/findings';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';

async function seedWorkbook(): Promise<{ h: Harness; b01: Awaited<ReturnType<typeof typeSample>>; b02: Awaited<ReturnType<typeof typeSample>> }> {
  const h = await renderPane({
    setup: async ({ adapter }) =>
      adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' }),
  });
  await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
  await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
  const b01 = await typeSample(h, 'b01');
  const b02 = await typeSample(h, 'b02');
  await openTab('Kiểm tra');
  return { h, b01, b02 };
}

function findingItems(rule: string): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(`li[data-rule="${rule}"]`)];
}

describe('Kiểm tra (check before sending)', () => {
  test('the seed report has exactly one error: the HĐND mismatch 732 against 752, difference −20', async () => {
    const { h, b01, b02 } = await seedWorkbook();
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const summary = screen.getByTestId('check-summary');
    expect(summary.dataset.ready).toBe('false');
    expect(summary.textContent).toContain('Chưa sẵn sàng gửi');
    expect(summary.textContent).toContain('Còn 1 lỗi');
    const [item] = findingItems('cross.council');
    expect(item.dataset.severity).toBe('error');
    const numbers = within(item).getByTestId('finding-values');
    expect(numbers.textContent).toBe('Vế trái:732Vế phải:752Chênh lệch:-20');
    // Both cells are named; clicking one selects it in the sheet.
    const councilTotal = `${b02.sheet}!${b02.cells['council.total'][0]}`;
    const councilB01 = `${b01.sheet}!${b01.cells['local.council'][0]}`;
    expect(within(item).getByRole('button', { name: councilTotal })).toBeTruthy();
    expect(within(item).getByRole('button', { name: councilB01 })).toBeTruthy();
    await click(within(item).getByRole('button', { name: councilTotal }));
    const sel = h.host.book.selection!;
    expect(h.host.book.sheetById(sel.sheetId)!.name).toBe('Biểu 02');
    expect(screen.getByTestId('pane-status').textContent).toBe(`Đã chọn ô ${councilTotal}.`);
    // The findings are grouped under their table's sheet.
    const group = item.closest('section[data-sheet]') as HTMLElement;
    expect(group.dataset.sheet).toBe('Biểu 02');
    // Marked in the sheet.
    expect(h.host.sheet('Biểu 02').conditionalFormats.length).toBeGreaterThan(0);
  });

  test('with 732 and 752 made equal the pane says "Sẵn sàng gửi"; Xóa đánh dấu clears the marks', async () => {
    const { h, b02 } = await seedWorkbook();
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const summary = screen.getByTestId('check-summary');
    expect(summary.dataset.ready).toBe('true');
    expect(within(summary).getByText('Sẵn sàng gửi')).toBeTruthy();
    expect(findingItems('cross.council')).toHaveLength(0);
    await click(screen.getByRole('button', { name: 'Xóa đánh dấu' }));
    expect(h.host.sheet('Biểu 01').conditionalFormats).toHaveLength(0);
    expect(h.host.sheet('Biểu 02').conditionalFormats).toHaveLength(0);
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã xóa đánh dấu trên trang tính.');
  });

  test('"Sẵn sàng gửi" no longer shows once another table is inserted: it was never checked', async () => {
    const { h, b02 } = await seedWorkbook();
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('true');
    await openTab('Bảng biểu');
    await click(screen.getByRole('button', { name: 'Chèn Biểu 03' }));
    await openTab('Kiểm tra');
    expect(screen.queryByTestId('check-summary')).toBeNull();
    expect(screen.queryByText('Sẵn sàng gửi')).toBeNull();
    // Checking again covers the new, empty table: one table.empty error for it, so not ready.
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(findingItems('table.empty').map((li) => li.closest('section[data-sheet]')?.getAttribute('data-sheet'))).toEqual(['Biểu 03']);
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
  });

  test('an inserted blank table is not ready (table.empty); one figure typed leaves warnings only', async () => {
    const h = await renderPane({
      setup: async ({ adapter }) =>
        adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' }),
    });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const summary = screen.getByTestId('check-summary');
    expect(summary.dataset.ready).toBe('false');
    expect(summary.textContent).toContain('Còn 1 lỗi');
    const [empty, ...more] = findingItems('table.empty');
    expect(more).toEqual([]);
    expect(empty.dataset.severity).toBe('error');
    expect(empty.textContent).toContain('Biểu 01 chưa nhập số liệu');
    const where = await entryCells(h.adapter, 'b01');
    const first = where.cells[entryColumns(TEMPLATES.find((t) => t.id === 'b01')!)[0].id][0];
    expect(within(empty).getByRole('button', { name: `Biểu 01!${first}` })).toBeTruthy();
    // One blank entry cell per finding is not repeated under the table error.
    expect(findingItems('entry.blank')).toEqual([]);

    h.host.type(where.sheet, first, '3');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const after = screen.getByTestId('check-summary');
    expect(after.dataset.ready).toBe('true');
    expect(findingItems('table.empty')).toEqual([]);
    const entryCount = entryColumns(TEMPLATES.find((t) => t.id === 'b01')!).reduce((n, c) => n + where.cells[c.id].length, 0);
    expect(findingItems('entry.blank')).toHaveLength(entryCount - 1);
    expect(document.querySelectorAll('li[data-severity="error"]')).toHaveLength(0);
  });

  test('"1.292" typed as text: Sửa makes it the number 1292 and checks again; Hoàn tác puts the text back', async () => {
    const { h, b01 } = await seedWorkbook();
    const addr = b01.cells['central.politburo'][0];
    h.host.type(b01.sheet, addr, '1.292', true);
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const [item] = findingItems('entry.text-number');
    expect(item.textContent).toContain(`${b01.sheet}!${addr}`);
    const undo = screen.getByRole('button', { name: 'Hoàn tác' });
    expect(undo.getAttribute('aria-disabled')).toBe('true');
    await click(within(item).getByRole('button', { name: 'Sửa' }));
    expect(h.host.valueAt(b01.sheet, addr)).toBe(1292);
    expect(findingItems('entry.text-number')).toHaveLength(0);
    expect(screen.getByTestId('pane-status').textContent).toBe(`Đã sửa ô ${b01.sheet}!${addr}.`);
    await click(screen.getByRole('button', { name: 'Hoàn tác' }));
    expect(h.host.valueAt(b01.sheet, addr)).toBe('1.292');
    expect(findingItems('entry.text-number')).toHaveLength(1);
    expect(screen.getByTestId('pane-status').textContent).toBe('Đã hoàn tác lần sửa gần nhất.');
    expect(screen.getByRole('button', { name: 'Hoàn tác' }).getAttribute('aria-disabled')).toBe('true');
  });

  test('an empty workbook is not ready to send and says why', async () => {
    await renderPane();
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
    expect(findingItems('workbook.no-tables')).toHaveLength(1);
  });

  test('English: messages, labels and numbers in English', async () => {
    const h = await renderPane({ language: 'en' });
    await click(screen.getByRole('button', { name: 'Insert Table 01' }));
    await click(screen.getByRole('button', { name: 'Insert Table 02' }));
    await typeSample(h, 'b01');
    await typeSample(h, 'b02');
    await openTab('Check');
    await click(screen.getByRole('button', { name: 'Check' }));
    const [item] = findingItems('cross.council');
    expect(within(item).getByTestId('finding-values').textContent).toBe('Left side:732Right side:752Difference:-20');
    expect(within(item).getByText('Error')).toBeTruthy();
    expect(screen.getByTestId('check-summary').textContent).toContain('Not ready to send');
  });
});

describe('live re-check (switch "Tự động kiểm tra lại khi sửa số liệu")', () => {
  /** The seed workbook on an adapter whose quiet time after its own writes is one tick, so fake timers drive everything. */
  async function seedLive(): Promise<{ h: Harness; b01: Awaited<ReturnType<typeof typeSample>>; b02: Awaited<ReturnType<typeof typeSample>>; reads: jest.SpyInstance }> {
    const h = await renderPane({
      setup: async (base) => {
        base.adapter = createOfficeAdapter({ run: base.run, isSetSupported: base.isSetSupported, settings: base.settings, ownChangesQuietMs: 0 });
      },
    });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
    const b01 = await typeSample(h, 'b01');
    const b02 = await typeSample(h, 'b02');
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
    const live = screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' });
    expect((live as HTMLInputElement).checked).toBe(false);
    await click(live);
    expect((live as HTMLInputElement).checked).toBe(true);
    jest.useFakeTimers();
    const reads = jest.spyOn(h.adapter, 'readTables');
    return { h, b01, b02, reads };
  }

  /** Lets fake time pass inside act(), flushing the promises between timers. */
  async function pass(ms: number): Promise<void> {
    await act(async () => {
      await jest.advanceTimersByTimeAsync(ms);
    });
  }

  afterEach(() => {
    jest.useRealTimers();
  });

  test('several edits → one re-check, LIVE_DELAY_MS after the last; the findings update without pressing Kiểm tra', async () => {
    const { h, b02, reads } = await seedLive();
    h.host.type(b02.sheet, b02.cells['council.other'][0], '570');
    await pass(LIVE_DELAY_MS - 100);
    h.host.type(b02.sheet, b02.cells['council.other'][0], '575');
    await pass(LIVE_DELAY_MS - 100);
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await pass(LIVE_DELAY_MS - 1);
    expect(reads).not.toHaveBeenCalled();
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
    await pass(1);
    await pass(0);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('true');
    expect(findingItems('cross.council')).toHaveLength(0);
    // The re-check painted the sheets: that is the adapter's own write, and nothing follows it.
    await pass(10 * LIVE_DELAY_MS);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  test('Sửa and Hoàn tác check once each and do not loop; switched off, edits re-check nothing', async () => {
    const { h, b01, reads } = await seedLive();
    const addr = b01.cells['central.politburo'][0];
    h.host.type(b01.sheet, addr, '1.292', true);
    await pass(LIVE_DELAY_MS);
    await pass(0);
    expect(reads).toHaveBeenCalledTimes(1);
    const [item] = findingItems('entry.text-number');
    await act(async () => {
      within(item).getByRole('button', { name: 'Sửa' }).click();
    });
    await pass(0);
    expect(h.host.valueAt(b01.sheet, addr)).toBe(1292);
    expect(reads).toHaveBeenCalledTimes(2);
    await pass(10 * LIVE_DELAY_MS);
    expect(reads).toHaveBeenCalledTimes(2);
    await act(async () => {
      screen.getByRole('button', { name: 'Hoàn tác' }).click();
    });
    await pass(0);
    expect(h.host.valueAt(b01.sheet, addr)).toBe('1.292');
    expect(findingItems('entry.text-number')).toHaveLength(1);
    await pass(10 * LIVE_DELAY_MS);
    expect(reads).toHaveBeenCalledTimes(3);

    await act(async () => {
      screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' }).click();
    });
    await pass(0);
    expect(h.host.registrations).toHaveLength(0);
    h.host.type(b01.sheet, addr, 1292);
    await pass(10 * LIVE_DELAY_MS);
    expect(reads).toHaveBeenCalledTimes(3);
    expect(findingItems('entry.text-number')).toHaveLength(1);
  });
});

describe('live re-check misses no edit and cannot loop', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test('an edit made while the watch is being set up is checked once the watch is in place', async () => {
    const { makeHost } = await import('../support/taskpane-harness');
    const base = makeHost();
    let release: (() => void) | undefined;
    const adapter = {
      ...base.adapter,
      // A slow Excel: the watch is in place only when released.
      watchChanges: async (onChange: () => void) => {
        await new Promise<void>((r) => (release = r));
        return base.adapter.watchChanges(onChange);
      },
    };
    await renderPane({ adapter });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
    await typeSample({ host: base.host, adapter: base.adapter }, 'b01');
    const b02 = await typeSample({ host: base.host, adapter: base.adapter }, 'b02');
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
    // Not `click`: the watch is not in place until released, so the pane is not at rest before.
    await act(async () => {
      screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' }).click();
    });
    await waitFor(() => expect(release).toBeDefined(), WAIT);
    base.host.type(b02.sheet, b02.cells['council.other'][0], '577'); // nobody listens yet: no event goes anywhere
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('false');
    await act(async () => {
      release?.();
    });
    // The watch now in place checks once: the edit made meanwhile is found.
    await waitFor(() => expect(screen.getByTestId('check-summary').dataset.ready).toBe('true'), WAIT);
    expect(findingItems('cross.council')).toHaveLength(0);
  });

  test('a host that reports the marks as a change gets one more read, not a loop', async () => {
    const { makeHost } = await import('../support/taskpane-harness');
    const base = makeHost();
    const heard = new Set<() => void>();
    let paints = 0;
    const adapter = {
      ...base.adapter,
      watchChanges: async (onChange: () => void) => {
        heard.add(onChange);
        const stop = await base.adapter.watchChanges(onChange);
        return async () => {
          heard.delete(onChange);
          await stop();
        };
      },
      // As if Excel raised a change event for the conditional formats the marks are.
      paintFindings: async (findings: Finding[]) => {
        paints++;
        await base.adapter.paintFindings(findings);
        for (const l of heard) l();
      },
    };
    await renderPane({ adapter });
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
    const b02 = await typeSample({ host: base.host, adapter: base.adapter }, 'b02');
    await typeSample({ host: base.host, adapter: base.adapter }, 'b01');
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await click(screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' }));
    jest.useFakeTimers();
    const reads = jest.spyOn(adapter, 'readTables');
    const paintsBefore = paints;
    base.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    for (let i = 0; i < 20; i++) {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(LIVE_DELAY_MS);
      });
    }
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('true');
    // The edit: one read and one paint; the paint's echo: one read that finds the same, and stops.
    expect(paints - paintsBefore).toBe(1);
    expect(reads).toHaveBeenCalledTimes(2);
  });
});

describe('live re-check keeps the keyboard in the pane', () => {
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** The seed report with "1.292" planted as text too (a second finding), live on, the keyboard on the HĐND finding. */
  async function liveWithFocusOnCouncil(): Promise<{ h: Harness; b02: Awaited<ReturnType<typeof typeSample>>; index: number; count: number }> {
    const { h, b01, b02 } = await seedWorkbook();
    h.host.type(b01.sheet, b01.cells['central.politburo'][0], '1.292', true);
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await click(screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' }));
    const link = within(findingItems('cross.council')[0]).getByRole('button', { name: `${b02.sheet}!${b02.cells['council.total'][0]}` });
    await act(async () => {
      link.focus();
    });
    expect(document.activeElement).toBe(link);
    const items = [...document.querySelectorAll<HTMLElement>('li[data-key]')];
    return { h, b02, index: items.findIndex((li) => li.contains(link)), count: items.length };
  }

  /** Waits on real timers until the live re-check has removed the HĐND finding and shows its result. */
  async function untilCouncilGone(): Promise<void> {
    await waitFor(() => {
      if (findingItems('cross.council').length > 0 || !screen.queryByTestId('check-summary')) throw new Error('the live re-check has not removed the HĐND finding yet');
    }, WAIT);
  }

  test('the focused finding goes away: the nearest remaining finding takes the keyboard', async () => {
    const { h, b02, index, count } = await liveWithFocusOnCouncil();
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await untilCouncilGone();
    const items = [...document.querySelectorAll<HTMLElement>('li[data-key]')];
    expect(count).toBe(2);
    expect(items.map((li) => li.dataset.rule)).toEqual(['entry.text-number']);
    expect(document.activeElement).toBe(items[Math.min(index, items.length - 1)]);
  });

  test('no finding left: the summary takes the keyboard', async () => {
    const { h, b02 } = await seedWorkbook();
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await click(screen.getByRole('switch', { name: 'Tự động kiểm tra lại khi sửa số liệu' }));
    const left = [...document.querySelectorAll<HTMLElement>('li[data-key]')];
    expect(left.map((li) => li.dataset.rule)).toEqual(['cross.council']);
    const link = left[0].querySelector<HTMLElement>('[data-cell]')!;
    await act(async () => {
      link.focus();
    });
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await untilCouncilGone();
    expect(document.querySelectorAll('li[data-key]')).toHaveLength(0);
    expect(document.activeElement).toBe(screen.getByTestId('check-summary'));
  });

  test('the clerk is in the sheet meanwhile: the pane takes the keyboard only on coming back', async () => {
    const { h, b02, index } = await liveWithFocusOnCouncil();
    // The clerk clicks into the sheet: the pane's window loses the keyboard.
    await act(async () => {
      window.dispatchEvent(new FocusEvent('blur'));
    });
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await untilCouncilGone();
    expect(document.activeElement).toBe(document.body);
    await act(async () => {
      window.dispatchEvent(new FocusEvent('focus'));
    });
    const items = [...document.querySelectorAll<HTMLElement>('li[data-key]')];
    expect(items.map((li) => li.dataset.rule)).toEqual(['entry.text-number']);
    expect(document.activeElement).toBe(items[Math.min(index, items.length - 1)]);
  });
});

describe('groupFindings', () => {
  const f = (sheet: string | null, severity: 'error' | 'warning', rule: string, address = 'B8'): Finding => ({
    rule,
    severity,
    cells: sheet === null ? [] : [{ sheet, address }],
    message: { vi: rule, en: rule },
  });
  // One order on every surface (pane, web page, CLI): every error before any warning (issue 28: an
  // error no longer waits behind another table's warnings); within each, the whole file first, then
  // the tables in workbook order, cells in reading order.
  test('every error before any warning; within each, whole file first, then the tables in workbook order (others after, as they come); cells in reading order', () => {
    const groups = groupFindings(
      [
        f('Biểu 03', 'warning', 'w3'),
        f('Biểu 02', 'warning', 'w2-C9', 'C9'),
        f('Biểu 02', 'warning', 'w2-B9', 'B9'),
        f('Biểu 01', 'warning', 'w1'),
        f('Biểu 02', 'error', 'e2'),
        f(null, 'error', 'wb'),
        f('Other', 'error', 'o'),
        f('Biểu 02', 'warning', 'w2-Z8', 'Z8'),
      ],
      ['Biểu 01', 'Biểu 02', 'Biểu 03'],
    );
    expect(groups.map((g) => [g.severity, g.sheet, g.findings.map((x) => x.rule)])).toEqual([
      ['error', '', ['wb']],
      ['error', 'Biểu 02', ['e2']],
      ['error', 'Other', ['o']],
      ['warning', 'Biểu 01', ['w1']],
      ['warning', 'Biểu 02', ['w2-Z8', 'w2-B9', 'w2-C9']],
      ['warning', 'Biểu 03', ['w3']],
    ]);
  });
});

describe('the clerk and the screen reader know where they are', () => {
  test('after Kiểm tra the keyboard is on the summary (read by screen readers), the result brought into view', async () => {
    await seedWorkbook();
    const run = screen.getByRole('button', { name: 'Kiểm tra' });
    await act(async () => {
      run.focus();
    });
    await click(run);
    expect(document.activeElement).toBe(screen.getByTestId('check-summary'));
    expect(screen.getByTestId('check-summary').getAttribute('tabindex')).toBe('-1');
  });

  test('report information blank in both tables: one report.incomplete warning; its "Thiết lập báo cáo" opens that tab with the keyboard on it', async () => {
    await renderPane();
    await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
    await click(screen.getByRole('button', { name: 'Chèn Biểu 02' }));
    await openTab('Kiểm tra');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const [item, ...more] = findingItems('report.incomplete');
    expect(more).toHaveLength(0);
    expect(findingItems('report.number-missing').concat(findingItems('report.date-missing'), findingItems('period.missing'))).toHaveLength(0);
    expect(item.dataset.cells?.match(/!/g)).toHaveLength(8);
    // Errors first: every error item comes before the first warning item.
    const severities = [...document.querySelectorAll<HTMLElement>('li[data-key]')].map((li) => li.dataset.severity);
    expect(severities.indexOf('warning')).toBeGreaterThan(severities.lastIndexOf('error'));
    await click(within(item).getByRole('button', { name: 'Thiết lập báo cáo' }));
    expect(screen.getByRole('tab', { name: 'Thiết lập báo cáo' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Thiết lập báo cáo' }));
    expect(screen.getByRole('button', { name: 'Lưu thiết lập' })).toBeTruthy();
  });

  test('after Kiểm tra the status line says the result in words (the summary bar is not a live region)', async () => {
    const { h, b02 } = await seedWorkbook();
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const warnings = document.querySelectorAll('li[data-severity="warning"]').length;
    expect(document.querySelectorAll('li[data-severity="error"]')).toHaveLength(1);
    expect(screen.getByTestId('pane-status').textContent).toBe(`Đã kiểm tra xong. Chưa sẵn sàng gửi. Còn 1 lỗi và ${warnings} cảnh báo.`);
    h.host.type(b02.sheet, b02.cells['council.other'][0], '577');
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    expect(screen.getByTestId('check-summary').dataset.ready).toBe('true');
    expect(screen.getByTestId('pane-status').textContent).toBe(`Đã kiểm tra xong. Sẵn sàng gửi. Không còn lỗi nào. Cảnh báo: ${warnings}.`);
  });

  test('after Sửa the focus is on Hoàn tác, not lost with the finding that went away', async () => {
    const { h, b01 } = await seedWorkbook();
    const addr = b01.cells['central.politburo'][0];
    h.host.type(b01.sheet, addr, '1.292', true);
    await click(screen.getByRole('button', { name: 'Kiểm tra' }));
    const fix = within(findingItems('entry.text-number')[0]).getByRole('button', { name: 'Sửa' });
    await act(async () => {
      fix.focus();
    });
    expect(document.activeElement).toBe(fix);
    await click(fix);
    expect(fix.isConnected).toBe(false);
    const undo = screen.getByRole('button', { name: 'Hoàn tác' });
    expect(document.activeElement).toBe(undo);
    expect(undo.getAttribute('aria-disabled')).not.toBe('true');
  });
});

describe('an Excel call that never answers does not freeze the pane', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  test(`after SLOW_EXCEL_MS the status line says why; the tabs keep working; a late answer clears the notice`, async () => {
    const { makeHost } = await import('../support/taskpane-harness');
    const { SLOW_EXCEL_MS } = await import('../../src/taskpane/app/hooks/useExcelCall');
    const base = makeHost();
    let answer: (() => void) | undefined;
    const reads: Promise<unknown>[] = [];
    const adapter = {
      ...base.adapter,
      // Excel holds add-in calls while a cell is being edited: the first read waits until released.
      readTables: () => {
        const p = reads.length === 0 ? new Promise<void>((r) => (answer = r)).then(() => base.adapter.readTables()) : base.adapter.readTables();
        reads.push(p);
        return p;
      },
    };
    await renderPane({ adapter });
    await openTab('Kiểm tra');
    jest.useFakeTimers();
    await act(async () => {
      screen.getByRole('button', { name: 'Kiểm tra' }).click();
    });
    await act(async () => {
      await jest.advanceTimersByTimeAsync(SLOW_EXCEL_MS - 1);
    });
    expect(screen.getByTestId('pane-status').textContent).toBe('Đang kiểm tra…');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1);
    });
    expect(screen.getByTestId('pane-status').textContent).toBe('Excel chưa phản hồi. Nếu đang nhập dữ liệu vào một ô, hãy nhấn Enter hoặc Esc để Excel tiếp tục.');
    expect(screen.getByRole('button', { name: 'Kiểm tra' }).getAttribute('aria-disabled')).toBe('true');
    // The rest of the pane still answers.
    await act(async () => {
      screen.getByRole('tab', { name: 'Bảng biểu' }).click();
    });
    expect(screen.getByRole('button', { name: 'Chèn Biểu 01' })).toBeTruthy();
    await act(async () => {
      screen.getByRole('tab', { name: 'Kiểm tra' }).click();
      await jest.advanceTimersByTimeAsync(0);
    });
    // Excel answers at last: the notice goes, nothing is left stuck.
    await act(async () => {
      answer?.();
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(screen.getByTestId('pane-status').textContent).not.toContain('Excel chưa phản hồi');
    expect(screen.getByRole('button', { name: 'Kiểm tra' }).getAttribute('aria-disabled')).not.toBe('true');
    expect(reads).toHaveLength(1);
  });
});
