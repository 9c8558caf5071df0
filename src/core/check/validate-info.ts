/**
 * The report information and the period of each table (`report.*`, `period.*`): present, a date,
 * not in the future, in order; every table of one period; the missing items of several tables merged
 * into one `report.incomplete` finding. Part of the validation engine (`core/check/validate`).
 */
import type { Text } from '../forms/template';
import type { CellRead, CellValue } from '../tables/table-read';
import type { Finding } from './findings';
import type { InfoKey } from '../forms/defined-names';
import { excelSerialToIso, formatDateVi, isoFromUtcDate } from '../dates';
import { reportNumberForm } from '../report';
import { severityOf } from './rules';
import { type Ctx, type TableState, type Located, ref, showValue } from './validate-shared';

export type DateRead = { kind: 'date'; iso: string } | { kind: 'blank' } | { kind: 'invalid' };

export function readDate(v: CellValue): DateRead {
  try {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) return { kind: 'blank' };
    if (v instanceof Date) return Number.isFinite(v.getTime()) && v.getUTCFullYear() >= 1900 && v.getUTCFullYear() <= 9999 ? { kind: 'date', iso: isoFromUtcDate(v) } : { kind: 'invalid' };
    if (typeof v === 'number' && Number.isFinite(v) && v >= 61 && v < 2958466) return { kind: 'date', iso: excelSerialToIso(v) };
  } catch {
    return { kind: 'invalid' };
  }
  return { kind: 'invalid' };
}

export function showDate(iso: string): string {
  try {
    return formatDateVi(iso);
  } catch {
    return iso;
  }
}

export function checkInfo(s: TableState, ctx: Ctx, out: Finding[]): void {
  const info = s.read.info;
  const no = info.reportNo;
  if (no) {
    const v = no.value;
    if (v === null || (typeof v === 'string' && v.trim() === '')) {
      out.push({ rule: 'report.number-missing', severity: severityOf('report.number-missing'), cells: [ref(no)], message: { vi: 'Chưa nhập số báo cáo (ví dụ 52-BC/TU hoặc 123/BC-UBND).', en: 'The report number is missing (e.g. 52-BC/TU or 123/BC-UBND).' } });
    } else if (typeof v !== 'string' || reportNumberForm(v) === null) {
      const shown = showValue(v, ctx.sep);
      out.push({
        rule: 'report.number-format',
        severity: severityOf('report.number-format'),
        cells: [ref(no)],
        message: {
          vi: `Số báo cáo "${shown}" không theo mẫu của văn bản Đảng (52-BC/TU) hay văn bản nhà nước (123/BC-UBND, 01/2023/QĐ-UBND).`,
          en: `The report number "${shown}" follows neither the Party form (52-BC/TU) nor the State form (123/BC-UBND, 01/2023/QĐ-UBND).`,
        },
      });
    }
  }
  const rd = info.reportDate;
  if (rd) {
    const d = readDate(rd.value);
    if (d.kind === 'blank') {
      out.push({ rule: 'report.date-missing', severity: severityOf('report.date-missing'), cells: [ref(rd)], message: { vi: 'Chưa nhập ngày báo cáo.', en: 'The report date is missing.' } });
    } else if (d.kind === 'invalid') {
      const shown = showValue(rd.value, ctx.sep);
      out.push({ rule: 'report.date-invalid', severity: severityOf('report.date-invalid'), cells: [ref(rd)], message: { vi: `Ngày báo cáo "${shown}" không phải là ngày tháng; nhập ngày dạng dd/mm/yyyy.`, en: `The report date "${shown}" is not a date; enter a date (dd/mm/yyyy).` } });
    } else if (d.iso > ctx.today) {
      out.push({ rule: 'report.date-future', severity: severityOf('report.date-future'), cells: [ref(rd)], message: { vi: `Ngày báo cáo ${showDate(d.iso)} ở tương lai.`, en: `The report date ${showDate(d.iso)} is in the future.` } });
    }
  }
  const from = info.from;
  const to = info.to;
  if (!from || !to) return;
  const f = readDate(from.value);
  const t = readDate(to.value);
  for (const [cell, d, label] of [
    [from, f, { vi: 'Từ ngày', en: 'The period start' }],
    [to, t, { vi: 'Đến ngày', en: 'The period end' }],
  ] as const) {
    if (d.kind === 'blank') {
      out.push({ rule: 'period.missing', severity: severityOf('period.missing'), cells: [ref(cell)], message: { vi: `${label.vi}: chưa nhập; số trung bình và tiêu đề kỳ báo cáo không tính được.`, en: `${label.en} is missing; averages and the period line cannot be computed.` } });
    } else if (d.kind === 'invalid') {
      const shown = showValue(cell.value, ctx.sep);
      out.push({ rule: 'period.invalid', severity: severityOf('period.invalid'), cells: [ref(cell)], message: { vi: `${label.vi}: "${shown}" không phải là ngày tháng; nhập ngày dạng dd/mm/yyyy.`, en: `${label.en} "${shown}" is not a date; enter a date (dd/mm/yyyy).` } });
    }
  }
  if (f.kind === 'date' && t.kind === 'date') {
    if (f.iso > t.iso) {
      out.push({
        rule: 'period.order',
        severity: severityOf('period.order'),
        cells: [ref(from), ref(to)],
        message: { vi: `Kỳ báo cáo: từ ngày ${showDate(f.iso)} sau đến ngày ${showDate(t.iso)}.`, en: `Report period: the start ${showDate(f.iso)} is after the end ${showDate(t.iso)}.` },
      });
    } else s.period = { from: f.iso, to: t.iso };
  }
}

/** The report information's blank fields, in the order of the Thiết lập báo cáo form. */
export const MISSING_INFO: readonly { key: InfoKey; rule: string; name: Text }[] = [
  { key: 'reportNo', rule: 'report.number-missing', name: { vi: 'Số báo cáo', en: 'report number' } },
  { key: 'reportDate', rule: 'report.date-missing', name: { vi: 'Ngày báo cáo', en: 'report date' } },
  { key: 'from', rule: 'period.missing', name: { vi: 'Từ ngày', en: 'period start' } },
  { key: 'to', rule: 'period.missing', name: { vi: 'Đến ngày', en: 'period end' } },
];

/**
 * The report information left blank in more than one table is one finding, `report.incomplete`,
 * not one per field per table (four tables, four fields: sixteen warnings for one thing to do): its
 * cells are every blank one, table by table in reading order; the clerk fills them once (the pane's
 * Thiết lập báo cáo writes every table). Blank fields of a single table stay as they are reported
 * (`report.number-missing`, `report.date-missing`, `period.missing`).
 */
export function mergeMissingInfo(located: Located[], states: (TableState | null)[], nextSeq: () => number): void {
  const isMissing = (l: Located): boolean => l.finding.severity === 'warning' && MISSING_INFO.some((m) => m.rule === l.finding.rule);
  const missing = located.filter(isMissing);
  const tables = new Set(missing.map((l) => l.table));
  if (tables.size < 2) return;
  missing.sort((a, b) => a.table - b.table || a.row - b.row || a.col - b.col || a.seq - b.seq);
  const blankKeys = new Set<InfoKey>();
  for (const l of missing) {
    const info = states[l.table]?.read.info;
    const cell = l.finding.cells[0];
    for (const m of MISSING_INFO) {
      const c = info?.[m.key];
      if (c && cell && c.sheet === cell.sheet && c.address === cell.address) blankKeys.add(m.key);
    }
  }
  const fields = MISSING_INFO.filter((m) => blankKeys.has(m.key));
  const sheets = [...new Set(missing.map((l) => l.finding.cells[0]?.sheet).filter((x): x is string => x !== undefined))];
  const period = blankKeys.has('from') || blankKeys.has('to');
  const first = missing[0];
  const finding: Finding = {
    rule: 'report.incomplete',
    severity: severityOf('report.incomplete'),
    cells: missing.flatMap((l) => l.finding.cells),
    message: {
      vi: `Thông tin báo cáo chưa đủ: chưa nhập ${fields.map((f) => f.name.vi).join(', ')} ở ${sheets.length} biểu (${sheets.join(', ')})${period ? '; số trung bình và tiêu đề kỳ báo cáo chưa tính được' : ''}. Nhập một lần ở Thiết lập báo cáo.`,
      en: `The report information is incomplete: ${fields.map((f) => f.name.en).join(', ')} not entered in ${sheets.length} tables (${sheets.join(', ')})${period ? '; averages and the period line cannot be computed' : ''}. Enter it once in Report settings.`,
    },
  };
  const drop = new Set(missing);
  const kept = located.filter((l) => !drop.has(l));
  located.length = 0;
  located.push(...kept, { finding, table: first.table, seq: nextSeq(), row: first.row, col: first.col });
}

export function checkPeriods(states: (TableState | null)[], push: (tableIndex: number, f: Finding) => void): void {
  const refIndex = states.findIndex((s) => s !== null && s.period !== null);
  if (refIndex < 0) return;
  const base = states[refIndex] as TableState;
  const bp = base.period as { from: string; to: string };
  states.forEach((s, i) => {
    if (!s || i === refIndex || !s.period) return;
    const p = s.period;
    if (p.from === bp.from && p.to === bp.to) return;
    const key: InfoKey = p.from !== bp.from ? 'from' : 'to';
    const mine = s.read.info[key] as CellRead;
    const theirs = base.read.info[key] as CellRead;
    push(i, {
      rule: 'period.mismatch',
      severity: severityOf('period.mismatch'),
      cells: [ref(mine), ref(theirs)],
      message: {
        vi: `Kỳ báo cáo của ${s.read.sheet} (${showDate(p.from)}–${showDate(p.to)}) khác kỳ của ${base.read.sheet} (${showDate(bp.from)}–${showDate(bp.to)}); các biểu của một báo cáo phải cùng kỳ.`,
        en: `The period of ${s.read.sheet} (${showDate(p.from)}–${showDate(p.to)}) differs from that of ${base.read.sheet} (${showDate(bp.from)}–${showDate(bp.to)}); all tables of one report share one period.`,
      },
    });
  });
}
