/**
 * Document registers as e-office systems export them (`readRegister`, src/xlsx/register-read): an
 * `.xlsx` whose parts are broken as the SpreadsheetML targets break them, or a `.csv` broken as
 * units lists are (quotes, separators, byte-order marks, UTF-16, lines of up to 10 MB) and more:
 * letters decomposed (NFD), dates as odd text, `__proto__` and `constructor` as headers and values.
 */
import { readRegister } from '../../../src/xlsx/register-read';
import { awkwardChar, insertAt, run, textMutator, utf8 } from '../mutate';
import type { Rng } from '../prng';
import { defect, defectOf, finding, refusal, type FuzzTarget, type Mutator } from '../target';
import { registerSeeds } from '../seeds';
import { UNITS_MUTATORS } from './units';
import { xmlMutators } from './spreadsheetml';

function partWeight(name: string): number {
  if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) return 6;
  if (name === 'xl/workbook.xml' || name === 'xl/sharedStrings.xml') return 2;
  if (name === 'xl/styles.xml' || name.endsWith('.rels')) return 1;
  return 0.2;
}

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b;

/** A CSV mutator left out on a zip (the XML mutators break those). */
function csvOnly(m: Mutator): Mutator {
  return {
    ...m,
    apply: (input, rng, seeds) => (isZip(input) ? input : m.apply(input, rng, seeds)),
  };
}

const ODD_DATES = [
  '31/02/2025',
  '00/00/0000',
  '1/13/2025',
  '2025-13-45',
  '15.10.2025',
  '15 - 10 - 2025',
  '15/10/25',
  '15/10/99999',
  '١٥/١٠/٢٠٢٥',
  '１５/１０/２０２５',
  '15\u00a0/10/2025',
  '45678',
  '-1',
  '1e308',
  'NaN',
  '',
  ' ',
  'ngày 15 tháng 10 năm 2025',
  '2025-10-15T25:61:00Z',
  '15/10/2025 10:00',
  run('1', 5000),
  run('/', 5000),
  '__proto__',
  'constructor',
];

function oddDate(rng: Rng): string {
  return rng.chance(0.8) ? rng.pick(ODD_DATES) : `${rng.range(-5, 40)}/${rng.range(-1, 14)}/${rng.range(-1, 100000)}`;
}

const DATE_LIKE = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/g;

export const REGISTER_MUTATORS: Mutator[] = [
  ...xmlMutators(partWeight),
  ...UNITS_MUTATORS.map(csvOnly),
  csvOnly(textMutator('nfd', 2, (s, rng) => (rng.chance(0.5) ? s.normalize('NFD') : s.replace(/[\u0080-\uffff]+/g, (m) => (rng.chance(0.5) ? m.normalize('NFD') : m))))),
  csvOnly(textMutator('odd-dates', 4, (s, rng) => s.replace(DATE_LIKE, (m) => (rng.chance(0.4) ? oddDate(rng) : m)))),
  csvOnly(
    textMutator('odd-headers', 2, (s, rng) => {
      const lines = s.split('\n');
      const at = rng.int(Math.min(lines.length, 4));
      lines[at] = lines[at].replace(/[^,;\t]+/g, (m) =>
        rng.chance(0.3) ? rng.pick(['__proto__', 'constructor', 'prototype', 'toString', 'Ngày tháng', 'Số, ký hiệu', '"Số, ký hiệu"', run('Ngày ', rng.size(2000))]) : m,
      );
      return lines.join('\n');
    }),
  ),
  csvOnly(
    textMutator('awkward-fields', 2, (s, rng) => {
      let out = s;
      for (let k = rng.size(10); k > 0; k--) out = insertAt(out, rng.chance(0.5) ? awkwardChar(rng) : rng.pick(['"', '""', ';', ',', '\t', '\r', '=1+1', '@SUM(A1)']), rng);
      return out;
    }),
  ),
  {
    name: 'csv-of-xlsx',
    weight: 1,
    apply(input, rng) {
      // A CSV whose first bytes look like another kind of file (a zip, an OLE file, a BOM then PK).
      if (isZip(input)) return input;
      const head = rng.pick([
        utf8('PK'),
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        new Uint8Array([0xef, 0xbb, 0xbf, 0x50, 0x4b]),
        new Uint8Array([0xff, 0xfe]),
        new Uint8Array([0xfe, 0xff]),
      ]);
      const out = new Uint8Array(head.length + input.length);
      out.set(head, 0);
      out.set(input, head.length);
      return out;
    },
  },
];

export const registerTarget: FuzzTarget = {
  name: 'register',
  description: 'document registers as .xlsx or .csv (readRegister), then their rows as the count reads them',
  // Kept inputs are named .xlsx or .csv by what they are; the campaign saves them as .bin.
  ext: 'bin',
  seeds: registerSeeds,
  mutators: REGISTER_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      const r = readRegister({
        name: isZip(input) ? 'register.xlsx' : 'register.csv',
        bytes: input,
      });
      if ('refusal' in r) {
        // The reader's last resort names an exception it did not foresee ("cannot be read (…)"): a defect.
        if (r.refusal.code === 'register.unreadable' && /cannot be read \(/.test(r.refusal.message.en)) return defect(`unforeseen: ${r.refusal.message.en.slice(0, 300)}`);
        return refusal(`${r.refusal.code}: ${r.refusal.message.en.slice(0, 200)}`);
      }
      return finding(`${r.kind}, ${r.rows.length} rows`);
    } catch (e) {
      return defectOf(e);
    }
  },
};
