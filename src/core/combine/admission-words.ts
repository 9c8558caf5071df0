/**
 * The catalogue of what admission says (`core/combine/admit`): why a set of sources is refused for a
 * consolidation or a roll-up (one sentence per refusal id, naming the files) and the note each
 * source gets on the `Nguồn` sheet and in `--json`; and why an earlier report is left out of the
 * comparison with earlier periods (`core/history/history`). Every sentence is here, Vietnamese and English,
 * so that the rules of admission hold no words and the two operations say the same things the same
 * way. Pure: only the figures and names given.
 */
import type { Text } from '../forms/template';
import { formatDateVi, formatRangeVi } from '../dates';

/** The ids of admission's refusals (the `kind` of a refusal in `--json`). */
export type AdmissionId = 'unreadable' | 'errors' | 'period' | 'duplicate' | 'empty' | 'gap' | 'overlap' | 'unit' | 'pack' | 'version' | 'tables';

/** What is being made of the sources: a consolidation of units, or a roll-up through time. */
export type Operation = 'consolidate' | 'rollup';

type Period = { from: string; to: string };

/** Files as a sentence lists them. */
export function list(files: readonly string[]): string {
  return files.join(', ');
}

/** How the switch that admits files with errors is named unless the caller says otherwise (the command line's). */
export const DEFAULT_SWITCH: Text = { vi: '--allow-errors', en: '--allow-errors' };

/** The verb of each operation: "vẫn tổng hợp", "vẫn lũy kế". */
const VERB: Record<Operation, Text> = { consolidate: { vi: 'tổng hợp', en: 'consolidate' }, rollup: { vi: 'lũy kế', en: 'roll up' } };

/** "từ 15/7/2025 đến 14/8/2025" / "from 15/7/2025 to 14/8/2025" (one day: "ngày 15/7/2025"). */
export function spanWords(p: Period): Text {
  if (p.from === p.to) return { vi: `ngày ${formatDateVi(p.from)}`, en: `on ${formatDateVi(p.from)}` };
  return { vi: `từ ${formatDateVi(p.from)} đến ${formatDateVi(p.to)}`, en: `from ${formatDateVi(p.from)} to ${formatDateVi(p.to)}` };
}

/** A report period as a sentence names it, or its absence. */
export function periodWords(p: Period | null): Text {
  return p ? { vi: formatRangeVi(p), en: `${p.from} to ${p.to}` } : { vi: 'không ghi kỳ báo cáo', en: 'no report period' };
}

/** A unit as a sentence names it: quoted, or "(không ghi đơn vị)" when blank. */
function unitShown(u: string, lang: 'vi' | 'en'): string {
  return u === '' ? (lang === 'vi' ? '(không ghi đơn vị)' : '(no unit)') : `"${u}"`;
}

/** Files of one kind (one period, one unit, one version…): the kind's words and the files. */
export interface Part {
  what: Text;
  files: string[];
}

function parts(ps: readonly Part[], lang: 'vi' | 'en'): string {
  return ps.map((x) => `${x.what[lang]} (${list(x.files)})`).join('; ');
}

/** The sentence of each refusal, by id and what it names. */
export const REFUSAL_WORDS = {
  /** Consolidation goes on without them with the switch; a roll-up would miss their periods. */
  unreadable: (op: Operation, files: string[], sw: Text): Text =>
    op === 'consolidate'
      ? {
          vi: `Không đọc được ${files.length} tệp: ${list(files)} (dùng ${sw.vi} để tổng hợp các tệp còn lại).`,
          en: `${files.length} file(s) cannot be read: ${list(files)} (use ${sw.en} to consolidate the others).`,
        }
      : { vi: `Không đọc được ${files.length} tệp: ${list(files)}.`, en: `${files.length} file(s) cannot be read: ${list(files)}.` },
  /** `named`: each file with its empty tables named, vi and en. */
  errors: (op: Operation, named: Text[], sw: Text): Text => ({
    vi: `${named.length} tệp có lỗi khi kiểm tra: ${list(named.map((n) => n.vi))} (sửa lỗi, hoặc dùng ${sw.vi} để vẫn ${VERB[op].vi} và đánh dấu).`,
    en: `${named.length} file(s) have error findings: ${list(named.map((n) => n.en))} (fix them, or use ${sw.en} to include them flagged).`,
  }),
  empty: (op: Operation): Text => ({ vi: `Không có tệp nào có biểu để ${VERB[op].vi}.`, en: `No file has a table to ${VERB[op].en}.` }),
  tableless: (files: string[]): Text => ({ vi: `Không có biểu nào đọc được trong: ${list(files)}.`, en: `No readable table in: ${list(files)}.` }),
  /** Consolidation: sources of different periods. */
  periods: (ps: Part[]): Text => ({ vi: `Các tệp không cùng kỳ báo cáo: ${parts(ps, 'vi')}.`, en: `The files are not of the same report period: ${parts(ps, 'en')}.` }),
  duplicate: (unit: string, files: string[]): Text => ({ vi: `Đơn vị "${unit}" có trong nhiều tệp: ${list(files)}.`, en: `Unit "${unit}" is in several files: ${list(files)}.` }),
  /** Roll-up: sources without a period. */
  noPeriod: (files: string[]): Text => ({ vi: `Không ghi kỳ báo cáo (Từ ngày, Đến ngày): ${list(files)}.`, en: `No report period (from, to) in: ${list(files)}.` }),
  gap: (gap: Period, files: readonly [string, string]): Text => {
    const w = spanWords(gap);
    return {
      vi: `Các kỳ không liền nhau: thiếu ${w.vi} (giữa ${files[0]} và ${files[1]}).`,
      en: `The periods are not consecutive: missing ${w.en} (between ${files[0]} and ${files[1]}).`,
    };
  },
  overlap: (both: Period, a: { file: string; period: Period }, b: { file: string; period: Period }): Text => {
    const w = spanWords(both);
    return {
      vi: `Hai tệp trùng kỳ ${w.vi}: ${a.file} (${formatRangeVi(a.period)}) và ${b.file} (${formatRangeVi(b.period)}).`,
      en: `Two files overlap ${w.en}: ${a.file} (${formatRangeVi(a.period)}) and ${b.file} (${formatRangeVi(b.period)}).`,
    };
  },
  units: (ps: { unit: string; files: string[] }[]): Text => ({
    vi: `Các tệp không cùng đơn vị: ${ps.map((x) => `${unitShown(x.unit, 'vi')} (${list(x.files)})`).join('; ')}.`,
    en: `The files are not of the same unit: ${ps.map((x) => `${unitShown(x.unit, 'en')} (${list(x.files)})`).join('; ')}.`,
  }),
  /** `ps`: the packs' ids as `what`. */
  packs: (ps: { packs: string; files: string[] }[]): Text => {
    const p = ps.map((x) => `${x.packs} (${list(x.files)})`).join('; ');
    return { vi: `Các tệp không cùng gói biểu mẫu: ${p}.`, en: `The files are not of the same template pack: ${p}.` };
  },
  tableMissing: (name: Text, files: string[]): Text => ({
    vi: `${name.vi} không có (hoặc không đọc được) trong: ${list(files)}; mọi kỳ phải có cùng các biểu.`,
    en: `${name.en} is missing (or unreadable) in: ${list(files)}; every period must have the same tables.`,
  }),
  versions: (name: Text, ps: { version: string; files: string[] }[]): Text => ({
    vi: `${name.vi} không cùng phiên bản mẫu: ${ps.map((x) => `phiên bản ${x.version} (${list(x.files)})`).join('; ')}.`,
    en: `${name.en} is not of the same template version: ${ps.map((x) => `version ${x.version} (${list(x.files)})`).join('; ')}.`,
  }),
  /** A table consolidated (several units) in some periods, one unit's in others. */
  unitCounts: (name: Text, many: string[], one: string[]): Text => ({
    vi: `${name.vi} có nhiều đơn vị (bảng tổng hợp) trong ${list(many)} nhưng chỉ một đơn vị trong ${list(one)}.`,
    en: `${name.en} has several units (a consolidation) in ${list(many)} but one unit in ${list(one)}.`,
  }),
  /** Units some periods lack (at most ten shown, `total` their number). */
  absentUnits: (name: Text, shown: { unit: string; files: string[] }[], total: number): Text => {
    const more = total > shown.length ? `; … (${total})` : '';
    return {
      vi: `${name.vi}: các kỳ không cùng các đơn vị: ${shown.map((a) => `"${a.unit}" không có trong ${list(a.files)}`).join('; ')}${more}.`,
      en: `${name.en}: the periods do not have the same units: ${shown.map((a) => `"${a.unit}" is not in ${list(a.files)}`).join('; ')}${more}.`,
    };
  },
} as const;

/** The note of a source on the `Nguồn` sheet, by what stands against it (or for it). */
export const NOTE_WORDS = {
  /** "Biểu 01 chưa nhập số liệu" (null: no empty table). */
  emptyTables: (sheets: string[]): Text | null =>
    sheets.length === 0 ? null : { vi: `${list(sheets)} chưa nhập số liệu`, en: `${list(sheets)} ${sheets.length > 1 ? 'have' : 'has'} no figures entered` },
  /** Two notes of one source, one after the other. */
  and: (first: Text, then: Text): Text => ({ vi: `${first.vi}; ${then.vi}`, en: `${first.en}; ${then.en}` }),
  /** A file as a refusal lists it: with its empty tables named ("x.xlsx (Biểu 01 chưa nhập số liệu)"). */
  named: (file: string, empty: Text | null): Text => (empty ? { vi: `${file} (${empty.vi})`, en: `${file} (${empty.en})` } : { vi: file, en: file }),
  /** "có 2 lỗi khi kiểm tra (Biểu 01 chưa nhập số liệu)". */
  errors: (n: number, empty: Text | null): Text => ({
    vi: `có ${n} lỗi khi kiểm tra${empty ? ` (${empty.vi})` : ''}`,
    en: `${n} error finding(s)${empty ? ` (${empty.en})` : ''}`,
  }),
  /** A source with errors admitted by the switch. */
  flagged: (op: Operation, errors: Text, sw: Text): Text => ({ vi: `${errors.vi}; vẫn ${VERB[op].vi} (${sw.vi})`, en: `${errors.en}; included anyway (${sw.en})` }),
  /** A sound source left out because of the others. */
  stopped: (op: Operation): Text =>
    op === 'consolidate'
      ? { vi: 'không tổng hợp vì các tệp khác có vấn đề', en: 'not consolidated: other files have problems' }
      : { vi: 'không lũy kế vì các tệp có vấn đề', en: 'not rolled up: the files have problems' },
  noTable: (): Text => ({ vi: 'không có biểu nào đọc được', en: 'no readable table' }),
  periodDiffers: (p: Period | null): Text => {
    const w = periodWords(p);
    return { vi: `kỳ báo cáo ${w.vi} khác các tệp khác`, en: `report period ${w.en} differs from the other files` };
  },
  sameUnit: (others: string[]): Text => ({ vi: `cùng đơn vị với ${list(others)}`, en: `same unit as ${list(others)}` }),
  noPeriod: (): Text => ({ vi: 'không ghi kỳ báo cáo', en: 'no report period' }),
  gapAfter: (gap: Period): Text => {
    const w = spanWords(gap);
    return { vi: `thiếu ${w.vi} sau tệp này`, en: `missing ${w.en} after this file` };
  },
  gapBefore: (gap: Period): Text => {
    const w = spanWords(gap);
    return { vi: `thiếu ${w.vi} trước tệp này`, en: `missing ${w.en} before this file` };
  },
  overlaps: (other: string): Text => ({ vi: `trùng kỳ với ${other}`, en: `overlaps ${other}` }),
  unitDiffers: (unit: string): Text => ({ vi: `đơn vị ${unitShown(unit, 'vi')} khác các tệp khác`, en: `unit ${unitShown(unit, 'en')} differs from the other files` }),
  packDiffers: (packs: string): Text => ({ vi: `gói ${packs} khác các tệp khác`, en: `pack ${packs} differs from the other files` }),
  tableMissing: (name: Text): Text => ({ vi: `thiếu ${name.vi}`, en: `${name.en} missing` }),
  versionDiffers: (name: Text, version: string): Text => ({ vi: `${name.vi} phiên bản ${version} khác các tệp khác`, en: `${name.en} version ${version} differs from the other files` }),
  manyUnits: (name: Text): Text => ({ vi: `${name.vi} có nhiều đơn vị`, en: `${name.en} has several units` }),
  oneUnit: (name: Text): Text => ({ vi: `${name.vi} chỉ có một đơn vị`, en: `${name.en} has one unit` }),
  lacksUnits: (name: Text): Text => ({ vi: `${name.vi} thiếu đơn vị so với các kỳ khác`, en: `${name.en} lacks units the other periods have` }),
} as const;

/** Why an earlier report (or one of its tables) is left out of the comparison with earlier periods. */
export const EARLIER_WORDS = {
  /** The current workbook itself has no period: nothing compared. */
  currentNoPeriod: (): Text => ({
    vi: 'Tệp đang kiểm tra không ghi kỳ báo cáo hợp lệ: không so sánh được với các kỳ trước.',
    en: 'The file checked has no valid report period: it cannot be compared with earlier periods.',
  }),
  unreadable: (error: Text): Text => ({ vi: `Không đọc được: ${error.vi}`, en: `Cannot be read: ${error.en}` }),
  unit: (theirs: string, ours: string): Text => {
    const shown = (u: string, lang: 'vi' | 'en'): string => (u === '' ? (lang === 'vi' ? '(không ghi)' : '(blank)') : `"${u}"`);
    return {
      vi: `Đơn vị khác: ${shown(theirs, 'vi')}, tệp đang kiểm tra là ${shown(ours, 'vi')}.`,
      en: `Another unit: ${shown(theirs, 'en')}; the file checked is ${shown(ours, 'en')}.`,
    };
  },
  noPeriod: (): Text => ({ vi: 'Không ghi kỳ báo cáo hợp lệ.', en: 'No valid report period.' }),
  notBefore: (theirs: Period, ours: Period): Text => ({
    vi: `Kỳ báo cáo ${formatRangeVi(theirs)} không kết thúc trước kỳ đang kiểm tra (${formatRangeVi(ours)}).`,
    en: `Its report period ${formatRangeVi(theirs)} does not end before the period checked (${formatRangeVi(ours)}).`,
  }),
  duplicate: (p: Period, first: string): Text => ({ vi: `Cùng kỳ báo cáo ${formatRangeVi(p)} với ${first} (đã dùng tệp đó).`, en: `Same report period ${formatRangeVi(p)} as ${first} (that file is used).` }),
  version: (name: Text, theirs: number[], ours: number): Text => ({
    vi: `${name.vi}: phiên bản ${theirs.join(', ')}, tệp đang kiểm tra là phiên bản ${ours}; biểu này không so sánh.`,
    en: `${name.en}: version ${theirs.join(', ')}, the file checked has version ${ours}; this table is not compared.`,
  }),
  noTable: (): Text => ({ vi: 'Không có biểu nào chung với tệp đang kiểm tra.', en: 'No table in common with the file checked.' }),
} as const;
