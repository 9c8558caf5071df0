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
import { STANDARD_PACK_ID } from './pack';
import type { Template, Text } from './template';
import { entryColumns } from './template';
import type { LayoutOptions, SheetPlan } from './plan';
import { layout, MISSING_SUFFIX, periodText } from './layout';
import {
  addInto,
  columnTotals,
  detailPlan,
  list,
  reportOptions,
  rowGroups,
  samePack,
  sourceResult,
  sourcesPlan,
  summarizeSource,
  totalsKey,
  type ConsolidateOptions,
  type SourceInput,
  type SourceResult,
  type SourceSummary,
  type SourceTable,
} from './consolidate';
import { addDays, compareIsoDates, daysInclusive, formatDateVi, formatRangeVi } from './dates';
import { unitKey } from './units';

// ---------------------------------------------------------------------------------------------
// Types

export type RollUpOptions = Omit<ConsolidateOptions, 'units'>;

export type RollUpRefusalKind = 'unreadable' | 'errors' | 'period' | 'gap' | 'overlap' | 'unit' | 'pack' | 'version' | 'tables' | 'empty';

export interface RollUpRefusal {
  kind: RollUpRefusalKind;
  /** The files concerned, as given. */
  files: string[];
  message: Text;
}

/** Dates no source covers, between two sources (both days included). */
export interface PeriodGap {
  from: string;
  to: string;
  /** The sources either side: the one ending before the gap, the one starting after it. */
  files: [string, string];
}

/** Dates two sources both cover (both days included). */
export interface PeriodOverlap {
  files: [string, string];
  from: string;
  to: string;
}

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

// ---------------------------------------------------------------------------------------------
// Helpers

type Period = { from: string; to: string };

/** "từ 15/7/2025 đến 14/8/2025" / "from 15/7/2025 to 14/8/2025" (one day: "ngày 15/7/2025"). */
function spanWords(p: Period): Text {
  if (p.from === p.to) return { vi: `ngày ${formatDateVi(p.from)}`, en: `on ${formatDateVi(p.from)}` };
  return { vi: `từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}`, en: `from ${formatDateVi(p.from)} to ${formatDateVi(p.to)}` };
}

type UnitRow = NonNullable<SourceTable['units']>[number];

/** A row label a roll-up writes for a period ("Từ ngày 15/6/2025 đến 14/7/2025"), read back as the period. */
const PERIOD_LABEL = /^Từ ngày \d{1,2}\/\d{1,2}\/\d{4} đến (ngày )?\d{1,2}\/\d{1,2}\/\d{4}$/;

/**
 * The unit rows of a table, or null when its rows are one unit's (one row, a roll-up's period rows,
 * or rows the clerk left unlabelled).
 */
function unitRowsOf(t: SourceTable): UnitRow[] | null {
  if (!t.units || t.units.every((u) => PERIOD_LABEL.test(u.label.normalize('NFC')))) return null;
  const rows = t.units.map((u) => ({ ...u, label: u.label.endsWith(MISSING_SUFFIX) ? u.label.slice(0, -MISSING_SUFFIX.length) : u.label }));
  // Rows without a label, or two with one label, are not a consolidation's units: one unit's rows, added up.
  const keys = new Set(rows.map((u) => unitKey(u.label)));
  if (keys.has('') || keys.size < rows.length) return null;
  return rows;
}

function packKey(t: { packId?: string }): string {
  return t.packId ?? STANDARD_PACK_ID;
}

function tableKey(t: { packId?: string; templateId: string }): string {
  return `${packKey(t)}:${t.templateId}`;
}

/** "Biểu 01" for a table key when a template knows it, else the key. */
function tableName(key: string, templates: readonly Template[]): string {
  const t = templates.find((x) => tableKey({ packId: x.pack, templateId: x.id }) === key);
  return t ? t.name.vi : key.replace(/^vn\.standard:/, '');
}

function tableNameEn(key: string, templates: readonly Template[]): string {
  const t = templates.find((x) => tableKey({ packId: x.pack, templateId: x.id }) === key);
  return t ? t.name.en : key.replace(/^vn\.standard:/, '');
}

function byPeriod(a: SourceSummary, b: SourceSummary): number {
  const pa = a.period as Period;
  const pb = b.period as Period;
  return compareIsoDates(pa.from, pb.from) || compareIsoDates(pa.to, pb.to);
}

/** Groups items by a key, in order of first appearance. */
function groupBy<T>(items: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of items) {
    const k = key(x);
    const l = out.get(k);
    if (l) l.push(x);
    else out.set(k, [x]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Gaps and overlaps of sources sorted by period. */
export function tiling(sorted: readonly SourceSummary[]): { gaps: PeriodGap[]; overlaps: PeriodOverlap[] } {
  const gaps: PeriodGap[] = [];
  const overlaps: PeriodOverlap[] = [];
  // The source reaching farthest so far: what the next one must start right after.
  let reach: SourceSummary | null = null;
  for (const s of sorted) {
    const p = s.period as Period;
    if (reach) {
      const end = (reach.period as Period).to;
      const next = addDays(end, 1);
      if (compareIsoDates(p.from, next) > 0) gaps.push({ from: next, to: addDays(p.from, -1), files: [reach.file, s.file] });
      else if (compareIsoDates(p.from, end) <= 0) {
        const to = compareIsoDates(p.to, end) < 0 ? p.to : end;
        overlaps.push({ files: [reach.file, s.file], from: p.from, to });
      }
    }
    if (!reach || compareIsoDates(p.to, (reach.period as Period).to) > 0) reach = s;
  }
  return { gaps, overlaps };
}

interface Checked {
  refusals: RollUpRefusal[];
  reasons: Map<SourceSummary, Text>;
  gaps: PeriodGap[];
  overlaps: PeriodOverlap[];
}

function addReason(reasons: Map<SourceSummary, Text>, s: SourceSummary, t: Text): void {
  const old = reasons.get(s);
  reasons.set(s, old ? { vi: `${old.vi}; ${t.vi}`, en: `${old.en}; ${t.en}` } : t);
}

function check(sources: readonly SourceSummary[], options: RollUpOptions): Checked {
  const allowErrors = options.allowErrors === true;
  const sw = options.allowErrorsSwitch ?? { vi: '--allow-errors', en: '--allow-errors' };
  const refusals: RollUpRefusal[] = [];
  const reasons = new Map<SourceSummary, Text>();
  const unreadable = sources.filter((s) => s.readError !== null);
  const readable = sources.filter((s) => s.readError === null);

  // Unreadable: a period would be missing, so never rolled up without it.
  for (const s of unreadable) reasons.set(s, s.readError as Text);
  if (unreadable.length > 0) {
    const files = unreadable.map((s) => s.file);
    refusals.push({
      kind: 'unreadable',
      files,
      message: { vi: `Không đọc được ${unreadable.length} tệp: ${list(files)}.`, en: `${unreadable.length} file(s) cannot be read: ${list(files)}.` },
    });
  }

  // Errors.
  const withErrors = readable.filter((s) => s.errors > 0);
  if (!allowErrors && withErrors.length > 0) {
    const files = withErrors.map((s) => s.file);
    refusals.push({
      kind: 'errors',
      files,
      message: {
        vi: `${withErrors.length} tệp có lỗi khi kiểm tra: ${list(files)} (sửa lỗi, hoặc dùng ${sw.vi} để vẫn lũy kế và đánh dấu).`,
        en: `${withErrors.length} file(s) have error findings: ${list(files)} (fix them, or use ${sw.en} to include them flagged).`,
      },
    });
    for (const s of withErrors) addReason(reasons, s, { vi: `có ${s.errors} lỗi khi kiểm tra`, en: `${s.errors} error finding(s)` });
  }

  // Periods: every source must have one; sorted, they must tile the covering period.
  const noPeriod = readable.filter((s) => s.period === null);
  if (noPeriod.length > 0) {
    const files = noPeriod.map((s) => s.file);
    refusals.push({
      kind: 'period',
      files,
      message: { vi: `Không ghi kỳ báo cáo (Từ ngày, Đến ngày): ${list(files)}.`, en: `No report period (from, to) in: ${list(files)}.` },
    });
    for (const s of noPeriod) addReason(reasons, s, { vi: 'không ghi kỳ báo cáo', en: 'no report period' });
  }
  const dated = readable.filter((s) => s.period !== null).sort(byPeriod);
  const { gaps, overlaps } = tiling(dated);
  const byFile = new Map(readable.map((s) => [s.file, s]));
  for (const g of gaps) {
    const w = spanWords(g);
    refusals.push({
      kind: 'gap',
      files: [...g.files],
      message: {
        vi: `Các kỳ không liền nhau: thiếu ${w.vi} (giữa ${g.files[0]} và ${g.files[1]}).`,
        en: `The periods are not consecutive: missing ${w.en} (between ${g.files[0]} and ${g.files[1]}).`,
      },
    });
    addReason(reasons, byFile.get(g.files[0]) as SourceSummary, { vi: `thiếu ${w.vi} sau tệp này`, en: `missing ${w.en} after this file` });
    addReason(reasons, byFile.get(g.files[1]) as SourceSummary, { vi: `thiếu ${w.vi} trước tệp này`, en: `missing ${w.en} before this file` });
  }
  for (const o of overlaps) {
    const w = spanWords(o);
    const [a, b] = o.files.map((f) => byFile.get(f) as SourceSummary);
    refusals.push({
      kind: 'overlap',
      files: [...o.files],
      message: {
        vi: `Hai tệp trùng kỳ ${w.vi}: ${o.files[0]} (${formatRangeVi(a.period as Period)}) và ${o.files[1]} (${formatRangeVi(b.period as Period)}).`,
        en: `Two files overlap ${w.en}: ${o.files[0]} (${formatRangeVi(a.period as Period)}) and ${o.files[1]} (${formatRangeVi(b.period as Period)}).`,
      },
    });
    addReason(reasons, a, { vi: `trùng kỳ với ${b.file}`, en: `overlaps ${b.file}` });
    addReason(reasons, b, { vi: `trùng kỳ với ${a.file}`, en: `overlaps ${a.file}` });
  }

  // The same unit: the report information's unit (blank counts as its own value).
  const byUnit = groupBy(readable, (s) => unitKey(s.unit));
  if (byUnit.size > 1) {
    const parts = [...byUnit.values()].map((l) => ({ unit: l[0].unit, files: l.map((s) => s.file) }));
    const show = (u: string, lang: 'vi' | 'en'): string => (u === '' ? (lang === 'vi' ? '(không ghi đơn vị)' : '(no unit)') : `"${u}"`);
    refusals.push({
      kind: 'unit',
      files: readable.map((s) => s.file),
      message: {
        vi: `Các tệp không cùng đơn vị: ${parts.map((x) => `${show(x.unit, 'vi')} (${list(x.files)})`).join('; ')}.`,
        en: `The files are not of the same unit: ${parts.map((x) => `${show(x.unit, 'en')} (${list(x.files)})`).join('; ')}.`,
      },
    });
    for (const s of readable) addReason(reasons, s, { vi: `đơn vị ${show(s.unit, 'vi')} khác các tệp khác`, en: `unit ${show(s.unit, 'en')} differs from the other files` });
  }

  // The same packs, tables and template versions.
  const withTables = readable.filter((s) => s.tables.length > 0);
  const packsOf = (s: SourceSummary): string => [...new Set(s.tables.map(packKey))].sort().join(', ');
  const byPacks = groupBy(withTables, packsOf);
  if (byPacks.size > 1) {
    const parts = [...byPacks.entries()].map(([k, l]) => `${k} (${list(l.map((s) => s.file))})`);
    refusals.push({
      kind: 'pack',
      files: withTables.map((s) => s.file),
      message: { vi: `Các tệp không cùng gói biểu mẫu: ${parts.join('; ')}.`, en: `The files are not of the same template pack: ${parts.join('; ')}.` },
    });
    for (const s of withTables) addReason(reasons, s, { vi: `gói ${packsOf(s)} khác các tệp khác`, en: `pack ${packsOf(s)} differs from the other files` });
  } else {
    const keys = [...new Set(withTables.flatMap((s) => s.tables.map(tableKey)))];
    for (const key of keys) {
      const name = { vi: tableName(key, options.templates), en: tableNameEn(key, options.templates) };
      const lacking = withTables.filter((s) => !s.tables.some((t) => tableKey(t) === key));
      if (lacking.length > 0) {
        const files = lacking.map((s) => s.file);
        refusals.push({
          kind: 'tables',
          files,
          message: {
            vi: `${name.vi} không có (hoặc không đọc được) trong: ${list(files)}; mọi kỳ phải có cùng các biểu.`,
            en: `${name.en} is missing (or unreadable) in: ${list(files)}; every period must have the same tables.`,
          },
        });
        for (const s of lacking) addReason(reasons, s, { vi: `thiếu ${name.vi}`, en: `${name.en} missing` });
      }
      const having = withTables.filter((s) => !lacking.includes(s));
      const byVersion = groupBy(having, (s) => String(s.tables.find((t) => tableKey(t) === key)?.version));
      if (byVersion.size > 1) {
        const parts = [...byVersion.entries()].map(([v, l]) => ({ v, files: l.map((s) => s.file) }));
        refusals.push({
          kind: 'version',
          files: having.map((s) => s.file),
          message: {
            vi: `${name.vi} không cùng phiên bản mẫu: ${parts.map((x) => `phiên bản ${x.v} (${list(x.files)})`).join('; ')}.`,
            en: `${name.en} is not of the same template version: ${parts.map((x) => `version ${x.v} (${list(x.files)})`).join('; ')}.`,
          },
        });
        for (const s of having) {
          const v = String(s.tables.find((t) => tableKey(t) === key)?.version);
          addReason(reasons, s, { vi: `${name.vi} phiên bản ${v} khác các tệp khác`, en: `${name.en} version ${v} differs from the other files` });
        }
      }
      // Consolidated inputs: the same units in every period.
      const rowsOf = having.map((s) => ({ s, units: unitRowsOf(s.tables.find((t) => tableKey(t) === key) as SourceTable) }));
      const consolidated = rowsOf.filter((x) => x.units !== null);
      if (consolidated.length > 0 && consolidated.length < rowsOf.length) {
        const many = consolidated.map((x) => x.s.file);
        const one = rowsOf.filter((x) => x.units === null).map((x) => x.s.file);
        refusals.push({
          kind: 'unit',
          files: having.map((s) => s.file),
          message: {
            vi: `${name.vi} có nhiều đơn vị (bảng tổng hợp) trong ${list(many)} nhưng chỉ một đơn vị trong ${list(one)}.`,
            en: `${name.en} has several units (a consolidation) in ${list(many)} but one unit in ${list(one)}.`,
          },
        });
        for (const x of rowsOf) addReason(reasons, x.s, x.units ? { vi: `${name.vi} có nhiều đơn vị`, en: `${name.en} has several units` } : { vi: `${name.vi} chỉ có một đơn vị`, en: `${name.en} has one unit` });
      } else if (consolidated.length > 1) {
        const all = new Map<string, string>();
        for (const x of consolidated) for (const u of x.units ?? []) if (!all.has(unitKey(u.label))) all.set(unitKey(u.label), u.label);
        const absent: { unit: string; files: string[] }[] = [];
        for (const [k, label] of all) {
          const files = consolidated.filter((x) => !(x.units ?? []).some((u) => unitKey(u.label) === k)).map((x) => x.s.file);
          if (files.length > 0) absent.push({ unit: label, files });
        }
        if (absent.length > 0) {
          const files = [...new Set(absent.flatMap((a) => a.files))];
          const shown = absent.slice(0, 10);
          const more = absent.length > shown.length ? `; … (${absent.length})` : '';
          refusals.push({
            kind: 'unit',
            files,
            message: {
              vi: `${name.vi}: các kỳ không cùng các đơn vị: ${shown.map((a) => `"${a.unit}" không có trong ${list(a.files)}`).join('; ')}${more}.`,
              en: `${name.en}: the periods do not have the same units: ${shown.map((a) => `"${a.unit}" is not in ${list(a.files)}`).join('; ')}${more}.`,
            },
          });
          for (const s of having.filter((x) => files.includes(x.file))) addReason(reasons, s, { vi: `${name.vi} thiếu đơn vị so với các kỳ khác`, en: `${name.en} lacks units the other periods have` });
        }
      }
    }
  }
  return { refusals, reasons, gaps, overlaps };
}

// ---------------------------------------------------------------------------------------------
// Roll-up

/** Rolls the summaries up into their covering period, or says why not (refusals name the files). */
export function rollUp(sources: readonly SourceSummary[], options: RollUpOptions): RollUp {
  const sw = options.allowErrorsSwitch ?? { vi: '--allow-errors', en: '--allow-errors' };
  const { refusals, reasons, gaps, overlaps } = check(sources, options);
  const readable = sources.filter((s) => s.readError === null);
  if (refusals.length === 0) {
    for (const s of readable) if (s.tables.length === 0) addReason(reasons, s, { vi: 'không có biểu nào đọc được', en: 'no readable table' });
  }
  const included = refusals.length > 0 ? [] : readable.filter((s) => s.tables.length > 0).sort(byPeriod);
  if (refusals.length === 0 && included.length === 0) {
    refusals.push({
      kind: 'empty',
      files: sources.map((s) => s.file),
      message: { vi: 'Không có tệp nào có biểu để lũy kế.', en: 'No file has a table to roll up.' },
    });
  }
  // Sources without a table once the rest is fine would leave their period out: a refusal too.
  const tableless = refusals.length === 0 ? readable.filter((s) => s.tables.length === 0) : [];
  if (tableless.length > 0) {
    const files = tableless.map((s) => s.file);
    refusals.push({
      kind: 'tables',
      files,
      message: { vi: `Không có biểu nào đọc được trong: ${list(files)}.`, en: `No readable table in: ${list(files)}.` },
    });
  }
  const refused = refusals.length > 0;
  const stopped: Text = { vi: 'không lũy kế vì các tệp có vấn đề', en: 'not rolled up: the files have problems' };

  // Sources in period order; those without a period last, in the order given.
  const ordered = [...sources.filter((s) => s.readError === null && s.period !== null)].sort(byPeriod);
  ordered.push(...sources.filter((s) => !ordered.includes(s)));
  const first = included[0];
  const last = included[included.length - 1];
  const period = refused ? null : { from: (first.period as Period).from, to: (last.period as Period).to, days: daysInclusive((first.period as Period).from, (last.period as Period).to) };
  const summary: RollUpSummary = {
    period,
    sources: ordered.map((s) => {
      const inc = !refused && included.includes(s);
      let reason = reasons.get(s) ?? null;
      if (inc && s.errors > 0) reason = { vi: `có ${s.errors} lỗi khi kiểm tra; vẫn lũy kế (${sw.vi})`, en: `${s.errors} error finding(s); included anyway (${sw.en})` };
      if (!inc && reason === null) reason = stopped;
      return sourceResult(s, inc, reason);
    }),
    gaps,
    overlaps,
    rows: null,
    totals: {},
  };
  if (refused || !period) return { refusals, plans: [], summary };

  // The rolled-up workbook is the same unit's: its unit unless the caller gives another.
  const report: LayoutOptions = reportOptions({ ...options.report, unit: options.report?.unit || first.unit || undefined }, period);
  const periodLabels = included.map((s) => periodText(s.period as Period));

  const plans: SheetPlan[] = [];
  const details: SheetPlan[] = [];
  let rowsKind: 'periods' | 'units' = 'periods';
  for (const template of options.templates) {
    const figuresOf = (s: SourceSummary): SourceTable | undefined => s.tables.find((t) => samePack(t, template) && t.templateId === template.id && t.version === template.version);
    if (!included.every((s) => figuresOf(s) !== undefined)) continue; // the checks make it all or none
    const tables = included.map((s) => figuresOf(s) as SourceTable);
    const ids = entryColumns(template).map((c) => c.id);
    const stock = template.overTime === 'last';
    const periodsDetail = (blocks?: string[]): SheetPlan =>
      detailPlan(
        template,
        tables.map((t, i) => ({ label: periodLabels[i], rows: t.rows })),
        report,
        { heading: 'số liệu từng kỳ', labelHeader: 'Kỳ báo cáo', total: stock ? 'last' : 'sum', ...(blocks ? { blocks } : {}) },
      );
    const total: (number | null)[] = ids.map(() => null);

    if (template.rows.kind === 'fixed') {
      let values: (number | null)[][];
      if (stock) values = tables[tables.length - 1].rows;
      else {
        values = template.rows.rows.map(() => ids.map(() => null));
        for (const t of tables) t.rows.forEach((row, i) => {
          if (values[i]) addInto(values[i], row);
        });
      }
      for (const row of values) addInto(total, row);
      plans.push(layout(template, { ...report, values }));
      details.push(periodsDetail());
      summary.totals[totalsKey(template)] = columnTotals(template, total);
      continue;
    }

    const units = tables.map(unitRowsOf);
    if (units.every((u) => u !== null)) {
      // Consolidated inputs: a row per unit (the last period's order and groups), each the unit's roll-up.
      rowsKind = 'units';
      const lastUnits = units[units.length - 1] as UnitRow[];
      const rows = lastUnits.map((u) => {
        const key = unitKey(u.label);
        if (stock) return u;
        const sum: (number | null)[] = ids.map(() => null);
        for (const l of units) for (const x of l ?? []) if (unitKey(x.label) === key) addInto(sum, x.values);
        return { ...u, values: sum };
      });
      for (const r of rows) addInto(total, r.values);
      plans.push(
        layout(template, {
          ...report,
          dataRows: rows.length,
          rowLabels: rows.map((r) => r.label),
          values: rows.map((r) => r.values),
          rowGroups: rows.length > 1 ? rowGroups(rows) : [],
          templateGroupRow: false,
          rowKind: 'unit',
        }),
      );
    } else if (stock) {
      // One unit's stock: the last period's row, the earlier ones on the detail sheet.
      const values = tables[tables.length - 1].rows;
      addInto(total, values[0]);
      plans.push(layout(template, { ...report, values }));
      details.push(periodsDetail([template.name.vi]));
    } else {
      // One unit's flow: a row per source period, then Tổng cộng for the covering period.
      const values = tables.map((t) => t.rows[0]);
      for (const v of values) addInto(total, v);
      plans.push(layout(template, { ...report, dataRows: values.length, rowLabels: periodLabels, values, templateGroupRow: false, rowKind: 'period' }));
    }
    summary.totals[totalsKey(template)] = columnTotals(template, total);
  }
  summary.rows = rowsKind;
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
