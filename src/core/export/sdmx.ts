/**
 * The figures in SDMX (docs/export.md): an SDMX-CSV 2.0 data message (field guide: public
 * repository `sdmx-twg/sdmx-csv`, `data-message/docs/sdmx-csv-field-guide.md`) and the SDMX-ML 3.0
 * structure message that describes it (agency, concept scheme, codelists, data structure
 * definition, dataflow), valid against the official schemas in `schemas/sdmx-ml-3.0/`.
 *
 * One dataflow per pack and pack version: `BIEUMAU:VN_STANDARD(1.0.0)`. Dimensions UNIT, TABLE,
 * ROW, INDICATOR and the time dimension TIME_PERIOD (the report period as an ISO 8601 interval,
 * `2025-07-01/2025-10-15`; for a row that is a period of its own — a roll-up's months — that row's
 * period, so the observation is the one the month's own report gives); the measure OBS_VALUE; the attribute SOURCE_SHA256 (the file the
 * observation came from). Only entry figures become observations: computed ones (sums, ratios,
 * totals, averages) are left to SDMX consumers, which aggregate. A blank entry, text typed where a
 * number belongs, and a figure of a table without a valid period give no observation.
 *
 * SDMX ids allow only `A–Z a–z 0–9 _ @ $ -`, so codes are derived from the records:
 * TABLE the template id (`b01`); INDICATOR the template id and the field id with `.` → `_`
 * (`b01_central_politburo`, one code per table's column, so that one codelist holds every table's
 * columns); ROW a fixed row's id (`province`), `PERIOD` for a per-period row, else the row's label
 * folded to ASCII (`XA_DA_HUOAI`); UNIT the unit folded the same way (`UNSPECIFIED` when blank).
 * Two different names that fold to the same code both get a short hash of their name appended.
 * The codes' names carry the full Vietnamese (and, where the product has it, English) text.
 * Pure; no Node API.
 */
import type { FigureRecord } from './export';
import { columnLabelEn, columnLabelVi } from './export';
import type { Template } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { PackCatalog } from '../forms/catalog';
import { csvDocument, type CsvValue } from '../csv';
import { escapeXml } from '../xml';

export const SDMX_AGENCY = 'BIEUMAU';

export const SDMX_CSV_HEADER = ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'UNIT', 'TIME_PERIOD', 'TABLE', 'ROW', 'INDICATOR', 'OBS_VALUE', 'SOURCE_SHA256'] as const;

/** `vn.standard` → `VN_STANDARD`. */
export function dataflowId(pack: string): string {
  return pack.toUpperCase().replace(/\./g, '_');
}

/** `BIEUMAU:VN_STANDARD(1.0.0)`. */
export function structureId(pack: string, version: number): string {
  return `${SDMX_AGENCY}:${dataflowId(pack)}(${version}.0.0)`;
}

/** Text folded to an SDMX id: ASCII letters (diacritics and đ dropped), digits, `_`; upper case. */
export function foldToId(text: string): string {
  const ascii = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'D')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return ascii === '' ? 'X' : /^[0-9]/.test(ascii) ? `X${ascii}` : ascii;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable tag for names that fold to the same id. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').toUpperCase();
}

/** Codes for a set of names: the folded name, with a hash where two names fold alike. */
function codesFor(names: Iterable<string>, fold: (name: string) => string): Map<string, string> {
  const byFold = new Map<string, Set<string>>();
  for (const n of names) {
    const f = fold(n);
    const set = byFold.get(f) ?? new Set<string>();
    set.add(n);
    byFold.set(f, set);
  }
  const out = new Map<string, string>();
  for (const [f, set] of byFold) for (const n of set) out.set(n, set.size === 1 ? f : `${f}_${shortHash(n)}`);
  return out;
}

function unitFold(unit: string): string {
  return unit === '' ? 'UNSPECIFIED' : foldToId(unit);
}

const ISO_INTERVAL = /^\d{4}-\d{2}-\d{2}\/\d{4}-\d{2}-\d{2}$/;

/** What a record's row is in SDMX: a fixed row keeps its id, a per-period row is `PERIOD`, any other is its label. */
function rowKey(r: FigureRecord, template: Template | undefined): { key: string; fixed: boolean } {
  if (template?.rows.kind === 'fixed' && template.rows.rows.some((x) => x.id === r.row)) return { key: r.row, fixed: true };
  if (r.row === 'period' || ISO_INTERVAL.test(r.row)) return { key: 'PERIOD', fixed: true };
  return { key: r.row, fixed: false };
}

export function indicatorCode(template: string, column: string): string {
  return `${template}_${column.replace(/\./g, '_')}`;
}

/** One observation of the data message. */
export interface SdmxObservation {
  structureId: string;
  pack: string;
  packVersion: number;
  unit: string;
  unitName: string;
  timePeriod: string;
  table: string;
  row: string;
  rowName: string;
  indicator: string;
  template: Template | undefined;
  column: string;
  value: number;
  sha256: string;
}

/** The observations of these records (entry figures with a number and a period), codes assigned. */
export function sdmxObservations(records: readonly FigureRecord[], catalog: PackCatalog): SdmxObservation[] {
  const kept = records.filter((r) => r.kind === 'entry' && typeof r.value === 'number' && r.period_from !== null && r.period_to !== null);
  const templateOf = (r: FigureRecord): Template | undefined => catalog.find(r.pack, r.template, r.template_version);
  const units = codesFor(
    kept.map((r) => r.unit),
    unitFold,
  );
  const freeRows = codesFor(
    kept.flatMap((r) => {
      const k = rowKey(r, templateOf(r));
      return k.fixed ? [] : [k.key];
    }),
    foldToId,
  );
  return kept.map((r) => {
    const template = templateOf(r);
    const k = rowKey(r, template);
    const version = r.pack_version ?? 1;
    return {
      structureId: structureId(r.pack, version),
      pack: r.pack,
      packVersion: version,
      unit: units.get(r.unit) as string,
      unitName: r.unit,
      // a row of its own period (a roll-up's months) is observed at that period, as the month's own report is
      timePeriod: ISO_INTERVAL.test(r.row) ? r.row : `${r.period_from}/${r.period_to}`,
      table: r.template,
      row: k.fixed ? k.key : (freeRows.get(k.key) as string),
      rowName: k.key === 'PERIOD' ? r.row_label : r.row_label || r.row,
      indicator: indicatorCode(r.template, r.column),
      template,
      column: r.column,
      value: r.value as number,
      sha256: r.source_sha256,
    };
  });
}

/** The SDMX-CSV 2.0 data message: header, then one row per observation (ACTION `I`). */
export function sdmxCsv(observations: readonly SdmxObservation[]): string {
  const rows: CsvValue[][] = observations.map((o) => ['dataflow', o.structureId, 'I', o.unit, o.timePeriod, o.table, o.row, o.indicator, o.value, o.sha256]);
  return csvDocument(SDMX_CSV_HEADER, rows);
}

// ---------------------------------------------------------------------------------------------
// The structure message

/** Text for XML: the characters XML 1.0 cannot hold (control characters but tab, LF, CR) dropped, the rest escaped. */
interface Names {
  vi: string;
  en?: string;
}

function names(n: Names, indent: string): string {
  const out = [`${indent}<com:Name xml:lang="vi">${escapeXml(n.vi)}</com:Name>`];
  if (n.en !== undefined && n.en !== '') out.push(`${indent}<com:Name xml:lang="en">${escapeXml(n.en)}</com:Name>`);
  return out.join('\n');
}

const CONCEPTS: { id: string; name: Names }[] = [
  { id: 'UNIT', name: { vi: 'Đơn vị báo cáo', en: 'Reporting unit' } },
  { id: 'TABLE', name: { vi: 'Biểu', en: 'Table' } },
  { id: 'ROW', name: { vi: 'Dòng của biểu (đơn vị, kỳ hoặc cấp)', en: 'Row of the table (unit, period or level)' } },
  { id: 'INDICATOR', name: { vi: 'Chỉ tiêu (cột của biểu)', en: 'Indicator (column of the table)' } },
  { id: 'TIME_PERIOD', name: { vi: 'Kỳ báo cáo', en: 'Report period' } },
  { id: 'OBS_VALUE', name: { vi: 'Số liệu', en: 'Observation value' } },
  { id: 'SOURCE_SHA256', name: { vi: 'SHA-256 của tệp nguồn', en: 'SHA-256 of the source file' } },
];

const CONCEPT_SCHEME = 'CS_BIEUMAU';
const CONCEPT_VERSION = '1.0.0';

function conceptUrn(id: string): string {
  return `urn:sdmx:org.sdmx.infomodel.conceptscheme.Concept=${SDMX_AGENCY}:${CONCEPT_SCHEME}(${CONCEPT_VERSION}).${id}`;
}

function codelistUrn(id: string, version: string): string {
  return `urn:sdmx:org.sdmx.infomodel.codelist.Codelist=${SDMX_AGENCY}:${id}(${version})`;
}

interface Codelist {
  id: string;
  name: Names;
  codes: Map<string, Names>;
}

function codelistXml(cl: Codelist, version: string): string {
  const i = '        ';
  const lines = [`${i}<str:Codelist urn="${codelistUrn(cl.id, version)}" agencyID="${SDMX_AGENCY}" id="${cl.id}" version="${version}">`, names(cl.name, `${i}  `)];
  for (const [id, n] of cl.codes) {
    lines.push(`${i}  <str:Code urn="urn:sdmx:org.sdmx.infomodel.codelist.Code=${SDMX_AGENCY}:${cl.id}(${version}).${id}" id="${id}">`, names(n, `${i}    `), `${i}  </str:Code>`);
  }
  lines.push(`${i}</str:Codelist>`);
  return lines.join('\n');
}

export interface StructureOptions {
  /** The message id (an SDMX id) and its preparation time; tests pass fixed ones. */
  id?: string;
  prepared?: Date;
}

/** One pack version's observations. */
type Flow = { pack: string; version: number; obs: SdmxObservation[] };

/** The codelists of one pack's observations: its tables, indicators (every column of its tables seen), rows and units. */
function flowCodelists(f: Flow, flow: string): { tables: Codelist; indicators: Codelist; rows: Codelist; units: Codelist } {
  const tables: Codelist = { id: `CL_${flow}_TABLE`, name: { vi: `Các biểu của gói ${f.pack}`, en: `Tables of pack ${f.pack}` }, codes: new Map() };
  const indicators: Codelist = { id: `CL_${flow}_INDICATOR`, name: { vi: `Chỉ tiêu của gói ${f.pack}`, en: `Indicators of pack ${f.pack}` }, codes: new Map() };
  const rows: Codelist = { id: `CL_${flow}_ROW`, name: { vi: `Dòng của các biểu gói ${f.pack}`, en: `Rows of the tables of pack ${f.pack}` }, codes: new Map() };
  const units: Codelist = { id: `CL_${flow}_UNIT`, name: { vi: 'Đơn vị báo cáo có trong số liệu', en: 'Reporting units in the data' }, codes: new Map() };
  const seenTemplates: Template[] = [];
  for (const o of f.obs) {
    if (o.template && !seenTemplates.includes(o.template)) seenTemplates.push(o.template);
    if (!tables.codes.has(o.table)) tables.codes.set(o.table, o.template ? { vi: `${o.template.name.vi}: ${o.template.title.vi}`, en: `${o.template.name.en}: ${o.template.title.en}` } : { vi: o.table });
    if (!units.codes.has(o.unit)) units.codes.set(o.unit, { vi: o.unitName || 'Không ghi đơn vị', en: o.unitName === '' ? 'Unit not given' : undefined });
    if (!rows.codes.has(o.row)) {
      const fixed = o.template?.rows.kind === 'fixed' ? o.template.rows.rows.find((r) => r.id === o.row) : undefined;
      rows.codes.set(o.row, fixed ? { vi: fixed.label.vi, en: fixed.label.en } : o.row === 'PERIOD' ? { vi: 'Cả kỳ báo cáo', en: 'The whole report period' } : { vi: o.rowName || o.row });
    }
  }
  // Every column of the tables seen, so that one codelist describes the whole table.
  for (const t of seenTemplates) {
    for (const c of columnsOf(t)) {
      if (c.kind !== 'entry') continue;
      const code = indicatorCode(t.id, c.id);
      if (!indicators.codes.has(code)) indicators.codes.set(code, { vi: `${t.name.vi}: ${columnLabelVi(t, c.id)}`, en: `${t.name.en}: ${columnLabelEn(t, c.id)}` });
    }
  }
  for (const o of f.obs) if (!indicators.codes.has(o.indicator)) indicators.codes.set(o.indicator, { vi: o.indicator });
  return { tables, indicators, rows, units };
}

/** The data structure definition of one pack's flow: its dimensions on the codelists, the time, the fingerprint attribute, the value. */
function dataStructureXml(flow: string, v: string, packName: Names, lists: { tables: Codelist; indicators: Codelist; rows: Codelist; units: Codelist }): string {
  const { tables, indicators, rows, units } = lists;
  const dsd = `DSD_${flow}`;
  const dsdRef = `${SDMX_AGENCY}:${dsd}(${v})`;
  const dim = (id: string, pos: number, cl: Codelist): string =>
    [
      `          <str:Dimension urn="urn:sdmx:org.sdmx.infomodel.datastructure.Dimension=${dsdRef}.${id}" id="${id}" position="${pos}">`,
      `            <str:ConceptIdentity>${conceptUrn(id)}</str:ConceptIdentity>`,
      `            <str:LocalRepresentation>`,
      `              <str:Enumeration>${codelistUrn(cl.id, v)}</str:Enumeration>`,
      `            </str:LocalRepresentation>`,
      `          </str:Dimension>`,
    ].join('\n');
  return [
    `      <str:DataStructure urn="urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${dsdRef}" agencyID="${SDMX_AGENCY}" id="${dsd}" version="${v}">`,
    names({ vi: `Cấu trúc số liệu: ${packName.vi}`, en: packName.en ? `Data structure: ${packName.en}` : undefined }, '        '),
    `        <str:DataStructureComponents>`,
    `          <str:DimensionList urn="urn:sdmx:org.sdmx.infomodel.datastructure.DimensionDescriptor=${dsdRef}.DimensionDescriptor" id="DimensionDescriptor">`,
    dim('UNIT', 1, units),
    dim('TABLE', 2, tables),
    dim('ROW', 3, rows),
    dim('INDICATOR', 4, indicators),
    `          <str:TimeDimension urn="urn:sdmx:org.sdmx.infomodel.datastructure.TimeDimension=${dsdRef}.TIME_PERIOD" id="TIME_PERIOD">`,
    `            <str:ConceptIdentity>${conceptUrn('TIME_PERIOD')}</str:ConceptIdentity>`,
    `            <str:LocalRepresentation>`,
    `              <str:TextFormat textType="ObservationalTimePeriod"/>`,
    `            </str:LocalRepresentation>`,
    `          </str:TimeDimension>`,
    `          </str:DimensionList>`,
    `          <str:AttributeList urn="urn:sdmx:org.sdmx.infomodel.datastructure.AttributeDescriptor=${dsdRef}.AttributeDescriptor" id="AttributeDescriptor">`,
    `            <str:Attribute urn="urn:sdmx:org.sdmx.infomodel.datastructure.DataAttribute=${dsdRef}.SOURCE_SHA256" id="SOURCE_SHA256" usage="mandatory">`,
    `              <str:ConceptIdentity>${conceptUrn('SOURCE_SHA256')}</str:ConceptIdentity>`,
    `              <str:LocalRepresentation>`,
    `                <str:TextFormat textType="String" minLength="64" maxLength="64"/>`,
    `              </str:LocalRepresentation>`,
    `              <str:AttributeRelationship>`,
    `                <str:Observation/>`,
    `              </str:AttributeRelationship>`,
    `            </str:Attribute>`,
    `          </str:AttributeList>`,
    `          <str:MeasureList urn="urn:sdmx:org.sdmx.infomodel.datastructure.MeasureDescriptor=${dsdRef}.MeasureDescriptor" id="MeasureDescriptor">`,
    `            <str:Measure urn="urn:sdmx:org.sdmx.infomodel.datastructure.Measure=${dsdRef}.OBS_VALUE" id="OBS_VALUE" usage="mandatory">`,
    `              <str:ConceptIdentity>${conceptUrn('OBS_VALUE')}</str:ConceptIdentity>`,
    `              <str:LocalRepresentation>`,
    `                <str:TextFormat textType="Decimal"/>`,
    `              </str:LocalRepresentation>`,
    `            </str:Measure>`,
    `          </str:MeasureList>`,
    `        </str:DataStructureComponents>`,
    `      </str:DataStructure>`,
  ].join('\n');
}

/** The dataflow of one pack. */
function dataflowXml(flow: string, v: string, packName: Names, dsdRef: string): string {
  return [
    `      <str:Dataflow urn="urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=${SDMX_AGENCY}:${flow}(${v})" agencyID="${SDMX_AGENCY}" id="${flow}" version="${v}">`,
    names(packName, '        '),
    `        <str:Structure>urn:sdmx:org.sdmx.infomodel.datastructure.DataStructure=${dsdRef}</str:Structure>`,
    `      </str:Dataflow>`,
  ].join('\n');
}

/**
 * The SDMX-ML 3.0 structure message for these observations: per pack and version, the codelists of
 * its tables, indicators (every column of its tables seen, Vietnamese and English names), rows and
 * units seen, its data structure definition and its dataflow; one agency scheme and one concept
 * scheme for all.
 */
export function sdmxStructure(observations: readonly SdmxObservation[], catalog: PackCatalog, options: StructureOptions = {}): string {
  const prepared = (options.prepared ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const messageId = options.id ?? `BIEUMAU_${prepared.replace(/[^0-9]/g, '')}`;
  const flows = new Map<string, Flow>();
  for (const o of observations) {
    const k = o.structureId;
    const f = flows.get(k) ?? { pack: o.pack, version: o.packVersion, obs: [] };
    f.obs.push(o);
    flows.set(k, f);
  }
  const codelists: string[] = [];
  const dataflows: string[] = [];
  const structures: string[] = [];
  for (const f of flows.values()) {
    const v = `${f.version}.0.0`;
    const flow = dataflowId(f.pack);
    const pack = catalog.packs.find((p) => p.id === f.pack && p.version === f.version);
    const packName: Names = pack ? { vi: pack.title.vi, en: pack.title.en } : { vi: f.pack };
    const lists = flowCodelists(f, flow);
    for (const cl of [lists.tables, lists.indicators, lists.rows, lists.units]) codelists.push(codelistXml(cl, v));
    structures.push(dataStructureXml(flow, v, packName, lists));
    dataflows.push(dataflowXml(flow, v, packName, `${SDMX_AGENCY}:DSD_${flow}(${v})`));
  }
  const concepts = CONCEPTS.map((c) =>
    [`        <str:Concept urn="${conceptUrn(c.id)}" id="${c.id}">`, names(c.name, '          '), `        </str:Concept>`].join('\n'),
  ).join('\n');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<mes:Structure xmlns:mes="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/message" xmlns:str="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/structure" xmlns:com="http://www.sdmx.org/resources/sdmxml/schemas/v3_0/common">`,
    `  <mes:Header>`,
    `    <mes:ID>${escapeXml(messageId)}</mes:ID>`,
    `    <mes:Test>false</mes:Test>`,
    `    <mes:Prepared>${prepared}</mes:Prepared>`,
    `    <mes:Sender id="${SDMX_AGENCY}"/>`,
    `  </mes:Header>`,
    `  <mes:Structures>`,
    `    <str:AgencySchemes>`,
    `      <str:AgencyScheme urn="urn:sdmx:org.sdmx.infomodel.base.AgencyScheme=SDMX:AGENCIES(1.0)" agencyID="SDMX" id="AGENCIES">`,
    `        <com:Name xml:lang="en">SDMX agency scheme</com:Name>`,
    `        <str:Agency urn="urn:sdmx:org.sdmx.infomodel.base.Agency=SDMX:AGENCIES(1.0).${SDMX_AGENCY}" id="${SDMX_AGENCY}">`,
    names({ vi: 'Biểu mẫu thống kê (bieumau)', en: 'Biểu mẫu statistics forms (bieumau)' }, '          '),
    `        </str:Agency>`,
    `      </str:AgencyScheme>`,
    `    </str:AgencySchemes>`,
    ...(codelists.length ? [`    <str:Codelists>`, ...codelists, `    </str:Codelists>`] : []),
    `    <str:ConceptSchemes>`,
    `      <str:ConceptScheme urn="urn:sdmx:org.sdmx.infomodel.conceptscheme.ConceptScheme=${SDMX_AGENCY}:${CONCEPT_SCHEME}(${CONCEPT_VERSION})" agencyID="${SDMX_AGENCY}" id="${CONCEPT_SCHEME}" version="${CONCEPT_VERSION}">`,
    names({ vi: 'Khái niệm của số liệu Biểu mẫu', en: 'Concepts of the Biểu mẫu data' }, '        '),
    concepts,
    `      </str:ConceptScheme>`,
    `    </str:ConceptSchemes>`,
    ...(dataflows.length ? [`    <str:Dataflows>`, ...dataflows, `    </str:Dataflows>`] : []),
    ...(structures.length ? [`    <str:DataStructures>`, ...structures, `    </str:DataStructures>`] : []),
    `  </mes:Structures>`,
    `</mes:Structure>`,
    ``,
  ].join('\n');
}
