/**
 * Checking one workbook: read it, validate it, and turn any failure to read into the file's `error`
 * (never a throw). The command line passes a reader over a path, the web page one over the bytes of
 * a chosen file; both give the same result for the same workbook.
 */
import type { Text } from '../core/template';
import type { WorkbookRead } from '../core/read';
import { CANNOT_READ, type FileResult } from '../core/check-json';
import { validateWorkbook } from '../core/validate';
import { WorkbookReadError } from './errors';
import type { PackCatalog } from '../core/catalog';

/** What a file that failed in an unforeseen way is reported as (core's one wording). */
export const UNREADABLE: Text = CANNOT_READ;

/** `catalog`: the loaded packs the workbook is checked against (default: the built-in one). */
export async function checkWith(file: string, read: () => Promise<WorkbookRead>, today?: Date, catalog?: PackCatalog): Promise<FileResult> {
  try {
    const workbook = await read();
    const opts = { ...(today ? { today } : {}), ...(catalog ? { catalog } : {}) };
    return { file, findings: validateWorkbook(workbook, opts) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e.reason };
    return { file, error: UNREADABLE };
  }
}
