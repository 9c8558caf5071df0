/**
 * Node's zlib for the `.xlsx` layer (`xlsx/zip`), several times faster than the portable code on a
 * year of registers: inflating with the same hard cap on each part's size (`maxOutputLength`: zlib
 * stops as soon as the output would pass it), and deflating (and checksumming) the parts the count
 * writes — the large ones in zlib's threads, beside the program writing them (`useDeflateWorker`).
 */
import * as zlib from 'zlib';
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { useParallelDeflater, useRawDeflater, useRawInflater } from '../xlsx/zip';

export function useNodeZlib(): void {
  // Output in a few large pieces rather than many of zlib's default 16 KB, joined afterwards.
  useRawInflater((data, max) => inflateRawSync(data, { maxOutputLength: max, chunkSize: pieceSize(max) }));
  useRawDeflater(
    (chunk, level, final) =>
      deflateRawSync(chunk, final ? { level, chunkSize: pieceSize(chunk.length) } : { level, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: pieceSize(chunk.length) }),
    // zlib's CRC-32 where Node has it (20.15 and later), many times faster than a table in JavaScript.
    typeof zlib.crc32 === 'function' ? (data, crc) => zlib.crc32(data, crc) : null,
  );
}

/** zlib's output piece for an expected size: at least its default, at most 16 MB. */
function pieceSize(n: number): number {
  return Math.min(16 << 20, Math.max(16 << 10, n + 64));
}

interface Slot {
  done: (err: Error | null, out: Uint8Array) => void;
  ready: boolean;
  err: Error | null;
  out: Uint8Array;
}

/**
 * Deflates the large parts written from now on beside the program, in zlib's own threads (Node's
 * thread pool: no worker to start, nothing copied between threads), each chunk as `useNodeZlib`'s
 * deflater does (a sync flush but on the last, so the outputs one after another are one deflate
 * stream), the outputs handed on in the order the chunks were given. The function returned stops
 * it (call it when the command is done, whatever happened): what is still out is answered with an
 * error. Pending work holds the process, nothing else.
 */
export function useDeflateWorker(): () => Promise<void> {
  if (typeof zlib.crc32 !== 'function') return async () => {};
  const queue: Slot[] = [];
  let stopped = false;
  const flush = (): void => {
    while (queue.length > 0 && queue[0].ready) {
      const s = queue.shift() as Slot;
      s.done(s.err, s.out);
    }
  };
  useParallelDeflater((chunk, level, final, done) => {
    const slot: Slot = { done, ready: false, err: null, out: new Uint8Array(0) };
    queue.push(slot);
    const chunkSize = pieceSize(chunk.length);
    const options = final ? { level, chunkSize } : { level, finishFlush: constants.Z_SYNC_FLUSH, chunkSize };
    zlib.deflateRaw(chunk, options, (err, out) => {
      if (stopped) return;
      slot.ready = true;
      slot.err = err;
      slot.out = out;
      flush();
    });
  });
  return async () => {
    useParallelDeflater(null);
    stopped = true;
    for (const s of queue.splice(0)) s.done(new Error('the deflating was stopped'), new Uint8Array(0));
  };
}
