/**
 * Checking one workbook: the intake's inspection (`xlsx/intake`) as the result `bieumau check`
 * prints and the web page shows — its findings, or the refusal's words as the file's `error`
 * (never a throw). The command line passes a source over a path, the web page one over a chosen
 * file; both give the same result for the same workbook.
 */
import type { FileResult } from '../core/check/check-json';
import type { WorkbookRead } from '../core/tables/table-read';
import { inspect, type InspectOptions, type Inspection, type Source } from './intake';

/** An inspection as a file's check result. */
export function fileResult(i: Inspection): FileResult {
  return 'refusal' in i ? { file: i.name, error: i.refusal.message } : { file: i.name, findings: i.findings };
}

/**
 * Takes one source in and checks it; `onRead` gets the workbook as read (for the comparison with
 * earlier periods, so a file is read once). Never throws.
 */
export async function checkSource(source: Source, options: InspectOptions = {}, onRead?: (workbook: WorkbookRead) => void): Promise<FileResult> {
  const i = await inspect(source, options);
  if (!('refusal' in i)) onRead?.(i.read);
  return fileResult(i);
}
