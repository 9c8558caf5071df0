/** @jest-environment jsdom */
/**
 * The web page's Tổng hợp tab, "Theo kỳ": three Decree 09 monthly reports of one commune roll up into
 * the third quarter, downloaded as luy-ke-2025-06-15-2025-09-14.xlsx; the download read back holds
 * the months' sums (Biểu 04 the last month's) and the same tables as the core roll-up of the same
 * files; a missing month is refused with its dates, nothing downloaded.
 */
import '../support/taskpane-polyfill';
import { webcrypto } from 'crypto';
import { act } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ConsolidateTab } from '../../src/web/ConsolidateTab';
import { BUILTIN_CATALOG, TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import { periodRange } from '../../src/core/periods';
import { rollUp } from '../../src/core/combine/rollup';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/cli/path-source';
import { sourceFromBytes } from '../../src/xlsx/source';
import { unitFigures, unitPlans } from '../support/units-fixture';
import { captureDownloads } from '../support/downloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = { timeout: 60000 };
const month = (m: number): { from: string; to: string } => periodRange({ kind: 'month', year: 2025, month: m });

/** What the page offered to save. */
const downloads = captureDownloads();

async function monthBytes(m: number): Promise<Uint8Array> {
  return writeWorkbook(unitPlans({ unit: 'UBND XÃ A', seed: m, period: month(m) }));
}

async function monthFile(m: number): Promise<File> {
  return new File([(await monthBytes(m)) as Uint8Array<ArrayBuffer>], `thang-${m}.xlsx`, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** jsdom's Blob has no arrayBuffer() (every browser the page supports has): read it with a FileReader. */
if (typeof Blob.prototype.arrayBuffer !== 'function') {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    configurable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const r = new FileReader();
        r.onload = () => resolve(r.result as ArrayBuffer);
        r.onerror = () => reject(r.error);
        r.readAsArrayBuffer(this);
      });
    },
  });
}

function renderTab(lang: 'vi' | 'en' = 'vi'): string[] {
  const announced: string[] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ConsolidateTab lang={lang} announce={(t) => announced.push(t)} catalog={BUILTIN_CATALOG} />
    </FluentProvider>,
  );
  return announced;
}

async function choose(files: File[]): Promise<void> {
  const input = screen.getByTestId('sources-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

async function press(el: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
}

test('Theo kỳ: the quarter from three months is downloaded; its tables are the core roll-up\'s; the summary shows the covering period', async () => {
  const announced = renderTab();
  expect(screen.getByRole('radiogroup', { name: 'Cách tổng hợp' })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Tổng hợp và tải về' })).toBeTruthy();
  expect(screen.queryByRole('textbox', { name: /Danh sách đơn vị/ })).not.toBeNull();
  await press(screen.getByRole('radio', { name: 'Theo kỳ' }));
  expect(screen.queryByRole('textbox', { name: /Danh sách đơn vị/ })).toBeNull();
  expect(screen.queryByTestId('units-input')).toBeNull();

  await choose([await monthFile(8), await monthFile(7), await monthFile(9)]);
  await press(screen.getByRole('button', { name: 'Lũy kế và tải về' }));
  await waitFor(() => expect(document.querySelector('[data-testid="consolidate-result"][data-written="yes"]')).not.toBeNull(), LONG);

  expect(downloads.map((d) => d.name)).toEqual(['luy-ke-2025-06-15-2025-09-14.xlsx']);
  expect(screen.getByTestId('rollup-summary').textContent).toBe('Đã lũy kế 3/3 tệp vào luy-ke-2025-06-15-2025-09-14.xlsx.');
  expect(screen.getByTestId('rollup-period').textContent).toBe('Kỳ lũy kế: từ ngày 15/6/2025 đến ngày 14/9/2025 (Quý III/2025, 92 ngày).');
  expect([...screen.getByTestId('rollup-sources').querySelectorAll('li')].map((li) => [li.dataset.file, li.dataset.included])).toEqual([
    ['thang-7.xlsx', 'yes'],
    ['thang-8.xlsx', 'yes'],
    ['thang-9.xlsx', 'yes'],
  ]);
  expect(announced).toEqual(['Đã lũy kế 3/3 tệp vào luy-ke-2025-06-15-2025-09-14.xlsx.']);

  // The download read back: a row per month, summed by Tổng cộng (a formula: the rows' figures are
  // compared); Biểu 04 the last month's figures.
  const read = await readWorkbook(Buffer.from(await downloads[0].blob.arrayBuffer()));
  expect(read.tables.map((t) => t.sheet)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04']);
  expect(read.tables[0].rowLabels.map((c) => c.value)).toEqual(['Từ ngày 15/6/2025 đến 14/7/2025', 'Từ ngày 15/7/2025 đến 14/8/2025', 'Từ ngày 15/8/2025 đến 14/9/2025']);
  expect(read.tables[0].columns['local.council'].map((c) => c.value)).toEqual([7, 8, 9].map((m) => unitFigures(m).b01[0][7]));
  expect(read.tables[3].columns.published.map((c) => c.value)).toEqual(unitFigures(9).b04.map((row) => row[0]));
  // The same files through the core roll-up, as bieumau roll-up calls it: its totals are the sums of the download's rows.
  const today = new Date();
  const summaries = [];
  for (const m of [7, 8, 9]) summaries.push(await sourceFromBytes(`thang-${m}.xlsx`, await monthBytes(m), 'x'.repeat(64), TEMPLATES, today, BUILTIN_CATALOG));
  const core = rollUp(summaries, { templates: TEMPLATES });
  for (const t of read.tables) {
    const template = TEMPLATES.find((x) => x.id === t.templateId);
    if (!template) throw new Error(t.templateId);
    const used = template.overTime === 'last' ? [9] : [7, 8, 9];
    const ids = entryColumns(template).map((c) => c.id);
    const sums = ids.map((_, k) => used.reduce((a, m) => a + unitFigures(m)[t.templateId].reduce((b, row) => b + row[k], 0), 0));
    const rows = ids.map((id) => t.columns[id].reduce((a, c) => a + (c.value as number), 0));
    expect([t.templateId, rows]).toEqual([t.templateId, sums]);
    expect([t.templateId, ids.map((id) => core.summary.totals[t.templateId][id])]).toEqual([t.templateId, sums]);
  }
});

test('Theo kỳ: a missing month is refused, the gap named with its dates (data-refusal="gap"); nothing downloaded', async () => {
  const announced = renderTab();
  await press(screen.getByRole('radio', { name: 'Theo kỳ' }));
  await choose([await monthFile(7), await monthFile(9)]);
  await press(screen.getByRole('button', { name: 'Lũy kế và tải về' }));
  await waitFor(() => expect(document.querySelector('[data-testid="consolidate-result"][data-written="no"]')).not.toBeNull(), LONG);
  expect(downloads).toEqual([]);
  expect([...document.querySelectorAll('[data-refusal]')].map((el) => [el.getAttribute('data-refusal'), el.textContent])).toEqual([
    ['gap', 'Các kỳ không liền nhau: thiếu từ 15/7/2025 đến 14/8/2025 (giữa thang-7.xlsx và thang-9.xlsx).'],
  ]);
  expect(screen.getByTestId('rollup-refusals').textContent?.startsWith('Không lũy kế, chưa tạo tệp nào:')).toBe(true);
  expect(screen.queryByTestId('rollup-period')).toBeNull();
  expect(announced).toEqual(['Không lũy kế, chưa tạo tệp nào:']);
});

test('English: the choice and the button', async () => {
  renderTab('en');
  expect(screen.getByRole('radiogroup', { name: 'How to add up' })).toBeTruthy();
  await press(screen.getByRole('radio', { name: 'By period' }));
  expect(screen.getByRole('button', { name: 'Roll up and download' })).toBeTruthy();
  await press(screen.getByRole('radio', { name: 'By unit' }));
  expect(screen.getByRole('button', { name: 'Consolidate and download' })).toBeTruthy();
});
