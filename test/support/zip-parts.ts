/** Editing the parts of an `.xlsx` package as text (fflate: the zip library the project ships). */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** The package with `edit` applied to its parts (name → XML text); a part set to undefined is removed. */
export function editParts(xlsx: Uint8Array, edit: (parts: Record<string, string | undefined>) => void): Uint8Array {
  const raw = unzipSync(xlsx);
  const parts: Record<string, string | undefined> = {};
  for (const [name, data] of Object.entries(raw)) parts[name] = strFromU8(data);
  edit(parts);
  const out: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(parts)) if (text !== undefined) out[name] = strToU8(text);
  return zipSync(out);
}

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** Every unprefixed element of `xml` written with `prefix:`, its default namespace bound to the prefix instead. */
function prefixElements(xml: string, ns: string, prefix: string): string {
  if (!xml.includes(`xmlns="${ns}"`)) return xml;
  return xml.replace(`xmlns="${ns}"`, `xmlns:${prefix}="${ns}"`).replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`);
}

/**
 * The same workbook as some tools write it: SpreadsheetML elements with a namespace prefix
 * (`<x:worksheet>`, `<x:row>`, `<x:c>`, `<x:si>`, …), relationships as `<pr:Relationship>`, and the
 * workbook's relationship ids under another prefix (`rel:id`).
 */
export function prefixedXlsx(xlsx: Uint8Array): Uint8Array {
  return editParts(xlsx, (parts) => {
    for (const [name, text] of Object.entries(parts)) {
      if (text === undefined) continue;
      if (name.endsWith('.rels')) parts[name] = prefixElements(text, PACKAGE_RELS_NS, 'pr');
      else if (name.startsWith('xl/') && name.endsWith('.xml')) parts[name] = prefixElements(text, MAIN_NS, 'x');
    }
    const wb = parts['xl/workbook.xml'] as string;
    parts['xl/workbook.xml'] = wb.replace(/xmlns:r=/g, 'xmlns:rel=').replace(/\sr:id=/g, ' rel:id=');
  });
}
