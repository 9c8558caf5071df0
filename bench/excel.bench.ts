/**
 * Round trips of the Office.js adapter on the in-memory Excel host, each of the four tables at
 * 3,321 data rows (every commune of the country): maxima over the tables.
 */
import { createOfficeAdapter, type ExcelRun } from '../src/excel/adapter';
import { layout } from '../src/core/layout';
import { validateWorkbook } from '../src/core/validate';
import { TEMPLATES, entryColumns } from '../src/templates';
import { createMemHost, MemSettings } from '../src/devhost';

const ROWS = 3321;

export async function run(): Promise<Record<string, number>> {
  const figures = { insert_syncs: 0, read_syncs: 0, paint_syncs: 0, read_request_bytes: 0 };
  for (const t of TEMPLATES) {
    const entries = entryColumns(t);
    const rows = t.rows.kind === 'repeat' ? ROWS : t.sample.length;
    const values = Array.from({ length: rows }, (_, r) => entries.map((_c, i) => (r * 7 + i) % 1000));
    const plan = layout(t, { from: '2025-07-01', to: '2025-10-15', dataRows: t.rows.kind === 'repeat' ? ROWS : undefined, values });
    const host = createMemHost({ excel: '365' });
    host.addSheet('Sheet1');
    const adapter = createOfficeAdapter({ run: host.run as unknown as ExcelRun, isSetSupported: host.isSetSupported, settings: new MemSettings() });
    let n = host.stats.syncs;
    await adapter.insertTemplate(plan);
    figures.insert_syncs = Math.max(figures.insert_syncs, host.stats.syncs - n);
    n = host.stats.syncs;
    const read = await adapter.readTables();
    figures.read_syncs = Math.max(figures.read_syncs, host.stats.syncs - n);
    figures.read_request_bytes = Math.max(figures.read_request_bytes, host.stats.requestBytes[host.stats.requestBytes.length - 1]);
    n = host.stats.syncs;
    await adapter.paintFindings(validateWorkbook(read));
    figures.paint_syncs = Math.max(figures.paint_syncs, host.stats.syncs - n);
  }
  return figures;
}
