import type { Column, ComputedColumn, CrossTableEquality, EntryColumn, Template } from './types';
import { DocumentsByIssuer } from './b01';
import { DocumentsByType } from './b02';
import { MeetingsByLevel } from './b03';
import { ProceduresByLevel } from './b04';

export * from './types';

/** The standard tables, in the order the report lists them. */
export const TEMPLATES: readonly Template[] = [DocumentsByIssuer, DocumentsByType, MeetingsByLevel, ProceduresByLevel];

/** Rules between tables of one workbook (same unit and period). */
export const CROSS_TABLE_RULES: readonly CrossTableEquality[] = [
  {
    id: 'provincialParty',
    left: { template: 'b02', column: 'party.total' },
    right: { template: 'b01', column: 'local.provincialParty' },
    label: { vi: 'Tỉnh ủy', en: 'Provincial Party Committee' },
  },
  {
    id: 'council',
    left: { template: 'b02', column: 'council.total' },
    right: { template: 'b01', column: 'local.council' },
    label: { vi: 'Hội đồng nhân dân', en: "People's Council" },
  },
  {
    id: 'peoplesCommittee',
    left: { template: 'b02', column: 'committee.total' },
    right: { template: 'b01', column: 'local.peoplesCommittee' },
    label: { vi: 'Ủy ban nhân dân', en: "People's Committee" },
  },
];

/**
 * The header of the seed report (Lâm Đồng, 52-BC/TU of 14/11/2025, period 01/7–15/10/2025): what
 * `bieumau new --sample` fills in beside the templates' `sample` figures.
 */
export const SEED_REPORT = {
  unit: 'TỈNH ỦY LÂM ĐỒNG',
  reportNo: '52-BC/TU',
  reportDate: '2025-11-14',
  reportBy: 'Ban Thường vụ Tỉnh ủy',
  from: '2025-07-01',
  to: '2025-10-15',
} as const;

export function findTemplate(id: string): Template | undefined {
  const key = id.trim().toLowerCase();
  const short = /^\d+$/.test(key) ? `b${key.padStart(2, '0')}` : key;
  return TEMPLATES.find((t) => t.id === short);
}

export function columnsOf(t: Template): Column[] {
  return t.groups.flatMap((g) => g.columns);
}

export function entryColumns(t: Template): EntryColumn[] {
  return columnsOf(t).filter((c): c is EntryColumn => c.kind === 'entry');
}

export function computedColumns(t: Template): ComputedColumn[] {
  return columnsOf(t).filter((c): c is ComputedColumn => c.kind !== 'entry');
}
