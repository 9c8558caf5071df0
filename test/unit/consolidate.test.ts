/**
 * Consolidation core: sources (reads straight from layout plans) → plans + summary. Totals at one
 * and two levels, refusals, units lists with missing and unexpected units, groups and subtotals on
 * the 34 provinces, and the consolidated tables passing the validation engine.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import { consolidate, consolidateReads, summarizeSource, type Consolidation, type SourceInput, type SourceSummary } from '../../src/core/combine/consolidate';
import { detectDelimiter, parseUnitsCsv, parseUnitsText, unitKey, UnitsListError, type UnitEntry } from '../../src/core/units';
import { validateWorkbook } from '../../src/core/check/validate';
import type { SheetPlan } from '../../src/core/forms/plan';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { MISSING_SUFFIX } from '../../src/core/forms/layout-texts';
import { readPlan } from '../support/plan-read';
import { PERIOD, unitFigures, unitRead } from '../support/units-fixture';

const TODAY = new Date('2026-01-15T12:00:00Z');

function source(file: string, read: WorkbookRead | null, sha = 'a'.repeat(64)): SourceInput {
  if (!read) return { file, sha256: null, read: null, readError: { vi: 'Tệp .xlsx bị hỏng.', en: 'The .xlsx file is corrupt.' }, errors: 0, warnings: 0 };
  const findings = validateWorkbook(read, { today: TODAY });
  return {
    file,
    sha256: sha,
    read,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

function unitSource(unit: string, seed: number, file = `${unit}.xlsx`, period: { from: string; to: string } = PERIOD): SourceSummary {
  return summarizeSource(source(file, unitRead({ unit, seed, period })), TEMPLATES);
}

/** The tables of a consolidation as a reader would give them (plain sheets left out). */
function readOf(c: Consolidation): WorkbookRead {
  const tables = c.plans.flatMap((p: SheetPlan) => {
    const t = TEMPLATES.find((x) => x.id === p.templateId);
    return t ? [readPlan(p, t)] : [];
  });
  return { tables };
}

/** Sum of every unit's figures per template and entry column. */
function expectedTotals(seeds: number[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const t of TEMPLATES) {
    const ids = entryColumns(t).map((c) => c.id);
    const sums = ids.map(() => 0);
    for (const s of seeds) for (const row of unitFigures(s)[t.id]) row.forEach((v, k) => (sums[k] += v));
    out[t.id] = Object.fromEntries(ids.map((id, k) => [id, sums[k]]));
  }
  return out;
}

function entryTotals(c: Consolidation, t: Template): Record<string, number> {
  const all = c.summary.totals[t.id];
  return Object.fromEntries(entryColumns(t).map((e) => [e.id, all[e.id]]));
}

const OPTIONS = { templates: TEMPLATES, report: { unit: 'UBND TỈNH A', reportNo: '5/BC-UBND', reportDate: '2025-10-10', reportBy: 'Ủy ban nhân dân tỉnh' } };

describe('one level', () => {
  const seeds = [1, 2, 3, 4, 5, 6];
  const c = consolidate(
    seeds.map((s) => unitSource(`Xã ${s}`, s)),
    OPTIONS,
  );

  test('every table, the Biểu 04 detail sheet and the sources sheet, in order', () => {
    expect(c.refusals).toEqual([]);
    expect(c.plans.map((p) => p.sheetName)).toEqual(['Biểu 01', 'Biểu 02', 'Biểu 03', 'Biểu 04', 'Biểu 04 (chi tiết)', 'Nguồn']);
    expect(c.summary.period).toEqual(PERIOD);
  });

  test('totals are the sums of the sources, sum columns included', () => {
    const want = expectedTotals(seeds);
    for (const t of TEMPLATES) expect(entryTotals(c, t)).toEqual(want[t.id]);
    const b01 = c.summary.totals.b01;
    expect(b01['central.total']).toBe(['central.committee', 'central.politburo', 'central.secretariat', 'central.assembly', 'central.government', 'central.ministries'].reduce((a, id) => a + b01[id], 0));
  });

  test('per-unit tables: one row per unit labelled with it, live formulas per row and a Tổng cộng row', () => {
    const b01 = c.plans[0];
    const read = readPlan(b01, TEMPLATES[0]);
    expect(read.rowLabels.map((x) => x.value)).toEqual(seeds.map((s) => `Xã ${s}`));
    expect(read.columns['local.council'].map((x) => x.value)).toEqual(seeds.map((s) => unitFigures(s).b01[0][7]));
    expect(read.columns['central.total'][2].formula).toBe(`=SUM(B${read.rowLabels[2].address.slice(1)}:G${read.rowLabels[2].address.slice(1)})`);
    expect(read.totals?.['local.council'].formula).toBe('=SUM(J8:J13)');
    expect(read.info.unit?.value).toBe('UBND TỈNH A');
  });

  test('Biểu 04 is summed cell by cell; its detail sheet keeps each unit with a live Cộng per level', () => {
    const b04 = readPlan(c.plans[3], TEMPLATES[3]);
    const published = (lvl: number): number => seeds.reduce((a, s) => a + unitFigures(s).b04[lvl][0], 0);
    expect(b04.columns.published.map((x) => x.value)).toEqual([published(0), published(1)]);
    const detail = c.plans[4];
    const labels = detail.cells.map((row) => row[0]?.value);
    expect(labels).toContain('Cấp tỉnh');
    expect(labels).toContain('Cộng Cấp xã');
    const sumRow = labels.indexOf('Cộng Cấp tỉnh');
    expect(detail.cells[sumRow][1]?.formula).toBe('=SUM(B6:B11)');
    expect(detail.cells[5][1]?.value).toBe(unitFigures(1).b04[0][0]);
  });

  test('the consolidated tables pass the validation engine (warnings only: none here)', () => {
    const findings = validateWorkbook(readOf(c), { today: TODAY });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the sources sheet lists each file with unit, report, check counts, SHA-256 and inclusion', () => {
    const sheet = c.plans[c.plans.length - 1];
    const row = sheet.cells[5].map((x) => (x?.value === undefined ? null : x.value));
    expect(row.slice(0, 4)).toEqual([1, 'Xã 1', 'Xã 1.xlsx', '12/BC-UBND']);
    expect(row[6]).toBe(0);
    expect(row[8]).toBe('a'.repeat(64));
    expect(row[9]).toBe('Có');
    expect(c.summary.sources.every((s) => s.included && s.reason === null)).toBe(true);
  });
});

describe('two levels give the totals of one', () => {
  const seeds = [11, 12, 13, 14, 15, 16];
  const provinceOf = (name: string, part: number[]): SourceSummary => {
    const c = consolidate(
      part.map((s) => unitSource(`Xã ${s}`, s)),
      { templates: TEMPLATES, report: { unit: name, reportNo: '7/BC-UBND', reportDate: '2025-10-12' } },
    );
    expect(c.refusals).toEqual([]);
    return summarizeSource(source(`${name}.xlsx`, readOf(c)), TEMPLATES);
  };
  const a = provinceOf('Tỉnh A', seeds.slice(0, 3));
  const b = provinceOf('Tỉnh B', seeds.slice(3));
  const two = consolidate([a, b], OPTIONS);
  const one = consolidate(
    seeds.map((s) => unitSource(`Xã ${s}`, s)),
    OPTIONS,
  );

  test('a consolidated workbook is a clean source of the next level', () => {
    expect(a.errors).toBe(0);
    expect(a.unit).toBe('Tỉnh A');
    expect(a.period).toEqual(PERIOD);
  });

  test('each province row is the sum of its communes; the totals equal one level', () => {
    expect(two.refusals).toEqual([]);
    const b01 = readPlan(two.plans[0], TEMPLATES[0]);
    expect(b01.rowLabels.map((x) => x.value)).toEqual(['Tỉnh A', 'Tỉnh B']);
    expect(b01.columns['local.commune'][0].value).toBe(seeds.slice(0, 3).reduce((x, s) => x + unitFigures(s).b01[0][10], 0));
    expect(two.summary.totals).toEqual(one.summary.totals);
    expect(two.summary.totals).toEqual(
      Object.fromEntries(TEMPLATES.map((t) => [t.id, { ...one.summary.totals[t.id], ...expectedTotals(seeds)[t.id] }])),
    );
  });
});

describe('refusals', () => {
  test('different periods: refused, every file named under its period', () => {
    const c = consolidate([unitSource('Xã 1', 1), unitSource('Xã 2', 2, 'x2.xlsx', { from: '2025-07-01', to: '2025-10-15' })], OPTIONS);
    expect(c.plans).toEqual([]);
    expect(c.refusals.map((r) => r.kind)).toEqual(['period']);
    expect(c.refusals[0].message.vi).toContain('Xã 1.xlsx');
    expect(c.refusals[0].message.vi).toContain('x2.xlsx');
    expect(c.refusals[0].message.vi).toContain('01/7/2025–15/10/2025');
    expect(c.summary.sources.map((s) => s.included)).toEqual([false, false]);
  });

  test('the same unit twice (after trimming, NFC and case): refused, both files named', () => {
    const decomposed = 'Xã Đức Trọng'.normalize('NFD');
    const c = consolidate([unitSource('Xã Đức Trọng', 1, 'a.xlsx'), unitSource(`  ${decomposed.toUpperCase()} `, 2, 'b.xlsx'), unitSource('Xã 3', 3)], OPTIONS);
    expect(c.refusals.map((r) => r.kind)).toEqual(['duplicate']);
    expect(c.refusals[0].files).toEqual(['a.xlsx', 'b.xlsx']);
    expect(c.summary.sources[0].reason?.vi).toBe('cùng đơn vị với b.xlsx');
    expect(c.summary.sources[2].reason?.en).toBe('not consolidated: other files have problems');
  });

  test('a unit that sent an empty table: refused, its reason and the refusal name the table; with allowErrors flagged, never silent', () => {
    const blank = unitRead({ unit: 'Xã 2', seed: 2 });
    for (const col of Object.values(blank.tables[0].columns)) for (const c of col) c.value = null;
    const input = source('x2.xlsx', blank);
    // the check says why: one table.empty error (the blank computed cells are the layout's formulas' results)
    expect(validateWorkbook(blank, { today: TODAY }).filter((f) => f.rule === 'table.empty').map((f) => f.cells[0])).toEqual([{ sheet: 'Biểu 01', address: 'B8' }]);
    const sources = [unitSource('Xã 1', 1), summarizeSource(input, TEMPLATES)];
    expect(sources[1].emptyTables).toEqual(['Biểu 01']);
    const refused = consolidate(sources, OPTIONS);
    expect(refused.refusals.map((r) => r.kind)).toEqual(['errors']);
    expect(refused.refusals[0].files).toEqual(['x2.xlsx']);
    expect(refused.refusals[0].message.vi).toContain('x2.xlsx (Biểu 01 chưa nhập số liệu)');
    expect(refused.refusals[0].message.en).toContain('x2.xlsx (Biểu 01 has no figures entered)');
    const n = sources[1].errors;
    expect(refused.summary.sources[1].reason).toEqual({ vi: `có ${n} lỗi khi kiểm tra (Biểu 01 chưa nhập số liệu)`, en: `${n} error finding(s) (Biểu 01 has no figures entered)` });
    const allowed = consolidate(sources, { ...OPTIONS, allowErrors: true });
    expect(allowed.summary.sources[1]).toMatchObject({ included: true });
    expect(allowed.summary.sources[1].reason?.vi).toBe(`có ${n} lỗi khi kiểm tra (Biểu 01 chưa nhập số liệu); vẫn tổng hợp (--allow-errors)`);
    // a caller that counted no error still does not get the empty table summed silently
    const uncounted = summarizeSource({ ...input, errors: 0, warnings: 0 }, TEMPLATES);
    expect(consolidate([unitSource('Xã 1', 1), uncounted], OPTIONS).refusals.map((r) => r.kind)).toEqual(['errors']);
    // a unit with figures has no empty table
    expect(sources[0].emptyTables).toEqual([]);
  });

  test('a source with error findings stops it; with allowErrors it is included and flagged', () => {
    const bad = unitRead({ unit: 'Xã 2', seed: 2 });
    const cell = bad.tables[0].columns['local.council'][0];
    cell.value = '1.292';
    const sources = [unitSource('Xã 1', 1), summarizeSource(source('x2.xlsx', bad), TEMPLATES)];
    expect(sources[1].errors).toBeGreaterThan(0);
    const refused = consolidate(sources, OPTIONS);
    expect(refused.refusals.map((r) => r.kind)).toEqual(['errors']);
    expect(refused.refusals[0].files).toEqual(['x2.xlsx']);
    const allowed = consolidate(sources, { ...OPTIONS, allowErrors: true });
    expect(allowed.refusals).toEqual([]);
    expect(allowed.summary.sources[1]).toMatchObject({ included: true, errors: sources[1].errors });
    expect(allowed.summary.sources[1].reason?.vi).toContain('vẫn tổng hợp');
    // the messages name the switch the caller offers: the CLI's flag by default, a checkbox elsewhere
    expect(refused.refusals[0].message.en).toContain('use --allow-errors to include them flagged');
    const sw = { vi: '“Tổng hợp cả tệp có lỗi”', en: '“Include files with errors”' };
    expect(consolidate(sources, { ...OPTIONS, allowErrorsSwitch: sw }).refusals[0].message).toMatchObject({
      vi: expect.stringContaining('hoặc dùng “Tổng hợp cả tệp có lỗi” để vẫn tổng hợp'),
      en: expect.stringContaining('or use “Include files with errors” to include'),
    });
    expect(consolidate(sources, { ...OPTIONS, allowErrors: true, allowErrorsSwitch: sw }).summary.sources[1].reason?.en).toBe(`${sources[1].errors} error finding(s); included anyway (“Include files with errors”)`);
    // the text cell is left out of the sums; the other cells count
    expect(allowed.summary.totals.b01['local.council']).toBe(unitFigures(1).b01[0][7]);
    expect(allowed.summary.totals.b03).toEqual(consolidate([unitSource('Xã 1', 1), unitSource('Xã 2', 2)], OPTIONS).summary.totals.b03);
  });

  test('an unreadable source stops it; with allowErrors it is listed, not included', () => {
    const sources = [unitSource('Xã 1', 1), summarizeSource(source('hong.xlsx', null), TEMPLATES)];
    const refused = consolidate(sources, OPTIONS);
    expect(refused.refusals.map((r) => r.kind)).toEqual(['unreadable']);
    const allowed = consolidate(sources, { ...OPTIONS, allowErrors: true });
    expect(allowed.refusals).toEqual([]);
    expect(allowed.summary.sources[1]).toMatchObject({ file: 'hong.xlsx', included: false, sha256: null, reason: { vi: 'Tệp .xlsx bị hỏng.', en: 'The .xlsx file is corrupt.' } });
    const sheet = allowed.plans[allowed.plans.length - 1];
    expect(sheet.cells[6][9]?.value).toBe('Không');
    // an unreadable file has no check counts: blank, not 0
    expect([sheet.cells[6][6], sheet.cells[6][7]]).toEqual([null, null]);
    expect(sheet.cells[5][6]?.value).toBe(0);
  });

  test('nothing to consolidate', () => {
    const c = consolidate([summarizeSource(source('empty.xlsx', { tables: [] }), TEMPLATES)], { ...OPTIONS, allowErrors: true });
    expect(c.refusals.map((r) => r.kind)).toEqual(['empty']);
  });
});

describe('units list', () => {
  const units: UnitEntry[] = [{ unit: 'Xã 1' }, { unit: 'Xã 2' }, { unit: 'Xã 3' }, { unit: 'Xã 4' }];
  const c = consolidate([unitSource('Xã 3', 3), unitSource('xã 1 ', 1), unitSource('Phường 9', 9)], { ...OPTIONS, units });

  test('missing and unexpected units are reported', () => {
    expect(c.summary.missing).toEqual(['Xã 2', 'Xã 4']);
    expect(c.summary.unexpected).toEqual(['Phường 9']);
    expect(c.summary.expected).toBe(4);
  });

  test('rows follow the list, missing units keep a blank marked row, unexpected ones come last', () => {
    const b01 = readPlan(c.plans[0], TEMPLATES[0]);
    expect(b01.rowLabels.map((x) => x.value)).toEqual(['Xã 1', `Xã 2${MISSING_SUFFIX}`, 'Xã 3', `Xã 4${MISSING_SUFFIX}`, 'Phường 9']);
    expect(b01.columns['local.council'].map((x) => x.value)).toEqual([unitFigures(1).b01[0][7], null, unitFigures(3).b01[0][7], null, unitFigures(9).b01[0][7]]);
    expect(c.plans[0].styles.some((s) => s.range === 'A9:N9' && s.style.fill === '#FCE4D6')).toBe(true);
  });

  test('the sources sheet says "Chưa nộp: 2/4" and names them', () => {
    const sheet = c.plans[c.plans.length - 1];
    const texts = sheet.cells.flat().map((x) => x?.value).filter((v) => typeof v === 'string');
    expect(texts).toContain('Chưa nộp: 2/4');
    expect(texts).toContain('Ngoài danh sách đơn vị: 1');
    expect(texts.some((t) => (t as string).includes('chưa nộp: 2/4'))).toBe(true);
  });

  test('the consolidation still passes the engine: blank rows are warnings, never errors', () => {
    const findings = validateWorkbook(readOf(c), { today: TODAY });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.filter((f) => f.rule === 'entry.blank').length).toBeGreaterThan(0);
  });
});

describe('groups and subtotals on the 34 provinces', () => {
  const units = parseUnitsCsv(readFileSync(join(__dirname, '..', 'fixtures', 'provinces-2025.csv'), 'utf8'));
  const sources = units.map((u, i) => unitSource(u.unit, 100 + i, `p${i + 1}.xlsx`));
  const c = consolidate(sources, { ...OPTIONS, units });
  const b03 = readPlan(c.plans[2], TEMPLATES[2]);
  const merged = '23 tỉnh, thành phố thực hiện hợp nhất, sáp nhập';

  test('the list: 34 provinces, 23 merged and 11 unchanged', () => {
    expect(units).toHaveLength(34);
    expect(units.filter((u) => u.group === merged)).toHaveLength(23);
    expect(new Set(units.map((u) => u.group)).size).toBe(2);
  });

  test('a group row above each group and a subtotal row below it, as the seed Biểu 03 shows', () => {
    expect(b03.groups).toEqual([
      { top: 0, bottom: 24 },
      { top: 25, bottom: 37 },
    ]);
    expect(b03.rowLabels[0].value).toBe(merged);
    expect(b03.rowLabels[24].value).toBe(`Cộng ${merged}`);
    expect(b03.columns['local.commune'][24].formula).toBe('=SUM(K9:K31)');
    expect(b03.columns['local.total'][24].formula).toBe('=SUM(G32:K32)');
    expect(b03.columns['local.commune'][37].formula).toBe('=SUM(K34:K44)');
  });

  test('the grand total adds every province once (never a subtotal)', () => {
    expect(b03.totals?.['local.commune'].formula).toBe('=SUM(K9:K31,K34:K44)');
    const want = sources.reduce((a, s) => a + (s.tables.find((t) => t.templateId === 'b03')?.rows[0][8] ?? 0), 0);
    expect(c.summary.totals.b03['local.commune']).toBe(want);
    expect(c.summary.missing).toEqual([]);
  });

  test('passes the engine, and consolidating it again gives the same totals', () => {
    expect(validateWorkbook(readOf(c), { today: TODAY }).filter((f) => f.severity === 'error')).toEqual([]);
    const again = consolidate([summarizeSource(source('centre.xlsx', readOf(c)), TEMPLATES)], OPTIONS);
    expect(again.summary.totals).toEqual(c.summary.totals);
  });

  test('a subtotal typed over, or a grand total adding a subtotal, is an error', () => {
    const read = readOf(c);
    const t = read.tables[2];
    t.columns['local.commune'][24].formula = null;
    t.columns['local.commune'][24].value = 5;
    (t.totals as Record<string, { formula: string | null }>)['local.commune'].formula = '=SUM(K9:K45)';
    const rules = validateWorkbook(read, { today: TODAY }).filter((f) => f.cells[0].sheet === 'Biểu 03').map((f) => `${f.rule} ${f.cells[0].address}`);
    expect(rules).toContain('computed.formula-missing K32');
    expect(rules).toContain('computed.formula-changed K46');
  });

  test('groups that no longer fit the rows are a structure change', () => {
    const read = readOf(c);
    read.tables[2].groups = [{ top: 0, bottom: 1 }];
    const f = validateWorkbook(read, { today: TODAY }).filter((x) => x.cells[0]?.sheet === 'Biểu 03');
    expect(f.map((x) => x.rule)).toEqual(['structure.changed']);
    expect(f[0].message.en).toContain('groups of units');
  });
});

describe('units lists (CSV and pasted)', () => {
  test('header unit,group or đơn vị,nhóm; quoted commas; BOM; CRLF; group optional', () => {
    expect(parseUnitsCsv('\ufeffunit,group\r\nXã A,"Nhóm 1, miền núi"\r\nXã B,\r\n')).toEqual([{ unit: 'Xã A', group: 'Nhóm 1, miền núi' }, { unit: 'Xã B' }]);
    expect(parseUnitsCsv('Đơn vị,Nhóm\n"Phường ""Một""",X\n')).toEqual([{ unit: 'Phường "Một"', group: 'X' }]);
    expect(parseUnitsCsv('unit\nXã A\nXã B')).toEqual([{ unit: 'Xã A' }, { unit: 'Xã B' }]);
  });

  test('the delimiter is found from the header: `;` (Excel where the list separator is `;`), tab, `,`', () => {
    // as Excel writes "CSV (Comma delimited)" on a Windows set to Vietnamese: `;` between fields
    const semicolon = '\ufeffĐơn vị;Nhóm\r\nXã A;"Nhóm 1; miền núi"\r\nXã B, thị trấn C;Nhóm 2\r\nXã D;\r\n';
    expect(detectDelimiter(semicolon)).toBe(';');
    expect(parseUnitsCsv(semicolon)).toEqual([{ unit: 'Xã A', group: 'Nhóm 1; miền núi' }, { unit: 'Xã B, thị trấn C', group: 'Nhóm 2' }, { unit: 'Xã D' }]);
    expect(parseUnitsCsv('unit\tgroup\nXã A\tG\n"Xã\tB"\tH\n')).toEqual([{ unit: 'Xã A', group: 'G' }, { unit: 'Xã B', group: 'H' }]);
    // `,` wins where it names the columns, even with `;` inside a unit's name
    expect(parseUnitsCsv('unit,group\nXã A; B,G\n')).toEqual([{ unit: 'Xã A; B', group: 'G' }]);
    // one column: `,` by default, so a `;` in a name stays in it
    expect(detectDelimiter('unit\nXã A;B')).toBe(',');
    expect(parseUnitsCsv('unit\nXã A;B')).toEqual([{ unit: 'Xã A;B' }]);
    // pasted text with a `;` header is read as that CSV
    expect(parseUnitsText('đơn vị;nhóm\nXã A;G')).toEqual([{ unit: 'Xã A', group: 'G' }]);
  });

  test('errors name the line', () => {
    expect(() => parseUnitsCsv('Xã A\nXã B')).toThrow(UnitsListError);
    expect(() => parseUnitsCsv('unit\nXã A\nxã  a')).toThrow('line 3: unit "xã a" is already listed on line 2');
    expect(() => parseUnitsCsv('unit,group\n,G')).toThrow('line 2: the unit name is empty');
    expect(() => parseUnitsCsv('unit\n"Xã A')).toThrow('a closing " is missing');
  });

  test('pasted: one unit per line, a tab before the group; CSV with a header also accepted', () => {
    expect(parseUnitsText('Xã A\tNhóm 1\n\nXã B\n')).toEqual([{ unit: 'Xã A', group: 'Nhóm 1' }, { unit: 'Xã B' }]);
    expect(parseUnitsText('unit,group\nXã A,G')).toEqual([{ unit: 'Xã A', group: 'G' }]);
  });

  test('unit keys ignore case, spacing and Unicode form', () => {
    expect(unitKey(' TỈNH  ỦY LÂM ĐỒNG '.normalize('NFD'))).toBe(unitKey('Tỉnh ủy Lâm Đồng'));
  });
});

test('every column total of the summary is either an entry column or a sum column of its template', () => {
  const c = consolidate([unitSource('Xã 1', 1)], OPTIONS);
  for (const t of TEMPLATES) expect(Object.keys(c.summary.totals[t.id]).sort()).toEqual(columnsOf(t).filter((x) => x.kind !== 'ratio').map((x) => x.id).sort());
});

test('cross-table rules hold per unit row: a disagreement in one unit is named with that unit', () => {
  const bad = unitRead({ unit: 'Xã 2', seed: 2 });
  const b02 = bad.tables[1];
  const cell = b02.columns['council.resolution'][0];
  cell.value = (cell.value as number) + 20;
  const sources = [unitSource('Xã 1', 1), summarizeSource(source('x2.xlsx', bad), TEMPLATES), unitSource('Xã 3', 3)];
  expect(sources[1].errors).toBe(1);
  const c = consolidate(sources, { ...OPTIONS, allowErrors: true });
  const findings = validateWorkbook(readOf(c), { today: TODAY }).filter((f) => f.rule === 'cross.council');
  const perUnit = findings.filter((f) => f.message.vi.startsWith('Hội đồng nhân dân — Xã 2:'));
  expect(perUnit).toHaveLength(1);
  expect(perUnit[0]).toMatchObject({ cells: [{ sheet: 'Biểu 02', address: 'M9' }, { sheet: 'Biểu 01', address: 'J9' }], difference: 20 });
  expect(perUnit[0].message.en).toContain("People's Council — Xã 2:");
  // the totals disagree too, by the same 20; no other unit is named
  expect(findings.map((f) => f.difference)).toEqual([20, 20]);
});

test('a unit that has not reported (blank row) hides no disagreement of the units that have', () => {
  const bad = unitRead({ unit: 'Xã 2', seed: 2 });
  const cell = bad.tables[1].columns['council.resolution'][0];
  cell.value = (cell.value as number) + 20;
  const sources = [unitSource('Xã 1', 1), summarizeSource(source('x2.xlsx', bad), TEMPLATES)];
  const units: UnitEntry[] = [{ unit: 'Xã 1' }, { unit: 'Xã 2' }, { unit: 'Xã 3' }];
  const c = consolidate(sources, { ...OPTIONS, units, allowErrors: true });
  expect(c.summary.missing).toEqual(['Xã 3']);
  const findings = validateWorkbook(readOf(c), { today: TODAY }).filter((f) => f.rule === 'cross.council');
  // Xã 3's blank row leaves the column totals unknown (its cells have their own warnings), but
  // Xã 2's row is still compared and named.
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ cells: [{ sheet: 'Biểu 02', address: 'M9' }, { sheet: 'Biểu 01', address: 'J9' }], difference: 20 });
  expect(findings[0].message.vi.startsWith('Hội đồng nhân dân — Xã 2:')).toBe(true);
});

test('consolidateReads: reads in, the same plans and summary as the two steps', () => {
  const inputs = [1, 2].map((s) => source(`Xã ${s}.xlsx`, unitRead({ unit: `Xã ${s}`, seed: s })));
  const one = consolidateReads(inputs, OPTIONS);
  const two = consolidate(
    inputs.map((i) => summarizeSource(i, TEMPLATES)),
    OPTIONS,
  );
  expect(one).toEqual(two);
  expect(one.summary.sources.map((s) => s.unit)).toEqual(['Xã 1', 'Xã 2']);
});
