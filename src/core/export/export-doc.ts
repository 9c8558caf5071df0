/**
 * The documents of `bieumau export` built from records (docs/export.md): the data in one of the
 * three formats, and the SDMX-ML structure message. Pure, no Node API: the command line, the web
 * page (Kiểm tra and Tổng hợp: "Tải số liệu (CSV)", "Tải SDMX") and the pane (Số liệu: copy or save
 * the figures as CSV) write the same bytes for the same records.
 */
import type { PackCatalog } from '../forms/catalog';
import { RECORD_FIELDS, figuresJson, recordValues, type FigureRecord } from './export';
import { csvDocument, type CsvOptions } from '../csv';
import { sdmxCsv, sdmxObservations, sdmxStructure, type StructureOptions } from './sdmx';

export type ExportFormat = 'csv' | 'sdmx-csv' | 'json';

/**
 * The tidy CSV of the records. `people`: the CSV a person opens in a spreadsheet (`--for-excel`:
 * text that a spreadsheet would evaluate gets a leading apostrophe); `bom` adds the UTF-8
 * byte-order mark (`--for-excel` writes it; text put on the clipboard goes without it).
 */
export function figuresCsv(records: readonly FigureRecord[], options: CsvOptions = {}): string {
  return csvDocument(RECORD_FIELDS, records.map(recordValues), options);
}

/** The data in the asked format, byte for byte as `bieumau export` writes it. */
export function exportDocument(records: readonly FigureRecord[], format: ExportFormat, forExcel: boolean, catalog: PackCatalog): string {
  if (format === 'json') return `${figuresJson(records)}\n`;
  if (format === 'sdmx-csv') return sdmxCsv(sdmxObservations(records, catalog));
  return figuresCsv(records, forExcel ? { forPeople: true, bom: true } : {});
}

/** The SDMX-ML 3.0 structure message describing the records' dataflows (`--structure`). */
export function exportStructure(records: readonly FigureRecord[], catalog: PackCatalog, options: StructureOptions = {}): string {
  return sdmxStructure(sdmxObservations(records, catalog), catalog, options);
}
