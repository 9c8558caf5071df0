/**
 * What the `.docx` reader (`xlsx/docx`) tells when it does not read a file: other kinds of file by
 * their first bytes (`.doc`, `.odt`, `.pdf`, `.rtf`, a password-protected `.docx`, a workbook), a
 * package too large or broken, a part with a DOCTYPE.
 */
import type { Text } from '../core/forms/template';
import { RefusalError } from '../core/refusals';
import { OLE_SIGNATURE, oleDirectoryNames, startsWith } from './kind';

export type DocumentRefusalKind = 'empty' | 'too-large' | 'doc' | 'odt' | 'pdf' | 'rtf' | 'encrypted' | 'workbook' | 'not-docx' | 'corrupt' | 'doctype';

/** A file that cannot be read as a Word report: `reason` is what the user is told. */
export class DocumentReadError extends RefusalError {
  constructor(
    readonly kind: DocumentRefusalKind,
    reason: Text,
  ) {
    // The catalogue's ids (core/refusals): a file that is no .docx at all is `not-xlsx`'s kin, `not-docx`.
    super({ id: kind === 'not-docx' ? 'cannot-read' : kind, message: reason });
    this.name = 'DocumentReadError';
  }
}

/** The fixed words of the kinds of file that are not a Word report. */
const WORDS: Record<'doc' | 'odt' | 'pdf' | 'rtf' | 'encrypted' | 'workbook', Text> = {
  doc: { vi: 'Đây là tệp Word 97–2003 (.doc): hãy mở bằng Word (hoặc LibreOffice Writer) và lưu thành Tài liệu Word (.docx), rồi thử lại.', en: 'This is a Word 97–2003 file (.doc): open it in Word (or LibreOffice Writer) and save it as a Word Document (.docx), then try again.' },
  odt: { vi: 'Đây là tệp OpenDocument (.odt) của LibreOffice Writer: hãy mở và lưu thành Word (.docx) (Lưu thành, kiểu Word 2007-365), rồi thử lại.', en: 'This is an OpenDocument text (.odt) from LibreOffice Writer: open it and save it as Word (.docx) (Save As, type Word 2007-365), then try again.' },
  pdf: { vi: 'Đây là tệp PDF: số liệu trong PDF không được đọc (chữ có thể chỉ là hình); hãy dùng tệp Word (.docx) gốc của báo cáo.', en: "This is a PDF file: figures are not read from a PDF (its text may be only an image); use the report's original Word file (.docx)." },
  rtf: { vi: 'Đây là tệp RTF: hãy mở bằng Word và lưu thành Tài liệu Word (.docx), rồi thử lại.', en: 'This is an RTF file: open it in Word and save it as a Word Document (.docx), then try again.' },
  encrypted: { vi: 'Tệp .docx được bảo vệ bằng mật khẩu (mã hóa): hãy mở bằng Word, gỡ mật khẩu (Tệp > Thông tin > Bảo vệ Tài liệu > Mã hóa bằng Mật khẩu, xóa mật khẩu) rồi lưu lại.', en: 'The .docx file is password-protected (encrypted): open it in Word, remove the password (File > Info > Protect Document > Encrypt with Password, clear it) and save it again.' },
  workbook: { vi: 'Đây là sổ tính Excel, không phải báo cáo Word: tệp .docx đặt trước, sổ tính .xlsx đặt sau.', en: 'This is an Excel workbook, not a Word report: give the .docx first and the .xlsx after it.' },
};

export const { doc: DOC_MESSAGE, odt: ODT_MESSAGE, pdf: PDF_MESSAGE, rtf: RTF_MESSAGE, encrypted: ENCRYPTED_DOCX_MESSAGE, workbook: WORKBOOK_NOT_REPORT_MESSAGE } = WORDS;

export function refuse(kind: DocumentRefusalKind, vi: string, en: string): DocumentReadError {
  return new DocumentReadError(kind, { vi, en });
}

const utf8 = new TextDecoder('utf-8');

/** What a file that is not a `.docx` is, by its first bytes; null for a zip (looked at further). */
export function kindRefusal(bytes: Uint8Array): DocumentReadError | null {
  if (bytes.length === 0) return refuse('empty', 'Tệp rỗng.', 'The file is empty.');
  if (startsWith(bytes, OLE_SIGNATURE)) {
    const names = oleDirectoryNames(bytes) ?? [];
    const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
    if (has('EncryptionInfo') && has('EncryptedPackage')) return new DocumentReadError('encrypted', WORDS.encrypted);
    if (has('Workbook') || has('Book')) return new DocumentReadError('workbook', WORDS.workbook);
    return new DocumentReadError('doc', WORDS.doc);
  }
  const head = utf8.decode(bytes.subarray(0, 8));
  if (head.startsWith('%PDF')) return new DocumentReadError('pdf', WORDS.pdf);
  if (head.startsWith('{\\rtf')) return new DocumentReadError('rtf', WORDS.rtf);
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return refuse('not-docx', 'Không phải tệp Word (.docx).', 'Not a Word file (.docx).');
  return null;
}

/** The package's parts say it is another kind of file: an OpenDocument, a workbook. */
export function packageRefusal(parts: ReadonlyMap<string, Uint8Array>): DocumentReadError | null {
  const mime = parts.get('mimetype');
  const type = mime ? utf8.decode(mime.subarray(0, 100)).trim() : '';
  if (type.startsWith('application/vnd.oasis.opendocument.text')) return new DocumentReadError('odt', WORDS.odt);
  if (type.startsWith('application/vnd.oasis.opendocument')) return refuse('not-docx', 'Đây là tệp OpenDocument, không phải báo cáo Word (.docx).', 'This is an OpenDocument file, not a Word report (.docx).');
  if (parts.has('xl/workbook.xml')) return new DocumentReadError('workbook', WORDS.workbook);
  return null;
}

export function tooLargeRefusal(bytes: number, limit: number): DocumentReadError {
  const mb = (x: number): string => (Math.round((x / (1024 * 1024)) * 10) / 10).toString();
  return refuse('too-large', `Tệp lớn ${mb(bytes).replace('.', ',')} MB, quá giới hạn ${mb(limit)} MB cho một báo cáo .docx; tệp không được mở.`, `The file is ${mb(bytes)} MB, beyond the limit of ${mb(limit)} MB for a .docx report; the file was not opened.`);
}

export function noDocumentRefusal(): DocumentReadError {
  return refuse('not-docx', 'Không phải tệp Word (.docx): không có phần văn bản chính.', 'Not a Word file (.docx): it has no main document part.');
}

export function doctypeRefusal(part: string): DocumentReadError {
  return refuse('doctype', `Tệp .docx có khai báo DOCTYPE trong phần "${part}" (có thể là tệp độc hại); tệp không được đọc.`, `The .docx file has a DOCTYPE declaration in the part "${part}" (possibly a hostile file); the file was not read.`);
}

export function corruptRefusal(unzipped: boolean): DocumentReadError {
  return unzipped ? refuse('corrupt', 'Tệp .docx bị hỏng hoặc không đọc được.', 'The .docx file is corrupt or cannot be read.') : refuse('corrupt', 'Tệp .docx bị hỏng (không giải nén được).', 'The .docx file is corrupt (it cannot be unzipped).');
}
