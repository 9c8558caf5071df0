import type { Template } from './types';

/** Biểu 04 — administrative procedures (TTHC) and online public services, by level. */
export const ProceduresByLevel: Template = {
  id: 'b04',
  version: 1,
  name: { vi: 'Biểu 04', en: 'Table 04' },
  title: {
    vi: 'BIỂU TỔNG HỢP THỦ TỤC HÀNH CHÍNH VÀ DỊCH VỤ CÔNG TRỰC TUYẾN THEO CẤP',
    en: 'ADMINISTRATIVE PROCEDURES AND ONLINE PUBLIC SERVICES BY LEVEL',
  },
  summary: {
    vi: 'Thủ tục hành chính công khai, dịch vụ công trực tuyến toàn trình, một phần và tiếp nhận trực tiếp, theo cấp.',
    en: 'Published administrative procedures; full and partial online services and direct intake, by level.',
  },
  rows: {
    kind: 'fixed',
    header: { vi: 'Cấp', en: 'Level' },
    rows: [
      { id: 'province', label: { vi: 'Cấp tỉnh', en: 'Provincial level' } },
      { id: 'commune', label: { vi: 'Cấp xã', en: 'Commune level' } },
    ],
    total: { vi: 'Tổng cộng', en: 'Total' },
  },
  groups: [
    {
      id: 'published',
      label: { vi: 'Tổng số TTHC công khai', en: 'Procedures published' },
      columns: [{ kind: 'entry', id: 'published', required: true, label: { vi: 'Tổng số TTHC công khai', en: 'Procedures published' } }],
    },
    {
      id: 'onlineFull',
      label: { vi: 'DVC trực tuyến toàn trình', en: 'Full online public service' },
      columns: [
        { kind: 'entry', id: 'onlineFull.eligible', label: { vi: 'Số TTHC đủ điều kiện', en: 'Procedures eligible' } },
        { kind: 'entry', id: 'onlineFull.provided', label: { vi: 'Số TTHC đã cung cấp', en: 'Procedures provided' } },
        { kind: 'ratio', id: 'onlineFull.ratio', label: { vi: 'Tỷ lệ (%)', en: 'Ratio (%)' }, numerator: 'onlineFull.provided', denominator: 'onlineFull.eligible' },
      ],
    },
    {
      id: 'onlinePartial',
      label: { vi: 'DVC trực tuyến một phần', en: 'Partial online public service' },
      columns: [
        { kind: 'entry', id: 'onlinePartial.eligible', label: { vi: 'Số TTHC đủ điều kiện', en: 'Procedures eligible' } },
        { kind: 'entry', id: 'onlinePartial.provided', label: { vi: 'Số TTHC đã cung cấp', en: 'Procedures provided' } },
        {
          kind: 'ratio',
          id: 'onlinePartial.ratio',
          label: { vi: 'Tỷ lệ (%)', en: 'Ratio (%)' },
          numerator: 'onlinePartial.provided',
          denominator: 'onlinePartial.eligible',
        },
      ],
    },
    {
      id: 'direct',
      label: { vi: 'Tiếp nhận trực tiếp', en: 'Direct intake' },
      columns: [{ kind: 'entry', id: 'direct', label: { vi: 'Tiếp nhận trực tiếp', en: 'Direct intake' } }],
    },
  ],
  rules: [
    {
      kind: 'atMost',
      id: 'onlineFull.providedWithinEligible',
      small: 'onlineFull.provided',
      large: 'onlineFull.eligible',
      label: {
        vi: 'DVC toàn trình: số TTHC đã cung cấp không được vượt số TTHC đủ điều kiện',
        en: 'Full online: procedures provided cannot exceed procedures eligible',
      },
    },
    {
      kind: 'atMost',
      id: 'onlinePartial.providedWithinEligible',
      small: 'onlinePartial.provided',
      large: 'onlinePartial.eligible',
      label: {
        vi: 'DVC một phần: số TTHC đã cung cấp không được vượt số TTHC đủ điều kiện',
        en: 'Partial online: procedures provided cannot exceed procedures eligible',
      },
    },
    {
      kind: 'rowSum',
      id: 'channelsEqualPublished',
      parts: ['onlineFull.provided', 'onlinePartial.provided', 'direct'],
      whole: 'published',
      label: {
        vi: 'Toàn trình + một phần + trực tiếp phải bằng tổng số TTHC công khai',
        en: 'Full online + partial online + direct must equal procedures published',
      },
    },
  ],
  // Eligible per level is not given in the seed (only the totals 898 and 1325, all provided): eligible = provided.
  sample: [
    [1939, 804, 804, 1095, 1095, 40],
    [420, 94, 94, 230, 230, 96],
  ],
};
