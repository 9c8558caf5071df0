/**
 * Opening an `.xlsx` package from its bytes, before any reader looks at it: the kinds of file that
 * are not a workbook get their own message, and the parts are inflated within `limits` (see
 * `xlsx/zip`), so no hostile part is ever inflated. Both readers (`xlsx/fast-read`,
 * `xlsx/exceljs-read`) take the parts from here. No Node API.
 */
import { WorkbookReadError } from './errors';
import { unzipChecked, type ZipLimits } from './zip';
import { isOpenDocumentSpreadsheet, OLE_SIGNATURE, oleRefusal, startsWith } from './kind';
import { refusal } from '../core/refusals';

export const WORKBOOK_XML = 'xl/workbook.xml';

/** What a package that cannot be read as a workbook is reported as. */
export function corruptWorkbook(): WorkbookReadError {
  return new WorkbookReadError(refusal('corrupt'));
}

/**
 * Checks the package and inflates its parts (within `limits`, see `xlsx/zip`) before a reader sees
 * anything, so each kind of bad file gets its own message and no hostile part is ever inflated:
 * an `.xls`, an encrypted `.xlsx` and an `.ods` are told apart by their bytes (`xlsx/kind`).
 */
export function openPackage(buf: Uint8Array, limits: ZipLimits): Map<string, Uint8Array> {
  if (buf.length === 0) throw new WorkbookReadError(refusal('empty'));
  if (startsWith(buf, OLE_SIGNATURE)) throw new WorkbookReadError(oleRefusal(buf));
  if (!(buf[0] === 0x50 && buf[1] === 0x4b)) throw new WorkbookReadError(refusal('not-xlsx'));
  const parts = unzipChecked(buf, limits);
  if (!parts.has(WORKBOOK_XML)) {
    if (isOpenDocumentSpreadsheet(parts)) throw new WorkbookReadError(refusal('ods'));
    throw new WorkbookReadError(refusal('not-workbook'));
  }
  return parts;
}
