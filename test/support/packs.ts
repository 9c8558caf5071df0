/**
 * A small pack that uses every part of the format (repeat and fixed rows, group row, entry, sum,
 * ratio, required, averages, rowSum, atMost, a cross rule, samples), as a fresh copy each call so
 * that a test can break one thing in it.
 */
export function goodPack(version = 1): Record<string, unknown> {
  return {
    format: 'bieumau-pack/1',
    id: 'test.office',
    version,
    title: { vi: 'Gói thử', en: 'Test pack' },
    issuer: { vi: 'Văn phòng thử', en: 'Test office' },
    effective: '2025-07-01',
    templates: [
      {
        id: 'visits',
        version,
        name: { vi: 'Tiếp dân', en: 'Visits' },
        title: { vi: 'BIỂU TIẾP CÔNG DÂN', en: 'CITIZEN VISITS' },
        summary: { vi: 'Lượt tiếp công dân.', en: 'Citizen visits.' },
        rows: { kind: 'repeat', header: { vi: 'Đơn vị', en: 'Unit' }, groupRow: { vi: 'Các xã', en: 'Communes' }, total: { vi: 'Tổng cộng', en: 'Total' } },
        groups: [
          {
            id: 'visits',
            label: { vi: 'Lượt tiếp', en: 'Visits' },
            columns: [
              { kind: 'entry', id: 'visits.regular', label: { vi: 'Thường xuyên', en: 'Regular' }, required: true },
              { kind: 'entry', id: 'visits.periodic', label: { vi: 'Định kỳ', en: 'Periodic' } },
              { kind: 'sum', id: 'visits.total', label: { vi: 'Cộng', en: 'Total' }, of: ['visits.regular', 'visits.periodic'] },
            ],
          },
          {
            id: 'cases',
            label: { vi: 'Đơn thư', en: 'Petitions' },
            columns: [
              { kind: 'entry', id: 'cases.received', label: { vi: 'Đã nhận', en: 'Received' } },
              { kind: 'entry', id: 'cases.settled', label: { vi: 'Đã giải quyết', en: 'Settled' } },
              { kind: 'ratio', id: 'cases.ratio', label: { vi: 'Tỷ lệ (%)', en: 'Ratio (%)' }, numerator: 'cases.settled', denominator: 'cases.received' },
            ],
          },
        ],
        averages: [
          { kind: 'perDay', id: 'visitsPerDay', of: 'visits.total', label: { vi: 'Trung bình một ngày', en: 'Per day' } },
          { kind: 'perMonth', id: 'visitsPerMonth', of: 'visits.total', label: { vi: 'Trung bình một tháng', en: 'Per month' } },
        ],
        averagesNote: { vi: 'Một tháng tính là 30 ngày.', en: 'A month counts as 30 days.' },
        rules: [
          { kind: 'atMost', id: 'settledWithinReceived', small: 'cases.settled', large: 'cases.received', label: { vi: 'Đã giải quyết không vượt đã nhận', en: 'Settled cannot exceed received' } },
          { kind: 'rowSum', id: 'casesFromVisits', parts: ['visits.regular', 'visits.periodic'], whole: 'cases.received', label: { vi: 'Đơn thư bằng lượt tiếp', en: 'Petitions equal visits' } },
        ],
        sample: [
          [10, 5, 15, 12],
          [3, 4, 7, 7],
        ],
      },
      {
        id: 'levels',
        version,
        name: { vi: 'Tiếp dân theo cấp', en: 'Visits by level' },
        title: { vi: 'BIỂU TIẾP CÔNG DÂN THEO CẤP', en: 'CITIZEN VISITS BY LEVEL' },
        rows: {
          kind: 'fixed',
          header: { vi: 'Cấp', en: 'Level' },
          rows: [
            { id: 'province', label: { vi: 'Cấp tỉnh', en: 'Province' } },
            { id: 'commune', label: { vi: 'Cấp xã', en: 'Commune' } },
          ],
          total: { vi: 'Tổng cộng', en: 'Total' },
        },
        groups: [{ id: 'visits', label: { vi: 'Lượt tiếp', en: 'Visits' }, columns: [{ kind: 'entry', id: 'visits', label: { vi: 'Lượt tiếp', en: 'Visits' } }] }],
        sample: [[13], [9]],
      },
    ],
    crossRules: [
      { id: 'visitsByLevel', left: { template: 'levels', column: 'visits' }, right: { template: 'visits', column: 'visits.total' }, label: { vi: 'Lượt tiếp theo cấp', en: 'Visits by level' } },
    ],
  };
}

/** `path` like `templates[0].rules[1].parts` → the value there (objects and arrays only). */
export function at(root: unknown, path: string): Record<string, unknown> & unknown[] {
  let v: unknown = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) v = (v as Record<string, unknown>)[/^\d+$/.test(part) ? Number(part) : part];
  return v as Record<string, unknown> & unknown[];
}
