/**
 * `cli_check_ms_124`: one `bieumau check` call (the built command line, `node bin/bieumau.js`) on
 * 124 filled workbooks — copies of the `--sample` workbook with HĐND made equal, so every file is
 * clean — wall time in ms, process start included, median of 3 runs. Builds the CLI if missing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../src/cli/new';
import { readWorkbook } from '../src/xlsx/reader';
import { setCell } from '../test/support/edit-xlsx';

const FILES = 124;
const RUNS = 3;

export async function run(): Promise<Record<string, number>> {
  const root = path.join(__dirname, '..');
  const bin = path.join(root, 'bin', 'bieumau.js');
  if (!fs.existsSync(path.join(root, 'build', 'cli', 'main.js'))) {
    const b = spawnSync('npm', ['run', 'build:cli'], { cwd: root, encoding: 'utf8' });
    if (b.status !== 0) throw new Error(`npm run build:cli failed: ${b.stderr}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-bench-cli-'));
  try {
    const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
    const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
    const filled = await setCell(sample, council.sheet, council.address, 732);
    const files: string[] = [];
    for (let i = 1; i <= FILES; i++) {
      const f = `bao-cao-${String(i).padStart(3, '0')}.xlsx`;
      fs.writeFileSync(path.join(dir, f), filled);
      files.push(f);
    }
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
