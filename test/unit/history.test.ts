/**
 * Each figure against the unit's earlier periods (core/history/history): flows per day, stocks as values,
 * the ratio rule with one to three earlier periods, the robust score from four on, the floor, and
 * the earlier reports left out with a note.
 */
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import { layout } from '../../src/core/forms/layout';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { compareWithHistory, overTimeOf, tableComparison, type EarlierInput } from '../../src/core/history/history';
import { FLOOR, judge, median } from '../../src/core/history/history-stats';
import { validatePack } from '../../src/core/forms/pack';
import { readPlan } from '../support/plan-read';
import { goodPack } from '../support/packs';
import { rng, unitFigures } from '../support/units-fixture';

const UNIT = 'Sở Nội vụ tỉnh Lâm Đồng';
/** 107 days: 1/3–15/6/2025. */
const P107 = { from: '2025-03-01', to: '2025-06-15' };
/** 31 days: 1/7–31/7/2025. */
const P31 = { from: '2025-07-01', to: '2025-07-31' };

type Figures = Record<string, (number | null)[][]>;

function byId(id: string): Template {
  return TEMPLATES.find((t) => t.id === id) as Template;
}

function workbook(unit: string, period: { from?: string; to?: string }, figures: Figures, templates: readonly Template[] = TEMPLATES): WorkbookRead {
  const tables = templates
    .filter((t) => figures[t.id] !== undefined)
    .map((t) => readPlan(layout(t, { unit, reportNo: '12/BC-SNV', reportDate: '2025-08-05', ...period, values: figures[t.id] }), t));
  return { tables };
}

/** Per-day rates for every entry cell of the four tables (0 to about 20 a day), from a seed. */
function rates(seed: number): Record<string, number[][]> {
  const r = rng(seed);
  const out: Record<string, number[][]> = {};
  for (const [id, rows] of Object.entries(unitFigures(seed))) out[id] = rows.map((row) => row.map(() => Math.round(r() * 200) / 10));
  return out;
}

/** Flows: rate × days, rounded to whole counts; Biểu 04 (a stock) the same values whatever the days. */
function counts(rs: Record<string, number[][]>, days: number): Figures {
  const out: Figures = {};
  for (const [id, rows] of Object.entries(rs)) out[id] = rows.map((row) => row.map((x) => (id === 'b04' ? Math.round(x * 50) : Math.round(x * days))));
  return out;
}

function cellOf(read: WorkbookRead, templateId: string, column: string, row = 0): { sheet: string; address: string } {
  const t = read.tables.find((x) => x.templateId === templateId);
  if (!t) throw new Error(`no table ${templateId}`);
  const c = t.columns[column][row];
  return { sheet: c.sheet, address: c.address };
}

function setFigure(f: Figures, templateId: string, column: string, value: number, row = 0): Figures {
  const k = entryColumns(byId(templateId)).findIndex((c) => c.id === column);
  const copy: Figures = JSON.parse(JSON.stringify(f)) as Figures;
  copy[templateId][row][k] = value;
  return copy;
}

/** Consecutive 30-day periods starting 2025-01-01; the last one is the current period. */
function periods30(n: number): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  let start = Date.UTC(2025, 0, 1);
  const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
  for (let i = 0; i < n; i++) {
    const end = start + 29 * 86400000;
    out.push({ from: iso(start), to: iso(end) });
    start = end + 86400000;
  }
  return out;
}

/** Biểu 01 only, Quốc hội's cell set, every other cell 0. */
function b01With(assembly: number): Figures {
  const row = entryColumns(byId('b01')).map((c) => (c.id === 'central.assembly' ? assembly : 0));
  return { b01: [row] };
}

describe('statistics', () => {
  test('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('ratio rule: 3× up or down flagged, 2,9× not; the floor keeps small changes out', () => {
    expect(judge(30, [10], 1)?.flagged).toBe(true);
    expect(judge(10, [30], 1)?.flagged).toBe(true);
    expect(judge(29, [10], 1)?.flagged).toBe(false);
    // 3 → 9 is threefold but only 6 items: under the floor of 10.
    expect(FLOOR).toBe(10);
    expect(judge(9, [3], 1)?.flagged).toBe(false);
    expect(judge(13, [3], 1)?.flagged).toBe(true);
    // per day: 0,1 → 0,5 a day over 31 days is 12,4 items more: flagged; over 20 days 8: not.
    expect(judge(0.5, [0.1], 31)?.flagged).toBe(true);
    expect(judge(0.5, [0.1], 20)?.flagged).toBe(false);
    // from 0 and down to 0
    expect(judge(12, [0], 1)?.flagged).toBe(true);
    expect(judge(0, [12], 1)?.flagged).toBe(true);
    expect(judge(0, [0, 0], 1)?.flagged).toBe(false);
  });

  test('four or more: the modified z-score; MAD 0 falls back to the ratio rule', () => {
    const robust = judge(4.4, [1, 1.2, 1.5, 2, 2.4], 30);
    expect(robust?.method).toBe('robust');
    // median 1,5; MAD 0,5; 0,6745 × 2,9 / 0,5 = 3,9121
    expect(robust?.score).toBeCloseTo(3.9121, 4);
    expect(robust?.flagged).toBe(true);
    const flat = judge(3.5, [1, 1, 1, 1], 30);
    expect(flat?.method).toBe('ratio');
    expect(flat?.score).toBeNull();
    expect(flat?.flagged).toBe(true);
    expect(judge(2.9, [1, 1, 1, 1], 30)?.flagged).toBe(false);
  });

  test('Biểu 04 is a stock, Biểu 01–03 flows; a pack may say overTime "sum" or "last", nothing else', () => {
    expect(TEMPLATES.map((t) => overTimeOf(t))).toEqual(['sum', 'sum', 'sum', 'last']);
    const pack = goodPack();
    const templates = pack.templates as Record<string, unknown>[];
    templates[1].overTime = 'last';
    const ok = validatePack(pack);
    expect(ok.ok && ok.pack.templates.map((t) => overTimeOf(t))).toEqual(['sum', 'last']);
    templates[1].overTime = 'average';
    const bad = validatePack(pack);
    expect(bad.ok ? [] : bad.faults.map((f) => [f.code, f.path, f.message.en])).toEqual([['kind', 'templates[1].overTime', '"overTime" must be "sum" or "last", not "average"']]);
  });
});

describe('compareWithHistory', () => {
  const rs = rates(11);
  const earlier107 = counts(rs, 107);
  const current31 = counts(rs, 31);

  test('a 107-day report and a 31-day report with proportional figures raise nothing', () => {
    const res = compareWithHistory(workbook(UNIT, P31, current31), [{ file: 'q2.xlsx', read: workbook(UNIT, P107, earlier107) }]);
    expect(res.findings).toEqual([]);
    expect(res.notes).toEqual([]);
    expect(res.compared).toEqual([{ file: 'q2.xlsx', from: P107.from, to: P107.to, days: 107 }]);
    // Raw counts differ about 3,45 times: compared per day, nothing stands out.
    const b01 = res.tables.find((t) => t.templateId === 'b01');
    expect(b01?.rows.length).toBe(entryColumns(byId('b01')).length);
    const big = b01?.rows.find((r) => (r.current.value ?? 0) > 100);
    expect(big && big.earlier[0].value !== null && big.earlier[0].value / (big.current.value as number)).toBeGreaterThan(3);
    expect(big?.change).toBeGreaterThan(0.9);
    expect(big?.change).toBeLessThan(1.1);
  });

  test('a tenfold change in one cell raises exactly one warning at that cell, with value, rate, usual rate and ratio', () => {
    const cur = workbook(UNIT, P31, setFigure(current31, 'b01', 'central.assembly', 90));
    const res = compareWithHistory(cur, [{ file: 'q2.xlsx', read: workbook(UNIT, P107, setFigure(earlier107, 'b01', 'central.assembly', 31)) }]);
    expect(res.findings).toHaveLength(1);
    const f = res.findings[0];
    expect(f.rule).toBe('history.outlier');
    expect(f.severity).toBe('warning');
    expect(f.cells).toEqual([cellOf(cur, 'b01', 'central.assembly')]);
    expect(f.left).toBeCloseTo(90 / 31, 10);
    expect(f.right).toBeCloseTo(31 / 107, 10);
    expect(f.difference).toBeCloseTo(90 / 31 - 31 / 107, 10);
    expect(f.message.vi).toBe(
      'Quốc hội: 90 văn bản trong 31 ngày (2,9 văn bản/ngày), gấp 10,0 lần mức kỳ trước (0,29/ngày). Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.',
    );
    expect(f.message.en).toBe(
      "National Assembly: 90 documents in 31 days (2.9 documents/day), 10.0 times the earlier period's level (0.29/day). Check the figure; if it is right, ignore this warning.",
    );
    const row = tableComparison(res, cur.tables[0].sheet)?.rows.find((r) => r.column === 'central.assembly');
    expect(row?.flagged).toBe(true);
    expect(row?.change).toBeCloseTo(90 / 31 / (31 / 107), 10);
  });

  test('a decrease is phrased as one; a label repeated in two groups names its group', () => {
    const cur = workbook(UNIT, P31, setFigure(current31, 'b02', 'council.resolution', 0));
    const before = setFigure(earlier107, 'b02', 'council.resolution', 214);
    const res = compareWithHistory(cur, [{ file: 'a.xlsx', read: workbook(UNIT, P107, before) }]);
    expect(res.findings.map((f) => f.cells[0])).toEqual([cellOf(cur, 'b02', 'council.resolution')]);
    expect(res.findings[0].message.vi).toMatch(/^Hội đồng nhân dân – Nghị quyết: 0 văn bản trong 31 ngày \(0 văn bản\/ngày\), giảm về 0 so với mức kỳ trước \(2\/ngày\)\./);
    const half = workbook(UNIT, P31, setFigure(current31, 'b02', 'council.resolution', 31));
    const res2 = compareWithHistory(half, [{ file: 'a.xlsx', read: workbook(UNIT, P107, setFigure(earlier107, 'b02', 'council.resolution', 428)) }]);
    expect(res2.findings[0].message.vi).toContain('giảm còn 1/4,0 mức kỳ trước (4/ngày)');
    expect(res2.findings[0].message.en).toContain("down to 1/4.0 of the earlier period's level (4/day)");
    const fromZero = workbook(UNIT, P31, setFigure(current31, 'b02', 'council.resolution', 62));
    const res3 = compareWithHistory(fromZero, [{ file: 'a.xlsx', read: workbook(UNIT, P107, setFigure(earlier107, 'b02', 'council.resolution', 0)) }]);
    expect(res3.findings.map((f) => f.message.vi)).toEqual([
      'Hội đồng nhân dân – Nghị quyết: 62 văn bản trong 31 ngày (2 văn bản/ngày), trong khi mức kỳ trước là 0. Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.',
    ]);
    expect(res3.findings[0].message.en).toBe(
      "People's Council – Resolutions: 62 documents in 31 days (2 documents/day), while the earlier period's level was 0. Check the figure; if it is right, ignore this warning.",
    );
  });

  test('a stock (Biểu 04) that halves is flagged, compared as values; unchanged values over other days are not', () => {
    const before = setFigure(earlier107, 'b04', 'published', 1940);
    const cur = workbook(UNIT, P31, setFigure(current31, 'b04', 'published', 970));
    const res = compareWithHistory(cur, [{ file: 'q2.xlsx', read: workbook(UNIT, P107, before) }]);
    expect(res.findings).toHaveLength(1);
    const f = res.findings[0];
    expect(f.cells).toEqual([cellOf(cur, 'b04', 'published', 0)]);
    expect(f.left).toBe(970);
    expect(f.right).toBe(1940);
    expect(f.message.vi).toBe('Cấp tỉnh – Tổng số TTHC công khai: 970 thủ tục, giảm còn 1/2,0 mức kỳ trước (1.940). Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.');
    expect(f.message.en).toBe("Provincial level – Procedures published: 970 procedures, down to 1/2.0 of the earlier period's level (1,940). Check the figure; if it is right, ignore this warning.");
    const b04 = res.tables.find((t) => t.templateId === 'b04');
    expect(b04?.overTime).toBe('last');
    expect(b04?.rows).toHaveLength(2 * entryColumns(byId('b04')).length);
    expect(b04?.rows.filter((r) => r.flagged).map((r) => r.column)).toEqual(['published']);
  });

  test('four or more earlier periods use the robust score, where the ratio rule would say otherwise', () => {
    const ps = periods30(6);
    const cur = ps[5];
    const flat = [30, 36, 45, 60, 72]; // 1,0 1,2 1,5 2,0 2,4 a day
    const earlier = (values: number[]): EarlierInput[] => values.map((v, i) => ({ file: `k${i + 1}.xlsx`, read: workbook(UNIT, ps[i], b01With(v)) }));
    // 132 = 4,4 a day: 2,9 times the median (the ratio rule says nothing), modified z-score 3,9.
    const up = compareWithHistory(workbook(UNIT, cur, b01With(132)), earlier(flat));
    expect(up.findings).toHaveLength(1);
    expect(up.findings[0].message.vi).toBe(
      'Quốc hội: 132 văn bản trong 30 ngày (4,4 văn bản/ngày), gấp 2,9 lần mức các kỳ trước (1,5/ngày); điểm z hiệu chỉnh 3,9 so với 5 kỳ trước. Kiểm tra lại số liệu; nếu đúng thì bỏ qua cảnh báo này.',
    );
    expect(up.tables[0].rows.find((r) => r.column === 'central.assembly')?.method).toBe('robust');
    // The same figure against only three of those periods: the ratio rule, and no warning.
    const three = compareWithHistory(workbook(UNIT, cur, b01With(132)), earlier(flat).slice(2));
    expect(three.findings).toEqual([]);
    expect(three.tables[0].rows.find((r) => r.column === 'central.assembly')?.method).toBe('ratio');
    // Earlier periods that vary a lot: 3,5 times their median is no outlier by the robust score.
    const wide = compareWithHistory(workbook(UNIT, cur, b01With(1050)), earlier([30, 60, 300, 600, 900]));
    expect(wide.findings).toEqual([]);
    const row = wide.tables[0].rows.find((r) => r.column === 'central.assembly');
    expect(row?.method).toBe('robust');
    expect(row?.change).toBeCloseTo(3.5, 10);
    expect(row?.score).toBeCloseTo((0.6745 * 25) / 9, 10);
    expect(judge(35, [1, 2, 10], 30)?.flagged).toBe(true);
    // Periods come oldest first whatever the order given.
    const shuffled = compareWithHistory(workbook(UNIT, cur, b01With(132)), earlier(flat).reverse());
    expect(shuffled.compared.map((c) => c.file)).toEqual(['k1.xlsx', 'k2.xlsx', 'k3.xlsx', 'k4.xlsx', 'k5.xlsx']);
    expect(shuffled.tables[0].rows.find((r) => r.column === 'central.assembly')?.earlier.map((e) => e.value)).toEqual(flat);
  });

  test('another unit and another template version are left out with a note, not an error', () => {
    const v2: Template = { ...byId('b01'), version: 2 };
    const templates = [...TEMPLATES, v2];
    const cur = workbook(UNIT, P31, setFigure(current31, 'b01', 'central.assembly', 900));
    const other = workbook('Sở Tư pháp', P107, earlier107);
    const newer = workbook(UNIT, P107, { b01: earlier107.b01 }, [v2]);
    const res = compareWithHistory(
      cur,
      [
        { file: 'other.xlsx', read: other },
        { file: 'v2.xlsx', read: newer },
      ],
      { templates },
    );
    expect(res.findings).toEqual([]);
    expect(res.compared).toEqual([]);
    expect(res.notes.map((n) => [n.file, n.kind, n.template])).toEqual([
      ['other.xlsx', 'unit', undefined],
      ['v2.xlsx', 'version', 'b01'],
    ]);
    expect(res.notes[0].message.vi).toBe('Đơn vị khác: "Sở Tư pháp", tệp đang kiểm tra là "Sở Nội vụ tỉnh Lâm Đồng".');
    expect(res.notes[1].message.en).toBe('Table 01: version 2, the file checked has version 1; this table is not compared.');
    // The unit matches whatever its case and spacing.
    const before = setFigure(earlier107, 'b01', 'central.assembly', 31);
    const same = compareWithHistory(cur, [{ file: 'caps.xlsx', read: workbook('  SỞ NỘI VỤ   TỈNH LÂM ĐỒNG', P107, before) }]);
    expect(same.notes).toEqual([]);
    expect(same.findings.map((f) => f.cells[0])).toEqual([cellOf(cur, 'b01', 'central.assembly')]);
  });

  test('a period not before the current one, a duplicate, no period, an unreadable file: notes', () => {
    const cur = workbook(UNIT, P31, current31);
    const res = compareWithHistory(cur, [
      { file: 'same.xlsx', read: workbook(UNIT, P31, current31) },
      { file: 'overlap.xlsx', read: workbook(UNIT, { from: '2025-06-01', to: '2025-07-10' }, current31) },
      { file: 'q2.xlsx', read: workbook(UNIT, P107, earlier107) },
      { file: 'q2-again.xlsx', read: workbook(UNIT, P107, earlier107) },
      { file: 'dates.xlsx', read: workbook(UNIT, {}, earlier107) },
      { file: 'broken.xlsx', error: { vi: 'Tệp .xlsx bị hỏng.', en: 'The .xlsx file is corrupt.' } },
    ]);
    expect(res.notes.map((n) => [n.file, n.kind])).toEqual([
      ['same.xlsx', 'period'],
      ['overlap.xlsx', 'period'],
      ['q2-again.xlsx', 'duplicate'],
      ['dates.xlsx', 'noPeriod'],
      ['broken.xlsx', 'unreadable'],
    ]);
    expect(res.notes[0].message.vi).toBe('Kỳ báo cáo 01/7/2025–31/7/2025 không kết thúc trước kỳ đang kiểm tra (01/7/2025–31/7/2025).');
    expect(res.notes[4].message.en).toBe('Cannot be read: The .xlsx file is corrupt.');
    expect(res.compared.map((c) => c.file)).toEqual(['q2.xlsx']);
    expect(res.findings).toEqual([]);
    // The current workbook without a period: one note, nothing compared.
    const none = compareWithHistory(workbook(UNIT, {}, current31), [{ file: 'q2.xlsx', read: workbook(UNIT, P107, earlier107) }]);
    expect(none.notes.map((n) => [n.file, n.kind])).toEqual([[null, 'noPeriod']]);
    expect(none.tables).toEqual([]);
    // No earlier report: nothing at all.
    expect(compareWithHistory(cur, [])).toEqual({ findings: [], notes: [], compared: [], tables: [] });
  });

  test('a table without a counterpart: noTable; a blank earlier cell is left out of the usual rate', () => {
    const cur = workbook(UNIT, P31, { b01: current31.b01 });
    const res = compareWithHistory(cur, [{ file: 'b03.xlsx', read: workbook(UNIT, P107, { b03: earlier107.b03 }) }]);
    expect(res.notes.map((n) => [n.file, n.kind])).toEqual([['b03.xlsx', 'noTable']]);
    const k = entryColumns(byId('b01')).findIndex((c) => c.id === 'central.assembly');
    const blank: Figures = { b01: [earlier107.b01[0].map((v, i) => (i === k ? null : v))] };
    const res2 = compareWithHistory(workbook(UNIT, P31, setFigure(current31, 'b01', 'central.assembly', 900)), [{ file: 'q2.xlsx', read: workbook(UNIT, P107, blank) }]);
    const row = res2.tables[0].rows.find((r) => r.column === 'central.assembly');
    expect(row?.earlier).toEqual([{ value: null, rate: null }]);
    expect(row?.usual).toBeNull();
    expect(res2.findings).toEqual([]);
  });

  test('a consolidated workbook: rows matched by unit label', () => {
    const t = byId('b03');
    const n = entryColumns(t).length;
    const table = (rows: number[][], p: { from: string; to: string }): WorkbookRead => ({
      tables: [readPlan(layout(t, { unit: UNIT, from: p.from, to: p.to, dataRows: 2, rowLabels: ['Xã A', 'Xã B'], values: rows }), t)],
    });
    const before = table([new Array<number>(n).fill(107), new Array<number>(n).fill(214)], P107);
    const swapped: WorkbookRead = {
      tables: [readPlan(layout(t, { unit: UNIT, from: P31.from, to: P31.to, dataRows: 2, rowLabels: ['Xã B', 'xã a'], values: [new Array<number>(n).fill(62), new Array<number>(n).fill(31)] }), t)],
    };
    expect(compareWithHistory(swapped, [{ file: 'q2.xlsx', read: before }]).findings).toEqual([]);
    const wrong = table([new Array<number>(n).fill(62), new Array<number>(n).fill(31)], P31);
    const res = compareWithHistory(wrong, [{ file: 'q2.xlsx', read: before }]);
    // Xã A 2 a day against 1 (twice: not flagged); Xã B 1 a day against 2 (half: not flagged) — but 3× would be.
    expect(res.findings).toEqual([]);
    const far = table([new Array<number>(n).fill(93), new Array<number>(n).fill(62)], P31);
    const res2 = compareWithHistory(far, [{ file: 'q2.xlsx', read: before }]);
    expect(res2.findings).toHaveLength(n);
    expect(res2.findings[0].message.vi.startsWith('Xã A – ')).toBe(true);
  });

  test("one unit's table of several rows (unlabelled, or labelled by period as a roll-up writes them): their sum, at the totals cell", () => {
    const t = byId('b03');
    const n = entryColumns(t).length;
    const k = entryColumns(t).findIndex((c) => c.id === 'central.assembly');
    const rows = (a: number, b: number): number[][] => [0, 1].map((r) => Array.from({ length: n }, (_, c) => (c === k ? [a, b][r] : 10 * (r + 1))));
    const single = (v: number, p: { from: string; to: string }): WorkbookRead => ({
      tables: [readPlan(layout(t, { unit: UNIT, from: p.from, to: p.to, values: [Array.from({ length: n }, (_, c) => (c === k ? v : 104))] }), t)],
    });
    const earlier = single(107, P107); // 1 a day
    // Two unlabelled rows, 31 + 279 = 310 over 31 days: 10 a day, against 1.
    const twoRows: WorkbookRead = { tables: [readPlan(layout(t, { unit: UNIT, from: P31.from, to: P31.to, dataRows: 2, values: rows(31, 279) }), t)] };
    const res = compareWithHistory(twoRows, [{ file: 'q2.xlsx', read: earlier }]);
    expect(res.findings.map((f) => f.cells[0])).toEqual([{ sheet: twoRows.tables[0].sheet, address: twoRows.tables[0].totals?.['central.assembly'].address }]);
    expect(res.findings[0].message.vi.startsWith('Tổng cộng – Quốc hội: 310 cuộc họp trong 31 ngày (10 cuộc họp/ngày), gấp 10,0 lần')).toBe(true);
    // Rows labelled by period (a roll-up): no label in common with the earlier report, so the rows together.
    const byPeriod: WorkbookRead = {
      tables: [
        readPlan(
          layout(t, { unit: UNIT, from: P31.from, to: P31.to, dataRows: 2, rowLabels: ['Từ ngày 01/7/2025 đến 15/7/2025', 'Từ ngày 16/7/2025 đến 31/7/2025'], values: rows(15, 16) }),
          t,
        ),
      ],
    };
    const res2 = compareWithHistory(byPeriod, [{ file: 'q2.xlsx', read: earlier }]);
    expect(res2.findings).toEqual([]);
    expect(res2.tables[0].rows.map((r) => r.current.value)[k]).toBe(31);
    expect(res2.tables[0].rows[k].earlier).toEqual([{ value: 107, rate: 1 }]);
  });
});
