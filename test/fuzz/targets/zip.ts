/**
 * The zip container (`openPackage` of src/xlsx/package: kinds of file told apart, the central
 * directory read within the limits, each part inflated with its declared size as a cap): flipped
 * and cut bytes, and zips whose central directory lies about sizes, offsets, names, flags,
 * methods and counts, duplicate and hostile names, ZIP64 markers, bombs.
 */
import { deflateSync, unzipSync } from 'fflate';
import { openPackage } from '../../../src/xlsx/package';
import { WorkbookReadError } from '../../../src/xlsx/errors';
import { ZIP_LIMITS } from '../../../src/xlsx/zip';
import { HAVOC, concat, havoc, utf8 } from '../mutate';
import type { Rng } from '../prng';
import { defectOf, finding, refusal, type FuzzTarget, type Mutator, type Seed } from '../target';
import { crc32, entry, fromPackage, lieAbout, writeZip, type LyingZip } from '../zipper';
import { workbookSeeds } from '../seeds';

const parsed = new WeakMap<Uint8Array, LyingZip>();

/** The input as a zip the mutators can make lie, or null when it no longer unzips. */
function asZip(input: Uint8Array): LyingZip | null {
  const known = parsed.get(input);
  if (known) return { ...known, entries: known.entries.map((e) => ({ ...e })) };
  let z: LyingZip;
  try {
    // Only an input whose parts are small is taken apart again (the bomb is made once, not re-deflated).
    const parts = unzipSync(input, { filter: (f) => f.originalSize <= 1 << 20 && f.size <= 1 << 20 });
    if (Object.keys(parts).length === 0) return null;
    z = fromPackage(input);
  } catch {
    return null;
  }
  parsed.set(input, z);
  return { ...z, entries: z.entries.map((e) => ({ ...e })) };
}

function structural(name: string, weight: number, f: (z: LyingZip, rng: Rng) => void): Mutator {
  return {
    name,
    weight,
    apply(input, rng, seeds) {
      const z = asZip(input);
      if (!z || z.entries.length === 0) return havoc(input, rng, seeds);
      f(z, rng);
      const out = writeZip(z);
      // The next structural step on this input takes the zip from here, not apart again.
      parsed.set(out, { ...z, entries: z.entries.map((e) => ({ ...e })) });
      return out;
    },
  };
}

const HOSTILE_NAMES = ['../../etc/passwd', '/etc/passwd', 'C:\\Windows\\x.xml', '', '/', 'xl/', 'xl\\workbook.xml', 'XL/WORKBOOK.XML', 'xl/workbook.xml\u0000.txt', 'xl//workbook.xml', './xl/workbook.xml', '__proto__', 'constructor'];

function nameBytes(z: LyingZip, rng: Rng): Uint8Array {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(z.entries).name;
    case 1:
      return utf8(rng.pick(HOSTILE_NAMES));
    case 2:
      return utf8('x'.repeat(rng.size(65535)));
    case 3:
      return new Uint8Array([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80].slice(0, rng.range(1, 7)));
    default:
      return rng.bytes(rng.size(40));
  }
}

let bombData: { data: Uint8Array; size: number; crc: number } | null = null;

/** 24 MiB of zeros deflated (about 24 KB), made once. */
function bomb(): { data: Uint8Array; size: number; crc: number } {
  if (!bombData) {
    const zeros = new Uint8Array(24 * 1024 * 1024);
    bombData = { data: deflateSync(zeros, { level: 9 }), size: zeros.length, crc: crc32(zeros) };
  }
  return bombData;
}

export const ZIP_MUTATORS: Mutator[] = [
  { ...HAVOC, weight: 6 },
  structural('lie-size', 3, (z, rng) => {
    const e = rng.pick(z.entries);
    e.size = lieAbout(e.size, rng);
  }),
  structural('lie-compressed-size', 3, (z, rng) => {
    const e = rng.pick(z.entries);
    e.compressedSize = lieAbout(e.compressedSize, rng);
  }),
  structural('lie-local-sizes', 2, (z, rng) => {
    const e = rng.pick(z.entries);
    e.localSize = lieAbout(e.localSize, rng);
    e.localCompressedSize = lieAbout(e.localCompressedSize, rng);
  }),
  structural('lie-offset', 3, (z, rng) => {
    rng.pick(z.entries).offset = lieAbout(rng.int(1 << 16), rng);
  }),
  structural('rename', 3, (z, rng) => {
    rng.pick(z.entries).name = nameBytes(z, rng);
  }),
  structural('local-name-differs', 1, (z, rng) => {
    rng.pick(z.entries).localName = nameBytes(z, rng);
  }),
  structural('duplicate-entry', 3, (z, rng) => {
    const e = rng.pick(z.entries);
    const copy = rng.chance(0.5) ? { ...e } : { ...entry('', rng.bytes(rng.size(512))), name: e.name, localName: e.localName };
    z.entries.splice(rng.int(z.entries.length + 1), 0, copy);
  }),
  structural('drop-entry', 2, (z, rng) => {
    z.entries.splice(rng.int(z.entries.length), 1);
  }),
  structural('flags', 2, (z, rng) => {
    rng.pick(z.entries).flags = rng.pick([0, 0x1, 0x8, 0x9, 0x800, 0x801, 0x40, 0xffff]);
  }),
  structural('method', 2, (z, rng) => {
    rng.pick(z.entries).method = rng.pick([0, 1, 6, 9, 12, 14, 93, 99, 0xffff]);
  }),
  structural('zip64-markers', 2, (z, rng) => {
    const e = rng.pick(z.entries);
    if (rng.chance(0.5)) e.size = 0xffffffff;
    if (rng.chance(0.5)) e.compressedSize = 0xffffffff;
    if (rng.chance(0.3)) e.offset = 0xffffffff;
    const extra = new Uint8Array(4 + 8 * rng.range(0, 3));
    const v = new DataView(extra.buffer);
    v.setUint16(0, rng.chance(0.8) ? 0x0001 : rng.int(0x10000), true);
    v.setUint16(2, rng.chance(0.8) ? extra.length - 4 : rng.int(0x10000), true);
    for (let p = 4; p < extra.length; p += 8) {
      v.setUint32(p, rng.chance(0.5) ? e.data.length : rng.u32(), true);
      v.setUint32(p + 4, rng.chance(0.7) ? 0 : rng.u32(), true);
    }
    e.extra = extra;
  }),
  structural('end-record-lies', 3, (z, rng) => {
    switch (rng.int(3)) {
      case 0:
        z.count = rng.pick([0, z.entries.length - 1, z.entries.length + 1, 0xffff, 2000]);
        break;
      case 1:
        z.dirSize = lieAbout(46 * z.entries.length, rng);
        break;
      default:
        z.dirOffset = lieAbout(1000, rng);
    }
  }),
  structural('comment-and-prefix', 1, (z, rng) => {
    if (rng.chance(0.5)) z.comment = concat(rng.bytes(rng.size(60000)), rng.chance(0.5) ? new Uint8Array([0x50, 0x4b, 0x05, 0x06]) : new Uint8Array(0));
    else z.prefix = concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), rng.bytes(rng.size(4096)));
  }),
  structural('many-entries', 1, (z, rng) => {
    const n = rng.pick([999, 1000, 1001, rng.size(5000)]);
    for (let i = 0; i < n; i++) z.entries.push(entry(`pad/${i}`, new Uint8Array(0), false));
  }),
  structural('swap-data', 1, (z, rng) => {
    const a = rng.pick(z.entries);
    const b = rng.pick(z.entries);
    [a.data, b.data] = [b.data, a.data];
  }),
  structural('bomb', 1, (z, rng) => {
    const b = bomb();
    const e = rng.pick(z.entries);
    e.data = b.data;
    e.method = 8;
    e.crc = b.crc;
    e.compressedSize = e.localCompressedSize = b.data.length;
    e.size = e.localSize = rng.chance(0.5) ? b.size : rng.pick([e.size, 1 << 20, ZIP_LIMITS.maxPartBytes]);
  }),
];

export const zipTarget: FuzzTarget = {
  name: 'zip',
  description: 'the zip container of an .xlsx (openPackage: kinds of file, central directory within the limits, parts inflated with their declared size as a cap)',
  ext: 'xlsx',
  seeds: (): Promise<Seed[]> => workbookSeeds(),
  mutators: ZIP_MUTATORS,
  maxStack: 4,
  async run(input) {
    try {
      const parts = openPackage(input, ZIP_LIMITS);
      return finding(`${parts.size} parts`);
    } catch (e) {
      if (e instanceof WorkbookReadError) return refusal(e.reason.en);
      return defectOf(e);
    }
  },
};
