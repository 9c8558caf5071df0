/**
 * The tie-out in the web page and the pane: the `.docx` reader, the tie-out and (with a workbook's
 * bytes) the `.xlsx` reader, loaded with dynamic `import()` the first time a report is chosen. Files
 * are read where the clerk is; nothing is sent anywhere.
 */
import type { Text } from '../core/template';
import type { PackCatalog } from '../core/catalog';
import type { TieOutResult } from '../core/tieout';
import type { WorkbookRead } from '../core/read';
import { loadOnce } from './load-once';

const loadTieOut = loadOnce(async () => {
  const [docx, tieout, read, zip] = await Promise.all([
    import(/* webpackChunkName: "tieout" */ '../xlsx/docx'),
    import(/* webpackChunkName: "tieout" */ '../core/tieout'),
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read'),
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/zip'),
  ]);
  return { docx, tieout, read, zip };
});

/** A chosen file: refused by its size before its bytes are read. */
export interface Chosen {
  name: string;
  size?: number;
  bytes: () => Promise<Uint8Array>;
}

function tooLarge(size: number, limit: number): Text {
  const mb = (x: number): number => Math.round(x / 1048576);
  return {
    vi: `Tệp lớn ${mb(size)} MB, quá giới hạn ${mb(limit)} MB; tệp không được mở.`,
    en: `The file is ${mb(size)} MB, beyond the limit of ${mb(limit)} MB; the file was not opened.`,
  };
}

export type TieOutOutcome = { result: TieOutResult; csv: { vi: string; en: string }; paragraphs: number; tables: number } | { file: string; reason: Text };

/**
 * Ties `report` out against `workbook` when given (a chosen file, or the open workbook's tables as
 * read), else against the report's own tables; an unreadable file comes back with its reason, never
 * as a throw.
 */
export async function tieOutInPage(report: Chosen, workbook: Chosen | WorkbookRead | null, catalog: PackCatalog): Promise<TieOutOutcome> {
  const { docx, tieout, read, zip } = await loadTieOut();
  const limit = zip.ZIP_LIMITS.maxFileBytes;
  for (const f of [report, workbook && 'name' in workbook ? workbook : null]) if (f && f.size !== undefined && f.size > limit) return { file: f.name, reason: tooLarge(f.size, limit) };
  let doc;
  try {
    doc = docx.readDocx(await report.bytes());
  } catch (e) {
    if (e instanceof docx.DocumentReadError) return { file: report.name, reason: e.reason };
    throw e;
  }
  let wb: WorkbookRead | undefined;
  if (workbook && 'tables' in workbook) wb = workbook;
  else if (workbook) {
    try {
      wb = await read.readWorkbook(await workbook.bytes(), catalog);
    } catch (e) {
      if (e instanceof read.WorkbookReadError) return { file: workbook.name, reason: e.reason };
      throw e;
    }
  }
  const result = tieout.tieOut(doc, { workbook: wb, catalog });
  return { result, csv: { vi: tieout.tieOutCsv(result, 'vi'), en: tieout.tieOutCsv(result, 'en') }, paragraphs: doc.paragraphs.length, tables: doc.tables.length };
}
