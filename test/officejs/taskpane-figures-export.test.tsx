/** @jest-environment jsdom */
/**
 * Số liệu, "Sao chép số liệu (CSV)" and "Lưu số liệu (CSV)" on the in-memory Excel: every figure
 * of the open workbook's tables as `bieumau export --for-excel` records, the error count of the
 * pane's check, the workbook's name from Office when it is known; a refused clipboard says what to
 * do instead.
 */
import { click, openTab, renderPane, screen, typeSample } from '../support/taskpane-harness';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { RECORD_FIELDS } from '../../src/core/export/export';
import { savedCsvName, workbookFileName } from '../../src/taskpane/app/FiguresExport';
import { parseCsvStrict } from '../support/strict-csv';
import { blobText } from '../support/blob';
import { captureDownloads } from '../support/downloads';

const HEADER = RECORD_FIELDS.join(',');

/** Downloads the pane offers. */
const saved = captureDownloads();

async function seededPane(): Promise<void> {
  const h = await renderPane({ setup: async ({ adapter }) => adapter.saveSettings({ unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '', reportDate: '', reportBy: '', from: '2025-07-01', to: '2025-10-15' }) });
  for (const id of ['b01', 'b02']) {
    await click(screen.getByRole('button', { name: `Chèn Biểu 0${id.slice(2)}` }));
    await typeSample(h, id);
  }
  await openTab('Số liệu');
}

/** The seed's entry figures of a table, in the order its entry columns come. */
function seedEntries(id: string): string[] {
  const t = TEMPLATES.find((x) => x.id === id)!;
  return t.sample[0].map(String);
}

test('the copied CSV holds every figure of the open workbook, the seed values, the check error and no file fingerprint', async () => {
  await seededPane();
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
  await click(screen.getByRole('button', { name: 'Sao chép số liệu (CSV)' }));
  expect(writes).toHaveLength(1);
  const csv = writes[0];
  expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true); // no byte-order mark in a paste
  const rows = parseCsvStrict(csv).slice(1);
  const f = (name: (typeof RECORD_FIELDS)[number]): number => RECORD_FIELDS.indexOf(name);
  expect(rows.map((r) => r[f('template')]).filter((t, i, a) => a.indexOf(t) === i)).toEqual(['b01', 'b02']);
  expect(rows.filter((r) => r[f('template')] === 'b01')).toHaveLength(17);
  expect(rows.filter((r) => r[f('template')] === 'b02')).toHaveLength(18);
  for (const id of ['b01', 'b02']) {
    const entries = rows.filter((r) => r[f('template')] === id && r[f('kind')] === 'entry');
    expect(entries.map((r) => r[f('value')])).toEqual(seedEntries(id));
    expect(new Set(entries.map((r) => r[f('row')]))).toEqual(new Set(['2025-07-01/2025-10-15']));
  }
  expect(rows.find((r) => r[f('template')] === 'b01' && r[f('column')] === 'central.politburo')?.[f('value')]).toBe('39');
  // no file on disk: no name (Office tells none here), no fingerprint; the HĐND error of the seed, as the pane's check finds it
  expect(new Set(rows.map((r) => [r[f('unit')], r[f('source_file')], r[f('source_sha256')], r[f('source_errors')]].join('|')))).toEqual(new Set(['TỈNH ỦY LÂM ĐỒNG|||1']));
  expect(screen.getByTestId('pane-status').textContent).toBe('Đã sao chép 35 số liệu (CSV).');
  await openTab('Kiểm tra');
  await click(screen.getByRole('button', { name: 'Kiểm tra' }));
  expect(document.querySelectorAll('li[data-severity="error"]').length).toBe(1);
});

test('the saved CSV is the copied one with the byte-order mark, named after the workbook when Office knows it', async () => {
  await seededPane();
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
  await click(screen.getByRole('button', { name: 'Sao chép số liệu (CSV)' }));
  await click(screen.getByRole('button', { name: 'Lưu số liệu (CSV)' }));
  expect(saved.map((s) => s.name)).toEqual(['so-lieu.csv']);
  expect(saved[0].blob.type).toBe('text/csv;charset=utf-8');
  expect(await blobText(saved[0].blob)).toBe(`\uFEFF${writes[0]}`);
  expect(screen.getByTestId('pane-status').textContent).toBe('Đã lưu so-lieu.csv: 35 số liệu.');

  const g = globalThis as { Office?: unknown };
  g.Office = { context: { document: { url: 'https://contoso.sharepoint.com/sites/vp/Shared%20Documents/B%C3%A1o%20c%C3%A1o%20qu%C3%BD%20III.xlsx?web=1' } } };
  try {
    expect(workbookFileName()).toBe('Báo cáo quý III.xlsx');
    await click(screen.getByRole('button', { name: 'Lưu số liệu (CSV)' }));
    expect(saved[1].name).toBe('Báo cáo quý III-so-lieu.csv');
    const rows = parseCsvStrict((await blobText(saved[1].blob)).slice(1)).slice(1);
    expect(new Set(rows.map((r) => r[RECORD_FIELDS.indexOf('source_file')]))).toEqual(new Set(['Báo cáo quý III.xlsx']));
    g.Office = { context: { document: { url: 'C:\\Users\\van.thu\\Documents\\=1+1.xlsx' } } };
    await click(screen.getByRole('button', { name: 'Lưu số liệu (CSV)' }));
    // a name a spreadsheet would take for a formula is written as text in the people's CSV
    expect(
      new Set(
        parseCsvStrict((await blobText(saved[2].blob)).slice(1))
          .slice(1)
          .map((r) => r[RECORD_FIELDS.indexOf('source_file')]),
      ),
    ).toEqual(new Set(["'=1+1.xlsx"]));
  } finally {
    delete g.Office;
  }
  expect(workbookFileName()).toBe('');
  expect(savedCsvName('')).toBe('so-lieu.csv');
  expect(savedCsvName('bao-cao.XLSX')).toBe('bao-cao-so-lieu.csv');
});

test('a refused clipboard says to save the figures instead, in a message bar and the status line', async () => {
  await seededPane();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => Promise.reject(new Error('NotAllowedError')) }, configurable: true });
  Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  await click(screen.getByRole('button', { name: 'Sao chép số liệu (CSV)' }));
  const message = 'Không sao chép được: Excel hoặc trình duyệt không cho dùng bộ nhớ tạm. Hãy bấm “Lưu số liệu (CSV)” để lưu thành tệp.';
  expect(screen.getByTestId('figures-copy-failed').textContent).toBe(message);
  expect(screen.getByTestId('pane-status').textContent).toBe(message);
});

test('English pane: the buttons and messages in English', async () => {
  const h = await renderPane({ language: 'en' });
  await click(screen.getByRole('button', { name: 'Insert Table 01' }));
  await typeSample(h, 'b01');
  await openTab('Figures');
  const writes: string[] = [];
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void writes.push(t) }, configurable: true });
  await click(screen.getByRole('button', { name: 'Copy figures (CSV)' }));
  expect(screen.getByTestId('pane-status').textContent).toBe('17 figures copied (CSV).');
  expect(screen.getByRole('button', { name: 'Save figures (CSV)' })).toBeTruthy();
});

test('no table: no export buttons', async () => {
  await renderPane();
  await openTab('Số liệu');
  expect(screen.queryByRole('button', { name: 'Sao chép số liệu (CSV)' })).toBeNull();
  expect(screen.queryByRole('button', { name: 'Lưu số liệu (CSV)' })).toBeNull();
});
