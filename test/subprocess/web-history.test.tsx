/** @jest-environment jsdom */
/**
 * So với các kỳ trước on the web page's Kiểm tra: the earlier files chosen apply to every file
 * checked, as `bieumau check FILES --history EARLIER` does; the findings and the JSON download are
 * the command's (`npm run build:cli` first, as test/subprocess/cli-history.test.ts).
 */
import '../support/taskpane-polyfill';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { act } from 'react';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { CheckTab } from '../../src/web/CheckTab';
import * as engine from '../../src/web/engine';
import * as downloads from '../../src/ui/download';
import { unitFigures } from '../support/units-fixture';
import { scaledReport } from '../support/history-fixture';
import { cliIn, ensureCliBuilt } from '../support/cli';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const UNIT = 'Sở Nội vụ tỉnh Lâm Đồng';
const LONG = { timeout: 60000 };
let dir: string;


const NAMES = { current: ['cur.xlsx', 'plain.xlsx'], earlier: ['q2.xlsx', 'other.xlsx', 'bad.xlsx'] };

function file(name: string): File {
  return new File([fs.readFileSync(path.join(dir, name))], name, { type: engine.XLSX_TYPE });
}

beforeAll(async () => {
  ensureCliBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-web-history-'));
  const assembly = unitFigures(5).b01[0][3];
  fs.writeFileSync(path.join(dir, 'cur.xlsx'), await scaledReport(UNIT, '2025-07-01', '2025-07-31', 31, assembly * 310));
  fs.writeFileSync(path.join(dir, 'plain.xlsx'), await scaledReport(UNIT, '2025-07-01', '2025-07-31', 31));
  fs.writeFileSync(path.join(dir, 'q2.xlsx'), await scaledReport(UNIT, '2025-03-01', '2025-06-15', 107));
  fs.writeFileSync(path.join(dir, 'other.xlsx'), await scaledReport('Sở Tư pháp', '2025-03-01', '2025-06-15', 107));
  fs.writeFileSync(path.join(dir, 'bad.xlsx'), 'not a workbook');
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

async function choose(testId: string, files: File[]): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByTestId(testId), { target: { files } });
  });
}

const cli = cliIn(() => dir);

test('earlier files apply to every file checked; findings and the JSON download equal check --history --json', async () => {
  const saved: string[] = [];
  jest.spyOn(downloads, 'download').mockImplementation((name, data) => {
    if (name.endsWith('.json')) saved.push(String(data));
  });
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <CheckTab lang="vi" announce={() => undefined} />
      </FluentProvider>,
    );
  });
  // First the files, then the earlier periods: the files are checked again against them.
  await choose('file-input', NAMES.current.map(file));
  await waitFor(() => expect(screen.getByTestId('web-check-summary').dataset.run).toBe('1'), LONG);
  expect(document.querySelectorAll('li[data-rule="history.outlier"]')).toHaveLength(0);
  await choose('earlier-input', NAMES.earlier.map(file));
  await waitFor(() => expect(screen.getByTestId('web-check-summary').dataset.run).toBe('2'), LONG);
  expect(screen.getByTestId('earlier-chosen').textContent).toBe('Các kỳ trước (3 tệp): q2.xlsx, other.xlsx, bad.xlsx');

  // Exactly one warning, in cur.xlsx; none in plain.xlsx.
  const cur = screen.getByRole('region', { name: 'cur.xlsx' });
  const plain = screen.getByRole('region', { name: 'plain.xlsx' });
  expect(cur.querySelectorAll('li[data-rule="history.outlier"]')).toHaveLength(1);
  expect(plain.querySelectorAll('li[data-rule="history.outlier"]')).toHaveLength(0);
  expect(within(cur).getByTestId('file-history').textContent).toContain('So với 1 kỳ trước: q2.xlsx (01/3/2025–15/6/2025).');
  expect(within(cur).getAllByTestId('history-note').map((n) => n.dataset.kind)).toEqual(['unit', 'unreadable']);

  // The JSON download is the command's document.
  await act(async () => {
    screen.getByRole('button', { name: 'Tải kết quả (JSON)' }).click();
  });
  expect(saved).toHaveLength(1);
  const r = cli('check', ...NAMES.current, '--history', ...NAMES.earlier, '--json');
  expect(r.code).toBe(2); // an earlier file cannot be read
  const expected = JSON.parse(r.stdout) as { files: { findings: { rule: string }[] }[] };
  expect(expected.files[0].findings.filter((f) => f.rule === 'history.outlier')).toHaveLength(1);
  expect(JSON.parse(saved[0])).toEqual(expected);

  // Bỏ các kỳ trước: checked again without them, as plain `check`.
  await act(async () => {
    screen.getByRole('button', { name: 'Bỏ các kỳ trước' }).click();
  });
  await waitFor(() => expect(screen.getByTestId('web-check-summary').dataset.run).toBe('3'), LONG);
  expect(document.querySelectorAll('li[data-rule="history.outlier"]')).toHaveLength(0);
  expect(screen.queryByTestId('file-history')).toBeNull();
  await act(async () => {
    screen.getByRole('button', { name: 'Tải kết quả (JSON)' }).click();
  });
  expect(JSON.parse(saved[1])).toEqual(JSON.parse(cli('check', ...NAMES.current, '--json').stdout));
}, 120000);
