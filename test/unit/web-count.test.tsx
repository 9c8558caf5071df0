/** @jest-environment jsdom */
/**
 * The web page's "Đếm từ sổ văn bản" tab in jsdom, as a clerk uses it: registers chosen (.xlsx and
 * .csv exports), each read and said to be incoming or outgoing, the body of the UBND's outgoing
 * register chosen, the period typed; the workbook downloaded holds the figures counted independently
 * from the hand-labelled rows (test/support/count-fixture), and the undecided rows are listed. A file
 * that is no register is named with why, and nothing is counted.
 */
import '../support/taskpane-polyfill';
import { act } from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { WebApp } from '../../src/web/WebApp';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';
import { COMMITTEE_OUT, INCOMING, PARTY_OUT, countedFigures, expectedCounts, expectedUnclassified } from '../support/count-fixture';
import { blobBytes } from '../support/blob';
import { captureDownloads } from '../support/downloads';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
const LONG = { timeout: 60000 };

const downloads = captureDownloads();
afterEach(() => jest.restoreAllMocks());

const file = (bytes: Uint8Array, name: string): File => new File([bytes as Uint8Array<ArrayBuffer>], name);
const disabled = (el: HTMLElement): boolean => el.getAttribute('aria-disabled') === 'true';

async function openCountTab(): Promise<void> {
  await act(async () => {
    render(<WebApp />);
  });
  await act(async () => {
    fireEvent.click(screen.getByRole('tab', { name: 'Đếm từ sổ văn bản' }));
  });
  await waitFor(() => screen.getByRole('button', { name: 'Chọn sổ văn bản (.xlsx, .csv)' }), LONG);
}

async function choose(files: File[]): Promise<void> {
  const input = await waitFor(() => screen.getByTestId('registers-input') as HTMLInputElement, LONG);
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  await act(async () => {
    fireEvent.change(input);
  });
}

test('registers in, the counted workbook downloaded with the period\'s figures; undecided rows listed', async () => {
  await openCountTab();
  await choose([file(await incomingXlsx(INCOMING), 'den.xlsx'), file(outgoingCsv(PARTY_OUT), 'tu-di.csv'), file(await outgoingXlsx(COMMITTEE_OUT), 'ubnd-di.xlsx')]);
  await waitFor(() => expect(screen.getAllByTestId('register-read')).toHaveLength(3), LONG);
  expect(screen.getAllByTestId('register-read').map((e) => e.textContent)).toEqual([
    `den.xlsx: sổ văn bản đến, ${INCOMING.length} dòng.`,
    expect.stringContaining(`tu-di.csv: sổ văn bản đi, ${PARTY_OUT.length} dòng.`),
    expect.stringContaining(`ubnd-di.xlsx: sổ văn bản đi, ${COMMITTEE_OUT.length} dòng.`),
  ]);
  const button = screen.getByRole('button', { name: 'Đếm và tải về' });
  expect(disabled(button)).toBe(true); // no period yet
  fireEvent.change(screen.getByRole('combobox', { name: 'Cơ quan của sổ ubnd-di.xlsx' }), { target: { value: 'local.peoplesCommittee' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Từ ngày' }), { target: { value: '01/07/2025' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Đến ngày' }), { target: { value: '31/07/2025' } });
  expect(disabled(button)).toBe(false);
  await act(async () => {
    fireEvent.click(button);
  });
  await waitFor(() => expect(downloads.map((d) => d.name)).toEqual(['dem-2025-07-01-2025-07-31.xlsx']), LONG);

  const wb = await readWorkbook(await blobBytes(downloads[0].blob));
  expect(countedFigures(wb)).toEqual(expectedCounts('2025-07-01', '2025-07-31'));
  const listed = within(screen.getByTestId('count-unclassified')).getAllByRole('listitem').map((li) => li.textContent);
  expect(listed).toHaveLength(expectedUnclassified('2025-07-01', '2025-07-31').length);
  expect(listed[0]).toContain('08-QĐi/TW');
  expect(screen.getByTestId('web-status').textContent).toBe(`Đã đếm và tải về dem-2025-07-01-2025-07-31.xlsx; ${listed.length} văn bản chưa xếp được cột.`);
});

test('a file that is no register is named with why, and nothing is counted', async () => {
  await openCountTab();
  await choose([file(new TextEncoder().encode('Họ tên,Điện thoại\nA,1\n'), 'danh-ba.csv')]);
  const refused = await waitFor(() => screen.getByTestId('register-refused'), LONG);
  expect(refused.textContent).toContain('danh-ba.csv');
  expect(refused.textContent).toContain('Số, ký hiệu');
  fireEvent.change(screen.getByRole('textbox', { name: 'Từ ngày' }), { target: { value: '01/07/2025' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Đến ngày' }), { target: { value: '31/07/2025' } });
  expect(disabled(screen.getByRole('button', { name: 'Đếm và tải về' }))).toBe(true);
  expect(downloads).toEqual([]);
});
