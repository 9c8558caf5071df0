/** What several benchmarks need: the built command line, and clean copies of the sample workbook. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { readWorkbook } from '../../src/cli/path-source';
import { setCell } from '../../test/support/edit-xlsx';

/** Builds the command line (`npm run build:cli`) when `build/cli/` is missing. */
export function ensureCliBuilt(root: string): void {
  if (fs.existsSync(path.join(root, 'build', 'cli', 'main.js'))) return;
  const b = spawnSync('npm', ['run', 'build:cli'], { cwd: root, encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`npm run build:cli failed: ${b.stderr}`);
}

/**
 * Writes `count` copies of the `--sample` workbook with HĐND made equal (so every file is clean)
 * into `dir` as `bao-cao-001.xlsx`, …; returns their paths.
 */
export async function writeCleanSamples(dir: string, count: number): Promise<string[]> {
  const sample = await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample']));
  const council = (await readWorkbook(sample)).tables[0].columns['local.council'][0];
  const filled = await setCell(sample, council.sheet, council.address, 732);
  const files: string[] = [];
  for (let i = 1; i <= count; i++) {
    const f = path.join(dir, `bao-cao-${String(i).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(f, filled);
    files.push(f);
  }
  return files;
}
