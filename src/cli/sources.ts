/**
 * The sources of the commands that read many workbooks and write one (`consolidate`, `roll-up`;
 * `export` and `check --history` expand their inputs the same way): folders expanded, each file
 * read, checked and fingerprinted with only its numbers kept, a progress line on a terminal, the
 * workbook written only when nothing was refused, and the exit code they share.
 */
import { readdirSync, statSync } from 'fs';
import { join, resolve } from 'path';
import type { Template, Text } from '../core/forms/template';
import type { PackCatalog } from '../core/forms/catalog';
import type { SheetPlan } from '../core/forms/plan';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import type { SourceSummary } from '../core/combine/consolidate';
import { sourceSummary } from '../xlsx/source';
import { nodeSha256, pathSource } from './path-source';
import { UsageError } from './args';
import { writeFileAtomically } from './new';

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

/** The files an INPUT stands for: itself, or every `.xlsx` directly inside a folder (by name; Excel's `~$` lock files left out). */
export function expandInputs(inputs: string[], out: string): string[] {
  const files: string[] = [];
  const outFull = resolve(out);
  for (const input of inputs) {
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      // a missing file is reported as an unreadable source
    }
    if (!isDir) {
      files.push(input);
      continue;
    }
    const inside = readdirSync(input, { withFileTypes: true })
      .filter((d) => d.isFile() && /\.xlsx$/i.test(d.name) && !d.name.startsWith('~$') && !d.name.startsWith('.'))
      .map((d) => join(input, d.name))
      .filter((f) => resolve(f) !== outFull)
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (inside.length === 0) fail(`thư mục không có tệp .xlsx: ${input}`, `the folder holds no .xlsx file: ${input}`);
    files.push(...inside);
  }
  return files;
}

/** Takes one file in (`xlsx/intake`: refused by size, read, checked, fingerprinted), keeping only its numbers; never throws. */
export function readSource(file: string, templates: readonly Template[], today: Date, catalog: PackCatalog = BUILTIN_CATALOG): Promise<SourceSummary> {
  return sourceSummary(pathSource(file), templates, today, catalog, nodeSha256);
}

/** A progress line on stderr, only on a terminal and only once the run has taken a second. */
export function progress(total: number): { tick: (done: number) => void; end: () => void } {
  const tty = process.stderr.isTTY === true;
  const start = Date.now();
  let last = 0;
  let shown = false;
  return {
    tick(done: number): void {
      if (!tty) return;
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      process.stderr.write(`\rĐang đọc / reading ${done}/${total}…`);
    },
    end(): void {
      if (shown) process.stderr.write('\r\x1b[K');
    },
  };
}

/** Each file read in turn (`readSource`), with the progress line. */
export async function readSources(files: readonly string[], templates: readonly Template[], catalog: PackCatalog): Promise<SourceSummary[]> {
  const today = new Date();
  const bar = progress(files.length);
  const summaries: SourceSummary[] = [];
  for (let i = 0; i < files.length; i++) {
    summaries.push(await readSource(files[i], templates, today, catalog));
    bar.tick(i + 1);
  }
  bar.end();
  return summaries;
}

/** What a consolidation or a roll-up gives back to be written. */
export interface Outcome {
  refusals: readonly { message: Text }[];
  plans: SheetPlan[];
  summary: { sources: readonly { errors: number }[] };
}

/**
 * Each refusal on stderr; with none, the workbook written (to a temporary file moved into place) to
 * `full`. Returns the name written (`req.out`), or null when refused.
 */
export async function writeUnlessRefused(o: Outcome, full: string, req: { out: string; force: boolean }): Promise<string | null> {
  for (const r of o.refusals) process.stderr.write(`bieumau: ${r.message.vi} / ${r.message.en}\n`);
  if (o.refusals.length > 0) return null;
  const { writeWorkbook } = await import('../xlsx/writer');
  writeFileAtomically(full, await writeWorkbook(o.plans), req.force, req.out);
  return req.out;
}

/** 2: a source could not be read; 1: refused, or written with flagged sources (--allow-errors); else 0. */
export function writingExitCode(summaries: readonly SourceSummary[], o: Outcome): number {
  if (summaries.some((s) => s.readError !== null)) return 2;
  if (o.refusals.length > 0 || o.summary.sources.some((s) => s.errors > 0)) return 1;
  return 0;
}
