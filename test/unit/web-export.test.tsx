/** @jest-environment jsdom */
/**
 * The web page's export buttons (Kiểm tra and Tổng hợp): "Tải số liệu (CSV)" downloads what
 * `bieumau export --for-excel` writes for the same files, "Tải SDMX" one .zip holding what
 * `--format sdmx-csv` and `--structure` write; unreadable files are left out and named.
 */
import '../support/taskpane-polyfill';
import { webcrypto, createHash } from 'crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { act } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { unzipSync } from 'fflate';
import { CheckTab } from '../../src/web/CheckTab';
import { ConsolidateTab } from '../../src/web/ConsolidateTab';
import { BUILTIN_CATALOG } from '../../src/core/forms/builtin';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { exportFile, renderExport } from '../../src/cli/export';
import { sdmxStructure, sdmxObservations } from '../../src/core/export/sdmx';
import type { FigureRecord } from '../../src/core/export/export';
import { parseCsvStrict } from '../support/strict-csv';
import { blobBytes } from '../support/blob';
import { captureDownloads } from '../support/downloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const g = globalThis as unknown as { crypto?: { subtle?: unknown } };
if (!g.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

const LONG = 120000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** jsdom's Blob and File may lack arrayBuffer(); FileReader has it. */
if (typeof File.prototype.arrayBuffer !== 'function') {
  Object.defineProperty(Blob.prototype, 'arrayBuffer', {
    value(this: Blob) {
      return blobBytes(this).then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
    },
    configurable: true,
  });
}

/** Every download the page offers. */
const downloads = captureDownloads();

let dir: string;
let seed: Uint8Array;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bm-web-export-'));
  seed = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample']));
}, LONG);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (b: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
const fileOf = (bytes: Uint8Array | string, name: string): File => new File([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], name, { type: XLSX });

/** What the command line's export gives for these bytes under this name (the file written under it in a folder). */
async function cliRecords(files: [string, Uint8Array][]): Promise<FigureRecord[]> {
  const out: FigureRecord[] = [];
  for (const [name, bytes] of files) {
    const sub = mkdtempSync(join(dir, 'cli-'));
    writeFileSync(join(sub, name), bytes);
    const r = await exportFile(join(sub, name), BUILTIN_CATALOG);
    if ('error' in r) throw new Error(`${name}: ${r.error.en}`);
    for (const x of r.records) out.push({ ...x, source_file: name });
  }
  return out;
}

/** The structure message without its id and preparation time (which differ between two runs). */
const timeless = (xml: string): string => xml.replace(/<mes:ID>[^<]*<\/mes:ID>/, '<mes:ID/>').replace(/<mes:Prepared>[^<]*<\/mes:Prepared>/, '<mes:Prepared/>');

async function chooseFiles(testId: string, files: File[]): Promise<void> {
  const input = screen.getByTestId(testId) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

async function press(name: string): Promise<void> {
  const before = downloads.length;
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
  await waitFor(() => expect(screen.getByTestId('export-status').getAttribute('data-busy')).toBe('no'), { timeout: LONG });
  expect(downloads.length).toBe(before + 1);
}

test(
  'Kiểm tra: the figures of every readable checked file, as bieumau export --for-excel and --format sdmx-csv --structure give them',
  async () => {
    const announced: string[] = [];
    const tricky = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', '=1+1, "Xã Đạ Huoai"']));
    render(
      <FluentProvider theme={webLightTheme}>
        <CheckTab lang="vi" announce={(t) => announced.push(t)} catalog={BUILTIN_CATALOG} />
      </FluentProvider>,
    );
    await chooseFiles('file-input', [fileOf(seed, 'seed.xlsx'), fileOf('just text', 'hong.xlsx'), fileOf(tricky, 'xa-dac-biet.xlsx')]);
    await waitFor(() => expect(screen.getByTestId('web-check-summary')).toBeTruthy(), { timeout: LONG });

    await press('Tải số liệu (CSV)');
    const csvDownload = downloads[downloads.length - 1];
    expect(csvDownload.name).toBe('so-lieu.csv');
    expect(csvDownload.type).toBe('text/csv;charset=utf-8');
    const csv = text(await blobBytes(csvDownload.blob));
    const records = await cliRecords([
      ['seed.xlsx', seed],
      ['xa-dac-biet.xlsx', tricky],
    ]);
    expect(csv).toBe(await renderExport(records, 'csv', true, BUILTIN_CATALOG));
    // the values themselves: the BOM, 70 figures a file, the seed's error and fingerprint, a unit that looks like a formula written as text
    expect(
      csv.startsWith('\uFEFFunit,period_from,period_to,pack,pack_version,template,template_version,row,row_label,column,column_label_vi,value,kind,source_file,source_sha256,source_errors\r\n'),
    ).toBe(true);
    const rows = parseCsvStrict(csv.slice(1));
    expect(rows).toHaveLength(1 + 70 + 70);
    const seedRows = rows.filter((r) => r[13] === 'seed.xlsx');
    expect(seedRows).toHaveLength(70);
    expect(new Set(seedRows.map((r) => `${r[14]} ${r[15]}`))).toEqual(new Set([`${createHash('sha256').update(seed).digest('hex')} 1`]));
    expect(seedRows.find((r) => r[5] === 'b01' && r[9] === 'central.politburo')?.slice(7, 13)).toEqual([
      '2025-07-01/2025-10-15',
      'Từ ngày 01/7/2025 đến 15/10/2025',
      'central.politburo',
      'Văn bản do Trung ương ban hành – Bộ Chính trị',
      '39',
      'entry',
    ]);
    expect(new Set(rows.filter((r) => r[13] === 'xa-dac-biet.xlsx').map((r) => r[0]))).toEqual(new Set(['\'=1+1, "Xã Đạ Huoai"']));
    expect(rows.some((r) => r[13] === 'hong.xlsx')).toBe(false);
    expect(screen.getByTestId('export-status').textContent).toBe('Đã tải so-lieu.csv: 140 số liệu.');
    expect(announced[announced.length - 1]).toBe('Đã tải so-lieu.csv: 140 số liệu.');

    await press('Tải SDMX');
    const zipDownload = downloads[downloads.length - 1];
    expect(zipDownload.name).toBe('so-lieu-sdmx.zip');
    expect(zipDownload.type).toBe('application/zip');
    const parts = unzipSync(await blobBytes(zipDownload.blob));
    expect(Object.keys(parts)).toEqual(['so-lieu-sdmx.csv', 'so-lieu-sdmx-cau-truc.xml']);
    const sdmx = text(parts['so-lieu-sdmx.csv']);
    expect(sdmx).toBe(await renderExport(records, 'sdmx-csv', false, BUILTIN_CATALOG));
    expect(sdmx.split('\r\n')[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,UNIT,TIME_PERIOD,TABLE,ROW,INDICATOR,OBS_VALUE,SOURCE_SHA256');
    const structure = text(parts['so-lieu-sdmx-cau-truc.xml']);
    expect(timeless(structure)).toBe(timeless(sdmxStructure(sdmxObservations(records, BUILTIN_CATALOG), BUILTIN_CATALOG)));
    expect(structure).toContain('<str:Dataflow');
  },
  LONG,
);

test(
  'Kiểm tra: nothing readable, no export buttons; the English page names its buttons in English',
  async () => {
    const view = render(
      <FluentProvider theme={webLightTheme}>
        <CheckTab lang="vi" announce={() => undefined} catalog={BUILTIN_CATALOG} />
      </FluentProvider>,
    );
    await chooseFiles('file-input', [fileOf('just text', 'hong.xlsx')]);
    await waitFor(() => expect(screen.getByTestId('web-check-summary')).toBeTruthy(), { timeout: LONG });
    expect(screen.queryByRole('button', { name: 'Tải số liệu (CSV)' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tải SDMX' })).toBeNull();
    view.unmount();
    render(
      <FluentProvider theme={webLightTheme}>
        <CheckTab lang="en" announce={() => undefined} catalog={BUILTIN_CATALOG} />
      </FluentProvider>,
    );
    await chooseFiles('file-input', [fileOf(seed, 'seed.xlsx')]);
    await waitFor(() => expect(screen.getByTestId('web-check-summary')).toBeTruthy(), { timeout: LONG });
    await press('Download figures (CSV)');
    expect(screen.getByTestId('export-status').textContent).toBe('Downloaded so-lieu.csv: 70 figures.');
    expect(screen.getByRole('button', { name: 'Download SDMX' })).toBeTruthy();
  },
  LONG,
);

test(
  'Tổng hợp: the figures of the workbook just consolidated, per-unit records adding up to the total records',
  async () => {
    const units: [string, Uint8Array][] = [];
    const { setCell } = await import('../support/edit-xlsx');
    const { readWorkbook } = await import('../../src/cli/path-source');
    const at = (await readWorkbook(seed)).tables[0].columns['local.council'][0];
    for (const [file, unit] of [
      ['xa-a.xlsx', 'XÃ A'],
      ['xa-b.xlsx', 'XÃ B'],
    ]) {
      const made = await buildWorkbook(parseNewArgs(['x.xlsx', '--sample', '--unit', unit]));
      units.push([file, await setCell(made, at.sheet, at.address, 732)]);
    }
    render(
      <FluentProvider theme={webLightTheme}>
        <ConsolidateTab lang="vi" announce={() => undefined} catalog={BUILTIN_CATALOG} />
      </FluentProvider>,
    );
    await chooseFiles(
      'sources-input',
      units.map(([n, b]) => fileOf(b, n)),
    );
    const before = downloads.length;
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Tổng hợp và tải về' }));
    });
    await waitFor(() => expect(screen.getByTestId('consolidate-summary')).toBeTruthy(), { timeout: LONG });
    expect(downloads.length).toBe(before + 1);
    const workbook = downloads[downloads.length - 1];
    expect(workbook.name).toBe('tong-hop-2025-07-01-2025-10-15.xlsx');

    await press('Tải số liệu (CSV)');
    const csvDownload = downloads[downloads.length - 1];
    expect(csvDownload.name).toBe('tong-hop-2025-07-01-2025-10-15-so-lieu.csv');
    const csv = text(await blobBytes(csvDownload.blob));
    const records = await cliRecords([[workbook.name, await blobBytes(workbook.blob)]]);
    expect(csv).toBe(await renderExport(records, 'csv', true, BUILTIN_CATALOG));
    // per-unit entry records of b01 add up to its total records, column by column
    const b01 = records.filter((r) => r.template === 'b01');
    expect(new Set(b01.filter((r) => r.kind === 'entry').map((r) => r.row))).toEqual(new Set(['XÃ A', 'XÃ B']));
    for (const t of b01.filter((r) => r.row === 'total' && records.some((e) => e.kind === 'entry' && e.template === 'b01' && e.column === r.column))) {
      const sum = b01.filter((r) => r.kind === 'entry' && r.column === t.column).reduce((s, r) => s + (r.value as number), 0);
      expect([t.column, t.value]).toEqual([t.column, sum]);
    }
    expect(b01.find((r) => r.row === 'total' && r.column === 'central.politburo')?.value).toBe(78);

    await press('Tải SDMX');
    const zipDownload = downloads[downloads.length - 1];
    expect(zipDownload.name).toBe('tong-hop-2025-07-01-2025-10-15-so-lieu-sdmx.zip');
    const parts = unzipSync(await blobBytes(zipDownload.blob));
    expect(text(parts['tong-hop-2025-07-01-2025-10-15-so-lieu-sdmx.csv'])).toBe(await renderExport(records, 'sdmx-csv', false, BUILTIN_CATALOG));
    expect(timeless(text(parts['tong-hop-2025-07-01-2025-10-15-so-lieu-sdmx-cau-truc.xml']))).toBe(timeless(sdmxStructure(sdmxObservations(records, BUILTIN_CATALOG), BUILTIN_CATALOG)));
  },
  LONG,
);
