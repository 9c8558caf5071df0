import { parseAddress, parseRange, rangeAddress } from '../../src/core/a1';
import { normalizeFormula, ratioFormula, sameFormula, sumFormula } from '../../src/core/forms/formulas';

describe('parseAddress', () => {
  test.each([
    ['B8', { row: 8, col: 2 }],
    ['$B$8', { row: 8, col: 2 }],
    ['b8', { row: 8, col: 2 }],
    [' B8 ', { row: 8, col: 2 }],
    ['XFD1048576', { row: 1048576, col: 16384 }],
    ['AA10', { row: 10, col: 27 }],
  ])('%s', (a, pos) => expect(parseAddress(a)).toEqual(pos));

  test.each(['XFE1', 'A0', 'AAAA1', 'B', '8', 'A12345678', 'A1048577', '', 'B8:C9', "'Biểu 01'!B8"])('%s is not a cell address', (a) => {
    expect(() => parseAddress(a)).toThrow(/not an A1 cell address/);
  });

  test('ranges drop the sheet prefix and order their corners', () => {
    expect(rangeAddress(parseRange("'Biểu 01'!$G$10:$B$8"))).toBe('B8:G10');
  });
});

describe('sumFormula', () => {
  test('a run in one row or one column is a range', () => {
    expect(sumFormula(['B8', 'C8', 'D8'])).toBe('=SUM(B8:D8)');
    expect(sumFormula(['B8', 'B9', 'B10'])).toBe('=SUM(B8:B10)');
    expect(sumFormula(['Z8', 'AA8'])).toBe('=SUM(Z8:AA8)');
  });
  test('anything else lists its cells', () => {
    expect(sumFormula(['B8', 'D8', 'E8'])).toBe('=SUM(B8,D8,E8)');
    expect(sumFormula(['B8', 'C8', 'C9'])).toBe('=SUM(B8,C8,C9)');
    expect(sumFormula(['C8', 'B8'])).toBe('=SUM(C8,B8)');
    expect(sumFormula(['B8'])).toBe('=SUM(B8)');
    expect(sumFormula([])).toBe('=0');
  });
});

describe('comparing formulas', () => {
  test('$, case and spaces outside strings do not matter; strings do', () => {
    expect(sameFormula('=sum($B$8 : G8)', '=SUM(B8:G8)')).toBe(true);
    expect(normalizeFormula(ratioFormula('D8', 'C8'))).toBe('=IF(N(C8)=0,"",D8/C8)');
    expect(sameFormula('=IF(N(C8)=0," ",D8/C8)', ratioFormula('D8', 'C8'))).toBe(false);
    expect(sameFormula('', '=SUM(B8)')).toBe(false);
    expect(sameFormula(null, '=SUM(B8)')).toBe(false);
  });
});
