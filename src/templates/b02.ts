import type { Template } from './types';

/** Biểu 02 — documents issued by the province, by type, per local issuer. */
export const DocumentsByType: Template = {
  id: 'b02',
  version: 1,
  name: { vi: 'Biểu 02', en: 'Table 02' },
  title: {
    vi: 'BIỂU PHÂN LOẠI VĂN BẢN DO TỈNH, THÀNH PHỐ BAN HÀNH',
    en: 'DOCUMENTS ISSUED BY THE PROVINCE OR CITY, BY TYPE',
  },
  summary: {
    vi: 'Văn bản do Tỉnh ủy, Hội đồng nhân dân, Ủy ban nhân dân ban hành, theo loại văn bản.',
    en: "Documents issued by the Provincial Party Committee, People's Council and People's Committee, by type.",
  },
  rows: {
    kind: 'repeat',
    header: { vi: 'Số lượng / Thời gian', en: 'Count / Period' },
    total: { vi: 'Tổng cộng', en: 'Total' },
  },
  groups: [
    {
      id: 'party',
      label: { vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
      columns: [
        { kind: 'entry', id: 'party.resolution', label: { vi: 'Nghị quyết', en: 'Resolutions' } },
        { kind: 'entry', id: 'party.directive', label: { vi: 'Chỉ thị', en: 'Directives' } },
        { kind: 'entry', id: 'party.regulation', label: { vi: 'Quy định', en: 'Regulations' } },
        { kind: 'entry', id: 'party.decision', label: { vi: 'Quyết định', en: 'Decisions' } },
        { kind: 'entry', id: 'party.conclusion', label: { vi: 'Kết luận', en: 'Conclusions' } },
        { kind: 'entry', id: 'party.report', label: { vi: 'Báo cáo', en: 'Reports' } },
        { kind: 'entry', id: 'party.other', label: { vi: 'Văn bản khác', en: 'Other documents' } },
        {
          kind: 'sum',
          id: 'party.total',
          label: { vi: 'Cộng', en: 'Total' },
          of: ['party.resolution', 'party.directive', 'party.regulation', 'party.decision', 'party.conclusion', 'party.report', 'party.other'],
        },
      ],
    },
    {
      id: 'council',
      label: { vi: 'Hội đồng nhân dân', en: "People's Council" },
      columns: [
        { kind: 'entry', id: 'council.resolution', label: { vi: 'Nghị quyết', en: 'Resolutions' } },
        { kind: 'entry', id: 'council.report', label: { vi: 'Báo cáo', en: 'Reports' } },
        { kind: 'entry', id: 'council.other', label: { vi: 'Văn bản khác', en: 'Other documents' } },
        { kind: 'sum', id: 'council.total', label: { vi: 'Cộng', en: 'Total' }, of: ['council.resolution', 'council.report', 'council.other'] },
      ],
    },
    {
      id: 'committee',
      label: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
      columns: [
        { kind: 'entry', id: 'committee.decision', label: { vi: 'Quyết định', en: 'Decisions' } },
        { kind: 'entry', id: 'committee.directive', label: { vi: 'Chỉ thị', en: 'Directives' } },
        { kind: 'entry', id: 'committee.notice', label: { vi: 'Thông báo', en: 'Notices' } },
        { kind: 'entry', id: 'committee.report', label: { vi: 'Báo cáo', en: 'Reports' } },
        { kind: 'entry', id: 'committee.other', label: { vi: 'Văn bản khác', en: 'Other documents' } },
        {
          kind: 'sum',
          id: 'committee.total',
          label: { vi: 'Cộng', en: 'Total' },
          of: ['committee.decision', 'committee.directive', 'committee.notice', 'committee.report', 'committee.other'],
        },
      ],
    },
  ],
  sample: [[7, 5, 5, 568, 57, 112, 1114, 25, 150, 557, 1939, 4, 486, 194, 8046]],
};
