/**
 * The `.xlsx` reader for Node (the CLI): `readWorkbook` of `xlsx/read` (bytes, in the browser too)
 * with a file path taken as well.
 *
 * A file that cannot be read at all (missing, a folder, not an `.xlsx`, corrupt, password-protected)
 * throws a `WorkbookReadError` carrying a Vietnamese and an English message.
 */
import * as fs from 'fs';
import { BUILTIN_CATALOG } from '../core/builtin';
import type { TemplateSource } from '../core/catalog';
import type { WorkbookRead } from '../core/read';
import { readWorkbook as readWorkbookBytes, WorkbookReadError } from './read';
import { fileTooLarge, ZIP_LIMITS } from './zip';

export { WorkbookReadError };

/** The bytes of a workbook file, refused before reading when it is no file or too large. */
export async function loadWorkbookFile(file: string): Promise<Uint8Array> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new WorkbookReadError({ vi: 'Không tìm thấy tệp.', en: 'The file does not exist.' });
  }
  if (stat.isDirectory()) throw new WorkbookReadError({ vi: 'Đây là một thư mục, không phải tệp .xlsx.', en: 'This is a folder, not an .xlsx file.' });
  // Refused before reading it into memory.
  if (stat.size > ZIP_LIMITS.maxFileBytes) throw fileTooLarge(stat.size);
  try {
    return await fs.promises.readFile(file);
  } catch {
    throw new WorkbookReadError({ vi: 'Không đọc được tệp (không có quyền đọc?).', en: 'The file cannot be read (no permission?).' });
  }
}

/**
 * Reads every recognised table of a workbook (a file path, or its bytes), in sheet order.
 * @throws WorkbookReadError when the file cannot be read at all.
 */
export async function readWorkbook(input: Uint8Array | ArrayBuffer | string, templates: TemplateSource = BUILTIN_CATALOG): Promise<WorkbookRead> {
  return readWorkbookBytes(typeof input === 'string' ? await loadWorkbookFile(input) : input, templates);
}
