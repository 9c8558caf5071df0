/**
 * The comparison with earlier periods for the command line (`check --history`), the web page and
 * the task pane (earlier files the clerk chooses). Each earlier file is taken in by the intake
 * (`xlsx/intake`'s `takeWorkbook`: refused by size, then read); a file refused becomes an
 * `unreadable` note with the refusal's words, never a throw. No Node API.
 */
import type { WorkbookRead } from '../core/tables/table-read';
import type { TemplateSource } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { compareWithHistory, type EarlierInput, type HistoryResult } from '../core/history/history';
import { takeWorkbook, type Source } from './intake';
import { readWorkbook } from './read-workbook';

/** One earlier report: its tables, or why it cannot be read. */
export async function earlierFrom(source: Source, templates: TemplateSource = BUILTIN_CATALOG): Promise<EarlierInput> {
  const taken = await takeWorkbook(source, { templates });
  return 'refusal' in taken ? { file: taken.name, error: taken.refusal.message } : { file: taken.name, read: taken.value };
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
  for (const e of earlier) {
    const bytes = e.bytes instanceof Uint8Array ? e.bytes : new Uint8Array(e.bytes);
    inputs.push(await earlierFrom({ name: e.file, size: bytes.length, bytes: async () => bytes }, templates));
  }
  return compareWithHistory(read, inputs, { templates });
}
