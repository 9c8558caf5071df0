/**
 * `bieumau check FILE.xlsx... [--json] [--lang vi|en]`: validates every recognised table of each
 * workbook. Exit 0: no error (warnings allowed); 1: an error finding; 2: a file could not be read
 * (the other files are still checked; 2 wins over 1). The `--json` format is in README.md ("Check output (JSON)").
 */
import type { Text } from '../templates/types';
import type { Finding } from '../core/findings';
import { validateWorkbook } from '../core/validate';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { readWorkbook, WorkbookReadError } from '../xlsx/reader';
import { UsageError, parseArgs } from './args';

type Lang = 'vi' | 'en';

export type FileResult = { file: string; findings: Finding[] } | { file: string; error: Text };

/** Reads and validates one file; never throws. */
export async function checkFile(file: string, today?: Date): Promise<FileResult> {
  try {
    const read = await readWorkbook(file);
    return { file, findings: validateWorkbook(read, today ? { today } : {}) };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e.reason };
    return { file, error: { vi: 'Không đọc được tệp (tệp hỏng hoặc không phải .xlsx).', en: 'The file cannot be read (corrupt or not an .xlsx).' } };
  }
}

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

export function resultsJson(results: FileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => ('error' in r ? { file: r.file, error: { vi: r.error.vi, en: r.error.en } } : { file: r.file, findings: r.findings.map(findingJson) })),
  });
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
  const num = (x: number): string => formatNumber(x, lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  for (const r of results) {
    lines.push(r.file);
    if ('error' in r) {
      unreadable++;
      lines.push(`  ${w.unreadable}: ${r.error[lang]}`);
      continue;
    }
    if (r.findings.length === 0) lines.push(`  ${w.ok}`);
    let sheet: string | null = null;
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else warnings++;
      const first = f.cells[0];
      const s = first ? first.sheet : w.workbook;
      if (s !== sheet) {
        sheet = s;
        lines.push(`  ${s}`);
      }
      lines.push(`    [${w[f.severity]}] ${first ? first.address : ''}${first ? ': ' : ''}${f.message[lang]}  (${f.rule})`);
      if (f.cells.length > 1) lines.push(`      ${w.also}: ${f.cells.slice(1).map((c) => (c.sheet === s ? c.address : `${c.sheet}!${c.address}`)).join(', ')}`);
      if (f.left !== undefined && f.right !== undefined && f.difference !== undefined) lines.push(`      ${w.values}: ${[f.left, f.right, f.difference].map(num).join(' / ')}`);
      if (f.fix) lines.push(`      ${w.fix}: ${f.fix.label[lang]} (${f.fix.cell.address})`);
    }
  }
  const files = results.length;
  lines.push(
    lang === 'vi'
      ? `Tổng cộng: ${errors} lỗi, ${warnings} cảnh báo trong ${files} tệp${unreadable ? `; ${unreadable} tệp không đọc được` : ''}.`
      : `Total: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}${unreadable ? `; ${unreadable} unreadable` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function exitCode(results: FileResult[]): number {
  if (results.some((r) => 'error' in r)) return 2;
  if (results.some((r) => !('error' in r) && r.findings.some((f) => f.severity === 'error'))) return 1;
  return 0;
}

export async function runCheck(args: string[]): Promise<number> {
  const { positionals, options } = parseArgs(args, ['lang'], ['json']);
  const lang = options.lang === undefined ? 'vi' : options.lang;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en / --lang must be vi or en: ${String(lang)}`);
  if (positionals.length === 0) throw new UsageError('check: cần ít nhất một tệp .xlsx / check: give at least one .xlsx file');
  const results: FileResult[] = [];
  for (const file of positionals) results.push(await checkFile(file));
  process.stdout.write(options.json === true ? `${resultsJson(results)}\n` : humanReport(results, lang));
  return exitCode(results);
}
