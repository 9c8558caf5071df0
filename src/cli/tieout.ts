/**
 * `bieumau tie-out REPORT.docx [WORKBOOK.xlsx] [--json] [--lang vi|en] [--pack PACK.json]...`
 * (`doi-chieu`): the Word report's text tied out against its own figures and the tables (the
 * workbook's when given, else the report's own), the report's tables checked by the workbook rules.
 * Exit 0: no error; 1: an error; 2: a file unreadable or bad usage. JSON in docs/tie-out.md.
 */
import type { Text } from '../core/forms/template';
import type { WorkbookRead } from '../core/tables/table-read';
import { formatNumberIn } from '../core/numbers';
import { tieOut, tieOutJson, type TieOutResult } from '../core/tieout/tieout';
import { DOCX_KIND, type Refusal } from '../core/refusals';
import { readDocx } from '../xlsx/docx';
import { ZIP_LIMITS } from '../xlsx/zip';
import { take, takeWorkbook } from '../xlsx/intake';
import { nodeSha256, pathSource } from './path-source';
import type { DocumentModel } from '../core/tieout/document';
import { UsageError, parseArgs } from './args';
import { PACK_OPTION, catalogFromArgs } from './pack-option';

type Lang = 'vi' | 'en';

/** The report taken in through the intake: refused by what its path is and by its size before a byte is read. */
async function takeReport(file: string): Promise<{ doc: DocumentModel; sha256: string } | { refusal: Refusal }> {
  const taken = await take(pathSource(file, DOCX_KIND), { read: async (bytes) => readDocx(bytes), maxBytes: ZIP_LIMITS.maxFileBytes, kind: DOCX_KIND, fingerprint: nodeSha256 });
  return 'refusal' in taken ? taken : { doc: taken.value, sha256: taken.sha256 ?? '' };
}

const WORDS: Record<Lang, Record<string, string>> = {
  vi: { error: 'LỖI', warning: 'CẢNH BÁO', paragraph: 'đoạn', cell: 'ô', matched: 'Khớp', stated: 'Văn bản ghi', expected: 'Đúng là', ok: 'Không có lỗi.', unreadable: 'KHÔNG ĐỌC ĐƯỢC', tables: 'Biểu tìm thấy trong báo cáo' },
  en: { error: 'ERROR', warning: 'WARNING', paragraph: 'paragraph', cell: 'cell', matched: 'Matched', stated: 'Stated', expected: 'Expected', ok: 'No errors.', unreadable: 'UNREADABLE', tables: 'Tables found in the report' },
};

function human(file: string, workbook: string | null, doc: DocumentModel, result: TieOutResult, lang: Lang): string {
  const w = WORDS[lang];
  const n = (x: number): string => formatNumberIn(x, lang);
  const lines: string[] = [workbook ? `${file} ↔ ${workbook}` : file];
  lines.push(`  ${n(doc.paragraphs.length)} ${lang === 'vi' ? 'đoạn' : 'paragraphs'}, ${n(doc.tables.length)} ${lang === 'vi' ? 'bảng' : 'tables'}; ${w.tables}: ${result.documentTables.length ? result.documentTables.join(', ') : '—'}`);
  if (result.findings.length === 0) lines.push(`  ${w.ok}`);
  for (const f of result.findings) {
    const where = 'paragraph' in f.where ? `${w.paragraph} ${f.where.paragraph}` : `${f.where.table} ${f.where.cell}`;
    lines.push(`  [${w[f.severity]}] ${where}: ${f.message[lang]}  (${f.rule})`);
    if ('quote' in f.where) {
      const q = f.where.quote;
      const shown = f.figure ? `${q.slice(0, f.figure.start)}[${q.slice(f.figure.start, f.figure.end)}]${q.slice(f.figure.end)}` : q;
      lines.push(`      « ${shown} »`);
    }
    if (f.stated !== null && f.expected !== null) lines.push(`      ${w.stated}: ${n(f.stated)}; ${w.expected}: ${n(f.expected)}`);
  }
  for (const m of result.matched) lines.push(`  ${w.matched}: ${n(m.stated)} — ${m.table} ${m.cell} (${w.paragraph} ${m.paragraph})`);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.length - errors;
  const matched = result.matched.length;
  lines.push(
    lang === 'vi'
      ? `Tổng cộng: ${n(errors)} lỗi, ${n(warnings)} cảnh báo, ${n(matched)} số liệu khớp.`
      : `Total: ${n(errors)} error${errors === 1 ? '' : 's'}, ${n(warnings)} warning${warnings === 1 ? '' : 's'}, ${n(matched)} figure${matched === 1 ? '' : 's'} matched.`,
  );
  return `${lines.join('\n')}\n`;
}

function unreadable(file: string, reason: Text, lang: Lang, json: boolean): number {
  if (json) process.stdout.write(`${JSON.stringify({ file, error: reason })}\n`);
  process.stderr.write(`bieumau: ${file}: ${WORDS[lang].unreadable}: ${reason[lang]}\n`);
  return 2;
}

export async function runTieOut(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv, ['lang'], ['json'], [PACK_OPTION]);
  const { positionals, options } = parsed;
  const lang = options.lang === undefined ? 'vi' : options.lang;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en / --lang must be vi or en: ${String(lang)}`);
  if (positionals.length < 1 || positionals.length > 2) throw new UsageError('tie-out: cần REPORT.docx và có thể một WORKBOOK.xlsx / tie-out: give REPORT.docx and at most one WORKBOOK.xlsx');
  const catalog = catalogFromArgs(parsed);
  const json = options.json === true;
  const [reportFile, workbookFile] = positionals;

  const report = await takeReport(reportFile);
  if ('refusal' in report) return unreadable(reportFile, report.refusal.message, lang, json);
  const { doc } = report;
  let workbook: WorkbookRead | undefined;
  let workbookInfo: { file: string; sha256: string | null } | null = null;
  if (workbookFile !== undefined) {
    const taken = await takeWorkbook(pathSource(workbookFile), { templates: catalog, fingerprint: nodeSha256 });
    if ('refusal' in taken) return unreadable(workbookFile, taken.refusal.message, lang, json);
    workbook = taken.value;
    workbookInfo = { file: workbookFile, sha256: json ? taken.sha256 : null };
  }
  const result = tieOut(doc, { workbook, catalog });
  if (json) {
    process.stdout.write(`${tieOutJson({ file: reportFile, sha256: report.sha256, paragraphs: doc.paragraphs.length, tables: doc.tables.length }, workbookInfo, result)}\n`);
  } else {
    process.stdout.write(human(reportFile, workbookFile ?? null, doc, result, lang));
  }
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
