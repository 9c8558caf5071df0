/**
 * Strings of the pane's working screens (tables, report settings, check, figures), one table per
 * language with identical keys (`AppStrings`): a key missing from one language is a compile error.
 * The frame's own strings (product name, outside-Office message) live in `../strings`.
 */
import type { Language } from '../strings';

export interface AppStrings {
  readonly tabsLabel: string;
  readonly tabTables: string;
  readonly tabSettings: string;
  readonly tabCheck: string;
  readonly tabFigures: string;
  readonly tabConsolidate: string;
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
  /** The button that switches the pane to the other language, named in that language. */
  readonly switchLanguage: string;
  readonly switchLanguageLang: Language;
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
  /** `{file}`: a deployed pack that failed its check (its faults follow). */
  readonly packInvalid: string;
  /** `{file}`, `{reason}`. */
  readonly packError: string;
  /** `{reason}`. */
  readonly packIndexError: string;
  /** `{count}`. */
  readonly packMoreFaults: string;

  // Report settings
  readonly settingsIntro: string;
  readonly unit: string;
  readonly unitHint: string;
  readonly reportNo: string;
  readonly reportNoHint: string;
  readonly reportDate: string;
  /** `{date}`: the chosen date as dd/mm/yyyy, under a date input (whose own display follows the browser's locale). */
  readonly dateShown: string;
  readonly reportBy: string;
  readonly reportByHint: string;
  readonly period: string;
  readonly periodKind: string;
  readonly kindMonth: string;
  readonly kindQuarter: string;
  readonly kindHalfYear: string;
  readonly kindNineMonths: string;
  readonly kindYear: string;
  readonly kindCustom: string;
  readonly year: string;
  readonly month: string;
  readonly quarter: string;
  readonly from: string;
  readonly to: string;
  readonly periodIs: string;
  readonly save: string;
  readonly saving: string;
  /** `{count}`: tables whose headings were updated. */
  readonly saved: string;
  readonly invalidPeriod: string;

  // Check
  readonly checkIntro: string;
  readonly check: string;
  readonly checking: string;
  readonly liveCheck: string;
  readonly clearMarks: string;
  readonly marksCleared: string;
  readonly undo: string;
  readonly fix: string;
  readonly readyToSend: string;
  /** `{warnings}`. */
  readonly readyDetail: string;
  readonly notReady: string;
  /** `{errors}`, `{warnings}`. */
  readonly notReadyDetail: string;
  /** `{title}`, `{detail}`: the check's summary as the status line announces it. */
  readonly checkResult: string;
  readonly error: string;
  readonly warning: string;
  readonly cells: string;
  readonly selectCellHint: string;
  readonly left: string;
  readonly right: string;
  readonly difference: string;
  readonly findingsOf: string;
  /** `{label}`: the fix's own description. */
  readonly fixWill: string;
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
  readonly chooseFiles: string;
  readonly filesHint: string;
  readonly readingFiles: string;
  /** `{count}`. */
  readonly filesRead: string;
  readonly sourcesHeading: string;
  readonly noSources: string;
  readonly clearSources: string;
  readonly unreadable: string;
  /** `{errors}`, `{warnings}`. */
  readonly checkCounts: string;
  readonly checkClean: string;
  readonly noPeriod: string;
  readonly unitsList: string;
  readonly unitsHint: string;
  readonly unitsFile: string;
  /** `{detail}`. */
  readonly unitsInvalid: string;
  readonly allowErrors: string;
  /** The checkbox above as refusal messages and the Sources sheet name it. */
  readonly allowErrorsName: string;
  readonly consolidateButton: string;
  readonly consolidating: string;
  readonly refused: string;
  /** `{files}`, `{sheets}`. */
  readonly consolidated: string;
  /** `{missing}`, `{expected}`, `{names}`. */
  readonly missingUnits: string;
  /** `{count}`, `{names}`. */
  readonly unexpectedUnits: string;
  readonly excludedNote: string;
}

export const appVi: AppStrings = {
  tabsLabel: 'Các chức năng',
  tabTables: 'Bảng biểu',
  tabSettings: 'Thiết lập báo cáo',
  tabCheck: 'Kiểm tra',
  tabFigures: 'Số liệu',
  tabConsolidate: 'Tổng hợp',
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
  switchLanguage: 'English',
  switchLanguageLang: 'en',
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
  packInvalid: 'Gói biểu mẫu “{file}” không hợp lệ nên không được nạp:',
  packError: 'Không nạp được gói biểu mẫu “{file}”: {reason}',
  packIndexError: 'Danh sách gói biểu mẫu (packs/index.json): {reason}',
  packMoreFaults: '… và {count} lỗi khác (xem bằng bieumau packs check)',

  settingsIntro: 'Thông tin này được lưu trong sổ làm việc và hiện ở tiêu đề của mọi biểu.',
  unit: 'Đơn vị báo cáo',
  unitHint: 'Ví dụ: TỈNH ỦY LÂM ĐỒNG',
  reportNo: 'Số báo cáo',
  reportNoHint: 'Ví dụ: 52-BC/TU hoặc 123/BC-UBND',
  reportDate: 'Ngày báo cáo',
  dateShown: 'Ngày {date}',
  reportBy: 'Báo cáo của',
  reportByHint: 'Ví dụ: Ban Thường vụ Tỉnh ủy',
  period: 'Kỳ báo cáo (Nghị định 09/2019/NĐ-CP)',
  periodKind: 'Loại kỳ',
  kindMonth: 'Tháng',
  kindQuarter: 'Quý',
  kindHalfYear: '6 tháng',
  kindNineMonths: '9 tháng',
  kindYear: 'Năm',
  kindCustom: 'Tùy chọn',
  year: 'Năm',
  month: 'Tháng',
  quarter: 'Quý',
  from: 'Từ ngày',
  to: 'Đến ngày',
  periodIs: 'Kỳ báo cáo',
  save: 'Lưu thiết lập',
  saving: 'Đang lưu…',
  saved: 'Đã lưu. Đã cập nhật tiêu đề của {count} biểu.',
  invalidPeriod: 'Kỳ báo cáo chưa hợp lệ',

  checkIntro: 'Kiểm tra mọi ô nhập, mọi ô tổng và các quy tắc giữa các biểu trước khi gửi báo cáo.',
  check: 'Kiểm tra',
  checking: 'Đang kiểm tra…',
  liveCheck: 'Tự động kiểm tra lại khi sửa số liệu',
  clearMarks: 'Xóa đánh dấu',
  marksCleared: 'Đã xóa đánh dấu trên trang tính.',
  undo: 'Hoàn tác',
  fix: 'Sửa',
  readyToSend: 'Sẵn sàng gửi',
  readyDetail: 'Không còn lỗi nào. Cảnh báo: {warnings}.',
  notReady: 'Chưa sẵn sàng gửi',
  notReadyDetail: 'Còn {errors} lỗi và {warnings} cảnh báo.',
  checkResult: 'Đã kiểm tra xong. {title}. {detail}',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  cells: 'Ô',
  selectCellHint: 'Chọn ô này trên trang tính',
  left: 'Vế trái',
  right: 'Vế phải',
  difference: 'Chênh lệch',
  findingsOf: 'Kết quả kiểm tra',
  fixWill: 'Cách sửa: {label}',
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
    'Cộng các biểu của nhiều đơn vị: chọn các tệp .xlsx đơn vị gửi lên (tệp được đọc ngay trong ngăn này, không gửi đi đâu). Kết quả được ghi vào sổ tính đang mở thành các trang mới, kèm trang Nguồn.',
  chooseFiles: 'Chọn các tệp .xlsx',
  filesHint: 'Có thể chọn nhiều tệp một lần, hoặc chọn thêm nhiều lần.',
  readingFiles: 'Đang đọc tệp…',
  filesRead: 'Đã đọc {count} tệp.',
  sourcesHeading: 'Tệp nguồn',
  noSources: 'Chưa chọn tệp nào.',
  clearSources: 'Bỏ chọn tất cả',
  unreadable: 'Không đọc được',
  checkCounts: '{errors} lỗi, {warnings} cảnh báo',
  checkClean: 'Không có lỗi',
  noPeriod: 'chưa ghi kỳ báo cáo',
  unitsList: 'Danh sách đơn vị phải nộp (không bắt buộc)',
  unitsHint: 'Mỗi dòng một đơn vị; thêm dấu Tab rồi tên nhóm nếu có. Hoặc dán tệp CSV có dòng tiêu đề "đơn vị,nhóm".',
  unitsFile: 'Lấy danh sách từ tệp CSV',
  unitsInvalid: 'Danh sách đơn vị không hợp lệ: {detail}',
  allowErrors: 'Vẫn tổng hợp khi có tệp lỗi (tệp lỗi được đánh dấu ở trang Nguồn)',
  allowErrorsName: '“Vẫn tổng hợp khi có tệp lỗi”',
  consolidateButton: 'Tổng hợp',
  consolidating: 'Đang tổng hợp…',
  refused: 'Chưa tổng hợp được:',
  consolidated: 'Đã tổng hợp {files} tệp vào {sheets}.',
  missingUnits: 'Chưa nộp: {missing}/{expected} ({names}).',
  unexpectedUnits: 'Ngoài danh sách: {count} ({names}).',
  excludedNote: 'không được tổng hợp',
};

export const appEn: AppStrings = {
  tabsLabel: 'Features',
  tabTables: 'Tables',
  tabSettings: 'Report settings',
  tabCheck: 'Check',
  tabFigures: 'Figures',
  tabConsolidate: 'Consolidate',
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
  switchLanguage: 'Tiếng Việt',
  switchLanguageLang: 'vi',
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
  packInvalid: 'Template pack “{file}” is invalid and was not loaded:',
  packError: 'Template pack “{file}” could not be loaded: {reason}',
  packIndexError: 'List of template packs (packs/index.json): {reason}',
  packMoreFaults: '… and {count} more faults (see bieumau packs check)',

  settingsIntro: 'Kept in the workbook and shown in the heading of every table.',
  unit: 'Issuing unit',
  unitHint: 'For example: TỈNH ỦY LÂM ĐỒNG',
  reportNo: 'Report number',
  reportNoHint: 'For example: 52-BC/TU or 123/BC-UBND',
  reportDate: 'Report date',
  dateShown: '{date} (day/month/year)',
  reportBy: 'Report of',
  reportByHint: 'For example: Ban Thường vụ Tỉnh ủy',
  period: 'Report period (Decree 09/2019/NĐ-CP)',
  periodKind: 'Period type',
  kindMonth: 'Month',
  kindQuarter: 'Quarter',
  kindHalfYear: '6 months',
  kindNineMonths: '9 months',
  kindYear: 'Year',
  kindCustom: 'Custom',
  year: 'Year',
  month: 'Month',
  quarter: 'Quarter',
  from: 'From',
  to: 'To',
  periodIs: 'Report period',
  save: 'Save settings',
  saving: 'Saving…',
  saved: 'Saved. Updated the heading of {count} tables.',
  invalidPeriod: 'The report period is not valid',

  checkIntro: 'Checks every entry, every total and the rules between tables before the report is sent.',
  check: 'Check',
  checking: 'Checking…',
  liveCheck: 'Re-check automatically when figures change',
  clearMarks: 'Clear marks',
  marksCleared: 'Marks removed from the sheets.',
  undo: 'Undo',
  fix: 'Fix',
  readyToSend: 'Ready to send',
  readyDetail: 'No errors left. Warnings: {warnings}.',
  notReady: 'Not ready to send',
  notReadyDetail: 'Errors: {errors}. Warnings: {warnings}.',
  checkResult: 'Check finished. {title}. {detail}',
  error: 'Error',
  warning: 'Warning',
  cells: 'Cells',
  selectCellHint: 'Select this cell in the sheet',
  left: 'Left side',
  right: 'Right side',
  difference: 'Difference',
  findingsOf: 'Check results',
  fixWill: 'Fix: {label}',
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
    "Add up many units' tables: choose the .xlsx files the units sent (they are read right here in the pane and sent nowhere). The result is written into the open workbook as new sheets, with a Sources sheet.",
  chooseFiles: 'Choose .xlsx files',
  filesHint: 'Choose several files at once, or add more several times.',
  readingFiles: 'Reading files…',
  filesRead: '{count} file(s) read.',
  sourcesHeading: 'Source files',
  noSources: 'No file chosen yet.',
  clearSources: 'Remove all',
  unreadable: 'Cannot be read',
  checkCounts: '{errors} error(s), {warnings} warning(s)',
  checkClean: 'No errors',
  noPeriod: 'no report period',
  unitsList: 'Units expected to report (optional)',
  unitsHint: 'One unit per line; a Tab and then its group if any. Or paste a CSV with the header "unit,group".',
  unitsFile: 'Take the list from a CSV file',
  unitsInvalid: 'The units list is not valid: {detail}',
  allowErrors: 'Consolidate even when a file has errors (flagged on the Sources sheet)',
  allowErrorsName: '“Consolidate even when a file has errors”',
  consolidateButton: 'Consolidate',
  consolidating: 'Consolidating…',
  refused: 'Not consolidated:',
  consolidated: 'Consolidated {files} file(s) into {sheets}.',
  missingUnits: 'Missing: {missing} of {expected} ({names}).',
  unexpectedUnits: 'Not in the list: {count} ({names}).',
  excludedNote: 'not included',
};

export const APP_STRINGS: Readonly<Record<Language, AppStrings>> = { vi: appVi, en: appEn };
