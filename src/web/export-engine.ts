/**
 * The web page's data export ("Tải số liệu (CSV)", "Tải SDMX" in Kiểm tra and Tổng hợp): the chosen
 * workbooks read, checked and fingerprinted as `bieumau export` does (`readWorkbook`, the error
 * count of `check`, SHA-256 of the bytes), then written by the same pure writers
 * (core/export-doc), so a download equals the command line's output for the same files. The reader
 * and writers are loaded with dynamic `import()` by the page's warm-up or the first press of a button.
 */
import type { PackCatalog } from '../core/catalog';
import type { FigureRecord } from '../core/export';
import type { Text } from '../core/template';
import { CANNOT_READ } from '../core/check-json';
import type { ChosenFile } from './engine';
import { sha256Hex } from '../xlsx/digest';
import { loadOnce } from '../ui/load-once';

type Exporter = {
  read: typeof import('../xlsx/read');
  validate: typeof import('../core/validate');
  exp: typeof import('../core/export');
  doc: typeof import('../core/export-doc');
  zip: typeof import('../xlsx/zip');
  errors: typeof import('../xlsx/errors');
};

const loadExporter = loadOnce<Exporter>(async () => {
  const [read, validate, exp, doc, zip, errors] = await Promise.all([
    import(/* webpackChunkName: "web-export" */ '../xlsx/read'),
    import(/* webpackChunkName: "web-export" */ '../core/validate'),
    import(/* webpackChunkName: "web-export" */ '../core/export'),
    import(/* webpackChunkName: "web-export" */ '../core/export-doc'),
    import(/* webpackChunkName: "web-export" */ '../xlsx/zip'),
    import(/* webpackChunkName: "web-export" */ '../xlsx/errors'),
  ]);
  return { read, validate, exp, doc, zip, errors };
});

/** Loads the export's reader and writers (the page's warm-up: the buttons then work offline). */
export function warmUpExport(): Promise<void> {
  return loadExporter().then(() => undefined);
}

/** What the export of some files gives: their records, and the files that could not be read. */
export interface FiguresExport {
  records: FigureRecord[];
  unreadable: { file: string; error: Text }[];
}


/**
 * Every figure of these files, in their order, as `bieumau export --keep-going` takes them: each
 * file read, checked (its error count in every record) and fingerprinted; an unreadable one is left
 * out and named. One file at a time, so only the records are kept.
 */
export async function exportFigures(files: readonly ChosenFile[], catalog: PackCatalog, today: Date = new Date()): Promise<FiguresExport> {
  const m = await loadExporter();
  const out: FiguresExport = { records: [], unreadable: [] };
  for (const f of files) {
    try {
      const bytes = await f.bytes();
      const read = await m.read.readWorkbook(bytes, catalog);
      let errors = 0;
      for (const x of m.validate.validateWorkbook(read, { today, catalog })) if (x.severity === 'error') errors++;
      const sha256 = (await sha256Hex(bytes)) ?? '';
      for (const r of m.exp.figureRecords({ file: f.name, sha256, errors, read }, catalog)) out.records.push(r);
    } catch (e) {
      out.unreadable.push({ file: f.name, error: e instanceof m.errors.WorkbookReadError ? e.reason : CANNOT_READ });
    }
  }
  return out;
}

/** The CSV for people who open it in a spreadsheet, as `bieumau export --for-excel` writes it. */
export async function figuresCsvForExcel(records: readonly FigureRecord[], catalog: PackCatalog): Promise<string> {
  const m = await loadExporter();
  return m.doc.exportDocument(records, 'csv', true, catalog);
}

/** The names of the two files in the SDMX download, from its base name. */
export function sdmxNames(base: string): { zip: string; data: string; structure: string } {
  return { zip: `${base}-sdmx.zip`, data: `${base}-sdmx.csv`, structure: `${base}-sdmx-cau-truc.xml` };
}

/**
 * One .zip holding the SDMX-CSV data message (`--format sdmx-csv`) and the SDMX-ML structure
 * message (`--structure`): one download, not two that a browser may hold back.
 */
export async function sdmxZip(records: readonly FigureRecord[], catalog: PackCatalog, base: string): Promise<Uint8Array> {
  const m = await loadExporter();
  const names = sdmxNames(base);
  const enc = new TextEncoder();
  return m.zip.storedZip(
    new Map([
      [names.data, enc.encode(m.doc.exportDocument(records, 'sdmx-csv', false, catalog))],
      [names.structure, enc.encode(m.doc.exportStructure(records, catalog))],
    ]),
  );
}
