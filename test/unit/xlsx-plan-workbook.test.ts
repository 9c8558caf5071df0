/**
 * The workbook written from SheetPlans without ExcelJS (`xlsx/plan-workbook`, what the count writes
 * its tables with) against the ExcelJS writer (`xlsx/writer`) on the same plans: every part equal,
 * byte for byte, but the creation time — so a counted workbook is the workbook it was when ExcelJS
 * wrote its tables.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { SEED_REPORT, TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import type { LayoutOptions, SheetPlan } from '../../src/core/forms/plan';
import { writeWorkbook } from '../../src/xlsx/writer';
import { planWorkbookParts } from '../../src/xlsx/plan-workbook';
import { validationRanges } from '../../src/xlsx/plan-sheet';
import { xmlText } from '../../src/xlsx/plan-styles';
import { countRegisters } from '../../src/xlsx/count-workbook';
import { readRegister } from '../../src/xlsx/register-read';
import { countedPlan, registerColumns, registerSheetName } from '../../src/core/count/count-plan';
import { classifyRegister, countedTemplates, summarise, type CountSource } from '../../src/core/count/count';
import { CROSS_TABLE_RULES } from '../../src/core/forms/builtin';
import { incomingXlsx, outgoingXlsx } from '../support/registers';
import { INCOMING, PARTY_OUT } from '../support/count-fixture';

const CORE = 'docProps/core.xml';
const TIMES = /<dcterms:(created|modified) xsi:type="dcterms:W3CDTF">[^<]*</g;

/** The parts of both writers: equal texts, the creation time aside. */
async function expectSameParts(plans: SheetPlan[]): Promise<void> {
  const theirs = unzipSync(await writeWorkbook(plans));
  const mine = planWorkbookParts(plans, new Date(Date.UTC(2025, 6, 1, 8, 30, 5)));
  const names = Object.keys(theirs).filter((n) => !n.endsWith('/'));
  expect([...mine.keys()].sort()).toEqual(names.sort());
  for (const name of names) {
    const a = strFromU8(theirs[name]);
    const b = mine.get(name) as string;
    if (name === CORE) expect(b.replace(TIMES, '<$1>')).toBe(a.replace(TIMES, '<$1>'));
    else expect({ name, xml: b }).toEqual({ name, xml: a });
  }
  expect(mine.get(CORE)).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-07-01T08:30:05Z</dcterms:created>');
}

const withSample = (o: LayoutOptions): SheetPlan[] =>
  TEMPLATES.map((t) => layout(t, { ...o, ...(t.rows.kind === 'repeat' && o.dataRows === undefined && t.sample.length > 1 ? { dataRows: t.sample.length } : {}), values: t.sample }));

describe('planWorkbookParts: the parts ExcelJS writes of the same plans', () => {
  test('the built-in tables, blank, with the report information and with the sample figures', async () => {
    await expectSameParts(TEMPLATES.map((t) => layout(t, {})));
    await expectSameParts(TEMPLATES.map((t) => layout(t, { ...SEED_REPORT })));
    await expectSameParts(withSample({ ...SEED_REPORT }));
  });

  test('many data rows, row labels, groups, units that did not report', async () => {
    const b01 = findTemplate('b01');
    const b03 = findTemplate('b03');
    if (!b01 || !b03) throw new Error('built-in tables missing');
    await expectSameParts([
      layout(b01, { ...SEED_REPORT, dataRows: 6, rowKind: 'unit', rowLabels: ['Xã A', 'Xã B', 'Xã C', 'Xã D', 'Xã E', 'Phường F'], missingRows: [1, 4], rowGroups: [{ label: 'Cụm 1', first: 0, count: 3 }, { label: 'Cụm 2', first: 3, count: 3 }] }),
      layout(b03, { ...SEED_REPORT, dataRows: 3, rowKind: 'period', templateGroupRow: false }),
    ]);
  });

  test('texts XML escapes and sheet names Excel would refuse', async () => {
    const b04 = findTemplate('b04');
    if (!b04) throw new Error('b04 missing');
    const plan = layout(b04, { unit: ` Đơn vị "A" & <B>'s \u0001 `, reportBy: 'Ban\nThường vụ' });
    await expectSameParts([{ ...plan, sheetName: "Đơn vị's & <1>" }, { ...plan, sheetName: 'Biểu: 04 / [bản sao]' }, plan]);
  });

  test("the count's tables: entry cells COUNTIFS with their stored figures", async () => {
    const sources: CountSource[] = [];
    for (const [bytes, name] of [[await incomingXlsx(INCOMING), 'den.xlsx'], [await outgoingXlsx(PARTY_OUT, 'TỈNH ỦY LÂM ĐỒNG'), 'di.xlsx']] as const) {
      const r = readRegister({ name, bytes });
      if ('refusal' in r) throw new Error(r.refusal.message.en);
      sources.push({ register: r });
    }
    const templates = countedTemplates(TEMPLATES);
    const period = { from: '2025-07-01', to: '2025-09-30' };
    const classified = sources.map((s) => classifyRegister(templates, CROSS_TABLE_RULES, s));
    const summary = summarise(templates, classified, period);
    const sheets = classified.map((rc) => ({ name: registerSheetName(rc.source.register.kind), kind: rc.source.register.kind, cols: registerColumns(rc, templates), rc }));
    const plans = templates.map((t) => countedPlan(t, { ...period, unit: 'TỈNH ỦY LÂM ĐỒNG' }, sheets, summary));
    expect(plans.flatMap((p) => p.cells.flat()).filter((c) => c?.formula?.startsWith('=COUNTIFS(')).length).toBeGreaterThan(10);
    await expectSameParts(plans);
    // And the counted workbook itself holds those tables' sheets as they are.
    const counted = unzipSync((await countRegisters(sources, period, 'TỈNH ỦY LÂM ĐỒNG')).bytes);
    const tables = planWorkbookParts(plans);
    for (const sheet of ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/theme/theme1.xml']) expect(strFromU8(counted[sheet])).toBe(tables.get(sheet));
  });
});

describe('the pieces', () => {
  test('validation areas: each cell once, grown down then right, in the order of the addresses as text', () => {
    expect(validationRanges(['B8:G8', 'I8:M8'])).toEqual(['B8:G8', 'I8:M8']);
    // B10 sorts before B8, and a later area may cover cells an earlier one took (ExcelJS does the same).
    expect(validationRanges(['B8:C10'])).toEqual(['B10:C10', 'B8:C10']);
    expect(validationRanges(['B8'])).toEqual(['B8']);
    expect(validationRanges([])).toEqual([]);
  });

  test('xmlText: the five specials as entities, what XML 1.0 cannot hold left out', () => {
    expect(xmlText(`a<b>&"c"'d'`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;');
    expect(xmlText('x\u0001\u0008\u000b\u000c\u001f\u007fy\t\n\r')).toBe('xy\t\n\r');
    expect(xmlText('Biểu 01')).toBe('Biểu 01');
  });
});
