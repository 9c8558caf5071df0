/**
 * `validate_ms_3321x20`: validating one table of 3,321 rows (every commune of the country) by
 * 20 entry columns, built directly as a reader would give it (no file). Median of several runs.
 */
import type { Template } from '../src/core/template';
import { validateWorkbook } from '../src/core/validate';
import { readTemplate } from '../test/support/plan-read';

const ROWS = 3321;
const ENTRY_COLUMNS = 20;

/** A table like Biểu 01 but 20 entry columns wide: two groups of 10 with their `Cộng`. */
function wideTemplate(): Template {
  const group = (g: string) => {
    const ids = Array.from({ length: ENTRY_COLUMNS / 2 }, (_, i) => `${g}.c${i + 1}`);
    return {
      id: g,
      label: { vi: `Nhóm ${g}`, en: `Group ${g}` },
      columns: [
        ...ids.map((id, i) => ({ kind: 'entry' as const, id, label: { vi: `Cột ${i + 1}`, en: `Column ${i + 1}` } })),
        { kind: 'sum' as const, id: `${g}.total`, label: { vi: 'Cộng', en: 'Total' }, of: ids },
      ],
    };
  };
  return {
    id: 'bench',
    version: 1,
    name: { vi: 'Biểu thử', en: 'Bench table' },
    title: { vi: 'BIỂU THỬ', en: 'BENCH TABLE' },
    summary: { vi: 'Biểu thử hiệu năng.', en: 'Benchmark table.' },
    rows: { kind: 'repeat', header: { vi: 'Xã / Thời gian', en: 'Commune / Period' }, total: { vi: 'Tổng cộng', en: 'Total' } },
    groups: [group('a'), group('b')],
    sample: [],
  };
}

export async function run(): Promise<Record<string, number>> {
  const template = wideTemplate();
  const values = Array.from({ length: ROWS }, (_, r) => Array.from({ length: ENTRY_COLUMNS }, (_, c) => (r * 31 + c * 17) % 5000));
  const table = readTemplate(template, { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', from: '2025-07-01', to: '2025-10-15', dataRows: ROWS, values });
  const read = { tables: [table] };
  const opts = { templates: [template], today: new Date(2026, 0, 1) };
  const first = validateWorkbook(read, opts);
  if (first.length !== 0) throw new Error(`bench table should be clean, got ${first.length} findings (${first[0].rule})`);
  for (let i = 0; i < 3; i++) validateWorkbook(read, opts);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    validateWorkbook(read, opts);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { validate_ms_3321x20: Math.round(times[Math.floor(times.length / 2)] * 10) / 10 };
}
