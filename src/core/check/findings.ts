import type { Text } from '../forms/template';

export interface CellRef {
  sheet: string;
  /** Plain A1 (no `$`, no sheet prefix). */
  address: string;
}

/** A safe fix: it changes only `cell`, to a number or back to the template's formula. */
export type Fix =
  | { cell: CellRef; value: number; label: Text }
  | { cell: CellRef; formula: string; label: Text };

export type Severity = 'error' | 'warning';

export interface Finding {
  /** Stable rule id, e.g. `entry.fraction`, `cross.council`. */
  rule: string;
  severity: Severity;
  /** The first cell is where the finding belongs. */
  cells: CellRef[];
  message: Text;
  /** Arithmetic rules: left side, right side and left − right. */
  left?: number;
  right?: number;
  difference?: number;
  fix?: Fix;
}

/**
 * Findings of one table and one severity (the sheet of their first cell); `sheet` is '' for findings
 * about the whole file. A table with errors and warnings has two groups: its errors among the
 * errors, its warnings among the warnings.
 */
export interface FindingGroup {
  sheet: string;
  severity: Severity;
  findings: Finding[];
}

/** The rule of a blank entry cell: counted apart ("còn N ô chưa nhập") from the other warnings. */
export const BLANK_RULE = 'entry.blank';

function readingPosition(address: string | undefined): [number, number] {
  const m = address === undefined ? null : /^([A-Z]{1,3})(\d{1,7})$/.exec(address.toUpperCase());
  if (!m) return [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]), col];
}

/**
 * The findings grouped by table, in the one order every surface shows them in (the pane, the web
 * page, `bieumau check`, its JSON and the findings CSV alike):
 *
 * 1. every error before any warning (what blocks sending comes first);
 * 2. within each severity, findings about the whole file (no cell) first, then the tables in
 *    workbook order: the order of `sheets` (the tables as read), then any other sheet in the order
 *    its first finding comes;
 * 3. then by the first cell in reading order (row, then column);
 * 4. then as given (the order the rules ran).
 *
 * `validateWorkbook` already returns its findings in this order; grouping keeps it, and puts any
 * other list (findings merged from elsewhere, a test's) into it. A group is a run of one table's
 * findings of one severity.
 */
export function groupFindings(findings: readonly Finding[], sheets: readonly string[] = []): FindingGroup[] {
  const rank = new Map<string, number>();
  rank.set('', -1);
  sheets.forEach((sheet) => {
    if (!rank.has(sheet)) rank.set(sheet, rank.size - 1);
  });
  for (const f of findings) {
    const sheet = f.cells[0]?.sheet ?? '';
    if (!rank.has(sheet)) rank.set(sheet, rank.size - 1);
  }
  const keyed = findings.map((f, seq) => {
    const sheet = f.cells[0]?.sheet ?? '';
    const [row, col] = readingPosition(f.cells[0]?.address);
    return { f, sheet, table: rank.get(sheet) ?? 0, severity: f.severity === 'error' ? 0 : 1, row, col, seq };
  });
  keyed.sort((a, b) => a.severity - b.severity || a.table - b.table || a.row - b.row || a.col - b.col || a.seq - b.seq);
  const groups: FindingGroup[] = [];
  for (const k of keyed) {
    const last = groups[groups.length - 1];
    if (last && last.sheet === k.sheet && last.severity === k.f.severity) last.findings.push(k.f);
    else groups.push({ sheet: k.sheet, severity: k.f.severity, findings: [k.f] });
  }
  return groups;
}

/** The findings in the order `groupFindings` shows them, as one list. */
export function orderFindings(findings: readonly Finding[], sheets: readonly string[] = []): Finding[] {
  return groupFindings(findings, sheets).flatMap((g) => g.findings);
}

/** What a summary counts: errors, blank entry cells (`entry.blank`), and the other warnings. */
export interface FindingCounts {
  errors: number;
  /** Warnings other than blank cells. */
  warnings: number;
  /** Entry cells not filled in (`entry.blank` warnings). */
  blank: number;
}

/** Counts errors, blank cells and the other warnings apart (every summary: CLI, pane, web page). */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, blank: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.rule === BLANK_RULE) counts.blank++;
    else counts.warnings++;
  }
  return counts;
}
