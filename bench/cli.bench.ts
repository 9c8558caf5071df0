/**
 * The built command line (`node bin/bieumau.js`), wall time in ms, process start included:
 * - `cli_start_ms`: `bieumau --version`, median of 5 runs (what every start pays);
 * - `cli_check_ms_1`: `bieumau check` of one filled workbook, median of 5 runs;
 * - `cli_check_ms_124`: one `bieumau check` call on 124 filled workbooks, median of 3 runs.
 * The workbooks are copies of the `--sample` workbook with HĐND made equal, so every file is clean.
 * Builds the CLI if missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt, writeCleanSamples } from './support/cli';

const FILES = 124;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)]);
}

/** Wall times of `runs` runs of the CLI with `args` in `cwd`, each checked by `ok`. */
function timed(bin: string, args: string[], cwd: string, runs: number, ok: (stdout: string, status: number | null) => string | null): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const wrong = ok(r.stdout, r.status);
    if (wrong !== null) throw new Error(`bieumau ${args.slice(0, 2).join(' ')}: ${wrong} ${r.stderr.slice(0, 300)}`);
    times.push(ms);
  }
  return times;
}

/** The `check --json` output holds `files` clean files. */
function allClean(files: number): (stdout: string, status: number | null) => string | null {
  return (stdout, status) => {
    if (status !== 0) return `exited ${String(status)}`;
    const doc = JSON.parse(stdout) as { files: { findings?: unknown[] }[] };
    if (doc.files.length !== files || doc.files.some((f) => !f.findings || f.findings.length !== 0)) return 'bench files should all be clean';
    return null;
  };
}

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  const bin = path.join(root, 'bin', 'bieumau.js');
  ensureCliBuilt(root);
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-cli-'));
  try {
    const files = (await writeCleanSamples(dir, FILES)).map((f) => path.basename(f));
    const start = timed(bin, ['--version'], dir, 5, (stdout, status) => (status === 0 && stdout === `${version}\n` ? null : `printed ${JSON.stringify(stdout)}, exit ${String(status)}`));
    const one = timed(bin, ['check', files[0], '--json'], dir, 5, allClean(1));
    const all = timed(bin, ['check', ...files, '--json'], dir, 3, allClean(FILES));
    return { cli_start_ms: median(start), cli_check_ms_1: median(one), cli_check_ms_124: median(all) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
