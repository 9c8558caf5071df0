/**
 * The figures a report's text quotes, computed from the tables read back from the workbook:
 * totals, averages per day and per month, ratios — each as a number, as text in Vietnamese
 * (vi-VN: `4.547`, `85,3%`) and English, and the sentences the report's narrative needs, e.g.
 * "trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi".
 *
 * Conventions (the same as the note Biểu 01 carries): calendar days of the period, first and
 * last day included; a month counts as 30 days; averages rounded to whole documents.
 */
import { unitRowIndices } from './tables/rows';
import type { CellValue, TableRead, WorkbookRead } from './tables/table-read';
import type { Column, Template, Text } from './forms/template';
import { STANDARD_PACK_ID } from './forms/pack';
import { BUILTIN_CATALOG } from './forms/builtin';
import { lookupTemplate, type TemplateSource } from './forms/catalog';
import { daysInclusive, excelSerialToIso, formatDateVi, isoFromUtcDate, isValidIsoDate, compareIsoDates } from './dates';

export type Lang = 'vi' | 'en';

export interface Period {
  from: string;
  to: string;
  /** Calendar days, first and last included. */
  days: number;
}

export interface FigureLine {
  id: string;
  kind: 'total' | 'perDay' | 'perMonth' | 'ratio';
  label: Text;
  /** The value (a ratio as a fraction, 1 = 100 %); null where it cannot be computed. */
  value: number | null;
  /** The value as shown: `4.547` / `4,547`, `100%`, `—` when unknown. */
  text: Text;
}

export interface Sentence {
  id: string;
  text: Text;
}

export interface TableFigures {
  sheet: string;
  templateId: string;
  name: Text;
  lines: FigureLine[];
  sentences: Sentence[];
  /** Some entry cells hold no number (blank or text): the figures leave them out. */
  incomplete: boolean;
}

export interface WorkbookFigures {
  period: Period | null;
  tables: TableFigures[];
}

const FORMATS: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
};
const PERCENT: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }),
};

/** A whole count as the language writes it: `486.563` (vi), `486,563` (en). Rounded half up. */
export function formatCount(n: number, lang: Lang): string {
  return FORMATS[lang].format(Math.round(n));
}

/** A ratio (1 = 100 %) as a percentage with at most one decimal: `85,3%` / `85.3%`. */
export function formatPercent(ratio: number, lang: Lang): string {
  return `${PERCENT[lang].format(Math.round(ratio * 1000) / 10)}%`;
}

function both(n: number | null, f: (n: number, lang: Lang) => string): Text {
  if (n === null) return { vi: '—', en: '—' };
  return { vi: f(n, 'vi'), en: f(n, 'en') };
}

/** A date cell as read (Excel serial, Date, ISO text or `dd/mm/yyyy` text) → ISO, or null. */
export function cellDate(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    try {
      return excelSerialToIso(v);
    } catch {
      return null;
    }
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : isoFromUtcDate(v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (isValidIsoDate(s)) return s;
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
    if (m) {
      const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
      return isValidIsoDate(iso) ? iso : null;
    }
  }
  return null;
}

function numberOf(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The period of a table from its period cells, or null when they are missing or reversed. */
export function tablePeriod(table: TableRead): Period | null {
  const from = cellDate(table.info.from?.value);
  const to = cellDate(table.info.to?.value);
  return makePeriod(from, to);
}

function makePeriod(from: string | null | undefined, to: string | null | undefined): Period | null {
  if (!from || !to || !isValidIsoDate(from) || !isValidIsoDate(to) || compareIsoDates(from, to) > 0) return null;
  return { from, to, days: daysInclusive(from, to) };
}

/** Column totals of one table, computed from what the cells hold. */
class TableNumbers {
  readonly incomplete: boolean;
  private readonly byId: Map<string, Column>;

  constructor(
    private readonly table: TableRead,
    template: Template,
  ) {
    this.byId = new Map(template.groups.flatMap((g) => g.columns).map((c) => [c.id, c]));
    let n = table.rowLabels?.length ?? 0;
    for (const cells of Object.values(table.columns)) n = Math.max(n, cells.length);
    this.units = unitRowIndices({ rowLabels: new Array<null>(n), groups: table.groups });
    let incomplete = false;
    for (const c of this.byId.values()) {
      if (c.kind !== 'entry') continue;
      const cells = table.columns[c.id] ?? [];
      for (const i of this.units) if (numberOf(cells[i]?.value) === null) incomplete = true;
    }
    this.incomplete = incomplete;
  }

  /** Data rows that are units (group and subtotal rows of a consolidated table left out). */
  private readonly units: number[];

  /** The value of a column in one data row: the cell's number; a sum column not (yet) computed adds its parts. */
  cell(id: string, row: number): number {
    const col = this.byId.get(id);
    const v = numberOf(this.table.columns[id]?.[row]?.value);
    if (v !== null) return v;
    if (col?.kind === 'sum') return col.of.reduce((s, part) => s + this.cell(part, row), 0);
    return 0;
  }

  /** Total of a column over all data rows. */
  total(id: string): number {
    let s = 0;
    for (const r of this.units) s += this.cell(id, r);
    return s;
  }
}

function lower(s: string): string {
  return s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
}

function joinList(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

function totalLine(id: string, label: Text, value: number): FigureLine {
  return { id, kind: 'total', label, value, text: both(value, formatCount) };
}

function linesOf(template: Template, nums: TableNumbers, period: Period | null): FigureLine[] {
  const lines: FigureLine[] = [];
  for (const g of template.groups) {
    const sum = g.columns.find((c) => c.kind === 'sum');
    if (sum) {
      lines.push(totalLine(sum.id, { vi: `${g.label.vi}: ${sum.label.vi.toLocaleLowerCase('vi')}`, en: `${g.label.en}: ${sum.label.en.toLowerCase()}` }, nums.total(sum.id)));
      continue;
    }
    for (const c of g.columns) {
      const label: Text = g.columns.length === 1 ? c.label : { vi: `${g.label.vi}: ${lower(c.label.vi)}`, en: `${g.label.en}: ${c.label.en.charAt(0).toLowerCase()}${c.label.en.slice(1)}` };
      if (c.kind === 'ratio') {
        const den = nums.total(c.denominator);
        const value = den === 0 ? null : nums.total(c.numerator) / den;
        lines.push({ id: c.id, kind: 'ratio', label, value, text: both(value, formatPercent) });
      } else {
        lines.push(totalLine(c.id, label, nums.total(c.id)));
      }
    }
  }
  for (const a of template.averages ?? []) {
    const value = period === null ? null : a.kind === 'perDay' ? nums.total(a.of) / period.days : (nums.total(a.of) * 30) / period.days;
    lines.push({ id: a.id, kind: a.kind, label: a.label, value, text: both(value, formatCount) });
  }
  return lines;
}

function valueOf(lines: FigureLine[], id: string): number | null {
  return lines.find((l) => l.id === id)?.value ?? null;
}

function periodPhrase(period: Period | null): Text {
  if (!period) return { vi: 'Trong kỳ báo cáo', en: 'In the report period' };
  const from = formatDateVi(period.from);
  const to = formatDateVi(period.to);
  return {
    vi: `Từ ngày ${from} đến ngày ${to} (${formatCount(period.days, 'vi')} ngày)`,
    en: `From ${from} to ${to} (${formatCount(period.days, 'en')} days)`,
  };
}

/** Biểu 01: documents received from the centre and issued locally, and the averages. */
function documentsByIssuerSentences(lines: FigureLine[], period: Period | null): Sentence[] {
  const received = valueOf(lines, 'central.total') ?? 0;
  const issued = valueOf(lines, 'local.total') ?? 0;
  const p = periodPhrase(period);
  const out: Sentence[] = [
    {
      id: 'totals',
      text: {
        vi: `${p.vi}, địa phương đã xử lý ${formatCount(received, 'vi')} văn bản do Trung ương ban hành và ban hành ${formatCount(issued, 'vi')} văn bản`,
        en: `${p.en}, the locality handled ${formatCount(received, 'en')} documents issued by central bodies and issued ${formatCount(issued, 'en')} documents`,
      },
    },
  ];
  const per = [
    { id: 'perDay', received: 'receivedPerDay', issued: 'issuedPerDay', unit: { vi: 'ngày', en: 'day' } },
    { id: 'perMonth', received: 'receivedPerMonth', issued: 'issuedPerMonth', unit: { vi: 'tháng', en: 'month' } },
  ] as const;
  for (const { id, received, issued, unit } of per) {
    const incoming = valueOf(lines, received);
    const outgoing = valueOf(lines, issued);
    if (incoming === null || outgoing === null) continue;
    out.push({
      id,
      text: {
        vi: `trung bình một ${unit.vi} xử lý ${formatCount(incoming, 'vi')} văn bản đến, ban hành ${formatCount(outgoing, 'vi')} văn bản đi`,
        en: `on average ${formatCount(incoming, 'en')} incoming documents handled and ${formatCount(outgoing, 'en')} outgoing documents issued per ${unit.en}`,
      },
    });
  }
  return out;
}

/** Biểu 02: per issuer, its total and its parts. */
function documentsByTypeSentences(template: Template, nums: TableNumbers): Sentence[] {
  const out: Sentence[] = [];
  for (const g of template.groups) {
    const sum = g.columns.find((c) => c.kind === 'sum');
    if (!sum) continue;
    const parts = g.columns.filter((c) => c.kind === 'entry');
    out.push({
      id: g.id,
      text: {
        vi: `${g.label.vi} ban hành ${formatCount(nums.total(sum.id), 'vi')} văn bản, gồm ${joinList(
          parts.map((c) => `${formatCount(nums.total(c.id), 'vi')} ${lower(c.label.vi)}`),
          'và',
        )}`,
        en: `${g.label.en}: ${formatCount(nums.total(sum.id), 'en')} documents, of which ${joinList(
          parts.map((c) => `${formatCount(nums.total(c.id), 'en')} ${c.label.en.toLowerCase()}`),
          'and',
        )}`,
      },
    });
  }
  return out;
}

/** Biểu 03: meetings convened by the centre and held locally. */
function meetingsSentences(nums: TableNumbers, period: Period | null): Sentence[] {
  const p = periodPhrase(period);
  const central = nums.total('central.total');
  const local = nums.total('local.total');
  return [
    {
      id: 'totals',
      text: {
        vi: `${p.vi}, địa phương tham dự ${formatCount(central, 'vi')} hội nghị, cuộc họp do Trung ương triệu tập và tổ chức ${formatCount(local, 'vi')} hội nghị, cuộc họp`,
        en: `${p.en}, the locality attended ${formatCount(central, 'en')} conferences and meetings convened by central bodies and held ${formatCount(local, 'en')}`,
      },
    },
  ];
}

/** Biểu 04: procedures published and the online services, with the ratios. */
function proceduresSentences(nums: TableNumbers): Sentence[] {
  const published = nums.total('published');
  const fullP = nums.total('onlineFull.provided');
  const fullE = nums.total('onlineFull.eligible');
  const partP = nums.total('onlinePartial.provided');
  const partE = nums.total('onlinePartial.eligible');
  const direct = nums.total('direct');
  const ratio = (p: number, e: number, lang: Lang): string =>
    e === 0 ? '' : lang === 'vi' ? ` (đạt ${formatPercent(p / e, 'vi')} số thủ tục đủ điều kiện)` : ` (${formatPercent(p / e, 'en')} of those eligible)`;
  return [
    {
      id: 'totals',
      text: {
        vi: `Tổng số ${formatCount(published, 'vi')} thủ tục hành chính được công khai; ${formatCount(fullP, 'vi')} thủ tục cung cấp dịch vụ công trực tuyến toàn trình${ratio(fullP, fullE, 'vi')}, ${formatCount(partP, 'vi')} thủ tục cung cấp dịch vụ công trực tuyến một phần${ratio(partP, partE, 'vi')}, ${formatCount(direct, 'vi')} thủ tục tiếp nhận trực tiếp`,
        en: `${formatCount(published, 'en')} administrative procedures published; ${formatCount(fullP, 'en')} offered as full online public services${ratio(fullP, fullE, 'en')}, ${formatCount(partP, 'en')} as partial online public services${ratio(partP, partE, 'en')}, ${formatCount(direct, 'en')} received in person`,
      },
    },
  ];
}

/** Any other template: one sentence listing its figures. */
function genericSentences(lines: FigureLine[]): Sentence[] {
  if (lines.length === 0) return [];
  return [
    {
      id: 'totals',
      text: {
        vi: lines.map((l) => `${l.label.vi}: ${l.text.vi}`).join('; '),
        en: lines.map((l) => `${l.label.en}: ${l.text.en}`).join('; '),
      },
    },
  ];
}

/**
 * Figures of every table read (broken tables are left out). The period is the one in the
 * tables' own period cells (the first table that has a valid one); `fallback` is used when
 * no table carries one (e.g. the pane's saved settings).
 */
export function workbookFigures(read: WorkbookRead, fallback?: { from: string; to: string }, templates: TemplateSource = BUILTIN_CATALOG): WorkbookFigures {
  let period: Period | null = null;
  for (const t of read.tables) {
    if (t.broken) continue;
    period = tablePeriod(t);
    if (period) break;
  }
  if (!period && fallback) period = makePeriod(fallback.from, fallback.to);

  const tables: TableFigures[] = [];
  for (const t of read.tables) {
    if (t.broken) continue;
    const template = lookupTemplate(templates, t.packId ?? STANDARD_PACK_ID, t.templateId, t.version);
    if (!template) continue;
    const nums = new TableNumbers(t, template);
    const lines = linesOf(template, nums, period);
    let sentences: Sentence[];
    // The report's own wording for the four standard tables; a pack's tables get the generic sentence.
    switch ((template.pack ?? STANDARD_PACK_ID) === STANDARD_PACK_ID ? template.id : '') {
      case 'b01':
        sentences = documentsByIssuerSentences(lines, period);
        break;
      case 'b02':
        sentences = documentsByTypeSentences(template, nums);
        break;
      case 'b03':
        sentences = meetingsSentences(nums, period);
        break;
      case 'b04':
        sentences = proceduresSentences(nums);
        break;
      default:
        sentences = genericSentences(lines);
    }
    tables.push({ sheet: t.sheet, templateId: t.templateId, name: template.name, lines, sentences, incomplete: nums.incomplete });
  }
  return { period, tables };
}
