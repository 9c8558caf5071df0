/**
 * `bieumau count OUT.xlsx REGISTER... --from YYYY-MM-DD --to YYYY-MM-DD [--unit TEXT]
 *  [--body COLUMN_ID=REGISTER]... [--json] [--force]` (alias `dem`): Biểu 01 and 02 counted from the
 * document registers (`.xlsx` or `.csv` exports), written as a workbook whose entry cells are live
 * COUNTIFS over one register sheet per register and the tables' own period cells.
 *
 * Exit 0: written. 1: refused — a register whose header row or date column is not found, or that is
 * too large; nothing written. 2: bad usage, or a register that cannot be read at all. The JSON of
 * `--json` is `CountJson` (core/count/count, docs/count.md).
 */
import { basename, resolve } from 'path';
import { TEMPLATES } from '../core/forms/builtin';
import { compareIsoDates, formatRangeVi } from '../core/dates';
import { bodyColumns, countedTemplates, periodJson, type CountJson, type CountSource, type Period } from '../core/count/count';
import type { Register, RegisterRefusal } from '../core/count/register';
import { entryColumns } from '../core/forms/template';
import { formatNumberIn } from '../core/numbers';
import { REGISTER_KIND, takeRegister } from '../xlsx/register-read';
import { pathSource } from './path-source';
import { countRegisters } from '../xlsx/count-workbook';
import { UsageError, parseArgs } from './args';
import { dateOption, textOption } from './report-args';
import { checkTarget, writeFileAtomically } from './new';
import { useDeflateWorker } from './zlib';

const VALUED = ['from', 'to', 'unit'] as const;
const FLAGS = ['json', 'force'] as const;
const REPEATABLE = ['body'] as const;

function fail(vi: string, en: string): never {
  throw new UsageError(`${vi} / ${en}`);
}

export interface CountRequest {
  out: string;
  registers: string[];
  period: Period;
  unit?: string;
  /** Register path (as given) → body column id. */
  bodies: Map<string, string>;
  json: boolean;
  force: boolean;
}

const TABLES = countedTemplates(TEMPLATES);

export function parseCountArgs(args: string[]): CountRequest {
  const { positionals, options, lists } = parseArgs(args, VALUED, FLAGS, REPEATABLE);
  if (positionals.length === 0) fail('thiếu tên tệp cần tạo (OUT.xlsx)', 'missing the output file (OUT.xlsx)');
  const [out, ...registers] = positionals;
  if (!/\.xlsx$/i.test(out) || /^\.xlsx$/i.test(basename(out))) fail(`tệp cần tạo phải có tên và đuôi .xlsx: ${out}`, `the output file must have a name and end in .xlsx: ${out}`);
  if (registers.length === 0) fail('cần ít nhất một sổ văn bản (.xlsx hoặc .csv)', 'give at least one register (.xlsx or .csv)');
  const outFull = resolve(out);
  if (registers.some((r) => resolve(r) === outFull)) fail(`tệp cần tạo cũng là một sổ văn bản: ${out}`, `the output file is also a register: ${out}`);
  const from = dateOption('from', options.from);
  const to = dateOption('to', options.to);
  if (from === undefined || to === undefined) fail('cần cả --from và --to (kỳ đếm, yyyy-mm-dd)', 'both --from and --to are needed (the period counted, yyyy-mm-dd)');
  if (compareIsoDates(from, to) > 0) fail(`--from ${from} sau --to ${to}`, `--from ${from} is after --to ${to}`);
  const unit = textOption('unit', options.unit);
  const allowed = bodyColumns(TABLES);
  const bodies = new Map<string, string>();
  for (const b of lists.body ?? []) {
    const eq = b.indexOf('=');
    if (eq <= 0 || eq === b.length - 1) fail(`--body phải có dạng MÃ_CỘT=SỔ: ${b}`, `--body takes COLUMN_ID=REGISTER: ${b}`);
    const column = b.slice(0, eq).trim();
    const reg = b.slice(eq + 1).trim();
    if (!allowed.includes(column)) fail(`--body: "${column}" không phải cột cơ quan ban hành (có: ${allowed.join(', ')})`, `--body: "${column}" is not an issuing body's column (known: ${allowed.join(', ')})`);
    const given = registers.find((r) => r === reg || resolve(r) === resolve(reg));
    if (given === undefined) fail(`--body: "${reg}" không có trong các sổ đã cho`, `--body: "${reg}" is not one of the registers given`);
    if (bodies.has(given) && bodies.get(given) !== column) fail(`--body: sổ ${reg} được gán hai cơ quan`, `--body: register ${reg} is given two bodies`);
    bodies.set(given, column);
  }
  return { out, registers, period: { from, to }, ...(unit !== undefined ? { unit } : {}), bodies, json: options.json === true, force: options.force === true };
}

/** One register file from disk, through the intake: the register, or a refusal (exit 1) or an unreadable file (exit 2). */
async function loadRegister(path: string): Promise<Register | { refusal: RegisterRefusal; exit: 1 | 2 }> {
  const r = await takeRegister(pathSource(path, REGISTER_KIND));
  if ('refusal' in r) return { refusal: r.refusal, exit: r.refusal.code === 'register.unreadable' || r.refusal.code === 'register.not-utf8' ? 2 : 1 };
  return r;
}

export async function runCount(args: string[]): Promise<number> {
  const req = parseCountArgs(args);
  const full = checkTarget(req.out, req.force);
  // The register sheets' deflating beside the writing, in a worker that starts while the registers are read.
  const stop = useDeflateWorker();
  try {
    return await countAndWrite(req, full);
  } finally {
    await stop();
  }
}

/** The registers read, counted and written to `full`; the summary printed. */
async function countAndWrite(req: CountRequest, full: string): Promise<number> {
  const sources: CountSource[] = [];
  let exit = 0;
  for (const path of req.registers) {
    const r = await loadRegister(path);
    if ('refusal' in r) {
      process.stderr.write(`bieumau: ${r.refusal.message.vi} / ${r.refusal.message.en}\n`);
      exit = Math.max(exit, r.exit);
      continue;
    }
    const body = req.bodies.get(path);
    sources.push({ register: r, ...(body !== undefined ? { body } : {}) });
  }
  if (exit !== 0) return exit;
  const counted = await countRegisters(sources, req.period, req.unit);
  const { summary } = counted;
  writeFileAtomically(full, counted.bytes, req.force, req.out);

  if (req.json) {
    const doc: CountJson = {
      output: full,
      period: periodJson(req.period),
      registers: summary.registers,
      counts: summary.counts,
      unclassified: summary.unclassified.map(({ file, row, symbol, author, reason }) => ({ file, row, symbol, author, reason })),
      notCounted: summary.notCounted.map(({ file, row, symbol, reason }) => ({ file, row, symbol, reason })),
    };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const n = (x: number): string => formatNumberIn(x, 'vi');
  const lines: string[] = [full, `Kỳ đếm / period: ${formatRangeVi(req.period)}`];
  for (const r of summary.registers) {
    lines.push(`  ${r.file}: sổ ${r.kind === 'incoming' ? 'đến' : 'đi'} / ${r.kind} — ${n(r.rows)} dòng / rows, ${n(r.counted)} được đếm / counted, ${n(r.outside)} ngoài kỳ / outside`);
  }
  for (const t of TABLES) {
    const mine = summary.counts.filter((c) => c.table === t.id);
    if (mine.length === 0) continue;
    lines.push(t.name.vi);
    for (const c of mine) {
      const col = entryColumns(t).find((x) => x.id === c.column);
      const g = t.groups.find((x) => x.columns.some((y) => y.id === c.column));
      lines.push(`  ${g && t.groups.length > 1 ? `${g.label.vi} – ` : ''}${col?.label.vi ?? c.column}: ${n(c.value)}`);
    }
  }
  if (summary.unclassified.length > 0) {
    lines.push(`Chưa xếp được cột / unclassified (${n(summary.unclassified.length)}):`);
    for (const u of summary.unclassified) lines.push(`  ${u.file}, dòng ${u.row} ${u.symbol}: ${u.why.vi} / ${u.why.en}`);
  }
  // The findings are made here, for the text only (the JSON does not list them).
  const dup = counted.findings.filter((f) => f.rule === 'register.duplicate');
  for (const f of dup) lines.push(`[CẢNH BÁO] ${f.message.vi} / ${f.message.en}  (register.duplicate)`);
  if (summary.notCounted.length > 0) lines.push(`Không đếm / not counted: ${n(summary.notCounted.length)} dòng / rows (--json liệt kê / lists them)`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
