/**
 * The command line's shell: argument parsing (node:util.parseArgs underneath, this tool's rules and
 * bilingual one-line messages on top), `bieumau <command> --help`, `bieumau --version`, and what a
 * start loads: `--version` and `check` of one file never load ExcelJS (a subprocess each, the
 * modules in require.cache listed after the command ran).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, UsageError, wantsHelp } from '../../src/cli/args';
import { commandUsage } from '../../src/cli/usage';
import { USAGE, packageVersion } from '../../src/cli/main';
import { buildWorkbook, parseNewArgs } from '../../src/cli/new';
import { cliIn } from '../support/cli';

const ROOT = path.join(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'build', 'cli', 'main.js');
let dir: string;

const run = cliIn(() => dir);

/** Runs main(args) of the built CLI in a fresh process; the modules it had loaded when done. */
function loaded(...args: string[]): { code: number; modules: string[] } {
  const script = `const { main } = require(${JSON.stringify(MAIN)});
main(process.argv.slice(1)).then((code) => {
  process.stderr.write('\\n' + JSON.stringify({ code, modules: Object.keys(require.cache) }));
});`;
  const r = spawnSync(process.execPath, ['-e', script, '--', ...args], { cwd: dir, encoding: 'utf8' });
  const last = r.stderr.trim().split('\n').pop() as string;
  return JSON.parse(last) as { code: number; modules: string[] };
}

beforeAll(async () => {
  if (!fs.existsSync(MAIN)) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bm-args-'));
  fs.writeFileSync(path.join(dir, 'seed.xlsx'), await buildWorkbook(parseNewArgs(['unused.xlsx', '--sample'])));
}, 120000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('parseArgs', () => {
  const parse = (argv: string[]) => parseArgs(argv, ['from', 'lang'], ['json', 'force'], ['pack']);

  test('positionals, flags, values in both forms, repeatable values in order, `--` and `-`', () => {
    expect(parse(['a.xlsx', '--json', '--from', '2025-07-01', '--lang=en', '--pack', 'x.json', 'b.xlsx', '--pack=y.json', '-', '--', '--force'])).toEqual({
      positionals: ['a.xlsx', 'b.xlsx', '-', '--force'],
      options: { json: true, from: '2025-07-01', lang: 'en' },
      lists: { pack: ['x.json', 'y.json'] },
    });
    // a value may start with one dash; the last of a valued option given twice wins
    expect(parse(['--from', '-5', '--from', 'x']).options).toEqual({ from: 'x' });
    expect(parse(['--from=']).options).toEqual({ from: '' });
  });

  test.each([
    [['--colour'], 'tùy chọn không có: --colour / unknown option --colour'],
    [['-f'], 'tùy chọn không có: -f / unknown option -f'],
    [['-fx', 'a'], 'tùy chọn không có: -fx / unknown option -fx'],
    [['--json=yes'], '--json không nhận giá trị / --json takes no value'],
    [['--from'], '--from cần một giá trị / --from needs a value'],
    [['--from', '--json'], '--from cần một giá trị / --from needs a value'],
    [['--pack'], '--pack cần một giá trị / --pack needs a value'],
    [['--no-json'], 'tùy chọn không có: --no-json / unknown option --no-json'],
  ])('%j → UsageError "%s"', (argv, message) => {
    expect(() => parse(argv)).toThrow(new UsageError(message));
  });

  test('wantsHelp: --help or -h before any `--`', () => {
    expect(wantsHelp(['a.xlsx', '--help'])).toBe(true);
    expect(wantsHelp(['-h'])).toBe(true);
    expect(wantsHelp(['a.xlsx', '--', '--help'])).toBe(false);
    expect(wantsHelp(['--helpful', '-hx'])).toBe(false);
  });
});

describe('usage texts', () => {
  test('each command has its own text, starting with its usage line, in both languages', () => {
    for (const cmd of ['templates', 'new', 'check', 'consolidate', 'roll-up', 'packs']) {
      const u = commandUsage(cmd, USAGE) as string;
      expect(u.split('\n')[0]).toMatch(new RegExp(`^Cách dùng / usage: bieumau ${cmd}\\b`));
      expect(u).toContain('-h, --help');
      expect(u).toMatch(/Mã thoát \/ exit codes: 0 /);
    }
    expect(commandUsage('tong-hop', USAGE)).toBe(commandUsage('consolidate', USAGE));
    expect(commandUsage('luy-ke', USAGE)).toBe(commandUsage('roll-up', USAGE));
  });

  test('every option a command takes is in its text', () => {
    const options: Record<string, string[]> = {
      templates: ['--pack'],
      new: ['--templates', '--unit', '--report', '--report-date', '--report-by', '--from', '--to', '--rows', '--sample', '--force', '--pack'],
      check: ['--json', '--lang', '--pack'],
      consolidate: ['--units', '--unit', '--report', '--report-date', '--report-by', '--allow-errors', '--force', '--json', '--pack'],
      'roll-up': ['--unit', '--report', '--report-date', '--report-by', '--allow-errors', '--force', '--json', '--pack'],
      packs: ['--json', '--lang'],
    };
    for (const [cmd, list] of Object.entries(options)) {
      const u = commandUsage(cmd, USAGE) as string;
      for (const o of list) expect([cmd, u.includes(`${o} `)]).toEqual([cmd, true]);
    }
  });

  test('a command with no text of its own gets its lines of the overview; an unknown one none', () => {
    const overview = `Cách dùng / usage:\n  bieumau check FILE...\n  bieumau zz-example OUT.xlsx INPUT...\n                 [--units UNITS.csv]\n  bieumau packs check`;
    expect(commandUsage('zz-example', overview)).toBe('Cách dùng / usage:\n  bieumau zz-example OUT.xlsx INPUT...\n                 [--units UNITS.csv]');
    expect(commandUsage('nothing', overview)).toBeUndefined();
  });
});

describe('bieumau (built)', () => {
  test('--version prints the version of package.json, exit 0', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(packageVersion()).toBe(pkg.version);
    expect(run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  test.each(['templates', 'new', 'check', 'consolidate', 'tong-hop', 'roll-up', 'luy-ke', 'packs'])('%s --help and -h: its usage, exit 0, nothing done', (cmd) => {
    const expected = `${commandUsage(cmd, USAGE) as string}\n`;
    expect(run(cmd, '--help')).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(run(cmd, 'x.xlsx', '-h', '--colour')).toEqual({ code: 0, stdout: expected, stderr: '' });
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
  });

  test('help COMMAND prints that usage; bare `bieumau` the overview with exit 2', () => {
    expect(run('help', 'check').stdout).toBe(`${commandUsage('check', USAGE) as string}\n`);
    expect(run('help')).toEqual({ code: 0, stdout: `${USAGE}\n`, stderr: '' });
    expect(run()).toEqual({ code: 2, stdout: `${USAGE}\n`, stderr: '' });
  });

  test('a parse error: one bilingual line, exit 2; after `--` a --help is a file name', () => {
    expect(run('check', 'seed.xlsx', '--lang')).toEqual({ code: 2, stdout: '', stderr: 'bieumau: --lang cần một giá trị / --lang needs a value\n' });
    expect(run('check', '-q', 'seed.xlsx')).toEqual({ code: 2, stdout: '', stderr: 'bieumau: tùy chọn không có: -q / unknown option -q\n' });
    const r = run('check', '--json', '--', '--help');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({ files: [{ file: '--help', error: { vi: 'Không tìm thấy tệp.', en: 'The file does not exist.' } }] });
  });

  test('--version loads none of the commands; check of one file reads it without ExcelJS', () => {
    const version = loaded('--version');
    expect(version.code).toBe(0);
    expect(version.modules.map((m) => path.relative(path.join(ROOT, 'build', 'cli'), m)).sort()).toEqual(['args.js', 'main.js', 'usage.js']);
    const check = loaded('check', 'seed.xlsx', '--json');
    expect(check.code).toBe(1);
    expect(check.modules.some((m) => m.endsWith(path.join('build', 'xlsx', 'fast-read.js')))).toBe(true);
    expect(check.modules.filter((m) => m.includes(`${path.sep}exceljs${path.sep}`))).toEqual([]);
    // …whereas `new` does load it (the control: the check above can see ExcelJS when it is there)
    const made = loaded('new', 'made.xlsx');
    expect(made.code).toBe(0);
    expect(made.modules.some((m) => m.includes(`${path.sep}exceljs${path.sep}`))).toBe(true);
  });
});
