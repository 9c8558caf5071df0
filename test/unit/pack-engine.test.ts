/**
 * The engine on templates that come from a pack: layout, the `.xlsx` writer and reader, validation
 * (every rule kind: rowSum, atMost, cross rule, sum, ratio, averages; fixed and repeat rows) and
 * figures — and versions: a workbook made with version 1 is still checked by version 1's rules once
 * version 2 is loaded.
 */
import { validatePack, type Pack } from '../../src/core/forms/pack';
import { PackCatalog } from '../../src/core/forms/catalog';
import { BUILTIN_CATALOG, TEMPLATES } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import { writeWorkbook } from '../../src/xlsx/writer';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { validateWorkbook } from '../../src/core/check/validate';
import { workbookFigures } from '../../src/core/figures';
import type { Template } from '../../src/core/forms/template';
import type { CellRead, WorkbookRead } from '../../src/core/tables/table-read';
import type { Finding } from '../../src/core/check/findings';
import { at, goodPack } from '../support/packs';

const PERIOD = { unit: 'UBND XÃ THỬ', reportNo: '12/BC-UBND', reportDate: '2025-10-20', reportBy: 'Ủy ban nhân dân xã', from: '2025-07-01', to: '2025-09-29' };
const TODAY = new Date(2025, 11, 1);

function load(raw: unknown): Pack {
  const r = validatePack(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.faults));
  return r.pack;
}

const V1 = load(goodPack(1));
const catalog = BUILTIN_CATALOG.with([V1]);
const visits = catalog.find('test.office', 'visits', 1) as Template;
const levels = catalog.find('test.office', 'levels', 1) as Template;

async function workbook(cat: PackCatalog, plans: ReturnType<typeof layout>[]): Promise<WorkbookRead> {
  return readWorkbook(await writeWorkbook(plans), cat);
}

function cell(read: WorkbookRead, sheet: string, column: string, row: number | 'total'): CellRead {
  const t = read.tables.find((x) => x.sheet === sheet);
  if (!t) throw new Error(`no table on ${sheet}`);
  return row === 'total' ? (t.totals as Record<string, CellRead>)[column] : t.columns[column][row];
}

/** A deep copy that keeps dates as dates of this realm (the engine tests `instanceof Date`). */
function clone<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return v.map(clone) as T;
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T;
  return v;
}

function rules(findings: Finding[]): string[] {
  return findings.filter((f) => f.severity === 'error').map((f) => f.rule);
}

describe('a pack table through layout, writer and reader', () => {
  test('the sheet records pack, template and version; the reader finds the table with its pack id', async () => {
    const plan = layout(visits, { ...PERIOD, dataRows: 2, values: visits.sample });
    const meta = plan.cells.flat().find((c) => typeof c?.value === 'string' && c.value.startsWith('bieumau:'));
    expect(meta?.value).toBe('bieumau:test.office/visits@1');
    const read = await workbook(catalog, [plan, layout(levels, { ...PERIOD, values: levels.sample })]);
    expect(read.tables.map((t) => [t.sheet, t.packId, t.templateId, t.version, t.broken === undefined])).toEqual([
      ['Tiếp dân', 'test.office', 'visits', 1, true],
      ['Tiếp dân theo cấp', 'test.office', 'levels', 1, true],
    ]);
    expect(validateWorkbook(read, { catalog, today: TODAY })).toEqual([]);
  });

  test('a standard table and a pack table with the same template id are told apart by pack', async () => {
    const clash = goodPack();
    at(clash, 'templates[1]').id = 'b04';
    at(clash, 'crossRules[0].left').template = 'b04';
    const cat = BUILTIN_CATALOG.with([load(clash)]);
    const mine = cat.find('test.office', 'b04', 1) as Template;
    const std = TEMPLATES.find((t) => t.id === 'b04') as Template;
    const read = await workbook(cat, [layout(std, { ...PERIOD, values: std.sample }), layout(mine, { ...PERIOD, values: mine.sample })]);
    expect(read.tables.map((t) => `${t.packId}/${t.templateId}`)).toEqual(['vn.standard/b04', 'test.office/b04']);
    expect(read.tables.every((t) => t.broken === undefined)).toBe(true);
  });
});

describe('every rule kind from a pack', () => {
  let read: WorkbookRead;
  beforeAll(async () => {
    read = await workbook(catalog, [layout(visits, { ...PERIOD, dataRows: 2, values: visits.sample }), layout(levels, { ...PERIOD, values: levels.sample })]);
  });

  function edited(edit: (r: WorkbookRead) => void): Finding[] {
    const copy = clone(read);
    edit(copy);
    return validateWorkbook(copy, { catalog, today: TODAY });
  }

  test('rowSum: the parts add up to the whole, in a data row', () => {
    const f = edited((r) => (cell(r, 'Tiếp dân', 'cases.received', 1).value = 9));
    const hit = f.find((x) => x.rule === 'row.casesFromVisits');
    expect(hit).toMatchObject({ left: 9, right: 7, difference: 2, cells: [{ sheet: 'Tiếp dân', address: 'E10' }, { address: 'B10' }, { address: 'C10' }] });
    expect(hit?.message.vi).toBe('Đơn thư bằng lượt tiếp — dòng 10: Đơn thư – Đã nhận = 9, tổng các phần = 7 (chênh lệch 2).');
  });

  test('atMost: settled cannot exceed received', () => {
    const f = edited((r) => (cell(r, 'Tiếp dân', 'cases.settled', 0).value = 16));
    expect(f.find((x) => x.rule === 'row.settledWithinReceived')).toMatchObject({ left: 16, right: 15, difference: 1 });
  });

  test('cross rule: the pack table by level against the other table of the same pack', () => {
    const f = edited((r) => (cell(r, 'Tiếp dân theo cấp', 'visits', 1).value = 10));
    const hit = f.find((x) => x.rule === 'cross.visitsByLevel');
    expect(hit).toMatchObject({ left: 23, right: 22, difference: 1 });
    expect(hit?.cells.map((c) => `${c.sheet}!${c.address}`)).toEqual(['Tiếp dân theo cấp!B10', 'Tiếp dân!D11']);
  });

  test('sum, ratio and average cells must keep their formulas', () => {
    const f = edited((r) => {
      cell(r, 'Tiếp dân', 'visits.total', 0).formula = null;
      cell(r, 'Tiếp dân', 'cases.ratio', 'total').formula = '=F11/E11*100';
      const avg = r.tables[0].averages.visitsPerMonth;
      avg.formula = null;
    });
    const bad = f.filter((x) => x.rule.startsWith('computed.'));
    expect(bad.map((x) => [x.rule, x.cells[0].address, x.fix && 'formula' in x.fix ? x.fix.formula : null])).toEqual([
      ['computed.formula-missing', 'D9', '=SUM(B9:C9)'],
      ['computed.formula-changed', 'G11', '=IF(N(E11)=0,"",F11/E11)'],
      ['computed.formula-missing', 'F14', expect.stringMatching(/^=IF\(/)],
    ]);
  });

  test('a required figure left blank (repeat rows) and a number typed as text (fixed rows)', () => {
    const f = edited((r) => {
      cell(r, 'Tiếp dân', 'visits.regular', 1).value = null;
      cell(r, 'Tiếp dân theo cấp', 'visits', 0).value = '1.292';
    });
    expect(rules(f)).toEqual(['entry.required', 'entry.text-number']);
    expect(f.find((x) => x.rule === 'entry.text-number')?.fix).toMatchObject({ value: 1292, cell: { sheet: 'Tiếp dân theo cấp', address: 'B8' } });
  });

  test('figures: a pack table gets its totals, averages and ratio, and one sentence', () => {
    const figs = workbookFigures(read, undefined, catalog);
    const t = figs.tables.find((x) => x.templateId === 'visits');
    expect(t?.lines.filter((l) => l.kind !== 'total' || l.id === 'visits.total').map((l) => [l.id, l.value])).toEqual([
      ['visits.total', 22],
      ['cases.ratio', 19 / 22],
      ['visitsPerDay', 22 / 91],
      ['visitsPerMonth', (22 / 91) * 30],
    ]);
    expect(t?.sentences).toHaveLength(1);
    expect(workbookFigures(read).tables).toEqual([]);
  });
});

describe('versions', () => {
  /** Version 2 lets settled exceed received (cases carried over) and drops the rowSum rule. */
  function version2(): Pack {
    const p = goodPack(2);
    const rulesV2 = at(p, 'templates[0].rules');
    rulesV2.splice(0, rulesV2.length);
    at(p, 'templates[0].groups[0].columns').splice(1, 0, { kind: 'entry', id: 'visits.online', label: { vi: 'Trực tuyến', en: 'Online' } });
    at(p, 'templates[0].groups[0].columns[3].of').push('visits.online');
    for (const row of at(p, 'templates[0].sample') as unknown as number[][]) row.splice(1, 0, 0);
    return load(p);
  }

  test('a workbook made with version 1 is still checked by version 1 once version 2 is loaded', async () => {
    const V2 = version2();
    const both = BUILTIN_CATALOG.with([V1, V2]);
    expect(both.list().map((t) => `${t.pack}/${t.id}@${t.version}`)).toEqual(['vn.standard/b01@1', 'vn.standard/b02@1', 'vn.standard/b03@1', 'vn.standard/b04@1', 'test.office/visits@2', 'test.office/levels@2']);
    const values = [
      [10, 5, 15, 16],
      [3, 4, 7, 7],
    ];
    const made1 = await workbook(both, [layout(visits, { ...PERIOD, dataRows: 2, values }), layout(levels, { ...PERIOD, values: levels.sample })]);
    expect(made1.tables.map((t) => `${t.templateId}@${t.version}`)).toEqual(['visits@1', 'levels@1']);
    expect(rules(validateWorkbook(made1, { catalog: both, today: TODAY }))).toEqual(['row.settledWithinReceived']);

    const v2visits = both.find('test.office', 'visits', 2) as Template;
    const v2levels = both.find('test.office', 'levels', 2) as Template;
    const made2 = await workbook(both, [
      layout(v2visits, { ...PERIOD, dataRows: 2, values: values.map((r) => [r[0], 0, ...r.slice(1)]) }),
      layout(v2levels, { ...PERIOD, values: levels.sample }),
    ]);
    expect(made2.tables.map((t) => `${t.templateId}@${t.version}`)).toEqual(['visits@2', 'levels@2']);
    expect(rules(validateWorkbook(made2, { catalog: both, today: TODAY }))).toEqual([]);

    // a version-1 table and a version-2 table in one workbook: the cross rule of each version
    // compares tables of its own version only
    const mixed = await workbook(both, [layout(visits, { ...PERIOD, dataRows: 2, values: visits.sample }), layout(v2levels, { ...PERIOD, values: [[1], [1]] })]);
    expect(rules(validateWorkbook(mixed, { catalog: both, today: TODAY }))).toEqual([]);
  });

  test('with only version 2 loaded, a version-1 table is structure.unknown-template saying which version is missing', async () => {
    const only2 = BUILTIN_CATALOG.with([version2()]);
    const made1 = await workbook(catalog, [layout(visits, { ...PERIOD, values: [[1, 1, 2, 2]] })]);
    const read = await readWorkbook(await writeWorkbook([layout(visits, { ...PERIOD, values: [[1, 1, 2, 2]] })]), only2);
    expect(made1.tables[0].broken).toBeUndefined();
    const f = validateWorkbook(read, { catalog: only2, today: TODAY });
    expect(f.map((x) => x.rule)).toEqual(['structure.unknown-template']);
    expect(f[0].message.en).toBe(
      'Tiếp dân: table "test.office/visits@1" was made with version 1, but only version 2 of template "visits" (pack "test.office") is loaded; also load version 1 of the pack, update bieumau or re-insert the table.',
    );
    const noTemplate = BUILTIN_CATALOG.with([load({ ...goodPack(3), templates: [at(goodPack(3), 'templates[1]')], crossRules: [] })]);
    const f2 = validateWorkbook(await readWorkbook(await writeWorkbook([layout(visits, PERIOD)]), noTemplate), { catalog: noTemplate, today: TODAY });
    expect(f2[0].message.vi).toBe(
      'Tiếp dân: gói "test.office" đã nạp không có biểu "visits" (biểu "test.office/visits@1"); hãy nạp phiên bản gói có biểu này hoặc chèn lại biểu.',
    );
  });
});
