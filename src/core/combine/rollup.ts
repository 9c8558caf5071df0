/**
 * Roll-up across periods (lũy kế): the reports of one unit (or of one set of units, for
 * consolidated workbooks) for consecutive periods become the plan of one workbook for the covering
 * period — three Decree 09 months 15/6–14/7, 15/7–14/8, 15/8–14/9/2025 give the third quarter,
 * 15/6–14/9/2025, 92 days. Pure: the caller reads the files, checks them and computes their
 * SHA-256, exactly as for consolidation (`summarizeSource`, or `sourceFromBytes` on bytes); this
 * module takes the summaries and returns SheetPlans and a summary, or refuses.
 *
 * The sources must tile the covering period: sorted by period, no gap (named with its dates) and
 * no overlap; the same unit (or the same units); the same packs and template versions; the same
 * tables; no error findings unless `allowErrors`. Every refusal names the files.
 *
 * What a figure means decides how it adds up through time (the template's `overTime`):
 * - a flow (`sum`, the default: Biểu 01–03) is summed. A table of one unit gets one data row per
 *   source period, labelled with that period, then `Tổng cộng` for the covering period; its
 *   averages per day and per month are computed on the covering period's days (the layout's
 *   formulas on the report information's dates). A fixed-row flow table is summed cell by cell,
 *   each period's figures kept on a detail sheet.
 * - a stock (`last`: Biểu 04) takes the last period's values; the earlier ones are on a detail sheet.
 * Consolidated inputs (one row per unit) give one row per unit, each the unit's roll-up.
 * The `Nguồn` sheet lists the sources as consolidation lists them.
 */
import type { Template } from '../forms/template';
import { entryColumns } from '../forms/template';
import type { LayoutOptions, SheetPlan } from '../forms/plan';
import { layout } from '../forms/layout';
import { periodText } from '../forms/layout-texts';
import {
  addInto,
  columnTotals,
  reportOptions,
  rowGroups,
  samePack,
  summarizeSource,
  totalsKey,
  type ConsolidateOptions,
  type SourceInput,
  type SourceResult,
  type SourceSummary,
  type SourceTable,
} from './consolidate';
import { detailPlan, sourcesPlan } from './combine-sheets';
import { admit, sourceResults, type AdmissionRefusal } from './admit';
import { byPeriod, tiling, unitRowsOf, ROLL_UP, type PeriodGap, type PeriodOverlap, type UnitRow } from './rollup-rules';
import { daysInclusive } from '../dates';
import { unitKey } from '../units';

// ---------------------------------------------------------------------------------------------
// Types

export type RollUpOptions = Omit<ConsolidateOptions, 'units'>;

/** Why the sources are not rolled up: admission's refusal (`core/combine/admit`). */
export type RollUpRefusal = AdmissionRefusal;

export interface RollUpSummary {
  /** The covering period; null when refused. */
  period: { from: string; to: string; days: number } | null;
  /** Every source, sorted by period (sources without a period last, in the order given). */
  sources: SourceResult[];
  gaps: PeriodGap[];
  overlaps: PeriodOverlap[];
  /**
   * What the rows of the per-unit tables are: `periods` (one unit: a row per source period) or
   * `units` (consolidated inputs: a row per unit, each the unit's roll-up); null when refused.
   */
  rows: 'periods' | 'units' | null;
  /** Per template (`totalsKey`), per entry and sum column id: the covering period's figure. */
  totals: Record<string, Record<string, number>>;
}

export interface RollUp {
  /** Non-empty: nothing to write. */
  refusals: RollUpRefusal[];
  /** The sheets to write, in order: the tables, detail sheets, the sources sheet. Empty when refused. */
  plans: SheetPlan[];
  summary: RollUpSummary;
}

/** The title of the `Nguồn` sheet of a roll-up. */
export const ROLLUP_SOURCES_TITLE = 'NGUỒN SỐ LIỆU LŨY KẾ';

type Period = { from: string; to: string };

// ---------------------------------------------------------------------------------------------
// Summing what is admitted

/** What every table's figures are summed with: the admitted sources in period order, their period labels, the report. */
interface Ground {
  included: SourceSummary[];
  periodLabels: string[];
  report: LayoutOptions;
}

/** What one table adds to the workbook: its plan, a detail sheet, its totals; `units` when its rows are units. */
interface Summed {
  plan: SheetPlan;
  detail?: SheetPlan;
  total: (number | null)[];
  units?: true;
}

/** A fixed-row table: a flow summed cell by cell, a stock's last period; each period on the detail sheet. */
function fixedTable(template: Template, tables: SourceTable[], g: Ground, detail: (blocks?: string[]) => SheetPlan): Summed {
  const ids = entryColumns(template).map((c) => c.id);
  const total: (number | null)[] = ids.map(() => null);
  let values: (number | null)[][];
  if (template.overTime === 'last') values = tables[tables.length - 1].rows;
  else {
    values = template.rows.kind === 'fixed' ? template.rows.rows.map(() => ids.map(() => null)) : [];
    for (const t of tables) t.rows.forEach((row, i) => {
      if (values[i]) addInto(values[i], row);
    });
  }
  for (const row of values) addInto(total, row);
  return { plan: layout(template, { ...g.report, values }), detail: detail(), total };
}

/** Consolidated inputs: a row per unit (the last period's order and groups), each the unit's roll-up. */
function unitsTable(template: Template, units: UnitRow[][], g: Ground): Summed {
  const ids = entryColumns(template).map((c) => c.id);
  const total: (number | null)[] = ids.map(() => null);
  const rows = units[units.length - 1].map((u) => {
    const key = unitKey(u.label);
    if (template.overTime === 'last') return u;
    const sum: (number | null)[] = ids.map(() => null);
    for (const l of units) for (const x of l) if (unitKey(x.label) === key) addInto(sum, x.values);
    return { ...u, values: sum };
  });
  for (const r of rows) addInto(total, r.values);
  const plan = layout(template, {
    ...g.report,
    dataRows: rows.length,
    rowLabels: rows.map((r) => r.label),
    values: rows.map((r) => r.values),
    rowGroups: rows.length > 1 ? rowGroups(rows) : [],
    templateGroupRow: false,
    rowKind: 'unit',
  });
  return { plan, total, units: true };
}

/** One unit's table: a stock's last row (the earlier ones on the detail sheet), or a flow's row per period then Tổng cộng. */
function periodsTable(template: Template, tables: SourceTable[], g: Ground, detail: (blocks?: string[]) => SheetPlan): Summed {
  const total: (number | null)[] = entryColumns(template).map(() => null);
  if (template.overTime === 'last') {
    const values = tables[tables.length - 1].rows;
    addInto(total, values[0]);
    return { plan: layout(template, { ...g.report, values }), detail: detail([template.name.vi]), total };
  }
  const values = tables.map((t) => t.rows[0]);
  for (const v of values) addInto(total, v);
  return { plan: layout(template, { ...g.report, dataRows: values.length, rowLabels: g.periodLabels, values, templateGroupRow: false, rowKind: 'period' }), total };
}

/** One template's share of the roll-up, or null when the sources do not have it (the rules make it all or none). */
function sumTable(template: Template, g: Ground): Summed | null {
  const figuresOf = (s: SourceSummary): SourceTable | undefined => s.tables.find((t) => samePack(t, template) && t.templateId === template.id && t.version === template.version);
  if (!g.included.every((s) => figuresOf(s) !== undefined)) return null;
  const tables = g.included.map((s) => figuresOf(s) as SourceTable);
  const detail = (blocks?: string[]): SheetPlan =>
    detailPlan(
      template,
      tables.map((t, i) => ({ label: g.periodLabels[i], rows: t.rows })),
      g.report,
      { heading: 'số liệu từng kỳ', labelHeader: 'Kỳ báo cáo', total: template.overTime === 'last' ? 'last' : 'sum', ...(blocks ? { blocks } : {}) },
    );
  if (template.rows.kind === 'fixed') return fixedTable(template, tables, g, detail);
  const units = tables.map(unitRowsOf);
  if (units.every((u) => u !== null)) return unitsTable(template, units as UnitRow[][], g);
  return periodsTable(template, tables, g, detail);
}

// ---------------------------------------------------------------------------------------------
// Roll-up

/** Rolls the summaries up into their covering period, or says why not (refusals name the files). */
export function rollUp(sources: readonly SourceSummary[], options: RollUpOptions): RollUp {
  const admission = admit(sources, ROLL_UP, options);
  const { refusals } = admission;
  const included = [...admission.admitted].sort(byPeriod);
  // Sources in period order; those without a period last, in the order given.
  const ordered = [...sources.filter((s) => s.readError === null && s.period !== null)].sort(byPeriod);
  ordered.push(...sources.filter((s) => !ordered.includes(s)));
  const { gaps, overlaps } = tiling(sources.filter((s) => s.readError === null && s.period !== null).sort(byPeriod));
  const first = included[0];
  const last = included[included.length - 1];
  const period = refusals.length > 0 ? null : { from: (first.period as Period).from, to: (last.period as Period).to, days: daysInclusive((first.period as Period).from, (last.period as Period).to) };
  const summary: RollUpSummary = { period, sources: sourceResults(ordered, admission, 'rollup', options.allowErrorsSwitch), gaps, overlaps, rows: null, totals: {} };
  if (!period) return { refusals, plans: [], summary };

  // The rolled-up workbook is the same unit's: its unit unless the caller gives another.
  const report: LayoutOptions = reportOptions({ ...options.report, unit: options.report?.unit || first.unit || undefined }, period);
  const ground: Ground = { included, periodLabels: included.map((s) => periodText(s.period as Period)), report };
  const plans: SheetPlan[] = [];
  const details: SheetPlan[] = [];
  summary.rows = 'periods';
  for (const template of options.templates) {
    const t = sumTable(template, ground);
    if (!t) continue;
    plans.push(t.plan);
    if (t.detail) details.push(t.detail);
    if (t.units) summary.rows = 'units';
    summary.totals[totalsKey(template)] = columnTotals(template, t.total);
  }
  plans.push(...details, sourcesPlan({ sources: summary.sources, missing: [], unexpected: [], expected: 0 }, report, ROLLUP_SOURCES_TITLE, 'Đã lũy kế'));
  return { refusals, plans, summary };
}

/** Both steps at once, for callers that hold every read (the web page, the task pane). */
export function rollUpReads(inputs: readonly SourceInput[], options: RollUpOptions): RollUp {
  return rollUp(
    inputs.map((i) => summarizeSource(i, options.templates)),
    options,
  );
}
