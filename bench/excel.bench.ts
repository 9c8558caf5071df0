/**
 * Round trips of the Office.js adapter through Microsoft's Excel client library (both builds, desktop
 * `win32` and `web`) to the in-memory Excel, each of the four tables at 3,321 data rows (every
 * commune of the country): maxima over the tables and the builds. Syncs and request bytes are those
 * of the library's real request messages (the reference cleanup it sends after a run not counted).
 */
import { createOfficeAdapter } from '../src/excel/adapter';
import type { ExcelRun } from '../src/excel/context';
import { layout } from '../src/core/forms/layout';
import { validateWorkbook } from '../src/core/check/validate';
import { TEMPLATES } from '../src/core/forms/builtin';
import { entryColumns } from '../src/core/forms/template';
import { createOfficeJsHost, EXCEL_CLIENTS, officeJsVersion } from '../src/devhost/officejs-node';

const ROWS = 3321;

export async function run(): Promise<Record<string, number | string>> {
  const figures = { insert_syncs: 0, read_syncs: 0, paint_syncs: 0, read_request_bytes: 0 };
  for (const client of EXCEL_CLIENTS) {
    for (const t of TEMPLATES) {
      const entries = entryColumns(t);
      const rows = t.rows.kind === 'repeat' ? ROWS : t.sample.length;
      const values = Array.from({ length: rows }, (_, r) => entries.map((_c, i) => (r * 7 + i) % 1000));
      const plan = layout(t, { from: '2025-07-01', to: '2025-10-15', dataRows: t.rows.kind === 'repeat' ? ROWS : undefined, values });
      const x = createOfficeJsHost({ client, excel: '365', sheets: ['Sheet1'] });
      const adapter = createOfficeAdapter({ run: x.run as ExcelRun, isSetSupported: x.isSetSupported, settings: x.settings });
      const stats = x.protocol.stats;
      let n = stats.syncs;
      await adapter.insertTemplate(plan);
      figures.insert_syncs = Math.max(figures.insert_syncs, stats.syncs - n);
      n = stats.syncs;
      const read = await adapter.readTables();
      figures.read_syncs = Math.max(figures.read_syncs, stats.syncs - n);
      figures.read_request_bytes = Math.max(figures.read_request_bytes, ...stats.requestBytes.slice(n));
      n = stats.syncs;
      await adapter.paintFindings(validateWorkbook(read));
      figures.paint_syncs = Math.max(figures.paint_syncs, stats.syncs - n);
    }
  }
  return { ...figures, officejs_version: officeJsVersion() };
}
