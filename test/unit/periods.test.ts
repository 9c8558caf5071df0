import { customRangeProblem, defaultPeriod, identifyPeriod, periodName, periodRange, rangeText } from '../../src/core/periods';
import { daysInclusive } from '../../src/core/dates';
import type { PeriodChoice } from '../../src/core/periods';

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

describe('leap years and year boundaries', () => {
  const days = (r: { from: string; to: string }): number => daysInclusive(r.from, r.to);

  test('February of a leap year: 15/01–14/02 either way; March 2024 spans 29 February', () => {
    expect(periodRange({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-01-15', to: '2024-02-14' });
    expect(days(periodRange({ kind: 'month', year: 2024, month: 3 }))).toBe(29);
    expect(days(periodRange({ kind: 'month', year: 2025, month: 3 }))).toBe(28);
    expect(days(periodRange({ kind: 'month', year: 2000, month: 3 }))).toBe(29);
    expect(days(periodRange({ kind: 'month', year: 2100, month: 3 }))).toBe(28);
  });

  test('quarter I, 6 months, 9 months and the year cross into the previous year', () => {
    expect(periodRange({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ from: '2023-12-15', to: '2024-03-14' });
    expect(days(periodRange({ kind: 'quarter', year: 2024, quarter: 1 }))).toBe(91);
    expect(days(periodRange({ kind: 'quarter', year: 2025, quarter: 1 }))).toBe(90);
    expect(periodRange({ kind: 'halfYear', year: 2024 })).toEqual({ from: '2023-12-15', to: '2024-06-14' });
    expect(days(periodRange({ kind: 'halfYear', year: 2024 }))).toBe(183);
    expect(periodRange({ kind: 'nineMonths', year: 2028 })).toEqual({ from: '2027-12-15', to: '2028-09-14' });
    expect(days(periodRange({ kind: 'year', year: 2024 }))).toBe(366);
    expect(days(periodRange({ kind: 'year', year: 2025 }))).toBe(365);
    expect(periodRange({ kind: 'year', year: 2000 })).toEqual({ from: '1999-12-15', to: '2000-12-14' });
  });

  test('the four quarters and the twelve months tile the year with no gap and no overlap', () => {
    for (const year of [2024, 2025]) {
      const months = Array.from({ length: 12 }, (_, i) => periodRange({ kind: 'month', year, month: i + 1 }));
      const quarters = [1, 2, 3, 4].map((quarter) => periodRange({ kind: 'quarter', year, quarter }));
      for (const list of [months, quarters]) {
        expect(list[0].from).toBe(`${year - 1}-12-15`);
        expect(list[list.length - 1].to).toBe(`${year}-12-14`);
        for (let i = 1; i < list.length; i++) expect(daysInclusive(list[i - 1].to, list[i].from)).toBe(2);
        expect(list.reduce((n, r) => n + days(r), 0)).toBe(days(periodRange({ kind: 'year', year })));
      }
    }
  });

  test('the first allowed year starts in 1900; the previous year is refused', () => {
    expect(periodRange({ kind: 'month', year: 1901, month: 1 })).toEqual({ from: '1900-12-15', to: '1901-01-14' });
    expect(() => periodRange({ kind: 'month', year: 1900, month: 12 })).toThrow(RangeError);
  });

  test('identifyPeriod across the year boundary, defaultPeriod around the 14th and New Year', () => {
    expect(identifyPeriod({ from: '2024-12-15', to: '2025-01-14' })).toEqual({ kind: 'month', year: 2025, month: 1 });
    expect(identifyPeriod({ from: '2023-12-15', to: '2024-03-14' })).toEqual({ kind: 'quarter', year: 2024, quarter: 1 });
    expect(identifyPeriod({ from: '2024-12-14', to: '2025-01-14' })).toEqual({ kind: 'custom', from: '2024-12-14', to: '2025-01-14' });
    expect(defaultPeriod('2026-01-14')).toEqual({ kind: 'month', year: 2025, month: 12 });
    expect(defaultPeriod('2026-01-15')).toEqual({ kind: 'month', year: 2026, month: 1 });
    expect(defaultPeriod('2024-02-29')).toEqual({ kind: 'month', year: 2024, month: 2 });
    expect(defaultPeriod('2024-03-01')).toEqual({ kind: 'month', year: 2024, month: 2 });
  });

  test('rangeText pads day, and months 1 and 2, as Decree 30 writes dates', () => {
    expect(rangeText(periodRange({ kind: 'quarter', year: 2024, quarter: 1 }))).toEqual({
      vi: 'Từ ngày 15/12/2023 đến ngày 14/3/2024',
      en: 'From 15/12/2023 to 14/3/2024',
    });
    expect(rangeText(periodRange({ kind: 'month', year: 2024, month: 2 })).vi).toBe('Từ ngày 15/01/2024 đến ngày 14/02/2024');
  });
});
