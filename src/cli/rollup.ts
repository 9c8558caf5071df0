/**
 * `bieumau roll-up OUT.xlsx INPUT... [--pack FILE]... [--unit TEXT] [--report NO]
 *  [--report-date YYYY-MM-DD] [--report-by TEXT] [--allow-errors] [--force] [--json]`
 * (alias `luy-ke`): the reports of one unit (or of one set of units) for consecutive periods become
 * one workbook for the covering period (`core/combine/rollup`).
 *
 * INPUT: `.xlsx` files or folders, as `bieumau consolidate` takes them; each file is read, checked
 * and fingerprinted the same way. Exit 0: written, nothing to report; 1: refused (a gap, an
 * overlap, different units, packs, versions or tables, error findings — nothing written), or
 * written with flagged sources under --allow-errors, as `consolidate` does; 2: bad usage or an
 * unreadable source (nothing written). The workbook is written to a temporary file and moved into
 * place; OUT is never replaced without --force.
 */
import type { RollUp } from '../core/combine/rollup';
import { formatRangeVi } from '../core/dates';
import { identifyPeriod, periodName } from '../core/periods';
import type { PackCatalog } from '../core/forms/catalog';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from '../core/numbers';
import { sourceLine } from './source-line';
import { parseArgs } from './args';
import { PACK_OPTION, catalogFromArgs } from './pack-option';
import { outputAndSources, reportFields, type ReportFields } from './report-args';

const VALUED = ['unit', 'report', 'report-date', 'report-by'] as const;
const FLAGS = ['allow-errors', 'force', 'json'] as const;

export interface RollUpRequest {
  out: string;
  inputs: string[];
  report: ReportFields;
  allowErrors: boolean;
  force: boolean;
  json: boolean;
  /** The built-in pack and those given with --pack. */
  catalog: PackCatalog;
}

/** Parses and checks the arguments; throws UsageError (one line, vi / en) on the first problem. */
export async function parseRollUpArgs(args: string[]): Promise<RollUpRequest> {
  const parsed = parseArgs(args, VALUED, FLAGS, [PACK_OPTION]);
  const { positionals, options } = parsed;
  const { out, inputs } = outputAndSources(positionals, { vi: 'tệp lũy kế', en: 'the output file' });
  const report = reportFields(options);
  const catalog = catalogFromArgs(parsed);
  return { out, inputs, report, allowErrors: options['allow-errors'] === true, force: options.force === true, json: options.json === true, catalog };
}

/** The `--json` document; keys in the documented order. */
export function rollUpJson(r: RollUp, output: string | null): string {
  const s = r.summary;
  return JSON.stringify({
    output,
    period: s.period ? { from: s.period.from, to: s.period.to, days: s.period.days } : null,
    sources: s.sources.map((x) => ({
      file: x.file,
      unit: x.unit,
      period: x.period ? { from: x.period.from, to: x.period.to } : null,
      included: x.included,
      errors: x.errors,
      warnings: x.warnings,
      sha256: x.sha256,
      reason: x.reason ? { vi: x.reason.vi, en: x.reason.en } : null,
    })),
    gaps: s.gaps.map((g) => ({ from: g.from, to: g.to })),
    overlaps: s.overlaps.map((o) => ({ files: [...o.files], from: o.from, to: o.to })),
    totals: s.totals,
  });
}

function humanReport(r: RollUp, output: string | null): string {
  const vi = (n: number): string => formatNumber(n, VI_SEPARATORS);
  const en = (n: number): string => formatNumber(n, EN_SEPARATORS);
  const lines: string[] = [];
  for (const x of r.summary.sources) lines.push(sourceLine(x, 'không lũy kế', true));
  const p = r.summary.period;
  if (output !== null && p) {
    const n = r.summary.sources.filter((x) => x.included).length;
    // The standard period's name when it is one ("Quý III/2025"), as the report would call it.
    const choice = identifyPeriod(p);
    const name = choice.kind === 'custom' ? null : periodName(choice);
    lines.push(
      `Đã lũy kế ${vi(n)} kỳ thành kỳ ${formatRangeVi(p)} (${name ? `${name.vi}, ` : ''}${vi(p.days)} ngày) vào ${output}.`,
      `Rolled up ${en(n)} periods into ${formatRangeVi(p)} (${name ? `${name.en}, ` : ''}${en(p.days)} days) in ${output}.`,
    );
  } else {
    lines.push('Không lũy kế: chưa ghi tệp nào. / Not rolled up: nothing was written.');
  }
  return `${lines.join('\n')}\n`;
}

export async function runRollUp(args: string[]): Promise<number> {
  const req = await parseRollUpArgs(args);
  const [{ rollUp }, { expandInputs, readSources, writeUnlessRefused, writingExitCode }, { checkTarget }] = await Promise.all([
    import('../core/combine/rollup'),
    import('./sources'),
    import('./new'),
  ]);
  const templates = req.catalog.offeredFirst();
  const full = checkTarget(req.out, req.force);
  const summaries = await readSources(expandInputs(req.inputs, req.out), templates, req.catalog);
  const r = rollUp(summaries, { templates, report: req.report, allowErrors: req.allowErrors });
  const output = await writeUnlessRefused(r, full, req);
  process.stdout.write(req.json ? `${rollUpJson(r, output)}\n` : humanReport(r, output));
  return writingExitCode(summaries, r);
}
