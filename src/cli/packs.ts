/**
 * `bieumau packs check PACK.json... [--json] [--lang vi|en]`: checks template packs (format
 * `bieumau-pack/1`) the way the add-in and `--pack` load them, and lists every fault with its JSON
 * path. Exit 0: every pack valid; 1: some pack invalid; 2: some file unreadable or not JSON (the
 * other files are still checked; 2 wins over 1).
 */
import { faultLines } from '../core/forms/pack';
import { UsageError, parseArgs } from './args';
import { readPackFile, type PackFileResult } from './pack-option';

type Lang = 'vi' | 'en';

export function packResultsJson(results: PackFileResult[]): string {
  return JSON.stringify({
    files: results.map((r) => {
      if ('pack' in r) {
        return { file: r.file, valid: true, pack: { id: r.pack.id, version: r.pack.version, templates: r.pack.templates.map((t) => ({ id: t.id, version: t.version })) } };
      }
      if ('faults' in r) return { file: r.file, valid: false, faults: r.faults.map((f) => ({ path: f.path, code: f.code, message: { vi: f.message.vi, en: f.message.en } })) };
      return { file: r.file, error: { vi: r.error.vi, en: r.error.en } };
    }),
  });
}

export function packReport(results: PackFileResult[], lang: Lang): string {
  const lines: string[] = [];
  let invalid = 0;
  let unreadable = 0;
  for (const r of results) {
    lines.push(r.file);
    if ('pack' in r) {
      const ids = r.pack.templates.map((t) => `${t.id}@${t.version}`).join(', ');
      lines.push(lang === 'vi' ? `  HỢP LỆ: gói ${r.pack.id} phiên bản ${r.pack.version}, ${r.pack.templates.length} biểu (${ids})` : `  VALID: pack ${r.pack.id} version ${r.pack.version}, ${r.pack.templates.length} template${r.pack.templates.length === 1 ? '' : 's'} (${ids})`);
    } else if ('faults' in r) {
      invalid++;
      const n = r.faults.length;
      lines.push(lang === 'vi' ? `  KHÔNG HỢP LỆ: ${n} lỗi` : `  INVALID: ${n} fault${n === 1 ? '' : 's'}`);
      for (const l of faultLines(r.faults, lang)) lines.push(`    ${l}`);
    } else {
      unreadable++;
      lines.push(`  ${lang === 'vi' ? 'KHÔNG ĐỌC ĐƯỢC' : 'UNREADABLE'}: ${r.error[lang]}`);
    }
  }
  const files = results.length;
  const valid = files - invalid - unreadable;
  lines.push(
    lang === 'vi'
      ? `Tổng cộng: ${valid} gói hợp lệ, ${invalid} gói không hợp lệ trong ${files} tệp${unreadable ? `; ${unreadable} tệp không đọc được` : ''}.`
      : `Total: ${valid} valid, ${invalid} invalid in ${files} file${files === 1 ? '' : 's'}${unreadable ? `; ${unreadable} unreadable` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
}

export function packsExitCode(results: PackFileResult[]): number {
  if (results.some((r) => 'error' in r)) return 2;
  if (results.some((r) => 'faults' in r)) return 1;
  return 0;
}

export async function runPacks(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'check') {
    throw new UsageError(
      sub === undefined
        ? 'packs: thiếu lệnh con (bieumau packs check PACK.json...) / packs: missing the subcommand (bieumau packs check PACK.json...)'
        : `packs: lệnh con không có: ${sub} (có: check) / packs: unknown subcommand: ${sub} (known: check)`,
    );
  }
  const { positionals, options } = parseArgs(rest, ['lang'], ['json']);
  const lang = options.lang === undefined ? 'vi' : options.lang;
  if (lang !== 'vi' && lang !== 'en') throw new UsageError(`--lang phải là vi hoặc en / --lang must be vi or en: ${String(lang)}`);
  if (positionals.length === 0) throw new UsageError('packs check: cần ít nhất một tệp .json / packs check: give at least one .json file');
  const results = positionals.map(readPackFile);
  process.stdout.write(options.json === true ? `${packResultsJson(results)}\n` : packReport(results, lang));
  return packsExitCode(results);
}
