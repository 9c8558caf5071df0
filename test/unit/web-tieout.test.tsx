/** @jest-environment jsdom */
/**
 * The web page's Kiểm tra → "Đối chiếu báo cáo (.docx)…": the seed report built as a .docx shows the
 * certificate finding with 7.888 (7.697 highlighted in its sentence), cross.council at the report's
 * table cell, the 15 meetings matched; the CSV download is the safe CSV; a .doc gets its own message.
 */
import '../support/taskpane-polyfill';
import { act } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CheckTab } from '../../src/web/CheckTab';
import { seedReportDocx } from '../support/seed-report';
import { ole2 } from '../support/ole2';
import { blobBytes } from '../support/blob';
import { captureDownloads } from '../support/downloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;


const downloads = captureDownloads();

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function page(lang: 'vi' | 'en' = 'vi'): void {
  render(
    <FluentProvider theme={webLightTheme}>
      <CheckTab lang={lang} announce={() => undefined} />
    </FluentProvider>,
  );
}

async function choose(bytes: Uint8Array, name: string): Promise<void> {
  const input = screen.getByTestId('tieout-report-input');
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([bytes as Uint8Array<ArrayBuffer>], name, { type: DOCX })] } });
  });
}

test('the seed report: the certificate finding with 7.888, cross.council, the 15 meetings; CSV download', async () => {
  page();
  expect(screen.getByRole('button', { name: 'Đối chiếu báo cáo (.docx)…' })).toBeTruthy();
  await choose(seedReportDocx(), 'bao-cao.docx');
  const summary = await waitFor(() => screen.getByTestId('tieout-summary'), { timeout: 30000 });
  expect(summary.textContent).toBe('bao-cao.docx: 6 lỗi, 0 cảnh báo, 1 số liệu khớp (35 đoạn, 3 bảng; biểu tìm thấy: Biểu 01, Biểu 02, Biểu 03).');
  const items = screen.getAllByTestId('tieout-finding');
  expect(items.map((i) => i.getAttribute('data-rule'))).toEqual(['text.table', 'text.table', 'text.table', 'text.table', 'text.parts', 'cross.council']);
  const parts = items[4];
  expect(parts.textContent).toContain('Với 7.888 thì 1.487 + 7.888 = 9.375 cũng khớp');
  expect(within(parts).getByTestId('tieout-quote').querySelector('mark')?.textContent).toBe('7.697');
  expect(parts.textContent).toContain('Đúng là: 7.888');
  expect(items[5].textContent).toContain('Biểu 02, ô I3');
  expect(screen.getByTestId('tieout-matched').textContent).toContain('15 — Biểu 03, ô F4 (đoạn 6)');

  fireEvent.click(screen.getByRole('button', { name: 'Tải kết quả đối chiếu (CSV)' }));
  const csv = downloads[downloads.length - 1];
  expect(csv.name).toBe('doi-chieu-bao-cao.csv');
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blobBytes(csv.blob));
  expect(text.startsWith('\uFEFFloại,quy tắc,mức,đoạn,biểu,ô,văn bản ghi,đúng là,thông báo,câu\r\n')).toBe(true);
  expect(text).toContain('finding,text.parts,error,22,,,7697,7888,');
  expect(text).toContain('finding,cross.council,error,,Biểu 02,I3,732,752,');
  expect(text).toContain('matched,,,6,Biểu 03,F4,15,15,,');
}, 60000);

test('a .doc gets its own message, in English too', async () => {
  page('en');
  await choose(ole2(['WordDocument']), 'cu.doc');
  const alert = await waitFor(() => screen.getByTestId('tieout-unreadable'), { timeout: 30000 });
  expect(alert.textContent).toContain('Cannot read cu.doc: This is a Word 97–2003 file (.doc)');
  expect(screen.queryByTestId('tieout-summary')).toBeNull();
}, 60000);

test('the tie-out words: the same keys and placeholders in Vietnamese and English', () => {
  const { TIEOUT_STRINGS } = jest.requireActual<typeof import('../../src/ui/tieout-strings')>('../../src/ui/tieout-strings');
  const { placeholders } = jest.requireActual<typeof import('../../src/ui/i18n')>('../../src/ui/i18n');
  expect(Object.keys(TIEOUT_STRINGS.en)).toEqual(Object.keys(TIEOUT_STRINGS.vi));
  for (const k of Object.keys(TIEOUT_STRINGS.vi) as (keyof typeof TIEOUT_STRINGS.vi)[]) {
    expect([k, placeholders(TIEOUT_STRINGS.en[k]).sort()]).toEqual([k, placeholders(TIEOUT_STRINGS.vi[k]).sort()]);
  }
});
