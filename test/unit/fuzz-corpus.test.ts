/**
 * The fuzzing corpus: every input kept under test/fuzz/corpus/<reader>/ (each once a defect of the
 * campaign, `npm run fuzz`, minimised; see test/fuzz/corpus/README.md) is given again to its
 * reader through the target's own `run`, and must end as its file name says: `NAME.finding.EXT`
 * or `NAME.refusal.EXT`, never a defect (an exception, a polluted prototype, a value that does not
 * round-trip). A reader that hangs on one again fails here by the test's time limit.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Worker } from 'worker_threads';
import { unzipSync } from 'fflate';
import { TARGETS, targetNamed } from '../fuzz/registry';
import { workbookSeeds } from '../fuzz/seeds';
import { zipParts } from '../fuzz/zipper';
import { MAX_RSS_MB } from '../fuzz/worker';
import { largeBody, largeDocx, TABLE_COLUMNS, TABLE_ROWS } from '../fuzz/large-docx';
import { readDocx } from '../../src/xlsx/docx';
import { parseUnitsCsv, parseUnitsText } from '../../src/core/units';

const CORPUS = join(__dirname, '..', 'fuzz', 'corpus');

const cases = readdirSync(CORPUS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(CORPUS, d.name))
      .filter((f) => /\.(finding|refusal)\.[a-z]+$/.test(f))
      .map((f) => ({ reader: d.name, file: f, expected: (/\.(finding|refusal)\.[a-z]+$/.exec(f) as RegExpExecArray)[1] })),
  );

describe('the fuzzing corpus', () => {
  it('has a folder per reader of the campaign only, and kept inputs for the readers the campaign found defects in', () => {
    const folders = readdirSync(CORPUS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    for (const f of folders) expect(TARGETS.map((t) => t.name)).toContain(f);
    expect(new Set(cases.map((c) => c.reader))).toEqual(new Set(['xlsx-fast', 'xlsx-exceljs', 'units', 'numbers', 'pack', 'docx', 'register']));
    expect(cases.length).toBeGreaterThanOrEqual(19);
  });

  it.each(cases)('$reader/$file ends in a $expected', async ({ reader, file, expected }) => {
    const target = targetNamed(reader);
    if (!target) throw new Error(`no reader ${reader}`);
    const result = await target.run(new Uint8Array(readFileSync(join(CORPUS, reader, file))));
    expect({ file, outcome: result.outcome }).toEqual({ file, outcome: expected });
  }, 30000);
});

/**
 * Inputs of the campaign too large to keep (megabytes), made again here by code: each is given to
 * its reader in a worker thread whose heap is capped at the campaign's 256 MB, as in the campaign,
 * and must end as said (the worker running out of memory fails the test).
 */
async function inCappedWorker(reader: string, input: Uint8Array): Promise<{ outcome: string; note: string }> {
  const registry = join(__dirname, '..', 'fuzz', 'registry.ts');
  const code = `require('tsx/cjs');
const { parentPort, workerData } = require('worker_threads');
const { targetNamed } = require(${JSON.stringify(registry)});
targetNamed(workerData.reader).run(workerData.input).then((r) => parentPort.postMessage(r));`;
  const worker = new Worker(code, { eval: true, workerData: { reader, input }, resourceLimits: { maxOldGenerationSizeMb: MAX_RSS_MB } });
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker exited (${code}) without an answer`)));
    });
  } finally {
    await worker.terminate();
  }
}

/** A seed workbook with one cell of its first sheet given an attribute `t` of `n` times `&amp;` (the campaign's input 5580 of seed 1, cut down). */
async function cellWithHugeAttribute(n: number): Promise<Uint8Array> {
  const seed = (await workbookSeeds())[0].bytes;
  const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(seed)));
  const sheet = [...parts.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)) as string;
  const xml = new TextDecoder().decode(parts.get(sheet));
  parts.set(sheet, new TextEncoder().encode(xml.replace(/<c (?=r="A2")/, `<c t="${'&amp;'.repeat(n)}" `)));
  return zipParts(parts);
}

describe('inputs too large to keep, made again by code, read within a 256 MB heap', () => {
  it('xlsx-fast: a workbook listing one sheet part 1,200 times more (the campaign\'s input 28026 of seed 1, cut down) reads that part once and finds each listing\'s table', async () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync((await workbookSeeds())[0].bytes)));
    const xml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
    const tag = /<sheet [^>]*\/>/.exec(xml)![0];
    parts.set('xl/workbook.xml', new TextEncoder().encode(xml.replace(tag, tag.repeat(1201))));
    expect(await inCappedWorker('xlsx-fast', zipParts(parts))).toEqual({ outcome: 'finding', note: '1204 tables, 1202 findings' });
  }, 120000);

  it('xlsx-fast: a cell attribute of 2 million `&amp;` (10 MB) is refused as a cell type the fast reader hands on', async () => {
    const input = await cellWithHugeAttribute(2_000_000);
    expect(input.length).toBeGreaterThan(10_000_000);
    expect(await inCappedWorker('xlsx-fast', input)).toEqual({ outcome: 'refusal', note: 'handed to ExcelJS: cell-type' });
  }, 120000);

  it('units: a UTF-16 list read as UTF-8 (3 million lines, 18 MB) is refused for its lines, before its rows are made', async () => {
    const units = 'Xã 1\r\n'.repeat(1_500_000);
    const utf16 = new Uint8Array(2 + 2 * (6 + units.length));
    utf16.set([0xff, 0xfe]);
    const s = `unit\r\n${units}`;
    for (let i = 0; i < s.length; i++) {
      utf16[2 + 2 * i] = s.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = s.charCodeAt(i) >> 8;
    }
    // The line ends of UTF-16 read as UTF-8: "\r\0\n\0", a line end then a NUL, a million lines and more.
    expect(await inCappedWorker('units', utf16)).toEqual({ outcome: 'refusal', note: 'more than 100,000 lines (is the file a units list?)' });
  }, 120000);

  it('units: a first line of 6.6 million separators (the campaign\'s input 2573 of seed 1, cut down) is refused for its unit name, its header looked at in at most 1,001 fields', async () => {
    const input = new TextEncoder().encode(`Đơn vị\rXã Tân\r${';'.repeat(6_625_000)}\nPhường Hòa\n`);
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'refusal', note: "line 1: the unit name is 6,625,014 characters long, beyond the limit of 500 (is the file a units list?)" });
  }, 120000);

  it('xlsx-exceljs: 190,000 elements left open in the shared strings (input 8316 of seed 1) are a corrupt file, refused before ExcelJS parses them', async () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync((await workbookSeeds())[0].bytes)));
    const xml = new TextDecoder().decode(parts.get('xl/sharedStrings.xml'));
    const at = xml.indexOf('</t>');
    parts.set('xl/sharedStrings.xml', new TextEncoder().encode(xml.slice(0, at) + '<c>'.repeat(190_000) + xml.slice(at)));
    expect(await inCappedWorker('xlsx-exceljs', zipParts(parts))).toEqual({ outcome: 'refusal', note: 'The .xlsx file is corrupt or cannot be read.' });
  }, 120000);

  it('xlsx-exceljs: an attribute of 14 MB in a sheet (input 46398 of seed 1; 51295, 54506, 75978, 92672 and 94158 alike) is refused, naming the part, before ExcelJS parses it', async () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync((await workbookSeeds())[0].bytes)));
    const sheet = [...parts.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k)) as string;
    const xml = new TextDecoder().decode(parts.get(sheet));
    parts.set(sheet, new TextEncoder().encode(xml.replace(/<c (?=r="A2")/, `<c x="${'&amp;'.repeat(2_800_000)}" `)));
    expect(await inCappedWorker('xlsx-exceljs', zipParts(parts))).toEqual({
      outcome: 'refusal',
      note: `The .xlsx file is corrupt or cannot be read. The part "${sheet}" has an attribute value 14,000,000 bytes long, beyond the limit of 1,048,576.`,
    });
  }, 120000);

  it('xlsx-exceljs: a workbook part nested 183,085 deep (input 98420 of seed 1) is refused, naming the part, before ExcelJS and the names reader parse it', async () => {
    const parts = new Map<string, Uint8Array>(Object.entries(unzipSync((await workbookSeeds())[0].bytes)));
    const xml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
    const at = xml.indexOf('<sheets>');
    parts.set('xl/workbook.xml', new TextEncoder().encode(`${xml.slice(0, at)}${'<a>'.repeat(183_084)}${'</a>'.repeat(183_084)}${xml.slice(at)}`));
    expect(await inCappedWorker('xlsx-exceljs', zipParts(parts))).toEqual({
      outcome: 'refusal',
      note: 'The .xlsx file is corrupt or cannot be read. The part "xl/workbook.xml" has elements nested 183,085 deep, beyond the limit of 1,000.',
    });
  }, 120000);

  it('units: a unit name of 3.5 million quotes (input 6808 of seed 1, cut down) is refused for its length, its quotes unescaped in one pass', async () => {
    const input = new TextEncoder().encode(`đơn vị\r\nXã Tân Lập\r\n"${'""'.repeat(1_777_000)}Xã"\r\n"${'""'.repeat(1_777_000)}Mới"\r\n`);
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'refusal', note: 'line 3: the unit name is 1,777,002 characters long, beyond the limit of 500 (is the file a units list?)' });
  }, 120000);

  it('units: quotes taken by runs — pairs, an odd run closing the field, quotes around and inside text', () => {
    const csv = 'đơn vị,nhóm\r\n"Xã ""Mới""",""""\r\n"""Đầu""","a""""b"\r\n"",x\r\n';
    // Line 4's empty unit is refused: the rows before it are read as the quotes say.
    expect(() => parseUnitsCsv(csv)).toThrow('line 4: the unit name is empty');
    expect(parseUnitsCsv(csv.slice(0, csv.lastIndexOf('"",x')))).toEqual([
      { unit: 'Xã "Mới"', group: '"' },
      { unit: '"Đầu"', group: 'a""b' },
    ]);
  });

  it('units: pasted text whose first line is the header and 5 million tabs (input 48561 of seed 1, cut down) is refused for its columns, the line never split further', async () => {
    const input = new TextEncoder().encode(`ĐƠN VỊ,;XÃ TÂN LẬP,;${'\t'.repeat(5_000_000)}\r\nXã Tân Lập\r\nXã Tân Lập\r\n`);
    // Read as CSV: a unit listed twice; as pasted text: the first line's columns.
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'refusal', note: 'line 1: more than 1,000 columns (is the file a units list?)' });
    expect(() => parseUnitsCsv(new TextDecoder().decode(input))).toThrow('line 3: unit "Xã Tân Lập" is already listed on line 2');
    expect(() => parseUnitsText(new TextDecoder().decode(input))).toThrow('line 1: more than 1,000 columns (is the file a units list?)');
  }, 120000);

  it('units: a group name of 2.7 million quotes after a semicolon header (input 2970 of seed 1, cut down) is refused for its length', async () => {
    const input = new TextEncoder().encode(`unit;group\r\nTỉnh Tuyên Quang;"23 tỉnh"\r\nTỉnh Lào Cai;"${'""'.repeat(2_734_000)}"\r\n`);
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'refusal', note: 'line 3: the group name is 2,734,000 characters long, beyond the limit of 500 (is the file a units list?)' });
  }, 120000);

  it('units: a header after 9.8 million spaces (input 17475 of seed 1) is still the header, its units read', async () => {
    const input = new TextEncoder().encode(`${' '.repeat(9_835_000)}đơn vị\nXã Tân Lập\nPhường Hồng Hà\n"Xã ""Mới"""\n`);
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'finding', note: '3 units' });
    expect(parseUnitsCsv(new TextDecoder().decode(input)).map((u) => u.unit)).toEqual(['Xã Tân Lập', 'Phường Hồng Hà', 'Xã "Mới"']);
  }, 120000);

  it('units: a UTF-16 line of 10 million spaces read as UTF-8 (input 39779 of seed 1, 20 MB) is refused for its unit name, not cleaned first', async () => {
    const input = new Uint8Array(2 + 2 * (10_000_002));
    input.set([0xff, 0xfe, 0x58, 0]);
    for (let i = 4; i < input.length - 2; i += 2) input[i] = 0x20;
    input.set([0x54, 0], input.length - 2);
    // Read as UTF-8: two U+FFFD, then "X", NUL, 10 million " " and NUL, "T", NUL: one line, the unit column.
    expect(await inCappedWorker('units', input)).toEqual({ outcome: 'refusal', note: 'line 1: the unit name is 20,000,006 characters long, beyond the limit of 500 (is the file a units list?)' });
  }, 120000);

  it('register: a field of 6 million quotes inside an unquoted field (input 64401 of seed 1, cut down) is refused for its length, the field taken as one slice', async () => {
    const input = new TextEncoder().encode(`Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày tháng,Trích yếu\r\n01/07/2025,1,Bộ Chính trị,57-NQ/TW,28/06/2025,x\r\n03/07/2025,3,Ban Chấp hành Trung ư${'"'.repeat(6_000_000)}ơng Đảng,66-NQ/TW,01/07/2025,y\r\n`);
    expect(await inCappedWorker('register', input)).toEqual({
      outcome: 'refusal',
      note: 'register.unreadable: register.csv: line 3 has a field 6,000,029 characters long, beyond the limit of 32,767 of a cell (is the file a register?)',
    });
  }, 120000);

  it('register: a quoted field of 4.9 million `""` (input 57236 of seed 1, cut down: a hang) is refused for its length before its content is made', async () => {
    const input = new TextEncoder().encode(`"Số, ký hiệu văn bản";Ngày tháng văn bản;Trích yếu\r\n824/QĐ-UBND;01/07/2025;x\r\n30191/TB-SNNMT;07/07/2025;"${'""'.repeat(4_900_000)}"\r\n`);
    expect(await inCappedWorker('register', input)).toEqual({
      outcome: 'refusal',
      note: 'register.unreadable: register.csv: line 3 has a field 4,900,000 characters long, beyond the limit of 32,767 of a cell (is the file a register?)',
    });
  }, 120000);

  it('docx: a document part of 1.5 million tags (11 MB: runs nested 300,000 deep, 16,000 fields, 60,000 cells merged) is read', async () => {
    const body = largeBody();
    expect(body.length).toBeGreaterThan(11_000_000);
    let tags = 0;
    for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i + 1)) tags++;
    expect(tags).toBeGreaterThan(1_450_000);
    const input = largeDocx();
    // One paragraph of the nested runs, 320 of fields (50 each), one table.
    expect(await inCappedWorker('docx', input)).toEqual({ outcome: 'finding', note: '321 paragraphs, 1 tables' });
    const doc = readDocx(input);
    expect(doc.paragraphs.slice(0, 2).map((p) => p.text)).toEqual(['1.292', '5'.repeat(50)]);
    const grid = doc.tables[0].rows;
    expect([grid.length, grid[0].length]).toEqual([TABLE_ROWS, TABLE_COLUMNS]);
    // Even columns continue the merge begun in the first row, odd ones are cells of their own; the last two are one cell.
    expect(grid[599].slice(0, 2)).toEqual([{ text: '0.0', mergedFrom: { row: 0, col: 0 } }, { text: '599.1' }]);
    expect(grid[599].slice(98)).toEqual([{ text: '7' }, { text: '7', mergedFrom: { row: 599, col: 98 } }]);
  }, 120000);
});
