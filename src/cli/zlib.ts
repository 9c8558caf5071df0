/**
 * Node's zlib for the `.xlsx` layer (`xlsx/zip`), several times faster than the portable code on a
 * year of registers: inflating with the same hard cap on each part's size (`maxOutputLength`: zlib
 * stops as soon as the output would pass it), and deflating (and checksumming) the parts the count
 * writes — the large ones in a worker thread, beside the program writing them (`useDeflateWorker`).
 */
import * as zlib from 'zlib';
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { Worker } from 'worker_threads';
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

/**
 * The worker: each chunk deflated as `useNodeZlib`'s deflater does (a sync flush but on the last,
 * so the outputs one after another are one deflate stream), answered in the order received.
 */
const WORKER = `
const { parentPort } = require('worker_threads');
const zlib = require('zlib');
parentPort.on('message', (m) => {
  try {
    const chunkSize = Math.min(16 << 20, Math.max(16 << 10, m.chunk.length + 64));
    const o = zlib.deflateRawSync(m.chunk, m.final ? { level: m.level, chunkSize } : { level: m.level, finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize });
    const out = o.byteOffset === 0 && o.byteLength === o.buffer.byteLength ? new Uint8Array(o.buffer) : new Uint8Array(o);
    parentPort.postMessage({ out }, [out.buffer]);
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  }
});
`;

/**
 * Deflates the large parts written from now on in a worker thread, started now (it is ready by the
 * time the registers are read); the function returned stops it (call it when the command is done,
 * whatever happened). If the worker cannot start, the parts are deflated here as before.
 */
export function useDeflateWorker(): () => Promise<void> {
  if (typeof zlib.crc32 !== 'function') return async () => {};
  let worker: Worker;
  try {
    worker = new Worker(WORKER, { eval: true });
  } catch {
    return async () => {};
  }
  const waiting: ((err: Error | null, out: Uint8Array) => void)[] = [];
  worker.on('message', (m: { out?: Uint8Array; error?: string }) => {
    const done = waiting.shift();
    if (waiting.length === 0) worker.unref();
    done?.(m.error !== undefined ? new Error(m.error) : null, m.out ?? new Uint8Array(0));
  });
  worker.on('error', (e: Error) => {
    useParallelDeflater(null);
    for (const done of waiting.splice(0)) done(e, new Uint8Array(0));
  });
  // The worker keeps the process alive while a chunk is out (the package waits for its output),
  // never otherwise (after the listeners: adding one holds the process again).
  worker.unref();
  useParallelDeflater((chunk, level, final, done) => {
    if (waiting.length === 0) worker.ref();
    waiting.push(done);
    worker.postMessage({ chunk, level, final }, [chunk.buffer as ArrayBuffer]);
  });
  return async () => {
    useParallelDeflater(null);
    for (const done of waiting.splice(0)) done(new Error('the deflate worker was stopped'), new Uint8Array(0));
    await worker.terminate();
  };
}
