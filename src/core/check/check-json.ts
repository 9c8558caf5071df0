/**
 * The results of checking files, as `bieumau check --json` prints them (docs/cli.md "Check output (JSON)"),
 * and as the CSV table the web page offers. Pure: the command line and the web page build the same
 * document from the same findings.
 */
import type { Text } from '../forms/template';
import type { Finding } from './findings';
import { csvDocument, type CsvValue } from '../csv';

/** One file checked: its findings, or why it could not be read. `file` is the name as given. */
export type FileResult = { file: string; findings: Finding[] } | { file: string; error: Text };

/** One finding as the JSON document carries it, keys in a fixed order. */
export function findingJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = {
    rule: f.rule,
    severity: f.severity,
    cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
    message: { vi: f.message.vi, en: f.message.en },
  };
  if (f.left !== undefined && f.right !== undefined && f.difference !== undefined) {
    o.left = f.left;
    o.right = f.right;
    o.difference = f.difference;
  }
  if (f.fix) {
    const cell = { sheet: f.fix.cell.sheet, address: f.fix.cell.address };
    o.fix =
      'formula' in f.fix
        ? { cell, formula: f.fix.formula, label: { vi: f.fix.label.vi, en: f.fix.label.en } }
        : { cell, value: f.fix.value, label: { vi: f.fix.label.vi, en: f.fix.label.en } };
  }
  return o;
}

/** The whole document, one line of JSON (no trailing newline). */
export function resultsJson(results: readonly FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ('error' in r ? { file: r.file, error: { vi: r.error.vi, en: r.error.en } } : { file: r.file, findings: r.findings.map(findingJson) })),
  });
}

/** 0: no error finding; 1: some finding is an error; 2: some file could not be read (2 wins). */
export function exitCode(results: readonly FileResult[]): number {
  if (results.some((r) => 'error' in r)) return 2;
  if (results.some((r) => !('error' in r) && r.findings.some((f) => f.severity === 'error'))) return 1;
  return 0;
}

/** `Biểu 01!G8`, the way the pane and the web page name a cell (the sheet as it is, unquoted). */
export function cellName(c: { sheet: string; address: string }): string {
  return `${c.sheet}!${c.address}`;
}

export const CSV_COLUMNS = [
  'file',
  'severity',
  'rule',
  'cell',
  'other_cells',
  'message_vi',
  'message_en',
  'left',
  'right',
  'difference',
  'fix_cell',
  'fix_to',
  'fix_vi',
  'fix_en',
] as const;

/**
 * The findings as CSV (RFC 4180: comma, CRLF, quoted where needed), one row per finding, in the
 * document's order; a file that could not be read is one row with severity `unreadable` and its
 * message; a file without findings is one row with severity `ok`; every row as wide as the header.
 * Numbers are plain (no thousands separator) so spreadsheets read them as numbers. Meant for people:
 * written by `core/csv` in its people mode, so a fix such as `=SUM(B9:E9)` or a file named
 * `=1+1.xlsx` is text in Excel, not a formula; starts with a byte-order mark so Excel opens the
 * Vietnamese text as UTF-8.
 */
export function resultsCsv(results: readonly FileResult[]): string {
  const rows: CsvValue[][] = [];
  for (const r of results) {
    if ('error' in r) {
      rows.push([r.file, 'unreadable', '', '', '', r.error.vi, r.error.en]);
      continue;
    }
    if (r.findings.length === 0) rows.push([r.file, 'ok']);
    for (const f of r.findings) {
      const fixTo = f.fix ? ('formula' in f.fix ? f.fix.formula : f.fix.value) : undefined;
      rows.push([
        r.file,
        f.severity,
        f.rule,
        f.cells[0] ? cellName(f.cells[0]) : '',
        f.cells.slice(1).map(cellName).join(' '),
        f.message.vi,
        f.message.en,
        f.left,
        f.right,
        f.difference,
        f.fix ? cellName(f.fix.cell) : undefined,
        fixTo,
        f.fix?.label.vi,
        f.fix?.label.en,
      ]);
    }
  }
  return csvDocument(CSV_COLUMNS, rows, { forPeople: true, bom: true });
}
