/**
 * The built command line (`bin/bieumau.js`, compiled into build/) run in a child process, as the
 * suites of the commands run it: its exit code, standard output and standard error.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'bieumau.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `bieumau ARGS...` run in `cwd`. */
export function runCli(cwd: string, args: readonly string[], options: { maxBuffer?: number } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', ...options });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A `run(...args)` in the folder `dir()` names when it is called (a suite's folder, made in beforeAll). */
export function cliIn(dir: () => string, options: { maxBuffer?: number } = {}): (...args: string[]) => CliRun {
  return (...args) => runCli(dir(), args, options);
}

/** Compiles the command line when build/ does not hold it yet (`npm test` builds it first). */
export function ensureCliBuilt(): void {
  if (!fs.existsSync(path.join(ROOT, 'build', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
}
