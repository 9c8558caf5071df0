/**
 * `bieumau new OUT.xlsx [--templates 01,03] [--unit TEXT] [--report NO --report-date DATE]
 *  [--report-by TEXT] [--from DATE --to DATE] [--rows N] [--sample] [--force] [--pack PACK.json]...`
 *
 * Every option is checked before anything is written; the workbook is written to a temporary
 * file in the target folder and renamed, so a failure never leaves a partial file (and a run killed
 * while writing leaves only its temporary file, removed by the next run that writes there).
 */
import { randomBytes } from 'crypto';
import { accessSync, constants, existsSync, linkSync, lstatSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { BUILTIN_CATALOG, SEED_REPORT, TEMPLATES } from '../core/forms/builtin';
import type { Template } from '../core/forms/template';
import type { PackCatalog } from '../core/forms/catalog';
import type { LayoutOptions } from '../core/forms/plan';
import { compareIsoDates } from '../core/dates';
import { templateWorkbook } from '../xlsx/new-workbook';
import { UsageError, parseArgs } from './args';
import { dateOption, textOption } from './report-args';
import { PACK_OPTION, catalogFromArgs, packsFromArgs } from './pack-option';

const VALUED = ['templates', 'unit', 'report', 'report-date', 'report-by', 'from', 'to', 'rows'] as const;
const FLAGS = ['sample', 'force'] as const;

/** What `--sample` fills in when the option is not given (the seed report 52-BC/TU). */
export const SAMPLE_DEFAULTS = SEED_REPORT;

export interface NewRequest {
  out: string;
  templates: Template[];
  options: LayoutOptions;
  sample: boolean;
  force: boolean;
}

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

/**
 * `01`, `1`, `b01`, `B01` → the standard table; a template of another loaded pack by its id, or as
 * `pack:id` when two packs share the id. Unknown or ambiguous ids are reported by name.
 */
export function parseTemplateList(list: string, catalog: PackCatalog = BUILTIN_CATALOG): Template[] {
  const ids = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (ids.length === 0) fail('--templates trống', '--templates is empty');
  const out: Template[] = [];
  for (const id of ids) {
    const found = catalog.resolve(id);
    if ('error' in found) fail(found.error.vi, found.error.en);
    if (!out.includes(found.template)) out.push(found.template);
  }
  return out;
}

/** Parses and checks the arguments; throws UsageError (one line, vi / en) on the first problem. */
export function parseNewArgs(args: string[]): NewRequest {
  const parsed = parseArgs(args, VALUED, FLAGS, [PACK_OPTION]);
  const { positionals, options } = parsed;
  if (positionals.length === 0) fail('thiếu tên tệp cần tạo (OUT.xlsx)', 'missing the output file (OUT.xlsx)');
  if (positionals.length > 1) fail(`thừa tham số: ${positionals.slice(1).join(' ')}`, `unexpected arguments: ${positionals.slice(1).join(' ')}`);
  const out = positionals[0];
  if (!/\.xlsx$/i.test(out)) fail(`tệp cần tạo phải có đuôi .xlsx: ${out}`, `the output file must end in .xlsx: ${out}`);
  if (/^\.xlsx$/i.test(basename(out))) fail(`tên tệp trống trước đuôi .xlsx: ${out}`, `the output file has no name before .xlsx: ${out}`);

  const sample = options.sample === true;
  const force = options.force === true;
  const catalog = catalogFromArgs(parsed);
  // Without --templates: the tables of the packs given with --pack, or the standard tables.
  const packs = packsFromArgs(parsed, catalog);
  const templates =
    typeof options.templates === 'string'
      ? parseTemplateList(options.templates, catalog)
      : packs.length > 0
        ? packs.flatMap((p) => p.templates.map((t) => catalog.find(p.id, t.id, t.version) as Template))
        : [...TEMPLATES];

  const reportDate = dateOption('report-date', options['report-date']);
  const from = dateOption('from', options.from);
  const to = dateOption('to', options.to);
  // A period is both ends or neither: half a period would leave the per-day and per-month
  // averages blank, and with --sample it would be mixed with the other end of the seed's period.
  if ((from === undefined) !== (to === undefined)) {
    const [given, missing] = from !== undefined ? ['--from', '--to'] : ['--to', '--from'];
    fail(`có ${given} nhưng thiếu ${missing}: kỳ báo cáo cần cả hai ngày`, `${given} needs ${missing}: the report period takes both dates`);
  }
  const defaults = sample ? SAMPLE_DEFAULTS : undefined;
  const layoutOptions: LayoutOptions = {
    unit: textOption('unit', options.unit) ?? defaults?.unit,
    reportNo: textOption('report', options.report) ?? defaults?.reportNo,
    reportDate: reportDate ?? defaults?.reportDate,
    reportBy: textOption('report-by', options['report-by']) ?? defaults?.reportBy,
    from: from ?? defaults?.from,
    to: to ?? defaults?.to,
  };
  if (layoutOptions.from !== undefined && layoutOptions.to !== undefined && compareIsoDates(layoutOptions.from, layoutOptions.to) > 0) {
    fail(
      `--from ${layoutOptions.from} sau --to ${layoutOptions.to}: ngày bắt đầu phải trước ngày kết thúc`,
      `--from ${layoutOptions.from} is after --to ${layoutOptions.to}`,
    );
  }
  if (options.rows !== undefined) {
    const n = typeof options.rows === 'string' && /^\d+$/.test(options.rows) ? Number(options.rows) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > 10000) fail(`--rows phải là số nguyên từ 1 đến 10000: ${String(options.rows)}`, `--rows must be a whole number from 1 to 10000: ${String(options.rows)}`);
    layoutOptions.dataRows = n;
  }
  for (const k of Object.keys(layoutOptions) as (keyof LayoutOptions)[]) if (layoutOptions[k] === undefined) delete layoutOptions[k];
  return { out, templates, options: layoutOptions, sample, force };
}

/** Checks the target path: folder exists and is writable, the file is absent (or --force and a file). */
export function checkTarget(out: string, force: boolean): string {
  const full = resolve(out);
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) fail(`thư mục không tồn tại: ${dir}`, `folder does not exist: ${dir}`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    fail(`không ghi được vào thư mục: ${dir}`, `cannot write to folder: ${dir}`);
  }
  if (existsSync(full)) {
    if (statSync(full).isDirectory()) fail(`đã có một thư mục trùng tên: ${out}`, `a folder has that name: ${out}`);
    if (!force) fail(`tệp đã có: ${out} (dùng --force để ghi đè)`, `file exists: ${out} (use --force to overwrite)`);
    try {
      accessSync(full, constants.W_OK);
    } catch {
      fail(`không ghi đè được tệp: ${out}`, `cannot overwrite file: ${out}`);
    }
  }
  return full;
}

export async function buildWorkbook(req: Pick<NewRequest, 'templates' | 'options' | 'sample'>): Promise<Buffer> {
  const bytes = await templateWorkbook(req.templates, req.options, req.sample);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function errorCode(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/**
 * Writes `data` to a temporary file in the target's folder, then moves it into place: renamed over
 * the target with `force`; otherwise hard-linked, which fails if a file appeared at the target since
 * `checkTarget` (another process), so an existing file is never replaced without `force`. Where the
 * file system has no hard links (FAT, some network shares) it falls back to a rename after checking
 * again. The temporary file is removed on every path.
 */
export function writeFileAtomically(full: string, data: Uint8Array, force: boolean, shown: string = full): void {
  removeStaleTemporaries(dirname(full));
  // A short name of its own: `.<target>.tmp` could exceed the file-name limit when the target does not.
  const tmp = join(dirname(full), `.bieumau-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    created = true;
    if (force) {
      renameSync(tmp, full);
    } else {
      try {
        linkSync(tmp, full);
      } catch (e) {
        const code = errorCode(e);
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EMLINK') throw e;
        if (lstatExists(full)) throw Object.assign(new Error('file exists'), { code: 'EEXIST' });
        renameSync(tmp, full);
      }
    }
  } catch (e) {
    if (created || errorCode(e) !== 'EEXIST') removeQuietly(tmp);
    if (created && errorCode(e) === 'EEXIST') fail(`tệp đã có: ${shown} (dùng --force để ghi đè)`, `file exists: ${shown} (use --force to overwrite)`);
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    const code = errorCode(e);
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      fail(
        `ổ đĩa đã đầy (hoặc hết hạn mức), không ghi được tệp ${shown}; không có gì bị thay đổi: hãy giải phóng chỗ trống hoặc ghi ra ổ khác rồi chạy lại`,
        `the disk is full (or the quota is used up), ${shown} was not written; nothing was changed: free some space or write to another disk, then run again`,
      );
    }
    fail(`không ghi được tệp ${shown}: ${why}`, `cannot write ${shown}: ${why}`);
  }
  if (existsSync(tmp)) removeQuietly(tmp);
}

/** The temporary files `writeFileAtomically` names: `.bieumau-<pid>-<12 hex digits>.tmp`. */
const TEMPORARY = /^\.bieumau-(\d+)-[0-9a-f]{12}\.tmp$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return errorCode(e) === 'EPERM';
  }
}

/**
 * Removes the temporary files left in `dir` by a run that was killed while writing (power cut,
 * `kill -9`, the terminal closed): those of a process that no longer runs. Never throws.
 */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY.exec(name);
    if (m && Number(m[1]) !== process.pid && !processAlive(Number(m[1]))) removeQuietly(join(dir, name));
  }
}

function lstatExists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export async function runNew(args: string[]): Promise<number> {
  const req = parseNewArgs(args);
  const full = checkTarget(req.out, req.force);
  const buffer = await buildWorkbook(req);
  writeFileAtomically(full, buffer, req.force, req.out);
  process.stdout.write(`${full}\n`);
  return 0;
}
