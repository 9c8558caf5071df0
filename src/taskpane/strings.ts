/**
 * Every user-facing string of the task pane, one table per language.
 * Both tables have the type `Strings`, so a key missing from (or added to) only one of them is a
 * compile error. Vietnamese is the default language of the add-in.
 */
import type { Language } from '../ui/i18n';


export interface Strings {
  /** Product name, shown in the pane's header. Same as the manifest's DisplayName. */
  readonly productName: string;
  /** Shown while office.js reports which host the pane runs in. */
  readonly loading: string;
  /** Title of the page shown when the pane is opened outside Excel (a plain browser tab). */
  readonly outsideOfficeTitle: string;
  /** What to do instead. */
  readonly outsideOfficeBody: string;
  /** Shown under the body when office.js itself could not be loaded (blocked network, say). */
  readonly officeJsMissing: string;
  /** Shown when the pane runs in an Office application other than Excel. */
  readonly wrongHost: string;
  /** Shown when starting the pane failed unexpectedly; `{detail}` is the error text. */
  readonly startupFailed: string;
}

export const vi: Strings = {
  productName: 'Biểu mẫu thống kê',
  loading: 'Đang khởi động…',
  outsideOfficeTitle: 'Hãy mở phần bổ trợ này trong Excel',
  outsideOfficeBody:
    'Trang này là ngăn tác vụ của phần bổ trợ Excel “Biểu mẫu thống kê”. Mở Excel, chọn thẻ Trang đầu rồi bấm nút “Biểu mẫu thống kê”.',
  officeJsMissing:
    'Không tải được thư viện Office (office.js). Nếu mạng của cơ quan chặn máy chủ của Microsoft, hãy dùng bản dựng có office.js cục bộ (xem docs/deploy.md).',
  wrongHost: 'Phần bổ trợ này chỉ chạy trong Excel.',
  startupFailed: 'Không khởi động được ngăn tác vụ: {detail}',
};

export const en: Strings = {
  productName: 'Statistics report tables',
  loading: 'Starting…',
  outsideOfficeTitle: 'Open this add-in in Excel',
  outsideOfficeBody:
    'This page is the task pane of the Excel add-in “Statistics report tables”. Open Excel, go to the Home tab and select the “Report tables” button.',
  officeJsMissing:
    'The Office library (office.js) could not be loaded. If your network blocks Microsoft’s servers, use the build with a local office.js (see docs/deploy.md).',
  wrongHost: 'This add-in runs only in Excel.',
  startupFailed: 'The task pane could not start: {detail}',
};

export const STRINGS: Readonly<Record<Language, Strings>> = { vi, en };
