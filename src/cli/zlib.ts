/**
 * Node's zlib for the `.xlsx` layer (`xlsx/zip`), several times faster than the portable code on a
 * year of registers: inflating with the same hard cap on each part's size (`maxOutputLength`: zlib
 * stops as soon as the output would pass it), and deflating (and checksumming) the parts the count writes.
 */
import * as zlib from 'zlib';
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { useRawDeflater, useRawInflater } from '../xlsx/zip';

export function useNodeZlib(): void {
  // Output in a few large pieces rather than many of zlib's default 16 KB, joined afterwards.
  useRawInflater((data, max) => inflateRawSync(data, { maxOutputLength: max, chunkSize: pieceSize(max) }));
  useRawDeflater((chunk, level, final) =>
    deflateRawSync(chunk, final ? { level, chunkSize: pieceSize(chunk.length) } : { level, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: pieceSize(chunk.length) }),
    // zlib's CRC-32 where Node has it (20.15 and later), many times faster than a table in JavaScript.
    typeof zlib.crc32 === 'function' ? (data, crc) => zlib.crc32(data, crc) : null,
  );
}

/** zlib's output piece for an expected size: at least its default, at most 16 MB. */
function pieceSize(n: number): number {
  return Math.min(16 << 20, Math.max(16 << 10, n + 64));
}
