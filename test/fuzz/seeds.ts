/**
 * The real inputs the campaign starts from, the same bytes on every run: the workbooks the product
 * writes (`bieumau new`: the four tables with the seed report's figures, one empty table, the same
 * with prefixed elements as some tools write them), one saved by LibreOffice Calc (kept in
 * `test/fuzz/seeds/`), the built-in pack and the example pack, units lists, dates and numbers as
 * clerks type them, the seed report as a `.docx`, register exports as `.xlsx` and `.csv`. Workbooks are made again from the code each run, with their timestamps fixed.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { unzipSync } from 'fflate';
import { SEED_REPORT, TEMPLATES } from '../../src/core/forms/builtin';
import { templateWorkbook } from '../../src/xlsx/new-workbook';
import { prefixedXlsx } from '../support/zip-parts';
import { goodPack } from '../support/packs';
import { seedReportDocx, seedTextDocx } from '../support/seed-report';
import { incomingCsv, incomingXlsx, outgoingCsv, outgoingXlsx } from '../support/registers';
import { COMMITTEE_OUT, INCOMING, PARTY_OUT } from '../support/count-fixture';
import { text, utf8 } from './mutate';
import type { Seed } from './target';
import { zipParts } from './zipper';

const ROOT = join(__dirname, '..', '..');
const STAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;

/** The package again with its timestamps fixed and its parts deflated in name order: the same bytes every run. */
export function canonical(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(parts).sort()) {
    out.set(name, name.startsWith('docProps/') ? utf8(text(parts[name]).replace(STAMP, '2025-11-14T00:00:00Z')) : parts[name]);
  }
  return zipParts(out, true);
}

let workbooks: Promise<Seed[]> | null = null;

export function workbookSeeds(): Promise<Seed[]> {
  workbooks ??= (async () => {
    const four = canonical(await templateWorkbook([...TEMPLATES], SEED_REPORT, true));
    const empty = canonical(await templateWorkbook([TEMPLATES[0]], {}, false));
    return [
      { name: 'new-sample', bytes: four },
      { name: 'new-empty-b01', bytes: empty },
      { name: 'new-sample-prefixed', bytes: canonical(prefixedXlsx(four)) },
      { name: 'libreoffice', bytes: new Uint8Array(readFileSync(join(__dirname, 'seeds', 'libreoffice.xlsx'))) },
    ];
  })();
  return workbooks;
}

export async function unitsSeeds(): Promise<Seed[]> {
  const csv = readFileSync(join(ROOT, 'test', 'fixtures', 'provinces-2025.csv'), 'utf8');
  const lines = csv.split('\n').slice(0, 12);
  return [
    { name: 'provinces', bytes: utf8(csv) },
    { name: 'semicolon-bom-crlf', bytes: utf8(`\ufeff${lines.map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')).join('\r\n')}`) },
    { name: 'tab', bytes: utf8(lines.map((l) => l.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, '\t')).join('\n')) },
    { name: 'one-column-vi', bytes: utf8('đơn vị\nXã Tân Lập\nPhường Hồng Hà\n"Xã ""Mới"""\n') },
    { name: 'pasted', bytes: utf8('Xã Tân Lập\tNhóm 1\nPhường Hồng Hà\tNhóm 2\n') },
  ];
}

export async function packSeeds(): Promise<Seed[]> {
  return [
    { name: 'vn.standard', bytes: new Uint8Array(readFileSync(join(ROOT, 'src', 'templates', 'vn.standard.json'))) },
    { name: 'chung-thu-so', bytes: new Uint8Array(readFileSync(join(ROOT, 'packs', 'examples', 'chung-thu-so.json'))) },
    { name: 'test-office', bytes: utf8(JSON.stringify(goodPack(), null, 2)) },
  ];
}

export async function dateSeeds(): Promise<Seed[]> {
  return ['15/10/2025', '5/1/2025', '2025-10-15', '15-10-2025', '15.10.2025', '29/02/2024', '30/02/2025', '01/7/2025', ' 31/12/9999 ', '1/1/1900'].map((s) => ({
    name: s,
    bytes: utf8(s),
  }));
}

export async function numberSeeds(): Promise<Seed[]> {
  return ['1.292', '1.292,5', '1,292.5', ' 45 ', '1 292', '1\u00a0292', '-5', '\u22125', '+7', '0', '99999999999999999999', '1,5', '1.292.000', '1,292,000', '0,123'].map((s) => ({
    name: s,
    bytes: utf8(s),
  }));
}

/** The package with its parts stored, in name order (no timestamps): the same bytes every run. */
function storedPackage(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  return zipParts(new Map(Object.keys(parts).sort().map((n) => [n, parts[n]] as const)));
}

/** The seed report as a `.docx` (footnotes, merged headers, split runs, tracked changes, fields), with its tables and without. */
export async function docxSeeds(): Promise<Seed[]> {
  return [
    { name: 'seed-report', bytes: storedPackage(seedReportDocx()) },
    { name: 'seed-text', bytes: storedPackage(seedTextDocx()) },
  ];
}

let registers: Promise<Seed[]> | null = null;

/** Register exports: incoming and outgoing as `.xlsx` (dates as Excel dates and as text), and as `.csv` (`;` with a BOM, `,` without). */
export function registerSeeds(): Promise<Seed[]> {
  registers ??= (async () => [
    { name: 'incoming.xlsx', bytes: canonical(await incomingXlsx(INCOMING)) },
    { name: 'party-out.xlsx', bytes: canonical(await outgoingXlsx(PARTY_OUT, 'TỈNH ỦY LÂM ĐỒNG')) },
    { name: 'committee-out.csv', bytes: outgoingCsv(COMMITTEE_OUT) },
    { name: 'incoming.csv', bytes: incomingCsv(INCOMING) },
  ])();
  return registers;
}
