/**
 * The screen models of src/ui/model, shared by the pane and the web page, tested without a page:
 * the units field of Tổng hợp, the count of sources included, the faults of a pack listed.
 */
import { unitsField } from '../../src/ui/model/units-field';
import { includedCount } from '../../src/ui/model/counts';
import { parseUnitsText } from '../../src/core/units';
import { faultLine, faultsShown, SHOWN_FAULTS } from '../../src/ui/model/pack-faults';
import type { PackFault } from '../../src/core/forms/pack';

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

describe('pack faults, as the pane and the web page list them', () => {
  const fault = (i: number): PackFault => ({ path: i === 0 ? '' : `templates[${i}].id`, code: 'required', message: { vi: `lỗi ${i}`, en: `fault ${i}` } });

  test('the first eight, then how many more', () => {
    const { shown, more } = faultsShown(Array.from({ length: 11 }, (_, i) => fault(i)));
    expect(shown).toHaveLength(SHOWN_FAULTS);
    expect(SHOWN_FAULTS).toBe(8);
    expect(more).toBe(3);
    expect(shown.map((f) => faultLine(f, 'vi')).slice(0, 2)).toEqual(['(…): lỗi 0', 'templates[1].id: lỗi 1']);
    expect(faultLine(shown[1], 'en')).toBe('templates[1].id: fault 1');
  });

  test('a few: all of them, none more', () => {
    expect(faultsShown([fault(1), fault(2)])).toEqual({ shown: [fault(1), fault(2)], more: 0 });
  });
});
