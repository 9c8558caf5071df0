/**
 * Vietnamese numbers in running text (core/tieout/text-numbers): each case of the tie-out's contract, and
 * properties over the parser.
 */
import fc from 'fast-check';
import { findNumbers, parseNumberToken, thousandsOf, writeCount } from '../../src/core/tieout/text-numbers';

const values = (text: string, th: '.' | ',' = '.'): number[] => findNumbers(text, th).map((n) => n.value);

describe('figures read', () => {
  test('dot thousands, plain, decimal comma, percent with and without a space', () => {
    expect(values('tổng số 9.375 trường hợp')).toEqual([9375]);
    expect(values('là 1325/1325 thủ tục')).toEqual([1325]);
    const pct = findNumbers('đạt 12,5% và 0,5 điểm, tỷ lệ 100 %');
    expect(pct.map((n) => [n.value, n.percent, n.decimals])).toEqual([
      [12.5, true, 1],
      [0.5, false, 1],
      [100, true, 0],
    ]);
  });

  test('leading zeros and x of y', () => {
    expect(values('mô hình 02 cấp; 07 nền tảng')).toEqual([2, 7]);
    const xy = findNumbers('Sở Nông nghiệp và Môi trường (08/8): …; 898/898 thủ tục');
    expect(xy.map((n) => [n.value, n.of])).toEqual([
      [8, 8],
      [898, 898],
    ]);
  });

  test('numbers glued to words', () => {
    expect(values('(7.433Token, 455SIMPKI)')).toEqual([7433, 455]);
  });

  test('not figures: dates, document symbols, list markers, section numbers, term years, ranges, glued after letters', () => {
    expect(values('Từ ngày 01/7/2025 đến 15/10/2025; ngày 14 /11/2025; ngày 08/8')).toEqual([]);
    expect(values('Báo cáo số 52-BC/TU, số 52 -BC/TU, Công văn 18541-CV/VPTW, Quyết định số 824/QĐ-UBND, số 28/2019/QĐ-UBND')).toEqual([]);
    expect(values('gồm: (1) Đề án; (2) Quyết định; (10) Quy chế')).toEqual([]);
    expect(values('3.5. Về áp dụng công nghệ thông tin')).toEqual([]);
    expect(values('1. Về tình hình ban hành văn bản')).toEqual([]);
    expect(values('nhiệm kỳ 2020 - 2025 và 2025 – 2030; trước 2-3 ngày')).toEqual([]);
    expect(values('Nền tảng LGSP2 và IOC')).toEqual([]);
  });

  test('a document written with comma thousands is read as such when its numbers show it', () => {
    expect(thousandsOf(['3,341', '132,965', '10,669', '5'])).toBe(',');
    expect(thousandsOf(['9.375 trường hợp', '12,5%'])).toBe('.');
    expect(values('3,341 và 132,965', ',')).toEqual([3341, 132965]);
    expect(values('3,341 và 132,965', '.')).toEqual([3.341, 132.965]);
  });

  test('tokens that are not one number in the separators', () => {
    expect(parseNumberToken('1.2.3')).toBeNull();
    expect(parseNumberToken('1.2345')).toBeNull();
    expect(parseNumberToken('1.234,5')).toEqual({ value: 1234.5, decimals: 1 });
  });
});

describe('properties', () => {
  const word = fc.constantFrom('văn bản', 'trường hợp', 'TTHC', 'hội nghị', 'thủ tục cấp xã');

  test('a whole number written with dot thousands reads back, in any sentence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_999 }), word, fc.constantFrom('tổng số ', 'đã ban hành ', 'là ', ''), (n, w, before) => {
        const text = `${before}${writeCount(n)} ${w}.`;
        const got = findNumbers(text);
        expect(got.map((x) => x.value)).toEqual([n]);
        expect(text.slice(got[0].start, got[0].end)).toBe(writeCount(n));
      }),
    );
  });

  test('comma thousands read back in a comma document', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1000, max: 99_999_999 }), { minLength: 1, maxLength: 6 }), (ns) => {
        const texts = ns.map((n) => writeCount(n, ','));
        expect(thousandsOf(texts)).toBe(',');
        expect(values(texts.join(' và '), ',')).toEqual(ns);
      }),
    );
  });

  test('a date is never a figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2099 }), fc.boolean(), fc.boolean(), (d, m, y, pad, spaced) => {
        const dd = pad ? String(d).padStart(2, '0') : String(d);
        const text = `ngày ${dd}${spaced ? ' ' : ''}/${m}/${y} của Ban`;
        expect(values(text)).toEqual([]);
      }),
    );
  });

  test('a document symbol is never a figure', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('-BC/TU', '/QĐ-UBND', '-CV/VPTW', '/KH-UBND', '/2019/QĐ-UBND', ' -BC/TU'), (n, sym) => {
        expect(values(`Quyết định số ${n}${sym} ngày 27/8/2025`)).toEqual([]);
      }),
    );
  });

  test('a decimal comma reads with its decimals, a percentage as one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }), fc.boolean(), (i, d, space) => {
        const got = findNumbers(`đạt ${i},${d}${space ? ' ' : ''}%`);
        expect(got).toHaveLength(1);
        expect(got[0].value).toBeCloseTo(i + d / 10, 10);
        expect(got[0].percent).toBe(true);
        expect(got[0].decimals).toBe(1);
      }),
    );
  });

  test('never throws and every figure lies inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom<'.' | ','>('.', ','), (text, th) => {
        for (const n of findNumbers(text, th)) {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.end).toBeLessThanOrEqual(text.length);
          expect(Number.isFinite(n.value)).toBe(true);
        }
      }),
    );
  });
});
