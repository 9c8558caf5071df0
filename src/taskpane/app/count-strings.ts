/**
 * The words of the pane's "Đếm từ sổ văn bản…" section, in their own table so they load with that
 * section's chunk, not with the pane's start (vi and en have the same keys, checked by test/unit/ui-strings.test.ts).
 */

export interface CountPaneStrings {
  readonly countTitle: string;
  /** `{period}` */
  readonly countPaneIntro: string;
  readonly countNeedsPeriod: string;
  readonly countChoose: string;
  readonly countFromSheet: string;
  readonly countSheet: string;
  readonly countSheetNone: string;
  readonly countGo: string;
  /** `{sheets}`, `{unclassified}` */
  readonly countInserted: string;
}

const vi: CountPaneStrings = {
  countTitle: 'Đếm từ sổ văn bản…',
  countPaneIntro: 'Biểu 01 và Biểu 02 đếm từ sổ văn bản đến và đi (tệp .xlsx hoặc .csv xuất từ hệ thống quản lý văn bản, hoặc một trang tính đã dán sổ vào) cho kỳ {period}: mỗi sổ thành một trang, mỗi ô của biểu là công thức đếm trên trang đó — đổi kỳ báo cáo hoặc sửa cột của một dòng, số đếm theo.',
  countNeedsPeriod: 'Nhập kỳ báo cáo (Từ ngày, Đến ngày) ở thẻ Thiết lập trước khi đếm từ sổ văn bản.',
  countChoose: 'Chọn sổ văn bản (.xlsx, .csv)',
  countFromSheet: 'Lấy sổ đã dán vào một trang tính…',
  countSheet: 'Trang tính có sổ văn bản',
  countSheetNone: '(chọn trang tính)',
  countGo: 'Đếm và chèn vào sổ tính',
  countInserted: 'Đã chèn các trang {sheets}; {unclassified} văn bản chưa xếp được cột.',
};

const en: CountPaneStrings = {
  countTitle: 'Count from the registers…',
  countPaneIntro: 'Tables 01 and 02 counted from the incoming and outgoing registers (.xlsx or .csv exports of the e-office system, or a sheet an export was pasted into) for {period}: each register becomes a sheet, each cell of the tables a formula counting over it — change the report period or a row\'s column and the counts follow.',
  countNeedsPeriod: 'Type the report period (From, To) in the Settings tab before counting from the registers.',
  countChoose: 'Choose registers (.xlsx, .csv)',
  countFromSheet: 'Use a register pasted into a sheet…',
  countSheet: 'Sheet holding the register',
  countSheetNone: '(choose a sheet)',
  countGo: 'Count and insert in the workbook',
  countInserted: 'Sheets {sheets} inserted; {unclassified} documents without a column.',
};

export const COUNT_PANE_STRINGS: Record<'vi' | 'en', CountPaneStrings> = { vi, en };
