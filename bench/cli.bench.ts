/**
 * `cli_check_ms_124`: one `bieumau check` call (the built command line, `node bin/bieumau.js`) on
 * 124 filled workbooks — copies of the `--sample` workbook with HĐND made equal, so every file is
 * clean — wall time in ms, process start included, median of 3 runs. Builds the CLI if missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureCliBuilt, writeCleanSamples } from './support/cli';

const FILES = 124;
const RUNS = 3;

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  const bin = path.join(root, 'bin', 'bieumau.js');
  ensureCliBuilt(root);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-cli-'));
  try {
    const files = (await writeCleanSamples(dir, FILES)).map((f) => path.basename(f));
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [bin, 'check', ...files, '--json'], { cwd: dir, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`bieumau check exited ${String(r.status)}: ${r.stderr || r.stdout.slice(0, 300)}`);
      const doc = JSON.parse(r.stdout) as { files: { findings?: unknown[] }[] };
      if (doc.files.length !== FILES || doc.files.some((f) => !f.findings || f.findings.length !== 0)) throw new Error('bench files should all be clean');
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    return { cli_check_ms_124: Math.round(times[Math.floor(times.length / 2)]) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
