/**
 * The one catalogue of refusals: every reason a file given to the program is not taken in (missing,
 * a folder, too large, not readable, not the kind of file asked for), each with a stable id and its
 * Vietnamese and English words. The command line, the task pane and the web page all say these
 * words (`xlsx/intake` takes a file in and answers with one of them), so the same file gets the
 * same sentence everywhere. Pure: no file system, no browser API.
 *
 * The words name the kind of file a program reads (`.xlsx` by default); another kind of input (a
 * `.docx` report, a register `.csv`) passes its own `FileKind` to `refusal()` and `tooLarge()`.
 */
import type { Text } from './forms/template';
import { EN_SEPARATORS, VI_SEPARATORS, formatNumber } from './numbers';

/** The ids of the catalogue; `too-large` and `hostile` carry figures in their words. */
export type RefusalId =
  | 'not-found'
  | 'folder'
  | 'no-access'
  | 'too-large'
  | 'cannot-read'
  | 'empty'
  | 'not-xlsx'
  | 'not-workbook'
  | 'corrupt'
  | 'corrupt-zip'
  | 'hostile'
  | 'xls'
  | 'encrypted'
  | 'ods'
  | 'old-office'
  // A Word report's own (its reader, `xlsx/docx`, gives the words): Word 97–2003, OpenDocument
  // text, PDF, RTF, a workbook given where a report was asked, a part with a DOCTYPE.
  | 'doc'
  | 'odt'
  | 'pdf'
  | 'rtf'
  | 'workbook'
  | 'doctype';

/** Why a file was not taken in: its id (for programs and tests) and what the user is told. */
export interface Refusal {
  id: RefusalId;
  message: Text;
}

/** The kind of file a program asked for, as the refusals name it. */
export interface FileKind {
  /** `.xlsx`, `.docx`, `.csv`… */
  ext: string;
  /** The extension with its English article: `an .xlsx`, `a .csv`. */
  anExt: string;
  /** What one such file is, in "the limit … for {what}": vi, en. */
  what: Text;
}

export const XLSX_KIND: FileKind = { ext: '.xlsx', anExt: 'an .xlsx', what: { vi: 'một sổ biểu mẫu .xlsx', en: 'a workbook of these tables' } };

/** A Word report, as the refusals name it (the tie-out's input). */
export const DOCX_KIND: FileKind = { ext: '.docx', anExt: 'a .docx', what: { vi: 'một báo cáo .docx', en: 'a .docx report' } };

type Words = (kind: FileKind) => Text;

/** The ids whose words the Word report's reader gives (they name Word's own menus and formats). */
type ReaderWordsId = 'doc' | 'odt' | 'pdf' | 'rtf' | 'workbook' | 'doctype';

/** The fixed words of each id (all but `too-large` and `hostile`, which `tooLarge()` and `hostile()` write). */
const WORDS: Record<Exclude<RefusalId, 'too-large' | 'hostile' | ReaderWordsId>, Words> = {
  'not-found': () => ({ vi: 'Không tìm thấy tệp.', en: 'The file does not exist.' }),
  folder: (k) => ({ vi: `Đây là một thư mục, không phải tệp ${k.ext}.`, en: `This is a folder, not ${k.anExt} file.` }),
  'no-access': () => ({ vi: 'Không đọc được tệp (không có quyền đọc?).', en: 'The file cannot be read (no permission?).' }),
  'cannot-read': (k) => ({ vi: `Không đọc được tệp (tệp hỏng hoặc không phải ${k.ext}).`, en: `The file cannot be read (corrupt or not ${k.anExt}).` }),
  empty: () => ({ vi: 'Tệp rỗng.', en: 'The file is empty.' }),
  'not-xlsx': (k) => ({ vi: `Không phải tệp ${k.ext}.`, en: `Not ${k.anExt} file.` }),
  'not-workbook': () => ({ vi: 'Không phải sổ tính Excel (.xlsx).', en: 'Not an Excel workbook (.xlsx).' }),
  corrupt: (k) => ({ vi: `Tệp ${k.ext} bị hỏng hoặc không đọc được.`, en: `The ${k.ext} file is corrupt or cannot be read.` }),
  'corrupt-zip': (k) => ({ vi: `Tệp ${k.ext} bị hỏng (không giải nén được).`, en: `The ${k.ext} file is corrupt (it cannot be unzipped).` }),
  xls: () => ({
    vi: 'Đây là tệp Excel 97–2003 (.xls): hãy mở bằng Excel và lưu thành Sổ làm việc Excel (.xlsx), rồi thử lại.',
    en: 'This is an Excel 97–2003 file (.xls): open it in Excel and save it as an Excel Workbook (.xlsx), then try again.',
  }),
  encrypted: () => ({
    vi: 'Tệp .xlsx được bảo vệ bằng mật khẩu (mã hóa): hãy mở bằng Excel, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ Sổ làm việc > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi lưu lại.',
    en: 'The .xlsx file is password-protected (encrypted): open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it again.',
  }),
  ods: () => ({
    vi: 'Đây là tệp OpenDocument (.ods) của LibreOffice: hãy mở và lưu thành Excel (.xlsx) (Lưu thành, kiểu Excel 2007-365), rồi thử lại.',
    en: 'This is an OpenDocument spreadsheet (.ods) from LibreOffice: open it and save it as Excel (.xlsx) (Save As, type Excel 2007-365), then try again.',
  }),
  // An OLE2 file whose directory cannot be read or names neither an .xls nor an encrypted package.
  'old-office': () => ({
    vi: 'Tệp không phải .xlsx: là tệp Office dạng cũ (.xls, .doc…) hoặc tệp được bảo vệ bằng mật khẩu (mã hóa); hãy mở bằng Excel, gỡ mật khẩu nếu có và lưu thành .xlsx.',
    en: 'Not an .xlsx file: an old-format Office file (.xls, .doc…) or a password-protected (encrypted) file; open it in Excel, remove any password and save it as .xlsx.',
  }),
};

/** The ids whose words are fixed (every id but `too-large` and `hostile`). */
export const FIXED_REFUSAL_IDS = Object.keys(WORDS) as (keyof typeof WORDS)[];

/** The refusal of this id, in the words of this kind of file (default `.xlsx`). */
export function refusal(id: keyof typeof WORDS, kind: FileKind = XLSX_KIND): Refusal {
  return { id, message: WORDS[id](kind) };
}

const MIB = 1024 * 1024;

/** A size as the refusals write it: "3.072 MB", "1,5 MB", "2.000 byte" (vi) / "3,072 MB" (en). */
export function sizeText(bytes: number, lang: 'vi' | 'en'): string {
  const sep = lang === 'vi' ? VI_SEPARATORS : EN_SEPARATORS;
  const x = bytes / MIB;
  if (x < 0.1) return `${formatNumber(bytes, sep)} ${lang === 'vi' ? 'byte' : 'bytes'}`;
  return `${formatNumber(x >= 10 ? Math.round(x) : Math.round(x * 10) / 10, sep)} MB`;
}

/** A file refused by its size alone, before any of it is read. */
export function tooLarge(bytes: number, limit: number, kind: FileKind = XLSX_KIND): Refusal {
  return {
    id: 'too-large',
    message: {
      vi: `Tệp lớn ${sizeText(bytes, 'vi')}, quá giới hạn ${sizeText(limit, 'vi')} cho ${kind.what.vi}; tệp không được mở.`,
      en: `The file is ${sizeText(bytes, 'en')}, beyond the limit of ${sizeText(limit, 'en')} for ${kind.what.en}; the file was not opened.`,
    },
  };
}

const HOSTILE: Text = { vi: 'có thể là tệp độc hại (bom zip); tệp không được mở', en: 'possibly a hostile file (zip bomb); the file was not opened' };

/** A package refused by what its directory declares (`what`: the fact, vi and en, without a full stop). */
export function hostile(vi: string, en: string): Refusal {
  return { id: 'hostile', message: { vi: `${vi}: ${HOSTILE.vi}.`, en: `${en}: ${HOSTILE.en}.` } };
}

/** Thrown by a reading step with the refusal to give; anything else thrown is `cannot-read`. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message.en);
    this.name = 'RefusalError';
  }

  /** What the user is told (vi, en). */
  get reason(): Text {
    return this.refusal.message;
  }
}

/** The refusal an error stands for: its own, or `fallback` (default `cannot-read`) for an unforeseen one. */
export function refusalOf(e: unknown, fallback: Refusal = refusal('cannot-read')): Refusal {
  return e instanceof RefusalError ? e.refusal : fallback;
}
