/**
 * Node's zlib for the `.xlsx` layer (`xlsx/zip`), several times faster than the portable code on a
 * year of registers: inflating with the same hard cap on each part's size (`maxOutputLength`: zlib
 * stops as soon as the output would pass it), and deflating the parts the count writes.
 */
import { constants, deflateRawSync, inflateRawSync } from 'zlib';
import { useRawDeflater, useRawInflater } from '../xlsx/zip';

export function useNodeZlib(): void {
  useRawInflater((data, max) => inflateRawSync(data, { maxOutputLength: max }));
  useRawDeflater((chunk, level, final) => deflateRawSync(chunk, final ? { level } : { level, finishFlush: constants.Z_SYNC_FLUSH }));
}
