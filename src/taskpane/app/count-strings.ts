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
  /** `{file}`, `{rows}` */
  readonly countIncoming: string;
  /** `{file}`, `{rows}` */
  readonly countOutgoing: string;
  /** `{file}` */
  readonly countBody: string;
  readonly countBodyNone: string;
  readonly countGo: string;
  /** `{sheets}`, `{unclassified}` */
  readonly countInserted: string;
}

const vi: CountPaneStrings = {
  countTitle: 'Đếm từ sổ văn bản…',
  countPaneIntro: 'Biểu 01 và Biểu 02 đếm từ sổ văn bản đến và đi (tệp .xlsx hoặc .csv xuất từ hệ thống quản lý văn bản) cho kỳ {period}: mỗi sổ thành một trang, mỗi ô của biểu là công thức đếm trên trang đó — đổi kỳ báo cáo hoặc sửa cột của một dòng, số đếm theo.',
  countNeedsPeriod: 'Nhập kỳ báo cáo (Từ ngày, Đến ngày) ở thẻ Thiết lập trước khi đếm từ sổ văn bản.',
  countChoose: 'Chọn sổ văn bản (.xlsx, .csv)',
  countIncoming: '{file}: sổ văn bản đến, {rows} dòng.',
  countOutgoing: '{file}: sổ văn bản đi, {rows} dòng.',
  countBody: 'Cơ quan của sổ {file}',
  countBodyNone: '(theo ký hiệu)',
  countGo: 'Đếm và chèn vào sổ tính',
  countInserted: 'Đã chèn các trang {sheets}; {unclassified} văn bản chưa xếp được cột.',
};

const en: CountPaneStrings = {
  countTitle: 'Count from the registers…',
  countPaneIntro: 'Tables 01 and 02 counted from the incoming and outgoing registers (.xlsx or .csv exports of the e-office system) for {period}: each register becomes a sheet, each cell of the tables a formula counting over it — change the report period or a row\'s column and the counts follow.',
  countNeedsPeriod: 'Type the report period (From, To) in the Settings tab before counting from the registers.',
  countChoose: 'Choose registers (.xlsx, .csv)',
  countIncoming: '{file}: incoming register, {rows} rows.',
  countOutgoing: '{file}: outgoing register, {rows} rows.',
  countBody: 'Body of register {file}',
  countBodyNone: '(by the symbols)',
  countGo: 'Count and insert in the workbook',
  countInserted: 'Sheets {sheets} inserted; {unclassified} documents without a column.',
};

export const COUNT_PANE_STRINGS: Record<'vi' | 'en', CountPaneStrings> = { vi, en };
