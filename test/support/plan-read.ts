/**
 * Builds what a reader would give for a freshly laid-out table, straight from its SheetPlan:
 * every named range resolved, values and formulas as the plan writes them. For property tests
 * and the benchmark (no file, no ExcelJS).
 */
import type { Template } from '../../src/core/forms/template';
import { columnsOf } from '../../src/core/forms/template';
import { layout } from '../../src/core/forms/layout';
import type { LayoutOptions, PlanCell, SheetPlan } from '../../src/core/forms/plan';
import type { CellRead, CellValue, TableRead } from '../../src/core/tables/table-read';
import { GROUP_NAME_PATTERN, HEADER_NAME, INFO_NAMES, ROW_LABELS_NAME, averageName, columnName, totalName, type InfoKey } from '../../src/core/forms/defined-names';
import { address, parseRange } from '../../src/core/a1';
import { parseIsoDate } from '../../src/core/dates';

function planValue(c: PlanCell | null): CellValue {
  const v = c?.value;
  if (v === undefined) return null;
  if (typeof v === 'object') {
    const d = parseIsoDate(v.date);
    return d ? new Date(Date.UTC(d.year, d.month - 1, d.day)) : null;
  }
  return v;
}

export function readPlan(plan: SheetPlan, template: Template, sheet = plan.sheetName): TableRead {
  const names = new Map(plan.names.map((n) => [n.name, parseRange(n.ref)]));
  const cell = (row: number, col: number): CellRead => {
    const c = plan.cells[row - 1]?.[col - 1] ?? null;
    return { sheet, address: address(row, col), value: planValue(c), formula: c?.formula ?? null };
  };
  const column = (name: string): CellRead[] => {
    const r = names.get(name);
    if (!r) throw new Error(`no name ${name}`);
    const out: CellRead[] = [];
    for (let row = r.top; row <= r.bottom; row++) out.push(cell(row, r.left));
    return out;
  };
  const one = (name: string): CellRead | null => {
    const r = names.get(name);
    return r ? cell(r.top, r.left) : null;
  };
  const h = names.get(HEADER_NAME);
  if (!h) throw new Error('no header');
  const header: CellRead[][] = [];
  for (let row = h.top; row <= h.bottom; row++) {
    const line: CellRead[] = [];
    for (let col = h.left; col <= h.right; col++) line.push(cell(row, col));
    header.push(line);
  }
  const columns: Record<string, CellRead[]> = {};
  const totals: Record<string, CellRead> = {};
  for (const c of columnsOf(template)) {
    columns[c.id] = column(columnName(c.id));
    const t = one(totalName(c.id));
    if (t) totals[c.id] = t;
  }
  const averages: Record<string, CellRead> = {};
  for (const a of template.averages ?? []) averages[a.id] = one(averageName(a.id)) as CellRead;
  const info = {} as Record<InfoKey, CellRead | null>;
  for (const k of Object.keys(INFO_NAMES) as InfoKey[]) info[k] = one(INFO_NAMES[k]);
  const rows = names.get(ROW_LABELS_NAME);
  const groups = [...names.entries()]
    .filter(([n]) => GROUP_NAME_PATTERN.test(n))
    .map(([, r]) => ({ top: r.top - (rows?.top ?? 0), bottom: r.bottom - (rows?.top ?? 0) }))
    .sort((a, b) => a.top - b.top);
  return {
    sheet,
    templateId: template.id,
    version: template.version,
    header,
    info,
    rowLabels: column(ROW_LABELS_NAME),
    columns,
    totals: Object.keys(totals).length > 0 ? totals : null,
    averages,
    ...(groups.length > 0 ? { groups } : {}),
  };
}

export function readTemplate(template: Template, options: LayoutOptions, sheet?: string): TableRead {
  return readPlan(layout(template, options), template, sheet);
}
