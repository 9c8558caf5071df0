import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, parseCountText, thousandsSuggestion } from '../../src/core/numbers';
import { isReportNumber, reportNumberForm } from '../../src/core/report';

describe('parseCountText', () => {
  test.each([
    ['1.292', 1292],
    ['1.292.000', 1292000],
    [' 45 ', 45],
    ['1 292', 1292],
    ['1\u00A0292', 1292],
    ['1\u2009292', 1292],
    ['1\u202F292\u202F000', 1292000],
    ['0', 0],
    ['007', 7],
    ['+12', 12],
    ['1.292,00', 1292],
    ['１２３', 123],
  ])('%j is the count %d', (text, n) => {
    expect(parseCountText(text)).toEqual({ kind: 'count', value: n });
  });

  test('"1,292" is thousands with English separators and a fraction 1.292 with Vietnamese ones', () => {
    expect(parseCountText('1,292', EN_SEPARATORS)).toEqual({ kind: 'count', value: 1292 });
    expect(parseCountText('1,292', VI_SEPARATORS)).toEqual({ kind: 'fraction', value: 1.292 });
  });

  test('"1,292,000" (two or more "," groups) is thousands whatever the separators: it cannot be a decimal', () => {
    expect(parseCountText('1,292,000', VI_SEPARATORS)).toEqual({ kind: 'count', value: 1292000 });
    expect(parseCountText('1,292,000', EN_SEPARATORS)).toEqual({ kind: 'count', value: 1292000 });
    expect(parseCountText('-1,292,000', VI_SEPARATORS)).toEqual({ kind: 'negative', value: -1292000 });
    expect(parseCountText('1,292,00', VI_SEPARATORS).kind).toBe('text');
  });

  test('a leading group starting with 0 is no thousands group: "0.123" is the fraction 0.123, not 123', () => {
    expect(parseCountText('0.123', VI_SEPARATORS)).toEqual({ kind: 'fraction', value: 0.123 });
    expect(parseCountText('0.123', EN_SEPARATORS)).toEqual({ kind: 'fraction', value: 0.123 });
    expect(parseCountText('0,123', EN_SEPARATORS)).toEqual({ kind: 'fraction', value: 0.123 });
    expect(parseCountText('00.123').kind).not.toBe('count');
    expect(parseCountText('0\u00A0123').kind).not.toBe('count');
  });

  test('a whole number beyond 2^53 − 1 written as text is too large, not "not a number"', () => {
    expect(parseCountText('99999999999999999999')).toEqual({ kind: 'too-large' });
    expect(parseCountText('1.000.000.000.000.000.000')).toEqual({ kind: 'too-large' });
    // A whole part beyond 2^53 − 1 before decimals (found by the fuzzing campaign: it read as NaN).
    expect(parseCountText('1111111111111111111111.292')).toEqual({ kind: 'too-large' });
    expect(parseCountText('111111111111111111111111111111,9', VI_SEPARATORS)).toEqual({ kind: 'too-large' });
    expect(parseCountText('9007199254740991')).toEqual({ kind: 'count', value: 9007199254740991 });
  });

  test('"1.292" stays thousands even with English separators (a count has no 3-digit decimals)', () => {
    expect(parseCountText('1.292', EN_SEPARATORS)).toEqual({ kind: 'count', value: 1292 });
  });

  test.each([
    ['1,5', 1.5],
    ['1.292,5', 1292.5],
    ['2.5', 2.5],
  ])('%j is the fraction %d', (text, x) => {
    expect(parseCountText(text)).toEqual({ kind: 'fraction', value: x });
  });

  test('negatives', () => {
    expect(parseCountText('-5')).toEqual({ kind: 'negative', value: -5 });
    expect(parseCountText('−1.292')).toEqual({ kind: 'negative', value: -1292 });
    expect(parseCountText('-0')).toEqual({ kind: 'count', value: 0 });
  });

  test.each(['12 văn bản', 'abc', '1.2.3', '12.34.5', '1e3', 'Infinity', 'NaN', '0x10', '1 2', '-', '1..2', '1.2929'])('%j is not a count', (text) => {
    expect(parseCountText(text).kind).not.toBe('count');
  });

  test('blank', () => {
    expect(parseCountText('')).toEqual({ kind: 'blank' });
    expect(parseCountText(' \u00A0\t')).toEqual({ kind: 'blank' });
  });
});

describe('thousandsSuggestion', () => {
  test('three decimals look like a thousands group', () => {
    expect(thousandsSuggestion(1.292)).toBe(1292);
    expect(thousandsSuggestion(132.965)).toBe(132965);
    expect(thousandsSuggestion(340.309)).toBe(340309);
  });
  test('no suggestion when the whole part cannot be a first thousands group (0.123, 1234.567)', () => {
    for (const x of [0.123, 0.5, 1234.567, 12345.678]) expect(thousandsSuggestion(x)).toBeNull();
    expect(thousandsSuggestion(999.999)).toBe(999999);
  });
  test('other fractions have no suggestion', () => {
    for (const x of [1.5, 1.29, 1.2921, 12, -1.292, NaN, Infinity, 1e-7]) expect(thousandsSuggestion(x)).toBeNull();
  });
});

describe('formatNumber', () => {
  test('vi-VN by default, en on request', () => {
    expect(formatNumber(1292)).toBe('1.292');
    expect(formatNumber(486563)).toBe('486.563');
    expect(formatNumber(-20)).toBe('-20');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(4632.5)).toBe('4.632,5');
    expect(formatNumber(1234567, EN_SEPARATORS)).toBe('1,234,567');
    expect(formatNumber(NaN)).toBe('NaN');
  });
});

describe('report numbers', () => {
  test.each([
    ['52-BC/TU', 'party'],
    ['15-NQ/TW', 'party'],
    ['18541-CV/VPTW', 'party'],
    ['12-QĐ/ĐU', 'party'],
    ['123/BC-UBND', 'state'],
    ['01/2023/QĐ-UBND', 'state'],
    ['15/2020/NĐ-CP', 'state'],
    ['45/QĐ-TTg', 'state'],
    ['456/UBND-VX', 'state'],
    ['12/NQ-HĐND', 'state'],
  ])('%s is a %s number', (no, form) => {
    expect(reportNumberForm(no)).toBe(form);
  });

  test.each(['', '52', 'BC số 52', '52/BC', '52-BC', '52-bc/tu', '123/bc-ubnd', '01/1800/QĐ-UBND', '52 - BC/TU', 'số 52-BC/TU', '12-QÐ/ĐU' /* Icelandic Ð */, '-52-BC/TU'])('%j is not a report number', (no) => {
    expect(isReportNumber(no)).toBe(false);
  });
});
