import { cellDate, formatCount, formatPercent, workbookFigures } from '../../src/core/figures';
import type { CellRead, CellValue, TableRead, WorkbookRead } from '../../src/core/tables/table-read';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { columnsOf, entryColumns } from '../../src/core/forms/template';
import type { Template } from '../../src/core/forms/template';
import { isoToExcelSerial } from '../../src/core/dates';

/** A table as a reader would give it: entry values per row; sum cells hold their computed value unless `sumsAs` says otherwise. */
function tableRead(t: Template, rows: CellValue[][], opts: { from?: CellValue; to?: CellValue; sumsAs?: 'value' | 'null' } = {}): TableRead {
  const entries = entryColumns(t);
  const columns: Record<string, CellRead[]> = {};
  const cell = (value: CellValue, formula: string | null = null): CellRead => ({ sheet: t.name.vi, address: 'A1', value, formula });
  for (const c of columnsOf(t)) columns[c.id] = [];
  rows.forEach((row) => {
    const byId = new Map<string, CellValue>();
    entries.forEach((c, i) => byId.set(c.id, row[i]));
    for (const c of columnsOf(t)) {
      if (c.kind === 'entry') columns[c.id].push(cell(byId.get(c.id) ?? null));
      else if (c.kind === 'sum') {
        const s = c.of.reduce((acc: number, id) => acc + (typeof byId.get(id) === 'number' ? (byId.get(id) as number) : 0), 0);
        columns[c.id].push(cell(opts.sumsAs === 'null' ? null : s, '=SUM()'));
      } else {
        const n = byId.get(c.numerator);
        const d = byId.get(c.denominator);
        columns[c.id].push(cell(typeof n === 'number' && typeof d === 'number' && d !== 0 ? n / d : '', '=IF()'));
      }
    }
  });
  const info = (v: CellValue | undefined): CellRead | null => (v === undefined ? null : cell(v));
  return {
    sheet: t.name.vi,
    templateId: t.id,
    version: t.version,
    header: [],
    info: { unit: null, reportNo: null, reportDate: null, reportBy: null, from: info(opts.from), to: info(opts.to) },
    rowLabels: [],
    columns,
    totals: null,
    averages: {},
  };
}

const [b01, b02, b03, b04] = TEMPLATES;
const seedPeriod = { from: isoToExcelSerial('2025-07-01'), to: isoToExcelSerial('2025-10-15') };

function seedWorkbook(): WorkbookRead {
  return {
    tables: [
      tableRead(b01, b01.sample, seedPeriod),
      tableRead(b02, b02.sample, seedPeriod),
      tableRead(b03, b03.sample, seedPeriod),
      tableRead(b04, b04.sample, seedPeriod),
    ],
  };
}

describe('number formats', () => {
  test('counts in vi-VN and en-US, rounded', () => {
    expect(formatCount(486563, 'vi')).toBe('486.563');
    expect(formatCount(486563, 'en')).toBe('486,563');
    expect(formatCount(42.29, 'vi')).toBe('42');
    expect(formatCount(4547.5, 'vi')).toBe('4.548');
    expect(formatCount(1292, 'vi')).toBe('1.292');
  });
  test('percentages with at most one decimal', () => {
    expect(formatPercent(1, 'vi')).toBe('100%');
    expect(formatPercent(0.8534, 'vi')).toBe('85,3%');
    expect(formatPercent(0.8534, 'en')).toBe('85.3%');
  });
});

describe('cellDate', () => {
  test('reads serials, dates and text', () => {
    expect(cellDate(45839)).toBe('2025-07-01');
    expect(cellDate(new Date(Date.UTC(2025, 9, 15)))).toBe('2025-10-15');
    expect(cellDate('2025-10-15')).toBe('2025-10-15');
    expect(cellDate('1/7/2025')).toBe('2025-07-01');
    expect(cellDate('31/2/2025')).toBeNull();
    expect(cellDate('abc')).toBeNull();
    expect(cellDate(null)).toBeNull();
  });
});

describe('workbookFigures on the seed report (01/7–15/10/2025, 107 calendar days)', () => {
  const figs = workbookFigures(seedWorkbook());
  const table = (id: string) => figs.tables.find((t) => t.templateId === id)!;
  const line = (tid: string, id: string) => table(tid).lines.find((l) => l.id === id)!;

  test('the period is read from the period cells', () => {
    expect(figs.period).toEqual({ from: '2025-07-01', to: '2025-10-15', days: 107 });
  });

  test('Biểu 01 totals and averages (calendar days, month = 30 days)', () => {
    expect(line('b01', 'central.total').value).toBe(4525);
    expect(line('b01', 'local.total').value).toBe(486563);
    expect(line('b01', 'local.total').text).toEqual({ vi: '486.563', en: '486,563' });
    expect(line('b01', 'receivedPerDay').value).toBeCloseTo(4525 / 107, 10);
    expect(line('b01', 'receivedPerDay').text.vi).toBe('42');
    expect(line('b01', 'issuedPerDay').text.vi).toBe('4.547');
    expect(line('b01', 'receivedPerMonth').text.vi).toBe('1.269');
    expect(line('b01', 'issuedPerMonth').text).toEqual({ vi: '136.420', en: '136,420' });
  });

  test('Biểu 01 sentences, exactly as the report text needs them', () => {
    const s = table('b01').sentences;
    expect(s.map((x) => x.id)).toEqual(['totals', 'perDay', 'perMonth']);
    expect(s[0].text.vi).toBe('Từ ngày 01/7/2025 đến ngày 15/10/2025 (107 ngày), địa phương đã xử lý 4.525 văn bản do Trung ương ban hành và ban hành 486.563 văn bản');
    expect(s[1].text.vi).toBe('trung bình một ngày xử lý 42 văn bản đến, ban hành 4.547 văn bản đi');
    expect(s[1].text.en).toBe('on average 42 incoming documents handled and 4,547 outgoing documents issued per day');
    expect(s[2].text.vi).toBe('trung bình một tháng xử lý 1.269 văn bản đến, ban hành 136.420 văn bản đi');
  });

  test('Biểu 02 group totals 1868 / 732 / 10669 with their parts', () => {
    expect(line('b02', 'party.total').value).toBe(1868);
    expect(line('b02', 'council.total').value).toBe(732);
    expect(line('b02', 'committee.total').value).toBe(10669);
    expect(table('b02').sentences[1].text.vi).toBe('Hội đồng nhân dân ban hành 732 văn bản, gồm 25 nghị quyết, 150 báo cáo và 557 văn bản khác');
    expect(table('b02').sentences[0].text.vi).toContain('Tỉnh ủy ban hành 1.868 văn bản, gồm 7 nghị quyết, 5 chỉ thị');
  });

  test('Biểu 03 meetings 162 / 21249', () => {
    expect(line('b03', 'central.total').value).toBe(162);
    expect(line('b03', 'local.total').value).toBe(21249);
    expect(table('b03').sentences[0].text.vi).toContain('162 hội nghị, cuộc họp do Trung ương triệu tập và tổ chức 21.249 hội nghị, cuộc họp');
  });

  test('Biểu 04 totals and ratios 1939 + 420 = 2359, 100 %', () => {
    expect(line('b04', 'published').value).toBe(2359);
    expect(line('b04', 'onlineFull.provided').value).toBe(898);
    expect(line('b04', 'onlinePartial.provided').value).toBe(1325);
    expect(line('b04', 'direct').value).toBe(136);
    expect(line('b04', 'onlineFull.ratio').value).toBe(1);
    expect(line('b04', 'onlineFull.ratio').text.vi).toBe('100%');
    expect(table('b04').sentences[0].text.vi).toBe(
      'Tổng số 2.359 thủ tục hành chính được công khai; 898 thủ tục cung cấp dịch vụ công trực tuyến toàn trình (đạt 100% số thủ tục đủ điều kiện), 1.325 thủ tục cung cấp dịch vụ công trực tuyến một phần (đạt 100% số thủ tục đủ điều kiện), 136 thủ tục tiếp nhận trực tiếp',
    );
    expect(table('b04').incomplete).toBe(false);
  });
});

describe('workbookFigures edge cases', () => {
  test('a ratio with no eligible procedures is unknown, never a division by zero', () => {
    const rows = [
      [10, 0, 0, 4, 2, 8],
      [5, 0, 0, 1, 1, 4],
    ];
    const f = workbookFigures({ tables: [tableRead(b04, rows)] }).tables[0];
    const full = f.lines.find((l) => l.id === 'onlineFull.ratio')!;
    expect(full.value).toBeNull();
    expect(full.text.vi).toBe('—');
    expect(f.lines.find((l) => l.id === 'onlinePartial.ratio')!.value).toBeCloseTo(3 / 5, 10);
    expect(f.lines.find((l) => l.id === 'onlinePartial.ratio')!.text.vi).toBe('60%');
  });

  test('without a period the averages are unknown and the sentence says "in the report period"', () => {
    const f = workbookFigures({ tables: [tableRead(b01, b01.sample)] });
    expect(f.period).toBeNull();
    const t = f.tables[0];
    expect(t.lines.find((l) => l.id === 'receivedPerDay')!.value).toBeNull();
    expect(t.sentences.map((s) => s.id)).toEqual(['totals']);
    expect(t.sentences[0].text.vi.startsWith('Trong kỳ báo cáo, địa phương đã xử lý 4.525')).toBe(true);
  });

  test('the fallback period is used when the tables carry none; a reversed period is ignored', () => {
    expect(workbookFigures({ tables: [tableRead(b01, b01.sample)] }, { from: '2025-10-15', to: '2025-11-14' }).period).toEqual({
      from: '2025-10-15',
      to: '2025-11-14',
      days: 31,
    });
    expect(workbookFigures({ tables: [tableRead(b01, b01.sample)] }, { from: '2025-11-15', to: '2025-11-14' }).period).toBeNull();
  });

  test('text in an entry cell is left out and the table is marked incomplete; sums not yet computed add their parts', () => {
    const row: CellValue[] = [...b01.sample[0]];
    row[1] = '1.292';
    const f = workbookFigures({ tables: [tableRead(b01, [row], { ...seedPeriod, sumsAs: 'null' })] }).tables[0];
    expect(f.incomplete).toBe(true);
    expect(f.lines.find((l) => l.id === 'central.total')!.value).toBe(4525 - 39);
  });

  test('several data rows are added up', () => {
    const f = workbookFigures({ tables: [tableRead(b03, [b03.sample[0], b03.sample[0]], seedPeriod)] }).tables[0];
    expect(f.lines.find((l) => l.id === 'local.total')!.value).toBe(2 * 21249);
  });

  test('broken tables are left out', () => {
    const broken = { ...tableRead(b01, b01.sample, seedPeriod), broken: { reason: { vi: 'x', en: 'x' } } };
    expect(workbookFigures({ tables: [broken] }).tables).toEqual([]);
  });
});
