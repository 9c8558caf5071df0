/**
 * `bieumau export INPUT... [--format csv|sdmx-csv|json] [--structure OUT.xml] [-o OUT] [--force]
 *  [--for-excel] [--keep-going] [--pack PACK.json]...`: the figures of workbooks (units' reports,
 * consolidations, roll-ups) as tidy CSV, SDMX-CSV 2.0 or JSON (docs/export.md).
 *
 * INPUT: `.xlsx` files or folders (every `.xlsx` directly inside, by name). Each file is read,
 * checked (its error count goes into every record) and fingerprinted (SHA-256); files with errors
 * are exported. Exit 0: exported; 1: exported with unreadable inputs left out (`--keep-going`);
 * 2: bad usage, or an unreadable input without `--keep-going` (nothing written; the reasons on
 * stderr as `check` gives them), or nothing readable at all. `-o` and `--structure` are written to a
 * temporary file and moved into place, never over an existing file without `--force`.
 */
import { resolve } from 'path';
import type { Text } from '../core/forms/template';
import type { PackCatalog } from '../core/forms/catalog';
import type { FigureRecord } from '../core/export/export';
import type { ExportFormat } from '../core/export/export-doc';
import { UsageError, parseArgs } from './args';
import { PACK_OPTION, catalogFromArgs } from './pack-option';

// Everything else is loaded when the command runs, so that the other commands do not load the
// readers and writers.
async function modules() {
  const [intake, paths, exp, sdmx, sources, create] = await Promise.all([
    import('../xlsx/intake'),
    import('./path-source'),
    import('../core/export/export'),
    import('../core/export/sdmx'),
    import('./sources'),
    import('./new'),
  ]);
  return { intake, paths, exp, sdmx, sources, create };
}

// The command's usage lines live in usage.ts, so `bieumau --help` and `--version` load no command module.

const VALUED = ['format', 'structure', 'output'] as const;
const FLAGS = ['for-excel', 'keep-going', 'force'] as const;


export interface ExportRequest {
  inputs: string[];
  format: ExportFormat;
  /** Where the data goes; null: standard output. */
  out: string | null;
  structure: string | null;
  forExcel: boolean;
  keepGoing: boolean;
  force: boolean;
  catalog: PackCatalog;
}

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

/** `-o FILE` is the short form of `--output FILE` (args.ts takes long options only). */
function withShortOutput(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (a === '-o') out.push('--output');
    else if (a.startsWith('-o=')) out.push(`--output=${a.slice(3)}`);
    else out.push(a);
  }
  return out;
}

export function parseExportArgs(args: string[]): ExportRequest {
  const parsed = parseArgs(withShortOutput(args), VALUED, FLAGS, [PACK_OPTION]);
  const { positionals, options } = parsed;
  if (positionals.length === 0) fail('export: cần ít nhất một tệp .xlsx hoặc thư mục', 'export: give at least one .xlsx file or folder');
  const format = options.format === undefined ? 'csv' : options.format;
  if (format !== 'csv' && format !== 'sdmx-csv' && format !== 'json') fail(`--format phải là csv, sdmx-csv hoặc json: ${String(format)}`, `--format must be csv, sdmx-csv or json: ${String(format)}`);
  const forExcel = options['for-excel'] === true;
  if (forExcel && format !== 'csv') fail('--for-excel chỉ dùng với --format csv', '--for-excel goes with --format csv only');
  const out = typeof options.output === 'string' ? options.output : null;
  const structure = typeof options.structure === 'string' ? options.structure : null;
  for (const [flag, v] of [
    ['-o', out],
    ['--structure', structure],
  ] as const) {
    if (v === '') fail(`${flag} cần một tên tệp`, `${flag} needs a file name`);
  }
  if (out !== null && structure !== null && resolve(out) === resolve(structure)) fail(`-o và --structure cùng một tệp: ${out}`, `-o and --structure name the same file: ${out}`);
  for (const target of [out, structure]) {
    if (target !== null && positionals.some((p) => resolve(p) === resolve(target))) fail(`tệp ghi ra cũng là tệp nguồn: ${target}`, `the output file is also an input: ${target}`);
  }
  const catalog = catalogFromArgs(parsed);
  return { inputs: positionals, format, out, structure, forExcel, keepGoing: options['keep-going'] === true, force: options.force === true, catalog };
}

/** One input read for export: its records, or why it cannot be read (the reasons `check` gives). */
export type ExportInput = { file: string; records: FigureRecord[]; errors: number } | { file: string; error: Text };

/** Takes one file in (`xlsx/intake`: refused by size, read, checked, fingerprinted) and turns it into records; never throws. */
export async function exportFile(file: string, catalog: PackCatalog, today: Date = new Date()): Promise<ExportInput> {
  const m = await modules();
  const i = await m.intake.inspect(m.paths.pathSource(file), { catalog, today, fingerprint: m.paths.nodeSha256 });
  if ('refusal' in i) return { file, error: i.refusal.message };
  const errors = i.counts.errors;
  return { file, errors, records: m.exp.figureRecords({ file, sha256: i.sha256 ?? '', errors, read: i.read }, catalog) };
}

/** The data in the asked format. */
export async function renderExport(records: readonly FigureRecord[], format: ExportFormat, forExcel: boolean, catalog: PackCatalog): Promise<string> {
  const { exportDocument } = await import('../core/export/export-doc');
  return exportDocument(records, format, forExcel, catalog);
}

export async function runExport(args: string[]): Promise<number> {
  const req = parseExportArgs(args);
  const m = await modules();
  // Both targets checked before any file is read: nothing is read for an output that cannot be written.
  const outFull = req.out !== null ? m.create.checkTarget(req.out, req.force) : null;
  const structureFull = req.structure !== null ? m.create.checkTarget(req.structure, req.force) : null;
  const files = m.sources.expandInputs(req.inputs, req.out ?? req.structure ?? '');
  const today = new Date();
  const records: FigureRecord[] = [];
  const unreadable: { file: string; error: Text }[] = [];
  for (const file of files) {
    const r = await exportFile(file, req.catalog, today);
    if ('error' in r) unreadable.push(r);
    else for (const x of r.records) records.push(x);
  }
  for (const u of unreadable) process.stderr.write(`bieumau: ${u.file}: không đọc được: ${u.error.vi} / ${u.file}: cannot be read: ${u.error.en}\n`);
  if (unreadable.length > 0 && !req.keepGoing) {
    process.stderr.write('bieumau: không xuất gì; dùng --keep-going để xuất các tệp đọc được / bieumau: nothing exported; use --keep-going to export the readable files\n');
    return 2;
  }
  if (unreadable.length === files.length) {
    process.stderr.write('bieumau: không có tệp nào đọc được, không xuất gì / bieumau: no file could be read; nothing exported\n');
    return 2;
  }
  const data = await renderExport(records, req.format, req.forExcel, req.catalog);
  const structure = structureFull !== null ? m.sdmx.sdmxStructure(m.sdmx.sdmxObservations(records, req.catalog), req.catalog) : null;
  if (outFull !== null && req.out !== null) m.create.writeFileAtomically(outFull, Buffer.from(data, 'utf8'), req.force, req.out);
  else process.stdout.write(data);
  if (structureFull !== null && structure !== null && req.structure !== null) m.create.writeFileAtomically(structureFull, Buffer.from(structure, 'utf8'), req.force, req.structure);
  if (unreadable.length > 0) {
    const n = unreadable.length;
    process.stderr.write(
      `bieumau: đã xuất ${files.length - n}/${files.length} tệp; bỏ qua ${n} tệp không đọc được (--keep-going) / bieumau: exported ${files.length - n} of ${files.length} files; left out ${n} unreadable (--keep-going)\n`,
    );
    return 1;
  }
  return 0;
}
