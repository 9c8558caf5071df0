/**
 * Dates and numbers as text, as clerks type them in cells and forms (`parseDayFirstDate` of
 * src/core/dates, `parseCountText` of src/core/numbers in both languages): separators of every
 * kind, spaces of every width, digits of other scripts, signs, long runs. What is read must come
 * back the same when written out and read again; else it is a defect.
 */
import { formatDdMmYyyy, formatDateVi, isoToExcelSerial, excelSerialToIso, parseDayFirstDate, isValidIsoDate } from '../../../src/core/dates';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber, parseCountText, thousandsSuggestion } from '../../../src/core/numbers';
import { HAVOC, awkwardChar, insertAt, run, textMutator, text } from '../mutate';
import { defect, defectOf, finding, refusal, type FuzzTarget, type Mutator } from '../target';
import { dateSeeds, numberSeeds } from '../seeds';

const TEXT_MUTATORS: Mutator[] = [
  { ...HAVOC, weight: 2 },
  textMutator('awkward', 5, (s, rng) => {
    let out = s;
    for (let k = rng.size(4); k > 0; k--) out = insertAt(out, awkwardChar(rng), rng);
    return out;
  }),
  textMutator('digits', 3, (s, rng) => s.replace(/\d/g, (d) => (rng.chance(0.3) ? rng.pick(['0', '9', '00', '\uff10', '\u0660', '\u0966', '1'.repeat(rng.size(30))]) : d))),
  textMutator('separator', 3, (s, rng) => s.replace(/[./,\- ]/g, (c) => (rng.chance(0.5) ? rng.pick(['.', ',', '/', '-', ' ', '\u00a0', '\u2009', '\u2013', '']) : c))),
  textMutator('long-run', 1, (s, rng) => {
    const unit = rng.pick([' ', '\u00a0', '\u3000', '0', '1.', '1,', '-', '\ufeff']);
    const body = run(unit, rng.size(1000000));
    return rng.pick([body + s, s + body, body + s + body, `${body}x`]);
  }),
  textMutator('sign', 1, (s, rng) => rng.pick(['-', '+', '\u2212', '\u2013', '--', '+-']) + rng.pick(['', ' ']) + s),
];

export const datesTarget: FuzzTarget = {
  name: 'dates',
  description: 'dates as text (parseDayFirstDate): a date read is written back dd/mm/yyyy and read again the same',
  ext: 'txt',
  seeds: dateSeeds,
  mutators: TEXT_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      const s = text(input);
      const iso = parseDayFirstDate(s);
      if (iso === null) return refusal('not a date');
      if (!isValidIsoDate(iso)) return defect(`read as ${iso}, not a real date`);
      const again = parseDayFirstDate(formatDdMmYyyy(iso));
      if (again !== iso) return defect(`${iso} written ${formatDdMmYyyy(iso)} reads back as ${again}`);
      if (parseDayFirstDate(formatDateVi(iso)) !== iso) return defect(`${iso} written ${formatDateVi(iso)} does not read back`);
      if (iso >= '1900-03-01' && excelSerialToIso(isoToExcelSerial(iso)) !== iso) return defect(`${iso} does not survive an Excel serial`);
      return finding(iso);
    } catch (e) {
      return defectOf(e);
    }
  },
};

export const numbersTarget: FuzzTarget = {
  name: 'numbers',
  description: 'counts as text (parseCountText, Vietnamese and English separators): a count read is written back and read again the same',
  ext: 'txt',
  seeds: numberSeeds,
  mutators: TEXT_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      const s = text(input);
      let read = '';
      for (const sep of [VI_SEPARATORS, EN_SEPARATORS]) {
        const r = parseCountText(s, sep);
        if (r.kind === 'count' || r.kind === 'negative' || r.kind === 'fraction') {
          if (!Number.isFinite(r.value)) return defect(`${r.kind} ${r.value} is not finite`);
          if (r.kind === 'count' && !(Number.isSafeInteger(r.value) && r.value >= 0)) return defect(`count ${r.value} is not a whole number ≥ 0`);
          if (r.kind === 'count') {
            const back = parseCountText(formatNumber(r.value, sep), sep);
            if (back.kind !== 'count' || back.value !== r.value) return defect(`${r.value} written ${formatNumber(r.value, sep)} reads back as ${JSON.stringify(back)}`);
          }
          if (r.kind === 'fraction') thousandsSuggestion(r.value);
          read = `${r.kind} ${r.value}`;
        }
      }
      return read !== '' ? finding(read) : refusal('not a count');
    } catch (e) {
      return defectOf(e);
    }
  },
};
