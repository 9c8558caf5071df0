/**
 * Strings of the web page (dist/web/), one table per language with identical keys (`WebStrings`).
 * The texts the pane shows too (report information, period, findings, consolidation) live once in
 * src/ui/strings.ts; this table adds the page's own.
 */
import type { Language } from '../ui/i18n';
import { uiEn, uiVi, type UiStrings } from '../ui/strings';

/** The page's own texts; the ones it shares with the pane come from `UiStrings` (src/ui/strings.ts). */
export interface WebStrings extends UiStrings {
  readonly title: string;
  readonly tagline: string;
  /** Who the page is for, under the title. */
  readonly intro: string;
  readonly privacy: string;
  /** The privacy line of the single-file page (dist/bieumau.html). */
  readonly privacySingleFile: string;
  readonly tabCreate: string;
  readonly loadingEngine: string;
  /** `{detail}` */
  readonly engineFailed: string;

  // Create
  readonly createIntro: string;
  readonly tablesLegend: string;
  readonly chooseOneTable: string;
  readonly rows: string;
  readonly rowsHint: string;
  readonly rowsInvalid: string;
  readonly sample: string;
  readonly sampleHint: string;
  readonly create: string;
  readonly creating: string;
  /** `{file}` */
  readonly created: string;

  // Check
  readonly checkFilesIntro: string;
  /** `{done}`, `{total}` */
  readonly checkingProgress: string;
  /** `{files}`, `{ok}`, `{withErrors}`, `{unreadable}`, `{errors}`, `{warnings}` */
  readonly summary: string;
  /** `{ms}` */
  readonly timeTaken: string;
  readonly downloadCsv: string;
  readonly downloadJson: string;

  // Consolidate
  readonly consolidateFilesIntro: string;
  readonly chooseSources: string;
  /** `{count}` */
  readonly sourcesChosen: string;
  readonly consolidatedInfo: string;
  readonly consolidate: string;
  /** `{done}`, `{total}` */
  readonly readingProgress: string;
  /** `{included}`, `{total}`, `{file}` */
  readonly consolidatedFile: string;
  readonly rollUpFilesIntro: string;
  readonly rollUpDownload: string;
  readonly rollUpNotMade: string;
  /** `{included}`, `{total}`, `{file}` */
  readonly rolledUpFile: string;

  // So với các kỳ trước (check --history)
  readonly earlierFilesHint: string;
  /** `{count}`, `{names}`. */
  readonly earlierFilesChosen: string;
  /** `{count}`: periods; `{list}`: "q2.xlsx (01/3/2025–15/6/2025)", … */
  readonly comparedWithCount: string;

  // Export (Kiểm tra and Tổng hợp)
  readonly exportHeading: string;
  readonly exportHint: string;
  readonly downloadFigures: string;
  readonly downloadSdmx: string;
  readonly exporting: string;
  /** `{file}`, `{count}` */
  readonly exported: string;
  readonly exportNone: string;
  /** `{count}`, `{list}` */
  readonly exportLeftOut: string;
  // Count from the document registers
  readonly tabCount: string;
}


export const webVi: WebStrings = {
  ...uiVi,
  title: 'Biểu mẫu thống kê',
  tagline: 'Tạo và kiểm tra các biểu thống kê của báo cáo định kỳ (Biểu 01–04) ngay trong trình duyệt',
  intro:
    'Dành cho cán bộ dùng Excel 2016, Excel 2019, WPS Office hoặc LibreOffice (nơi phần bổ trợ không chạy) và cho cơ quan tổng hợp nhận nhiều tệp báo cáo. Tệp tạo ở đây mở được trong mọi phiên bản Excel, WPS và LibreOffice.',
  privacy: 'Tệp chỉ được đọc trên máy này: không có gì được tải lên hay gửi đi. Khi trang đã tải xong, trang vẫn dùng được khi mất mạng.',
  privacySingleFile:
    'Trang này là một tệp duy nhất, mở thẳng từ máy, không cần mạng. Chính sách bảo mật của trang chặn mọi kết nối ra ngoài (connect-src \'none\'): tệp chỉ được đọc trên máy này, không gì có thể được gửi đi.',
  tabCreate: 'Tạo biểu mẫu',
  loadingEngine: 'Đang tải bộ đọc/ghi tệp Excel…',
  engineFailed: 'Không tải được bộ đọc/ghi tệp Excel: {detail}. Hãy tải lại trang.',

  createIntro: 'Chọn các biểu và điền thông tin báo cáo, rồi tải về sổ tính (.xlsx) có sẵn tiêu đề, tiêu đề cột và công thức cộng; chỉ còn việc nhập số liệu.',
  tablesLegend: 'Các biểu',
  chooseOneTable: 'Hãy chọn ít nhất một biểu.',
  rows: 'Số dòng số liệu (Biểu 01–03)',
  rowsHint: 'Để trống: một dòng cho đơn vị báo cáo. Từ 2 dòng trở lên có thêm dòng Tổng cộng.',
  rowsInvalid: 'Số dòng phải là số nguyên từ 1 đến 10000.',
  sample: 'Điền số liệu mẫu (báo cáo 52-BC/TU) để thử',
  sampleHint: 'Thông tin báo cáo để trống sẽ lấy theo báo cáo mẫu.',
  create: 'Tải về sổ tính',
  creating: 'Đang tạo sổ tính…',
  created: 'Đã tạo {file}.',

  tabCount: 'Đếm từ sổ văn bản',

  checkFilesIntro: 'Chọn hoặc kéo thả một hay nhiều tệp .xlsx: mỗi tệp được kiểm tra như lệnh bieumau check (từng ô nhập, từng dòng tổng, các quy tắc giữa các biểu).',
  checkingProgress: 'Đang kiểm tra {done}/{total} tệp…',
  summary: 'Đã kiểm tra {files} tệp: {ok} tệp không có lỗi, {withErrors} tệp có lỗi, {unreadable} tệp không đọc được; tổng cộng {errors} lỗi, {warnings} cảnh báo.',
  timeTaken: 'Thời gian: {ms} ms.',
  downloadCsv: 'Tải kết quả (CSV)',
  downloadJson: 'Tải kết quả (JSON)',

  consolidateFilesIntro:
    'Cộng các biểu của nhiều đơn vị (cùng kỳ báo cáo) thành một sổ tính như lệnh bieumau consolidate: mỗi đơn vị một dòng, Biểu 04 cộng từng ô kèm sheet chi tiết, sheet Nguồn ghi từng tệp đã dùng. Tệp có lỗi hoặc khác kỳ không được tổng hợp.',
  chooseSources: 'Chọn các tệp .xlsx của đơn vị',
  sourcesChosen: 'Đã chọn {count} tệp.',
  consolidatedInfo: 'Thông tin của báo cáo tổng hợp (không bắt buộc)',
  consolidate: 'Tổng hợp và tải về',
  readingProgress: 'Đang đọc {done}/{total} tệp…',
  consolidatedFile: 'Đã tổng hợp {included}/{total} tệp vào {file}.',
  rollUpFilesIntro:
    'Cộng các báo cáo của cùng một đơn vị (hoặc các sổ tổng hợp của cùng các đơn vị) qua các kỳ liền nhau thành báo cáo của cả kỳ, như lệnh bieumau roll-up: ví dụ ba tháng thành một quý. Biểu 01–03 mỗi kỳ một dòng rồi dòng Tổng cộng; Biểu 04 lấy số của kỳ cuối; sheet Nguồn ghi từng tệp đã dùng. Các kỳ phải liền nhau, không thiếu, không trùng.',
  rollUpDownload: 'Lũy kế và tải về',
  rollUpNotMade: 'Không lũy kế, chưa tạo tệp nào:',
  rolledUpFile: 'Đã lũy kế {included}/{total} tệp vào {file}.',

  earlierFilesHint: 'Chọn các tệp .xlsx báo cáo kỳ trước của đơn vị: mỗi tệp được kiểm tra còn được so với các kỳ đó (như lệnh bieumau check --history) và có cảnh báo ở số liệu khác thường.',
  earlierFilesChosen: 'Các kỳ trước ({count} tệp): {names}',
  comparedWithCount: 'So với {count} kỳ trước: {list}.',

  exportHeading: 'Xuất số liệu',
  exportHint:
    'Mọi số liệu của các biểu (mỗi dòng một số liệu, kèm đơn vị, kỳ, biểu, dòng, cột và tệp nguồn), như lệnh bieumau export. CSV để mở bằng Excel; SDMX là một tệp .zip gồm dữ liệu SDMX-CSV và thông điệp cấu trúc SDMX-ML cho hệ thống thống kê.',
  downloadFigures: 'Tải số liệu (CSV)',
  downloadSdmx: 'Tải SDMX',
  exporting: 'Đang xuất số liệu…',
  exported: 'Đã tải {file}: {count} số liệu.',
  exportNone: 'Không có số liệu nào để xuất: không có biểu nào đọc được.',
  exportLeftOut: '{count} tệp không đọc được nên không được xuất{list}.',
};


export const webEn: WebStrings = {
  ...uiEn,
  title: 'Statistics tables (Biểu mẫu)',
  tagline: 'Create and check the statistics tables of periodic reports (Biểu 01–04) in your browser',
  intro:
    'For clerks on Excel 2016, Excel 2019, WPS Office or LibreOffice (where the add-in does not run) and for offices that receive many report files. The workbooks made here open in every Excel version, WPS and LibreOffice.',
  privacy: 'Files are only read on this computer: nothing is uploaded or sent anywhere. Once loaded, the page keeps working offline.',
  privacySingleFile:
    'This page is one file, opened from the disk, with no network needed. Its security policy blocks every connection out of it (connect-src \'none\'): files are only read on this computer and nothing can be sent anywhere.',
  tabCreate: 'Create tables',
  loadingEngine: 'Loading the Excel file reader/writer…',
  engineFailed: 'The Excel file reader/writer could not be loaded: {detail}. Reload the page.',

  createIntro: 'Choose the tables and fill in the report information, then download a workbook (.xlsx) with titles, column headers and total formulas in place; only the figures are left to type.',
  tablesLegend: 'Tables',
  chooseOneTable: 'Choose at least one table.',
  rows: 'Data rows (Biểu 01–03)',
  rowsHint: 'Blank: one row for the reporting unit. With 2 rows or more a Tổng cộng (total) row is added.',
  rowsInvalid: 'The number of rows must be a whole number from 1 to 10000.',
  sample: 'Fill in the sample figures (report 52-BC/TU) to try it',
  sampleHint: 'Report information left blank is taken from the sample report.',
  create: 'Download the workbook',
  creating: 'Creating the workbook…',
  created: '{file} created.',

  tabCount: 'Count from registers',

  checkFilesIntro: 'Choose or drop one or more .xlsx files: each is checked as the bieumau check command does (every entry, every total, the rules between tables).',
  checkingProgress: 'Checking file {done} of {total}…',
  summary: '{files} files checked: {ok} without errors, {withErrors} with errors, {unreadable} unreadable; {errors} errors and {warnings} warnings in all.',
  timeTaken: 'Time: {ms} ms.',
  downloadCsv: 'Download the findings (CSV)',
  downloadJson: 'Download the findings (JSON)',

  consolidateFilesIntro:
    'Adds up the tables of many units (one report period) into one workbook as the bieumau consolidate command does: a row per unit, Biểu 04 summed cell by cell with a detail sheet, and a Nguồn (sources) sheet listing every file used. Files with errors or of another period are not included.',
  chooseSources: "Choose the units' .xlsx files",
  sourcesChosen: '{count} files chosen.',
  consolidatedInfo: 'Report information of the consolidated report (optional)',
  consolidate: 'Consolidate and download',
  readingProgress: 'Reading file {done} of {total}…',
  consolidatedFile: 'Consolidated {included} of {total} files into {file}.',
  rollUpFilesIntro:
    "Adds up the reports of one unit (or the consolidated workbooks of one set of units) for consecutive periods into the report of the covering period, as the bieumau roll-up command does: e.g. three months into a quarter. Biểu 01–03 get a row per period then the Tổng cộng (total) row; Biểu 04 takes the last period's figures; a Nguồn (sources) sheet lists every file used. The periods must follow each other with no gap and no overlap.",
  rollUpDownload: 'Roll up and download',
  rollUpNotMade: 'Not rolled up, no file was made:',
  rolledUpFile: 'Rolled up {included} of {total} files into {file}.',

  earlierFilesHint: "Choose the unit's earlier reports (.xlsx): each file checked is also compared with them (as bieumau check --history does), with a warning where a figure stands out.",
  earlierFilesChosen: 'Earlier periods ({count} file(s)): {names}',
  comparedWithCount: 'Compared with {count} earlier period(s): {list}.',

  exportHeading: 'Export the figures',
  exportHint:
    'Every figure of the tables (one per line, with its unit, period, table, row, column and source file), as the bieumau export command gives them. The CSV is for opening in Excel; SDMX is a .zip holding the SDMX-CSV data and the SDMX-ML structure message for a statistics system.',
  downloadFigures: 'Download figures (CSV)',
  downloadSdmx: 'Download SDMX',
  exporting: 'Exporting the figures…',
  exported: 'Downloaded {file}: {count} figures.',
  exportNone: 'No figure to export: no table could be read.',
  exportLeftOut: '{count} unreadable files were not exported{list}.',
};


export const WEB_STRINGS: Readonly<Record<Language, WebStrings>> = { vi: webVi, en: webEn };
