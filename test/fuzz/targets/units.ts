/**
 * Units lists as CSV (`parseUnitsCsv` and `parseUnitsText` of src/core/units, the text decoded as
 * the command line reads a file): quotes opened and never closed, doubled, separators mixed, byte
 * order marks anywhere, line ends of every kind, invalid UTF-8, lines of up to 10 MB.
 */
import { parseUnitsCsv, parseUnitsText, UnitsListError } from '../../../src/core/units';
import { HAVOC, awkwardChar, concat, insertAt, run, text, textMutator, utf8 } from '../mutate';
import { defectOf, finding, refusal, type FuzzTarget, type Mutator } from '../target';
import { unitsSeeds } from '../seeds';

const MIB = 1024 * 1024;

export const UNITS_MUTATORS: Mutator[] = [
  { ...HAVOC, weight: 3 },
  textMutator('quote', 4, (s, rng) => {
    let out = s;
    for (let k = rng.size(6); k > 0; k--) out = insertAt(out, rng.pick(['"', '""', '"""', '","', '";"', '"\n"']), rng);
    return out;
  }),
  textMutator('separators', 3, (s, rng) => {
    const from = rng.pick([',', ';', '\t', '\n']);
    return s.split(from).join(rng.pick([',', ';', '\t', ',;', '\r', '\r\n', '']));
  }),
  textMutator('bom', 2, (s, rng) => insertAt(rng.chance(0.5) ? `\ufeff${s}` : s, run('\ufeff', rng.size(3)), rng)),
  textMutator('line-ends', 2, (s, rng) => s.replace(/\r?\n/g, () => rng.pick(['\n', '\r\n', '\r', '\n\n', '\u2028', '\r\r\n']))),
  textMutator('awkward', 3, (s, rng) => {
    let out = s;
    for (let k = rng.size(10); k > 0; k--) out = insertAt(out, awkwardChar(rng), rng);
    return out;
  }),
  textMutator('duplicate-line', 2, (s, rng) => {
    const lines = s.split('\n');
    const l = rng.pick(lines);
    // At most 16 MB added: a line of megabytes is copied a few times, not fifty.
    const copies = Math.min(rng.size(50), Math.floor((16 * MIB) / (l.length + 1)));
    lines.splice(rng.int(lines.length + 1), 0, ...Array<string>(copies).fill(rng.chance(0.5) ? l : l.toUpperCase()));
    return lines.join('\n');
  }),
  textMutator('many-lines', 1, (s, rng) => s + Array.from({ length: rng.size(50000) }, (_, i) => `Đơn vị ${i},Nhóm ${i % 7}`).join('\n')),
  {
    name: 'long-line',
    weight: 1,
    apply(input, rng) {
      const n = rng.size(10 * MIB);
      const unit = rng.pick(['a', 'a,', '"', ' ', 'x"y', 'Đ', '\t', ';']);
      const line = utf8(run(unit, Math.ceil(n / unit.length)));
      const s = text(input);
      const cut = rng.int(s.length + 1);
      return concat(utf8(s.slice(0, cut)), rng.chance(0.3) ? utf8('"') : new Uint8Array(0), line, utf8(s.slice(cut)));
    },
  },
  {
    name: 'utf16',
    weight: 1,
    apply(input) {
      const s = text(input);
      const out = new Uint8Array(2 + s.length * 2);
      out[0] = 0xff;
      out[1] = 0xfe;
      for (let i = 0; i < s.length; i++) {
        out[2 + 2 * i] = s.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = s.charCodeAt(i) >> 8;
      }
      return out;
    },
  },
];

export const unitsTarget: FuzzTarget = {
  name: 'units',
  description: 'units lists as CSV or pasted text (parseUnitsCsv, parseUnitsText)',
  ext: 'csv',
  seeds: unitsSeeds,
  mutators: UNITS_MUTATORS,
  maxStack: 4,
  async run(input) {
    const s = text(input);
    let found = '';
    let refused = '';
    for (const parse of [parseUnitsCsv, parseUnitsText]) {
      try {
        found = `${parse(s).length} units`;
      } catch (e) {
        if (e instanceof UnitsListError) refused = e.reason.en;
        else return defectOf(e);
      }
    }
    return found !== '' ? finding(found) : refusal(refused);
  },
};
