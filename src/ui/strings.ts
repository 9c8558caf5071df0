/**
 * The texts the pane and the web page share, one table per language with identical keys
 * (`UiStrings`: a key missing from one language is a compile error). The pane's table
 * (`taskpane/app/strings.ts`) and the page's (`web/strings.ts`) extend it with their own keys only:
 * no key is in both (test/unit/ui-strings.test.ts checks it, and that vi and en use the same placeholders).
 */
import type { Language } from './i18n';

export interface UiStrings {
  readonly tabsLabel: string;
  /** The menu of the tabs that do not fit the row. */
  readonly moreTabs: string;
  readonly tabCheck: string;
  readonly tabConsolidate: string;
  /** The button that switches to the other language, named in that language. */
  readonly switchLanguage: string;
  readonly switchLanguageLang: Language;

  // Report information (pane: Thiết lập báo cáo; page: Tạo biểu mẫu, Tổng hợp)
  readonly unit: string;
  readonly unitHint: string;
  readonly reportNo: string;
  readonly reportNoHint: string;
  readonly reportDate: string;
  readonly reportBy: string;
  readonly reportByHint: string;

  // Dates and the period form
  /** What a date field expects, as its placeholder: dd/mm/yyyy whatever the browser's language. */
  readonly datePlaceholder: string;
  /** A date field whose text is not a date. */
  readonly dateInvalid: string;
  /** The button beside a date field that opens its calendar. */
  readonly openCalendar: string;
  readonly previousMonth: string;
  readonly nextMonth: string;
  /** `{month}`, `{year}`: the calendar's caption. */
  readonly monthCaption: string;
  /** Seven short day names, Monday first, separated by spaces. */
  readonly weekdays: string;
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
  readonly invalidPeriod: string;

  // Findings and the check summary
  readonly readyToSend: string;
  readonly notReady: string;
  /** `{warnings}`. */
  readonly readyDetail: string;
  /** `{errors}`, `{warnings}`. */
  readonly notReadyDetail: string;
  /** `{blank}`: entry cells not filled in, said apart from the other warnings. */
  readonly blankDetail: string;
  readonly error: string;
  readonly warning: string;
  readonly cells: string;
  readonly left: string;
  readonly right: string;
  readonly difference: string;
  /** `{label}`, `{cell}`. */
  readonly fixDescribed: string;
  /** Heading of findings about the whole file (no cell). */
  readonly wholeFile: string;

  // Files and consolidation
  readonly chooseFiles: string;
  readonly dropHere: string;
  readonly noSources: string;
  readonly unitsList: string;
  readonly unitsHint: string;
  readonly unitsFile: string;
  readonly allowErrors: string;
  readonly allowErrorsHint: string;
  readonly refused: string;
  /** `{missing}`, `{expected}`, `{list}` (the names in brackets, or nothing). */
  readonly missingUnits: string;
  /** `{count}`, `{list}`. */
  readonly unexpectedUnits: string;
  readonly included: string;
  readonly includedFlagged: string;
  readonly notIncluded: string;
  /** `{errors}`, `{warnings}`. */
  readonly counts: string;
  readonly noErrors: string;
  readonly unreadable: string;

  // Roll-up (lũy kế): "Cách tổng hợp" in both Tổng hợp tabs, and what the roll-up did
  readonly modeLabel: string;
  readonly modeHint: string;
  readonly modeUnits: string;
  readonly modePeriods: string;
  /** The allow-errors checkbox's hint in "Theo kỳ". */
  readonly rollUpAllowErrorsHint: string;
  /** `{from}`, `{to}`, `{days}`. */
  readonly rollUpPeriod: string;
  /** `{from}`, `{to}`, `{name}` (Quý III/2025), `{days}`. */
  readonly rollUpPeriodNamed: string;
  readonly rolledIncluded: string;
  readonly rolledIncludedFlagged: string;
  readonly rolledNotIncluded: string;

  // Template packs deployed beside the add-in and the page (packs/index.json)
  /** `{file}`: a deployed pack that failed its check (its faults follow). */
  readonly packInvalid: string;
  /** `{count}`: the faults of a pack beyond those listed (`ui/model/pack-faults`). */
  readonly packMoreFaults: string;
  /** `{file}`, `{reason}`. */
  readonly packError: string;

  // So với các kỳ trước (the pane's and the page's Kiểm tra)
  readonly compareEarlier: string;
  readonly earlierClear: string;
  readonly comparedNone: string;
  /** `{file}`, `{reason}`: an earlier file left out of the comparison. */
  readonly skipped: string;
}


export const uiVi: UiStrings = {
  tabsLabel: 'Các chức năng',
  moreTabs: 'Thêm',
  tabCheck: 'Kiểm tra',
  tabConsolidate: 'Tổng hợp',
  switchLanguage: 'English',
  switchLanguageLang: 'en',

  unit: 'Đơn vị báo cáo',
  unitHint: 'Ví dụ: TỈNH ỦY LÂM ĐỒNG',
  reportNo: 'Số báo cáo',
  reportNoHint: 'Ví dụ: 52-BC/TU hoặc 123/BC-UBND',
  reportDate: 'Ngày báo cáo',
  reportBy: 'Báo cáo của',
  reportByHint: 'Ví dụ: Ban Thường vụ Tỉnh ủy',

  datePlaceholder: 'dd/mm/yyyy',
  dateInvalid: 'Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm, ví dụ 15/10/2025.',
  openCalendar: 'Mở lịch',
  previousMonth: 'Tháng trước',
  nextMonth: 'Tháng sau',
  monthCaption: 'Tháng {month}/{year}',
  weekdays: 'T2 T3 T4 T5 T6 T7 CN',
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
  invalidPeriod: 'Kỳ báo cáo chưa hợp lệ',

  readyToSend: 'Sẵn sàng gửi',
  notReady: 'Chưa sẵn sàng gửi',
  readyDetail: 'Không còn lỗi nào. Cảnh báo: {warnings}.',
  notReadyDetail: 'Còn {errors} lỗi và {warnings} cảnh báo.',
  blankDetail: 'Còn {blank} ô chưa nhập.',
  error: 'Lỗi',
  warning: 'Cảnh báo',
  cells: 'Ô',
  left: 'Vế trái',
  right: 'Vế phải',
  difference: 'Chênh lệch',
  fixDescribed: 'Cách sửa: {label} (ô {cell})',
  wholeFile: 'Cả tệp',

  chooseFiles: 'Chọn tệp .xlsx',
  dropHere: 'hoặc kéo thả tệp vào đây',
  noSources: 'Chưa chọn tệp nào.',
  unitsList: 'Danh sách đơn vị phải nộp (không bắt buộc)',
  unitsHint: 'Mỗi dòng một đơn vị; thêm dấu Tab rồi tên nhóm nếu có. Hoặc dán tệp CSV có dòng tiêu đề "đơn vị,nhóm". Đơn vị chưa nộp được đánh dấu.',
  unitsFile: 'Lấy danh sách từ tệp (.csv)',
  allowErrors: 'Vẫn tổng hợp khi có tệp lỗi',
  allowErrorsHint: 'Tệp có lỗi được đánh dấu ở trang Nguồn; tệp không đọc được thì bỏ qua.',
  refused: 'Chưa tổng hợp được:',
  missingUnits: 'Chưa nộp: {missing}/{expected}{list}.',
  unexpectedUnits: 'Ngoài danh sách: {count}{list}.',
  included: 'Đã tổng hợp',
  includedFlagged: 'Đã tổng hợp (có lỗi)',
  notIncluded: 'Không tổng hợp',
  counts: '{errors} lỗi, {warnings} cảnh báo',
  noErrors: 'Không có lỗi',
  unreadable: 'Không đọc được',

  modeLabel: 'Cách tổng hợp',
  modeHint: 'Theo đơn vị: báo cáo của nhiều đơn vị cùng một kỳ. Theo kỳ: báo cáo của một đơn vị qua các kỳ liền nhau (lũy kế, ví dụ ba tháng thành một quý).',
  modeUnits: 'Theo đơn vị',
  modePeriods: 'Theo kỳ',
  rollUpAllowErrorsHint: 'Tệp có lỗi vẫn được lũy kế và được đánh dấu ở trang Nguồn. Tệp không đọc được thì không lũy kế được: kỳ của nó sẽ bị thiếu.',
  rollUpPeriod: 'Kỳ lũy kế: từ ngày {from} đến ngày {to} ({days} ngày).',
  rollUpPeriodNamed: 'Kỳ lũy kế: từ ngày {from} đến ngày {to} ({name}, {days} ngày).',
  rolledIncluded: 'Đã lũy kế',
  rolledIncludedFlagged: 'Đã lũy kế (có lỗi)',
  rolledNotIncluded: 'Không lũy kế',

  packInvalid: 'Gói biểu mẫu “{file}” không hợp lệ nên không được nạp:',
  packMoreFaults: '… và {count} lỗi khác (xem bằng bieumau packs check)',
  packError: 'Không nạp được gói biểu mẫu “{file}”: {reason}',

  compareEarlier: 'So với các kỳ trước…',
  earlierClear: 'Bỏ các kỳ trước',
  comparedNone: 'Không có kỳ trước nào để so sánh.',
  skipped: 'Bỏ qua {file}: {reason}',
};


export const uiEn: UiStrings = {
  tabsLabel: 'Features',
  moreTabs: 'More',
  tabCheck: 'Check',
  tabConsolidate: 'Consolidate',
  switchLanguage: 'Tiếng Việt',
  switchLanguageLang: 'vi',

  unit: 'Issuing unit',
  unitHint: 'For example: TỈNH ỦY LÂM ĐỒNG',
  reportNo: 'Report number',
  reportNoHint: 'For example: 52-BC/TU or 123/BC-UBND',
  reportDate: 'Report date',
  reportBy: 'Report of',
  reportByHint: 'For example: Ban Thường vụ Tỉnh ủy',

  datePlaceholder: 'dd/mm/yyyy',
  dateInvalid: 'Not a valid date: type it as day/month/year, for example 15/10/2025.',
  openCalendar: 'Open the calendar',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  monthCaption: '{month}/{year}',
  weekdays: 'Mo Tu We Th Fr Sa Su',
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
  invalidPeriod: 'The report period is not valid',

  readyToSend: 'Ready to send',
  notReady: 'Not ready to send',
  readyDetail: 'No errors left. Warnings: {warnings}.',
  notReadyDetail: 'Errors: {errors}. Warnings: {warnings}.',
  blankDetail: 'Cells not filled in: {blank}.',
  error: 'Error',
  warning: 'Warning',
  cells: 'Cells',
  left: 'Left side',
  right: 'Right side',
  difference: 'Difference',
  fixDescribed: 'Fix: {label} (cell {cell})',
  wholeFile: 'Whole file',

  chooseFiles: 'Choose .xlsx files',
  dropHere: 'or drop files here',
  noSources: 'No file chosen yet.',
  unitsList: 'Units expected to report (optional)',
  unitsHint: 'One unit per line; a Tab and then its group if any. Or paste a CSV with the header "unit,group". Units that did not report are marked.',
  unitsFile: 'Take the list from a file (.csv)',
  allowErrors: 'Consolidate even when a file has errors',
  allowErrorsHint: 'Files with errors are flagged on the Sources sheet; unreadable files are left out.',
  refused: 'Not consolidated:',
  missingUnits: 'Missing: {missing} of {expected}{list}.',
  unexpectedUnits: 'Not in the list: {count}{list}.',
  included: 'Included',
  includedFlagged: 'Included (with errors)',
  notIncluded: 'Not included',
  counts: '{errors} error(s), {warnings} warning(s)',
  noErrors: 'No errors',
  unreadable: 'Cannot be read',

  modeLabel: 'How to add up',
  modeHint: 'By unit: the reports of many units for one period. By period: the reports of one unit for consecutive periods (a roll-up, e.g. three months into a quarter).',
  modeUnits: 'By unit',
  modePeriods: 'By period',
  rollUpAllowErrorsHint: 'Files with errors are rolled up and flagged on the Sources sheet. An unreadable file stops the roll-up: its period would be missing.',
  rollUpPeriod: 'Covering period: from {from} to {to} ({days} days).',
  rollUpPeriodNamed: 'Covering period: from {from} to {to} ({name}, {days} days).',
  rolledIncluded: 'Rolled up',
  rolledIncludedFlagged: 'Rolled up (with errors)',
  rolledNotIncluded: 'Not rolled up',

  packInvalid: 'Template pack “{file}” is invalid and was not loaded:',
  packMoreFaults: '… and {count} more faults (see bieumau packs check)',
  packError: 'Template pack “{file}” could not be loaded: {reason}',

  compareEarlier: 'Compare with earlier periods…',
  earlierClear: 'Clear earlier periods',
  comparedNone: 'No earlier period to compare with.',
  skipped: 'Left out {file}: {reason}',
};


export const UI_STRINGS: Readonly<Record<Language, UiStrings>> = { vi: uiVi, en: uiEn };
