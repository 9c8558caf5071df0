/**
 * The command-line tool as a package (a subprocess test: it spawns npm). `npm pack` makes the
 * tarball, in a copy of what packing reads (so its `prepack`, which removes build/, and `prepare`,
 * which builds the CLI afresh once, never disturb the repository's build/ while other tests run
 * it); its file list is checked against an allow-list and its size against a budget; then it is installed into a temporary prefix outside the repository
 * (from a temporary folder, so the repository's node_modules is out of reach; npm's cache
 * preferred) and the installed `bieumau` runs: `--version`, `templates`, `new --sample`, `check`.
 */
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string> };
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Files that may ship, exactly; plus the compiled modules of src/{cli,core,xlsx}. */
const ALLOWED = new Set(['package.json', 'README.md', 'LICENSE', 'bin/bieumau.js', 'build/templates/vn.standard.json', 'schemas/bieumau-pack-1.schema.json']);
const COMPILED = /^build\/(cli|core|xlsx)\/(?:[a-z0-9-]+\/)?[a-z0-9-]+\.js$/;
/**
 * Budgets: the tarball and what it unpacks to. Today 164 kB and 655 kB (compiled without comments):
 * the Word report's tie-out and the count from registers brought their readers (were 125 kB and 437 kB).
 */
const MAX_TARBALL_BYTES = 200 * 1024;
const MAX_UNPACKED_BYTES = 800 * 1024;

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}

let tmp: string;
let packed: PackResult;
let tarball: string;
/** What `npm pack` printed (its lifecycle scripts' banners among it). */
let packLog: string;

function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  // npm_config_* of a surrounding `npm test` (its prefix, its global flag) must not leak into these calls.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...env, NODE_PATH: '' }, maxBuffer: 64 * 1024 * 1024 });
}

/** What `npm pack` reads and builds from; node_modules linked (tsc and the types come from there). */
const PACKING_INPUTS = ['package.json', 'package-lock.json', 'README.md', 'LICENSE', 'tsconfig.json', 'tsconfig.cli.json', 'bin', 'schemas', 'src/templates', 'src/core', 'src/xlsx', 'src/cli'];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-package-'));
  const copy = path.join(tmp, 'source');
  for (const p of PACKING_INPUTS) fs.cpSync(path.join(ROOT, p), path.join(copy, p), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'junction');
  const dest = path.join(tmp, 'pack');
  fs.mkdirSync(dest);
  const r = npm(['pack', '--json', '--pack-destination', dest], copy);
  packLog = `${r.stdout}\n${r.stderr}`;
  if (r.status !== 0) throw new Error(`npm pack failed (${String(r.status)}): ${r.stderr.slice(-2000)}`);
  // The JSON document is the last thing on stdout (prepack's and prepare's output come before it).
  const json = r.stdout.slice(r.stdout.lastIndexOf('\n[') + 1);
  [packed] = JSON.parse(json) as PackResult[];
  tarball = path.join(dest, packed.filename);
}, 600000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('npm pack', () => {
  test('bieumau-<version>.tgz holding only what runs: every file allowed, the needed ones there', () => {
    expect(packed.filename).toBe(`bieumau-${PKG.version}.tgz`);
    expect(fs.existsSync(tarball)).toBe(true);
    const files = packed.files.map((f) => f.path).sort();
    expect(files.filter((f) => !ALLOWED.has(f) && !COMPILED.test(f))).toEqual([]);
    for (const f of ALLOWED) expect([f, files.includes(f)]).toEqual([f, true]);
    // every module of the command line, compiled (nothing left out by "files"); a declaration (`.d.ts`) compiles to nothing
    for (const dir of ['cli', 'core', 'xlsx']) {
      const sources = (fs.readdirSync(path.join(ROOT, 'src', dir), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => f.split(path.sep).join('/'));
      for (const s of sources) expect(files).toContain(`build/${dir}/${s.replace(/\.ts$/, '.js')}`);
    }
    // …and none without its source (a module left over from an old build)
    for (const f of files.filter((x) => COMPILED.test(x))) expect([f, fs.existsSync(path.join(ROOT, f.replace(/^build\//, 'src/').replace(/\.js$/, '.ts')))]).toEqual([f, true]);
    expect(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} Biểu mẫu contributors\n/);
  });

  test('packing builds the command line once, after removing the old build', () => {
    const banners = packLog.split('\n').filter((l) => /^> /.test(l) && !/^> bieumau@/.test(l));
    expect(banners.filter((l) => l.includes('tsc -p tsconfig.cli.json'))).toHaveLength(1);
    expect(banners.findIndex((l) => l.includes('rmSync'))).toBeLessThan(banners.findIndex((l) => l.includes('tsc -p tsconfig.cli.json')));
  });

  test('within its size budget', () => {
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
    expect(packed.unpackedSize).toBeLessThan(MAX_UNPACKED_BYTES);
    expect(fs.statSync(tarball).size).toBe(packed.size);
  });
});

describe('installed from the tarball, outside the repository', () => {
  let prefix: string;
  let work: string;
  let bin: string;

  function bieumau(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const r = spawnSync(bin, args, { cwd: work, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  beforeAll(() => {
    prefix = path.join(tmp, 'prefix');
    work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    const r = npm(['install', '-g', '--prefix', prefix, tarball, '--prefer-offline', '--no-audit', '--no-fund'], work);
    if (r.status !== 0) throw new Error(`npm install failed (${String(r.status)}): ${r.stderr.slice(-2000)}`);
    bin = process.platform === 'win32' ? path.join(prefix, 'bieumau.cmd') : path.join(prefix, 'bin', 'bieumau');
  }, 600000);

  test('the runtime dependencies alone came with it; no build step ran', () => {
    const installed = path.join(prefix, 'lib', 'node_modules', 'bieumau');
    expect(fs.existsSync(path.join(installed, 'build', 'cli', 'main.js'))).toBe(true);
    expect(fs.existsSync(path.join(installed, 'src'))).toBe(false);
    expect(Object.keys(PKG.dependencies).sort()).toEqual(['exceljs', 'fflate']);
    for (const dep of Object.keys(PKG.dependencies)) expect([dep, fs.existsSync(path.join(installed, 'node_modules', dep, 'package.json'))]).toEqual([dep, true]);
    for (const dev of ['typescript', 'jest', 'react', 'webpack']) expect([dev, fs.existsSync(path.join(installed, 'node_modules', dev))]).toEqual([dev, false]);
  });

  test('bieumau --version', () => {
    expect(bieumau('--version')).toEqual({ code: 0, stdout: `${PKG.version}\n`, stderr: '' });
  });

  test('templates: the built-in pack is found', () => {
    const r = bieumau('templates');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t').slice(0, 3))).toEqual([
      ['b01', 'v1', 'Biểu 01'],
      ['b02', 'v1', 'Biểu 02'],
      ['b03', 'v1', 'Biểu 03'],
      ['b04', 'v1', 'Biểu 04'],
    ]);
  });

  test('new --sample, then check: the seed\'s HĐND mismatch, exit 1', () => {
    const made = bieumau('new', 'mau.xlsx', '--sample');
    expect(made).toEqual({ code: 0, stdout: `${path.join(fs.realpathSync(work), 'mau.xlsx')}\n`, stderr: '' });
    const r = bieumau('check', 'mau.xlsx', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout) as { files: { file: string; findings: { rule: string; severity: string; cells: unknown; left: number; right: number; difference: number }[] }[] };
    expect(doc.files.map((f) => f.file)).toEqual(['mau.xlsx']);
    expect(doc.files[0].findings.map((f) => [f.rule, f.severity, f.cells, f.left, f.right, f.difference])).toEqual([
      ['cross.council', 'error', [{ sheet: 'Biểu 02', address: 'M8' }, { sheet: 'Biểu 01', address: 'J8' }], 732, 752, -20],
    ]);
    expect(bieumau('check', '--help').stdout).toMatch(/^Cách dùng \/ usage: bieumau check FILE\.xlsx\.\.\./);
  });
});
