/**
 * Issue 18, the logic both surfaces and the command line share (src/core): counting findings with the
 * blank cells apart, cleaning typed text (one way: trim + NFC), report information from a form,
 * separators per language; and issue 19's day-first dates.
 */
import { countFindings, type Finding } from '../../src/core/check/findings';
import { cleanText, reportFromForm } from '../../src/core/text';
import { formatNumberIn, separatorsFor, VI_SEPARATORS, EN_SEPARATORS } from '../../src/core/numbers';
import { parseDayFirstDate } from '../../src/core/dates';

const f = (rule: string, severity: 'error' | 'warning'): Finding => ({ rule, severity, cells: [{ sheet: 'Biểu 01', address: 'B8' }], message: { vi: rule, en: rule } });

test('countFindings: errors, blank entry cells and the other warnings apart', () => {
  expect(countFindings([f('cross.council', 'error'), f('entry.blank', 'warning'), f('entry.blank', 'warning'), f('entry.large', 'warning'), f('entry.negative', 'error')])).toEqual({ errors: 2, warnings: 1, blank: 2 });
  expect(countFindings([])).toEqual({ errors: 0, warnings: 0, blank: 0 });
});

test('cleanText: trimmed and NFC, so a unit typed on a Mac is the unit typed on Windows', () => {
  const decomposed = ' TỈNH ỦY LÂM ĐỒNG '.normalize('NFD');
  expect(decomposed).not.toBe('TỈNH ỦY LÂM ĐỒNG');
  expect(cleanText(decomposed)).toBe('TỈNH ỦY LÂM ĐỒNG');
  expect(cleanText('\t\n')).toBe('');
});

test('reportFromForm: texts cleaned, blank fields left out or taken from the defaults', () => {
  expect(reportFromForm({ unit: ' Xã A '.normalize('NFD'), reportNo: '', reportDate: '2025-11-14', reportBy: '  ' })).toEqual({ unit: 'Xã A', reportDate: '2025-11-14' });
  expect(reportFromForm({ unit: '', reportNo: '12/BC-UBND', reportDate: '', reportBy: '' }, { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14' })).toEqual({
    unit: 'TỈNH ỦY LÂM ĐỒNG',
    reportNo: '12/BC-UBND',
    reportDate: '2025-11-14',
  });
});

test('separators per language: 1.292,5 in Vietnamese, 1,292.5 in English', () => {
  expect(separatorsFor('vi')).toBe(VI_SEPARATORS);
  expect(separatorsFor('en')).toBe(EN_SEPARATORS);
  expect(formatNumberIn(1292.5, 'vi')).toBe('1.292,5');
  expect(formatNumberIn(1292.5, 'en')).toBe('1,292.5');
});

test.each([
  ['15/10/2025', '2025-10-15'],
  ['5/1/2025', '2025-01-05'],
  [' 15-10-2025 ', '2025-10-15'],
  ['15.10.2025', '2025-10-15'],
  ['2025-10-15', '2025-10-15'],
  ['29/02/2024', '2024-02-29'],
])('parseDayFirstDate(%j) is %s: day first, whatever the browser', (text, iso) => {
  expect(parseDayFirstDate(text)).toBe(iso);
});

test.each(['30/02/2025', '10/15/2025', '15/10/25', '15/10', 'hôm nay', ''])('parseDayFirstDate(%j) is no date', (text) => {
  expect(parseDayFirstDate(text)).toBeNull();
});
