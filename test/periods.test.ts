import { customRangeProblem, defaultPeriod, identifyPeriod, periodName, periodRange, rangeText } from '../src/core/periods';
import type { PeriodChoice } from '../src/core/periods';

describe('periodRange (Decree 09/2019/NĐ-CP: figures closed on the 14th)', () => {
  test('a month runs from the 15th of the previous month to the 14th', () => {
    expect(periodRange({ kind: 'month', year: 2025, month: 11 })).toEqual({ from: '2025-10-15', to: '2025-11-14' });
    expect(periodRange({ kind: 'month', year: 2024, month: 3 })).toEqual({ from: '2024-02-15', to: '2024-03-14' });
  });

  test('January starts on 15 December of the previous year', () => {
    expect(periodRange({ kind: 'month', year: 2026, month: 1 })).toEqual({ from: '2025-12-15', to: '2026-01-14' });
  });

  test('quarters start on the 15th of the month before the quarter and end on the 14th of its last month', () => {
    expect(periodRange({ kind: 'quarter', year: 2025, quarter: 1 })).toEqual({ from: '2024-12-15', to: '2025-03-14' });
    expect(periodRange({ kind: 'quarter', year: 2025, quarter: 2 })).toEqual({ from: '2025-03-15', to: '2025-06-14' });
    expect(periodRange({ kind: 'quarter', year: 2025, quarter: 3 })).toEqual({ from: '2025-06-15', to: '2025-09-14' });
    expect(periodRange({ kind: 'quarter', year: 2025, quarter: 4 })).toEqual({ from: '2025-09-15', to: '2025-12-14' });
  });

  test('6 months, 9 months and the year all start on 15/12 of the previous year', () => {
    expect(periodRange({ kind: 'halfYear', year: 2025 })).toEqual({ from: '2024-12-15', to: '2025-06-14' });
    expect(periodRange({ kind: 'nineMonths', year: 2025 })).toEqual({ from: '2024-12-15', to: '2025-09-14' });
    expect(periodRange({ kind: 'year', year: 2025 })).toEqual({ from: '2024-12-15', to: '2025-12-14' });
  });

  test('a custom range is kept as given when valid and refused otherwise', () => {
    expect(periodRange({ kind: 'custom', from: '2025-07-01', to: '2025-10-15' })).toEqual({ from: '2025-07-01', to: '2025-10-15' });
    expect(() => periodRange({ kind: 'custom', from: '2025-10-16', to: '2025-10-15' })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'custom', from: '2025-02-30', to: '2025-10-15' })).toThrow(RangeError);
  });

  test('impossible months, quarters and years are refused', () => {
    expect(() => periodRange({ kind: 'month', year: 2025, month: 13 })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'month', year: 2025, month: 0 })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'quarter', year: 2025, quarter: 5 })).toThrow(RangeError);
    expect(() => periodRange({ kind: 'year', year: 2025.5 })).toThrow(RangeError);
  });
});

describe('customRangeProblem', () => {
  test('names the problem in both languages', () => {
    expect(customRangeProblem('2025-07-01', '2025-10-15')).toBeNull();
    expect(customRangeProblem('2025-07-01', '2025-07-01')).toBeNull();
    expect(customRangeProblem('2025-10-16', '2025-10-15')?.vi).toBe('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.');
    expect(customRangeProblem('', '2025-10-15')?.en).toBe('The start date is not a valid date.');
    expect(customRangeProblem('2025-07-01', '2025-13-01')?.en).toBe('The end date is not a valid date.');
  });
});

describe('identifyPeriod', () => {
  const all: PeriodChoice[] = [
    { kind: 'month', year: 2025, month: 1 },
    { kind: 'month', year: 2025, month: 6 },
    { kind: 'month', year: 2025, month: 12 },
    { kind: 'quarter', year: 2025, quarter: 1 },
    { kind: 'quarter', year: 2025, quarter: 4 },
    { kind: 'halfYear', year: 2025 },
    { kind: 'nineMonths', year: 2025 },
    { kind: 'year', year: 2024 },
  ];
  test.each(all.map((c) => [JSON.stringify(c), c]))('finds %s again from its dates', (_name, c) => {
    expect(identifyPeriod(periodRange(c as PeriodChoice))).toEqual(c);
  });

  test('anything else is custom', () => {
    expect(identifyPeriod({ from: '2025-07-01', to: '2025-10-15' })).toEqual({ kind: 'custom', from: '2025-07-01', to: '2025-10-15' });
    expect(identifyPeriod({ from: '', to: '' })).toEqual({ kind: 'custom', from: '', to: '' });
  });
});

describe('names and text', () => {
  test('periodName', () => {
    expect(periodName({ kind: 'quarter', year: 2025, quarter: 4 })).toEqual({ vi: 'Quý IV/2025', en: 'Quarter 4/2025' });
    expect(periodName({ kind: 'halfYear', year: 2025 }).vi).toBe('6 tháng đầu năm 2025');
    expect(periodName({ kind: 'month', year: 2025, month: 11 }).vi).toBe('Tháng 11/2025');
  });
  test('rangeText writes dates as administrative documents do', () => {
    expect(rangeText({ from: '2025-07-01', to: '2025-10-15' }).vi).toBe('Từ ngày 01/7/2025 đến ngày 15/10/2025');
  });
  test('defaultPeriod is the month that closed last', () => {
    expect(defaultPeriod('2025-11-14')).toEqual({ kind: 'month', year: 2025, month: 10 });
    expect(defaultPeriod('2025-11-15')).toEqual({ kind: 'month', year: 2025, month: 11 });
    expect(defaultPeriod('2026-01-03')).toEqual({ kind: 'month', year: 2025, month: 12 });
  });
});
