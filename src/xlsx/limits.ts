/**
 * The largest `.xlsx` file taken in, in bytes: the one figure the intake (`xlsx/intake`, refusing
 * by size before reading), the zip layer (`xlsx/zip`'s `ZIP_LIMITS`) and the pages' read-ahead
 * (`ui/FilePicker`) share. A normal workbook of these tables is tens of KB. Kept apart from
 * `xlsx/zip` so a page can know it without loading the reader.
 */
export const MAX_XLSX_BYTES = 32 * 1024 * 1024;

/**
 * Bounds of one XML part of a package, checked over its bytes before ExcelJS parses it
 * (`xlsx/xml-screen`). No workbook Excel or LibreOffice writes comes near them: a formula holds at
 * most 8,192 characters and a cell's text 32,767 (in element text, not attributes), the longest
 * attribute of a real workbook (a `sqref` of scattered ranges) a few KB, and SpreadsheetML nests
 * about ten elements deep, whatever the number of rows. ExcelJS's parser spends seconds on an
 * attribute of megabytes or on elements nested 100,000 deep.
 */
export const XML_PART_LIMITS = {
  /** The most bytes of one attribute value. */
  maxAttributeBytes: 1024 * 1024,
  /** The most bytes of one tag, its name and attributes. */
  maxTagBytes: 2 * 1024 * 1024,
  /** The deepest elements may nest. */
  maxDepth: 1000,
  /** The most elements left open at the end of a part (a corrupt file). */
  maxUnclosed: 10_000,
  /** The most tags never ended (`<c <c <c`, a corrupt file): ExcelJS's parser makes an error of each. */
  maxUnended: 1000,
} as const;
