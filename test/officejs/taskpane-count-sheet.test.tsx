/** @jest-environment jsdom */
/**
 * "Đếm từ sổ văn bản…" from a sheet the clerk pasted an export into, on the in-memory Excel through
 * Microsoft's client library: the adapter lists the sheets in one sync and reads the chosen sheet's
 * used range in two more (its size, then its values and number formats — one block, the register
 * being under `BLOCK_CELLS` cells); the register read from it has the same rows as
 * the file's reader gives for the export itself; in the pane, two pasted sheets and a file counted
 * together give Excel figures equal to the independent count of the hand-labelled rows. A sheet with
 * no register is refused with its name, and nothing is counted.
 */
import { webcrypto } from 'crypto';
import { fireEvent, waitFor } from '@testing-library/react';
import { click, makeHost, openTab, renderPane, screen, act } from '../support/taskpane-harness';
import { gridFromRange, registerFromGrid } from '../../src/core/count/register';
import { readRegister } from '../../src/xlsx/register-read';
import type { MemHost } from '../../src/devhost';
import type { WorkbookAdapter } from '../../src/excel/types';
import { incomingXlsx, outgoingCsv, outgoingXlsx, pastedCells } from '../support/registers';
import { COMMITTEE_OUT, INCOMING, PARTY_OUT, countedFigures, expectedCounts } from '../support/count-fixture';

const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 120000 };

/** The export pasted into a new sheet of the workbook, cell for cell (dates as Excel keeps them: serials shown as dates). */
async function paste(host: MemHost, sheet: string, bytes: Uint8Array): Promise<void> {
  host.addSheet(sheet);
  for (const c of await pastedCells(bytes)) {
    host.type(sheet, c.address, c.value, typeof c.value === 'string');
    if (c.numberFormat) host.cellAt(sheet, c.address)!.numberFormat = c.numberFormat;
  }
}

async function figures(adapter: WorkbookAdapter): Promise<Record<string, number>> {
  return countedFigures(await adapter.readTables());
}

test('the adapter: sheet names in 1 sync, a pasted register\'s used range in 2 (size, one block); its rows are the file reader\'s rows', async () => {
  const h = makeHost();
  const bytes = await incomingXlsx(INCOMING);
  await paste(h.host, 'Sổ đến', bytes);
  let before = h.host.stats.syncs;
  expect(await h.adapter.worksheetNames()).toEqual(['Sheet1', 'Sổ đến']);
  expect(h.host.stats.syncs - before).toBe(1);
  before = h.host.stats.syncs;
  const cells = await h.adapter.readSheetCells('Sổ đến');
  expect(h.host.stats.syncs - before).toBe(2);
  const fromSheet = registerFromGrid('Sổ đến', 'Sổ đến', gridFromRange(cells));
  const fromFile = readRegister({ name: 'den.xlsx', bytes });
  if ('refusal' in fromSheet || 'refusal' in fromFile) throw new Error('refused');
  expect(fromSheet.kind).toBe('incoming');
  expect(fromSheet.headerRow).toBe(fromFile.headerRow);
  expect(fromSheet.rows).toEqual(fromFile.rows);
  expect(fromSheet.rows).toHaveLength(INCOMING.length);
  // Dates typed as text and Excel dates alike: row 2's arrival "02/07/2025" and row 1's 2025-07-01.
  expect(fromSheet.rows.slice(0, 2).map((r) => r.arrivalDate)).toEqual(['2025-07-01', '2025-07-02']);
  // An empty sheet: no rows, its size only (one sync).
  before = h.host.stats.syncs;
  expect(gridFromRange(await h.adapter.readSheetCells('Sheet1'))).toEqual([]);
  expect(h.host.stats.syncs - before).toBe(1);
}, 120000);

async function chooseSheet(name: string): Promise<void> {
  await click(screen.getByRole('button', { name: 'Lấy sổ đã dán vào một trang tính…' }));
  const select = await screen.findByRole('combobox', { name: 'Trang tính có sổ văn bản' }, LONG);
  await act(async () => {
    fireEvent.change(select, { target: { value: name } });
  });
}

test('two pasted sheets and a file counted together: Excel\'s figures are the period\'s; a sheet without a register is refused by name', async () => {
  const h = await renderPane({
    setup: async ({ adapter, host }) => {
      await adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '', reportDate: '', reportBy: '', from: '2025-07-01', to: '2025-07-31' });
      await paste(host, 'Sổ đến', await incomingXlsx(INCOMING));
      await paste(host, 'Sổ đi UBND', await outgoingXlsx(COMMITTEE_OUT));
    },
  });
  await openTab('Bảng biểu');
  await screen.findByTestId('count-registers', {}, LONG);
  await chooseSheet('Sheet1');
  await waitFor(() => expect(screen.getByTestId('count-refused').textContent).toContain('Sheet1, trang "Sheet1": không tìm thấy dòng tiêu đề'), LONG);
  const go = screen.getByRole('button', { name: 'Đếm và chèn vào sổ tính' });
  expect(go.getAttribute('aria-disabled')).toBe('true');

  const input = screen.getByTestId('count-files') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File([outgoingCsv(PARTY_OUT) as Uint8Array<ArrayBuffer>], 'tu-di.csv')], configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
  await chooseSheet('Sổ đến');
  await chooseSheet('Sổ đi UBND');
  await waitFor(() => expect(screen.getAllByTestId('count-register')).toHaveLength(3), LONG);
  expect(screen.getAllByTestId('count-register').map((e) => e.firstChild?.textContent)).toEqual([
    `tu-di.csv: sổ văn bản đi, ${PARTY_OUT.length} dòng.`,
    `Sổ đến: sổ văn bản đến, ${INCOMING.length} dòng.`,
    `Sổ đi UBND: sổ văn bản đi, ${COMMITTEE_OUT.length} dòng.`,
  ]);
  // Sheet1 is still refused: nothing is counted until the clerk takes it out of the list.
  expect(go.getAttribute('aria-disabled')).toBe('true');
  await click(screen.getByRole('button', { name: 'Bỏ sổ Sheet1' }));
  expect(screen.queryByTestId('count-refused')).toBeNull();
  fireEvent.change(screen.getByRole('combobox', { name: 'Cơ quan của sổ Sổ đi UBND' }), { target: { value: 'local.peoplesCommittee' } });
  expect(go.getAttribute('aria-disabled')).not.toBe('true');
  await click(go);
  await waitFor(() => screen.getByTestId('count-done'), LONG);

  expect(h.host.book.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sổ đến', 'Sổ đi UBND', 'Sổ văn bản đi', 'Sổ văn bản đến', 'Sổ văn bản đi (2)', 'Biểu 01', 'Biểu 02']);
  expect(await figures(h.adapter)).toEqual(expectedCounts('2025-07-01', '2025-07-31'));
  // The undecided rows by their row in the pasted sheet: the incoming export has three title lines,
  // a blank one, the header and the numbering row above its rows (first row 7), the outgoing two
  // title lines (first row 6).
  const inRow = 7 + INCOMING.findIndex((r) => r.expect.unclassified);
  const outRow = 6 + COMMITTEE_OUT.findIndex((r) => r.expect.unclassified);
  expect([...screen.getByTestId('count-unclassified').querySelectorAll('li')].map((li) => li.textContent?.split(':')[0])).toEqual([`Sổ đến, dòng ${inRow} 08-QĐi/TW`, `Sổ đi UBND, dòng ${outRow} 05/2025/NQ-HĐND`]);
  // The pasted sheets are left as they were.
  expect(h.host.valueAt('Sổ đến', 'D5')).toBe('Số, ký hiệu');
  expect(h.host.valueAt('Sổ đến', `D${inRow}`)).toBe('08-QĐi/TW');
}, 300000);
