/**
 * Sheet-scoped defined names that let a reader find a table again after save, reopen,
 * renaming the sheet, rows inserted above or the table moved. They live in the `.xlsx`
 * and move with the cells; the Office.js adapter and the `.xlsx` reader use the same names.
 *
 * Names use letters, digits and `_` only (Excel and LibreOffice both accept them).
 * Column ids (`central.politburo`) map to name parts by turning `.` into `_`; ids never
 * contain `_`, so the mapping is one-to-one.
 */

import { STANDARD_PACK_ID } from './pack';

export const NAME_PREFIX = 'BM_';

/** One cell holding the table's identity: `bieumau:<templateId>@<version>` or `bieumau:<packId>/<templateId>@<version>` (see `metaValue`). */
export const META_NAME = 'BM_META';
/** The header grid (group row + column row, row-label column included). */
export const HEADER_NAME = 'BM_HEADER';
/** The row-label cells of the data rows, top to bottom. */
export const ROW_LABELS_NAME = 'BM_ROWS';

/** Report information cells (one cell each). */
export const INFO_NAMES = {
  unit: 'BM_UNIT',
  reportNo: 'BM_REPORT_NO',
  reportDate: 'BM_REPORT_DATE',
  reportBy: 'BM_REPORT_BY',
  from: 'BM_FROM',
  to: 'BM_TO',
} as const;
export type InfoKey = keyof typeof INFO_NAMES;

function idPart(id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)*$/.test(id)) throw new Error(`invalid id for a defined name: ${id}`);
  return id.replace(/\./g, '_');
}

/** The data-row cells of one column (entry or computed), top to bottom: one column wide. */
export function columnName(columnId: string): string {
  return `${NAME_PREFIX}C_${idPart(columnId)}`;
}

/** The totals-row cell of one column (only where the table has a totals row). */
export function totalName(columnId: string): string {
  return `${NAME_PREFIX}T_${idPart(columnId)}`;
}

/** The cell of a period average (Biểu 01). */
export function averageName(averageId: string): string {
  return `${NAME_PREFIX}A_${idPart(averageId)}`;
}

/**
 * A group of unit rows in a consolidated table: the row-label cells from its group row down to its
 * subtotal row (`k` from 1, in sheet order).
 */
export function groupName(k: number): string {
  return `${NAME_PREFIX}GRP_${k}`;
}

export const GROUP_NAME_PATTERN = /^BM_GRP_(\d+)$/i;

export const META_PREFIX = 'bieumau:';

/** The built-in pack; its tables keep the marker they had before packs existed. */
const STANDARD = STANDARD_PACK_ID;

/**
 * The table's identity as its BM_META cell holds it: `bieumau:b01@1` for the built-in pack
 * `vn.standard` (the form every workbook made before packs has), and
 * `bieumau:<packId>/<templateId>@<version>` for a table of any other pack.
 */
export function metaValue(templateId: string, version: number, packId: string = STANDARD): string {
  return packId === STANDARD ? `${META_PREFIX}${templateId}@${version}` : `${META_PREFIX}${packId}/${templateId}@${version}`;
}

export interface MetaIdentity {
  /** `vn.standard` for the short form. */
  packId: string;
  templateId: string;
  version: number;
}

/** The one parser of BM_META values (both forms); null for anything else. */
export function parseMetaValue(v: unknown): MetaIdentity | null {
  if (typeof v !== 'string') return null;
  const m = /^bieumau:(?:([a-z0-9]+(?:[.-][a-z0-9]+)*)\/)?([a-z0-9][a-z0-9_-]*)@(\d{1,6})$/.exec(v.trim());
  if (!m) return null;
  return { packId: m[1] ?? STANDARD, templateId: m[2], version: Number(m[3]) };
}
