/**
 * One source of a consolidation from its bytes: read (`readWorkbook`), checked (error and warning
 * counts) and reduced to its numbers (`core/consolidate`'s `summarizeSource`). Never throws: a
 * workbook that cannot be read becomes a summary with `readError`. The command line
 * (`bieumau consolidate`) and the web page use it; each computes the SHA-256 of the bytes its own way
 * (Node's crypto, the browser's Web Crypto). No Node API.
 */
import type { Template, Text } from '../core/template';
import type { PackCatalog } from '../core/catalog';
import { BUILTIN_CATALOG } from '../core/builtin';
import { summarizeSource, type SourceSummary } from '../core/consolidate';
import { validateWorkbook } from '../core/validate';
import { CANNOT_READ } from '../core/check-json';
import { WorkbookReadError } from './errors';
import { readWorkbook } from './read';
import { sha256Hex } from './digest';

export async function sourceFromBytes(
  file: string,
  bytes: Uint8Array,
  sha256: string,
  templates: readonly Template[],
  today: Date,
  catalog: PackCatalog = BUILTIN_CATALOG,
): Promise<SourceSummary> {
  try {
    const read = await readWorkbook(bytes, catalog);
    const findings = validateWorkbook(read, { today, catalog });
    let errors = 0;
    for (const f of findings) if (f.severity === 'error') errors++;
    return summarizeSource({ file, sha256, read, errors, warnings: findings.length - errors }, templates);
  } catch (e) {
    const readError: Text = e instanceof WorkbookReadError ? e.reason : CANNOT_READ;
    return summarizeSource({ file, sha256, read: null, readError, errors: 0, warnings: 0 }, templates);
  }
}

/**
 * A file chosen in the pane or on the web page as a source: its bytes handed over by the browser
 * (a failure is the source's read error), fingerprinted with Web Crypto (null where the page has
 * none), then as `sourceFromBytes`. Never throws.
 */
export async function sourceFromChosen(
  file: string,
  bytes: () => Promise<Uint8Array>,
  templates: readonly Template[],
  today: Date,
  catalog: PackCatalog = BUILTIN_CATALOG,
): Promise<SourceSummary> {
  let data: Uint8Array;
  try {
    data = await bytes();
  } catch {
    return summarizeSource({ file, sha256: null, read: null, readError: CANNOT_READ, errors: 0, warnings: 0 }, templates);
  }
  const sha256 = await sha256Hex(data).catch(() => null);
  return { ...(await sourceFromBytes(file, data, sha256 ?? '', templates, today, catalog)), sha256 };
}
