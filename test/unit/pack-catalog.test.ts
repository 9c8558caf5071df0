/** The catalog of loaded packs: lookup by pack, id and version; what is offered; command-line names. */
import { PackCatalog, asCatalog, lookupTemplate } from '../../src/core/forms/catalog';
import { validatePack, type Pack } from '../../src/core/forms/pack';
import { BUILTIN_CATALOG, TEMPLATES } from '../../src/core/forms/builtin';
import { at, goodPack } from '../support/packs';

function load(raw: unknown): Pack {
  const r = validatePack(raw);
  if (!r.ok) throw new Error(JSON.stringify(r.faults));
  return r.pack;
}

const v1 = load(goodPack(1));
const v2 = load(goodPack(2));

describe('PackCatalog', () => {
  test('several versions of a pack: every version is found, the highest is offered', () => {
    const c = BUILTIN_CATALOG.with([v2, v1]);
    expect(c.has('test.office', 1) && c.has('test.office', 2) && !c.has('test.office', 3)).toBe(true);
    expect(c.current().map((p) => `${p.id}@${p.version}`)).toEqual(['vn.standard@1', 'test.office@2']);
    expect(c.find('test.office', 'visits', 1)?.version).toBe(1);
    expect(c.find('test.office', 'visits', 2)?.pack).toBe('test.office');
    expect(c.versionsOf('test.office', 'visits')).toEqual([1, 2]);
    expect(c.templates()).toHaveLength(8);
    expect(c.crossRules().map((b) => `${b.pack}:${b.rule.id}@${b.leftVersion}/${b.rightVersion}`)).toEqual([
      'vn.standard:provincialParty@1/1',
      'vn.standard:council@1/1',
      'vn.standard:peoplesCommittee@1/1',
      'test.office:visitsByLevel@2/2',
      'test.office:visitsByLevel@1/1',
    ]);
  });

  test('offeredFirst: the offered templates, then the older versions (what consolidation reads and writes, in order)', () => {
    const c = BUILTIN_CATALOG.with([v2, v1]);
    const key = (t: { pack?: string; id: string; version: number }): string => `${t.pack ?? ''}:${t.id}@${t.version}`;
    expect(c.offeredFirst().map(key)).toEqual([...c.list().map(key), ...c.templates().filter((t) => t.pack === 'test.office' && t.version === 1).map(key)]);
    expect(c.offeredFirst().slice(-2).map((t) => t.version)).toEqual([1, 1]);
    expect(c.offeredFirst()).toHaveLength(c.templates().length);
    expect(BUILTIN_CATALOG.offeredFirst().map((t) => t.id)).toEqual(['b01', 'b02', 'b03', 'b04']);
  });

  test('a pack loaded twice counts once; the pack objects themselves are not changed', () => {
    const c = new PackCatalog([v1, v1]);
    expect(c.packs).toHaveLength(1);
    expect(c.templates()).toHaveLength(2);
    expect('pack' in v1.templates[0]).toBe(false);
  });

  test('missing says what is missing: the pack, the template, or the version', () => {
    const c = BUILTIN_CATALOG.with([v2]);
    expect(c.missing('test.office', 'visits', 2)).toBeNull();
    expect(c.missing('other', 'visits', 1)).toBe('pack');
    expect(c.missing('test.office', 'b01', 1)).toBe('template');
    expect(c.missing('test.office', 'visits', 1)).toBe('version');
    expect(c.missing('vn.standard', 'b01', 2)).toBe('version');
  });

  test('resolve: standard shorthands, ids of other packs, pack:id; knownIds qualifies shared ids only', () => {
    const other = goodPack();
    other.id = 'other.office';
    at(other, 'templates[1]').id = 'b01';
    at(other, 'crossRules[0].left').template = 'b01';
    const c = BUILTIN_CATALOG.with([v1, load(other)]);
    const id = (ref: string): string => {
      const r = c.resolve(ref);
      return 'template' in r ? `${r.template.pack}:${r.template.id}` : r.error.en;
    };
    expect(id('3')).toBe('vn.standard:b03');
    expect(id('levels')).toBe('test.office:levels');
    expect(id('other.office:b01')).toBe('other.office:b01');
    expect(id('vn.standard:1')).toBe('vn.standard:b01');
    expect(id('b01')).toBe('template "b01" is in several packs; name it as pack:id (vn.standard:b01, other.office:b01)');
    expect(id('visits')).toBe('template "visits" is in several packs; name it as pack:id (test.office:visits, other.office:visits)');
    expect(id('x')).toBe('unknown template "x" (known: vn.standard:b01, b02, b03, b04, test.office:visits, levels, other.office:visits, other.office:b01)');
    expect(id('test.office:b02')).toBe('pack test.office has no template "b02" (known: visits, levels)');
  });

  test('a plain list of templates is a catalog of vn.standard tables', () => {
    expect(lookupTemplate(TEMPLATES, 'vn.standard', 'b02', 1)?.id).toBe('b02');
    expect(lookupTemplate(TEMPLATES, 'test.office', 'b02', 1)).toBeUndefined();
    expect(asCatalog(TEMPLATES).list().map((t) => t.id)).toEqual(['b01', 'b02', 'b03', 'b04']);
    expect(asCatalog(BUILTIN_CATALOG)).toBe(BUILTIN_CATALOG);
  });
});
