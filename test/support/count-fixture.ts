/**
 * A province's registers for the count suites, every row labelled by hand with where it belongs —
 * the column of each table, or why it is not counted — so that the expected figures of any period
 * are counted here, by a plain filter, independently of the engine.
 */
import type { IncomingRow, OutgoingRow } from './registers';
import type { WorkbookRead } from '../../src/core/tables/table-read';
import { TEMPLATES } from '../../src/core/forms/builtin';
import { entryColumns } from '../../src/core/forms/template';

/** What a row is expected to be: its columns per table, or not in any, or undecidable. */
export interface Expect {
  b01?: string;
  b02?: string;
  /** Not counted whatever the period (a local body's incoming document). */
  local?: true;
  /** Undecidable: listed as unclassified when it is in the period. */
  unclassified?: true;
}

export const INCOMING: (IncomingRow & { expect: Expect })[] = [
  { arrival: { iso: '2025-07-01' }, arrivalNo: 1, author: 'Bộ Chính trị', symbol: '57-NQ/TW', date: { iso: '2025-06-28' }, expect: { b01: 'central.politburo' } },
  { arrival: { text: '02/07/2025' }, arrivalNo: 2, author: 'Ban Bí thư', symbol: '18 - CT / TW', date: { text: '30/06/2025' }, expect: { b01: 'central.secretariat' } },
  { arrival: { iso: '2025-07-03' }, arrivalNo: 3, author: 'Ban Chấp hành Trung ương Đảng', symbol: '66-NQ/TW', date: { iso: '2025-07-01' }, expect: { b01: 'central.committee' } },
  // A /TW document whose register gives no author: the author decides, so it is never guessed.
  { arrival: { iso: '2025-07-03' }, arrivalNo: 4, author: '', symbol: '08-QĐi/TW', date: { iso: '2025-07-01' }, expect: { unclassified: true } },
  { arrival: { text: '2025-07-04' }, arrivalNo: 5, author: 'Ủy ban Thường vụ Quốc hội', symbol: '1656/NQ-UBTVQH15', date: { iso: '2025-07-01' }, expect: { b01: 'central.assembly' } },
  { arrival: { iso: '2025-07-05' }, arrivalNo: 6, author: 'Quốc hội', symbol: '190/2025/QH15', date: { iso: '2025-06-19' }, expect: { b01: 'central.assembly' } },
  { arrival: { iso: '2025-07-07' }, arrivalNo: 7, author: 'Thủ tướng Chính phủ', symbol: '12 / CT - TTg', date: { iso: '2025-07-02' }, expect: { b01: 'central.government' } },
  { arrival: { iso: '2025-07-08' }, arrivalNo: 8, author: 'Chính phủ', symbol: '150/2025/NĐ-CP', date: { iso: '2025-06-12' }, expect: { b01: 'central.government' } },
  // Decomposed letters (a Mac export) and old-style tone placement: the same names.
  { arrival: { iso: '2025-07-09' }, arrivalNo: 9, author: 'Bộ Nội vụ'.normalize('NFD'), symbol: '3050/BNV-CQĐP', date: { iso: '2025-07-04' }, expect: { b01: 'central.ministries' } },
  { arrival: { iso: '2025-07-10' }, arrivalNo: 10, author: 'Ban Tổ chức Trung ương', symbol: '25-HD/BTCTW', date: { iso: '2025-07-05' }, expect: { b01: 'central.ministries' } },
  { arrival: { iso: '2025-07-11' }, arrivalNo: 11, author: 'Văn phòng Trung ương Đảng', symbol: '18541-CV/VPTW', date: { iso: '2025-07-09' }, expect: { b01: 'central.ministries' } },
  { arrival: { iso: '2025-07-12' }, arrivalNo: 12, author: 'Bộ Tài chính', symbol: '7001/BTC-NSNN', date: { iso: '2025-07-10' }, expect: { b01: 'central.ministries' } },
  // Local bodies: outside the central columns whatever the period.
  { arrival: { iso: '2025-07-14' }, arrivalNo: 13, author: 'UBND tỉnh Lâm Đồng', symbol: '824/QĐ-UBND', date: { iso: '2025-07-11' }, expect: { local: true } },
  { arrival: { iso: '2025-07-15' }, arrivalNo: 14, author: 'Sở Tài chính', symbol: '99/STC-NS', date: { iso: '2025-07-14' }, expect: { local: true } },
  { arrival: { iso: '2025-07-16' }, arrivalNo: 15, author: 'Uỷ ban nhân dân xã Đức Trọng', symbol: '15/UBND-VP', date: { iso: '2025-07-15' }, expect: { local: true } },
  { arrival: { text: '16/7/2025' }, arrivalNo: 16, author: 'Bộ Chính trị', symbol: '59-KL/TW', date: { iso: '2025-07-16' }, expect: { b01: 'central.politburo' } },
  // August and September: outside a July period, inside the quarter.
  { arrival: { iso: '2025-08-01' }, arrivalNo: 17, author: 'Bộ Chính trị', symbol: '60-NQ/TW', date: { iso: '2025-07-30' }, expect: { b01: 'central.politburo' } },
  { arrival: { iso: '2025-08-20' }, arrivalNo: 18, author: 'Thủ tướng Chính phủ', symbol: '1500/QĐ-TTg', date: { iso: '2025-08-18' }, expect: { b01: 'central.government' } },
  { arrival: { iso: '2025-09-30' }, arrivalNo: 19, author: 'Bộ Y tế', symbol: '500/BYT-KCB', date: { iso: '2025-09-29' }, expect: { b01: 'central.ministries' } },
  { arrival: { iso: '2025-06-30' }, arrivalNo: 20, author: 'Ban Bí thư', symbol: '17-CT/TW', date: { iso: '2025-06-25' }, expect: { b01: 'central.secretariat' } },
  // The same document as row 9 recorded again (spaces in the symbol, the author in NFC): counted, and reported as a duplicate.
  { arrival: { iso: '2025-07-20' }, arrivalNo: 21, author: 'Bộ Nội vụ', symbol: '3050 / BNV-CQĐP', date: { iso: '2025-07-04' }, expect: { b01: 'central.ministries' } },
];

/** The index in INCOMING of the row recorded twice, and of its first record. */
export const DUPLICATE = { first: 8, again: 20 };

/** The Provincial Party Committee's outgoing register: its symbols say who issued them. */
export const PARTY_OUT: (OutgoingRow & { expect: Expect })[] = [
  { symbol: '52-BC/TU', date: { iso: '2025-07-02' }, expect: { b01: 'local.provincialParty', b02: 'party.report' } },
  { symbol: '15-NQ/TU', date: { text: '03/07/2025' }, expect: { b01: 'local.provincialParty', b02: 'party.resolution' } },
  { symbol: '08 - QĐi / TU', date: { iso: '2025-07-04' }, expect: { b01: 'local.provincialParty', b02: 'party.regulation' } },
  { symbol: '120-QĐ/TU', date: { iso: '2025-07-05' }, expect: { b01: 'local.provincialParty', b02: 'party.decision' } },
  { symbol: '05-CT/TU', date: { iso: '2025-07-06' }, expect: { b01: 'local.provincialParty', b02: 'party.directive' } },
  { symbol: '30-KL/TU', date: { iso: '2025-07-07' }, expect: { b01: 'local.provincialParty', b02: 'party.conclusion' } },
  { symbol: '900-CV/TU', date: { iso: '2025-07-08' }, expect: { b01: 'local.provincialParty', b02: 'party.other' } },
  { symbol: '10-KH/TU', date: { iso: '2025-08-09' }, expect: { b01: 'local.provincialParty', b02: 'party.other' } },
  { symbol: '101-CV/VPTU', date: { iso: '2025-07-10' }, expect: { b01: 'local.departments' } },
];

/** The People's Committee's outgoing register: `-UBND` is also a commune's, so the clerk names the body (--body). */
export const COMMITTEE_OUT: (OutgoingRow & { expect: Expect })[] = [
  { symbol: '824/QĐ-UBND', date: { iso: '2025-07-01' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.decision' } },
  { symbol: '825/QĐ-UBND', date: { text: '31/07/2025' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.decision' } },
  { symbol: '12/CT-UBND', date: { iso: '2025-07-02' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.directive' } },
  { symbol: '300/TB-UBND', date: { iso: '2025-07-03' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.notice' } },
  { symbol: '200/BC-UBND', date: { iso: '2025-07-04' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.report' } },
  { symbol: '123/UBND-VX', date: { iso: '2025-07-05' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.other' } },
  { symbol: '45/KH-UBND', date: { iso: '2025-07-06' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.other' } },
  { symbol: '30191/TB-SNNMT-BTTĐC', date: { iso: '2025-07-07' }, expect: { b01: 'local.departments' } },
  { symbol: '05/2025/NQ-HĐND', date: { iso: '2025-07-08' }, expect: { unclassified: true } },
  { symbol: 'không số', date: { iso: '2025-07-09' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.other' } },
  { symbol: '900/QĐ-UBND', date: { iso: '2025-09-15' }, expect: { b01: 'local.peoplesCommittee', b02: 'committee.decision' } },
];

export const ALL = { incoming: INCOMING, party: PARTY_OUT, committee: COMMITTEE_OUT };

function inPeriod(iso: string, from: string, to: string): boolean {
  return iso >= from && iso <= to;
}

function isoOf(d: { iso: string } | { text: string } | null): string {
  if (d === null) throw new Error('fixture row without a date');
  if ('iso' in d) return d.iso;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d.text);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return d.text; // already ISO
}

/** The expected figure of every column for the period, counted by filtering the labelled rows. */
export function expectedCounts(from: string, to: string): Record<string, number> {
  const out: Record<string, number> = {};
  const add = (k: string | undefined, table: string): void => {
    if (k !== undefined) out[`${table}:${k}`] = (out[`${table}:${k}`] ?? 0) + 1;
  };
  for (const r of INCOMING) if (inPeriod(isoOf(r.arrival), from, to)) add(r.expect.b01, 'b01');
  for (const r of [...PARTY_OUT, ...COMMITTEE_OUT]) {
    if (!inPeriod(isoOf(r.date), from, to)) continue;
    add(r.expect.b01, 'b01');
    add(r.expect.b02, 'b02');
  }
  return out;
}

/** The rows expected as unclassified in the period: [register key, index]. */
export function expectedUnclassified(from: string, to: string): { register: 'incoming' | 'party' | 'committee'; index: number }[] {
  const out: { register: 'incoming' | 'party' | 'committee'; index: number }[] = [];
  INCOMING.forEach((r, index) => r.expect.unclassified && inPeriod(isoOf(r.arrival), from, to) && out.push({ register: 'incoming', index }));
  PARTY_OUT.forEach((r, index) => r.expect.unclassified && inPeriod(isoOf(r.date), from, to) && out.push({ register: 'party', index }));
  COMMITTEE_OUT.forEach((r, index) => r.expect.unclassified && inPeriod(isoOf(r.date), from, to) && out.push({ register: 'committee', index }));
  return out;
}

export { isoOf };

/** The figures of a workbook's counted tables as read (Office.js or a file): the non-zero entry cells of the first data row, by `table:column`. */
export function countedFigures(read: WorkbookRead): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of read.tables) {
    const tpl = TEMPLATES.find((x) => x.id === t.templateId);
    for (const c of tpl ? entryColumns(tpl) : []) {
      const v = t.columns[c.id][0].value;
      if (typeof v === 'number' && v !== 0) out[`${t.templateId}:${c.id}`] = v;
    }
  }
  return out;
}
