/**
 * Document symbols in both grammars (state: NUMBER[/YEAR]/TYPE-ISSUER[-UNIT]; Party:
 * NUMBER-TYPE/ISSUER), with spaces around the separators, `đ`/`Đ`, decomposed letters; and the text
 * folding names are compared after. Property tests: any symbol built from the grammar reads back to
 * its parts whatever the spacing, case of `đ` or normal form; nothing throws on any text.
 */
import fc from 'fast-check';
import { PARTY_TYPES, STATE_TYPES, foldText, parseSymbol, typeFromName } from '../../src/core/count/symbol';

describe('parseSymbol: the examples of Decree 30/2020 and of the Party', () => {
  test.each([
    ['824/QĐ-UBND', { grammar: 'state', number: '824', type: 'QĐ', issuer: 'UBND', units: [] }],
    ['05/2019/NQ-HĐND', { grammar: 'state', number: '05', year: '2019', type: 'NQ', issuer: 'HĐND', units: [] }],
    ['30191/TB-SNNMT-BTTĐC', { grammar: 'state', number: '30191', type: 'TB', issuer: 'SNNMT', units: ['BTTĐC'] }],
    ['123/UBND-VX', { grammar: 'state', number: '123', issuer: 'UBND', units: ['VX'] }],
    ['12/QyĐ-UBND', { grammar: 'state', number: '12', type: 'QyĐ', issuer: 'UBND', units: [] }],
    ['52-BC/TU', { grammar: 'party', number: '52', type: 'BC', issuer: 'TU', units: [] }],
    ['18541-CV/VPTW', { grammar: 'party', number: '18541', type: 'CV', issuer: 'VPTW', units: [] }],
    ['57-NQ/TW', { grammar: 'party', number: '57', type: 'NQ', issuer: 'TW', units: [] }],
    ['08-QĐi/TW', { grammar: 'party', number: '08', type: 'QĐi', issuer: 'TW', units: [] }],
    ['08 - QĐi / TW', { grammar: 'party', number: '08', type: 'QĐi', issuer: 'TW', units: [] }],
    ['824 / qđ - UBND', { grammar: 'state', number: '824', type: 'QĐ', issuer: 'UBND', units: [] }],
    ['824/QÐ-UBND', { grammar: 'state', number: '824', type: 'QĐ', issuer: 'UBND', units: [] }],
  ])('%s', (text, want) => {
    const s = parseSymbol(text);
    expect(s).not.toBeNull();
    const { grammar, number, type, issuer, units } = s as NonNullable<typeof s>;
    const got: Record<string, unknown> = { grammar, number, issuer, units };
    if (type !== undefined) got.type = type;
    if (s?.year !== undefined) got.year = s.year;
    expect(got).toEqual(want);
  });

  test('an official letter has no type; QĐ and QĐi, QĐ and QyĐ stay apart', () => {
    expect(parseSymbol('123/UBND-VX')?.type).toBeUndefined();
    expect(parseSymbol('08-QĐ/TU')?.type).toBe('QĐ');
    expect(parseSymbol('08-QĐi/TU')?.type).toBe('QĐi');
    expect(parseSymbol('08/QyĐ-UBND')?.type).toBe('QyĐ');
  });

  test.each(['', '   ', 'không số', '824', 'QĐ-UBND', '/QĐ-UBND', '824//QĐ-UBND', '824/QĐ--UBND', 'Công văn số 123'])('not a symbol: %j', (t) => {
    expect(parseSymbol(t)).toBeNull();
  });

  test('the type names of a "Loại văn bản" column', () => {
    expect(typeFromName('Quyết định', 'state')).toBe('QĐ');
    expect(typeFromName('quy định', 'party')).toBe('QĐi');
    expect(typeFromName('Quy định', 'state')).toBe('QyĐ');
    expect(typeFromName('Nghị quyết', undefined)).toBe('NQ');
    expect(typeFromName('Kết luận', 'party')).toBe('KL');
    expect(typeFromName('Thư cảm ơn', 'state')).toBeUndefined();
  });
});

describe('foldText', () => {
  test('NFC, case, spaces, the look-alike Ð, old-style tone placement', () => {
    expect(foldText('  Bộ   Nội vụ '.normalize('NFD'))).toBe('bộ nội vụ');
    expect(foldText('Uỷ ban nhân dân')).toBe(foldText('Ủy ban nhân dân'));
    expect(foldText('Thanh Hoá')).toBe(foldText('Thanh Hóa'));
    expect(foldText('ÐẢNG ỦY')).toBe('đảng ủy');
    expect(foldText('Ban\u00a0Bí thư')).toBe('ban bí thư');
  });
});

const digits = fc.stringMatching(/^[0-9]{1,6}$/);
const abbreviation = fc.stringMatching(/^[A-Z][A-ZĐ]{0,6}$/).filter((s) => !STATE_TYPES.map((t) => t.toUpperCase()).includes(s.toUpperCase()));
const space = fc.constantFrom('', ' ', '  ', '\u00a0');
const dForm = fc.constantFrom<'keep' | 'lower' | 'nfd'>('keep', 'lower', 'nfd');

function dress(s: string, form: 'keep' | 'lower' | 'nfd'): string {
  if (form === 'lower') return s.replace(/Đ/g, 'đ');
  if (form === 'nfd') return s.normalize('NFD');
  return s;
}

describe('property: symbols built from the grammars read back to their parts', () => {
  test('state: NUMBER/TYPE-ISSUER[-UNIT], any spacing around - and /, đ or Đ, NFC or NFD', () => {
    fc.assert(
      fc.property(digits, fc.constantFrom(...STATE_TYPES), abbreviation, fc.option(abbreviation, { nil: undefined }), space, space, dForm, (n, type, issuer, unit, s1, s2, form) => {
        const text = dress(`${n}${s1}/${s2}${type}${s1}-${s2}${issuer}${unit !== undefined ? `${s2}-${s1}${unit}` : ''}`, form);
        const p = parseSymbol(text);
        expect(p).not.toBeNull();
        expect(p?.grammar).toBe('state');
        expect(p?.number).toBe(n);
        expect(p?.type).toBe(type);
        expect(foldText(p?.issuer ?? '')).toBe(foldText(issuer));
        expect(p?.units.map(foldText)).toEqual(unit !== undefined ? [foldText(unit)] : []);
      }),
    );
  });

  test('party: NUMBER-TYPE/ISSUER, any spacing, đ or Đ, NFC or NFD', () => {
    fc.assert(
      fc.property(digits, fc.constantFrom(...PARTY_TYPES), abbreviation, space, space, dForm, (n, type, issuer, s1, s2, form) => {
        const p = parseSymbol(dress(`${n}${s1}-${s2}${type}${s2}/${s1}${issuer}`, form));
        expect(p?.grammar).toBe('party');
        expect(p?.number).toBe(n);
        expect(p?.type).toBe(type);
        expect(p?.knownType).toBe(true);
        expect(foldText(p?.issuer ?? '')).toBe(foldText(issuer));
      }),
    );
  });

  test('an official letter (no listed type first) has no type and its first part as issuer', () => {
    fc.assert(
      fc.property(digits, abbreviation, abbreviation, space, (n, issuer, unit, s) => {
        const p = parseSymbol(`${n}${s}/${s}${issuer}${s}-${s}${unit}`);
        expect(p?.type).toBeUndefined();
        expect(p?.issuer).toBe(issuer);
        expect(p?.units).toEqual([unit]);
      }),
    );
  });

  test('any text: parseSymbol never throws, and the parse of a symbol\'s canonical text is the same', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (t) => {
        const p = parseSymbol(t);
        if (p !== null) {
          const again = parseSymbol(p.text);
          expect(again && { ...again, text: '' }).toEqual({ ...p, text: '' });
        }
      }),
    );
  });
});
