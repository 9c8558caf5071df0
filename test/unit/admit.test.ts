/**
 * Admission (`core/combine/admit`): the one step that decides which sources a consolidation or a roll-up
 * takes in, its refusals typed by id with the catalogue's words (`core/combine/admission-words`), its notes
 * added up per source; and no sentence written inside the rules of admission.
 */
import * as fs from 'fs';
import * as path from 'path';
import { admit, sourceResults, CONSOLIDATION } from '../../src/core/combine/admit';
import { ROLL_UP } from '../../src/core/combine/rollup-rules';
import { NOTE_WORDS, REFUSAL_WORDS } from '../../src/core/combine/admission-words';
import { BUILTIN_CATALOG } from '../../src/core/forms/builtin';
import type { SourceSummary } from '../../src/core/combine/consolidate';

const templates = BUILTIN_CATALOG.templates();

function source(file: string, over: Partial<SourceSummary> = {}): SourceSummary {
  return {
    file,
    sha256: null,
    errors: 0,
    warnings: 0,
    readError: null,
    unit: file.replace(/\.xlsx$/, ''),
    label: file.replace(/\.xlsx$/, ''),
    reportNo: '',
    reportDate: null,
    period: { from: '2025-06-15', to: '2025-07-14' },
    tables: [{ templateId: 'b01', version: 1, rows: [[1, 2]] }],
    emptyTables: [],
    ...over,
  };
}

describe('admit', () => {
  test('consolidation: the same unit twice is refused by id, in the catalogue words, each file noted', () => {
    const a = source('a.xlsx', { label: 'Xã A' });
    const b = source('b.xlsx', { label: 'xã  a' });
    const c = source('c.xlsx', { label: 'Xã C' });
    const r = admit([a, b, c], CONSOLIDATION, { templates });
    expect(r.refusals.map((x) => x.kind)).toEqual(['duplicate']);
    expect(r.refusals[0].files).toEqual(['a.xlsx', 'b.xlsx']);
    expect(r.refusals[0].message).toEqual(REFUSAL_WORDS.duplicate('Xã A', ['a.xlsx', 'b.xlsx']));
    expect(r.admitted).toEqual([]);
    const results = sourceResults([a, b, c], r, 'consolidate');
    expect(results.map((x) => x.reason?.vi)).toEqual(['cùng đơn vị với b.xlsx', 'cùng đơn vị với a.xlsx', 'không tổng hợp vì các tệp khác có vấn đề']);
  });

  test('a source both of another period and a duplicate unit gets both notes, in the order of the rules', () => {
    const a = source('a.xlsx', { label: 'Xã A' });
    const b = source('b.xlsx', { label: 'Xã A', period: { from: '2025-07-15', to: '2025-08-14' } });
    const r = admit([a, b], CONSOLIDATION, { templates });
    expect(r.refusals.map((x) => x.kind)).toEqual(['period', 'duplicate']);
    expect(r.notes.get(b)?.en).toBe(`${NOTE_WORDS.periodDiffers(b.period).en}; ${NOTE_WORDS.sameUnit(['a.xlsx']).en}`);
  });

  test('an empty table counts as an error in a roll-up as in a consolidation: refused, the table named; admitted and flagged with the switch', () => {
    const a = source('a.xlsx', { unit: 'Xã A' });
    const b = source('b.xlsx', { unit: 'Xã A', period: { from: '2025-07-15', to: '2025-08-14' }, emptyTables: ['Biểu 01'] });
    const refused = admit([a, b], ROLL_UP, { templates });
    expect(refused.refusals.map((x) => x.kind)).toEqual(['errors']);
    expect(refused.refusals[0].message.vi).toBe('1 tệp có lỗi khi kiểm tra: b.xlsx (Biểu 01 chưa nhập số liệu) (sửa lỗi, hoặc dùng --allow-errors để vẫn lũy kế và đánh dấu).');
    const allowed = admit([a, b], ROLL_UP, { templates, allowErrors: true });
    expect(allowed.refusals).toEqual([]);
    expect(allowed.admitted).toEqual([a, b]);
    expect(sourceResults([a, b], allowed, 'rollup')[1].reason?.vi).toBe('có 1 lỗi khi kiểm tra (Biểu 01 chưa nhập số liệu); vẫn lũy kế (--allow-errors)');
  });

  test('unreadable files: consolidation goes on without them when errors are allowed, a roll-up never', () => {
    const a = source('a.xlsx');
    const bad = source('hong.xlsx', { readError: { vi: 'Tệp hỏng.', en: 'Corrupt.' }, tables: [] });
    expect(admit([a, bad], CONSOLIDATION, { templates, allowErrors: true }).admitted).toEqual([a]);
    const r = admit([a, bad], ROLL_UP, { templates, allowErrors: true });
    expect(r.refusals.map((x) => x.kind)).toEqual(['unreadable']);
    expect(r.refusals[0].message).toEqual({ vi: 'Không đọc được 1 tệp: hong.xlsx.', en: '1 file(s) cannot be read: hong.xlsx.' });
    expect(r.notes.get(bad)).toEqual({ vi: 'Tệp hỏng.', en: 'Corrupt.' });
  });

  test('a roll-up refuses a period without a table; a consolidation leaves it out with a note', () => {
    const a = source('a.xlsx', { unit: 'Xã A', label: 'Xã A' });
    const b = source('b.xlsx', { unit: 'Xã A', label: 'Xã B', period: { from: '2025-07-15', to: '2025-08-14' }, tables: [] });
    expect(admit([a, b], ROLL_UP, { templates }).refusals.map((x) => x.kind)).toEqual(['tables']);
    const c = admit([a, { ...b, period: a.period }], CONSOLIDATION, { templates });
    expect(c.refusals).toEqual([]);
    expect(c.admitted).toEqual([a]);
    expect([...c.notes.values()]).toEqual([NOTE_WORDS.noTable()]);
  });

  test('the rules of admission write no sentence: their words are the catalogue\'s', () => {
    for (const f of ['combine/admit.ts', 'combine/rollup-rules.ts', 'history/history-admit.ts']) {
      const text = fs.readFileSync(path.join(__dirname, '..', '..', 'src', 'core', f), 'utf8');
      expect({ f, vi: /\bvi:\s*[`'"]/.test(text) }).toEqual({ f, vi: false });
    }
  });
});
