/**
 * The screen models of src/ui/model, shared by the pane and the web page, tested without a page:
 * the units field of Tổng hợp and the count of sources included.
 */
import { unitsField } from '../src/ui/model/units';
import { includedCount } from '../src/ui/model/counts';
import { parseUnitsText } from '../src/core/units';

describe('unitsField', () => {
  test('blank: no list, no problem', () => {
    expect(unitsField('', 'vi')).toEqual({ units: null, problem: '' });
    expect(unitsField('  \n\t\n', 'en')).toEqual({ units: null, problem: '' });
  });

  test('a list: the units as the command line reads them, groups included', () => {
    const text = 'Xã 1\tNhóm A\nXã 2\tNhóm A\nXã 3\n';
    const field = unitsField(text, 'vi');
    expect(field.problem).toBe('');
    expect(field.units).toEqual(parseUnitsText(text));
    expect(field.units?.map((u) => u.unit)).toEqual(['Xã 1', 'Xã 2', 'Xã 3']);
  });

  test('a list that cannot be read: its reason in the page’s language, no units', () => {
    const text = 'Xã 1\nXã 1\n';
    const vi = unitsField(text, 'vi');
    const en = unitsField(text, 'en');
    expect(vi.units).toBeNull();
    expect(vi.problem).not.toBe('');
    expect(en.problem).not.toBe('');
    expect(vi.problem).not.toBe(en.problem);
    expect(() => parseUnitsText(text)).toThrow(en.problem);
  });
});

test('includedCount: the sources that went in', () => {
  expect(includedCount({ sources: [] })).toBe(0);
  expect(includedCount({ sources: [{ included: true }, { included: false }, { included: true }] })).toBe(2);
});
