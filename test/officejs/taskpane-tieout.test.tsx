/** @jest-environment jsdom */
/**
 * The pane, Kiểm tra → "Đối chiếu báo cáo (.docx)…": the seed report's text tied out against the
 * open workbook (Biểu 01 and 03 with the seed's figures): the four averages and the certificate
 * finding with 7.888, the figure highlighted in its sentence; a table-linked finding selects its
 * cell; the 15 meetings matched.
 */
import { WAIT, act, click, openTab, renderPane, screen, typeSample, waitFor, within } from '../support/taskpane-harness';
import { fireEvent } from '@testing-library/react';
import { seedTextDocx } from '../support/seed-report';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

test('the certificate finding with 7.888, the averages linked to their cells, the meetings matched', async () => {
  const h = await renderPane({
    setup: async ({ adapter }) =>
      adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' }),
  });
  await click(screen.getByRole('button', { name: 'Chèn Biểu 01' }));
  await click(screen.getByRole('button', { name: 'Chèn Biểu 03' }));
  await typeSample(h, 'b01');
  const b03 = await typeSample(h, 'b03');
  await openTab('Kiểm tra');
  const choose = await waitFor(() => screen.getByRole('button', { name: 'Đối chiếu báo cáo (.docx)…' }), WAIT);
  expect(choose).toBeTruthy();
  const input = screen.getByTestId('tieout-report-input');
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([seedTextDocx() as Uint8Array<ArrayBuffer>], 'bao-cao.docx', { type: DOCX })] } });
  });
  const items = await waitFor(() => {
    const found = screen.getAllByTestId('tieout-finding');
    expect(found.length).toBeGreaterThan(0);
    return found;
  }, WAIT);
  expect(items.map((i) => i.getAttribute('data-rule'))).toEqual(['text.table', 'text.table', 'text.table', 'text.table', 'text.parts']);
  expect(items[4].textContent).toContain('Với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp');
  expect(within(items[4]).getByTestId('tieout-quote').querySelector('mark')?.textContent).toBe('7.697');
  expect(items[0].textContent).toContain('Đúng là: 42');
  // The average's cell in Biểu 01: a link that selects it.
  const link = items[0].querySelector<HTMLElement>('[data-cell]') as HTMLElement;
  expect(link.dataset.cell?.startsWith('Biểu 01!')).toBe(true);
  await click(link);
  const sel = h.host.book.selection!;
  expect(h.host.book.sheetById(sel.sheetId)!.name).toBe('Biểu 01');
  const matched = screen.getByTestId('tieout-matched');
  expect(matched.textContent).toContain(`15 — Biểu 03, ô ${b03.cells['local.provincialParty'][0]} (đoạn 6)`);
});
