/**
 * Filled unit workbooks for consolidation tests and the benchmark: every table of the standard
 * set, figures varied by a seed and consistent with every rule (Biểu 02's groups equal Biểu 01's
 * issuers; Biểu 04 provided ≤ eligible and the channels add up to the published total).
 */
import { TEMPLATES } from '../../src/core/forms/builtin';
import type { Template } from '../../src/core/forms/template';
import { layout } from '../../src/core/forms/layout';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { readPlan } from './plan-read';

export const PERIOD = { from: '2025-07-01', to: '2025-09-30' } as const;

/** A small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Entry values per template id (rows in entry-column order) for one unit. */
export function unitFigures(seed: number): Record<string, number[][]> {
  const r = rng(seed);
  const n = (max: number): number => Math.floor(r() * (max + 1));
  const party = Array.from({ length: 7 }, () => n(40));
  const council = Array.from({ length: 3 }, () => n(30));
  const committee = Array.from({ length: 5 }, () => n(300));
  const sum = (a: number[]): number => a.reduce((x, y) => x + y, 0);
  const b01 = [...Array.from({ length: 6 }, () => n(50)), sum(party), sum(council), sum(committee), n(2000), n(5000)];
  const b03 = Array.from({ length: 9 }, () => n(60));
  const level = (): number[] => {
    const fullProv = n(100);
    const partProv = n(100);
    const direct = n(50);
    return [fullProv + partProv + direct, fullProv + n(10), fullProv, partProv + n(10), partProv, direct];
  };
  return { b01: [b01], b02: [[...party, ...council, ...committee]], b03: [b03], b04: [level(), level()] };
}

export interface UnitOptions {
  unit: string;
  seed: number;
  period?: { from: string; to: string };
  reportNo?: string;
  templates?: readonly Template[];
}

export function unitPlans(o: UnitOptions): SheetPlan[] {
  const figures = unitFigures(o.seed);
  const p = o.period ?? PERIOD;
  const base: LayoutOptions = { unit: o.unit, reportNo: o.reportNo ?? '12/BC-UBND', reportDate: '2025-10-05', reportBy: 'Ủy ban nhân dân', from: p.from, to: p.to };
  return (o.templates ?? TEMPLATES).map((t) => layout(t, { ...base, values: figures[t.id] }));
}

/** What a reader gives for the unit's workbook (straight from the plans, no file). */
export function unitRead(o: UnitOptions): WorkbookRead {
  const templates = o.templates ?? TEMPLATES;
  return { tables: unitPlans(o).map((plan, i) => readPlan(plan, templates[i])) };
}
