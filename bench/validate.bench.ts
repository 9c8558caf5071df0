/**
 * `validate_ms_3321x20`: validating one table of 3,321 rows (every commune of the country) by
 * 20 entry columns, built directly as a reader would give it (no file). Median of several runs.
 */
import { validateWorkbook } from '../src/core/check/validate';
import { readTemplate } from '../test/support/plan-read';
import { ENTRY_COLUMNS, ROWS, medianMs, wideTemplate } from './support/wide';

export async function run(): Promise<Record<string, number>> {
  const template = wideTemplate();
  const values = Array.from({ length: ROWS }, (_, r) => Array.from({ length: ENTRY_COLUMNS }, (_, c) => (r * 31 + c * 17) % 5000));
  const table = readTemplate(template, { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', from: '2025-07-01', to: '2025-10-15', dataRows: ROWS, values });
  const read = { tables: [table] };
  const opts = { templates: [template], today: new Date(2026, 0, 1) };
  const first = validateWorkbook(read, opts);
  if (first.length !== 0) throw new Error(`bench table should be clean, got ${first.length} findings (${first[0].rule})`);
  return { validate_ms_3321x20: medianMs(() => validateWorkbook(read, opts), 15, 3) };
}
