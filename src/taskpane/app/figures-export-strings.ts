/**
 * The words of the Số liệu tab's CSV export (the pane), in their own table so they load with that
 * tab's chunk, not with the pane's start (vi and en have the same keys, checked by
 * test/unit/ui-strings.test.ts).
 */

export interface FiguresExportStrings {
  readonly figuresExportHeading: string;
  readonly figuresExportHint: string;
  readonly copyFiguresCsv: string;
  readonly saveFiguresCsv: string;
  /** `{count}`. */
  readonly figuresCsvCopied: string;
  readonly figuresCsvCopyFailed: string;
  /** `{file}`, `{count}`. */
  readonly figuresCsvSaved: string;
  readonly figuresCsvNone: string;
}

const vi: FiguresExportStrings = {
  figuresExportHeading: 'Xuất số liệu (CSV)',
  figuresExportHint: 'Mọi số liệu của các biểu trong sổ đang mở, mỗi dòng một số liệu (như lệnh bieumau export --for-excel), để dán hoặc mở bằng Excel.',
  copyFiguresCsv: 'Sao chép số liệu (CSV)',
  saveFiguresCsv: 'Lưu số liệu (CSV)',
  figuresCsvCopied: 'Đã sao chép {count} số liệu (CSV).',
  figuresCsvCopyFailed: 'Không sao chép được: Excel hoặc trình duyệt không cho dùng bộ nhớ tạm. Hãy bấm “Lưu số liệu (CSV)” để lưu thành tệp.',
  figuresCsvSaved: 'Đã lưu {file}: {count} số liệu.',
  figuresCsvNone: 'Chưa có số liệu nào để xuất: sổ đang mở chưa có biểu nào.',
};

const en: FiguresExportStrings = {
  figuresExportHeading: 'Export the figures (CSV)',
  figuresExportHint: "Every figure of the open workbook's tables, one per line (as bieumau export --for-excel gives them), to paste or to open in Excel.",
  copyFiguresCsv: 'Copy figures (CSV)',
  saveFiguresCsv: 'Save figures (CSV)',
  figuresCsvCopied: '{count} figures copied (CSV).',
  figuresCsvCopyFailed: 'Could not copy: Excel or the browser does not allow the clipboard. Use “Save figures (CSV)” to save them as a file.',
  figuresCsvSaved: 'Saved {file}: {count} figures.',
  figuresCsvNone: 'No figure to export: the open workbook has no table yet.',
};

export const FIGURES_EXPORT_STRINGS: Record<'vi' | 'en', FiguresExportStrings> = { vi, en };
