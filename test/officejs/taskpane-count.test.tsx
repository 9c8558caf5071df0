/** @jest-environment jsdom */
/**
 * "Đếm từ sổ văn bản…" in the pane (Bảng biểu), on the in-memory Excel through Microsoft's client
 * library: the registers chosen are read in the pane, written as new register sheets, and Biểu 01
 * and 02 inserted with COUNTIFS over them and their own period cells; the figures Excel computes
 * equal the count of the hand-labelled rows (test/support/count-fixture); typing another first day
 * in a table's Từ ngày cell gives the new period's figures. Without a period in the settings it
 * says so and counts nothing.
 */
import { webcrypto } from 'crypto';
import { fireEvent, waitFor } from '@testing-library/react';
import { click, openTab, renderPane, screen, act } from '../support/taskpane-harness';
import { incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';
import { COMMITTEE_OUT, INCOMING, PARTY_OUT, countedFigures, expectedCounts } from '../support/count-fixture';
import type { WorkbookAdapter } from '../../src/excel/types';

const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 120000 };

async function figures(adapter: WorkbookAdapter): Promise<Record<string, number>> {
  return countedFigures(await adapter.readTables());
}

test('registers in, register sheets and the counted tables inserted; Excel\'s figures are the period\'s, and follow the Từ ngày cell', async () => {
  const h = await renderPane({ setup: async ({ adapter }) => adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '', reportDate: '', reportBy: '', from: '2025-07-01', to: '2025-07-31' }) });
  await openTab('Bảng biểu');
  const input = (await screen.findByTestId('count-files', {}, LONG)) as HTMLInputElement;
  const files = [
    new File([(await incomingXlsx(INCOMING)) as Uint8Array<ArrayBuffer>], 'den.xlsx'),
    new File([outgoingCsv(PARTY_OUT) as Uint8Array<ArrayBuffer>], 'tu-di.csv'),
    new File([(await outgoingXlsx(COMMITTEE_OUT)) as Uint8Array<ArrayBuffer>], 'ubnd-di.xlsx'),
  ];
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getAllByTestId('count-register')).toHaveLength(3), LONG);
  fireEvent.change(screen.getByRole('combobox', { name: 'Cơ quan của sổ ubnd-di.xlsx' }), { target: { value: 'local.peoplesCommittee' } });
  await click(screen.getByRole('button', { name: 'Đếm và chèn vào sổ tính' }));
  await waitFor(() => screen.getByTestId('count-done'), LONG);

  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sổ văn bản đến', 'Sổ văn bản đi', 'Sổ văn bản đi (2)', 'Biểu 01', 'Biểu 02']);
  expect(await figures(h.adapter)).toEqual(expectedCounts('2025-07-01', '2025-07-31'));
  expect(screen.getByTestId('count-unclassified').querySelectorAll('li')).toHaveLength(2);

  // The clerk types another first day in each table: the counts are the new period's.
  const read = await h.adapter.readTables();
  for (const t of read.tables) {
    const from = t.info.from;
    if (from) h.host.type(t.sheet, from.address, '10/07/2025');
  }
  expect(await figures(h.adapter)).toEqual(expectedCounts('2025-07-10', '2025-07-31'));
}, 300000);

test('without a report period in the settings it says so and inserts nothing', async () => {
  const h = await renderPane();
  await openTab('Bảng biểu');
  expect((await screen.findByTestId('count-registers', {}, LONG)).textContent).toContain('Nhập kỳ báo cáo (Từ ngày, Đến ngày) ở thẻ Thiết lập');
  const input = (await screen.findByTestId('count-files', {}, LONG)) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([outgoingCsv(PARTY_OUT) as Uint8Array<ArrayBuffer>], 'tu-di.csv')], configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await waitFor(() => expect(screen.getAllByTestId('count-register')).toHaveLength(1), LONG);
  await click(screen.getByRole('button', { name: 'Đếm và chèn vào sổ tính' }));
  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1']);
}, 120000);
