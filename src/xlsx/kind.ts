/**
 * What a file that is not an `.xlsx` is, told apart by its bytes, so the clerk is told what to do
 * with it: an Excel 97–2003 workbook (`.xls`), an `.xlsx` encrypted with a password, or an
 * OpenDocument spreadsheet (`.ods`, LibreOffice's own format).
 *
 * `.xls` and encrypted `.xlsx` are both OLE2 compound files (signature D0 CF 11 E0 A1 B1 1A E1);
 * the names in the compound file's directory tell them apart: a `Workbook` (or, before Excel 97,
 * `Book`) stream is an `.xls`; `EncryptionInfo` with `EncryptedPackage` is an encrypted OOXML
 * package (see [MS-CFB] for the container and [MS-OFFCRYPTO] for the encryption streams).
 * An `.ods` is a zip whose `mimetype` part says `application/vnd.oasis.opendocument.spreadsheet`
 * (or, without it, whose `content.xml` holds an `office:spreadsheet`).
 */
import type { Text } from '../core/forms/template';
import { refusal, type Refusal } from '../core/refusals';

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(buf: Uint8Array, sig: readonly number[]): boolean {
  return buf.length >= sig.length && sig.every((b, i) => buf[i] === b);
}

export const XLS_MESSAGE: Text = refusal('xls').message;
export const ENCRYPTED_MESSAGE: Text = refusal('encrypted').message;
export const ODS_MESSAGE: Text = refusal('ods').message;
/** An OLE2 file whose directory cannot be read or names neither kind: it could be either. */
export const OLE_UNKNOWN_MESSAGE: Text = refusal('old-office').message;

export type OleKind = 'xls' | 'encrypted' | 'unknown';

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;
/** Directory sectors read at most (4 096 entries of 128 bytes with 512-byte sectors): a loop ends. */
const MAX_DIR_SECTORS = 1024;

function u16(b: Uint8Array, o: number): number {
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}

/**
 * The stream and storage names of an OLE2 compound file's directory; null when the header or the
 * chains are not those of a compound file (truncated, inconsistent). Never throws.
 */
export function oleDirectoryNames(b: Uint8Array): string[] | null {
  if (!startsWith(b, OLE_SIGNATURE) || b.length < 512) return null;
  if (u16(b, 0x1c) !== 0xfffe) return null;
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const size = 1 << shift;
  const sectorAt = (n: number): number => (n + 1) * size;
  // FAT sector numbers: 109 in the header, the rest along the DIFAT chain.
  const fatCount = u32(b, 0x2c);
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(b, 0x4c + 4 * i));
  let difat = u32(b, 0x44);
  for (let guard = 0; fatSectors.length < fatCount && difat !== END_OF_CHAIN && difat !== FREE && guard < 4096; guard++) {
    const at = sectorAt(difat);
    if (at + size > b.length) return null;
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(b, at + 4 * i));
    difat = u32(b, at + size - 4);
  }
  const perFat = size / 4;
  const next = (n: number): number | null => {
    const fs = fatSectors[Math.floor(n / perFat)];
    if (fs === undefined) return null;
    const at = sectorAt(fs) + 4 * (n % perFat);
    return at + 4 <= b.length ? u32(b, at) : null;
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  for (let guard = 0; dir !== END_OF_CHAIN; guard++) {
    if (guard >= MAX_DIR_SECTORS) return null;
    const at = sectorAt(dir);
    if (at + size > b.length) return null;
    for (let e = at; e < at + size; e += 128) {
      const type = b[e + 0x42];
      const len = u16(b, e + 0x40);
      if (type === 0 || len < 2 || len > 64) continue;
      let name = '';
      for (let k = 0; k < len - 2; k += 2) name += String.fromCharCode(u16(b, e + k));
      names.push(name);
    }
    const n = next(dir);
    if (n === null) return null;
    dir = n;
  }
  return names;
}

/** What an OLE2 compound file holds, by the names in its directory. */
export function oleKind(b: Uint8Array): OleKind {
  const names = oleDirectoryNames(b);
  if (!names) return 'unknown';
  const has = (n: string): boolean => names.some((x) => x.toLowerCase() === n.toLowerCase());
  if (has('EncryptionInfo') && has('EncryptedPackage')) return 'encrypted';
  if (has('Workbook') || has('Book')) return 'xls';
  return 'unknown';
}

/** The refusal of an OLE2 compound file, by what it holds (catalogue ids `xls`, `encrypted`, `old-office`). */
export function oleRefusal(b: Uint8Array): Refusal {
  const kind = oleKind(b);
  return refusal(kind === 'unknown' ? 'old-office' : kind);
}

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** A zip's parts are an OpenDocument spreadsheet (its `mimetype`, or else its `content.xml`, says so). */
export function isOpenDocumentSpreadsheet(parts: ReadonlyMap<string, Uint8Array>): boolean {
  const mime = parts.get('mimetype');
  if (mime) return new TextDecoder('utf-8').decode(mime.subarray(0, 200)).trim().startsWith(ODS_MIME);
  const content = parts.get('content.xml');
  if (!content) return false;
  return /<office:spreadsheet[\s>/]/.test(new TextDecoder('utf-8').decode(content.subarray(0, 1 << 20)));
}
