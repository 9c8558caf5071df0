/**
 * Faults around the command line's writing, with the built CLI (`npm run build:cli`):
 * - a command killed (SIGKILL) while it writes leaves OUT as it was: no half-written file, only
 *   its temporary file, which the next run writing to that folder removes;
 * - a full disk (a 16 KB tmpfs, mounted in a private mount namespace with `unshare`) gives a clear
 *   Vietnamese and English message and exit 2, OUT as it was, nothing left behind;
 * - a workbook open in Excel (its `~$` lock file beside it) is read, not refused.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

const BIN = resolve(__dirname, '..', '..', 'bin', 'bieumau.js');

function run(args: string[], opts: { cwd: string; preload?: string }): { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...(opts.preload ? ['-r', opts.preload] : []), BIN, ...args], { cwd: opts.cwd, encoding: 'utf8' });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const temporaries = (dir: string): string[] => readdirSync(dir).filter((f) => /^\.bieumau-\d+-[0-9a-f]{12}\.tmp$/.test(f));

/**
 * A module loaded before the CLI (`node -r`) that kills the process with SIGKILL at one step of
 * writing OUT: `half` half-way through writing the temporary file (half its bytes on disk),
 * `before-move` once it is written, before it is moved into place.
 */
function killer(dir: string, when: 'half' | 'before-move'): string {
  const file = join(dir, `kill-${when}.js`);
  writeFileSync(
    file,
    `const fs = require('fs');
const TMP = /\\.bieumau-\\d+-[0-9a-f]{12}\\.tmp$/;
const write = fs.writeFileSync;
fs.writeFileSync = function (p, data, ...rest) {
  if (typeof p === 'string' && TMP.test(p)) {
    ${when === 'half' ? "write.call(fs, p, data.subarray(0, data.length >> 1), ...rest); process.kill(process.pid, 'SIGKILL');" : "write.call(fs, p, data, ...rest); for (const k of ['linkSync', 'renameSync']) fs[k] = () => process.kill(process.pid, 'SIGKILL'); return;"}
  }
  return write.call(fs, p, data, ...rest);
};
`,
  );
  return file;
}

describe('a command killed while writing leaves OUT as it was', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'bieumau-kill-'));
    expect(run(['new', 'xa.xlsx', '--sample', '--unit', 'Xã 1'], { cwd: dir }).code).toBe(0);
    expect(run(['new', 'xb.xlsx', '--sample', '--unit', 'Xã 2'], { cwd: dir }).code).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const commands: Record<string, string[]> = {
    new: ['new', 'out.xlsx', '--sample', '--force'],
    consolidate: ['consolidate', 'out.xlsx', 'xa.xlsx', 'xb.xlsx', '--force', '--allow-errors'],
    export: ['export', 'xa.xlsx', '-o', 'out.xlsx', '--force'],
  };

  for (const [name, args] of Object.entries(commands)) {
    for (const when of ['half', 'before-move'] as const) {
      it(`${name}, killed ${when === 'half' ? 'half-way through writing' : 'before moving the file into place'}: OUT unchanged, the next run cleans up`, () => {
        const before = `an earlier report, ${name} ${when}`;
        writeFileSync(join(dir, 'out.xlsx'), before);
        const killed = run(args, { cwd: dir, preload: killer(dir, when) });
        expect(killed.signal).toBe('SIGKILL');
        expect(readFileSync(join(dir, 'out.xlsx'), 'utf8')).toBe(before);
        // What the killed run left: its temporary file alone.
        const left = temporaries(dir);
        expect(left).toHaveLength(1);
        const again = run(args, { cwd: dir });
        expect(again.code).not.toBe(2);
        expect(readFileSync(join(dir, 'out.xlsx')).length).toBeGreaterThan(before.length);
        expect(temporaries(dir)).toEqual([]);
      });
    }
  }

  it('a temporary file of a process still running is left alone', () => {
    const mine = `.bieumau-${process.pid}-0123456789ab.tmp`;
    writeFileSync(join(dir, mine), 'in use');
    expect(run(['new', 'out.xlsx', '--force'], { cwd: dir }).code).toBe(0);
    expect(temporaries(dir)).toEqual([mine]);
    rmSync(join(dir, mine));
  });
});

/**
 * Runs `script` (sh) in a private mount namespace where `dir` is a 16 KB tmpfs: with `unshare -rm`
 * (a user namespace: no root needed), or as root with `unshare -m`. Fails, saying what is missing,
 * when neither works: the test is never skipped.
 */
function inSmallTmpfs(dir: string, script: string): { code: number | null; stdout: string; stderr: string } {
  const mount = `mount -t tmpfs -o size=16k tmpfs "${dir}" && cd "${dir}" && ${script}`;
  const tries = [['unshare', '-rm', 'sh', '-c', mount]];
  if (process.getuid?.() === 0) tries.push(['unshare', '-m', 'sh', '-c', mount]);
  const failures: string[] = [];
  for (const [cmd, ...args] of tries) {
    const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, BIN, NODE: process.execPath } });
    if (r.error) {
      failures.push(`${cmd} ${args[0]}: ${r.error.message}`);
      continue;
    }
    if (r.stdout.includes('MOUNTED')) return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    failures.push(`${cmd} ${args[0]}: ${r.stderr.trim()}`);
  }
  throw new Error(
    `the full-disk test needs a small tmpfs: \`unshare -rm\` (util-linux, with unprivileged user namespaces: sysctl kernel.unprivileged_userns_clone=1) or root for \`unshare -m\`; tried: ${failures.join('; ')}`,
  );
}

describe('a full disk', () => {
  it('new and consolidate: a clear message in both languages, exit 2, OUT as it was, nothing left behind', () => {
    const work = mkdtempSync(join(tmpdir(), 'bieumau-full-'));
    const disk = join(work, 'disk');
    try {
      expect(run(['new', 'xa.xlsx', '--sample'], { cwd: work }).code).toBe(0);
      mkdirSync(disk);
      const src = join(work, 'xa.xlsx');
      const script = [
        'echo MOUNTED',
        'printf "an earlier report" > out.xlsx',
        '"$NODE" "$BIN" new out.xlsx --sample --force; echo "NEW_EXIT=$?"',
        `"$NODE" "$BIN" consolidate out.xlsx "${src}" --force --allow-errors; echo "CONSOLIDATE_EXIT=$?"`,
        `"$NODE" "$BIN" new fresh.xlsx --sample; echo "FRESH_EXIT=$?"`,
        'echo "OUT=$(cat out.xlsx)"',
        'echo "FILES=$(ls -A | tr "\\n" " ")"',
      ].join('; ');
      const r = inSmallTmpfs(disk, script);
      expect(r.stdout).toContain('NEW_EXIT=2');
      expect(r.stdout).toContain('CONSOLIDATE_EXIT=2');
      expect(r.stdout).toContain('FRESH_EXIT=2');
      expect(r.stdout).toContain('OUT=an earlier report');
      expect(r.stdout).toMatch(/FILES=out\.xlsx\s*$/m);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toEqual([
        'bieumau: ổ đĩa đã đầy (hoặc hết hạn mức), không ghi được tệp out.xlsx; không có gì bị thay đổi: hãy giải phóng chỗ trống hoặc ghi ra ổ khác rồi chạy lại / the disk is full (or the quota is used up), out.xlsx was not written; nothing was changed: free some space or write to another disk, then run again',
        'bieumau: ổ đĩa đã đầy (hoặc hết hạn mức), không ghi được tệp out.xlsx; không có gì bị thay đổi: hãy giải phóng chỗ trống hoặc ghi ra ổ khác rồi chạy lại / the disk is full (or the quota is used up), out.xlsx was not written; nothing was changed: free some space or write to another disk, then run again',
        'bieumau: ổ đĩa đã đầy (hoặc hết hạn mức), không ghi được tệp fresh.xlsx; không có gì bị thay đổi: hãy giải phóng chỗ trống hoặc ghi ra ổ khác rồi chạy lại / the disk is full (or the quota is used up), fresh.xlsx was not written; nothing was changed: free some space or write to another disk, then run again',
      ]);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe('a workbook open in Excel', () => {
  it('with its ~$ lock file beside it: checked and consolidated, the lock file never read as a source', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bieumau-lock-'));
    try {
      const units = join(dir, 'xa');
      mkdirSync(units);
      expect(run(['new', join('xa', 'xa-1.xlsx'), '--sample', '--unit', 'Xã 1'], { cwd: dir }).code).toBe(0);
      // What Excel writes while a workbook is open: the owner's name, padded, 165 bytes.
      const lock = Buffer.alloc(165, 0x20);
      lock[0] = 7;
      lock.write('Văn thư', 1, 'latin1');
      writeFileSync(join(units, '~$xa-1.xlsx'), lock);
      const check = run(['check', join('xa', 'xa-1.xlsx'), '--json'], { cwd: dir });
      expect(check.code).toBe(1);
      const doc = JSON.parse(check.stdout) as { files: { file: string; error?: unknown; findings?: { rule: string }[] }[] };
      expect(doc.files.map((f) => [f.file, f.error])).toEqual([[join('xa', 'xa-1.xlsx'), undefined]]);
      expect(doc.files[0].findings?.map((f) => f.rule)).toContain('cross.council');
      const consolidated = run(['consolidate', 'tong-hop.xlsx', 'xa', '--allow-errors', '--json'], { cwd: dir });
      expect(consolidated.code).toBe(1);
      const sources = (JSON.parse(consolidated.stdout) as { sources: { file: string; included: boolean }[] }).sources;
      expect(sources.map((s) => [s.file, s.included])).toEqual([[join('xa', 'xa-1.xlsx'), true]]);
      expect(existsSync(join(dir, 'tong-hop.xlsx'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
