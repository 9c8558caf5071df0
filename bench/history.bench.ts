/**
 * The comparison with earlier periods (core/history/history), on reads built as a reader would give them
 * (no file). Median of several runs, in milliseconds:
 * - `history_ms_12`: one unit's report (Biểu 01–04) against its twelve earlier monthly reports;
 * - `history_ms_3321x12`: a consolidated table of 3,321 communes by 20 entry columns against twelve
 *   earlier consolidations (rows matched by unit label).
 */
import type { WorkbookRead } from '../src/core/tables/table-read';
import { TEMPLATES } from '../src/core/forms/builtin';
import { compareWithHistory, type EarlierInput } from '../src/core/history/history';
import { periodRange } from '../src/core/periods';
import { readTemplate } from '../test/support/plan-read';
import { unitRead } from '../test/support/units-fixture';
import { ENTRY_COLUMNS, ROWS, medianMs, wideTemplate } from './support/wide';

/** The twelve months of 2025 (Decree 09 months) and January 2026, the current one. */
const MONTHS = Array.from({ length: 13 }, (_, i) => periodRange({ kind: 'month', year: i < 12 ? 2025 : 2026, month: (i % 12) + 1 }));

export async function run(): Promise<Record<string, number>> {
  const unit = 'Sở Nội vụ tỉnh Lâm Đồng';
  const reads: WorkbookRead[] = MONTHS.map((period, i) => unitRead({ unit, seed: 100 + i, period, templates: TEMPLATES }));
  const earlier: EarlierInput[] = reads.slice(0, 12).map((read, i) => ({ file: `thang-${i + 1}.xlsx`, read }));
  const small = compareWithHistory(reads[12], earlier);
  if (small.compared.length !== 12) throw new Error(`expected 12 earlier periods, got ${small.compared.length}`);
  const history_ms_12 = medianMs(() => compareWithHistory(reads[12], earlier), 15);

  const template = wideTemplate();
  const labels = Array.from({ length: ROWS }, (_, r) => `Xã ${r + 1}`);
  const wide = MONTHS.map((p, m) => ({
    tables: [
      readTemplate(template, {
        unit: 'Bộ Nội vụ',
        from: p.from,
        to: p.to,
        dataRows: ROWS,
        rowLabels: labels,
        values: Array.from({ length: ROWS }, (_, r) => Array.from({ length: ENTRY_COLUMNS }, (_, c) => ((r * 31 + c * 17 + m * 7) % 500) + 100)),
      }),
    ],
  }));
  const wideEarlier: EarlierInput[] = wide.slice(0, 12).map((read, i) => ({ file: `tong-hop-${i + 1}.xlsx`, read }));
  const big = compareWithHistory(wide[12], wideEarlier, { templates: [template] });
  if (big.tables[0]?.rows.length !== ROWS * ENTRY_COLUMNS) throw new Error(`expected ${ROWS * ENTRY_COLUMNS} cells compared, got ${big.tables[0]?.rows.length}`);
  const history_ms_3321x12 = medianMs(() => compareWithHistory(wide[12], wideEarlier, { templates: [template] }), 3);
  return { history_ms_12, history_ms_3321x12 };
}
