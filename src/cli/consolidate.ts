/**
 * `bieumau consolidate OUT.xlsx INPUT... [--units UNITS.csv] [--unit TEXT] [--report NO]
 *  [--report-date YYYY-MM-DD] [--report-by TEXT] [--allow-errors] [--force] [--json]`
 * (alias `tong-hop`): adds up the tables of many units' workbooks into one workbook.
 *
 * INPUT: `.xlsx` files or folders (every `.xlsx` directly inside, by name). Files are read one at a
 * time and only their numbers kept (`core/consolidate`), so thousands of sources fit in memory.
 * Exit 0: written, nothing to report; 1: a problem in the sources (nothing written, or written with
 * flagged sources under --allow-errors); 2: bad usage or an unreadable source. The workbook is
 * written to a temporary file and moved into place; OUT is never replaced without --force.
 */
import { createHash } from 'crypto';
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import type { Template, Text } from '../core/template';
import { BUILTIN_CATALOG } from '../core/builtin';
import type { PackCatalog } from '../core/catalog';
import { PACK_OPTION, catalogFromArgs } from './pack-option';
import { consolidate, summarizeSource, type Consolidation, type SourceSummary } from '../core/consolidate';
import { parseUnitsCsv, UnitsListError, type UnitEntry } from '../core/units';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { sourceLine } from './source-line';
import { WorkbookReadError } from '../xlsx/reader';
import { sourceFromBytes } from '../xlsx/source';
import { writeWorkbook } from '../xlsx/writer';
import { UsageError, parseArgs } from './args';
import { checkTarget, writeFileAtomically } from './new';
import { outputAndSources, reportFields, type ReportFields } from './report-args';

const VALUED = ['units', 'unit', 'report', 'report-date', 'report-by'] as const;
const FLAGS = ['allow-errors', 'force', 'json'] as const;

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

export interface ConsolidateRequest {
  out: string;
  inputs: string[];
  units: UnitEntry[] | null;
  report: ReportFields;
  allowErrors: boolean;
  force: boolean;
  json: boolean;
  /** The built-in pack and those given with --pack. */
  catalog: PackCatalog;
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

function readUnits(file: string): UnitEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    fail(`không đọc được danh sách đơn vị: ${file}`, `cannot read the units list: ${file}`);
  }
  try {
    return parseUnitsCsv(text);
  } catch (e) {
    if (e instanceof UnitsListError) fail(`${file}: ${e.reason.vi}`, `${file}: ${e.reason.en}`);
    throw e;
  }
}

export function parseConsolidateArgs(args: string[]): ConsolidateRequest {
  const parsed = parseArgs(args, VALUED, FLAGS, [PACK_OPTION]);
  const { positionals, options } = parsed;
  const { out, inputs } = outputAndSources(positionals, { vi: 'tệp tổng hợp', en: 'the output file' });
  const report = reportFields(options);
  const units = typeof options.units === 'string' ? readUnits(options.units) : null;
  const catalog = catalogFromArgs(parsed);
  return { out, inputs, units, report, allowErrors: options['allow-errors'] === true, force: options.force === true, json: options.json === true, catalog };
}

/** Reads, checks and fingerprints one file, keeping only its numbers; never throws. */
export async function readSource(file: string, templates: readonly Template[], today: Date, catalog: PackCatalog = BUILTIN_CATALOG): Promise<SourceSummary> {
  let bytes: Uint8Array;
  try {
    if (statSync(file).isDirectory()) throw new WorkbookReadError({ vi: 'Đây là một thư mục.', en: 'This is a folder.' });
    bytes = readFileSync(file);
  } catch (e) {
    const readError: Text = e instanceof WorkbookReadError ? e.reason : { vi: 'Không tìm thấy hoặc không đọc được tệp.', en: 'The file does not exist or cannot be read.' };
    return summarizeSource({ file, sha256: null, read: null, readError, errors: 0, warnings: 0 }, templates);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return sourceFromBytes(file, bytes, sha256, templates, today, catalog);
}

/** The `--json` document; keys in the documented order. */
export function consolidationJson(c: Consolidation, output: string | null): string {
  const s = c.summary;
  return JSON.stringify({
    output,
    period: s.period ? { from: s.period.from, to: s.period.to } : null,
    sources: s.sources.map((x) => ({
      file: x.file,
      unit: x.unit,
      included: x.included,
      errors: x.errors,
      warnings: x.warnings,
      sha256: x.sha256,
      reason: x.reason ? { vi: x.reason.vi, en: x.reason.en } : null,
    })),
    missing: s.missing,
    unexpected: s.unexpected,
    totals: s.totals,
  });
}

function humanReport(c: Consolidation, output: string | null): string {
  const vi = (n: number): string => formatNumber(n, VI_SEPARATORS);
  const en = (n: number): string => formatNumber(n, EN_SEPARATORS);
  const lines: string[] = [];
  for (const x of c.summary.sources) lines.push(sourceLine(x, 'không tổng hợp', false));
  const s = c.summary;
  const included = s.sources.filter((x) => x.included).length;
  const total = s.sources.length;
  const list = (items: string[]): string => (items.length > 10 ? `${items.slice(0, 10).join(', ')}, …` : items.join(', '));
  if (output !== null) {
    let viLine = `Đã tổng hợp ${vi(included)}/${vi(total)} tệp vào ${output}.`;
    let enLine = `Consolidated ${en(included)} of ${en(total)} files into ${output}.`;
    if (s.expected > 0) {
      viLine += ` Chưa nộp: ${vi(s.missing.length)}/${vi(s.expected)}${s.missing.length ? ` (${list(s.missing)})` : ''}.`;
      enLine += ` Missing: ${en(s.missing.length)} of ${en(s.expected)}${s.missing.length ? ` (${list(s.missing)})` : ''}.`;
      if (s.unexpected.length > 0) {
        viLine += ` Ngoài danh sách: ${vi(s.unexpected.length)} (${list(s.unexpected)}).`;
        enLine += ` Not listed: ${en(s.unexpected.length)} (${list(s.unexpected)}).`;
      }
    }
    lines.push(viLine, enLine);
  } else {
    lines.push(`Không tổng hợp: chưa ghi tệp nào. / Not consolidated: nothing was written.`);
  }
  return `${lines.join('\n')}\n`;
}

/** A progress line on stderr, only on a terminal and only once the run has taken a second. */
function progress(total: number): { tick: (done: number) => void; end: () => void } {
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

export async function runConsolidate(args: string[]): Promise<number> {
  const req = parseConsolidateArgs(args);
  // Every template of the loaded packs, the versions offered first (the order of the output's sheets).
  const offered = req.catalog.list();
  const templates = [...offered, ...req.catalog.templates().filter((t) => !offered.includes(t))];
  const full = checkTarget(req.out, req.force);
  const files = expandInputs(req.inputs, req.out);
  const today = new Date();
  const bar = progress(files.length);
  const summaries: SourceSummary[] = [];
  for (let i = 0; i < files.length; i++) {
    summaries.push(await readSource(files[i], templates, today, req.catalog));
    bar.tick(i + 1);
  }
  bar.end();
  const c = consolidate(summaries, { templates, report: req.report, units: req.units, allowErrors: req.allowErrors });
  const unreadable = summaries.some((s) => s.readError !== null);
  let output: string | null = null;
  for (const r of c.refusals) process.stderr.write(`bieumau: ${r.message.vi} / ${r.message.en}\n`);
  if (c.refusals.length === 0) {
    const buffer = await writeWorkbook(c.plans);
    writeFileAtomically(full, buffer, req.force, req.out);
    output = req.out;
  }
  process.stdout.write(req.json ? `${consolidationJson(c, output)}\n` : humanReport(c, output));
  if (unreadable) return 2;
  if (c.refusals.length > 0 || c.summary.sources.some((s) => s.errors > 0)) return 1;
  return 0;
}
