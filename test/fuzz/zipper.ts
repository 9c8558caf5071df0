/**
 * A zip writer for the campaign that can lie: each entry's local header and central-directory
 * record are written from fields the mutators may change one by one (sizes, offsets, names, flags,
 * method), and the end record's counts and offsets may lie too. The product's own `storedZip`
 * (src/xlsx/zip) writes honest zips only.
 */
import { deflateSync, unzipSync } from 'fflate';
import type { Rng } from './prng';
import { utf8 } from './mutate';

export interface LyingEntry {
  name: Uint8Array;
  /** The name in the local header (differs from `name` when it lies). */
  localName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  /** The bytes as stored (compressed for method 8). */
  data: Uint8Array;
  compressedSize: number;
  size: number;
  localCompressedSize: number;
  localSize: number;
  /** Overrides the real offset of the local header in the central record when set. */
  offset?: number;
  extra: Uint8Array;
}

export interface LyingZip {
  entries: LyingEntry[];
  /** Overrides of the end record; the truth when unset. */
  count?: number;
  dirSize?: number;
  dirOffset?: number;
  comment: Uint8Array;
  /** Bytes before the first local header (a self-extractor's stub). */
  prefix: Uint8Array;
}

let table: Uint32Array | null = null;

export function crc32(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** An honest entry: `content` deflated (level 6) or stored. */
export function entry(name: string, content: Uint8Array, deflate = true): LyingEntry {
  const data = deflate ? deflateSync(content, { level: 6 }) : content;
  const n = utf8(name);
  return {
    name: n,
    localName: n,
    method: deflate ? 8 : 0,
    flags: 0x800,
    crc: crc32(content),
    data,
    compressedSize: data.length,
    size: content.length,
    localCompressedSize: data.length,
    localSize: content.length,
    extra: new Uint8Array(0),
  };
}

/** The parts of a real package as an honest lying zip (parts in the package's order). */
export function fromPackage(bytes: Uint8Array): LyingZip {
  const parts = unzipSync(bytes, { filter: (f) => f.originalSize <= 1 << 20 && f.size <= 1 << 20 });
  return { entries: Object.entries(parts).map(([name, data]) => entry(name, data)), comment: new Uint8Array(0), prefix: new Uint8Array(0) };
}

/** The parts (name → bytes) of an honest package, deflated. */
export function zipParts(parts: ReadonlyMap<string, Uint8Array> | Record<string, Uint8Array>, deflate = false): Uint8Array {
  const list = parts instanceof Map ? [...parts] : Object.entries(parts);
  return writeZip({ entries: list.map(([n, d]) => entry(n, d, deflate)), comment: new Uint8Array(0), prefix: new Uint8Array(0) });
}

export function writeZip(z: LyingZip): Uint8Array {
  let size = z.prefix.length + 22 + z.comment.length;
  for (const e of z.entries) size += 30 + e.localName.length + e.data.length + 46 + e.name.length + e.extra.length;
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  out.set(z.prefix, 0);
  let p = z.prefix.length;
  const offsets: number[] = [];
  for (const e of z.entries) {
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, e.flags & 0xffff, true);
    v.setUint16(p + 8, e.method & 0xffff, true);
    v.setUint32(p + 10, 0, true);
    v.setUint32(p + 14, e.crc >>> 0, true);
    v.setUint32(p + 18, e.localCompressedSize >>> 0, true);
    v.setUint32(p + 22, e.localSize >>> 0, true);
    v.setUint16(p + 26, e.localName.length, true);
    v.setUint16(p + 28, 0, true);
    out.set(e.localName, p + 30);
    p += 30 + e.localName.length;
    out.set(e.data, p);
    p += e.data.length;
  }
  const dirStart = p;
  z.entries.forEach((e, i) => {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true);
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, e.flags & 0xffff, true);
    v.setUint16(p + 10, e.method & 0xffff, true);
    v.setUint32(p + 12, 0, true);
    v.setUint32(p + 16, e.crc >>> 0, true);
    v.setUint32(p + 20, e.compressedSize >>> 0, true);
    v.setUint32(p + 24, e.size >>> 0, true);
    v.setUint16(p + 28, e.name.length, true);
    v.setUint16(p + 30, e.extra.length, true);
    v.setUint16(p + 32, 0, true);
    v.setUint32(p + 34, 0, true);
    v.setUint32(p + 38, 0, true);
    v.setUint32(p + 42, (e.offset ?? offsets[i]) >>> 0, true);
    out.set(e.name, p + 46);
    out.set(e.extra, p + 46 + e.name.length);
    p += 46 + e.name.length + e.extra.length;
  });
  const dirSize = p - dirStart;
  v.setUint32(p, 0x06054b50, true);
  const count = (z.count ?? z.entries.length) & 0xffff;
  v.setUint16(p + 8, count, true);
  v.setUint16(p + 10, count, true);
  v.setUint32(p + 12, (z.dirSize ?? dirSize) >>> 0, true);
  v.setUint32(p + 16, (z.dirOffset ?? dirStart) >>> 0, true);
  v.setUint16(p + 20, z.comment.length & 0xffff, true);
  out.set(z.comment.subarray(0, 0xffff), p + 22);
  return out;
}

const LIES_32 = [0, 1, 2, 30, 0x7fffffff, 0xfffffffe, 0xffffffff, 16 * 1024 * 1024, 16 * 1024 * 1024 + 1, 32 * 1024 * 1024 + 1, 1 << 20];

/** A size that lies: near the truth, far from it, or one of the values parsers trip on. */
export function lieAbout(truth: number, rng: Rng): number {
  switch (rng.int(4)) {
    case 0:
      return Math.max(0, truth + rng.range(-3, 3));
    case 1:
      return truth * rng.range(2, 2000);
    case 2:
      return rng.int(Math.max(1, truth));
    default:
      return rng.pick(LIES_32);
  }
}
