import type { Template } from './types';

/** Biểu 03 — conferences and meetings convened by the centre and held locally. */
export const MeetingsByLevel: Template = {
  id: 'b03',
  version: 1,
  name: { vi: 'Biểu 03', en: 'Table 03' },
  title: {
    vi: 'BIỂU THỐNG KÊ SỐ LƯỢNG CÁC HỘI NGHỊ, CUỘC HỌP DO TRUNG ƯƠNG TRIỆU TẬP VÀ ĐỊA PHƯƠNG TỔ CHỨC',
    en: 'CONFERENCES AND MEETINGS CONVENED BY THE CENTRE AND HELD LOCALLY',
  },
  summary: {
    vi: 'Số hội nghị, cuộc họp do Trung ương triệu tập và do địa phương tổ chức, theo cấp.',
    en: 'Conferences and meetings convened by central bodies and held locally, by level.',
  },
  rows: {
    kind: 'repeat',
    header: { vi: 'Địa phương / Thời gian', en: 'Locality / Period' },
    groupRow: { vi: '23 tỉnh, thành phố thực hiện hợp nhất, sáp nhập', en: '23 provinces and cities formed by merger' },
    total: { vi: 'Tổng cộng', en: 'Total' },
  },
  groups: [
    {
      id: 'central',
      label: { vi: 'Hội nghị do Trung ương triệu tập', en: 'Convened by central bodies' },
      columns: [
        {
          kind: 'entry',
          id: 'central.partyLeadership',
          label: { vi: 'Ban Chấp hành, Bộ Chính trị, Ban Bí thư', en: 'Central Committee, Politburo, Secretariat' },
        },
        { kind: 'entry', id: 'central.assembly', label: { vi: 'Quốc hội', en: 'National Assembly' } },
        { kind: 'entry', id: 'central.government', label: { vi: 'Chính phủ', en: 'Government' } },
        { kind: 'entry', id: 'central.ministries', label: { vi: 'Bộ, ban, ngành', en: 'Ministries and central agencies' } },
        {
          kind: 'sum',
          id: 'central.total',
          label: { vi: 'Cộng', en: 'Total' },
          of: ['central.partyLeadership', 'central.assembly', 'central.government', 'central.ministries'],
        },
      ],
    },
    {
      id: 'local',
      label: { vi: 'Hội nghị do địa phương triệu tập', en: 'Convened locally' },
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
  sample: [[1, 10, 67, 84, 15, 58, 1136, 820, 19220]],
};
