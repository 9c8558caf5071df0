/**
 * The built-in pack `vn.standard` is a JSON file loaded through the same check as any pack, and it
 * lays out exactly the sheets the four TypeScript templates laid out before packs existed:
 * `fixtures/standard-plans.json` holds `layout()` of those templates (blank, with the seed's sample,
 * and three data rows), recorded before they were replaced by the JSON pack.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { BUILTIN_CATALOG, CROSS_TABLE_RULES, SEED_REPORT, STANDARD_PACK, TEMPLATES, findTemplate } from '../../src/core/forms/builtin';
import { layout } from '../../src/core/forms/layout';
import { parsePack } from '../../src/core/forms/pack';
import { metaValue, parseMetaValue } from '../../src/core/forms/defined-names';

const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'standard-plans.json'), 'utf8')) as Record<string, unknown>;

describe('built-in pack vn.standard', () => {
  test('the JSON file passes the pack check and is what the engine uses', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'src', 'templates', 'vn.standard.json'), 'utf8');
    const checked = parsePack(text);
    expect(checked.ok).toBe(true);
    expect(STANDARD_PACK.id).toBe('vn.standard');
    expect(TEMPLATES.map((t) => `${t.pack}/${t.id}@${t.version}`)).toEqual(['vn.standard/b01@1', 'vn.standard/b02@1', 'vn.standard/b03@1', 'vn.standard/b04@1']);
    expect(CROSS_TABLE_RULES.map((r) => r.id)).toEqual(['provincialParty', 'council', 'peoplesCommittee']);
    expect(BUILTIN_CATALOG.crossRules().map((b) => [b.pack, b.rule.id, b.leftVersion, b.rightVersion])).toEqual([
      ['vn.standard', 'provincialParty', 1, 1],
      ['vn.standard', 'council', 1, 1],
      ['vn.standard', 'peoplesCommittee', 1, 1],
    ]);
    expect(findTemplate('1')?.id).toBe('b01');
    expect(findTemplate(' B04 ')?.id).toBe('b04');
    expect(findTemplate('07')).toBeUndefined();
  });

  test.each(Object.keys(fixture))('layout %s is byte-identical to the plan of the TypeScript templates', (key) => {
    const [id, kind] = key.split('/');
    const t = TEMPLATES.find((x) => x.id === id);
    if (!t) throw new Error(`no template ${id}`);
    const plan =
      kind === 'blank'
        ? layout(t)
        : kind === 'sample'
          ? layout(t, { ...SEED_REPORT, values: t.sample })
          : layout(t, { unit: 'UBND', from: '2025-01-01', to: '2025-03-31', dataRows: 3 });
    expect(JSON.stringify(plan)).toBe(JSON.stringify(fixture[key]));
  });

  test('the fixture covers every template, with and without sample figures', () => {
    expect(Object.keys(fixture).sort()).toEqual(['b01/blank', 'b01/rows3', 'b01/sample', 'b02/blank', 'b02/rows3', 'b02/sample', 'b03/blank', 'b03/rows3', 'b03/sample', 'b04/blank', 'b04/sample']);
  });
});

describe('BM_META identity', () => {
  test('vn.standard keeps the marker of workbooks made before packs; other packs name theirs', () => {
    expect(metaValue('b01', 1)).toBe('bieumau:b01@1');
    expect(metaValue('b01', 1, 'vn.standard')).toBe('bieumau:b01@1');
    expect(metaValue('cts', 2, 'lamdong.cds')).toBe('bieumau:lamdong.cds/cts@2');
  });

  test('parseMetaValue reads both forms and nothing else', () => {
    expect(parseMetaValue('bieumau:b01@1')).toEqual({ packId: 'vn.standard', templateId: 'b01', version: 1 });
    expect(parseMetaValue(' bieumau:lamdong.cds/cts@2 ')).toEqual({ packId: 'lamdong.cds', templateId: 'cts', version: 2 });
    expect(parseMetaValue('bieumau:vn.standard/b03@1')).toEqual({ packId: 'vn.standard', templateId: 'b03', version: 1 });
    expect(parseMetaValue('bieumau:so-tttt/bieu-05@12')).toEqual({ packId: 'so-tttt', templateId: 'bieu-05', version: 12 });
    for (const bad of ['bieumau:b01', 'bieumau:/b01@1', 'bieumau:A.B/b01@1', 'bieumau:x/y/z@1', 'bieumau:x/b01@1.5', 'b01@1', 'bieumau:error', 42, null]) {
      expect(parseMetaValue(bad)).toBeNull();
    }
  });
});
