/**
 * Tiny OLE2 compound files ([MS-CFB], version 3, 512-byte sectors) holding the directory entries
 * asked for: enough for the file-kind detection, which reads the directory only. Sector 0 is the
 * FAT, the directory follows (four 128-byte entries per sector); every stream is empty.
 *
 *   ole2(['Workbook'])                                  an Excel 97–2003 workbook (.xls)
 *   ole2(['EncryptionInfo', 'EncryptedPackage', …])     a password-protected .xlsx
 */
const SECTOR = 512;
const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT_SECT = 0xfffffffd;

export interface OleEntry {
  name: string;
  /** 1 storage, 2 stream (default). */
  type?: 1 | 2;
}

export function ole2(entries: (string | OleEntry)[]): Buffer {
  const all: OleEntry[] = [{ name: 'Root Entry', type: 1 }, ...entries.map((e) => (typeof e === 'string' ? { name: e } : e))];
  const dirSectors = Math.ceil(all.length / 4);
  const buf = Buffer.alloc(SECTOR * (2 + dirSectors), 0);
  // Header
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(buf, 0);
  buf.writeUInt16LE(0x003e, 0x18); // minor version
  buf.writeUInt16LE(0x0003, 0x1a); // major version 3
  buf.writeUInt16LE(0xfffe, 0x1c); // byte order
  buf.writeUInt16LE(9, 0x1e); // sector shift: 512
  buf.writeUInt16LE(6, 0x20); // mini sector shift: 64
  buf.writeUInt32LE(0, 0x28); // directory sectors (0 in version 3)
  buf.writeUInt32LE(1, 0x2c); // FAT sectors
  buf.writeUInt32LE(1, 0x30); // first directory sector
  buf.writeUInt32LE(4096, 0x38); // mini stream cutoff
  buf.writeUInt32LE(END, 0x3c); // first mini FAT sector
  buf.writeUInt32LE(0, 0x40);
  buf.writeUInt32LE(END, 0x44); // first DIFAT sector
  buf.writeUInt32LE(0, 0x48);
  for (let i = 0; i < 109; i++) buf.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + 4 * i);
  // FAT (sector 0): itself, then the directory chain 1 → 2 → … → END
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) buf.writeUInt32LE(FREE, fat + 4 * i);
  buf.writeUInt32LE(FAT_SECT, fat);
  for (let d = 0; d < dirSectors; d++) buf.writeUInt32LE(d === dirSectors - 1 ? END : 2 + d, fat + 4 * (1 + d));
  // Directory: the root's child is entry 1, each entry's right sibling the next one
  all.forEach((e, i) => {
    const at = 2 * SECTOR + 128 * i;
    const name = e.name.slice(0, 31);
    for (let k = 0; k < name.length; k++) buf.writeUInt16LE(name.charCodeAt(k), at + 2 * k);
    buf.writeUInt16LE(2 * (name.length + 1), at + 0x40);
    buf[at + 0x42] = i === 0 ? 5 : (e.type ?? 2);
    buf[at + 0x43] = 1; // black
    buf.writeUInt32LE(FREE, at + 0x44); // left sibling
    buf.writeUInt32LE(i > 0 && i < all.length - 1 ? i + 1 : FREE, at + 0x48); // right sibling
    buf.writeUInt32LE(i === 0 && all.length > 1 ? 1 : FREE, at + 0x4c); // child
    buf.writeUInt32LE(END, at + 0x74); // starting sector
  });
  return buf;
}

/** The directory of a password-protected `.xlsx` as Excel writes it (agile encryption). */
export const ENCRYPTED_XLSX_ENTRIES: (string | OleEntry)[] = [
  { name: '\u0006DataSpaces', type: 1 },
  'Version',
  'DataSpaceMap',
  { name: 'DataSpaceInfo', type: 1 },
  'StrongEncryptionDataSpace',
  { name: 'TransformInfo', type: 1 },
  { name: 'StrongEncryptionTransform', type: 1 },
  '\u0006Primary',
  'EncryptionInfo',
  'EncryptedPackage',
];

/** The directory of an `.xls` as Excel 97–2003 writes it. */
export const XLS_ENTRIES: (string | OleEntry)[] = ['Workbook', '\u0005SummaryInformation', '\u0005DocumentSummaryInformation'];
