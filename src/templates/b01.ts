import type { Template } from './types';

/** Biểu 01 — documents issued by the centre and handled locally, and documents issued locally. */
export const DocumentsByIssuer: Template = {
  id: 'b01',
  version: 1,
  name: { vi: 'Biểu 01', en: 'Table 01' },
  title: {
    vi: 'BIỂU TỔNG HỢP SỐ LƯỢNG VĂN BẢN DO TRUNG ƯƠNG BAN HÀNH, ĐỊA PHƯƠNG XỬ LÝ VÀ VĂN BẢN DO ĐỊA PHƯƠNG BAN HÀNH',
    en: 'SUMMARY OF DOCUMENTS ISSUED BY THE CENTRE AND HANDLED LOCALLY, AND DOCUMENTS ISSUED LOCALLY',
  },
  summary: {
    vi: 'Số văn bản Trung ương ban hành địa phương xử lý, và văn bản địa phương ban hành, theo cơ quan ban hành.',
    en: 'Documents from central bodies handled locally, and documents issued locally, by issuer.',
  },
  rows: {
    kind: 'repeat',
    header: { vi: 'Số lượng / Thời gian', en: 'Count / Period' },
    total: { vi: 'Tổng cộng', en: 'Total' },
  },
  groups: [
    {
      id: 'central',
      label: { vi: 'Văn bản do Trung ương ban hành', en: 'Documents issued by central bodies' },
      columns: [
        { kind: 'entry', id: 'central.committee', label: { vi: 'Ban Chấp hành Trung ương', en: 'Central Committee' } },
        { kind: 'entry', id: 'central.politburo', label: { vi: 'Bộ Chính trị', en: 'Politburo' } },
        { kind: 'entry', id: 'central.secretariat', label: { vi: 'Ban Bí thư', en: 'Secretariat' } },
        { kind: 'entry', id: 'central.assembly', label: { vi: 'Quốc hội', en: 'National Assembly' } },
        { kind: 'entry', id: 'central.government', label: { vi: 'Chính phủ', en: 'Government' } },
        { kind: 'entry', id: 'central.ministries', label: { vi: 'Bộ, ban, ngành', en: 'Ministries and central agencies' } },
        {
          kind: 'sum',
          id: 'central.total',
          label: { vi: 'Cộng', en: 'Total' },
          of: ['central.committee', 'central.politburo', 'central.secretariat', 'central.assembly', 'central.government', 'central.ministries'],
        },
      ],
    },
    {
      id: 'local',
      label: { vi: 'Văn bản do địa phương ban hành', en: 'Documents issued locally' },
      columns: [
        {
          kind: 'entry',
          id: 'local.provincialParty',
          label: { vi: 'Tỉnh ủy (Ban Chấp hành, Ban Thường vụ)', en: 'Provincial Party Committee (Executive, Standing)' },
        },
        { kind: 'entry', id: 'local.council', label: { vi: 'Hội đồng nhân dân', en: "People's Council" } },
        { kind: 'entry', id: 'local.peoplesCommittee', label: { vi: 'Ủy ban nhân dân', en: "People's Committee" } },
        { kind: 'entry', id: 'local.departments', label: { vi: 'Sở, ban, ngành', en: 'Departments and agencies' } },
        { kind: 'entry', id: 'local.commune', label: { vi: 'Cấp xã', en: 'Commune level' } },
        {
          kind: 'sum',
          id: 'local.total',
          label: { vi: 'Cộng', en: 'Total' },
          of: ['local.provincialParty', 'local.council', 'local.peoplesCommittee', 'local.departments', 'local.commune'],
        },
      ],
    },
  ],
  averages: [
    { kind: 'perDay', id: 'receivedPerDay', of: 'central.total', label: { vi: 'Trung bình một ngày xử lý (văn bản đến)', en: 'Average per day, handled (incoming)' } },
    { kind: 'perDay', id: 'issuedPerDay', of: 'local.total', label: { vi: 'Trung bình một ngày ban hành (văn bản đi)', en: 'Average per day, issued (outgoing)' } },
    { kind: 'perMonth', id: 'receivedPerMonth', of: 'central.total', label: { vi: 'Trung bình một tháng xử lý (văn bản đến)', en: 'Average per month, handled (incoming)' } },
    { kind: 'perMonth', id: 'issuedPerMonth', of: 'local.total', label: { vi: 'Trung bình một tháng ban hành (văn bản đi)', en: 'Average per month, issued (outgoing)' } },
  ],
  averagesNote: {
    vi: 'Cách tính: số ngày theo lịch của kỳ báo cáo, tính cả ngày đầu và ngày cuối (01/7/2025–15/10/2025 là 107 ngày); một tháng tính là 30 ngày; số hiển thị được làm tròn.',
    en: 'Convention: calendar days of the report period, first and last day included (01/7/2025–15/10/2025 is 107 days); a month counts as 30 days; figures shown rounded.',
  },
  sample: [[5, 39, 6, 306, 828, 3341, 1868, 752, 10669, 132965, 340309]],
};
