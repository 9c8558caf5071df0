/**
 * Strings of the pane's working screens (tables, report settings, check, figures), one table per
 * language with identical keys (`AppStrings`): a key missing from one language is a compile error.
 * The texts the web page shows too live once in src/ui/strings.ts; this table adds the pane's own.
 * The frame's own strings (product name, outside-Office message) live in `../strings`.
 */
import type { Language } from '../../ui/i18n';
import { uiEn, uiVi, type UiStrings } from '../../ui/strings';

/** The pane's own texts; the ones it shares with the web page come from `UiStrings` (src/ui/strings.ts). */
export interface AppStrings extends UiStrings {
  readonly tabTables: string;
  readonly tabSettings: string;
  readonly tabFigures: string;
  /** Tổng hợp's file button: several units' files at once. */
  readonly chooseSourceFiles: string;
  /** What the tab strip shows for "Thiết lập báo cáo", so that the five tabs fit one row of a 320 px pane. */
  readonly tabSettingsShort: string;
  /** `{tab}`: the accessible name of the header's "?" button, which shows or hides the open tab's introduction. */
  readonly introButton: string;

  // First run (shown once, until skipped or its table inserted)
  readonly firstRunTitle: string;
  /** What the add-in does, in three short lines. */
  readonly firstRunLines: readonly [string, string, string];
  /** `{name}`: "Biểu 01", the first table of the list. */
  readonly firstRunInsert: string;
  readonly firstRunSkip: string;
  readonly loadingPart: string;
  readonly dismiss: string;
  /** `{detail}`: the error text. */
  readonly failed: string;
  readonly partFailed: string;
  /** Status line while an Excel call has not answered for a while (Excel waits while a cell is being edited). */
  readonly excelSlow: string;

  // Tables
  readonly tablesIntro: string;
  /** `{name}`: "Biểu 01". */
  readonly insert: string;
  readonly inserting: string;
  readonly columnsAtAGlance: string;
  /** `{name}`, `{sheet}`. */
  readonly inserted: string;
  readonly sheetLabel: string;
  readonly insertHint: string;
  /** `{issuer}`, `{version}`, `{count}` (tables): the line under a pack's title. */
  readonly packLine: string;
  readonly packsLoading: string;
  /** `{reason}`. */
  readonly packIndexError: string;
  /** `{count}`. */

  // Report settings
  readonly settingsIntro: string;
  readonly periodIs: string;
  readonly save: string;
  readonly saving: string;
  /** `{count}`: tables whose headings were updated. */
  readonly saved: string;

  // Check
  readonly checkIntro: string;
  readonly check: string;
  readonly checking: string;
  readonly liveCheck: string;
  readonly clearMarks: string;
  readonly marksCleared: string;
  readonly undo: string;
  readonly fix: string;
  /** `{title}`, `{detail}`: the check's summary as the status line announces it. */
  readonly checkResult: string;
  readonly selectCellHint: string;
  readonly findingsOf: string;
  /** `{cell}`. */
  readonly fixed: string;
  readonly reverted: string;
  readonly selected: string;

  // Figures
  readonly figuresIntro: string;
  readonly refresh: string;
  readonly computing: string;
  readonly periodUnknown: string;
  /** `{from}`, `{to}`, `{days}`. */
  readonly periodLine: string;
  readonly sentences: string;
  readonly copy: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly incomplete: string;
  readonly figuresNone: string;

  // Consolidation
  readonly consolidateIntro: string;
  readonly filesHint: string;
  readonly readingFiles: string;
  /** `{count}`. */
  readonly filesRead: string;
  readonly sourcesHeading: string;
  readonly clearSources: string;
  readonly noPeriod: string;
  /** `{detail}`. */
  readonly unitsInvalid: string;
  readonly consolidateButton: string;
  readonly consolidating: string;
  /** `{files}`, `{sheets}`. */
  readonly consolidated: string;

  // Roll-up in the pane
  readonly rollUpButton: string;
  readonly rollingUp: string;
  readonly rollUpRefused: string;
  /** `{files}`, `{sheets}`. */
  readonly rolledUp: string;

  // Compared with earlier periods (Kiểm tra and Số liệu)
  readonly compareEarlierHint: string;
  /** `{count}`: earlier files chosen. */
  readonly earlierChosen: string;
  readonly earlierCleared: string;
  /** `{list}`: the periods compared ("01/3/2025–15/6/2025 (q2.xlsx)", …). */
  readonly comparedWith: string;
  readonly compareOnCheck: string;
  readonly historyHeading: string;
  readonly historyNone: string;
  readonly historyAll: string;
  readonly historyLabel: string;
  readonly historyCurrent: string;
  readonly historyEarlier: string;
  readonly historyChange: string;
  /** `{rate}`: a flow's figure per day. */
  readonly perDay: string;
  /** `{factor}`: this period ÷ the usual level ("10,0"). */
  readonly timesUsual: string;
  readonly standsOut: string;
  /** `{sheet}`: the table whose comparison this is. */
  readonly historyTableOf: string;
}


export const appVi: AppStrings = {
  ...uiVi,
  tabTables: 'Bảng biểu',
  tabSettings: 'Thiết lập báo cáo',
  tabFigures: 'Số liệu',
  chooseSourceFiles: 'Chọn các tệp .xlsx',
  tabSettingsShort: 'Thiết lập',
  introButton: 'Hướng dẫn thẻ {tab}',

  firstRunTitle: 'Bắt đầu',
  firstRunLines: [
    'Chèn các biểu thống kê chuẩn của báo cáo định kỳ vào sổ tính, tiêu đề lấy từ thiết lập báo cáo.',
    'Nhập số liệu rồi kiểm tra trước khi gửi: lỗi được chỉ ra ở từng ô.',
    'Tổng hợp sổ tính của các đơn vị thành một báo cáo.',
  ],
  firstRunInsert: 'Chèn {name} để bắt đầu',
  firstRunSkip: 'Bỏ qua',
  loadingPart: 'Đang tải…',
  dismiss: 'Đóng thông báo',
  failed: 'Excel báo lỗi: {detail}',
  partFailed: 'Không tải được phần này của ngăn tác vụ. Hãy đóng và mở lại ngăn tác vụ.',
  excelSlow: 'Excel chưa phản hồi. Nếu đang nhập dữ liệu vào một ô, hãy nhấn Enter hoặc Esc để Excel tiếp tục.',

  tablesIntro: 'Bấm để chèn một biểu chuẩn vào trang tính mới. Tiêu đề, đơn vị và kỳ báo cáo lấy từ “Thiết lập báo cáo”.',
  insert: 'Chèn {name}',
  inserting: 'Đang chèn…',
  columnsAtAGlance: 'Các cột',
  inserted: 'Đã chèn {name} vào trang tính “{sheet}”.',
  sheetLabel: 'Trang tính',
  insertHint: 'Ô màu vàng nhạt là ô nhập số liệu; các ô “Cộng” tự tính.',
  packLine: 'Ban hành: {issuer} · Phiên bản {version} · {count} biểu',
  packsLoading: 'Đang nạp các gói biểu mẫu của đơn vị…',
  packIndexError: 'Danh sách gói biểu mẫu (packs/index.json): {reason}',

  settingsIntro: 'Thông tin này được lưu trong sổ làm việc và hiện ở tiêu đề của mọi biểu.',
  periodIs: 'Kỳ báo cáo',
  save: 'Lưu thiết lập',
  saving: 'Đang lưu…',
  saved: 'Đã lưu. Đã cập nhật tiêu đề của {count} biểu.',

  checkIntro: 'Kiểm tra mọi ô nhập, mọi ô tổng và các quy tắc giữa các biểu trước khi gửi báo cáo.',
  check: 'Kiểm tra',
  checking: 'Đang kiểm tra…',
  liveCheck: 'Tự động kiểm tra lại khi sửa số liệu',
  clearMarks: 'Xóa đánh dấu',
  marksCleared: 'Đã xóa đánh dấu trên trang tính.',
  undo: 'Hoàn tác',
  fix: 'Sửa',
  checkResult: 'Đã kiểm tra xong. {title}. {detail}',
  selectCellHint: 'Chọn ô này trên trang tính',
  findingsOf: 'Kết quả kiểm tra',
  fixed: 'Đã sửa ô {cell}.',
  reverted: 'Đã hoàn tác lần sửa gần nhất.',
  selected: 'Đã chọn ô {cell}.',

  figuresIntro: 'Tổng số, số trung bình và tỷ lệ lấy từ các biểu, kèm câu văn để chép vào báo cáo.',
  refresh: 'Tính lại số liệu',
  computing: 'Đang tính…',
  periodUnknown: 'Chưa có kỳ báo cáo: số trung bình chưa tính được.',
  periodLine: 'Kỳ báo cáo: {from} – {to} ({days} ngày; một tháng tính 30 ngày).',
  sentences: 'Câu văn cho báo cáo',
  copy: 'Sao chép',
  copied: 'Đã sao chép.',
  copyFailed: 'Không sao chép được; hãy chọn câu văn và sao chép bằng tay.',
  incomplete: 'Một số ô nhập còn trống hoặc không phải số; số liệu chưa tính các ô đó.',
  figuresNone: 'Chưa có biểu nào để tính số liệu.',

  consolidateIntro:
    'Cộng các biểu của nhiều đơn vị: chọn các tệp .xlsx đơn vị gửi lên (tệp được đọc ngay trong ngăn này, không gửi đi đâu). Kết quả được ghi vào sổ tính đang mở thành các trang mới, kèm trang Nguồn. Chọn “Theo kỳ” để lũy kế báo cáo các kỳ liền nhau của một đơn vị (ví dụ ba tháng thành một quý).',
  filesHint: 'Có thể chọn nhiều tệp một lần, hoặc chọn thêm nhiều lần.',
  readingFiles: 'Đang đọc tệp…',
  filesRead: 'Đã đọc {count} tệp.',
  sourcesHeading: 'Tệp nguồn',
  clearSources: 'Bỏ chọn tất cả',
  noPeriod: 'chưa ghi kỳ báo cáo',
  unitsInvalid: 'Danh sách đơn vị không hợp lệ: {detail}',
  consolidateButton: 'Tổng hợp',
  consolidating: 'Đang tổng hợp…',
  consolidated: 'Đã tổng hợp {files} tệp vào {sheets}.',

  rollUpButton: 'Lũy kế',
  rollingUp: 'Đang lũy kế…',
  rollUpRefused: 'Chưa lũy kế được:',
  rolledUp: 'Đã lũy kế {files} kỳ vào {sheets}.',

  compareEarlierHint: 'Chọn các tệp .xlsx báo cáo kỳ trước của đơn vị; các lần kiểm tra sau cảnh báo số liệu khác thường so với các kỳ đó.',
  earlierChosen: 'Đã chọn {count} tệp kỳ trước.',
  earlierCleared: 'Đã bỏ các tệp kỳ trước.',
  comparedWith: 'Đã so với: {list}.',
  compareOnCheck: 'Bấm Kiểm tra để so với các kỳ trước.',
  historyHeading: 'So với các kỳ trước',
  historyNone: 'Không có số liệu nào khác thường so với các kỳ trước.',
  historyAll: 'Hiện mọi số liệu',
  historyLabel: 'Chỉ tiêu',
  historyCurrent: 'Kỳ này',
  historyEarlier: 'Các kỳ trước',
  historyChange: 'Thay đổi',
  perDay: '{rate}/ngày',
  timesUsual: 'gấp {factor} lần',
  standsOut: 'Khác thường',
  historyTableOf: 'So với các kỳ trước: {sheet}',
};


export const appEn: AppStrings = {
  ...uiEn,
  tabTables: 'Tables',
  tabSettings: 'Report settings',
  tabFigures: 'Figures',
  chooseSourceFiles: 'Choose .xlsx files',
  tabSettingsShort: 'Settings',
  introButton: 'About the {tab} tab',

  firstRunTitle: 'Getting started',
  firstRunLines: [
    'Insert the standard tables of periodic reports into the workbook, headed from the report settings.',
    'Type the figures, then check before sending: each mistake is shown at its cell.',
    "Add up the units' workbooks into one report.",
  ],
  firstRunInsert: 'Insert {name} to start',
  firstRunSkip: 'Skip',
  loadingPart: 'Loading…',
  dismiss: 'Dismiss message',
  failed: 'Excel reported an error: {detail}',
  partFailed: 'This part of the task pane could not be loaded. Close the task pane and open it again.',
  excelSlow: 'Excel has not answered yet. If you are editing a cell, press Enter or Esc so that Excel can go on.',

  tablesIntro: 'Select a standard table to insert it on a new sheet. Heading, unit and period come from “Report settings”.',
  insert: 'Insert {name}',
  inserting: 'Inserting…',
  columnsAtAGlance: 'Columns',
  inserted: 'Inserted {name} on sheet “{sheet}”.',
  sheetLabel: 'Sheet',
  insertHint: 'Light yellow cells take the figures; “Total” cells compute themselves.',
  packLine: 'Issued by: {issuer} · Version {version} · {count} tables',
  packsLoading: 'Loading the office’s template packs…',
  packIndexError: 'List of template packs (packs/index.json): {reason}',

  settingsIntro: 'Kept in the workbook and shown in the heading of every table.',
  periodIs: 'Report period',
  save: 'Save settings',
  saving: 'Saving…',
  saved: 'Saved. Updated the heading of {count} tables.',

  checkIntro: 'Checks every entry, every total and the rules between tables before the report is sent.',
  check: 'Check',
  checking: 'Checking…',
  liveCheck: 'Re-check automatically when figures change',
  clearMarks: 'Clear marks',
  marksCleared: 'Marks removed from the sheets.',
  undo: 'Undo',
  fix: 'Fix',
  checkResult: 'Check finished. {title}. {detail}',
  selectCellHint: 'Select this cell in the sheet',
  findingsOf: 'Check results',
  fixed: 'Fixed cell {cell}.',
  reverted: 'The last fix was undone.',
  selected: 'Selected cell {cell}.',

  figuresIntro: 'Totals, averages and ratios from the tables, with sentences to copy into the report.',
  refresh: 'Recompute figures',
  computing: 'Computing…',
  periodUnknown: 'No report period yet: averages cannot be computed.',
  periodLine: 'Report period: {from} – {to} ({days} days; a month counts as 30 days).',
  sentences: 'Sentences for the report',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'Could not copy; select the sentence and copy it by hand.',
  incomplete: 'Some entry cells are blank or not numbers; the figures leave them out.',
  figuresNone: 'No table to compute figures from yet.',

  consolidateIntro:
    "Add up many units' tables: choose the .xlsx files the units sent (they are read right here in the pane and sent nowhere). The result is written into the open workbook as new sheets, with a Sources sheet. Choose “By period” to roll up one unit's reports for consecutive periods (e.g. three months into a quarter).",
  filesHint: 'Choose several files at once, or add more several times.',
  readingFiles: 'Reading files…',
  filesRead: '{count} file(s) read.',
  sourcesHeading: 'Source files',
  clearSources: 'Remove all',
  noPeriod: 'no report period',
  unitsInvalid: 'The units list is not valid: {detail}',
  consolidateButton: 'Consolidate',
  consolidating: 'Consolidating…',
  consolidated: 'Consolidated {files} file(s) into {sheets}.',

  rollUpButton: 'Roll up',
  rollingUp: 'Rolling up…',
  rollUpRefused: 'Not rolled up:',
  rolledUp: 'Rolled up {files} period(s) into {sheets}.',

  compareEarlierHint: "Choose the unit's earlier reports (.xlsx); the next checks warn where a figure stands out against them.",
  earlierChosen: '{count} earlier file(s) chosen.',
  earlierCleared: 'Earlier files cleared.',
  comparedWith: 'Compared with: {list}.',
  compareOnCheck: 'Press Check to compare with the earlier periods.',
  historyHeading: 'Compared with earlier periods',
  historyNone: 'No figure stands out against the earlier periods.',
  historyAll: 'Show all figures',
  historyLabel: 'Figure',
  historyCurrent: 'This period',
  historyEarlier: 'Earlier periods',
  historyChange: 'Change',
  perDay: '{rate}/day',
  timesUsual: '×{factor}',
  standsOut: 'Stands out',
  historyTableOf: 'Compared with earlier periods: {sheet}',
};


export const APP_STRINGS: Readonly<Record<Language, AppStrings>> = { vi: appVi, en: appEn };
