/**
 * The rule registry (src/core/check/rules.ts) against the engine and against docs/rules.md: every rule
 * the engine reports is registered with the severity it is reported with, one crafted table per
 * rule, and a finding's severity is the registry's (change it there, the finding follows); docs/rules.md
 * is exactly the generated text.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { validateWorkbook } from '../../src/core/check/validate';
import { RULE_REGISTRY, ruleInfo, rulesMarkdown, severityOf } from '../../src/core/check/rules';
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../../src/core/tables/table-read';
import type { Finding } from '../../src/core/check/findings';

const TODAY = new Date(2026, 0, 15);
let sample: WorkbookRead;

beforeAll(async () => {
  sample = await readWorkbook(await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
});

function table(read: WorkbookRead, id: string): TableRead {
  const t = read.tables.find((x) => x.templateId === id);
  if (!t) throw new Error(`no table ${id}`);
  return t;
}

function set(c: CellRead | null | undefined, value: CellValue, formula: string | null = null): void {
  if (!c) throw new Error('no such cell');
  c.value = value;
  c.formula = formula;
}

/**
 * A deep copy, with every `sheet` field equal to `from` renamed `to`. (Not structuredClone: under
 * jest its dates come from another realm and fail `instanceof Date` in the engine.)
 */
function copy<T>(v: T, from?: string, to?: string): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x instanceof Date) return new Date(x.getTime());
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, y] of Object.entries(x)) o[k] = k === 'sheet' && from !== undefined && y === from ? to : walk(y);
      return o;
    }
    return x;
  };
  return walk(v) as T;
}

/** The same table on another sheet. */
function onSheet(t: TableRead, sheet: string): TableRead {
  return copy(t, t.sheet, sheet);
}

/** One crafted workbook per rule: the seed sample with one thing changed. */
const CASES: [rule: string, edit: (r: WorkbookRead) => void][] = [
  ['workbook.no-tables', (r) => void (r.tables = [])],
  ['structure.changed', (r) => set(table(r, 'b01').header[0][0], 'Cột đã đổi')],
  ['structure.unknown-template', (r) => void (table(r, 'b03').templateId = 'b09')],
  ['entry.text-number', (r) => set(table(r, 'b01').columns['central.committee'][0], '1.292')],
  ['entry.fraction', (r) => set(table(r, 'b01').columns['central.committee'][0], 1.5)],
  ['entry.negative', (r) => set(table(r, 'b01').columns['central.committee'][0], -1)],
  ['entry.too-large', (r) => set(table(r, 'b01').columns['central.committee'][0], 2 ** 60)],
  ['entry.text', (r) => set(table(r, 'b01').columns['central.committee'][0], '12 văn bản')],
  ['entry.not-number', (r) => set(table(r, 'b01').columns['central.committee'][0], true)],
  ['entry.error-value', (r) => set(table(r, 'b01').columns['central.committee'][0], { error: '#N/A' })],
  ['entry.required', (r) => set(table(r, 'b04').columns['published'][0], null)],
  ['entry.blank', (r) => set(table(r, 'b01').columns['central.committee'][0], null)],
  ['computed.formula-missing', (r) => set(table(r, 'b01').columns['central.total'][0], 5480)],
  ['computed.formula-changed', (r) => set(table(r, 'b01').columns['central.total'][0], 0, '=SUM(B8:C8)')],
  ['row.onlineFull.providedWithinEligible', (r) => {
    const t = table(r, 'b04');
    set(t.columns['onlineFull.provided'][0], Number(t.columns['onlineFull.eligible'][0].value) + 1);
  }],
  ['cross.council', () => undefined],
  ['cross.ambiguous', (r) => void r.tables.splice(1, 0, onSheet(table(r, 'b01'), 'Biểu 01 (2)'))],
  ['period.missing', (r) => set(table(r, 'b01').info.from, null)],
  ['period.invalid', (r) => set(table(r, 'b01').info.from, '01/07/2025')],
  ['period.order', (r) => set(table(r, 'b01').info.from, new Date(Date.UTC(2025, 11, 31)))],
  ['period.mismatch', (r) => set(table(r, 'b03').info.from, new Date(Date.UTC(2025, 6, 2)))],
  ['report.number-missing', (r) => set(table(r, 'b01').info.reportNo, null)],
  ['report.number-format', (r) => set(table(r, 'b01').info.reportNo, 'số 52')],
  ['report.date-missing', (r) => set(table(r, 'b01').info.reportDate, null)],
  ['report.date-invalid', (r) => set(table(r, 'b01').info.reportDate, 'hôm qua')],
  ['report.date-future', (r) => set(table(r, 'b01').info.reportDate, new Date(Date.UTC(2026, 5, 1)))],
  ['table.empty', (r) => blankTable(r, 'b03')],
  ['report.incomplete', (r) => {
    set(table(r, 'b01').info.reportNo, null);
    set(table(r, 'b02').info.from, null);
  }],
];

/** Every entry cell of a table left blank. */
function blankTable(r: WorkbookRead, id: string): void {
  for (const col of Object.values(table(r, id).columns)) for (const c of col) if (c.formula === null) set(c, null);
}

/**
 * Registered rules no case here makes: emitted by code other than `validateWorkbook` (`history.outlier`:
 * the comparison with earlier periods; `text.*`: the Word report's tie-out, made in test/unit/tieout.test.ts;
 * `register.*`: the count from document registers, test/unit/count-rules.test.ts checks them against this registry).
 */
const NOT_CRAFTED = new Set(['history.outlier', 'text.parts', 'text.ratio', 'text.table', 'register.unclassified', 'register.duplicate']);

function checked(edit: (r: WorkbookRead) => void): Finding[] {
  const r = copy(sample);
  edit(r);
  return validateWorkbook(r, { today: TODAY });
}

describe('every rule the engine reports is registered with its severity', () => {
  test.each(CASES)('%s', (rule, edit) => {
    const fs = checked(edit);
    expect(fs.map((f) => f.rule)).toContain(rule);
    for (const f of fs) {
      const info = ruleInfo(f.rule);
      expect([f.rule, info && info.severity]).toEqual([f.rule, f.severity]);
    }
  });

  test('each registered rule is made by a case above (or is listed as made elsewhere)', () => {
    const made = CASES.map(([rule]) => ruleInfo(rule)?.id);
    const missing = RULE_REGISTRY.map((r) => r.id).filter((id) => !made.includes(id) && !NOT_CRAFTED.has(id));
    expect(missing).toEqual([]);
  });

  test.each([
    ['entry.blank', (r: WorkbookRead) => set(table(r, 'b01').columns['central.committee'][0], null)],
    ['report.number-format', (r: WorkbookRead) => set(table(r, 'b01').info.reportNo, 'số 52')],
    ['cross.council', () => undefined],
    ['table.empty', (r: WorkbookRead) => blankTable(r, 'b03')],
  ] as const)("a finding's severity is the registry's: %s turned the other way there, the finding follows", (rule, edit) => {
    const info = ruleInfo(rule)!;
    const registered = info.severity;
    const other = registered === 'error' ? 'warning' : 'error';
    try {
      (info as { severity: string }).severity = other;
      expect(severityOf(rule)).toBe(other);
      expect(checked(edit).filter((f) => f.rule === rule).map((f) => f.severity)).toEqual(expect.arrayContaining([other]));
      expect(checked(edit).filter((f) => f.rule === rule && f.severity !== other)).toEqual([]);
    } finally {
      (info as { severity: string }).severity = registered;
    }
  });
});

describe('ruleInfo', () => {
  test('an exact id wins over a pattern; patterns need a name after the prefix; unknown ids are undefined', () => {
    expect(ruleInfo('cross.ambiguous')?.severity).toBe('warning');
    expect(ruleInfo('cross.council')?.id).toBe('cross.<rule id>');
    expect(ruleInfo('row.kindsMakeCases')?.severity).toBe('error');
    expect(ruleInfo('row.')).toBeUndefined();
    expect(ruleInfo('entry.blanks')).toBeUndefined();
    expect(ruleInfo('table.empty')?.severity).toBe('error');
    expect(ruleInfo('history.outlier')?.severity).toBe('warning');
  });

  test('ids are unique and every rule is described in both languages', () => {
    const ids = RULE_REGISTRY.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_REGISTRY) {
      expect(r.what.vi.trim()).not.toBe('');
      expect(r.what.en.trim()).not.toBe('');
    }
  });
});

describe('docs/rules.md', () => {
  test('is exactly the text generated from the registry (npm run docs:rules)', () => {
    const file = path.join(__dirname, '..', '..', 'docs', 'rules.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(rulesMarkdown());
  });

  test('has one table row per registered rule, with its severity', () => {
    const rows = rulesMarkdown().split('\n').filter((l) => l.startsWith('| `'));
    expect(rows.map((l) => l.split(' | ')[0].slice(3, -1))).toEqual(RULE_REGISTRY.map((r) => r.id));
    expect(rows.find((l) => l.startsWith('| `entry.blank`'))).toContain('| cảnh báo / warning |');
    expect(rows.find((l) => l.startsWith('| `table.empty`'))).toContain('| lỗi / error |');
  });
});
