/**
 * One Node.js command run as a child process and measured: wall time, and the peak resident memory
 * and CPU time of that process alone (reported by `report-rss.js`, preloaded with `node -r`).
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface Measured {
  result: SpawnSyncReturns<string>;
  /** Wall time in ms, process start included. */
  ms: number;
  /** Peak resident memory of the child in MB. */
  rssMb: number;
  /** CPU time of the child, user + system, in ms. */
  cpuMs: number;
}

/** `node -r report-rss.js ...args` in `cwd`; stdout and stderr as UTF-8 text. */
export function runMeasured(args: readonly string[], cwd: string, maxBuffer = 64 * 1024 * 1024): Measured {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-measure-'));
  const file = path.join(tmp, 'usage.json');
  try {
    const t0 = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'report-rss.js'), ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, BM_RSS_FILE: file },
      maxBuffer,
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!fs.existsSync(file)) throw new Error(`the measured process wrote no usage (exit ${String(result.status)}): ${result.stderr.slice(0, 500)}`);
    const usage = JSON.parse(fs.readFileSync(file, 'utf8')) as { rssMb: number; cpuMs: number };
    return { result, ms, rssMb: usage.rssMb, cpuMs: usage.cpuMs };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
