/**
 * The web page's data export ("Tải số liệu (CSV)", "Tải SDMX" in Kiểm tra and Tổng hợp): the chosen
 * workbooks taken in as `bieumau export` takes them (`xlsx/intake`: refused by size, read, checked
 * — the error count of `check` — and fingerprinted with SHA-256), then written by the same pure writers
 * (core/export/export-doc), so a download equals the command line's output for the same files. The reader
 * and writers are loaded with dynamic `import()` by the page's warm-up or the first press of a button.
 */
import type { PackCatalog } from '../core/forms/catalog';
import type { FigureRecord } from '../core/export/export';
import type { Text } from '../core/forms/template';
import type { Source } from '../xlsx/intake';
import { sha256Hex } from '../xlsx/digest';
import { loadOnce } from '../ui/load-once';

type Exporter = {
  intake: typeof import('../xlsx/intake');
  exp: typeof import('../core/export/export');
  doc: typeof import('../core/export/export-doc');
  zip: typeof import('../xlsx/zip');
};

const loadExporter = loadOnce<Exporter>(async () => {
  const [intake, exp, doc, zip] = await Promise.all([
    import(/* webpackChunkName: "web-export" */ '../xlsx/intake'),
    import(/* webpackChunkName: "web-export" */ '../core/export/export'),
    import(/* webpackChunkName: "web-export" */ '../core/export/export-doc'),
    import(/* webpackChunkName: "web-export" */ '../xlsx/zip'),
  ]);
  return { intake, exp, doc, zip };
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
export async function exportFigures(files: readonly Source[], catalog: PackCatalog, today: Date = new Date()): Promise<FiguresExport> {
  const m = await loadExporter();
  const out: FiguresExport = { records: [], unreadable: [] };
  for (const f of files) {
    const i = await m.intake.inspect(f, { catalog, today, fingerprint: sha256Hex });
    if ('refusal' in i) {
      out.unreadable.push({ file: f.name, error: i.refusal.message });
      continue;
    }
    for (const r of m.exp.figureRecords({ file: f.name, sha256: i.sha256 ?? '', errors: i.counts.errors, read: i.read }, catalog)) out.records.push(r);
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
