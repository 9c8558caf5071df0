/**
 * The largest `.xlsx` file taken in, in bytes: the one figure the intake (`xlsx/intake`, refusing
 * by size before reading), the zip layer (`xlsx/zip`'s `ZIP_LIMITS`) and the pages' read-ahead
 * (`ui/FilePicker`) share. A normal workbook of these tables is tens of KB. Kept apart from
 * `xlsx/zip` so a page can know it without loading the reader.
 */
export const MAX_XLSX_BYTES = 32 * 1024 * 1024;
