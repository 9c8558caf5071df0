/**
 * A workbook of SheetPlans as its parts (path → XML text), written directly: the same parts the
 * ExcelJS writer (`xlsx/writer`) makes of the same plans (but for the time in `docProps/core.xml`),
 * without loading ExcelJS — the count (`xlsx/count-workbook`) writes its tables this way, then adds
 * its register sheets. Browser-safe: text out, no file system.
 */
import type { SheetPlan } from '../core/forms/plan';
import theme1 from 'exceljs/lib/xlsx/xml/theme1.js';
import { StyleBook, XML_DECLARATION, xmlText } from './plan-styles';
import { planSheetXml, SharedStrings } from './plan-sheet';
import { planNames, withSheetScopedNames } from './scoped-names';
import { uniqueSheetNames } from './sheet-names';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

function contentTypes(sheets: number): string {
  const o = (part: string, type: string): string => `<Override PartName="${part}" ContentType="${type}"/>`;
  let xml = `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>`;
  xml += o('/xl/workbook.xml', `${CT}.spreadsheetml.sheet.main+xml`);
  for (let i = 1; i <= sheets; i++) xml += o(`/xl/worksheets/sheet${i}.xml`, `${CT}.spreadsheetml.worksheet+xml`);
  xml += o('/xl/theme/theme1.xml', `${CT}.theme+xml`) + o('/xl/styles.xml', `${CT}.spreadsheetml.styles+xml`) + o('/xl/sharedStrings.xml', `${CT}.spreadsheetml.sharedStrings+xml`);
  xml += `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>`;
  return `${xml}${o('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml')}${o('/docProps/app.xml', `${CT}.extended-properties+xml`)}</Types>`;
}

function relationships(rels: [string, string][]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${PKG_REL}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('')}</Relationships>`;
}

function appXml(names: string[]): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${names.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${names.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${xmlText(n)}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>'
  );
}

function coreXml(created: Date): string {
  const at = created.toISOString().replace(/[.]\d{3}/, '');
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    '<dc:creator>bieumau</dc:creator><dc:title></dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>Unknown</cp:lastModifiedBy>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`
  );
}

function workbookXml(names: string[]): string {
  return (
    `${XML_DECLARATION}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main">` +
    '<fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>' +
    `<sheets>${names.map((n, i) => `<sheet sheetId="${i + 1}" name="${xmlText(n)}" state="visible" r:id="rId${i + 4}"/>`).join('')}</sheets>` +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

/** The parts of the workbook of these plans, one sheet per plan in order (`created`: its time). */
export function planWorkbookParts(plans: readonly SheetPlan[], created = new Date()): Map<string, string> {
  const names = uniqueSheetNames(plans.map((p) => p.sheetName));
  const styles = new StyleBook();
  const sst = new SharedStrings();
  const parts = new Map<string, string>();
  parts.set('[Content_Types].xml', contentTypes(plans.length));
  parts.set('_rels/.rels', relationships([[`${REL}/officeDocument`, 'xl/workbook.xml'], [`${PKG_REL}/metadata/core-properties`, 'docProps/core.xml'], [`${REL}/extended-properties`, 'docProps/app.xml']]));
  parts.set('xl/_rels/workbook.xml.rels', relationships([[`${REL}/styles`, 'styles.xml'], [`${REL}/theme`, 'theme/theme1.xml'], [`${REL}/sharedStrings`, 'sharedStrings.xml'], ...plans.map((_p, i): [string, string] => [`${REL}/worksheet`, `worksheets/sheet${i + 1}.xml`])]));
  plans.forEach((plan, i) => parts.set(`xl/worksheets/sheet${i + 1}.xml`, planSheetXml(plan, styles, sst)));
  parts.set('xl/sharedStrings.xml', sst.xml());
  parts.set('xl/theme/theme1.xml', theme1);
  parts.set('xl/styles.xml', styles.xml());
  parts.set('docProps/app.xml', appXml(names));
  parts.set('docProps/core.xml', coreXml(created));
  parts.set('xl/workbook.xml', withSheetScopedNames(workbookXml(names), planNames(plans, names)));
  return parts;
}
