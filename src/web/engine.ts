/**
 * The parts of the web page that need ExcelJS (the `.xlsx` writer and reader) and the validation
 * engine, loaded with dynamic `import()` the first time they are needed, so the page's start
 * bundle stays small. `warmUp()` loads them in the background once the page is shown, so a page left
 * open keeps working offline. Nothing here sends anything anywhere: files are read in the page.
 */
import type { LayoutOptions } from '../core/forms/plan';
import type { Template } from '../core/forms/template';
import type { FileResult } from '../core/check/check-json';
import type { Consolidation, ConsolidateOptions, SourceSummary } from '../core/combine/consolidate';
import type { PackCatalog } from '../core/forms/catalog';
import type { RollUp, RollUpOptions } from '../core/combine/rollup';
import type { EarlierInput, HistoryResult } from '../core/history/history';
import type { WorkbookRead } from '../core/tables/table-read';
import type { Source } from '../xlsx/intake';
import type { CountSource, CountSummary, Period } from '../core/count/count';
import type { Register, RegisterRefusal } from '../core/count/register';
import { loadOnce } from '../ui/load-once';

type Writer = typeof import('../xlsx/new-workbook');
type Consolidator = {
  source: typeof import('../xlsx/source');
  core: typeof import('../core/combine/consolidate');
  writer: typeof import('../xlsx/writer');
};
type Checker = { check: typeof import('../xlsx/check-file') };
type Historian = {
  xlsx: typeof import('../xlsx/earlier-files');
  json: typeof import('../core/history/history-json');
};

const loadHistorian = loadOnce<Historian>(async () => {
  const [xlsx, json] = await Promise.all([
    import(/* webpackChunkName: "xlsx-history" */ '../xlsx/earlier-files'),
    import(/* webpackChunkName: "xlsx-history" */ '../core/history/history-json'),
  ]);
  return { xlsx, json };
});

const loadWriter = loadOnce<Writer>(() => import(/* webpackChunkName: "xlsx-writer" */ '../xlsx/new-workbook'));

const loadChecker = loadOnce<Checker>(async () => ({ check: await import(/* webpackChunkName: "xlsx-check" */ '../xlsx/check-file') }));

const loadConsolidator = loadOnce<Consolidator>(async () => {
  const [source, core, writer] = await Promise.all([
    import(/* webpackChunkName: "xlsx-source" */ '../xlsx/source'),
    import(/* webpackChunkName: "consolidate" */ '../core/combine/consolidate'),
    import(/* webpackChunkName: "xlsx-writer-plans" */ '../xlsx/writer'),
  ]);
  return { source, core, writer };
});

const loadRollUp = loadOnce(() => import(/* webpackChunkName: "rollup" */ '../core/combine/rollup'));

type Counter = { read: typeof import('../xlsx/register-read'); count: typeof import('../xlsx/count-workbook') };

const loadCounter = loadOnce<Counter>(async () => {
  const [read, count] = await Promise.all([
    import(/* webpackChunkName: "count" */ '../xlsx/register-read'),
    import(/* webpackChunkName: "count" */ '../xlsx/count-workbook'),
  ]);
  return { read, count };
});

/** The registers chosen in the page, each read (or refused) as `bieumau count` reads it. */
export async function readRegistersInPage(files: readonly Source[]): Promise<{ name: string; result: Register | { refusal: RegisterRefusal } }[]> {
  const { read } = await loadCounter();
  const out: { name: string; result: Register | { refusal: RegisterRefusal } }[] = [];
  for (const f of files) out.push({ name: f.name, result: await read.takeRegister(f) });
  return out;
}

/** `bieumau count` in the page: the figures and the workbook's bytes. */
export async function countInPage(sources: readonly CountSource[], period: Period, unit?: string): Promise<{ summary: CountSummary; bytes: Uint8Array }> {
  const { count } = await loadCounter();
  const { summary, bytes } = await count.countRegisters(sources, period, unit);
  return { summary, bytes };
}

/** The Đếm từ sổ văn bản tab's chunk, as `React.lazy` takes it. */
export const loadCountTab = loadOnce(async () => ({ default: (await import(/* webpackChunkName: "web-count" */ './CountTab')).CountTab }));

/** The Kiểm tra tab's chunk, as `React.lazy` takes it. */
export const loadCheckTab = loadOnce(async () => ({ default: (await import(/* webpackChunkName: "web-check" */ './CheckTab')).CheckTab }));

/** The Tổng hợp tab's chunk, as `React.lazy` takes it. */
export const loadConsolidateTab = loadOnce(async () => ({ default: (await import(/* webpackChunkName: "web-consolidate" */ './ConsolidateTab')).ConsolidateTab }));

/** Loads every engine (and the lazy tabs) in the background; resolves when all are in (rejections are swallowed). */
export function warmUp(): Promise<void> {
  const exporter = import(/* webpackChunkName: "web-export-buttons" */ './export-engine').then((m) => m.warmUpExport());
  // The writer loads ExcelJS only when it first writes: loaded here too, or writing would need the network.
  const library = loadConsolidator().then((m) => m.writer.loadWorkbookLibrary());
  return Promise.all([loadWriter(), loadChecker(), loadConsolidator(), library, loadRollUp(), loadCheckTab(), loadConsolidateTab(), loadCounter(), loadCountTab(), exporter]).then(
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
 * Takes one chosen file in and checks it (`xlsx/intake`: refused by its size before it is read);
 * never throws for a bad file (it becomes the file's error, as in `bieumau check`), only when the
 * checker itself cannot be loaded. `onRead` gets the workbook as read (for the comparison with
 * earlier periods, so a file is read once).
 */
export async function checkFile(source: Source, catalog?: PackCatalog, onRead?: (workbook: WorkbookRead) => void): Promise<FileResult> {
  const { check } = await loadChecker();
  return check.checkSource(source, catalog ? { catalog } : {}, onRead);
}

/** Makes sure the checker is loaded (so its failure to load is told apart from a bad file). */
export async function ensureChecker(): Promise<void> {
  await loadChecker();
}

/** Reads, checks and reduces each chosen file, one at a time (only the numbers are kept). */
async function readSummaries(files: readonly Source[], templates: readonly Template[], catalog: PackCatalog, onProgress: (done: number) => void, today: Date): Promise<SourceSummary[]> {
  const { source } = await loadConsolidator();
  const summaries: SourceSummary[] = [];
  for (const f of files) {
    summaries.push(await source.sourceSummary(f, templates, today, catalog));
    onProgress(summaries.length);
  }
  return summaries;
}

/**
 * Reads, checks and reduces each chosen file (one at a time: only the numbers are kept), then
 * consolidates; the workbook's bytes when nothing was refused. `onProgress(done)` after each file.
 */
export async function consolidateFiles(
  files: readonly Source[],
  options: Omit<ConsolidateOptions, 'templates'>,
  catalog: PackCatalog,
  onProgress: (done: number) => void,
  today: Date = new Date(),
): Promise<{ consolidation: Consolidation; bytes: Uint8Array | null }> {
  const { core, writer } = await loadConsolidator();
  const templates = catalog.offeredFirst();
  const summaries = await readSummaries(files, templates, catalog, onProgress, today);
  const consolidation = core.consolidate(summaries, { ...options, templates });
  const bytes = consolidation.refusals.length === 0 ? await writer.writeWorkbook(consolidation.plans) : null;
  return { consolidation, bytes };
}

/**
 * The roll-up (lũy kế) of the chosen files as `bieumau roll-up` makes it: each file read as for
 * consolidation, then `rollUp`; the workbook's bytes when nothing was refused.
 */
export async function rollUpFiles(
  files: readonly Source[],
  options: Omit<RollUpOptions, 'templates'>,
  catalog: PackCatalog,
  onProgress: (done: number) => void,
  today: Date = new Date(),
): Promise<{ rollUp: RollUp; bytes: Uint8Array | null }> {
  const [{ writer }, core] = await Promise.all([loadConsolidator(), loadRollUp()]);
  const templates = catalog.offeredFirst();
  const summaries = await readSummaries(files, templates, catalog, onProgress, today);
  const rollUp = core.rollUp(summaries, { ...options, templates });
  const bytes = rollUp.refusals.length === 0 ? await writer.writeWorkbook(rollUp.plans) : null;
  return { rollUp, bytes };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The page's downloads: the one Blob-URL download of src/ui. */

/**
 * `bieumau check --history` in the page: each checked file that could be read (`workbookOf`: its
 * workbook as its check read it) is compared with the earlier reports (each read once, as the
 * command reads them); the `history.outlier` warnings join its findings as the command inserts
 * them. Returns each compared file's comparison, by result. An earlier file that cannot be read is
 * a note, never a throw.
 */
export async function addHistoryInPage(
  results: FileResult[],
  workbookOf: (r: FileResult) => WorkbookRead | undefined,
  earlier: readonly Source[],
  catalog: PackCatalog,
): Promise<Map<FileResult, HistoryResult>> {
  const { xlsx, json } = await loadHistorian();
  const inputs: EarlierInput[] = [];
  for (const e of earlier) inputs.push(await xlsx.earlierFrom(e, catalog));
  const out = new Map<FileResult, HistoryResult>();
  for (const r of results) {
    const workbook = workbookOf(r);
    if ('error' in r || !workbook) continue;
    out.set(r, json.addHistory(r.findings, workbook, inputs, catalog));
  }
  return out;
}

/** The check's JSON document with each compared file's `history` field (`check --history --json`). */
export async function historyJson(json: string, results: readonly FileResult[], history: Map<FileResult, HistoryResult>): Promise<string> {
  const { json: j } = await loadHistorian();
  return j.jsonWithHistory(json, results, history);
}
