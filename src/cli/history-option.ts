/**
 * `bieumau check FILE... --history EARLIER...`: the option's parsing, the earlier reports' reading,
 * and what `check` adds to its output (docs/history.md). EARLIER: `.xlsx` files or folders (every
 * `.xlsx` directly inside), as `consolidate` takes its inputs. An earlier file that cannot be read is
 * listed with a note and the others are still used; `check` then exits 2, as for a FILE it cannot read.
 */
import type { PackCatalog } from '../core/forms/catalog';
import type { FileResult } from '../core/check/check-json';
import { formatRangeVi } from '../core/dates';
import type { EarlierInput, HistoryResult } from '../core/history/history';
import { earlierFrom } from '../xlsx/earlier-files';
import { pathSource } from './path-source';
import { UsageError } from './args';

// The parts the web page shares (no Node API), kept importable from here.

export const HISTORY_OPTION = 'history';

/**
 * Takes `--history` and the arguments after it, up to the next option (or `--`), out of the command
 * line: those are the earlier reports. `--history=PATH` gives one. May be given more than once.
 * Returns the remaining arguments for the ordinary parser, and null when `--history` is absent.
 */
export function splitHistoryArgs(args: readonly string[]): { rest: string[]; history: string[] | null } {
  const rest: string[] = [];
  let history: string[] | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (a.startsWith(`--${HISTORY_OPTION}=`)) {
      const v = a.slice(HISTORY_OPTION.length + 3);
      if (v === '') throw new UsageError('--history cần một tệp hoặc thư mục / --history needs a file or folder');
      (history ??= []).push(v);
      continue;
    }
    if (a !== `--${HISTORY_OPTION}`) {
      rest.push(a);
      continue;
    }
    const start = i;
    while (i + 1 < args.length && (!args[i + 1].startsWith('-') || args[i + 1] === '-')) (history ??= []).push(args[++i]);
    if (i === start) throw new UsageError('--history cần ít nhất một tệp hoặc thư mục của các kỳ trước / --history needs at least one earlier file or folder');
  }
  return { rest, history };
}

/** Reads the earlier reports (folders expanded); never throws on a file, only on a folder with no `.xlsx` (usage). */
export async function loadEarlier(inputs: readonly string[], catalog: PackCatalog): Promise<EarlierInput[]> {
  // The expansion `consolidate` uses (loaded only when --history is given).
  const { expandInputs } = await import('./sources');
  const files = expandInputs([...inputs], '');
  const out: EarlierInput[] = [];
  for (const file of files) out.push(await earlierFrom(pathSource(file), catalog));
  return out;
}

/** 2 when an earlier report could not be read, else 0. */
export function historyExitCode(earlier: readonly EarlierInput[]): number {
  return earlier.some((e) => 'error' in e) ? 2 : 0;
}

/** The human report with the comparison's lines before its last (total) line. */
export function textWithHistory(text: string, results: readonly FileResult[], history: Map<FileResult, HistoryResult>, lang: 'vi' | 'en'): string {
  const lines: string[] = [lang === 'vi' ? 'So với các kỳ trước (--history):' : 'Compared with earlier periods (--history):'];
  for (const r of results) {
    const h = history.get(r);
    if (!h) continue;
    const periods = h.compared.map((c) => `${c.file} (${formatRangeVi(c)})`).join(', ');
    if (lang === 'vi') lines.push(`  ${r.file}: ${h.compared.length === 0 ? 'không có kỳ nào để so sánh' : `so với ${h.compared.length} kỳ: ${periods}`}`);
    else lines.push(`  ${r.file}: ${h.compared.length === 0 ? 'no earlier period to compare with' : `compared with ${h.compared.length} period${h.compared.length === 1 ? '' : 's'}: ${periods}`}`);
    for (const n of h.notes) {
      if (n.file === null) lines.push(`    ${n.message[lang]}`);
      else lines.push(lang === 'vi' ? `    Bỏ qua ${n.file}: ${n.message.vi}` : `    Left out ${n.file}: ${n.message.en}`);
    }
  }
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const cut = body.lastIndexOf('\n');
  return `${body.slice(0, cut + 1)}${lines.join('\n')}\n${body.slice(cut + 1)}\n`;
}
