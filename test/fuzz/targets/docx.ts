/**
 * Word reports (`readDocx`, src/xlsx/docx): the package stays a sound zip, one of its
 * WordprocessingML parts is broken: the mutators of the SpreadsheetML targets (unclosed tags, huge
 * attributes, deep nesting, the "billion laughs", external entities, stray bytes) and broken runs
 * and tables: unclosed `w:r` and `w:tbl`, `w:gridSpan` huge or negative, `w:vMerge` continuing
 * nothing, tables nested thousands deep, `gridBefore` of millions.
 */
import { unzipSync } from 'fflate';
import { readDocx } from '../../../src/xlsx/docx';
import { DocumentReadError } from '../../../src/xlsx/docx-refusals';
import { RefusalError } from '../../../src/core/refusals';
import type { DocumentModel } from '../../../src/core/tieout/document';
import { insertAt, run, text, utf8 } from '../mutate';
import type { Rng } from '../prng';
import { defect, defectOf, finding, refusal, type FuzzTarget, type Mutator } from '../target';
import { docxSeeds } from '../seeds';
import { zipParts } from '../zipper';
import { xmlMutators } from './spreadsheetml';

function partWeight(name: string): number {
  if (name === 'word/document.xml') return 6;
  if (name === 'word/footnotes.xml') return 2;
  if (name.endsWith('.rels')) return 1;
  return 0.3;
}

/** A mutator of the main document part's text (the package zipped again, stored). */
function bodyMutator(name: string, weight: number, f: (xml: string, rng: Rng) => string): Mutator {
  return {
    name,
    weight,
    apply(input, rng) {
      const parts = new Map<string, Uint8Array>(Object.entries(unzipSync(input)));
      const main = parts.get('word/document.xml');
      if (!main) return input;
      parts.set('word/document.xml', utf8(f(text(main), rng)));
      return zipParts(parts);
    },
  };
}

/** `s` with `piece` put in at one of the places `re` matches (or anywhere when none). */
function atMatch(s: string, re: RegExp, piece: string, rng: Rng): string {
  const at = [...s.matchAll(re)].slice(0, 4000);
  if (at.length === 0) return insertAt(s, piece, rng);
  const m = rng.pick(at);
  const p = (m.index ?? 0) + (rng.chance(0.5) ? 0 : m[0].length);
  return s.slice(0, p) + piece + s.slice(p);
}

const SPANS = ['0', '-1', '-2147483648', '1000', '1001', '65536', '2147483647', '4294967297', '1e9', 'NaN', '', 'x', '99999999999999999999'];

function cellXml(props: string, body = '1'): string {
  return `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:tc>`;
}

export const DOCX_MUTATORS: Mutator[] = [
  ...xmlMutators(partWeight),
  bodyMutator('unclosed-run', 3, (s, rng) =>
    atMatch(s, /<w:p[ >]/g, run(rng.pick(['<w:r>', '<w:r><w:t>', '<w:r><w:rPr>', '<w:ins>', '<w:hyperlink>', '<w:r><w:fldChar w:fldCharType="begin"/>']), rng.size(20000)), rng),
  ),
  bodyMutator('unclosed-table', 3, (s, rng) =>
    atMatch(s, /<w:(?:tbl|tr|tc|p)[ >]/g, run(rng.pick(['<w:tbl>', '<w:tbl><w:tr>', '<w:tbl><w:tr><w:tc>', '<w:tr>', '<w:tc>', '<w:tc><w:tcPr>']), rng.size(20000)), rng),
  ),
  bodyMutator('grid-span', 3, (s, rng) => {
    // At most 20,000 cells (about 2 MB): the input stays within the package's limits, the spans make it huge.
    const v = rng.pick(SPANS);
    const perRow = rng.size(rng.chance(0.5) ? 10 : 3000);
    const cells = run(cellXml(`<w:gridSpan w:val="${v}"/>`), perRow);
    const rows = run(`<w:tr>${cells}</w:tr>`, rng.size(Math.max(1, Math.floor(20000 / perRow))));
    const before = rng.chance(0.3) ? `<w:tr><w:trPr><w:gridBefore w:val="${rng.pick(SPANS)}"/></w:trPr>${cellXml('')}</w:tr>` : '';
    return atMatch(s, /<w:p[ >]/g, `<w:tbl>${before}${rows}</w:tbl>`, rng);
  }),
  bodyMutator('existing-span', 2, (s, rng) => s.replace(/<w:gridSpan w:val="[^"]*"\/>/g, (m) => (rng.chance(0.5) ? `<w:gridSpan w:val="${rng.pick(SPANS)}"/>` : m))),
  bodyMutator('v-merge', 3, (s, rng) => {
    const kind = rng.pick(['<w:vMerge/>', '<w:vMerge w:val="continue"/>', '<w:vMerge w:val="restart"/>', '<w:vMerge w:val="x"/>', '<w:hMerge/>', '<w:hMerge w:val="restart"/>']);
    if (rng.chance(0.5)) return s.replace(/<w:tcPr>/g, (m) => (rng.chance(0.3) ? m + kind : m));
    const perRow = rng.size(200);
    const cells = run(cellXml(kind), perRow);
    return atMatch(s, /<w:p[ >]/g, `<w:tbl>${run(`<w:tr>${cells}</w:tr>`, rng.size(Math.max(1, Math.floor(40000 / perRow))))}</w:tbl>`, rng);
  }),
  bodyMutator('nested-tables', 2, (s, rng) => {
    const n = rng.size(100000);
    const open = '<w:tbl><w:tr><w:tc>';
    const close = '<w:p/></w:tc></w:tr></w:tbl>';
    return atMatch(s, /<w:p[ >]/g, run(open, n) + run(close, rng.chance(0.8) ? n : rng.int(n)), rng);
  }),
  bodyMutator('nested-paragraphs', 1, (s, rng) => {
    const n = rng.size(100000);
    const tag = rng.pick(['w:p', 'w:r', 'w:sdt', 'w:sdtContent', 'w:ins', 'w:hyperlink', 'w:smartTag']);
    return atMatch(s, /<w:p[ >]/g, run(`<${tag}>`, n) + run(`</${tag}>`, rng.chance(0.8) ? n : rng.int(n)), rng);
  }),
  bodyMutator('fields', 2, (s, rng) => {
    const piece = rng.pick([
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      '<w:r><w:instrText>1.292</w:instrText></w:r>',
    ]);
    return atMatch(s, /<w:r[ >]/g, run(piece, rng.size(5000)), rng);
  }),
  bodyMutator('notes', 2, (s, rng) =>
    atMatch(s, /<w:r[ >]/g, run(`<w:r><w:footnoteReference w:id="${rng.pick(['1', '-1', '99999', '', '__proto__', 'constructor', '1e400'])}"/></w:r>`, rng.size(5000)), rng),
  ),
  bodyMutator('odd-text', 2, (s, rng) =>
    s.replace(/(<w:t(?:\s[^>]*)?>)([^<]*)(<\/w:t>)/g, (m, a: string, _t: string, b: string) =>
      rng.chance(0.1)
        ? a + rng.pick(['1.292', '1.292,5', '\u0301\u0323', 'Bie\u0302\u0301u 01', run(' ', rng.size(200000)), run('\u00a0', rng.size(10000)), '&#x110000;', '&#0;', '&lol9;', '&amp;amp;']) + b
        : m,
    ),
  ),
  bodyMutator(
    'doctype-internal',
    1,
    (s) => `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "1.292"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>${s.replace(/^<\?xml[^>]*\?>/, '').replace('<w:t>', '<w:t>&b;')}`,
  ),
  bodyMutator('doctype-external', 1, (s, rng) => {
    const url = rng.pick(['file:///etc/passwd', 'http://127.0.0.1:9/x.dtd', '/etc/hostname']);
    return `<!DOCTYPE w:document SYSTEM "${url}" [<!ENTITY xxe SYSTEM "${url}">]>${s.replace(/^<\?xml[^>]*\?>/, '').replace('<w:t>', '<w:t>&xxe;')}`;
  }),
];

/** The document's longest text: an entity expanded would show here. */
function longestText(doc: DocumentModel): number {
  let most = 0;
  for (const p of doc.paragraphs) most = Math.max(most, p.text.length);
  for (const t of doc.tables) for (const r of t.rows) for (const c of r) most = Math.max(most, c.text.length);
  return most;
}

export const docxTarget: FuzzTarget = {
  name: 'docx',
  description: 'Word reports (readDocx): the seed report as .docx, its parts broken, runs and tables broken',
  ext: 'docx',
  seeds: docxSeeds,
  mutators: DOCX_MUTATORS,
  maxStack: 3,
  async run(input) {
    try {
      const doc = readDocx(input);
      const most = longestText(doc);
      if (most > 32 * 1024 * 1024 || most > 64 * input.length) return defect(`a text of ${most} characters read from ${input.length} bytes: an entity expanded?`);
      return finding(`${doc.paragraphs.length} paragraphs, ${doc.tables.length} tables`);
    } catch (e) {
      if (e instanceof DocumentReadError) return refusal(`${e.kind}: ${e.reason.en}`);
      if (e instanceof RefusalError) return refusal(e.message);
      return defectOf(e);
    }
  },
};
