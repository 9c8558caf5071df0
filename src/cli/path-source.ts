/**
 * The command line's adapter to the intake (`xlsx/intake`): a path as a `Source`. The path is
 * looked at first (`statSync`): missing, a folder, or its size known, so a too-large file is
 * refused before a byte of it is read. The only place the commands read an input file's bytes.
 */
import { createHash } from 'crypto';
import { promises as fsp, statSync, type Stats } from 'fs';
import type { WorkbookRead } from '../core/tables/table-read';
import type { TemplateSource } from '../core/forms/catalog';
import { BUILTIN_CATALOG } from '../core/forms/builtin';
import { refusal, RefusalError, type FileKind } from '../core/refusals';
import { takeWorkbook, type Fingerprint, type Source } from '../xlsx/intake';
import { WorkbookReadError } from '../xlsx/errors';
import { readWorkbook as readWorkbookBytes } from '../xlsx/read-workbook';

function refusedBytes(): Promise<Uint8Array> {
  return Promise.reject(new RefusalError(refusal('cannot-read')));
}

/** A path as the intake takes it (`kind`: how a refusal names the file, default `.xlsx`). */
export function pathSource(file: string, kind?: FileKind): Source {
  let st: Stats;
  try {
    st = statSync(file);
  } catch {
    return { name: file, refused: refusal('not-found', kind), bytes: refusedBytes };
  }
  if (st.isDirectory()) return { name: file, refused: refusal('folder', kind), bytes: refusedBytes };
  return {
    name: file,
    size: st.size,
    bytes: async () => {
      try {
        return await fsp.readFile(file);
      } catch {
        throw new RefusalError(refusal('no-access', kind));
      }
    },
  };
}

/** SHA-256 with Node's crypto (every command's fingerprint of a source). */
export const nodeSha256: Fingerprint = async (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Every recognised table of a workbook given by its path (through the intake) or its bytes.
 * @throws WorkbookReadError with the intake's refusal when the file cannot be read at all.
 */
export async function readWorkbook(input: Uint8Array | ArrayBuffer | string, templates: TemplateSource = BUILTIN_CATALOG): Promise<WorkbookRead> {
  if (typeof input !== 'string') return readWorkbookBytes(input, templates);
  const taken = await takeWorkbook(pathSource(input), { templates });
  if ('refusal' in taken) throw new WorkbookReadError(taken.refusal);
  return taken.value;
}
