/**
 * `bieumau consolidate OUT.xlsx INPUT... [--units UNITS.csv] [--unit TEXT] [--report NO]
 *  [--report-date YYYY-MM-DD] [--report-by TEXT] [--allow-errors] [--force] [--json]`
 * (alias `tong-hop`): adds up the tables of many units' workbooks into one workbook.
 *
 * INPUT: `.xlsx` files or folders (every `.xlsx` directly inside, by name). Files are read one at a
 * time and only their numbers kept (`core/combine/consolidate`), so thousands of sources fit in memory.
 * Exit 0: written, nothing to report; 1: a problem in the sources (nothing written, or written with
 * flagged sources under --allow-errors); 2: bad usage or an unreadable source. The workbook is
 * written to a temporary file and moved into place; OUT is never replaced without --force.
 */
import { readFileSync } from 'fs';
import type { PackCatalog } from '../core/forms/catalog';
import { PACK_OPTION, catalogFromArgs } from './pack-option';
import { consolidate, type Consolidation } from '../core/combine/consolidate';
import { parseUnitsCsv, UnitsListError, type UnitEntry } from '../core/units';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { sourceLine } from './source-line';
import { UsageError, parseArgs } from './args';
import { checkTarget } from './new';
import { expandInputs, readSources, writeUnlessRefused, writingExitCode } from './sources';
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

export async function runConsolidate(args: string[]): Promise<number> {
  const req = parseConsolidateArgs(args);
  const templates = req.catalog.offeredFirst();
  const full = checkTarget(req.out, req.force);
  const summaries = await readSources(expandInputs(req.inputs, req.out), templates, req.catalog);
  const c = consolidate(summaries, { templates, report: req.report, units: req.units, allowErrors: req.allowErrors });
  const output = await writeUnlessRefused(c, full, req);
  process.stdout.write(req.json ? `${consolidationJson(c, output)}\n` : humanReport(c, output));
  return writingExitCode(summaries, c);
}
