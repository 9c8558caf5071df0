/**
 * Property tests: no cell content makes the engine throw; on random valid counts with the
 * template's formulas there is no finding, and every total reconciles.
 */
import fc from 'fast-check';
import { validateWorkbook } from '../../src/core/check/validate';
import { CROSS_TABLE_RULES, TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../../src/core/tables/table-read';
import type { LayoutOptions } from '../../src/core/forms/plan';
import { readTemplate } from '../support/plan-read';

const OPTIONS: LayoutOptions = { unit: 'TỈNH ỦY LÂM ĐỒNG', reportNo: '52-BC/TU', reportDate: '2025-11-14', reportBy: 'Ban Thường vụ Tỉnh ủy', from: '2025-07-01', to: '2025-10-15' };
const TODAY = new Date(2026, 0, 1);

const anyValue: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1.292, 132.965, 5e-324),
  fc.integer(),
  fc.boolean(),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#N/A' }, { error: '#REF!' }, { error: '#VALUE!' }, { error: '' }),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom('1.292', ' 45 ', '1 292', '12 văn bản', '', '  ', '-5', '1,5', 'bieumau:b01@1'),
  fc.constant(null),
);
const anyFormula: fc.Arbitrary<string | null> = fc.oneof(fc.constant(null), fc.string(), fc.constantFrom('=SUM(B8:G8)', '=', '=1/0'));

function allCells(t: TableRead): CellRead[] {
  return [
    ...t.header.flat(),
    ...Object.values(t.info).filter((c): c is CellRead => c !== null),
    ...t.rowLabels,
    ...Object.values(t.columns).flat(),
    ...Object.values(t.totals ?? {}),
    ...Object.values(t.averages),
  ];
}

function wellFormed(fs: unknown[]): boolean {
  return fs.every((f) => {
    const x = f as { rule: unknown; severity: unknown; cells: unknown; message: { vi: unknown; en: unknown } };
    return typeof x.rule === 'string' && (x.severity === 'error' || x.severity === 'warning') && Array.isArray(x.cells) && typeof x.message.vi === 'string' && typeof x.message.en === 'string';
  });
}

/** Valid random counts for a template satisfying its row rules. */
function validRows(t: Template, rows: number, rnd: () => number): number[][] {
  const ids = entryColumns(t).map((c) => c.id);
  return Array.from({ length: rows }, () => {
    const v = new Map(ids.map((id) => [id, Math.floor(rnd() * 1_000_000)]));
    for (const r of t.rules ?? []) if (r.kind === 'atMost') v.set(r.large, (v.get(r.small) as number) + Math.floor(rnd() * 1000));
    for (const r of t.rules ?? []) if (r.kind === 'rowSum') v.set(r.whole, r.parts.reduce((a, p) => a + (v.get(p) as number), 0));
    return ids.map((id) => v.get(id) as number);
  });
}

/** Makes the cross-table rules hold: the right side's column gets the left side's total in row 0. */
function reconcile(values: Map<string, number[][]>): void {
  for (const rule of CROSS_TABLE_RULES) {
    const lt = TEMPLATES.find((t) => t.id === rule.left.template) as Template;
    const rt = TEMPLATES.find((t) => t.id === rule.right.template) as Template;
    const lcol = lt.groups.flatMap((g) => g.columns).find((c) => c.id === rule.left.column);
    const lids = entryColumns(lt).map((c) => c.id);
    const parts = lcol && lcol.kind === 'sum' ? lcol.of : [rule.left.column];
    const total = (values.get(lt.id) as number[][]).reduce((a, row) => a + parts.reduce((s, p) => s + row[lids.indexOf(p)], 0), 0);
    const ridx = entryColumns(rt).map((c) => c.id).indexOf(rule.right.column);
    (values.get(rt.id) as number[][]).forEach((row, i) => (row[ridx] = i === 0 ? total : 0));
  }
}

function workbook(rowsPer: Map<string, number>, seed: number): { read: WorkbookRead; values: Map<string, number[][]> } {
  let s = seed >>> 0 || 1;
  const rnd = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const values = new Map(TEMPLATES.map((t) => [t.id, validRows(t, t.rows.kind === 'fixed' ? t.rows.rows.length : (rowsPer.get(t.id) ?? 1), rnd)]));
  reconcile(values);
  const tables = TEMPLATES.map((t) => readTemplate(t, { ...OPTIONS, dataRows: values.get(t.id)?.length, values: values.get(t.id) }));
  return { read: { tables }, values };
}

describe('the engine never throws', () => {
  test('any content in any cell of any table', () => {
    const base = TEMPLATES.map((t) => readTemplate(t, { ...OPTIONS, dataRows: 2 }));
    const cellCount = base.reduce((a, t) => a + allCells(t).length, 0);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(cellCount - 1), anyValue, anyFormula), { minLength: 1, maxLength: 30 }), (edits) => {
        const tables: TableRead[] = TEMPLATES.map((t) => readTemplate(t, { ...OPTIONS, dataRows: 2 }));
        const cells = tables.flatMap(allCells);
        for (const [i, value, formula] of edits) {
          cells[i].value = value;
          if (formula !== null || edits.length % 2 === 0) cells[i].formula = formula;
        }
        const fs = validateWorkbook({ tables }, { today: TODAY });
        return Array.isArray(fs) && wellFormed(fs) && JSON.stringify(fs).length > 1;
      }),
      { numRuns: 300 },
    );
  });

  test('damaged reads: missing columns, wrong heights, empty headers, unknown ids', () => {
    fc.assert(
      fc.property(fc.nat(3), fc.nat(5), fc.boolean(), fc.string(), (ti, what, flag, id) => {
        const t = readTemplate(TEMPLATES[ti], { ...OPTIONS, dataRows: 3 });
        const first = Object.keys(t.columns)[0];
        if (what === 0) delete (t.columns as Record<string, CellRead[]>)[first];
        if (what === 1) t.columns[first] = t.columns[first].slice(1);
        if (what === 2) t.header = flag ? [] : [[]];
        if (what === 3) t.templateId = id;
        if (what === 4) t.totals = null;
        if (what === 5) t.info.from = null;
        const fs = validateWorkbook({ tables: [t] }, { today: TODAY });
        if (what === 3 && id === TEMPLATES[ti].id) return true;
        // one structure error for the table, nothing else
        return wellFormed(fs) && fs.length === 1 && fs[0].rule.startsWith('structure.') && fs[0].severity === 'error';
      }),
    );
    expect(() => validateWorkbook({ tables: [] })).not.toThrow();
    expect(() => validateWorkbook(null as unknown as WorkbookRead)).not.toThrow();
  });
});

describe('random valid counts', () => {
  test('no finding at all, and a change of k in a cross-table column shows up as difference ±k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.nat(), fc.integer({ min: 1, max: 5000 }), (r1, r2, r3, seed, k) => {
        const rows = new Map([
          ['b01', r1],
          ['b02', r2],
          ['b03', r3],
        ]);
        const { read } = workbook(rows, seed);
        const fs = validateWorkbook(read, { today: TODAY });
        if (fs.length !== 0) return false;
        // change one entry of Biểu 01's HĐND column by +k
        const b01 = read.tables[0];
        const cell = b01.columns['local.council'][b01.columns['local.council'].length - 1];
        cell.value = (cell.value as number) + k;
        const after = validateWorkbook(read, { today: TODAY });
        return after.length === 1 && after[0].rule === 'cross.council' && after[0].difference === -k && after[0].left !== undefined && after[0].left + k === after[0].right;
      }),
      { numRuns: 60 },
    );
  });
});
