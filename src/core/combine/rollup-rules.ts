/**
 * The rules of admission a roll-up across periods adds to the shared ones (`core/combine/admit`): the
 * sources tile the covering period (each with a period, sorted, no gap and no overlap), are of the
 * same unit (or the same units, for consolidated inputs), the same packs, tables and template
 * versions. Each refuses through the admission context; the words are the catalogue's.
 */
import type { Template, Text } from '../forms/template';
import type { SourceSummary, SourceTable } from './consolidate';
import { STANDARD_PACK_ID } from '../forms/pack';
import { MISSING_SUFFIX } from '../forms/layout-texts';
import { addDays, compareIsoDates } from '../dates';
import { unitKey } from '../units';
import { NOTE_WORDS, REFUSAL_WORDS } from './admission-words';
import { groupBy, unreadableRefused, withoutErrors, type AdmissionRule, type Policy, type RuleContext } from './admit';

type Period = { from: string; to: string };

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

export type UnitRow = NonNullable<SourceTable['units']>[number];

/** A row label a roll-up writes for a period ("Từ ngày 15/6/2025 đến 14/7/2025"), read back as the period. */
const PERIOD_LABEL = /^Từ ngày \d{1,2}\/\d{1,2}\/\d{4} đến (ngày )?\d{1,2}\/\d{1,2}\/\d{4}$/;

/**
 * The unit rows of a table, or null when its rows are one unit's (one row, a roll-up's period rows,
 * or rows the clerk left unlabelled).
 */
export function unitRowsOf(t: SourceTable): UnitRow[] | null {
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

/** "Biểu 01" / "Table 01" for a table key when a template knows it, else the key. */
function tableName(key: string, templates: readonly Template[]): Text {
  const t = templates.find((x) => tableKey({ packId: x.pack, templateId: x.id }) === key);
  const bare = key.replace(/^vn\.standard:/, '');
  return t ? { vi: t.name.vi, en: t.name.en } : { vi: bare, en: bare };
}

/** Sources with a period, earliest first. */
export function byPeriod(a: SourceSummary, b: SourceSummary): number {
  const pa = a.period as Period;
  const pb = b.period as Period;
  return compareIsoDates(pa.from, pb.from) || compareIsoDates(pa.to, pb.to);
}

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

/** Every source with a period; sorted, they tile the covering period. */
export const tilePeriods: AdmissionRule = (ctx) => {
  const noPeriod = ctx.readable.filter((s) => s.period === null);
  if (noPeriod.length > 0) {
    ctx.refuse('period', noPeriod.map((s) => s.file), REFUSAL_WORDS.noPeriod(noPeriod.map((s) => s.file)));
    for (const s of noPeriod) ctx.note(s, NOTE_WORDS.noPeriod());
  }
  const { gaps, overlaps } = tiling(ctx.readable.filter((s) => s.period !== null).sort(byPeriod));
  const byFile = new Map(ctx.readable.map((s) => [s.file, s]));
  for (const g of gaps) {
    ctx.refuse('gap', [...g.files], REFUSAL_WORDS.gap(g, g.files));
    ctx.note(byFile.get(g.files[0]) as SourceSummary, NOTE_WORDS.gapAfter(g));
    ctx.note(byFile.get(g.files[1]) as SourceSummary, NOTE_WORDS.gapBefore(g));
  }
  for (const o of overlaps) {
    const [a, b] = o.files.map((f) => byFile.get(f) as SourceSummary);
    ctx.refuse('overlap', [...o.files], REFUSAL_WORDS.overlap(o, { file: a.file, period: a.period as Period }, { file: b.file, period: b.period as Period }));
    ctx.note(a, NOTE_WORDS.overlaps(b.file));
    ctx.note(b, NOTE_WORDS.overlaps(a.file));
  }
};

/** The same unit: the report information's unit (blank counts as its own value). */
export const oneUnit: AdmissionRule = (ctx) => {
  const byUnit = groupBy(ctx.readable, (s) => unitKey(s.unit));
  if (byUnit.size <= 1) return;
  const parts = [...byUnit.values()].map((l) => ({ unit: l[0].unit, files: l.map((s) => s.file) }));
  ctx.refuse('unit', ctx.readable.map((s) => s.file), REFUSAL_WORDS.units(parts));
  for (const s of ctx.readable) ctx.note(s, NOTE_WORDS.unitDiffers(s.unit));
};

/** One table (by key) of every source having it: the same template version. */
function oneVersion(ctx: RuleContext, key: string, name: Text, having: SourceSummary[]): void {
  const versionOf = (s: SourceSummary): string => String(s.tables.find((t) => tableKey(t) === key)?.version);
  const byVersion = groupBy(having, versionOf);
  if (byVersion.size <= 1) return;
  const parts = [...byVersion.entries()].map(([version, l]) => ({ version, files: l.map((s) => s.file) }));
  ctx.refuse('version', having.map((s) => s.file), REFUSAL_WORDS.versions(name, parts));
  for (const s of having) ctx.note(s, NOTE_WORDS.versionDiffers(name, versionOf(s)));
}

/** Consolidated inputs: the same units in every period (or one unit in all). */
function sameUnits(ctx: RuleContext, key: string, name: Text, having: SourceSummary[]): void {
  const rowsOf = having.map((s) => ({ s, units: unitRowsOf(s.tables.find((t) => tableKey(t) === key) as SourceTable) }));
  const consolidated = rowsOf.filter((x) => x.units !== null);
  if (consolidated.length > 0 && consolidated.length < rowsOf.length) {
    const one = rowsOf.filter((x) => x.units === null).map((x) => x.s.file);
    ctx.refuse('unit', having.map((s) => s.file), REFUSAL_WORDS.unitCounts(name, consolidated.map((x) => x.s.file), one));
    for (const x of rowsOf) ctx.note(x.s, x.units ? NOTE_WORDS.manyUnits(name) : NOTE_WORDS.oneUnit(name));
    return;
  }
  if (consolidated.length <= 1) return;
  const all = new Map<string, string>();
  for (const x of consolidated) for (const u of x.units ?? []) if (!all.has(unitKey(u.label))) all.set(unitKey(u.label), u.label);
  const absent: { unit: string; files: string[] }[] = [];
  for (const [k, label] of all) {
    const files = consolidated.filter((x) => !(x.units ?? []).some((u) => unitKey(u.label) === k)).map((x) => x.s.file);
    if (files.length > 0) absent.push({ unit: label, files });
  }
  if (absent.length === 0) return;
  const files = [...new Set(absent.flatMap((a) => a.files))];
  ctx.refuse('unit', files, REFUSAL_WORDS.absentUnits(name, absent.slice(0, 10), absent.length));
  for (const s of having.filter((x) => files.includes(x.file))) ctx.note(s, NOTE_WORDS.lacksUnits(name));
}

/** The same packs; then per table: in every source, of one version, with the same units. */
export const sameTables: AdmissionRule = (ctx) => {
  const withTables = ctx.readable.filter((s) => s.tables.length > 0);
  const packsOf = (s: SourceSummary): string => [...new Set(s.tables.map(packKey))].sort().join(', ');
  const byPacks = groupBy(withTables, packsOf);
  if (byPacks.size > 1) {
    ctx.refuse('pack', withTables.map((s) => s.file), REFUSAL_WORDS.packs([...byPacks.entries()].map(([packs, l]) => ({ packs, files: l.map((s) => s.file) }))));
    for (const s of withTables) ctx.note(s, NOTE_WORDS.packDiffers(packsOf(s)));
    return;
  }
  for (const key of new Set(withTables.flatMap((s) => s.tables.map(tableKey)))) {
    const name = tableName(key, ctx.options.templates);
    const lacking = withTables.filter((s) => !s.tables.some((t) => tableKey(t) === key));
    if (lacking.length > 0) {
      ctx.refuse('tables', lacking.map((s) => s.file), REFUSAL_WORDS.tableMissing(name, lacking.map((s) => s.file)));
      for (const s of lacking) ctx.note(s, NOTE_WORDS.tableMissing(name));
    }
    const having = withTables.filter((s) => !lacking.includes(s));
    oneVersion(ctx, key, name, having);
    sameUnits(ctx, key, name, having);
  }
};

/** A roll-up's admission: every period readable and sound, tiling the covering period, one unit, one set of tables. */
export const ROLL_UP: Policy = { op: 'rollup', rules: [unreadableRefused, withoutErrors, tilePeriods, oneUnit, sameTables], tablelessRefused: true };
