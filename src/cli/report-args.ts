/**
 * Options that several commands share: text and dates as typed (`new`, `consolidate`, `roll-up`),
 * the report fields of a workbook being written, and a writing command's `OUT.xlsx SOURCE...`.
 * No heavy module here: a command that only parses its arguments loads no reader or writer.
 */
import { resolve } from 'path';
import type { Text } from '../core/forms/template';
import { isValidIsoDate } from '../core/dates';
import { cleanText } from '../core/text';
import { UsageError } from './args';

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

export function dateOption(name: string, v: string | true | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v === true || !isValidIsoDate(v)) {
    fail(`--${name} "${String(v)}" không phải ngày hợp lệ (yyyy-mm-dd)`, `--${name} "${String(v)}" is not a valid date (yyyy-mm-dd)`);
  }
  return v;
}

/** Text as typed, trimmed and in NFC (a Mac terminal may send decomposed Vietnamese letters). */
export function textOption(name: string, v: string | true | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  const s = cleanText(v);
  if (s === '') fail(`--${name} trống`, `--${name} is empty`);
  return s;
}

/** The report fields of the workbook a command writes, those given only. */
export interface ReportFields {
  unit?: string;
  reportNo?: string;
  reportDate?: string;
  reportBy?: string;
}

/** `--unit`, `--report`, `--report-date`, `--report-by`, each checked; the fields left out are absent. */
export function reportFields(options: Record<string, string | true>): ReportFields {
  const report: ReportFields = {};
  const unit = textOption('unit', options.unit);
  const reportNo = textOption('report', options.report);
  const reportDate = dateOption('report-date', options['report-date']);
  const reportBy = textOption('report-by', options['report-by']);
  if (unit !== undefined) report.unit = unit;
  if (reportNo !== undefined) report.reportNo = reportNo;
  if (reportDate !== undefined) report.reportDate = reportDate;
  if (reportBy !== undefined) report.reportBy = reportBy;
  return report;
}

/**
 * `OUT.xlsx SOURCE...`: the file to write (an `.xlsx`, not one of the sources) and at least one
 * source. `output` names the file in the messages ("tệp tổng hợp" / "tệp lũy kế").
 */
export function outputAndSources(positionals: readonly string[], output: Text): { out: string; inputs: string[] } {
  if (positionals.length === 0) fail(`thiếu tên ${output.vi} (OUT.xlsx)`, `missing ${output.en} (OUT.xlsx)`);
  const [out, ...inputs] = positionals;
  if (!/\.xlsx$/i.test(out)) fail(`${output.vi} phải có đuôi .xlsx: ${out}`, `${output.en} must end in .xlsx: ${out}`);
  if (inputs.length === 0) fail('cần ít nhất một tệp hoặc thư mục nguồn', 'give at least one source file or folder');
  const outFull = resolve(out);
  if (inputs.some((i) => resolve(i) === outFull)) fail(`${output.vi} cũng là tệp nguồn: ${out}`, `${output.en} is also a source: ${out}`);
  return { out, inputs };
}
