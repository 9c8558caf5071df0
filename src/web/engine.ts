/**
 * The parts of the web page that need ExcelJS (the `.xlsx` writer and reader) and the validation
 * engine, loaded with dynamic `import()` the first time they are needed, so the page's start
 * bundle stays small. `warmUp()` loads them in the background once the page is shown, so a page left
 * open keeps working offline. Nothing here sends anything anywhere: files are read in the page.
 */
import type { LayoutOptions } from '../core/plan';
import type { Template } from '../templates/types';
import type { FileResult } from '../core/check-json';

type Writer = typeof import('../xlsx/new-workbook');
type Checker = { read: typeof import('../xlsx/read'); check: typeof import('../xlsx/check') };

let writer: Promise<Writer> | undefined;
let checker: Promise<Checker> | undefined;

function loadWriter(): Promise<Writer> {
  writer ??= import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/new-workbook').catch((e: unknown) => {
    writer = undefined; // try again next time (a network that came back)
    throw e;
  });
  return writer;
}

function loadChecker(): Promise<Checker> {
  checker ??= Promise.all([
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read'),
    import(/* webpackChunkName: "xlsx-check" */ '../xlsx/check'),
  ]).then(
    ([read, check]) => ({ read, check }),
    (e: unknown) => {
      checker = undefined;
      throw e;
    },
  );
  return checker;
}

/** Loads both engines in the background; resolves when both are in (rejections are swallowed). */
export function warmUp(): Promise<void> {
  return Promise.all([loadWriter(), loadChecker()]).then(
    () => undefined,
    () => undefined,
  );
}

/** The bytes of the workbook `bieumau new` writes for these tables and options. */
export async function createWorkbook(templates: readonly Template[], options: LayoutOptions, sample: boolean): Promise<Uint8Array> {
  const { templateWorkbook } = await loadWriter();
  return templateWorkbook(templates, options, sample);
}

/**
 * Reads and validates one chosen file; never throws for a bad file (it becomes the file's error,
 * as in `bieumau check`), only when the checker itself cannot be loaded.
 */
export async function checkFile(name: string, bytes: () => Promise<Uint8Array>, today?: Date): Promise<FileResult> {
  const { read, check } = await loadChecker();
  return check.checkWith(name, async () => read.readWorkbookBytes(await bytes()), today);
}

/** Makes sure the checker is loaded (so its failure to load is told apart from a bad file). */
export async function ensureChecker(): Promise<void> {
  await loadChecker();
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Offers bytes or text as a file to save (a Blob URL: nothing leaves the page). */
export function download(fileName: string, data: Uint8Array | string, type: string): void {
  const blob = new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Freed a while later: some browsers read the URL after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}
