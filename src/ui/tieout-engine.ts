/**
 * The tie-out in the web page and the pane: the `.docx` reader, the tie-out and (with a workbook's
 * bytes) the `.xlsx` reader, loaded with dynamic `import()` the first time a report is chosen. Files
 * are read where the clerk is; nothing is sent anywhere.
 */
import type { Text } from '../core/forms/template';
import type { PackCatalog } from '../core/forms/catalog';
import type { TieOutResult } from '../core/tieout/tieout';
import type { WorkbookRead } from '../core/tables/table-read';
import { DOCX_KIND } from '../core/refusals';
import type { Source } from '../xlsx/intake';
import { loadOnce } from './load-once';

const loadTieOut = loadOnce(async () => {
  const [docx, tieout, intake, zip] = await Promise.all([
    import(/* webpackChunkName: "tieout" */ '../xlsx/docx'),
    import(/* webpackChunkName: "tieout" */ '../core/tieout/tieout'),
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/intake'),
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/zip'),
  ]);
  return { docx, tieout, intake, zip };
});

/** A chosen file, as the intake takes it: refused by its size before its bytes are read. */
export type Chosen = Source;

export type TieOutOutcome = { result: TieOutResult; csv: { vi: string; en: string }; paragraphs: number; tables: number } | { file: string; reason: Text };

/**
 * Ties `report` out against `workbook` when given (a chosen file, or the open workbook's tables as
 * read), else against the report's own tables; an unreadable file comes back with its reason, never
 * as a throw.
 */
export async function tieOutInPage(report: Chosen, workbook: Chosen | WorkbookRead | null, catalog: PackCatalog): Promise<TieOutOutcome> {
  const { docx, tieout, intake, zip } = await loadTieOut();
  const maxBytes = zip.ZIP_LIMITS.maxFileBytes;
  const taken = await intake.take(report, { read: async (bytes) => docx.readDocx(bytes), maxBytes, kind: DOCX_KIND });
  if ('refusal' in taken) return { file: report.name, reason: taken.refusal.message };
  const doc = taken.value;
  let wb: WorkbookRead | undefined;
  if (workbook && 'tables' in workbook) wb = workbook;
  else if (workbook) {
    const book = await intake.takeWorkbook(workbook, { templates: catalog });
    if ('refusal' in book) return { file: workbook.name, reason: book.refusal.message };
    wb = book.value;
  }
  const result = tieout.tieOut(doc, { workbook: wb, catalog });
  return { result, csv: { vi: tieout.tieOutCsv(result, 'vi'), en: tieout.tieOutCsv(result, 'en') }, paragraphs: doc.paragraphs.length, tables: doc.tables.length };
}
