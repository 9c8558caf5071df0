/**
 * What the readers promise whatever the input, each as a test (the fuzzing campaign, `npm run
 * fuzz`, tries the same on a million mutated inputs; docs/reliability.md):
 * - entities are never expanded: a workbook with the "billion laughs" is read or refused, its cell
 *   text the entity reference at most, never the laughs; a Word report with them is refused for its
 *   DOCTYPE (catalogue id `doctype`);
 * - external resources are never fetched: a DOCTYPE naming a local file and a local web server
 *   brings neither into what is read, and the server sees no request;
 * - no pack key reaches `Object.prototype`: `__proto__` and `constructor` keys are faults, and ids
 *   named `constructor`, `toString`, `hasOwnProperty` are plain ids; `__proto__`, `constructor` and
 *   `prototype` as a register's headers and values are plain text;
 * - no text of a pack, a units list or a workbook is compiled as a regular expression;
 * - a units list of one 10 MB line is refused with its reason.
 */
import { createServer, type Server } from 'http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, relative } from 'path';
import { unzipSync } from 'fflate';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { parsePack } from '../../src/core/forms/pack';
import { parseUnitsCsv, parseUnitsText, UnitsListError } from '../../src/core/units';
import { templateWorkbook } from '../../src/xlsx/new-workbook';
import { readWorkbookFast } from '../../src/xlsx/fast-read';
import { readWorkbookExcelJS } from '../../src/xlsx/exceljs-read';
import { readWorkbook } from '../../src/xlsx/read-workbook';
import { WorkbookReadError } from '../../src/xlsx/errors';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { billionLaughs, externalEntity } from '../fuzz/targets/spreadsheetml';
import { packTarget } from '../fuzz/targets/pack';
import { zipParts } from '../fuzz/zipper';
import { goodPack } from '../support/packs';
import { seedReportDocx } from '../support/seed-report';
import { readDocx } from '../../src/xlsx/docx';
import { DocumentReadError } from '../../src/xlsx/docx-refusals';
import { readRegister } from '../../src/xlsx/register-read';
import type { Register } from '../../src/core/count/register';

const enc = new TextEncoder();
const dec = new TextDecoder();

async function workbookWith(part: string, edit: (xml: string) => string): Promise<Uint8Array> {
  const parts = new Map(Object.entries(unzipSync(await templateWorkbook([TEMPLATES[0]], {}, true))));
  parts.set(part, enc.encode(edit(dec.decode(parts.get(part) as Uint8Array))));
  return zipParts(parts);
}

type Reading = { refused: string } | { read: WorkbookRead };

async function reading(f: () => WorkbookRead | Promise<WorkbookRead>): Promise<Reading> {
  try {
    return { read: await f() };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { refused: e.reason.en };
    throw e;
  }
}

const READERS = {
  fast: (b: Uint8Array) => readWorkbookFast(b),
  exceljs: (b: Uint8Array) => readWorkbookExcelJS(b),
  readWorkbook: (b: Uint8Array) => readWorkbook(b),
};

/** Every text a read holds. */
function texts(r: Reading): string[] {
  if ('refused' in r) return [r.refused];
  const out: string[] = [];
  JSON.stringify(r.read, (_k, v: unknown) => {
    if (typeof v === 'string') out.push(v);
    return v;
  });
  return out;
}

describe('entities are never expanded', () => {
  for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/workbook.xml']) {
    it.each(Object.keys(READERS))(`a billion laughs in ${part}: the %s reader reads or refuses it, the laughs never written out`, async (name) => {
      const bytes = await workbookWith(part, (xml) => billionLaughs(xml, '&lol9;'.repeat(100)));
      const r = await reading(() => READERS[name as keyof typeof READERS](bytes));
      const all = texts(r);
      expect(all.some((t) => t.includes('lollol'))).toBe(false);
      expect(Math.max(...all.map((t) => t.length))).toBeLessThan(10000);
      if ('read' in r) expect(r.read.tables.map((t) => t.templateId)).toEqual(['b01']);
      else expect(r.refused).toBe('The .xlsx file is corrupt or cannot be read.');
    });
  }
});

describe('external resources are never fetched', () => {
  let dir: string;
  let server: Server;
  let requests = 0;
  let port = 0;
  const SECRET = 'BIEUMAU-SECRET-7f3a9c';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bieumau-xxe-'));
    writeFileSync(join(dir, 'secret.txt'), SECRET);
    server = createServer((_req, res) => {
      requests++;
      res.end(`<!ENTITY xxe "${SECRET}">`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await new Promise<void>((r) => server.close(() => r()));
  });

  for (const part of ['xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml']) {
    it.each(Object.keys(READERS))(`a DOCTYPE in ${part} naming a local file and a web server: the %s reader fetches neither`, async (name) => {
      for (const url of [`file://${join(dir, 'secret.txt')}`, join(dir, 'secret.txt'), `http://127.0.0.1:${port}/x.dtd`]) {
        const bytes = await workbookWith(part, (xml) => externalEntity(xml, url));
        const r = await reading(() => READERS[name as keyof typeof READERS](bytes));
        expect(texts(r).some((t) => t.includes(SECRET))).toBe(false);
      }
      await new Promise((r) => setTimeout(r, 50));
      expect(requests).toBe(0);
    });
  }
});

describe('no pack key reaches Object.prototype', () => {
  const polluted = (): unknown[] => [
    ({} as Record<string, unknown>).polluted,
    (Object.prototype as Record<string, unknown>).polluted,
    ([] as unknown as Record<string, unknown>).polluted,
    Object.getOwnPropertyNames(Object.prototype).includes('polluted'),
  ];

  it('`__proto__` and `constructor` keys anywhere are unknown keys, and nothing is polluted', () => {
    const places = ['', 'templates.0', 'templates.0.rows', 'templates.0.groups.0.columns.0', 'title'];
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      for (const place of places) {
        const pack = goodPack();
        let target: Record<string, unknown> = pack;
        for (const step of place.split('.').filter((s) => s !== '')) target = target[step] as Record<string, unknown>;
        const text = JSON.stringify(pack).replace(JSON.stringify(target).slice(0, -1), `${JSON.stringify(target).slice(0, -1)},"${key}":{"polluted":"yes","prototype":{"polluted":"yes"}}`);
        const checked = parsePack(text);
        expect(checked.ok).toBe(false);
        if (!checked.ok && 'faults' in checked) expect(checked.faults.map((f) => f.code)).toContain('unknown-key');
        expect(polluted()).toEqual([undefined, undefined, undefined, false]);
      }
    }
  });

  it('ids named after Object.prototype members are plain ids: the pack is laid out and checked, nothing polluted', async () => {
    const pack = goodPack();
    const text = JSON.stringify(pack).replace(/"visits\.regular"/g, '"constructor"').replace(/"visits\.periodic"/g, '"toString"').replace(/"cases\.received"/g, '"hasOwnProperty"');
    const checked = parsePack(text);
    expect(checked.ok).toBe(true);
    const result = await packTarget.run(enc.encode(text));
    expect(result.outcome).toBe('finding');
    expect(polluted()).toEqual([undefined, undefined, undefined, false]);
  });
});

describe('no text from a pack, a register or a workbook is compiled as a regular expression', () => {
  /** Every `new RegExp(` in src, and why its pattern comes from the code alone. */
  const ALLOWED: Record<string, { count: number; why: string }> = {
    'src/xlsx/fast-read.ts': { count: 3, why: 'element and attribute names, given as literals below (and the relationships prefix, [\\w.-] only)' },
    'src/xlsx/scoped-names-xml.ts': { count: 1, why: 'attribute names, given as literals below' },
    'src/xlsx/docx-xml.ts': { count: 1, why: 'attribute names of WordprocessingML, given as literals below' },
    'src/core/report.ts': { count: 2, why: 'constants of the module' },
    'src/core/numbers.ts': { count: 2, why: 'constants of the module (the space characters)' },
  };

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : []));
  }

  it('every `new RegExp(` of src is one of the known ones, each built from the code alone', () => {
    const root = join(__dirname, '..', '..');
    const found: Record<string, number> = {};
    for (const file of sources(join(root, 'src'))) {
      const n = (readFileSync(file, 'utf8').match(/new RegExp\(/g) ?? []).length;
      if (n > 0) found[relative(root, file)] = n;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(ALLOWED).map(([f, a]) => [f, a.count])));
  });

  it('the pattern builders of the readers are called with literal names only', () => {
    for (const file of ['src/xlsx/fast-read.ts', 'src/xlsx/scoped-names-xml.ts']) {
      const text = readFileSync(join(__dirname, '..', '..', file), 'utf8');
      const calls = [...text.matchAll(/\b(elementPattern|startTagPattern)\(([^)]*)\)/g)].filter((m) => !/^name: string/.test(m[2]));
      for (const m of calls) expect(`${m[1]}(${m[2]})`).toMatch(/^\w+\('[A-Za-z]+'(, '[a-z]*')?\)$/);
      const attrs = [...text.matchAll(/\battr\(([^,()]+(?:\[\d\])?), ([^)]*)\)/g)].filter((m) => !m[1].includes(':')).map((m) => m[2]);
      for (const a of attrs) expect(a).toMatch(/^'[A-Za-z0-9]+'$|^rid$/);
      expect(attrs.length).toBeGreaterThan(0);
    }
    // The Word reader's modules (src/xlsx/docx*.ts): every call of `attr` names a cursor and a literal.
    const xlsx = join(__dirname, '..', '..', 'src', 'xlsx');
    const docx = readdirSync(xlsx)
      .filter((f) => /^docx.*\.ts$/.test(f))
      .map((f) => readFileSync(join(xlsx, f), 'utf8'))
      .join('\n');
    expect([...docx.matchAll(/\battr\(/g)].length - 1).toBe([...docx.matchAll(/\battr\(\w+, /g)].length);
    const names = [...docx.matchAll(/\battr\(\w+, ([^)]*)\)/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(5);
    for (const a of names) expect(a).toMatch(/^'(?:w:)?[A-Za-z]+'$/);
  });

  it('a pack label full of regular-expression characters is plain text: the pack loads and its table is read back', async () => {
    const pack = goodPack();
    const text = JSON.stringify(pack).replace('"Thường xuyên"', JSON.stringify('(.*)+ [a-z]? ^$ \\d{1,3} | a.b')).replace('"Tiếp dân"', JSON.stringify('Tiếp (dân)+'));
    const checked = parsePack(text);
    expect(checked.ok).toBe(true);
    expect((await packTarget.run(enc.encode(text))).outcome).toBe('finding');
  });
});

describe('a units list of one 10 MB line', () => {
  const MB10 = 10 * 1024 * 1024;

  it('as the line after the header: refused, the unit name too long', () => {
    const text = `unit,group\n${'a'.repeat(MB10)}`;
    for (const parse of [parseUnitsCsv, parseUnitsText]) {
      let reason: unknown = null;
      try {
        parse(text);
      } catch (e) {
        reason = e instanceof UnitsListError ? e.reason : e;
      }
      expect(reason).toEqual({
        vi: 'dòng 2: tên đơn vị dài 10.485.760 ký tự, quá giới hạn 500 ký tự (tệp có đúng là danh sách đơn vị?)',
        en: 'line 2: the unit name is 10,485,760 characters long, beyond the limit of 500 (is the file a units list?)',
      });
    }
  });

  it('as the only line, with the delimiter throughout: refused, too many columns', () => {
    let reason: unknown = null;
    try {
      parseUnitsCsv(`unit,${'x,'.repeat(MB10 / 2)}`);
    } catch (e) {
      reason = e instanceof UnitsListError ? e.reason : e;
    }
    expect(reason).toEqual({ vi: 'dòng 1: hơn 1.000 cột (tệp có đúng là danh sách đơn vị?)', en: 'line 1: more than 1,000 columns (is the file a units list?)' });
  });

  it('as the only line, one quoted field never closed: refused, the quote missing', () => {
    expect(() => parseUnitsCsv(`unit\n"${'a'.repeat(MB10)}`)).toThrow('line 2: a closing " is missing');
  });
});

describe('a billion laughs in a Word report', () => {
  for (const part of ['word/document.xml', 'word/footnotes.xml']) {
    it(`in ${part}: refused as a DOCTYPE (catalogue id doctype), in both languages, the laughs never read`, () => {
      const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(seedReportDocx())));
      const xml = dec.decode(parts.get(part) as Uint8Array);
      const laughs = billionLaughs(xml, '&lol9;'.repeat(100));
      expect(laughs).toContain('<!ENTITY lol9');
      expect(laughs).toContain('&lol9;&lol9;');
      parts.set(part, enc.encode(laughs));
      let thrown: unknown = null;
      try {
        readDocx(zipParts(parts));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(DocumentReadError);
      const e = thrown as DocumentReadError;
      expect({ kind: e.kind, id: e.refusal.id, reason: e.reason }).toEqual({
        kind: 'doctype',
        id: 'doctype',
        reason: {
          vi: `Tệp .docx có khai báo DOCTYPE trong phần "${part}" (có thể là tệp độc hại); tệp không được đọc.`,
          en: `The .docx file has a DOCTYPE declaration in the part "${part}" (possibly a hostile file); the file was not read.`,
        },
      });
    });
  }

  it('the same report without the laughs is read (the refusal is the DOCTYPE, not the file)', () => {
    const doc = readDocx(seedReportDocx());
    expect(doc.tables.length).toBe(3);
    expect(doc.paragraphs.some((p) => p.text.includes('1.292 văn bản đến'))).toBe(true);
  });
});

describe('no register text reaches Object.prototype', () => {
  const polluted = (): unknown[] => [
    ({} as Record<string, unknown>).polluted,
    (Object.prototype as Record<string, unknown>).polluted,
    Object.getOwnPropertyNames(Object.prototype).includes('polluted'),
    typeof ({} as Record<string, unknown>).toString,
  ];

  it('`__proto__`, `constructor` and `prototype` as headers and values of a CSV register are plain text: read, nothing polluted', () => {
    const csv =
      '\ufeffSỔ ĐĂNG KÝ VĂN BẢN ĐI\r\n' +
      '__proto__;Số, ký hiệu văn bản;Ngày tháng văn bản;constructor;Tên loại và trích yếu nội dung văn bản;prototype\r\n' +
      '{"polluted":"yes"};__proto__;15/10/2025;polluted;constructor;toString\r\n' +
      'polluted;52-BC/TU;__proto__;x;y;z\r\n';
    const r = readRegister({ name: 'so-di.csv', bytes: enc.encode(csv) });
    expect('refusal' in r).toBe(false);
    const reg = r as Register;
    expect({ kind: reg.kind, headerRow: reg.headerRow, columns: reg.columns.map((c) => [c.field, c.col]) }).toEqual({
      kind: 'outgoing',
      headerRow: 2,
      columns: [
        ['symbol', 1],
        ['date', 2],
        ['summary', 4],
      ],
    });
    expect(reg.rows.map((x) => [x.row, x.symbol, x.date, x.dateText, x.summary])).toEqual([
      [3, '__proto__', '2025-10-15', '15/10/2025', 'constructor'],
      [4, '52-BC/TU', null, '__proto__', 'y'],
    ]);
    expect(Object.getPrototypeOf(reg.rows[0])).toBe(Object.prototype);
    expect(polluted()).toEqual([undefined, undefined, false, 'function']);
  });
});
