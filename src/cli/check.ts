/**
 * `bieumau check FILE.xlsx... [--json] [--lang vi|en] [--pack PACK.json]...`: validates every recognised table of each
 * workbook. Exit 0: no error (warnings allowed); 1: an error finding; 2: a file could not be read
 * (the other files are still checked; 2 wins over 1). The `--json` format is in docs/cli.md ("Check output (JSON)").
 * `--history EARLIER...` (after the files): each figure also compared with the unit's earlier reports (docs/history.md).
 */
import { formatNumberIn } from '../core/numbers';
import type { Finding } from '../core/check/findings';
import { registerSheetFindings } from '../core/count/count-findings';
import { cellDate, type GridValue } from '../core/count/register';
import { readSheetRows } from '../xlsx/register-read';
import { countFindings, groupFindings, type FindingCounts } from '../core/check/findings';
import { checkSource } from '../xlsx/check-file';
import { pathSource } from './path-source';
import type { Source } from '../xlsx/intake';
import { UsageError, parseArgs } from './args';
import type { PackCatalog } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { PACK_OPTION, catalogFromArgs } from './pack-option';
import { exitCode, resultsJson, type FileResult } from '../core/check/check-json';
import type { WorkbookRead } from '../core/tables/table-read';
import type { HistoryResult } from '../core/history/history';
import { historyExitCode, loadEarlier, splitHistoryArgs, textWithHistory } from './history-option';
import { addHistory, jsonWithHistory } from '../core/history/history-json';

// The JSON document is built in core/ (the web page builds the same one); these stay importable here.

type Lang = 'vi' | 'en';

/**
 * Reads and validates one file against the loaded packs (default: the built-in one); never throws.
 * `onRead` gets the workbook as read (for `--history`, so a file is read once).
 */
export async function checkFile(file: string, today?: Date, catalog: PackCatalog = BUILTIN_CATALOG, onRead?: (workbook: WorkbookRead) => void): Promise<FileResult> {
  let period: { from: string; to: string } | null = null;
  let counted = false;
  let bytes: Uint8Array | null = null;
  const source = pathSource(file);
  // The bytes the intake read are kept, so a counted workbook's register sheets are read from them, not from the disk again.
  const kept: Source = { ...source, bytes: async () => (bytes = await source.bytes()) };
  const result = await checkSource(kept, { catalog, ...(today ? { today } : {}) }, (workbook) => {
    onRead?.(workbook);
    counted = countsFromRegisters(workbook);
    if (counted) period = workbookPeriod(workbook);
  });
  // A workbook counted from document registers: its register sheets' rows too (docs/count.md); any
  // other workbook's sheets are not read a second time.
  if (counted && 'findings' in result && bytes !== null) result.findings.push(...countedRegisterFindings(bytes, period));
  return result;
}

/** Whether some table's entry cells count over register sheets (`bieumau count` writes COUNTIFS there). */
function countsFromRegisters(workbook: WorkbookRead): boolean {
  return workbook.tables.some((t) => Object.values(t.columns).some((cells) => cells.some((c) => c.formula !== null && c.formula.toUpperCase().includes('COUNTIFS('))));
}

/** The period of the workbook's tables (the first table with both dates). */
function workbookPeriod(workbook: WorkbookRead): { from: string; to: string } | null {
  for (const t of workbook.tables) {
    const from = cellDate((t.info.from?.value ?? null) as GridValue);
    const to = cellDate((t.info.to?.value ?? null) as GridValue);
    if (from !== null && to !== null) return { from, to };
  }
  return null;
}

function countedRegisterFindings(bytes: Uint8Array, period: { from: string; to: string } | null): Finding[] {
  try {
    return registerSheetFindings(readSheetRows(bytes), period);
  } catch {
    return []; // the workbook itself was read above; a sheet that cannot be read again adds nothing
  }
}

const WORDS: Record<Lang, Record<string, string>> = {
  vi: {
    error: 'LỖI',
    warning: 'CẢNH BÁO',
    fix: 'Cách sửa',
    also: 'Ô liên quan',
    values: 'Trái / phải / chênh lệch',
    unreadable: 'KHÔNG ĐỌC ĐƯỢC',
    ok: 'Không có lỗi.',
    workbook: '(tệp)',
  },
  en: {
    error: 'ERROR',
    warning: 'WARNING',
    fix: 'Fix',
    also: 'Also',
    values: 'Left / right / difference',
    unreadable: 'UNREADABLE',
    ok: 'No errors.',
    workbook: '(file)',
  },
};

function humanReport(results: FileResult[], lang: Lang): string {
  const w = WORDS[lang];
  // Numbers as the messages write them: 1.292 in Vietnamese, 1,292 in English.
  const num = (x: number): string => formatNumberIn(x, lang);
  const lines: string[] = [];
  const total: FindingCounts = { errors: 0, warnings: 0, blank: 0 };
  let unreadable = 0;
  for (const r of results) {
    lines.push(r.file);
    if ('error' in r) {
      unreadable++;
      lines.push(`  ${w.unreadable}: ${r.error[lang]}`);
      continue;
    }
    if (r.findings.length === 0) lines.push(`  ${w.ok}`);
    const counts = countFindings(r.findings);
    total.errors += counts.errors;
    total.warnings += counts.warnings;
    total.blank += counts.blank;
    // The one order of every surface (core/check/findings groupFindings): tables in workbook order, errors first, cells in reading order.
    for (const group of groupFindings(r.findings)) {
      const s = group.sheet === '' ? w.workbook : group.sheet;
      lines.push(`  ${s}`);
      for (const f of group.findings) {
        const first = f.cells[0];
        lines.push(`    [${w[f.severity]}] ${first ? first.address : ''}${first ? ': ' : ''}${f.message[lang]}  (${f.rule})`);
        if (f.cells.length > 1) lines.push(`      ${w.also}: ${f.cells.slice(1).map((c) => (c.sheet === s ? c.address : `${c.sheet}!${c.address}`)).join(', ')}`);
        if (f.left !== undefined && f.right !== undefined && f.difference !== undefined) lines.push(`      ${w.values}: ${[f.left, f.right, f.difference].map(num).join(' / ')}`);
        if (f.fix) lines.push(`      ${w.fix}: ${f.fix.label[lang]} (${f.fix.cell.address})`);
      }
    }
  }
  const files = results.length;
  const { errors, warnings, blank } = total;
  lines.push(
    lang === 'vi'
      ? `Tổng cộng: ${num(errors)} lỗi, ${num(warnings)} cảnh báo${blank ? `, còn ${num(blank)} ô chưa nhập` : ''} trong ${num(files)} tệp${unreadable ? `; ${num(unreadable)} tệp không đọc được` : ''}.`
      : `Total: ${num(errors)} error${errors === 1 ? '' : 's'}, ${num(warnings)} warning${warnings === 1 ? '' : 's'}${blank ? `, ${num(blank)} cell${blank === 1 ? '' : 's'} not filled in` : ''} in ${num(files)} file${files === 1 ? '' : 's'}${unreadable ? `; ${num(unreadable)} unreadable` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

export async function runCheck(argv: string[]): Promise<number> {
  const { rest: args, history } = splitHistoryArgs(argv);
  const parsed = parseArgs(args, ['lang'], ['json'], [PACK_OPTION]);
  const { positionals, options } = parsed;
  const lang = options.lang === undefined ? 'vi' : options.lang;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en / --lang must be vi or en: ${String(lang)}`);
  if (positionals.length === 0) throw new UsageError('check: cần ít nhất một tệp .xlsx / check: give at least one .xlsx file');
  const catalog = catalogFromArgs(parsed);
  const results: FileResult[] = [];
  const earlier = history ? await loadEarlier(history, catalog) : null;
  const compared = new Map<FileResult, HistoryResult>();
  for (const file of positionals) {
    let workbook: WorkbookRead | undefined;
    const result = await checkFile(file, undefined, catalog, earlier ? (w) => (workbook = w) : undefined);
    results.push(result);
    if (earlier && workbook && !('error' in result)) compared.set(result, addHistory(result.findings, workbook, earlier, catalog));
  }
  if (earlier) {
    process.stdout.write(options.json === true ? `${jsonWithHistory(resultsJson(results), results, compared)}\n` : textWithHistory(humanReport(results, lang), results, compared, lang));
    return Math.max(exitCode(results), historyExitCode(earlier));
  }
  process.stdout.write(options.json === true ? `${resultsJson(results)}\n` : humanReport(results, lang));
  return exitCode(results);
}
