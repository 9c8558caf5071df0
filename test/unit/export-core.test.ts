/** core/export/export and core/export/sdmx on reads made in memory: what a cell holds becomes the figure; SDMX codes. */
import { BUILTIN_CATALOG, TEMPLATES } from '../../src/core/forms/builtin';
import { PackCatalog } from '../../src/core/forms/catalog';
import { validatePack, type Pack } from '../../src/core/forms/pack';
import { figureRecords, type FigureRecord } from '../../src/core/export/export';
import { dataflowId, foldToId, sdmxObservations, sdmxStructure, structureId } from '../../src/core/export/sdmx';
import { layout } from '../../src/core/forms/layout';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { unitRead } from '../support/units-fixture';
import { readPlan } from '../support/plan-read';
import { goodPack } from '../support/packs';

const SHA = 'a'.repeat(64);

function recordsOf(read: WorkbookRead, catalog = BUILTIN_CATALOG): FigureRecord[] {
  return figureRecords({ file: 'x.xlsx', sha256: SHA, errors: 3, read }, catalog);
}

function find(recs: FigureRecord[], template: string, row: string, column: string): FigureRecord | undefined {
  return recs.find((r) => r.template === template && r.row === row && r.column === column);
}

test('a computed cell typed over keeps the typed number; one cleared stays blank; one with its formula is computed', () => {
  const read = unitRead({ unit: 'Xã A', seed: 5 });
  const b04 = read.tables.find((t) => t.templateId === 'b04');
  if (!b04?.totals) throw new Error('Biểu 04 has a totals row');
  const published = b04.columns.published.map((c) => c.value as number);
  b04.totals.direct = { ...b04.totals.direct, value: 12345, formula: null };
  b04.totals['onlineFull.eligible'] = { ...b04.totals['onlineFull.eligible'], value: null, formula: null };
  const recs = recordsOf(read);
  expect(find(recs, 'b04', 'total', 'direct')?.value).toBe(12345);
  expect(find(recs, 'b04', 'total', 'onlineFull.eligible')?.value).toBeNull();
  expect(find(recs, 'b04', 'total', 'published')).toMatchObject({ value: published[0] + published[1], kind: 'computed', source_errors: 3 });
  // the ratio of the totals row: totals divided, not ratios added
  const prov = (id: string): number => recs.filter((r) => r.template === 'b04' && r.kind === 'entry' && r.column === id).reduce((a, r) => a + (r.value as number), 0);
  expect(find(recs, 'b04', 'total', 'onlineFull.ratio')?.value).toBeCloseTo(prov('onlineFull.provided') / prov('onlineFull.eligible'), 12);
});

test('text typed in an entry cell stays that text; a date becomes YYYY-MM-DD; an error value its code', () => {
  const read = unitRead({ unit: 'Xã A', seed: 6 });
  const b01 = read.tables.find((t) => t.templateId === 'b01');
  if (!b01) throw new Error('no Biểu 01');
  b01.columns['central.committee'][0].value = '1.292';
  b01.columns['central.politburo'][0].value = new Date(Date.UTC(2025, 6, 1));
  b01.columns['central.secretariat'][0].value = { error: '#REF!' };
  const recs = recordsOf(read);
  const row = '2025-07-01/2025-09-30';
  expect(find(recs, 'b01', row, 'central.committee')?.value).toBe('1.292');
  expect(find(recs, 'b01', row, 'central.politburo')?.value).toBe('2025-07-01');
  expect(find(recs, 'b01', row, 'central.secretariat')?.value).toBe('#REF!');
  // none of them is an SDMX observation
  const obs = sdmxObservations(recs, BUILTIN_CATALOG).filter((o) => o.table === 'b01');
  expect(obs.map((o) => o.indicator)).not.toContain('b01_central_committee');
  expect(obs).toHaveLength(TEMPLATES[0].groups.flatMap((g) => g.columns).filter((c) => c.kind === 'entry').length - 3);
});

test('a table of another pack: its pack id and the version of the loaded pack that holds it', () => {
  const checked = validatePack(goodPack(2));
  if (!checked.ok) throw new Error('the test pack is valid');
  const pack: Pack = checked.pack;
  const catalog = BUILTIN_CATALOG.with([pack]);
  const template = catalog.find('test.office', 'visits', 2);
  if (!template) throw new Error('visits@2 loaded');
  const plan = layout(template, { unit: 'Xã B', from: '2025-01-01', to: '2025-06-30', dataRows: 2, rowLabels: ['Xã C', 'Xã D'], values: [[1, 2, 3, 2], [3, null, 3, 3]] });
  const read: WorkbookRead = { tables: [{ ...readPlan(plan, template), packId: 'test.office' }] };
  const recs = recordsOf(read, catalog);
  expect(recs.length).toBeGreaterThan(0);
  expect(new Set(recs.map((r) => `${r.pack}@${r.pack_version}/${r.template}@${r.template_version}`))).toEqual(new Set(['test.office@2/visits@2']));
  expect(find(recs, 'visits', 'Xã D', 'visits.periodic')).toMatchObject({ value: null, kind: 'entry' });
  expect(find(recs, 'visits', 'Xã D', 'visits.total')).toMatchObject({ value: 3, kind: 'computed' });
  expect(find(recs, 'visits', 'total', 'visits.regular')).toMatchObject({ value: 4, kind: 'computed' });
  expect(find(recs, 'visits', 'total', 'cases.ratio')?.value).toBeCloseTo(5 / 6, 12);
  expect(find(recs, 'visits', 'average', 'visitsPerDay')?.value).toBeCloseTo(6 / 181, 12);
  const obs = sdmxObservations(recs, catalog);
  expect(new Set(obs.map((o) => o.structureId))).toEqual(new Set(['BIEUMAU:TEST_OFFICE(2.0.0)']));
  expect(new Set(obs.map((o) => o.row))).toEqual(new Set(['XA_C', 'XA_D']));
  // a catalog that does not hold the pack: no template, no record
  expect(recordsOf(read, new PackCatalog([]))).toEqual([]);
});

test('SDMX ids: folded to ASCII, two names folding alike told apart, a blank unit named', () => {
  expect(foldToId('Xã Đạ Huoai')).toBe('XA_DA_HUOAI');
  expect(foldToId('Phường "Bảo Lộc", số 1')).toBe('PHUONG_BAO_LOC_SO_1');
  expect(foldToId('123 Ấp')).toBe('X123_AP');
  expect(foldToId('…')).toBe('X');
  expect(dataflowId('vn.standard')).toBe('VN_STANDARD');
  expect(structureId('vn.tinh-lam-dong', 3)).toBe('BIEUMAU:VN_TINH-LAM-DONG(3.0.0)');
  const a = unitRead({ unit: 'Xã An', seed: 1 });
  const b = unitRead({ unit: 'Xa An', seed: 2 });
  const c = unitRead({ unit: '', seed: 3 });
  const recs = [a, b, c].flatMap((read, i) => figureRecords({ file: `${i}.xlsx`, sha256: SHA, errors: 0, read }, BUILTIN_CATALOG));
  const units = new Map(sdmxObservations(recs, BUILTIN_CATALOG).map((o) => [o.unitName, o.unit]));
  expect(units.get('')).toBe('UNSPECIFIED');
  expect(units.get('Xã An')).toMatch(/^XA_AN_[0-9A-F]{8}$/);
  expect(units.get('Xa An')).toMatch(/^XA_AN_[0-9A-F]{8}$/);
  expect(units.get('Xã An')).not.toBe(units.get('Xa An'));
  // without a valid period a figure has no time and is no observation
  const noPeriod = unitRead({ unit: 'Xã E', seed: 4 });
  for (const t of noPeriod.tables) {
    if (t.info.from) t.info.from = { ...t.info.from, value: null };
  }
  const r = figureRecords({ file: 'e.xlsx', sha256: SHA, errors: 0, read: noPeriod }, BUILTIN_CATALOG);
  expect(r.every((x) => x.period_from === null && x.period_to === null)).toBe(true);
  expect(r.filter((x) => x.template !== 'b04' && x.row !== 'average').every((x) => x.row === 'period')).toBe(true);
  expect(sdmxObservations(r, BUILTIN_CATALOG)).toEqual([]);
});

test('the structure message holds names as XML can: escaped, control characters dropped', () => {
  const read = unitRead({ unit: 'Xã <A> & "B"\u0001', seed: 7 });
  const obs = sdmxObservations(recordsOf(read), BUILTIN_CATALOG);
  const xml = sdmxStructure(obs, BUILTIN_CATALOG, { id: 'TEST', prepared: new Date(Date.UTC(2025, 10, 14, 8, 0, 0)) });
  expect(xml).toContain('<com:Name xml:lang="vi">Xã &lt;A&gt; &amp; &quot;B&quot;</com:Name>');
  expect(xml).not.toContain('\u0001');
  expect(xml).toContain('<mes:Prepared>2025-11-14T08:00:00Z</mes:Prepared>');
  expect(xml).toContain('<mes:ID>TEST</mes:ID>');
  expect(obs.every((o) => o.unit === 'XA_A_B')).toBe(true);
});
