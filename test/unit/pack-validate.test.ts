/**
 * The pack check: a good pack passes; each kind of fault is found with its JSON path and a
 * message in both languages; the JSON Schema file (schemas/bieumau-pack-1.schema.json, run with
 * ajv) and the TypeScript check agree on what the schema can say.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv from 'ajv';
import { faultLines, parsePack, validatePack, type PackFault } from '../../src/core/forms/pack';
import { sheetNameProblem } from '../../src/core/forms/pack-semantic';
import { at, goodPack } from '../support/packs';

const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'schemas', 'bieumau-pack-1.schema.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);

function faultsOf(pack: unknown): PackFault[] {
  const r = validatePack(pack);
  if (r.ok) throw new Error('expected the pack to be refused');
  return r.faults;
}

function broken(edit: (p: Record<string, unknown>) => void): Record<string, unknown> {
  const p = goodPack();
  edit(p);
  return p;
}

/** Faults the schema itself catches (ajv must refuse these too). */
const SHAPE: [string, (p: Record<string, unknown>) => void, PackFault['code'], string][] = [
  ['a template that is a string', (p) => (at(p, 'templates')[1] = 'levels'), 'type', 'templates[1]'],
  ['wrong format', (p) => (p.format = 'bieumau-pack/2'), 'format', 'format'],
  ['missing title', (p) => delete p.title, 'required', 'title'],
  ['unknown key (a typo)', (p) => (at(p, 'templates[0].groups[0].columns[0]').requried = true), 'unknown-key', 'templates[0].groups[0].columns[0].requried'],
  ['pack id with capitals', (p) => (p.id = 'Test.Office'), 'pattern', 'id'],
  ['version 0', (p) => (p.version = 0), 'range', 'version'],
  ['template version 1.5', (p) => (at(p, 'templates[1]').version = 1.5), 'range', 'templates[1].version'],
  ['empty vi text', (p) => (at(p, 'templates[0].title').vi = '  '), 'empty', 'templates[0].title.vi'],
  ['text as a plain string', (p) => (at(p, 'templates[0]').summary = 'Lượt tiếp'), 'type', 'templates[0].summary'],
  ['unknown column kind', (p) => (at(p, 'templates[0].groups[1].columns[2]').kind = 'percent'), 'kind', 'templates[0].groups[1].columns[2].kind'],
  ['unknown rule kind', (p) => (at(p, 'templates[0].rules[0]').kind = 'atLeast'), 'kind', 'templates[0].rules[0].kind'],
  ['no templates', (p) => (p.templates = []), 'empty', 'templates'],
  ['a group without columns', (p) => (at(p, 'templates[1].groups[0]').columns = []), 'empty', 'templates[1].groups[0].columns'],
  ['column id with a space', (p) => (at(p, 'templates[1].groups[0].columns[0]').id = 'lượt tiếp'), 'pattern', 'templates[1].groups[0].columns[0].id'],
  ['template id with /', (p) => (at(p, 'templates[1]').id = 'a/b'), 'pattern', 'templates[1].id'],
  ['template id over 31 characters', (p) => (at(p, 'templates[1]').id = 'x'.repeat(32)), 'pattern', 'templates[1].id'],
  ['sample figure negative', (p) => (at(p, 'templates[0].sample[1]')[2] = -7), 'sample-value', 'templates[0].sample[1][2]'],
  ['sample figure fractional', (p) => (at(p, 'templates[0].sample[0]')[0] = 1.5), 'sample-value', 'templates[0].sample[0][0]'],
  ['sample figure as text', (p) => (at(p, 'templates[1].sample[0]')[0] = '13'), 'sample-value', 'templates[1].sample[0][0]'],
  ['effective not a date', (p) => (p.effective = '01/07/2025'), 'pattern', 'effective'],
];

/** Faults beyond the schema (ajv accepts these; the TypeScript check must not). */
const BEYOND: [string, (p: Record<string, unknown>) => void, PackFault['code'], string][] = [
  ['two templates with one id', (p) => (at(p, 'templates[1]').id = 'visits'), 'duplicate-id', 'templates[1].id'],
  ['two templates with one sheet name', (p) => (at(p, 'templates[1].name').vi = 'tiếp dân'), 'duplicate-id', 'templates[1].name.vi'],
  ['two columns with one id', (p) => (at(p, 'templates[0].groups[1].columns[0]').id = 'visits.regular'), 'duplicate-id', 'templates[0].groups[1].columns[0].id'],
  ['two groups with one id', (p) => (at(p, 'templates[0].groups[1]').id = 'visits'), 'duplicate-id', 'templates[0].groups[1].id'],
  ['two fixed rows with one id', (p) => (at(p, 'templates[1].rows.rows[1]').id = 'province'), 'duplicate-id', 'templates[1].rows.rows[1].id'],
  ['two rules with one id', (p) => (at(p, 'templates[0].rules[1]').id = 'settledWithinReceived'), 'duplicate-id', 'templates[0].rules[1].id'],
  ['two averages with one id', (p) => (at(p, 'templates[0].averages[1]').id = 'visitsPerDay'), 'duplicate-id', 'templates[0].averages[1].id'],
  ['a rule part that does not exist', (p) => (at(p, 'templates[0].rules[1].parts')[1] = 'visits.other'), 'unknown-column', 'templates[0].rules[1].parts[1]'],
  ['a sum of a column that does not exist', (p) => (at(p, 'templates[0].groups[0].columns[2].of')[0] = 'visits.first'), 'unknown-column', 'templates[0].groups[0].columns[2].of[0]'],
  ['a ratio of a column that does not exist', (p) => (at(p, 'templates[0].groups[1].columns[2]').denominator = 'cases.all'), 'unknown-column', 'templates[0].groups[1].columns[2].denominator'],
  ['an average of a column that does not exist', (p) => (at(p, 'templates[0].averages[0]').of = 'visits.sum'), 'unknown-column', 'templates[0].averages[0].of'],
  ['a rule on a ratio column', (p) => (at(p, 'templates[0].rules[0]').large = 'cases.ratio'), 'not-number', 'templates[0].rules[0].large'],
  ['a sum of a ratio column', (p) => at(p, 'templates[0].groups[0].columns[2].of').push('cases.ratio'), 'not-number', 'templates[0].groups[0].columns[2].of[2]'],
  ['a sum that adds itself', (p) => at(p, 'templates[0].groups[0].columns[2].of').push('visits.total'), 'sum-self', 'templates[0].groups[0].columns[2].of[2]'],
  [
    'sums that loop',
    (p) => {
      const cols = at(p, 'templates[0].groups[1].columns');
      cols[0] = { kind: 'sum', id: 'cases.received', label: { vi: 'Đã nhận', en: 'Received' }, of: ['visits.total', 'cases.settled'] };
      at(p, 'templates[0].groups[0].columns[2].of').push('cases.received');
      for (const row of at(p, 'templates[0].sample') as unknown as number[][]) row.splice(2, 1);
    },
    'sum-loop',
    'templates[0].groups[0].columns[2].of',
  ],
  ['a cross rule on a template that does not exist', (p) => (at(p, 'crossRules[0].right').template = 'b01'), 'unknown-template', 'crossRules[0].right.template'],
  ['a cross rule on a column that does not exist', (p) => (at(p, 'crossRules[0].left').column = 'visits.total'), 'unknown-column', 'crossRules[0].left.column'],
  ['a cross rule on a ratio', (p) => (at(p, 'crossRules[0].right').column = 'cases.ratio'), 'not-number', 'crossRules[0].right.column'],
  ['a cross rule within one template', (p) => (at(p, 'crossRules[0].left').template = 'visits'), 'cross-same-template', 'crossRules[0]'],
  ['a sample row too short', (p) => at(p, 'templates[0].sample[1]').pop(), 'sample-length', 'templates[0].sample[1]'],
  ['a fixed table with too many sample rows', (p) => at(p, 'templates[1].sample').push([1]), 'sample-rows', 'templates[1].sample'],
  ['a sheet name over 31 characters', (p) => (at(p, 'templates[1].name').vi = 'Tiếp công dân theo cấp hành chính năm 2025'), 'sheet-name', 'templates[1].name.vi'],
  ['a sheet name with a colon', (p) => (at(p, 'templates[1].name').vi = 'Tiếp dân: cấp'), 'sheet-name', 'templates[1].name.vi'],
  ['an effective date that does not exist', (p) => (p.effective = '2025-02-30'), 'date', 'effective'],
];

describe('validatePack', () => {
  test('the good pack passes, comes back as a copy, and the schema accepts it', () => {
    const p = goodPack();
    const r = validatePack(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack).toEqual(p);
    expect(r.pack).not.toBe(p);
    expect(schemaValid(p)).toBe(true);
  });

  test('a pack without samples gets empty ones; the example pack in the repository is valid for both', () => {
    const p = goodPack();
    delete at(p, 'templates[1]').sample;
    const r = validatePack(p);
    expect(r.ok && r.pack.templates[1].sample).toEqual([]);
    const example = JSON.parse(readFileSync(join(__dirname, '..', '..', 'packs', 'examples', 'chung-thu-so.json'), 'utf8')) as unknown;
    expect(validatePack(example).ok).toBe(true);
    expect(schemaValid(example)).toBe(true);
    const standard = JSON.parse(readFileSync(join(__dirname, '..', '..', 'src', 'templates', 'vn.standard.json'), 'utf8')) as unknown;
    expect(schemaValid(standard)).toBe(true);
  });

  test.each(SHAPE)('%s: a schema fault, at its path; ajv refuses it too', (_name, edit, code, path) => {
    const p = broken(edit);
    const faults = faultsOf(p);
    expect(faults).toContainEqual(expect.objectContaining({ code, path }));
    for (const f of faults) {
      expect(f.message.vi.trim()).not.toBe('');
      expect(f.message.en.trim()).not.toBe('');
    }
    expect(schemaValid(p)).toBe(false);
  });

  test.each(BEYOND)('%s: found beyond the schema, at its path', (_name, edit, code, path) => {
    const p = broken(edit);
    expect(schemaValid(p)).toBe(true);
    const faults = faultsOf(p);
    expect(faults).toContainEqual(expect.objectContaining({ code, path }));
    expect(faults.every((f) => f.message.vi !== f.message.en)).toBe(true);
  });

  test('every fault is listed, not only the first', () => {
    const p = broken((x) => {
      at(x, 'templates[0].rules[1].parts')[1] = 'visits.other';
      at(x, 'crossRules[0].right').template = 'b01';
      at(x, 'templates[0].sample[1]').pop();
    });
    expect(faultsOf(p).map((f) => f.path)).toEqual(['templates[0].rules[1].parts[1]', 'templates[0].sample[1]', 'crossRules[0].right.template']);
    expect(faultLines(faultsOf(p), 'vi')[0]).toBe('templates[0].rules[1].parts[1]: không có cột "visits.other" trong biểu visits');
    expect(faultLines(faultsOf(p), 'en')[0]).toBe('templates[0].rules[1].parts[1]: there is no column "visits.other" in template visits');
  });

  test('a "$schema" key for editors is allowed (a string) and left out of the pack', () => {
    const p = { $schema: 'https://example.gov.vn/bieumau-pack-1.schema.json', ...goodPack() };
    const r = validatePack(p);
    expect(r.ok && '$schema' in r.pack).toBe(false);
    expect(schemaValid(p)).toBe(true);
    expect(faultsOf({ ...p, $schema: 1 })).toEqual([expect.objectContaining({ code: 'type', path: '$schema' })]);
    expect(schemaValid({ ...p, $schema: 1 })).toBe(false);
  });

  test('a value that is not a pack at all', () => {
    for (const v of [null, 42, 'pack', [goodPack()]]) {
      expect(faultsOf(v)).toEqual([expect.objectContaining({ code: 'type', path: '' })]);
      expect(schemaValid(v)).toBe(false);
    }
  });

  test('parsePack: not JSON is told apart from an invalid pack; a BOM is allowed', () => {
    const notJson = parsePack('{ "format": ');
    expect(notJson.ok).toBe(false);
    expect('notJson' in notJson && notJson.notJson.en).toMatch(/^not valid JSON/);
    expect(parsePack(`\uFEFF${JSON.stringify(goodPack())}`).ok).toBe(true);
    const invalid = parsePack('{}');
    expect(!invalid.ok && 'faults' in invalid && invalid.faults.map((f) => f.path)).toEqual(['format', 'id', 'version', 'title', 'issuer', 'templates']);
  });

  test('sheet names Excel refuses', () => {
    expect(sheetNameProblem('Biểu 01')).toBeNull();
    for (const bad of ['', 'a[1]', 'a*', 'a?', 'a/b', 'a\\b', "'a", 'History', 'x'.repeat(32)]) expect(sheetNameProblem(bad)).not.toBeNull();
  });
});
