/**
 * The words of the web page's "Đếm từ sổ văn bản" tab, in their own table so they load with that
 * tab's chunk, not with the page's start (vi and en have the same keys, checked by test/unit/ui-strings.test.ts).
 */

export interface CountWebStrings {
  readonly countIntro: string;
  readonly chooseRegisters: string;
  /** `{count}` */
  readonly registersChosen: string;
  readonly noRegisters: string;
  readonly countPeriod: string;
  readonly countFrom: string;
  readonly countTo: string;
  readonly countUnit: string;
  readonly countDownload: string;
  readonly countWorking: string;
  /** `{file}`, `{unclassified}` */
  readonly countDone: string;
  readonly countUnclassified: string;
}

const vi: CountWebStrings = {
  countIntro: 'Chọn các sổ văn bản đến và đi xuất từ hệ thống quản lý văn bản (.xlsx hoặc .csv) và kỳ báo cáo: Biểu 01 và Biểu 02 được đếm như lệnh bieumau count, mỗi ô là công thức đếm trên trang sổ văn bản và ô Từ ngày / Đến ngày của biểu — đổi kỳ, số đếm theo. Văn bản không xếp được cột được liệt kê kèm lý do, không đoán.',
  chooseRegisters: 'Chọn sổ văn bản (.xlsx, .csv)',
  registersChosen: 'Đã chọn {count} sổ.',
  noRegisters: 'Chưa chọn sổ nào.',
  countPeriod: 'Kỳ đếm',
  countFrom: 'Từ ngày',
  countTo: 'Đến ngày',
  countUnit: 'Đơn vị báo cáo',
  countDownload: 'Đếm và tải về',
  countWorking: 'Đang đọc và đếm…',
  countDone: 'Đã đếm và tải về {file}; {unclassified} văn bản chưa xếp được cột.',
  countUnclassified: 'Văn bản chưa xếp được cột',
};

const en: CountWebStrings = {
  countIntro: 'Choose the incoming and outgoing registers exported from the e-office system (.xlsx or .csv) and the period: Tables 01 and 02 are counted as the bieumau count command counts them, each cell a formula counting over the register sheet and the table\'s own Từ ngày / Đến ngày cells — change the period and the counts follow. Documents whose column cannot be decided are listed with why, never guessed.',
  chooseRegisters: 'Choose registers (.xlsx, .csv)',
  registersChosen: '{count} registers chosen.',
  noRegisters: 'No register chosen.',
  countPeriod: 'Period counted',
  countFrom: 'From',
  countTo: 'To',
  countUnit: 'Reporting unit',
  countDownload: 'Count and download',
  countWorking: 'Reading and counting…',
  countDone: 'Counted and downloaded {file}; {unclassified} documents without a column.',
  countUnclassified: 'Documents without a column',
};

export const COUNT_WEB_STRINGS: Record<'vi' | 'en', CountWebStrings> = { vi, en };
