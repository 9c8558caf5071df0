/**
 * The comparison with earlier periods from files' bytes, for the command line (`check --history`),
 * the web page and the task pane (earlier files the clerk chooses). Reads through `readWorkbook`
 * (the fast reader; ExcelJS only for a feature it does not support); a file that cannot be read
 * becomes an `unreadable` note, never a throw. No Node API.
 */
import type { Text } from '../core/template';
import type { WorkbookRead } from '../core/read';
import type { TemplateSource } from '../core/catalog';
import { BUILTIN_CATALOG } from '../core/builtin';
import { compareWithHistory, type EarlierInput, type HistoryResult } from '../core/history';
import { BYTES_UNREADABLE } from '../core/check-json';
import { WorkbookReadError } from './errors';
import { readWorkbook } from './read';

const UNREADABLE: Text = { vi: 'Tệp hỏng hoặc không phải .xlsx.', en: 'The file is corrupt or not an .xlsx.' };

/** One earlier report from its bytes: its tables, or why it cannot be read. */
export async function earlierFromBytes(file: string, bytes: Uint8Array | ArrayBuffer, templates: TemplateSource = BUILTIN_CATALOG): Promise<EarlierInput> {
  try {
    return { file, read: await readWorkbook(bytes, templates) };
  } catch (e) {
    return { file, error: e instanceof WorkbookReadError ? e.reason : UNREADABLE };
  }
}

/** An earlier report chosen in the pane or on the web page: as `earlierFromBytes`, or a note when the browser cannot hand its bytes over. */
export async function earlierFromChosen(file: string, bytes: () => Promise<Uint8Array>, templates: TemplateSource = BUILTIN_CATALOG): Promise<EarlierInput> {
  let data: Uint8Array;
  try {
    data = await bytes();
  } catch {
    return { file, error: BYTES_UNREADABLE };
  }
  return earlierFromBytes(file, data, templates);
}

/**
 * The current workbook (its bytes, or its tables as the pane reads them through Office.js) against
 * earlier files' bytes. Throws `WorkbookReadError` only when the current workbook's bytes cannot be
 * read (the caller reports that file as unreadable, as `check` does).
 */
export async function historyFromBytes(
  current: Uint8Array | ArrayBuffer | WorkbookRead,
  earlier: readonly { file: string; bytes: Uint8Array | ArrayBuffer }[],
  templates: TemplateSource = BUILTIN_CATALOG,
): Promise<HistoryResult> {
  const read = current instanceof Uint8Array || current instanceof ArrayBuffer ? await readWorkbook(current, templates) : current;
  const inputs: EarlierInput[] = [];
  for (const e of earlier) inputs.push(await earlierFromBytes(e.file, e.bytes, templates));
  return compareWithHistory(read, inputs, { templates });
}
