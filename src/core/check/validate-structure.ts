/**
 * Whether a table read still has its template's structure (`structure.changed`): the header
 * texts, the row labels, the totals label and the rows between the header and the `Mã biểu mẫu`
 * cell. Consolidation and the comparison with earlier periods take only tables that fit.
 */
import type { Template, Text } from '../forms/template';
import { columnsOf } from '../forms/template';
import type { CellValue, TableRead } from '../tables/table-read';
import type { CellRef } from './findings';
import { INFO_NAMES, type InfoKey } from '../forms/defined-names';
import { rowKinds } from '../tables/rows';
import { cornerHeaders, expectedHeader } from '../forms/layout-texts';
import { ref, posOf } from './validate-shared';

export function headerText(v: CellValue): string | null {
  if (typeof v === 'string') return v.trim();
  if (v === null) return '';
  return null;
}

/** Why the table cannot be read as its template says, or null when it can. */
export function structureProblem(r: TableRead, t: Template): Text | null {
  if (r.broken) return r.broken.reason;
  const expected = expectedHeader(t);
  // The corner names the rows: the template's own header, or a consolidation's ("… / Đơn vị") or a
  // roll-up's ("… / Thời gian").
  const corners = cornerHeaders(t);
  if (r.header.length !== expected.length) return { vi: 'Vùng tiêu đề của biểu đã bị thay đổi.', en: 'The header area was changed.' };
  for (let i = 0; i < expected.length; i++) {
    const row = r.header[i];
    if (!Array.isArray(row) || row.length !== expected[i].length) return { vi: 'Vùng tiêu đề của biểu đã bị thay đổi.', en: 'The header area was changed.' };
    for (let j = 0; j < expected[i].length; j++) {
      const want = expected[i][j];
      if (want === null) continue;
      const got = row[j] ? headerText(row[j].value) : null;
      if (i === 0 && j === 0 ? got === null || !corners.includes(got) : got !== want.trim()) {
        return {
          vi: `Ô tiêu đề ${row[j]?.address ?? ''} phải là "${want}".`,
          en: `Header cell ${row[j]?.address ?? ''} must read "${want}".`,
        };
      }
    }
  }
  const n = r.rowLabels.length;
  if (n < 1) return { vi: 'Không tìm thấy các dòng số liệu.', en: 'The data rows cannot be found.' };
  if ((r.groups?.length ?? 0) > 0 && (t.rows.kind === 'fixed' || rowKinds(r) === null)) {
    return { vi: 'Các nhóm đơn vị của biểu đã bị thay đổi.', en: 'The groups of units were changed.' };
  }
  if (t.rows.kind === 'fixed' && n !== t.rows.rows.length) return { vi: 'Số dòng của biểu đã bị thay đổi.', en: 'The number of rows was changed.' };
  const labelRows = r.rowLabels.map((c) => posOf(c.address).row);
  for (const c of columnsOf(t)) {
    const cells = r.columns[c.id];
    if (!cells || cells.length !== n) return { vi: `Cột "${c.label.vi}" không còn đủ ô.`, en: `Column "${c.label.en}" no longer has its cells.` };
    for (let i = 0; i < n; i++) {
      if (posOf(cells[i].address).row !== labelRows[i]) return { vi: `Cột "${c.label.vi}" đã bị xê dịch.`, en: `Column "${c.label.en}" was moved.` };
    }
  }
  const needTotals = t.rows.kind === 'fixed' || n > 1;
  if (needTotals) {
    if (!r.totals) return { vi: 'Không tìm thấy dòng tổng cộng.', en: 'The totals row cannot be found.' };
    for (const c of columnsOf(t)) {
      if (!r.totals[c.id]) return { vi: 'Dòng tổng cộng đã bị thay đổi.', en: 'The totals row was changed.' };
    }
  }
  for (const a of t.averages ?? []) {
    if (!r.averages || !r.averages[a.id]) return { vi: 'Không tìm thấy ô số liệu trung bình.', en: 'An average cell cannot be found.' };
  }
  for (const k of Object.keys(INFO_NAMES) as InfoKey[]) {
    if (!r.info || !r.info[k]) return { vi: 'Không tìm thấy ô thông tin báo cáo.', en: 'A report-information cell cannot be found.' };
  }
  return null;
}

/**
 * Whether the table's figures can be taken as its template says (consolidation, roll-up, the
 * comparison with earlier periods): no structure problem, and none so bad that looking for one fails.
 */
export function fitsTemplate(r: TableRead, t: Template): boolean {
  try {
    return structureProblem(r, t) === null;
  } catch {
    return false;
  }
}

export function firstCellOf(r: TableRead): CellRef[] {
  if (r.broken?.cell) return [r.broken.cell];
  const h = r.header?.[0]?.[0];
  return h ? [ref(h)] : [{ sheet: r.sheet, address: 'A1' }];
}
