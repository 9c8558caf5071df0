/**
 * SpreadsheetML parts, read by the fast reader (`readWorkbookFast`, src/xlsx/fast-read) and by the
 * ExcelJS reader (`readWorkbookExcelJS`, src/xlsx/exceljs-read), then checked (`validateWorkbook`):
 * the package stays a sound zip, one of its XML parts is broken: unclosed tags, huge attributes,
 * deep nesting, a DOCTYPE with internal entities (the "billion laughs") or external ones, lying
 * cell addresses, merges and defined names, stray bytes, relationships pointing anywhere.
 */
import { unzipSync } from 'fflate';
import { readWorkbookFast, FastReaderUnsupported } from '../../../src/xlsx/fast-read';
import { readWorkbookExcelJS } from '../../../src/xlsx/exceljs-read';
import { WorkbookReadError } from '../../../src/xlsx/errors';
import { validateWorkbook } from '../../../src/core/check/validate';
import type { WorkbookRead } from '../../../src/core/tables/table-read';
import { awkwardChar, havoc, insertAt, run, text, utf8 } from '../mutate';
import type { Rng } from '../prng';
import { defect, defectOf, finding, refusal, type FuzzTarget, type Mutator, type Seed } from '../target';
import { workbookSeeds } from '../seeds';
import { zipParts } from '../zipper';

/** The parts of a package the mutators work on, and how often each is chosen. */
function partWeight(name: string): number {
  if (name.startsWith('xl/worksheets/') && name.endsWith('.xml')) return 5;
  if (name === 'xl/workbook.xml' || name === 'xl/sharedStrings.xml') return 3;
  if (name === 'xl/styles.xml' || name.endsWith('.rels')) return 1;
  return 0.3;
}

function unpack(input: Uint8Array): Map<string, Uint8Array> | null {
  try {
    return new Map(Object.entries(unzipSync(input)));
  } catch {
    return null;
  }
}

/** How often a package's part is chosen by the XML mutators. */
export type PartWeight = (name: string) => number;

function choosePart(parts: Map<string, Uint8Array>, rng: Rng, weightOf: PartWeight): string {
  const names = [...parts.keys()];
  const total = names.reduce((s, n) => s + weightOf(n), 0);
  let x = (rng.u32() / 0x100000000) * total;
  for (const n of names) {
    x -= weightOf(n);
    if (x < 0) return n;
  }
  return names[names.length - 1];
}

/** Start tags of the text (at most the first 4,000), with where each is. */
function startTags(xml: string): { at: number; tag: string; name: string }[] {
  const out: { at: number; tag: string; name: string }[] = [];
  const re = /<([A-Za-z_][\w.:-]*)[^<>]*>/g;
  for (let m = re.exec(xml); m && out.length < 4000; m = re.exec(xml)) out.push({ at: m.index, tag: m[0], name: m[1] });
  return out;
}

/** An element of the text (start to its end tag or self-closed), or null. */
function someElement(xml: string, rng: Rng): { from: number; to: number } | null {
  const tags = startTags(xml);
  if (tags.length === 0) return null;
  const t = rng.pick(tags);
  if (t.tag.endsWith('/>')) return { from: t.at, to: t.at + t.tag.length };
  const close = xml.indexOf(`</${t.name}>`, t.at);
  return close < 0 ? { from: t.at, to: t.at + t.tag.length } : { from: t.at, to: close + t.name.length + 3 };
}

const ODD_VALUES = [
  '', ' ', '-1', '0', '1e309', '-1e309', 'NaN', 'Infinity', '1.5', '4294967296', '99999999999999999999', 'A0', 'A1048577', 'XFD1048576', 'XFE1', 'ZZZZ1',
  'A1:XFD1048576', '$A$1:$XFD$1048576', 'B2:A1', "'Biểu 01'!A1", '#REF!', 'Sheet9!A1:A99999999', '&amp;', '&#0;', '&#x110000;', '&#99999999999;', '&#xD800;',
  '&unknown;', '&lol9;', '"', "'", '<', 'shared', 'd', 'e', 's', 'str', 'inlineStr', 'b', 'n', 'x', 'true', '1904', '../../etc/passwd', 'http://127.0.0.1:9/x',
  'file:///etc/passwd', '/xl/workbook.xml', 'rId1', '__proto__', 'constructor',
];

/** A value for a `<v>` or `<t>`: numbers as text, long runs of spaces, the marker text, entities. */
function oddContent(rng: Rng): string {
  switch (rng.int(6)) {
    case 0:
      return rng.pick(ODD_VALUES);
    case 1:
      return `${run(rng.pick([' ', '\u00a0', '\t', '0', '9', '.', ',', '1.']), rng.size(200000))}${rng.pick(['x', '', '1'])}`;
    case 2:
      return rng.pick(['1.292', '1.292,5', ' 45 ', '−5', '1 292', 'B01', 'Biểu 01', 'BIỂU 01', '52-BC/TU', '15/10/2025']);
    case 3:
      return `&#${rng.range(0, 0x10ffff + 10)};`;
    case 4:
      return run(awkwardChar(rng), rng.size(5000));
    default:
      return String(rng.u32() * (rng.chance(0.5) ? 1 : -1e10));
  }
}

const LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`;

/** The "billion laughs": a DOCTYPE of nested internal entities, ten times ten times … "lol". */
export function billionLaughs(xml: string, refs = '&lol9;'): string {
  return withDoctype(xml, LAUGHS).replace(/(<(?:\w+:)?(?:t|v)(?:\s[^>]*)?>)/, `$1${refs}`);
}

/** A DOCTYPE declaring `&xxe;` as an external entity at `url`, and the entity used in the first text. */
export function externalEntity(xml: string, url: string): string {
  const doctype = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "${url}"><!ENTITY % pe SYSTEM "${url}"> %pe;]>`;
  return withDoctype(xml, doctype).replace(/(<(?:\w+:)?(?:t|v)(?:\s[^>]*)?>)/, '$1&xxe;');
}

/** The DOCTYPE put after the XML declaration (or at the start). */
function withDoctype(xml: string, doctype: string): string {
  const decl = /^\s*<\?xml[^>]*\?>/.exec(xml);
  return decl ? decl[0] + doctype + xml.slice(decl[0].length) : doctype + xml;
}

const isSheet = (n: string): boolean => n.startsWith('xl/worksheets/') && n.endsWith('.xml');

/**
 * The XML mutators over the parts of a package, each part chosen by `weightOf`: SpreadsheetML
 * (`XML_MUTATORS`) and WordprocessingML (the docx target) alike.
 */
export function xmlMutators(weightOf: PartWeight): Mutator[] {
  /** A mutator of one part's text; the package is zipped again (stored, so the zip itself stays sound). */
  function xmlMutator(name: string, weight: number, f: (xml: string, rng: Rng, part: string) => string, onlyPart?: (n: string) => boolean): Mutator {
    return {
      name,
      weight,
      apply(input, rng) {
        const parts = unpack(input);
        if (!parts || parts.size === 0) return input;
        let part = choosePart(parts, rng, weightOf);
        if (onlyPart) part = [...parts.keys()].find(onlyPart) ?? part;
        parts.set(part, utf8(f(text(parts.get(part) as Uint8Array), rng, part)));
        return zipParts(parts);
      },
    };
  }

  /** A mutator of one part's raw bytes (invalid UTF-8 and all). */
  const PART_HAVOC: Mutator = {
    name: 'part-bytes',
    weight: 3,
    apply(input, rng, seeds) {
      const parts = unpack(input);
      if (!parts || parts.size === 0) return input;
      const part = choosePart(parts, rng, weightOf);
      parts.set(part, havoc(parts.get(part) as Uint8Array, rng, seeds));
      return zipParts(parts);
    },
  };

  return [
    PART_HAVOC,
    xmlMutator('truncate', 2, (s, rng) => s.slice(0, rng.int(s.length))),
    xmlMutator('drop-end-tag', 3, (s, rng) => {
      const ends = [...s.matchAll(/<\/[\w.:-]+>/g)].slice(0, 4000);
      if (ends.length === 0) return s;
      const m = rng.pick(ends);
      return s.slice(0, m.index) + s.slice((m.index ?? 0) + m[0].length);
    }),
    xmlMutator('unclosed-elements', 2, (s, rng) => insertAt(s, run(rng.pick(['<c r="B7">', '<c r="B7" t="s"><v>', '<row>', '<si><t>', '<x:c r="A1">', '<f>', '<definedName name="a">', '<mergeCell ']), rng.size(20000)), rng)),
    xmlMutator('huge-attribute', 2, (s, rng) => {
      const tags = startTags(s);
      if (tags.length === 0) return s;
      const t = rng.pick(tags);
      const value = run(rng.pick(['A', '1', ' ', '&amp;', '"', "'"]), rng.size(4 * 1024 * 1024));
      const at = t.at + 1 + t.name.length;
      return `${s.slice(0, at)} ${rng.pick(['x', 'r', 's', 't', 'ref', 'name', 'Target', 'xmlns:x'])}="${value}"${s.slice(at)}`;
    }),
    xmlMutator('deep-nesting', 2, (s, rng) => {
      const n = rng.size(200000);
      const tag = rng.pick(['a', 'c', 'row', 'x:c', 'si', 't', 'sheetData']);
      const inner = rng.chance(0.7) ? run(`<${tag}>`, n) + run(`</${tag}>`, rng.chance(0.8) ? n : rng.int(n)) : run(`<${tag}>`, n);
      return insertAt(s, inner, rng);
    }),
    xmlMutator('billion-laughs', 2, (s, rng) => billionLaughs(s, run(rng.pick(['&lol9;', '&lol5;', '&lol;']), rng.size(1000)))),
    xmlMutator('external-entity', 2, (s, rng) => externalEntity(s, rng.pick(['file:///etc/passwd', 'http://127.0.0.1:9/x.dtd', 'https://example.invalid/x', '/etc/hostname', '\\\\server\\share\\x']))),
    xmlMutator('attribute-value', 5, (s, rng) => {
      const tags = startTags(s);
      if (tags.length === 0) return s;
      const t = rng.pick(tags);
      const attrs = [...t.tag.matchAll(/\s([\w:.-]+)\s*=\s*("[^"]*"|'[^']*')/g)];
      if (attrs.length === 0) return s;
      const a = rng.pick(attrs);
      const v = rng.chance(0.8) ? rng.pick(ODD_VALUES) : oddContent(rng);
      const tag = t.tag.replace(a[0], ` ${a[1]}="${v.replace(/"/g, '&quot;')}"`);
      return s.slice(0, t.at) + tag + s.slice(t.at + t.tag.length);
    }),
    xmlMutator('text-value', 4, (s, rng) => {
      const texts = [...s.matchAll(/<((?:\w+:)?(?:v|t|f|definedName))(\s[^>]*)?>([^<]*)<\//g)].slice(0, 4000);
      if (texts.length === 0) return s;
      const m = rng.pick(texts);
      const at = (m.index ?? 0) + m[0].length - 2 - m[3].length;
      const v = oddContent(rng);
      return s.slice(0, at) + (rng.chance(0.5) ? v.replace(/&(?!#)/g, '&amp;').replace(/</g, '&lt;') : v) + s.slice(at + m[3].length);
    }),
    xmlMutator('duplicate-element', 3, (s, rng) => {
      const e = someElement(s, rng);
      if (!e) return s;
      const piece = s.slice(e.from, e.to);
      // At most 16 MB added: an element of megabytes (tables nested thousands deep) is copied a few
      // times, not thousands (155 MB made once: the worker ran out of its heap making the input).
      const copies = Math.max(1, Math.min(rng.chance(0.9) ? 1 : rng.size(2000), Math.floor((16 * 1024 * 1024) / (piece.length + 1))));
      return insertAt(s, run(piece, copies), rng);
    }),
    xmlMutator('delete-element', 3, (s, rng) => {
      const e = someElement(s, rng);
      return e ? s.slice(0, e.from) + s.slice(e.to) : s;
    }),
    xmlMutator('junk', 2, (s, rng) => {
      let out = s;
      for (let k = rng.size(8); k > 0; k--) out = insertAt(out, rng.chance(0.5) ? awkwardChar(rng) : rng.pick(['<', '>', '</', '/>', '=', '"', '&', ']]>', '<!--', '-->', '<?', '?>', '<![CDATA[']), rng);
      return out;
    }),
    xmlMutator('markup-declarations', 1, (s, rng) =>
      insertAt(s, rng.pick(['<![CDATA[<c r="A1"><v>1</v></c>]]>', '<!-- <c r="A1"/> -->', '<!--', '<?xml version="1.0"?>', '<?pi x?>', '<!DOCTYPE x>', '<!ELEMENT a ANY>', ']]>']), rng),
    ),
    xmlMutator('prefixes', 1, (s, rng) => {
      const from = rng.pick(['<c ', '<v>', '<row ', '<sheet ', '<definedName ', '<si>', '<t>']);
      const to = rng.pick([`<x:${from.slice(1)}`, `<${from.slice(1).replace(/[ >]$/, '')}\n${from.slice(-1) === '>' ? '>' : ' '}`, `<a:b:${from.slice(1)}`, from.toUpperCase()]);
      return s.split(from).join(to);
    }),
    xmlMutator(
      'huge-merge',
      1,
      (s, rng) => {
        const ref = rng.pick(['A1:XFD1048576', 'A1:A1048576', 'A1:XFD1', 'B2:ZZ9999', 'A1:IV65536', 'C3:A1']);
        const merge = `<mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`;
        return s.includes('</sheetData>') ? s.replace('</sheetData>', `</sheetData>${merge}`) : insertAt(s, merge, rng);
      },
      isSheet,
    ),
    xmlMutator(
      'defined-names',
      2,
      (s, rng) =>
        s.replace(/(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g, (m, a: string, _body: string, b: string) =>
          rng.chance(0.2) ? a + rng.pick(["'Biểu 01'!$A$1:$XFD$1048576", '#REF!', "'Biểu 01'!#REF!", 'Sheet9!A1', "'a''b'!A1", 'A1,B2,C3', run("'x'!A1:", rng.size(10000)), "'Biểu 01'!$B$1:$B$1048576"]) + b : m,
        ),
      (n) => n === 'xl/workbook.xml',
    ),
    xmlMutator(
      'relationships',
      2,
      (s, rng) =>
        s.replace(/Target="[^"]*"/g, (m) =>
          rng.chance(0.3) ? `Target="${rng.pick(['../../../etc/passwd', '/xl/workbook.xml', 'worksheets/sheet1.xml', 'http://127.0.0.1:9/x', 'file:///etc/passwd', '', 'worksheets/', '../xl/worksheets/sheet2.xml'])}"` : m,
        ),
      (n) => n === 'xl/_rels/workbook.xml.rels',
    ),
    {
      name: 'drop-part',
      weight: 1,
      apply(input, rng) {
        const parts = unpack(input);
        if (!parts || parts.size === 0) return input;
        parts.delete(choosePart(parts, rng, weightOf));
        return zipParts(parts);
      },
    },
  ];
}

export const XML_MUTATORS: Mutator[] = xmlMutators(partWeight);

let stored: Promise<Seed[]> | null = null;

/** The workbook seeds with their parts stored (no compression): the campaign re-zips every input. */
function storedSeeds(): Promise<Seed[]> {
  stored ??= workbookSeeds().then((seeds) => seeds.map((s) => ({ name: s.name, bytes: zipParts(new Map(Object.entries(unzipSync(s.bytes)))) })));
  return stored;
}

/** A read workbook's longest text: a DOCTYPE's entities, if ever expanded, would show here. */
function longestText(read: WorkbookRead): number {
  let most = 0;
  const seen = (v: unknown): void => {
    if (typeof v === 'string' && v.length > most) most = v.length;
  };
  for (const t of read.tables) JSON.stringify(t, (_k, v: unknown) => (seen(v), v));
  return most;
}

/** The read workbook checked, as a finding; a text longer than the whole input means an entity was expanded. */
function checked(read: WorkbookRead, input: Uint8Array): ReturnType<typeof finding> {
  const findings = validateWorkbook(read);
  const most = longestText(read);
  if (most > 32 * 1024 * 1024 || most > 64 * input.length) return defect(`a text of ${most} characters read from ${input.length} bytes: an entity expanded?`);
  return finding(`${read.tables.length} tables, ${findings.length} findings`);
}

export const fastTarget: FuzzTarget = {
  name: 'xlsx-fast',
  description: 'SpreadsheetML parts through the fast reader (readWorkbookFast), then the checks (validateWorkbook)',
  ext: 'xlsx',
  seeds: storedSeeds,
  mutators: XML_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      return checked(readWorkbookFast(input), input);
    } catch (e) {
      if (e instanceof WorkbookReadError) return refusal(e.reason.en);
      // The fast reader hands these to the ExcelJS reader (`readWorkbook`), which the xlsx-exceljs target fuzzes.
      if (e instanceof FastReaderUnsupported) return refusal(`handed to ExcelJS: ${e.feature}`);
      return defectOf(e);
    }
  },
};

export const excelJSTarget: FuzzTarget = {
  name: 'xlsx-exceljs',
  description: 'SpreadsheetML parts through the ExcelJS reader (readWorkbookExcelJS), then the checks (validateWorkbook)',
  ext: 'xlsx',
  seeds: storedSeeds,
  mutators: XML_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      return checked(await readWorkbookExcelJS(input), input);
    } catch (e) {
      if (e instanceof WorkbookReadError) return refusal(e.reason.en);
      return defectOf(e);
    }
  },
};
