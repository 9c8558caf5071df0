/**
 * A workbook's tables as read (from a file through the intake, or from the open workbook through
 * Office.js) checked and counted the one way every surface counts: the findings of
 * `validateWorkbook` and their counts (`countFindings`: errors, blank cells, other warnings).
 */
import type { WorkbookRead } from '../tables/table-read';
import { countFindings, type Finding, type FindingCounts } from './findings';
import { validateWorkbook, type ValidateOptions } from './validate';

export interface Checked {
  findings: Finding[];
  counts: FindingCounts;
}

export function checkRead(read: WorkbookRead, options: ValidateOptions = {}): Checked {
  const findings = validateWorkbook(read, options);
  return { findings, counts: countFindings(findings) };
}
