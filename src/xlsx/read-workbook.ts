/**
 * `readWorkbook`: the one way a program reads the tables of an `.xlsx` from its bytes. The intake
 * (`xlsx/intake`: the command line, the pane, the web page) reads every file through it.
 *
 * The package is opened and checked (`xlsx/package`), then read by the fast reader
 * (`xlsx/fast-read`). Only a package using a feature the fast reader does not support
 * (`FAST_READER_UNSUPPORTED`: shared formulas without text, cells without an address, the 1904 date
 * system, `t="d"` cells, unknown cell types) is handed to the ExcelJS reader (`xlsx/exceljs-read`);
 * any other failure is the file's error, never a second attempt. `readStats` counts which reader
 * read each workbook. No `fs`, `path` or Node `Buffer`: it runs in the browser too.
 *
 * A table whose names no longer resolve comes back with `broken` set (never a throw). Bytes that
 * are not a readable workbook (not an `.xlsx`, an `.xls` or `.ods`, corrupt, password-protected,
 * beyond the limits) throw a `WorkbookReadError` carrying a Vietnamese and an English message.
 */
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { TemplateSource } from '../core/forms/catalog';
import type { WorkbookRead } from '../core/tables/table-read';
import { openPackage } from './package';
import { FastReaderUnsupported, readPackageFast, type FastReaderFeature } from './fast-read';
import { readPackageExcelJS } from './exceljs-read';
import { ZIP_LIMITS, type ZipLimits } from './zip';


/** Which reader read the workbooks of this process (or page): an observable count, not a timing. */
export interface ReadStats {
  /** Workbooks read by the fast reader. */
  fast: number;
  /** Workbooks handed to the ExcelJS reader, by the unsupported feature that sent them. */
  excelJS: Partial<Record<FastReaderFeature, number>>;
}

export const readStats: ReadStats = { fast: 0, excelJS: {} };

/**
 * Reads every recognised table of the workbook in `bytes`, in sheet order.
 * @throws WorkbookReadError when the bytes are not a readable workbook, or one beyond `limits`.
 */
export async function readWorkbook(bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG, limits: ZipLimits = ZIP_LIMITS): Promise<WorkbookRead> {
  const parts = openPackage(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), limits);
  try {
    let read: WorkbookRead;
    try {
      read = readPackageFast(parts, templates);
    } catch (e) {
      if (!(e instanceof FastReaderUnsupported)) throw e;
      readStats.excelJS[e.feature] = (readStats.excelJS[e.feature] ?? 0) + 1;
      return await readPackageExcelJS(parts, templates);
    }
    readStats.fast++;
    return read;
  } finally {
    parts.clear();
  }
}
